"""The library's e-mails, through Django tasks: an expert access request to the project's référents (or to the
association's team when the collectivité has none), the decision to the person, a message relayed to a contact
with a copy to its sender. Arguments are ids and strings; addresses are read when the e-mail is sent."""

from django.contrib.auth import get_user_model
from django.urls import reverse
from django_tasks import task

from interconnectes import canonical, emails


def send(template: str, to: list[str], context: dict, **options) -> None:
    emails.send(template, to, context, app="library", **options)


def project_context(implementation) -> dict:
    return {"project": str(implementation),
            "project_url": canonical.absolute(implementation.use_case.implementation_url(implementation.slug))}


@task()
def send_access_request(grant_id: int) -> None:
    from accounts.models import Membership, MembershipRole, MembershipStatus
    from library import access, permissions

    grant = access.grant_for_decision(grant_id)
    implementation = access.implementation_model().objects.select_related("use_case", "lead_organisation").get(
        pk=grant.object_id)
    recipients = sorted(set(Membership.objects.filter(
        organisation_id=implementation.lead_organisation_id, role=MembershipRole.REFERENT,
        status=MembershipStatus.VERIFIED, person__is_active=True).values_list("person__email", flat=True)))
    if not recipients:
        recipients = sorted({user.email for user in get_user_model().objects.with_perm(
            permissions.GRANT_PERMISSION, backend="django.contrib.auth.backends.ModelBackend").filter(is_staff=True)
            if user.email})
    if recipients:
        send("access_request", recipients, {
            **project_context(implementation), "person": grant.person.get_full_name() or grant.person.email,
            "purpose": grant.purpose,
            "decide_url": canonical.absolute(reverse("library_access:decide", args=[grant.pk]))})


@task()
def send_access_decision(grant_id: int, reason: str = "") -> None:
    """Approved (until when), refused (with the reason, sent and not kept), or revoked."""
    from library import access

    grant = access.grant_for_decision(grant_id)
    implementation = access.implementation_model().objects.select_related("use_case", "lead_organisation").get(
        pk=grant.object_id)
    send("access_decision", [grant.person.email], {
        **project_context(implementation), "first_name": grant.person.first_name,
        "state": "revoked" if grant.revoked_at else grant.decision, "expires_at": grant.expires_at, "reason": reason})


@task()
def relay_contact_message(contact_id: int, sender_id: int, subject: str, message: str) -> None:
    """The message to the contact, who answers the sender directly (reply-to); a copy to the sender, without the
    contact's address. A contact who agreed to show their address can withdraw it from the message's link."""
    from library import access
    from library.models import Contact

    contact = Contact.objects.select_related("implementation__use_case", "implementation__lead_organisation").filter(
        pk=contact_id).first()
    sender = get_user_model().objects.filter(pk=sender_id, is_active=True).first()
    if contact is None or sender is None:
        return
    context = {**project_context(contact.implementation), "sender": sender.get_full_name() or sender.email,
               "sender_email": sender.email, "organisations": access.sender_organisations(sender),
               "contact_name": contact.name, "contact_role": contact.role, "subject": subject, "message": message,
               "withdraw_url": canonical.absolute(reverse("library_access:withdraw_consent",
                                                          args=[access.consent_token(contact)]))
               if contact.has_consented else ""}
    send("contact_message", [contact.email], context, reply_to=[sender.email])
    send("contact_message_copy", [sender.email], context)
