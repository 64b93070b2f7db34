"""State changes of an application: each one in a transaction, checked against permissions and the clock."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Sum
from django.utils.translation import gettext as _

from accounts import email_quota
from accounts.limits import EmailKind
from interconnectes.refusals import Refused
from labels import eligibility, limits, permissions, tasks
from labels.attachments import validate_upload
from labels.models import (
    Application,
    ApplicationEvent,
    ApplicationStatus,
    ApplicationVersion,
    Attachment,
    EventKind,
    ReferenceCounter,
)
from labels.snapshot import changed_fields, snapshot
from labels.steps import missing_items
from labels.storage import StorageUnavailable

ACTIVE_STATUSES = [status for status in ApplicationStatus.values
                   if status not in (ApplicationStatus.DRAFT, ApplicationStatus.WITHDRAWN)]


@dataclass
class SubmitOutcome:
    application: Application
    version: ApplicationVersion | None
    already_submitted: bool = False
    receipt_sent: bool = True  # False when the receipts' limit is reached (the receipt page is always there)


def log(application, kind, actor, now, reason=""):
    return ApplicationEvent.objects.create(application=application, kind=kind, actor=actor, at=now, reason=reason)


def duplicates(application):
    """Other active applications of the same organisation (SIREN) in the same campaign."""
    if not application.siren:
        return Application.objects.none()
    return _same_siren(application.campaign_id, application.siren, application.pk)


def has_duplicate(prefix: str = "") -> Exists:
    """`duplicates(...).exists()` as an annotation, on applications or on rows reaching one through `prefix`."""
    return Exists(_same_siren(OuterRef(f"{prefix}campaign_id"), OuterRef(f"{prefix}siren"), OuterRef(f"{prefix}pk"))
                  .exclude(siren=""))


def _same_siren(campaign_id, siren, pk):
    return Application.objects.filter(campaign_id=campaign_id, siren=siren, status__in=ACTIVE_STATUSES).exclude(pk=pk)


def check_eligibility(application, *, has_duplicate=None) -> eligibility.Result:
    campaign = application.campaign
    if has_duplicate is None:
        has_duplicate = duplicates(application).exists()
    facts = eligibility.Facts(
        label=campaign.label,
        organisation_kind=application.org_kind,
        organisation_created_on=application.org_created_on,
        deadline=campaign.closes_at.date() if campaign.closes_at else None,
        attachment_count=len(application.attachments.all()),
        has_other_application_for_siren=has_duplicate,
    )
    return eligibility.check(facts)


def lock_account(user):
    """Serialise one account's writes that a per-account limit counts (drafts, stored bytes)."""
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()


@dataclass
class StartOutcome:
    application: Application
    created: bool  # False: the account's existing draft for the campaign, opened again rather than doubled


def start(campaign, user, now) -> StartOutcome:
    """Open the account's draft for the campaign: its existing one if there is one, so a file is never split."""
    if not campaign.is_open(now):
        raise Refused(_("Les candidatures de cette campagne ne sont pas ouvertes."))
    with transaction.atomic():
        lock_account(user)
        existing = (Application.objects.of_applicant(user)
                    .filter(campaign=campaign, status=ApplicationStatus.DRAFT).order_by("created_at", "pk").first())
        if existing is not None:
            return StartOutcome(existing, created=False)
        in_progress = (Application.objects.filter(campaign=campaign, owner=user)
                       .exclude(status=ApplicationStatus.WITHDRAWN).count())
        if refusal := limits.drafts_refusal(in_progress):
            raise Refused(refusal)
        application = Application.objects.create(campaign=campaign, owner=user,
                                                 contact_email=user.email,
                                                 contact_name=user.get_full_name())
        log(application, EventKind.CREATED, user, now)
    return StartOutcome(application, created=True)


def delete_draft(application_id, user, now):
    """The owner deletes a draft never submitted: the row, its log, invitations and files go (labels.signals)."""
    with transaction.atomic():
        application = Application.objects.select_for_update().select_related("campaign").get(pk=application_id)
        if not permissions.can_delete_draft(user, application):
            raise Refused(_("Seul le titulaire d'un brouillon jamais déposé peut le supprimer."))
        application.delete()


