"""The programme's e-mails, through Django tasks: ids only as arguments, links on the site's public address."""

from django.urls import reverse
from django_tasks import task

from interconnectes import canonical, emails


def send(template: str, to: list[str], context: dict) -> None:
    if to:
        emails.send(template, to, context, app="consultations")


@task()
def notify_staff(commitment_id: int) -> None:
    """A commitment to verify: the team checks the signatory's authority."""
    from consultations.models import Commitment
    from consultations.permissions import staff_addresses

    commitment = Commitment.objects.select_related("organisation", "charter_version").get(pk=commitment_id)
    send("commitment_submitted", staff_addresses(), {
        "commitment": commitment,
        "decide_url": canonical.absolute(reverse("consultations:decide", args=[commitment.pk])),
    })


@task()
def notify_referents(commitment_id: int) -> None:
    """The team's decision, to whoever submitted the commitment and the organisation's verified référents."""
    from accounts.models import Membership, MembershipRole, MembershipStatus
    from consultations.models import Commitment

    commitment = Commitment.objects.select_related("organisation", "charter_version", "submitted_by").get(
        pk=commitment_id)
    referents = Membership.objects.filter(organisation_id=commitment.organisation_id, role=MembershipRole.REFERENT,
                                          status=MembershipStatus.VERIFIED).select_related("person")
    people = [commitment.submitted_by, *(membership.person for membership in referents)]
    send("commitment_decision", sorted({person.email for person in people if person is not None and person.email}), {
        "commitment": commitment, "verified": commitment.status == "verified",
        "commitments_url": canonical.absolute(reverse("consultations:commit")),
    })
