"""Who may see and do what in the jury: the one place that decides, next to `labels.permissions`.

A juror sees only the applications assigned to them in a round of a campaign
they sit on, never one they declared a conflict on (in any round), and opens
one only after declaring no conflict; what they may do on one file is decided
once per request by `jury/scoring_state.py`. Campaign staff (as
`labels.permissions.is_campaign_staff` decides) run every round. A test walks
the roles × URLs matrix of the jury's pages.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from jury.models import Assignment, ConflictDeclaration, JuryMember, JuryRound, RoundPurpose
from labels.models import Application
from labels.permissions import is_active, is_applicant, is_campaign_staff
from labels.public_results import shows_pitch


def require_staff(user):
    """Refuse a write to anyone but campaign staff; `None` is the system (the daily command, the demo)."""
    if user is not None and not is_campaign_staff(user):
        raise PermissionDenied(_("Réservé à l'équipe qui anime la campagne."))


def is_juror(user, campaign_id=None) -> bool:
    if not is_active(user):
        return False
    members = JuryMember.objects.filter(user=user)
    if campaign_id is not None:
        members = members.filter(campaign_id=campaign_id)
    return members.exists()


def conflicted_q(prefix: str = "") -> Q:
    """Q on a model with `juror` and `application`: the pair has a declared conflict (any round)."""
    return Q(Exists(ConflictDeclaration.objects.conflicts().filter(
        juror_id=OuterRef(f"{prefix}juror_id"), application_id=OuterRef(f"{prefix}application_id"))))


def applications_for_juror(user, jury_round):
    """Applications `user` may list in this round: assigned to them, in the round, without a declared conflict."""
    if not is_active(user):
        return Application.objects.none()
    assigned = Assignment.objects.filter(round=jury_round, juror__user=user,
                                         juror__campaign_id=jury_round.campaign_id)
    conflicted = ConflictDeclaration.objects.conflicts().filter(juror__user=user,
                                                                juror__campaign_id=jury_round.campaign_id)
    return (jury_round.applications()
            .filter(pk__in=assigned.values("application_id"))
            .exclude(pk__in=conflicted.values("application_id")))


def finalist_round(application):
    """The final round whose shortlist holds `application` (it then gives a pitch), or None; two queries.

    The one place that says who is shortlisted for the final: the final
    round that follows a preselection holds exactly the files it retained.
    """
    final = (JuryRound.objects.filter(campaign_id=application.campaign_id, purpose=RoundPurpose.FINAL,
                                      number__gt=1).order_by("-number").first())
    if final is None or not final.shortlist.filter(pk=application.pk).exists():
        return None
    return final


def may_watch_pitch(user, pitch, now) -> bool:
    """Who may play a pitch: its applicants, campaign staff, a juror given the file who declared no conflict
    on it (and none since), and everyone once it is public (`labels.public_results.shows_pitch`;
    `pitch.application.campaign` read with its `results_publication`)."""
    application = pitch.application
    if is_campaign_staff(user) or is_applicant(user, application):
        return True
    if shows_pitch(pitch, application, application.campaign.results_published_at, now):
        return True
    if not is_active(user):
        return False
    declared = ConflictDeclaration.objects.filter(juror_id=OuterRef("juror_id"), application_id=application.pk,
                                                  has_conflict=False)
    return (Assignment.objects.filter(application=application, juror__user=user,
                                      juror__campaign_id=application.campaign_id)
            .exclude(conflicted_q()).filter(Exists(declared)).exists())