def save_fields(application, data: dict, user, now):
    """Save a step's cleaned values as they are (drafting never requires a field)."""
    with transaction.atomic():
        locked = Application.objects.select_for_update().select_related("campaign").get(pk=application.pk)
        if not permissions.can_edit(user, locked, now):
            raise Refused(_("Cette candidature ne peut plus être modifiée : la date limite est passée."))
        changed = [name for name, value in data.items() if getattr(locked, name) != value]
        for name, value in data.items():
            setattr(locked, name, value)
        update = [*data.keys(), "updated_at"]
        if changed and locked.status == ApplicationStatus.SUBMITTED:
            locked.has_unsubmitted_changes = True
            update.append("has_unsubmitted_changes")
        locked.save(update_fields=update)
    return locked


def lock_reference_series(campaign):
    """Lock (creating it on first use) the counter of the campaign's series: its label's prefix and its year."""
    counter, _created = ReferenceCounter.objects.get_or_create(prefix=campaign.reference_prefix, year=campaign.year)
    return ReferenceCounter.objects.select_for_update().get(pk=counter.pk)


def next_reference(campaign):
    """Take the next number of the campaign's series (one series for every campaign of a label and year)."""
    counter = lock_reference_series(campaign)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return f"{counter.prefix}-{counter.year}-{counter.last_number:04d}"


def submit(application_id, user, now, receipt_url_for) -> SubmitOutcome:
    """Submit (or resubmit) an application: one version, one reference, one e-mail, even on a double click."""
    try:
        with transaction.atomic():
            return _submit(application_id, user, now, receipt_url_for)
    except IntegrityError as error:  # a reference or version number taken concurrently
        raise Refused(_("Le dépôt n'a pas pu aboutir, veuillez réessayer.")) from error


def _submit(application_id, user, now, receipt_url_for):
    application = Application.objects.select_related("campaign").get(pk=application_id)
    campaign = application.campaign
    # Serialise the submissions of one series of references, hence of one campaign (one-per-organisation rule).
    lock_reference_series(campaign)
    application = Application.objects.select_for_update().select_related("campaign").get(pk=application_id)
    if not permissions.is_applicant(user, application):
        raise PermissionDenied
    if application.status == ApplicationStatus.SUBMITTED and not application.has_unsubmitted_changes:
        return SubmitOutcome(application, application.versions.last(), already_submitted=True)
    if not permissions.can_edit(user, application, now):
        raise Refused(_("La date limite de dépôt est passée : la candidature n'a pas été déposée."))
    missing = missing_items(application)
    if missing:
        raise Refused(_("Il manque des informations : complétez les champs signalés, votre brouillon est conservé."),
                      missing=missing)
    result = check_eligibility(application)
    if result.errors:
        raise Refused(" ".join(result.errors), duplicate=duplicates(application).first())
    first = application.reference is None
    if first:
        application.reference = next_reference(campaign)
        application.first_submitted_at = now
    previous = application.versions.order_by("-number").first()
    data = snapshot(application)
    version = ApplicationVersion.objects.create(
        application=application, number=(previous.number + 1) if previous else 1, created_at=now, created_by=user,
        snapshot=data, changed_fields=changed_fields(previous.snapshot if previous else None, data),
    )
    application.status = ApplicationStatus.SUBMITTED
    application.submitted_at = now
    application.has_unsubmitted_changes = False
    application.save(update_fields=["status", "reference", "first_submitted_at", "submitted_at",
                                    "has_unsubmitted_changes", "updated_at"])
    log(application, EventKind.SUBMITTED if first else EventKind.RESUBMITTED, user, now)
    try:  # the receipt also goes to the contact address the applicant typed: limited, unlike the submission
        email_quota.reserve(EmailKind.SUBMISSION_RECEIPT, now, account=user, recipient=application.contact_email)
    except Refused:
        return SubmitOutcome(application, version, receipt_sent=False)
    tasks.send_submission_receipt.enqueue(application.pk, version.number, receipt_url_for(application))
    return SubmitOutcome(application, version)


