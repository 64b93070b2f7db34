"""Who may see and do what with applications: the one place that decides.

Querysets (`Application.objects.visible_to(user)`) build on the Q objects
below; predicates answer for one application. Every view, export and
download goes through them, and a test walks the roles × URLs matrix.
"""

from django.db.models import Q

from labels import phases

NOTHING = Q(pk__in=[])


def is_campaign_staff(user) -> bool:
    """Editors and staff running campaigns: superusers or holders of labels.review_application."""
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    return user.has_perm("labels.review_application")


def applicant_q(user) -> Q:
    if not (user.is_authenticated and user.is_active):
        return NOTHING
    from labels.models import CoEditor

    q = Q(owner=user)
    if user.email:
        q |= Q(pk__in=CoEditor.objects.filter(email__iexact=user.email).values("application_id"))
    return q


def visible_q(user) -> Q:
    if is_campaign_staff(user):
        return Q()
    return applicant_q(user)


def is_applicant(user, application) -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    if application.owner_id == user.pk:
        return True
    return bool(user.email) and application.coeditors.filter(email__iexact=user.email).exists()


def can_edit(user, application, now=None) -> bool:
    return is_applicant(user, application) and application.is_editable(now or phases.clock())


def can_withdraw(user, application, now=None) -> bool:
    return is_applicant(user, application) and application.can_be_withdrawn(now or phases.clock())


def can_manage_coeditors(user, application, now=None) -> bool:
    return application.owner_id == user.pk and application.is_editable(now or phases.clock())


def can_view(user, application) -> bool:
    return is_campaign_staff(user) or is_applicant(user, application)


# --- Jury ---------------------------------------------------------------------------------------
# A juror sees only the applications assigned to them in a round of a campaign they sit on, never
# one they declared a conflict on (in any round), and opens one only after declaring no conflict.


def jury_member(user, campaign_id):
    """The user's JuryMember row on this campaign, or None."""
    if not (user.is_authenticated and user.is_active):
        return None
    from labels.models import JuryMember

    return JuryMember.objects.filter(campaign_id=campaign_id, user=user).first()


def is_juror(user, campaign_id=None) -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    from labels.models import JuryMember

    members = JuryMember.objects.filter(user=user)
    if campaign_id is not None:
        members = members.filter(campaign_id=campaign_id)
    return members.exists()


def conflicted_q(prefix: str = "") -> Q:
    """Q on a model with `juror` and `application`: the pair has a declared conflict (any round)."""
    from django.db.models import Exists, OuterRef

    from labels.models import ConflictDeclaration

    return Q(Exists(ConflictDeclaration.objects.conflicts().filter(
        juror_id=OuterRef(f"{prefix}juror_id"), application_id=OuterRef(f"{prefix}application_id"))))


def applications_for_juror(user, jury_round):
    """Applications `user` may list in this round: assigned to them, in the round, without a declared conflict."""
    from labels.models import Application, Assignment, ConflictDeclaration

    if not (user.is_authenticated and user.is_active):
        return Application.objects.none()
    assigned = Assignment.objects.filter(round=jury_round, juror__user=user,
                                         juror__campaign_id=jury_round.campaign_id)
    conflicted = ConflictDeclaration.objects.conflicts().filter(juror__user=user,
                                                                juror__campaign_id=jury_round.campaign_id)
    return (jury_round.applications()
            .filter(pk__in=assigned.values("application_id"))
            .exclude(pk__in=conflicted.values("application_id")))


def applications_declared_for_juror(user, jury_round):
    """The subset the juror may open and score: they declared "pas de conflit d'intérêts" on it."""
    from labels.models import ConflictDeclaration

    declared = ConflictDeclaration.objects.filter(juror__user=user, juror__campaign_id=jury_round.campaign_id,
                                                  has_conflict=False)
    return applications_for_juror(user, jury_round).filter(pk__in=declared.values("application_id"))


def juror_state(juror, jury_round, application, now) -> dict:
    """The facts `jury_rules.scoring_refusal` needs, read in a few small queries."""
    from labels.jury_rules import unlock_active
    from labels.models import ConflictDeclaration, ScoreUnlock

    declarations = list(ConflictDeclaration.objects.filter(juror=juror, application=application)
                        .values_list("has_conflict", flat=True))
    unlocks = ScoreUnlock.objects.filter(round=jury_round, juror=juror).filter(
        Q(application__isnull=True) | Q(application=application))
    return {
        "assigned": juror.campaign_id == jury_round.campaign_id
        and jury_round.assignments.filter(juror=juror, application=application).exists(),
        "in_round": jury_round.applications().filter(pk=application.pk).exists(),
        "declared": bool(declarations),
        "conflicted": any(declarations),
        "phase": jury_round.phase(now),
        "unlocked": any(unlock_active(until, now) for until in unlocks.values_list("until", flat=True)),
    }


def can_score(user, juror, jury_round, application, now=None) -> bool:
    """May `user` save `juror`'s scores on `application` in this round now? Only the juror themself."""
    from labels.jury_rules import scoring_refusal

    if not (user.is_authenticated and user.is_active):
        return False
    state = juror_state(juror, jury_round, application, now or phases.clock())
    return scoring_refusal(own_sheet=juror.user_id == user.pk, **state) is None


def can_open_as_juror(user, jury_round, application) -> bool:
    return applications_declared_for_juror(user, jury_round).filter(pk=application.pk).exists()


def can_see_other_scores(user, jury_round, application, now=None, *, opens_file=None) -> bool:
    """Staff always; a juror on this file only once the deliberation has opened.

    `opens_file`: whether the user may open the file as a juror, when the caller already read it.
    """
    from labels.jury_rules import others_scores_visible

    if is_campaign_staff(user):
        return True
    if not others_scores_visible(jury_round.deliberation_opens_at, now or phases.clock()):
        return False
    return can_open_as_juror(user, jury_round, application) if opens_file is None else opens_file
