"""Applicant views: dashboard, the step form, attachments, submission, withdrawal and receipt.

Views are thin: the rules live in permissions.py, steps.py, eligibility.py and services.py.
Every lookup goes through `Application.objects.of_applicant(user)` or `visible_to(user)`, so
another applicant's id answers 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, prefetch_related_objects
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from interconnectes import canonical, clock
from interconnectes.privatefiles import responses as privatefiles
from labels import coeditors, permissions, phases, services
from labels.forms import STEP_FORMS, AttachmentForm, CoEditorForm, SummaryForm
from labels.models import Application, LabelCampaignPage
from labels.snapshot import display_rows, snapshot
from labels.steps import (
    ATTACHMENTS,
    LABEL_HIDDEN_FIELDS,
    ORGANISATION,
    STEPS,
    STEPS_BY_SLUG,
    SUMMARY,
    missing_items,
    next_step,
    organisation_problems,
)


def applicant_application(request, pk):
    queryset = Application.objects.of_applicant(request.user).select_related("campaign", "category", "owner")
    return get_object_or_404(queryset, pk=pk)


def step_url(application, slug):
    return reverse("labels:step", args=[application.pk, slug])


def receipt_url_for(request):
    return lambda application: canonical.absolute(reverse("labels:receipt", args=[application.pk]), request)


@login_required
def dashboard(request):
    now = clock.now()
    # A file on a later round's shortlist is offered the pitch page, which decides for itself who is a finalist
    # (`jury.permissions.finalist_round`): the jury builds on the labels, so the relation is read, not imported.
    on_shortlist = Application.shortlisted_in.through.objects.filter(application_id=OuterRef("pk"))
    applications = list(Application.objects.of_applicant(request.user).select_related("campaign")
                        .annotate(on_shortlist=Exists(on_shortlist)).order_by("-campaign__year", "-updated_at"))
    for application in applications:
        application.editable = application.is_editable(now)
    open_campaigns = list(LabelCampaignPage.objects.live().public()
                          .filter(opens_at__lte=now, closes_at__gte=phases.current_second(now))
                          .order_by("closes_at"))
    return render(request, "labels/dashboard.html", {
        "applications": applications, "open_campaigns": open_campaigns, "now": now,
    })


@login_required
@require_POST
def start(request, campaign_id):
    campaign = get_object_or_404(LabelCampaignPage.objects.live().public(), pk=campaign_id)
    try:
        outcome = services.start(campaign, request.user, clock.now())
    except services.Refused as refusal:
        messages.error(request, refusal.message)
        return redirect("labels:dashboard")
    if not outcome.created:
        messages.info(request, _("Vous avez déjà un brouillon pour cette campagne : le voici."))
        return redirect(step_url(outcome.application, SUMMARY.slug))
    messages.success(request, _("Votre brouillon est créé : il est enregistré à chaque étape."))
    return redirect(step_url(outcome.application, STEPS[0].slug))


def _step_context(application, step, now, **extra):
    missing = missing_items(application)
    blocking = [message for _field, message in organisation_problems(application)]
    incomplete = {item.step.slug for item in missing} | ({ORGANISATION.slug} if blocking else set())
    return {
        "application": application, "campaign": application.campaign, "step": step, "steps": STEPS,
        "step_index": list(STEPS).index(step) + 1, "missing": missing, "blocking": blocking,
        "incomplete_steps": incomplete,
        "editable": application.is_editable(now), "deadline": application.deadline(),
        "seconds_left": phases.seconds_left(application.deadline(), now) if application.deadline() else 0,
        **extra,
    }


def _is_autosave(request):
    return request.headers.get("X-Autosave") == "1"


@login_required
def step(request, pk, slug):
    application = applicant_application(request, pk)
    current = STEPS_BY_SLUG.get(slug)
    if current is None:
        raise Http404
    if current is ATTACHMENTS:
        return attachments_step(request, application)
    if current is SUMMARY:
        return summary_step(request, application)
    now = clock.now()
    form_class = STEP_FORMS[slug]
    if request.method != "POST":
        form = form_class(instance=application)
        return render(request, "labels/step.html", _step_context(application, current, now, form=form))
    if not permissions.can_edit(request.user, application, now):
        if _is_autosave(request):
            return JsonResponse({"error": _("La date limite est passée : rien n'a été enregistré.")}, status=409)
        messages.error(request, _("La date limite est passée : cette candidature ne peut plus être modifiée."))
        return redirect(step_url(application, SUMMARY.slug))
    form = form_class(request.POST, instance=Application.objects.select_related("campaign").get(pk=application.pk))
    valid = form.is_valid()
    # Keep every valid value, even when another field has an error: never lose a line.
    data = form.draft_values()
    try:
        application = services.save_fields(application, data, request.user, now)
    except services.Refused as refusal:
        messages.error(request, refusal.message)
        return redirect(step_url(application, SUMMARY.slug))
    saved_at = timezone.localtime(now).strftime("%H:%M")
    if _is_autosave(request):
        return JsonResponse({"saved_at": saved_at, "errors": {k: [str(e) for e in v] for k, v in form.errors.items()}})
    if not valid:
        return render(request, "labels/step.html", _step_context(application, current, now, form=form), status=200)
    messages.success(request, _("Brouillon enregistré à %(time)s.") % {"time": saved_at})
    if request.POST.get("action") == "next":
        return redirect(step_url(application, next_step(slug).slug))
    return redirect(step_url(application, slug))


def attachments_step(request, application):
    now = clock.now()
    form = AttachmentForm()
    if request.method == "POST":
        if not permissions.can_edit(request.user, application, now):
            messages.error(request, _("La date limite est passée : cette candidature ne peut plus être modifiée."))
            return redirect(step_url(application, SUMMARY.slug))
        if request.POST.get("action") == "next" and not request.FILES:
            return redirect(step_url(application, SUMMARY.slug))
        form = AttachmentForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                attachment = services.add_attachment(application.pk, request.user, now, form.cleaned_data["file"])
            except ValidationError as error:
                form.add_error("file", error)
            except services.Refused as refusal:
                messages.error(request, refusal.message)
                return redirect(step_url(application, SUMMARY.slug))
            else:
                messages.success(request, _("Fichier « %(name)s » ajouté.") % {"name": attachment.original_name})
                return redirect(step_url(application, ATTACHMENTS.slug))
        # Re-run the accessibility hints now that the errors are known.
        form.fields["file"].widget.attrs.update({"aria-invalid": "true",
                                                  "aria-describedby": "id_file_helptext id_file_error"})
    return render(request, "labels/step_attachments.html", _step_context(
        application, ATTACHMENTS, now, form=form, attachments=list(application.attachments.all()),
    ))


def summary_step(request, application, coeditor_form=None):
    now = clock.now()
    prefetch_related_objects([application], "attachments")
    duplicate = services.duplicates(application).first()
    result = services.check_eligibility(application, has_duplicate=duplicate is not None)
    if duplicate and not Application.objects.of_applicant(request.user).filter(pk=duplicate.pk).exists():
        duplicate = None
    data = snapshot(application)
    return render(request, "labels/step_summary.html", _step_context(
        application, SUMMARY, now, form=SummaryForm(instance=application),
        rows=display_rows(data, exclude=LABEL_HIDDEN_FIELDS.get(application.campaign.label, ())),
        eligibility=result, duplicate=duplicate, coeditor_form=coeditor_form or CoEditorForm(),
        coeditors=coeditor_rows(application, now), invitation_days=coeditors.INVITATION_VALIDITY.days,
        can_withdraw=permissions.can_withdraw(request.user, application, now),
        can_delete=permissions.can_delete_draft(request.user, application),
        versions=list(application.versions.select_related("created_by")),
    ))


def coeditor_rows(application, now):
    """The application's co-editors for its owner: who joined, and which invitations wait or must be sent again."""
    rows = list(application.coeditors.select_related("user").order_by("invited_at", "pk"))
    for coeditor in rows:
        coeditor.pending = coeditor.link_is_valid(now)
    return rows


