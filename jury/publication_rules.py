"""When a campaign's results may be published: the workflow order, checked on the server.

Pure: the publication service and the confirmation page hand in what they read
(the campaign's dates, its rounds' dates, the files still undecided) and the
clock, and both show the same French reasons. A screen that hides the button
is a convenience; these rules are what refuses a request made by hand.
"""

import datetime
import zoneinfo
from dataclasses import dataclass

from django.utils import formats
from django.utils.translation import gettext as _

from jury.phases import RoundPhase, round_phase

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


@dataclass(frozen=True)
class RoundFacts:
    """What the rules need of one round of the campaign."""

    name: str
    opens_at: datetime.datetime
    closes_at: datetime.datetime
    deliberation_opens_at: datetime.datetime | None


@dataclass(frozen=True)
class CampaignFacts:
    """What the rules need of the campaign: its page, its rounds, and the files still without a decision."""

    live: bool
    closes_at: datetime.datetime | None
    already_published: bool
    rounds: tuple[RoundFacts, ...]
    undecided: tuple[str, ...]  # references of the files the jury looks at that have no decision yet
    examined: int  # how many files the jury looks at


def _paris(moment: datetime.datetime) -> str:
    return formats.date_format(moment.astimezone(PARIS), "j F Y à H:i")


def refusals(facts: CampaignFacts, now: datetime.datetime) -> list[str]:
    """Every reason the results cannot be published at `now` (French sentences); empty when they can.

    In the order a newcomer meets them: already published, page offline,
    applications not closed, a round still open (or not yet opened) for
    scoring, a round's deliberation not yet open, files without a decision.
    """
    if facts.already_published:
        return [_("Les résultats de cette campagne sont déjà publiés.")]
    reasons = []
    if not facts.live:
        reasons.append(_("La page de la campagne n'est pas en ligne : publiez-la d'abord."))
    if facts.closes_at is None or now <= facts.closes_at:
        reasons.append(_("Les candidatures ne sont pas encore closes : les résultats attendront."))
    for jury_round in facts.rounds:
        phase = round_phase(jury_round.opens_at, jury_round.closes_at, now)
        if phase in (RoundPhase.UPCOMING, RoundPhase.OPEN):
            reasons.append(_("La notation du tour « %(round)s » est encore ouverte jusqu'au %(date)s : "
                             "les résultats attendront sa clôture.")
                           % {"round": jury_round.name, "date": _paris(jury_round.closes_at)})
        elif jury_round.deliberation_opens_at is not None and now < jury_round.deliberation_opens_at:
            reasons.append(_("La délibération du tour « %(round)s » ne s'ouvre que le %(date)s.")
                           % {"round": jury_round.name, "date": _paris(jury_round.deliberation_opens_at)})
    if facts.undecided:
        reasons.append(_("Le jury n'a pas encore décidé pour %(count)d candidature(s) : %(references)s.")
                       % {"count": len(facts.undecided), "references": ", ".join(facts.undecided)})
    elif facts.examined == 0:
        reasons.append(_("Aucune candidature n'a été examinée par le jury : rien à publier."))
    return reasons
