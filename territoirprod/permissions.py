"""Who may do what in the programme: the one place that decides, read by every view, e-mail and file.

- Anyone reads the programme (editions, themes, sequences) and its calendar files.
- A verified agent of a collectivité that is a member this year (`accounts.tiers`: MEMBER_AGENT) enrols in a
  theme or a whole edition, unenrols, sees the visio link of the sequences they are enrolled in (from the day
  before: `rules.visio_link_visible`) and downloads their attestation.
- A verified référent of such a collectivité enrols its verified agents and unenrols them.
- The team (superusers, staff holding `territoirprod.add_attendance`) records attendance.
"""

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q

from accounts.models import Membership, MembershipRole, MembershipStatus
from interconnectes.models import LOCAL_GOVERNMENT_KINDS, MemberYear
from territoirprod.models.participation import Enrolment


def is_active(user) -> bool:
    return user.is_authenticated and user.is_active


def is_programme_staff(user) -> bool:
    if not is_active(user):
        return False
    return user.is_superuser or (user.is_staff and user.has_perm("territoirprod.add_attendance"))


def member_memberships(year: int):
    """Verified memberships in collectivités that are members in `year`."""
    return (Membership.objects.filter(status=MembershipStatus.VERIFIED, organisation__kind__in=LOCAL_GOVERNMENT_KINDS)
            .filter(Exists(MemberYear.objects.filter(organisation=OuterRef("organisation"), year=year))))


def referent_organisation_ids(user, year: int) -> set[int]:
    """The member collectivités whose agents `user` may enrol."""
    if not is_active(user):
        return set()
    return set(member_memberships(year).filter(person=user, role=MembershipRole.REFERENT)
               .values_list("organisation_id", flat=True))


def enrollable_agents(referent, year: int):
    """The accounts a référent may enrol: the verified, active agents of their member collectivités."""
    organisations = referent_organisation_ids(referent, year)
    return (get_user_model().objects.filter(is_active=True, memberships__in=member_memberships(year).filter(
        organisation_id__in=organisations)).distinct().order_by("last_name", "first_name", "email"))


def may_enrol_for(actor, person, year: int) -> bool:
    """`actor` enrols `person`: themselves when a member agent, or an agent of a collectivité they are référent of."""
    if actor.pk == person.pk:
        return is_active(person) and member_memberships(year).filter(person=person).exists()
    return enrollable_agents(actor, year).filter(pk=person.pk).exists()


def active_enrolments(user):
    if not is_active(user):
        return Enrolment.objects.none()
    return Enrolment.objects.active().filter(user=user)


def enrolment_covers_q(theme) -> Q:
    """The enrolments that cover a theme's sequences: in the theme, or in its whole edition (its parent page)."""
    return Q(theme_id=theme.pk) | Q(theme__isnull=True, edition__path=theme.path[:-theme.steplen])


def page_covers_q(edition, theme) -> Q:
    """The enrolments shown as covering a programme page: a theme's page (`enrolment_covers_q`), or an edition's
    page, which only a whole-edition enrolment covers."""
    if theme is not None:  # the edition is the theme's parent page
        return enrolment_covers_q(theme)
    return Q(edition_id=edition.pk, theme__isnull=True)


def enrolled_users(theme):
    """Everyone an active enrolment covers for the theme's sequences: who gets the reminders and the link."""
    return get_user_model().objects.filter(
        is_active=True, territoirprod_enrolments__in=Enrolment.objects.active().filter(enrolment_covers_q(theme)),
    ).distinct()


def sequences_covered_q(enrolments) -> Q:
    """The sequences a list of enrolments covers (for "Mon espace"): their themes', and their editions'."""
    covered = Q(pk__in=[])
    for enrolment in enrolments:
        covered |= (Q(theme_id=enrolment.theme_id) if enrolment.theme_id else
                    Q(theme__path__startswith=enrolment.edition.path, theme__depth=enrolment.edition.depth + 1))
    return covered
