"""What a juror does on the jury's pages: see their rounds, declare conflicts, read and score their files.

Thin views: who may do what on a file is decided once per request by the
juror's scoring state (`jury/scoring_state.py`), the lists go through
`jury/permissions.py`, the writes through `jury/services/`.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from interconnectes import clock
from jury import juror_lists, permissions, scoring
from jury.forms import DeclarationForm, ScoreSheetForm
from jury.models import Assignment, ConflictDeclaration, JuryRound, Score, ScoreSheet
from jury.obvious_conflicts import application_facts, obvious_conflict
from jury.progress import juror_progress
from jury.services import conflicts, scores
from jury.services.criteria import round_criteria
from jury.views.access import juror_round, juror_state, render
from labels import services
from labels.permissions import is_campaign_staff
from labels.snapshot import display_rows, snapshot
from labels.views.applications import attachment_response

# Listings stay within a listing's budget (interconnectes.budgets) whatever the campaign's size.
ROUNDS_PER_PAGE = 20  # staff see every round of every year, newest first
FILES_PER_PAGE = 25  # a juror may be given every file of a round
# What a juror needs to judge a project; the applicant's contact details are not part of it.
HIDDEN_FROM_JURORS = {"contact_name", "contact_role", "contact_email", "contact_phone"}


@login_required
def jury_home(request):
    """The rounds of the juries the user sits on, with their own progress; staff see every round."""
    staff = is_campaign_staff(request.user)
    memberships = {member.campaign_id: member for member in request.user.jury_memberships.all()}
    if not (staff or memberships):
        raise PermissionDenied
    rounds = JuryRound.objects.select_related("campaign").order_by("-campaign__year", "campaign__title", "number")
    if not staff:
        rounds = rounds.filter(campaign_id__in=list(memberships))
    rounds = Paginator(rounds, ROUNDS_PER_PAGE).get_page(request.GET.get("page"))
    progress = juror_progress([(jury_round, memberships[jury_round.campaign_id]) for jury_round in rounds
                               if jury_round.campaign_id in memberships])
    now = clock.now()
    entries = [{"round": jury_round, "phase": jury_round.phase(now), "member": memberships.get(jury_round.campaign_id),
                "progress": progress.get(jury_round.pk)} for jury_round in rounds]
    return render(request, "jury/home.html", {
        "entries": entries, "rounds": rounds, "page_title": _("Jury"), "header_title": _("Jury"),
    })


@login_required
def round_applications(request, round_id):
    """The juror's files in a round: "12 / 30 notées", their own total per file, filters (to score, scored,
    conflict); a fixed number of queries whatever the round's size."""
    jury_round, member = juror_round(request, round_id)
    now = clock.now()
    criteria = round_criteria(jury_round, now)
    scored = (Score.objects.filter(round=jury_round, juror=member, application_id=OuterRef("pk"),
                                   criterion_id__in=[criterion.pk for criterion in criteria])
              .order_by().values("application_id").annotate(count=Count("pk")).values("count"))
    applications = (
        permissions.applications_for_juror(request.user, jury_round).select_related("category")
        .annotate(declared=Exists(ConflictDeclaration.objects.filter(juror=member, application_id=OuterRef("pk"),
                                                                     has_conflict=False)),
                  scored=Coalesce(Subquery(scored, output_field=IntegerField()), Value(0)))
        .order_by("reference", "pk")
    )
    conflicted = (jury_round.applications().select_related("category")
                  .filter(pk__in=Assignment.objects.filter(permissions.conflicted_q(), round=jury_round,
                                                           juror=member).values("application_id"))
                  .order_by("reference", "pk"))
    # A sheet counts as scored once every criterion is, and only once the criteria are frozen.
    complete = Q(scored__gte=len(criteria)) if jury_round.criteria_frozen and criteria else Q(pk__in=[])
    counts = file_counts(jury_round, member, scored, complete)
    by_filter = {juror_lists.ALL: applications, juror_lists.UNFINISHED: applications.exclude(complete),
                 juror_lists.FINISHED: applications.filter(complete), juror_lists.CONFLICT: conflicted}
    sizes = {juror_lists.ALL: counts["total"], juror_lists.UNFINISHED: counts["total"] - counts["done"],
             juror_lists.FINISHED: counts["done"], juror_lists.CONFLICT: counts["conflicts"]}
    chosen = juror_lists.chosen_filter(request.GET.get("etat"))
    filters = [{"key": key, "label": label, "current": key == chosen, "count": sizes[key]}
               for key, (label, _states) in juror_lists.FILTERS.items()]
    page = Paginator(by_filter[chosen], FILES_PER_PAGE).get_page(request.GET.get("page"))  # reads this page only
    totals = own_totals(jury_round, member, criteria)
    facts = member.conflict_facts()
    for application in page:
        if chosen == juror_lists.CONFLICT:
            application.state, application.total, application.flag = juror_lists.CONFLICT, None, ""
        else:
            application.state = juror_lists.file_state(
                conflict=False, declared=application.declared,
                scored=application.scored if jury_round.criteria_frozen else 0, criteria=len(criteria))
            application.total = totals.get(application.pk)
            application.flag = obvious_conflict(facts, application_facts(application))
        application.state_label = juror_lists.STATE_LABELS[application.state]
    return render(request, "jury/round.html", {
        "round": jury_round, "phase": jury_round.phase(now), "filters": filters, "chosen": chosen,
        "applications": page, "query_string": urlencode({"etat": chosen}) if chosen else "",
        "done": counts["done"], "total": counts["total"],
        "page_title": str(jury_round), "header_title": f"{jury_round.campaign.title} — {jury_round}",
    })


