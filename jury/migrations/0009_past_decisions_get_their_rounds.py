"""Past rounds get their purposes and past decisions their rounds.

Round 1 of a campaign that has a round 2 becomes its preselection, every other
round a final. A decision recorded before rounds had purposes belongs to its
campaign's last round. The files on an existing round 2's shortlist get the
preselection's decision "retenu pour la finale" (recorded by nobody, at the close
of round 1, before any decision the file already had), so that the final's files
are exactly those the preselection retained. Nothing is deleted.
"""

import datetime

from django.db import migrations


def give_purposes_and_rounds(apps, schema_editor):
    JuryRound = apps.get_model("jury", "JuryRound")
    Decision = apps.get_model("jury", "Decision")
    rounds = {}
    for jury_round in JuryRound.objects.order_by("campaign_id", "number"):
        rounds.setdefault(jury_round.campaign_id, []).append(jury_round)
    for campaign_rounds in rounds.values():
        first, last = campaign_rounds[0], campaign_rounds[-1]
        if len(campaign_rounds) > 1 and first.number == 1:
            first.purpose = "preselection"
            first.save(update_fields=["purpose"])
        Decision.objects.filter(application__campaign_id=first.campaign_id, round__isnull=True).update(round=last)
        if first.purpose != "preselection":
            continue
        for final in campaign_rounds[1:]:
            for application_id in final.shortlist.values_list("id", flat=True):
                earliest = (Decision.objects.filter(application_id=application_id).order_by("recorded_at")
                            .values_list("recorded_at", flat=True).first())
                when = first.closes_at if earliest is None else min(first.closes_at,
                                                                     earliest - datetime.timedelta(seconds=1))
                if not Decision.objects.filter(application_id=application_id, round=first).exists():
                    Decision.objects.create(application_id=application_id, round=first, outcome="finale",
                                            recorded_at=when, recorded_by=None)


class Migration(migrations.Migration):

    dependencies = [
        ('jury', '0008_round_purposes_levels_eliminatory_criteria'),
    ]

    operations = [
        migrations.RunPython(give_purposes_and_rounds, migrations.RunPython.noop),
    ]