@login_required
@require_POST
def submit(request, pk):
    application = applicant_application(request, pk)
    now = clock.now()
    if permissions.can_edit(request.user, application, now):
        form = SummaryForm(request.POST, instance=Application.objects.select_related("campaign").get(pk=application.pk))
        if form.is_valid():
            services.save_fields(application, form.cleaned_data, request.user, now)
    try:
        outcome = services.submit(application.pk, request.user, now, receipt_url_for(request))
    except services.Refused as refusal:
        messages.error(request, refusal.message)
        return redirect(step_url(application, SUMMARY.slug))
    if outcome.already_submitted:
        messages.info(request, _("Cette candidature est déjà déposée (référence %(ref)s).")
                      % {"ref": outcome.application.reference})
    elif outcome.receipt_sent:
        messages.success(request, _("Candidature déposée : référence %(ref)s. Un accusé de réception vous a été "
                                    "envoyé par e-mail.") % {"ref": outcome.application.reference})
    else:
        messages.success(request, _("Candidature déposée : référence %(ref)s. Trop de dépôts aujourd'hui : "
                                    "l'accusé de réception n'a pas été envoyé par e-mail, il est ci-dessous.")
                         % {"ref": outcome.application.reference})
    return redirect("labels:receipt", pk=application.pk)