def file_counts(jury_round, member, scored, complete) -> dict:
    """The sizes of the juror's lists in one query: their files of the round, those without a declared conflict
    (`total`, of which `done` are complete sheets) and those with one (`conflicts`)."""
    conflict = ConflictDeclaration.objects.conflicts().filter(juror=member, application_id=OuterRef("pk"))
    theirs = (jury_round.applications()
              .filter(pk__in=Assignment.objects.filter(round=jury_round, juror=member).values("application_id"))
              .annotate(conflict=Exists(conflict), scored=Coalesce(Subquery(scored, output_field=IntegerField()),
                                                                   Value(0))))
    return theirs.aggregate(total=Count("pk", filter=Q(conflict=False)),
                            done=Count("pk", filter=Q(conflict=False) & complete),
                            conflicts=Count("pk", filter=Q(conflict=True)))


def own_totals(jury_round, member, criteria) -> dict:
    """{application id: the juror's weighted total on 0-100} for their complete sheets of the round (one query)."""
    rows = (Score.objects.filter(round=jury_round, juror=member, criterion_id__in=[c.pk for c in criteria])
            .order_by().values_list("application_id", "juror_id", "criterion_id", "value"))
    totals, _incomplete = scoring.weighted_totals(
        [scoring.ScoreRow(*row) for row in rows],
        [scoring.Criterion(c.pk, float(c.weight), c.max_score) for c in criteria])
    return {application_id: total for (application_id, _juror), total in totals.items()}


@login_required
def declare(request, round_id, application_id):
    """"Pas de conflit d'intérêts", or a conflict and why, before the file opens; logged."""
    state = juror_state(request, round_id, application_id, clock.now())
    if state.declared:
        return redirect("jury:sheet", state.round.pk, state.application.pk)
    form = DeclarationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            conflicts.declare(state.member, state.application, has_conflict=form.has_conflict,
                              reason=form.cleaned_data["reason"], by=request.user, jury_round=state.round,
                              now=state.now)
        except ValidationError as error:
            form.add_error(None, error)  # the missing reason goes next to its field
        else:
            if form.has_conflict:
                messages.success(request, _("Conflit d'intérêts enregistré : ce dossier est retiré de votre liste."))
                return redirect("jury:round", state.round.pk)
            return redirect("jury:sheet", state.round.pk, state.application.pk)
    return render(request, "jury/declare.html", {
        "round": state.round, "application": state.application, "form": form,
        "flag": obvious_conflict(state.member.conflict_facts(), application_facts(state.application)),
        "page_title": _("Déclaration d'intérêts"), "header_title": _("Déclaration d'intérêts — %(ref)s")
        % {"ref": state.application},
    })


@login_required
def sheet(request, round_id, application_id):
    """The read-only file, its eligibility verdict and attachments, and the juror's score form."""
    posted = request.method == "POST"
    state = juror_state(request, round_id, application_id, clock.now(), with_attachments=not posted)
    if not state.may_open:
        return redirect("jury:declare", state.round.pk, state.application.pk)
    criteria = round_criteria(state.round, state.now)
    if posted and state.may_score:
        form = ScoreSheetForm(request.POST, criteria=criteria)
        if form.is_valid():
            try:
                saved = scores.save_scores(state, form.cleaned_data["scores"], form.cleaned_data["overall_comment"])
            except ValidationError as error:
                form.add_error(None, error.messages)
            else:
                return saved_sheet(request, state, saved, form.cleaned_data["loaded_at"])
        return sheet_page(request, state, form)
    current = ScoreSheet.objects.filter(round=state.round, juror=state.member, application=state.application).first()
    initial = ScoreSheetForm.initial_for(
        Score.objects.filter(round=state.round, juror=state.member, application=state.application), current)
    form = ScoreSheetForm(initial=initial, criteria=criteria, disabled=not state.may_score)
    return sheet_page(request, state, form, current)


