"""Personal data: export everything an applicant gave us, delete an account, purge old applications."""

import datetime
import logging

from django.db import transaction

from interconnectes import clock
from labels.models import Application, ApplicationStatus, CoEditor, EventKind
from labels.snapshot import snapshot

logger = logging.getLogger("labels.gdpr")

PUBLIC_RECORD_STATUSES = (ApplicationStatus.LAUREATE, ApplicationStatus.MENTION)
PERSONAL_FIELDS = {"contact_name": "", "contact_role": "", "contact_email": "", "contact_phone": ""}


def export_user_data(user) -> dict:
    applications = (Application.objects.filter(owner=user).select_related("campaign", "category")
                    .prefetch_related("attachments", "versions", "events"))
    return {
        "compte": {
            "identifiant": user.get_username(), "email": user.email, "prenom": user.first_name,
            "nom": user.last_name, "inscription": user.date_joined.isoformat(),
            "derniere_connexion": user.last_login.isoformat() if user.last_login else None,
        },
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


def anonymise(application, now):
    for name, value in PERSONAL_FIELDS.items():
        setattr(application, name, value)
    application.owner = None
    application.anonymised = True
    application.save()
    application.versions.update(created_by=None)
    for version in application.versions.all():
        version.snapshot = {**version.snapshot, **PERSONAL_FIELDS}
        version.save(update_fields=["snapshot"])
    application.coeditors.all().delete()
    application.events.create(kind=EventKind.ANONYMISED, at=now)


def delete_account(user, now=None):
    """Drafts and applications of campaigns still open are deleted; the others are anonymised
    (a laureate's public record stays, without personal data)."""
    now = now or clock.now()
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
        logger.info("labels: compte %s supprimé", user.pk)
        user.delete()


def purge(retention_years: int, now=None, stdout=None) -> int:
    """Delete non-laureate applications (and their files) whose campaign closed more than
    `retention_years` ago. Idempotent: a second run finds nothing."""
    now = now or clock.now()
    cutoff = now - datetime.timedelta(days=365 * retention_years + retention_years // 4)
    queryset = (Application.objects.filter(campaign__closes_at__lt=cutoff)
                .exclude(status__in=PUBLIC_RECORD_STATUSES))
    count = 0
    with transaction.atomic():
        for application in queryset.prefetch_related("attachments"):
            delete_files(application)
            application.delete()
            count += 1
    line = f"labels purge: {count} candidature(s) supprimée(s), campagnes closes avant le {cutoff:%Y-%m-%d}"
    logger.warning(line)
    if stdout is not None:
        stdout.write(line)
    return count