@login_required
def withdraw(request, pk):
    application = applicant_application(request, pk)
    now = clock.now()
    if request.method == "POST":
        try:
            services.withdraw(application.pk, request.user, now)
        except services.Refused as refusal:
            messages.error(request, refusal.message)
        else:
            messages.success(request, _("Votre candidature est retirée."))
        return redirect("labels:dashboard")
    if not permissions.can_withdraw(request.user, application, now):
        messages.error(request, _("Cette candidature ne peut pas être retirée."))
        return redirect("labels:dashboard")
    return render(request, "labels/withdraw.html", {"application": application})


@login_required
def delete_draft(request, pk):
    """A confirmation page, then the draft is gone: only its owner, only a draft never submitted."""
    application = applicant_application(request, pk)
    if not permissions.can_delete_draft(request.user, application):
        messages.error(request, _("Seul le titulaire d'un brouillon jamais déposé peut le supprimer."))
        return redirect("labels:dashboard")
    if request.method == "POST":
        services.delete_draft(application.pk, request.user, clock.now())
        messages.success(request, _("Votre brouillon est supprimé."))
        return redirect("labels:dashboard")
    return render(request, "labels/delete_draft.html", {"application": application})


@login_required
def receipt(request, pk):
    application = get_object_or_404(Application.objects.visible_to(request.user).select_related("campaign"), pk=pk)
    version = application.versions.select_related("created_by").order_by("-number").first()
    if version is None:
        raise Http404
    return render(request, "labels/receipt.html", {
        "application": application, "version": version,
        "rows": display_rows(version.snapshot, exclude=LABEL_HIDDEN_FIELDS.get(application.campaign.label, ())),
    })


@login_required
def download(request, pk, attachment_pk):
    application = get_object_or_404(Application.objects.visible_to(request.user), pk=pk)
    return attachment_response(request, get_object_or_404(application.attachments, pk=attachment_pk))


def attachment_response(request, attachment):
    """The file as a download that no browser renders or sniffs (also served to jurors)."""
    return privatefiles.serve(request, attachment.file, content_type=attachment.content_type,
                              filename=attachment.original_name, as_attachment=True)


@login_required
@require_POST
def delete_attachment(request, pk, attachment_pk):
    application = applicant_application(request, pk)
    attachment = get_object_or_404(application.attachments, pk=attachment_pk)
    try:
        services.delete_attachment(attachment, request.user, clock.now())
    except services.Refused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("Fichier supprimé."))
    return redirect(step_url(application, ATTACHMENTS.slug))


@login_required
@require_POST
def invite_coeditor(request, pk):
    application = applicant_application(request, pk)
    form = CoEditorForm(request.POST)
    if form.is_valid():
        try:
            coeditors.invite(application.pk, request.user, form.cleaned_data["email"], clock.now(),
                             canonical.root_url(request))
        except services.Refused as refusal:
            form.add_error("email", refusal.message)
        else:
            messages.success(request, _("Invitation envoyée à %(email)s.") % {"email": form.cleaned_data["email"]})
            return redirect(step_url(application, SUMMARY.slug))
    return summary_step(request, application, coeditor_form=form)