def saved_sheet(request, state, saved, loaded_at):
    """Back to the sheet, saying when it was saved and whether another tab had saved it since it was opened."""
    when = timezone.localtime(saved.saved_at).strftime("%d/%m/%Y %H:%M:%S")
    if saved.previously_saved_at and loaded_at and loaded_at != saved.previously_saved_at:
        messages.warning(request, _("Cette fiche avait été enregistrée depuis un autre onglet ; "
                                    "votre enregistrement de %(when)s la remplace.") % {"when": when})
    messages.success(request, _("Notes enregistrées le %(when)s.") % {"when": when})
    return redirect("jury:sheet", state.round.pk, state.application.pk)


def sheet_page(request, state, form, current=None):
    """The sheet page: the file as submitted (contact details left out) and its pitch, the form with each
    criterion's rubric (read-only once the round is closed), previous / next file, others' scores when due."""
    application = state.application
    if current is None and form.is_bound:
        current = ScoreSheet.objects.filter(round=state.round, juror=state.member, application=application).first()
    version = application.versions.order_by("-number").first()
    data = version.snapshot if version else snapshot(application)
    for criterion in form.criteria:
        criterion.steps = juror_lists.rubric_steps(criterion.max_score, criterion.rubric_bottom,
                                                   criterion.rubric_middle, criterion.rubric_top)
    ids = list(permissions.applications_for_juror(request.user, state.round).order_by("reference", "pk")
               .values_list("pk", flat=True))
    previous, following = juror_lists.neighbours(ids, application.pk)
    return render(request, "jury/sheet.html", {
        "round": state.round, "application": application, "form": form, "sheet": current,
        "editable": state.may_score, "refusal": state.refusal, "phase": state.phase,
        "rows": display_rows(data, exclude=HIDDEN_FROM_JURORS),
        "eligibility": services.check_eligibility(application, has_duplicate=state.has_duplicate),
        "attachments": list(application.attachments.all()),
        "others": others_table(state, form.criteria) if state.sees_others else None,
        # Read with the scoring state (`select_related`); a file without a pitch has none.
        "pitch": getattr(application, "pitch", None),
        "previous": previous, "next": following, "position": ids.index(application.pk) + 1 if application.pk in ids
        else None, "count": len(ids),
        "draft_key": state.draft_key,
        "page_title": str(application), "header_title": f"{application} — {application.title}",
    })


def others_table(state, criteria) -> list:
    """The other jurors' sheets on the file, one row each: their score per criterion (in the round's order),
    their total when complete, their comments; conflicted jurors left out (two queries)."""
    scores = (Score.objects.filter(round=state.round, application=state.application)
              .exclude(juror=state.member).exclude(permissions.conflicted_q())
              .select_related("juror__user", "juror__person").order_by("juror_id"))
    comments = dict(ScoreSheet.objects.filter(round=state.round, application=state.application)
                    .exclude(juror=state.member).exclude(permissions.conflicted_q())
                    .values_list("juror_id", "overall_comment"))
    sheets: dict = {}
    for score in scores:
        sheets.setdefault(score.juror_id, (score.juror, {}))[1][score.criterion_id] = score
    totals, _incomplete = scoring.weighted_totals(
        [scoring.ScoreRow(state.application.pk, score.juror_id, score.criterion_id, score.value) for score in scores],
        [scoring.Criterion(c.pk, float(c.weight), c.max_score) for c in criteria])
    return [{"juror": juror, "cells": [by_criterion.get(criterion.pk) for criterion in criteria],
             "total": totals.get((state.application.pk, juror_id)), "comment": comments.get(juror_id, "")}
            for juror_id, (juror, by_criterion) in sheets.items()]


@login_required
def download(request, round_id, application_id, attachment_id):
    state = juror_state(request, round_id, application_id, clock.now())
    if not state.may_open:
        raise Http404
    return attachment_response(request, get_object_or_404(state.application.attachments, pk=attachment_id))
