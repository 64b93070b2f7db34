"""The consultation records' pages, as plain views: the agents' "Mes concertations", the announcement, the draft,
the follow-up; the team's review; the public list, a consultation's page and its Atom feed. Every rule is in
consultations/record_submissions.py, followups.py and permissions.py; these views read forms and call them."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from consultations import followups, permissions, record_submissions
from consultations.charter_models import CharterArticle
from consultations.followup_models import FollowUp, ProgressEntry
from consultations.programme_models import Lesson
from consultations.record_forms import (
    DeclareForm,
    DraftForm,
    FilterForm,
    FollowUpForm,
    ProgressForm,
    ReviewForm,
    StatusForm,
)
from consultations.record_models import ArticleAssessment, Consultation, Finding
from interconnectes import clock
from interconnectes.models import Organisation
from interconnectes.refusals import Refused
from reviews import merge, states
from reviews.models import Draft, ReviewEvent

PER_PAGE = 20


def staff_only(view):
    @login_required
    def wrapped(request, *args, **kwargs):
        if not permissions.is_records_staff(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    wrapped.__name__, wrapped.__doc__ = view.__name__, view.__doc__
    return wrapped


def draft_or_404(pk) -> Draft:
    return get_object_or_404(Draft.objects.select_related("organisation", "created_by"), pk=pk,
                             content_type=record_submissions.content_type())


def form_parts(draft):
    """The charter articles the organisation's commitment names, and the programme's lessons."""
    commitment = record_submissions.commitment_of(draft.organisation_id)
    articles = (CharterArticle.objects.filter(version_id=commitment.charter_version_id).order_by("number")
                if commitment else CharterArticle.objects.none())
    return {"articles": list(articles), "lessons": list(Lesson.objects.order_by("number"))}


# --- Agents -------------------------------------------------------------------------------------------------------

@login_required
def my_records(request):
    """"Mes concertations": the person's drafts and their territories' published records."""
    return render(request, "consultations/records/mine.html", {
        "drafts": list(record_submissions.drafts_of(request.user)),
        "records": list(record_submissions.records_of(request.user)),
        "may_declare": permissions.committed_organisation_ids(request.user).exists(),
        "is_staff": permissions.is_records_staff(request.user)})


@login_required
def declare(request):
    organisations = Organisation.objects.filter(pk__in=permissions.committed_organisation_ids(request.user))
    if not organisations.exists():
        return render(request, "consultations/records/not_committed.html", status=403)
    form = DeclareForm(request.POST or None, organisations=organisations.order_by("name"))
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            draft = record_submissions.declare(request.user, form.cleaned_data["organisation"], form.cleaned_data,
                                               clock.now())
        except Refused as refusal:
            form.add_error("organisation", refusal.message)
            status = 400
        else:
            messages.success(request, _("La concertation est déclarée : complétez-la, puis soumettez-la à "
                                        "l'équipe."))
            return redirect("consultation_records:draft", pk=draft.pk)
    elif request.method == "POST":
        status = 400
    return render(request, "consultations/records/declare.html", {"form": form, "warnings": form.warnings()},
                  status=status)


@login_required
@require_POST
def start_update(request, pk):
    consultation = get_object_or_404(Consultation.objects.published(), pk=pk)
    try:
        draft = record_submissions.start_update(request.user, consultation, clock.now())
    except Refused as refusal:
        raise Http404 from refusal
    return redirect("consultation_records:draft", pk=draft.pk)


def render_draft(request, draft, *, form=None, status=200):
    editable = permissions.can_edit_record_draft(request.user, draft)
    if editable and form is None:
        form = DraftForm(draft=draft, **form_parts(draft))
    return render(request, "consultations/records/draft.html", {
        "draft": draft, "form": form, "editable": editable,
        "warnings": form.warnings() if form is not None and form.is_bound else {},
        "comments": draft.comments if draft.state == states.State.CHANGES_REQUESTED else {},
        "events": list(ReviewEvent.objects.filter(draft=draft).select_related("by"))}, status=status)


@login_required
def draft_view(request, pk):
    draft = draft_or_404(pk)
    if not permissions.can_see_record_draft(request.user, draft):
        raise Http404
    if request.method != "POST":
        return render_draft(request, draft)
    if not permissions.can_edit_record_draft(request.user, draft):
        messages.error(request, _("Ce brouillon est en relecture : il ne se modifie plus."))
        return redirect("consultation_records:draft", pk=draft.pk)
    form = DraftForm(request.POST, draft=draft, **form_parts(draft))
    if not form.is_valid():
        return render_draft(request, draft, form=form, status=400)
    base = form.cleaned_data["base"]
    result = record_submissions.save(draft.pk, request.user, base, form.values(), clock.now())
    if result.conflicts:
        draft.refresh_from_db()
        for name in result.conflicts:
            form.add_error(name if name in form.fields else None,
                           _("Un co-rédacteur a modifié ce champ pendant que vous l'éditiez : rechargez la page."))
        return render_draft(request, draft, form=form, status=409)
    warnings = form.warnings()
    if warnings:
        messages.warning(request, _("Brouillon enregistré. Vérifiez les champs signalés : ils semblent contenir "
                                    "des coordonnées personnelles."))
        draft.refresh_from_db()
        return render_draft(request, draft, form=form)
    messages.success(request, _("Brouillon enregistré."))
    return redirect("consultation_records:draft", pk=draft.pk)


@login_required
@require_POST
def submit(request, pk):
    draft = draft_or_404(pk)
    if not permissions.can_see_record_draft(request.user, draft):
        raise Http404
    try:
        action = record_submissions.submit(draft.pk, request.user, clock.now())
    except record_submissions.DraftErrors as refusal:
        form = DraftForm(draft=draft, **form_parts(draft))
        form_data = {name: value for name, value in form.initial.items() if value not in (None, [])}
        form = DraftForm({**form_data, "base": json.dumps(merge.fingerprints({
            name: draft.data.get(name) for name in DraftForm.editable_names()}))}, draft=draft, **form_parts(draft))
        form.is_valid()
        for name, errors in refusal.errors.items():
            form.add_error(name if name in form.fields else None, errors)
        messages.error(request, refusal.message)
        return render_draft(request, draft, form=form, status=400)
    except Refused as refusal:
        messages.error(request, refusal.message)
        return redirect("consultation_records:draft", pk=draft.pk)
    if action == states.Action.PUBLISH_DIRECTLY:
        messages.success(request, _("La mise à jour est publiée ; l'équipe la relira."))
    else:
        messages.success(request, _("La concertation est soumise à l'équipe, qui vous répondra par e-mail."))
    return redirect("consultation_records:mine")


@login_required
def follow_up(request, pk):
    """The follow-up of a published consultation: commitments, their status, progress entries."""
    consultation = get_object_or_404(Consultation.objects.published().select_related("organisation"), pk=pk)
    if not permissions.can_write_follow_up(request.user, consultation):
        raise Http404
    follow_ups = FollowUp.objects.filter(consultation=consultation)
    new_form = FollowUpForm(prefix="new")
    progress_form = ProgressForm(prefix="progress", follow_ups=follow_ups, initial={"on": clock.now().date()})
    status, now = 200, clock.now()
    if request.method == "POST":
        try:
            if "new-text" in request.POST:
                new_form = FollowUpForm(request.POST, prefix="new")
                if new_form.is_valid():
                    data = new_form.cleaned_data
                    followups.add_follow_up(request.user, consultation, text=data["text"], owner=data["owner"],
                                            status=data["status"], reason=data["reason"], now=now)
                    messages.success(request, _("L'engagement est publié sur la page de la concertation."))
                    return redirect("consultation_records:follow_up", pk=consultation.pk)
            else:
                progress_form = ProgressForm(request.POST, prefix="progress", follow_ups=follow_ups)
                if progress_form.is_valid():
                    data = progress_form.cleaned_data
                    followups.add_progress(request.user, data["follow_up"], on=data["on"], text=data["text"],
                                           now=now)
                    messages.success(request, _("L'avancement est publié sur la page de la concertation."))
                    return redirect("consultation_records:follow_up", pk=consultation.pk)
        except ValidationError as error:
            (new_form if "new-text" in request.POST else progress_form).add_error(None, error)
        status = 400
    return render(request, "consultations/records/follow_up.html", {
        "consultation": consultation, "new_form": new_form, "progress_form": progress_form,
        "follow_ups": [(item, StatusForm(instance=item, prefix=f"status-{item.pk}"))
                       for item in follow_ups.prefetch_related("entries")]}, status=status)


@login_required
@require_POST
def change_status(request, pk):
    item = get_object_or_404(FollowUp.objects.select_related("consultation"), pk=pk,
                             consultation__first_published_at__isnull=False)
    if not permissions.can_write_follow_up(request.user, item.consultation):
        raise Http404
    form = StatusForm(request.POST, instance=FollowUp.objects.get(pk=item.pk), prefix=f"status-{item.pk}")
    if form.is_valid():
        followups.change_status(request.user, item, status=form.cleaned_data["status"],
                                reason=form.cleaned_data["reason"], now=clock.now())
        messages.success(request, _("Le statut de l'engagement est mis à jour."))
    else:
        messages.error(request, " ".join(error for errors in form.errors.values() for error in errors))
    return redirect("consultation_records:follow_up", pk=item.consultation_id)


# --- The team ----------------------------------------------------------------------------------------------------

@staff_only
def review_queue(request):
    drafts, versions = record_submissions.review_queue()
    versions = list(versions)
    records = Consultation.objects.select_related("organisation").in_bulk([item.object_id for item in versions])
    return render(request, "consultations/records/queue.html", {
        "drafts": list(drafts), "versions": [(version, records.get(version.object_id)) for version in versions]})


@staff_only
def review(request, pk):
    draft = draft_or_404(pk)
    form = ReviewForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        decision, note, now = form.cleaned_data["decision"], form.cleaned_data["note"], clock.now()
        try:
            if decision == "approve":
                record_submissions.approve(draft.pk, request.user, set(form.cleaned_data["checklist"]), note, now)
                messages.success(request, _("La concertation est publiée."))
            elif decision == "changes":
                record_submissions.request_changes(draft.pk, request.user, {}, note, now)
                messages.success(request, _("Les modifications sont demandées aux rédacteurs."))
            else:
                record_submissions.refuse(draft.pk, request.user, note, now)
                messages.success(request, _("La concertation est refusée ; les rédacteurs en sont informés."))
        except record_submissions.DraftErrors as refusal:
            form.add_error("decision", refusal.message)
            for errors in refusal.errors.values():
                form.add_error(None, errors)
            status = 400
        except Refused as refusal:
            form.add_error({"approve": "checklist"}.get(decision, "note"), refusal.message)
            status = 400
        else:
            return redirect("consultation_records:review_queue")
    elif request.method == "POST":
        status = 400
    instance = record_submissions.build_instance(draft)
    return render(request, "consultations/records/review.html", {
        "draft": draft, "form": form, "record": instance, "data": draft.data,
        "warnings": record_submissions.personal_data_warnings(draft),
        "reviewable": draft.state == states.State.SUBMITTED,
        "events": list(ReviewEvent.objects.filter(draft=draft).select_related("by"))}, status=status)


@staff_only
@require_POST
def mark_checked(request, pk):
    record_submissions.mark_checked(pk, request.user, clock.now())
    messages.success(request, _("Version marquée comme relue."))
    return redirect("consultation_records:review_queue")


# --- The public --------------------------------------------------------------------------------------------------

def consultation_list(request):
    """Published consultations, filtered by phase, method and public, paginated by the database."""
    form = FilterForm(request.GET or None)
    consultations = permissions.public_consultations().select_related("organisation")
    if form.is_valid():
        data = form.cleaned_data
        if data["phase"]:
            consultations = consultations.filter(phase=data["phase"])
        if data["method"]:
            consultations = consultations.with_method(data["method"])
        if data["public"]:
            consultations = consultations.with_public(data["public"])
    page = Paginator(consultations.order_by("-starts_on", "-pk"), PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "consultations/records/list.html", {
        "form": form, "page_obj": page, "query_string": query.urlencode()})


def consultation_page(request, slug):
    """A published consultation: its record, its self-assessment, findings, follow-up timeline and history."""
    consultation = get_object_or_404(
        permissions.public_consultations().select_related("organisation", "charter_version").prefetch_related(
            Prefetch("assessments", ArticleAssessment.objects.select_related("article")),
            Prefetch("findings", Finding.objects.select_related("lesson")),
            Prefetch("implementations", record_submissions.public_implementations()),
            Prefetch("follow_ups", FollowUp.objects.order_by("created_at", "pk"))),
        slug=slug)
    timeline = list(ProgressEntry.objects.filter(follow_up__consultation=consultation)
                    .select_related("follow_up").order_by("-on", "-pk"))
    return render(request, "consultations/records/consultation.html", {
        "consultation": consultation, "timeline": timeline,
        "versions": list(record_submissions.versions_of(consultation)),
        "may_write": permissions.can_write_follow_up(request.user, consultation)
        if request.user.is_authenticated else False})
