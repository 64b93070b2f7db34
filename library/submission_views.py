"""The agents' submissions and the team's review, as plain views: every rule is in library/submissions.py and
library/permissions.py; these views read forms and call them.

Saving a draft needs no script: the form's button posts it. A small script
(static/js/autosave.js) posts the same form every 20 seconds with an
`X-Autosave` header; the view then answers 204 (saved), 400 (a field to
correct: the button shows it) or 409 (a co-editor changed the same field).
"""

import json

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import email_quota
from accounts.models import MembershipStatus
from accounts.tiers import tier_for
from interconnectes import clock
from interconnectes.models import Organisation
from interconnectes.refusals import Refused
from interconnectes.restrictions import private_q
from library import permissions, submissions
from library.models import Implementation, UseCasePage
from library.submission_forms import ArchiveForm, DraftForm, InviteForm, ReviewForm, StartForm
from library.tiers import level_for_tier
from reviews import merge, states
from reviews.models import Draft, ReviewEvent


def staff_only(view):
    @login_required
    def wrapped(request, *args, **kwargs):
        if not permissions.is_library_staff(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def draft_or_404(pk) -> Draft:
    return get_object_or_404(Draft.objects.select_related("organisation", "created_by"), pk=pk,
                             content_type=submissions.content_type())


def use_case_of(draft) -> UseCasePage | None:
    return UseCasePage.objects.filter(pk=draft.context.get("use_case")).first()


@login_required
def projects(request):
    """"Mes projets": the person's drafts and their collectivités' published records."""
    return render(request, "library/submissions/projects.html", {
        "drafts": list(submissions.drafts_of(request.user)), "records": list(submissions.records_of(request.user)),
        "is_agent": bool(permissions.verified_organisation_ids(request.user)),
        "is_staff": permissions.is_library_staff(request.user)})


@login_required
def new_draft(request):
    """A new record: a use case and a collectivité; with `?reprendre=<id>`, taken from an existing project."""
    organisations = Organisation.objects.filter(pk__in=permissions.verified_organisation_ids(request.user))
    if not organisations.exists():
        return render(request, "library/submissions/not_an_agent.html", status=403)
    derived_from = None
    if request.GET.get("reprendre", "").isdigit():
        derived_from = (Implementation.objects.reachable().select_related("lead_organisation", "use_case")
                        .filter(pk=request.GET["reprendre"]).first())
        if derived_from is None:
            raise Http404
    use_cases = UseCasePage.objects.live().exclude(private_q()).order_by("title")
    initial = {"use_case": derived_from.use_case_id} if derived_from else {}
    form = StartForm(request.POST or None, organisations=organisations.order_by("name"), use_cases=use_cases,
                     initial=initial)
    status = 200
    if request.method == "POST" and form.is_valid():
        level = level_for_tier(tier_for(request.user, derived_from, request=request)) if derived_from else None
        try:
            draft = submissions.start_new(request.user, form.cleaned_data["use_case"],
                                          form.cleaned_data["organisation"], clock.now(),
                                          derived_from=derived_from, **({"level": level} if level is not None else {}))
        except Refused as refusal:
            form.add_error("use_case", refusal.message)
            status = 400
        else:
            messages.success(request, _("Le brouillon est créé : complétez-le, puis soumettez-le à l'équipe."))
            return redirect("library:draft", pk=draft.pk)
    elif request.method == "POST":
        status = 400
    return render(request, "library/submissions/new.html", {"form": form, "derived_from": derived_from},
                  status=status)


@login_required
@require_POST
def start_update(request, pk):
    implementation = get_object_or_404(Implementation.objects.reachable(), pk=pk)
    try:
        draft = submissions.start_update(request.user, implementation, clock.now())
    except Refused as refusal:
        raise Http404 from refusal
    return redirect("library:draft", pk=draft.pk)


def invite_form(draft, data=None):
    taken = {draft.created_by_id, *draft.editors.values_list("pk", flat=True)}
    people = (get_user_model().objects.filter(memberships__organisation_id=draft.organisation_id,
                                              memberships__status=MembershipStatus.VERIFIED, is_active=True)
              .exclude(pk__in=[pk for pk in taken if pk]).order_by("last_name", "email"))
    return InviteForm(data, people=people, prefix="invite")


def render_draft(request, draft, *, form=None, invitation=None, status=200):
    editable = permissions.can_edit_draft(request.user, draft)
    if editable and form is None:
        form = DraftForm(draft=draft)
    use_case = use_case_of(draft)
    derived_from = (Implementation.objects.select_related("lead_organisation")
                    .filter(pk=draft.context.get("derived_from")).first() if draft.context.get("derived_from")
                    else None)
    return render(request, "library/submissions/draft.html", {
        "draft": draft, "form": form, "editable": editable, "use_case": use_case, "derived_from": derived_from,
        "comments": draft.comments if draft.state == states.State.CHANGES_REQUESTED else {},
        "invite_form": invitation or (invite_form(draft) if editable else None),
        "editors": list(draft.editors.all()),
        "rows": [(Implementation._meta.get_field(name).verbose_name, draft.data.get(name))
                 for name in submissions.EDITABLE if draft.data.get(name)],
        "events": list(ReviewEvent.objects.filter(draft=draft).select_related("by")),
    }, status=status)


@login_required
def draft_view(request, pk):
    """The draft's form (or, once submitted, what it holds); saving merges with co-editors' saves."""
    draft = draft_or_404(pk)
    if not permissions.can_see_draft(request.user, draft):
        raise Http404
    autosave = request.headers.get("X-Autosave") == "1"
    if request.method != "POST":
        return render_draft(request, draft)
    if not permissions.can_edit_draft(request.user, draft):
        if autosave:
            return HttpResponse(status=409)
        messages.error(request, _("Ce brouillon est en relecture : il ne se modifie plus."))
        return redirect("library:draft", pk=draft.pk)
    form = DraftForm(request.POST, draft=draft)
    if not form.is_valid():
        return HttpResponse(status=400) if autosave else render_draft(request, draft, form=form, status=400)
    base = form.cleaned_data["base"]
    result = submissions.save(draft.pk, request.user, base, form.values(), clock.now())
    if result.conflicts:
        if autosave:
            return HttpResponse(status=409)
        draft.refresh_from_db()
        fresh = dict(base, **merge.fingerprints(result.conflicts))
        form = DraftForm(request.POST, draft=draft, base=fresh)
        form.data = form.data.copy()
        form.data["base"] = json.dumps(fresh)
        form.is_valid()
        for name, theirs in result.conflicts.items():
            form.add_error(name, _("Un co-rédacteur a modifié ce champ pendant que vous l'éditiez. Sa version : "
                                   "« %(value)s ». Enregistrez à nouveau pour garder la vôtre.")
                           % {"value": theirs if theirs not in (None, "") else _("(vide)")})
        return render_draft(request, draft, form=form, status=409)
    if autosave:
        return HttpResponse(status=204)
    messages.success(request, _("Brouillon enregistré."))
    return redirect("library:draft", pk=draft.pk)


@login_required
@require_POST
def invite(request, pk):
    draft = draft_or_404(pk)
    if not permissions.can_see_draft(request.user, draft):
        raise Http404
    form = invite_form(draft, request.POST)
    if form.is_valid():
        try:
            submissions.invite(draft.pk, request.user, form.cleaned_data["person"], clock.now())
        except email_quota.QuotaReached as refusal:
            form.add_error("person", refusal.message)
            return render_draft(request, draft, invitation=form, status=429)
        except Refused as refusal:
            form.add_error("person", refusal.message)
        else:
            messages.success(request, _("Votre collègue peut maintenant modifier ce brouillon ; un e-mail l'en "
                                        "informe."))
            return redirect("library:draft", pk=draft.pk)
    return render_draft(request, draft, invitation=form, status=400)


@login_required
@require_POST
def submit(request, pk):
    draft = draft_or_404(pk)
    if not permissions.can_see_draft(request.user, draft):
        raise Http404
    try:
        action = submissions.submit(draft.pk, request.user, clock.now())
    except submissions.DraftErrors as refusal:
        form = DraftForm({**{name: value if value is not None else "" for name, value in draft.data.items()},
                          "base": json.dumps(merge.fingerprints(draft.data))}, draft=draft)
        form.is_valid()
        for name, errors in refusal.errors.items():
            if name in form.fields and name not in form.errors:
                form.add_error(name, errors)
            elif name not in form.fields:
                form.add_error(None, errors)
        messages.error(request, refusal.message)
        return render_draft(request, draft, form=form, status=400)
    except Refused as refusal:
        messages.error(request, refusal.message)
        return redirect("library:draft", pk=draft.pk)
    if action == states.Action.PUBLISH_DIRECTLY:
        messages.success(request, _("La mise à jour est publiée ; l'équipe la relira."))
    else:
        messages.success(request, _("La fiche est soumise à l'équipe, qui vous répondra par e-mail."))
    return redirect("library:projects")


# --- The team ----------------------------------------------------------------------------------------------------

@staff_only
def review_queue(request):
    drafts, versions = submissions.review_queue()
    drafts, versions = list(drafts), list(versions)
    records = Implementation.objects.select_related("use_case", "lead_organisation").in_bulk(
        [version.object_id for version in versions])
    use_cases = UseCasePage.objects.in_bulk([draft.context.get("use_case") for draft in drafts])
    return render(request, "library/submissions/queue.html", {
        "drafts": [(draft, use_cases.get(draft.context.get("use_case"))) for draft in drafts],
        "versions": [(version, records.get(version.object_id)) for version in versions]})


@staff_only
def review(request, pk):
    """A submitted draft, field by field, with the checklist and the three decisions."""
    draft = draft_or_404(pk)
    form = ReviewForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        decision, note, now = form.cleaned_data["decision"], form.cleaned_data["note"], clock.now()
        try:
            if decision == "approve":
                submissions.approve(draft.pk, request.user, set(form.cleaned_data["checklist"]), note, now)
                messages.success(request, _("La fiche est publiée."))
            elif decision == "changes":
                submissions.request_changes(draft.pk, request.user, form.comments(), note, now)
                messages.success(request, _("Les modifications sont demandées aux rédacteurs."))
            else:
                submissions.refuse(draft.pk, request.user, note, now)
                messages.success(request, _("La fiche est refusée ; les rédacteurs en sont informés."))
        except submissions.DraftErrors as refusal:
            form.add_error("decision", refusal.message)
            for name, errors in refusal.errors.items():
                if f"comment_{name}" in form.fields:
                    form.add_error(f"comment_{name}", errors)
            status = 400
        except Refused as refusal:
            field = {"approve": "checklist", "refuse": "note"}.get(decision, "note")
            form.add_error(field, refusal.message)
            status = 400
        else:
            return redirect("library:review_queue")
    elif request.method == "POST":
        status = 400
    rows = [(name, Implementation._meta.get_field(name).verbose_name, draft.data.get(name),
             form[f"comment_{name}"]) for name in submissions.EDITABLE]
    return render(request, "library/submissions/review.html", {
        "draft": draft, "form": form, "rows": rows, "use_case": use_case_of(draft),
        "reviewable": draft.state == states.State.SUBMITTED,
        "events": list(ReviewEvent.objects.filter(draft=draft).select_related("by"))}, status=status)


@staff_only
@require_POST
def mark_checked(request, pk):
    submissions.mark_checked(pk, request.user, clock.now())
    messages.success(request, _("Version marquée comme relue."))
    return redirect("library:review_queue")


@staff_only
def archive(request, pk):
    implementation = get_object_or_404(Implementation.objects.reachable().select_related("use_case",
                                                                                         "lead_organisation"), pk=pk)
    form = ArchiveForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            submissions.archive(implementation.pk, request.user, form.cleaned_data["reason"], clock.now())
        except Refused as refusal:
            form.add_error("reason", refusal.message)
            status = 400
        else:
            messages.success(request, _("La fiche est retirée des listes ; sa page en indique la raison."))
            return redirect("library:review_queue")
    elif request.method == "POST":
        status = 400
    return render(request, "library/submissions/archive.html", {"form": form, "implementation": implementation},
                  status=status)
