"""The usefulness vote: "Cette ressource vous a-t-elle été utile ? oui / non", one answer per signed-in person and
resource (a database constraint), which a second vote changes rather than adds to."""

from django.db import IntegrityError, transaction
from django.db.models import Count, Q

from resources import rules
from resources.models import ResourceVote


def vote(resource, person, useful: bool, now) -> ResourceVote:
    """Record or change `person`'s answer; two votes at once still make one row."""
    try:
        with transaction.atomic():
            row, _created = ResourceVote.objects.update_or_create(
                resource=resource, person=person, defaults={"useful": useful, "voted_at": now})
    except IntegrityError:  # the same person voted in another request at the same instant: keep one row
        row = ResourceVote.objects.get(resource=resource, person=person)
        row.useful, row.voted_at = useful, now
        row.save(update_fields=["useful", "voted_at"])
    return row


def tally(resource, person) -> dict:
    """The counts shown under the question, the share of "oui", and the reader's own answer (None: none yet, or
    not signed in), in one query."""
    mine = Q(person_id=person.pk) if person.is_authenticated else Q(pk__in=[])
    counts = ResourceVote.objects.filter(resource=resource).aggregate(
        yes=Count("pk", filter=Q(useful=True)), no=Count("pk", filter=Q(useful=False)),
        mine_yes=Count("pk", filter=mine & Q(useful=True)), mine_total=Count("pk", filter=mine))
    return {"useful": counts["yes"], "not_useful": counts["no"], "share": rules.usefulness(counts["yes"], counts["no"]),
            "mine": bool(counts["mine_yes"]) if counts["mine_total"] else None}