def withdraw(application_id, user, now):
    with transaction.atomic():
        application = Application.objects.select_for_update().select_related("campaign").get(pk=application_id)
        if not permissions.can_withdraw(user, application, now):
            raise Refused(_("Cette candidature ne peut pas être retirée "
                            "(date limite passée ou candidature non déposée)."))
        application.status = ApplicationStatus.WITHDRAWN
        application.withdrawn_at = now
        application.save(update_fields=["status", "withdrawn_at", "updated_at"])
        log(application, EventKind.WITHDRAWN, user, now)
        tasks.send_withdrawal_notice.enqueue(application.pk)
    return application


def reopen(application_id, staff_user, now, until, reason, application_url):
    """Staff reopen an application after the deadline to request information: logged and e-mailed."""
    if not permissions.is_campaign_staff(staff_user):
        raise PermissionDenied
    if not reason.strip():
        raise Refused(_("Indiquez le motif de la réouverture."))
    if until <= now:
        raise Refused(_("La nouvelle date limite doit être dans le futur."))
    with transaction.atomic():
        application = Application.objects.select_for_update().select_related("campaign").get(pk=application_id)
        if application.status not in (ApplicationStatus.SUBMITTED, ApplicationStatus.DRAFT):
            raise Refused(_("Seule une candidature déposée peut être rouverte."))
        application.reopened_until = until
        application.reopen_reason = reason
        application.save(update_fields=["reopened_until", "reopen_reason", "updated_at"])
        log(application, EventKind.REOPENED, staff_user, now, reason)
        tasks.send_reopened_notice.enqueue(application.pk, application_url)
    return application


def mark_ineligible(application_id, staff_user, now, reason):
    if not permissions.is_campaign_staff(staff_user):
        raise PermissionDenied
    if not reason.strip():
        raise Refused(_("Indiquez le motif de l'irrecevabilité."))
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application_id)
        if application.status != ApplicationStatus.SUBMITTED:
            raise Refused(_("Seule une candidature déposée peut être déclarée irrecevable."))
        application.status = ApplicationStatus.INELIGIBLE
        application.ineligibility_reason = reason
        application.save(update_fields=["status", "ineligibility_reason", "updated_at"])
        log(application, EventKind.INELIGIBLE, staff_user, now, reason)
    return application


def add_attachment(application_id, user, now, uploaded):
    with transaction.atomic():
        application = Application.objects.select_for_update().select_related("campaign").get(pk=application_id)
        if not permissions.can_edit(user, application, now):
            raise Refused(_("Cette candidature ne peut plus être modifiée : la date limite est passée."))
        content_type, name = validate_upload(uploaded, application.attachments.count())
        lock_account(user)
        stored = Attachment.objects.filter(uploaded_by=user).aggregate(total=Sum("size"))["total"] or 0
        if refusal := limits.storage_refusal(stored, uploaded.size):
            raise ValidationError(refusal)
        attachment = Attachment(application=application, original_name=name, content_type=content_type,
                                size=uploaded.size, uploaded_by=user)
        try:
            attachment.file.save("upload", uploaded, save=False)
        except OSError as error:
            raise StorageUnavailable from error
        try:
            attachment.save()
        except Exception:
            attachment.file.delete(save=False)
            raise
        if application.status == ApplicationStatus.SUBMITTED:
            application.has_unsubmitted_changes = True
            application.save(update_fields=["has_unsubmitted_changes", "updated_at"])
    return attachment


def delete_attachment(attachment, user, now):
    with transaction.atomic():
        application = Application.objects.select_for_update().select_related("campaign").get(
            pk=attachment.application_id)
        if not permissions.can_edit(user, application, now):
            raise Refused(_("Cette candidature ne peut plus être modifiée : la date limite est passée."))
        attachment.delete()  # the file goes with the row (labels.signals)
        if application.status == ApplicationStatus.SUBMITTED:
            application.has_unsubmitted_changes = True
            application.save(update_fields=["has_unsubmitted_changes", "updated_at"])
