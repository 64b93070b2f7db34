"""Personal data in the labels: an applicant's applications in "mes données", what deleting an account does to
them (answering the hooks of `accounts.gdpr`), the purge of old applications."""

import re

from django.db import transaction
from django.utils.translation import gettext

from labels.models import Application, ApplicationEvent, ApplicationStatus, CoEditor, EventKind
from labels.snapshot import snapshot

PUBLIC_RECORD_STATUSES = (ApplicationStatus.LAUREATE, ApplicationStatus.MENTION)
PERSONAL_FIELDS = {"contact_name": "", "contact_role": "", "contact_email": "", "contact_phone": ""}
# Staff's own acts on an application keep their author once it is anonymised; the applicant's side loses theirs.
STAFF_EVENTS = (EventKind.REOPENED, EventKind.INELIGIBLE)
EMAIL_ADDRESS = re.compile(r"[^\s@,;:()<>\[\]\"']+@[^\s@,;:()<>\[\]\"']+")
FRENCH_PHONE = re.compile(r"(?<!\w)(?:\+33[\s.-]?|0)[1-9](?:[\s.-]?\d{2}){4}(?!\w)")


def export_user_data(user) -> dict:
    """The applications' part of "mes données" (`accounts_personal_data` hook)."""
    applications = (Application.objects.filter(owner=user).select_related("campaign", "category")
                    .prefetch_related("attachments", "versions", "events"))
    return {
        "candidatures": [
            {
                "campagne": application.campaign.title, "reference": application.reference,
                "statut": application.get_status_display(), "creee_le": application.created_at.isoformat(),
                "contenu": snapshot(application),
                "versions": [{"numero": v.number, "le": v.created_at.isoformat(), "contenu": v.snapshot,
                              "champs_modifies": v.changed_fields} for v in application.versions.all()],
                "historique": [{"evenement": e.get_kind_display(), "le": e.at.isoformat(), "motif": e.reason}
                               for e in application.events.all()],
            }
            for application in applications
        ],
    }


def delete_files(application):
    for attachment in application.attachments.all():
        attachment.file.delete(save=False)
        attachment.delete()


def personal_values(application) -> set[str]:
    """What names the people behind an application: its contact, its owner's account, its co-editors' addresses."""
    owner = application.owner
    values = {application.contact_name, application.contact_email, application.contact_phone}
    if owner is not None:
        values |= {owner.email, owner.get_username(), owner.get_full_name(), owner.first_name, owner.last_name}
    values |= set(application.coeditors.values_list("email", flat=True))
    return {value.strip() for value in values if value and len(value.strip()) >= 3}


def redact(text: str, personal: set[str]) -> str:
    """`text` with every e-mail address, French phone number and value of `personal` replaced by a mark.

    Free texts of the log (a co-editor's address, a reason quoting the
    contact) must not keep what the anonymisation removed from the fields.
    """
    mark = gettext("[donnée supprimée]")
    text = FRENCH_PHONE.sub(mark, EMAIL_ADDRESS.sub(mark, text))
    for value in sorted(personal, key=len, reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(value)}(?!\w)", mark, text, flags=re.IGNORECASE)
    return text


def anonymise(application, now):
    """Remove the people from an application and its history: contact, owner, co-editors, authors of versions
    and of the applicant's events, personal details in the log's texts. The project stays."""
    personal = personal_values(application)
    for name, value in PERSONAL_FIELDS.items():
        setattr(application, name, value)
    application.owner = None
    application.anonymised = True
    application.reopen_reason = redact(application.reopen_reason, personal)
    application.ineligibility_reason = redact(application.ineligibility_reason, personal)
    application.save()
    application.versions.update(created_by=None)
    for version in application.versions.all():
        version.snapshot = {**version.snapshot, **PERSONAL_FIELDS}
        version.save(update_fields=["snapshot"])
    events = list(application.events.all())
    for event in events:
        event.reason = "" if event.kind == EventKind.COEDITOR_INVITED else redact(event.reason, personal)
        if event.kind not in STAFF_EVENTS:
            event.actor = None
    ApplicationEvent.objects.bulk_update(events, ["reason", "actor"])
    application.coeditors.all().delete()
    application.events.create(kind=EventKind.ANONYMISED, at=now)


def delete_applications(user, now) -> None:
    """Before an account goes (`accounts_before_account_deletion` hook): drafts and applications of campaigns still
    open are deleted; the others are anonymised (a laureate's public record stays, without personal data)."""
    with transaction.atomic():
        for application in Application.objects.filter(owner=user).select_related("campaign"):
            closed = application.campaign.closes_at and now > application.campaign.closes_at
            if application.status == ApplicationStatus.DRAFT or not closed:
                delete_files(application)
                application.delete()
            else:
                if application.status not in PUBLIC_RECORD_STATUSES:
                    delete_files(application)
                anonymise(application, now)
        if user.email:  # invitations still waiting for this address (accepted ones follow their account)
            CoEditor.objects.filter(email__iexact=user.email, user=None).delete()


def purge_applications(cutoff) -> int:
    """Delete non-laureate applications (and their files) whose campaign closed before `cutoff`; returns how many.
    Idempotent: a second run finds nothing."""
    queryset = (Application.objects.filter(campaign__closes_at__lt=cutoff)
                .exclude(status__in=PUBLIC_RECORD_STATUSES))
    count = 0
    with transaction.atomic():
        for application in queryset.prefetch_related("attachments"):
            delete_files(application)
            application.delete()
            count += 1
    return count


def anonymise_laureates(cutoff, now) -> int:
    """Anonymise the laureates and mentions of campaigns closed before `cutoff`; returns how many.

    Their public record stays (organisation, title, summary, published
    citation, as the archive shows them); their contact details, owner,
    co-editors and the people in their log go. Idempotent: an anonymised
    application is not touched again.
    """
    queryset = (Application.objects.filter(campaign__closes_at__lt=cutoff, status__in=PUBLIC_RECORD_STATUSES,
                                           anonymised=False).select_related("owner"))
    count = 0
    with transaction.atomic():
        for application in queryset:
            anonymise(application, now)
            count += 1
    return count
