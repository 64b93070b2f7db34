"""What campaign staff do with a round: follow progress, assign, remind, unlock, rank and export.

Campaign staff only (`access.staff_required` answers 403 to anyone else); the
figures come from `jury/progress.py` (a fixed number of queries whatever the
round's size) and the charts from `jury/charts.py`.
"""

import zoneinfo
from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from interconnectes import clock
from jury import bulk, charts, exports, outcomes
from jury.forms import AssignForm, AssignmentChangeForm, BulkDecisionForm, FileSearchForm, UnlockForm
from jury.models import ConflictDeclaration, JuryMember, latest_decision
from jury.ranking_cache import cached_progress, cached_ranking
from jury.services import assignments, decisions, reminders, scores
from jury.services.criteria import freeze_if_open
from jury.views.access import render, staff_required, staff_round
from labels.models import CalibrationMethod, CampaignCategory

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def _jurors(jury_round):
    return JuryMember.objects.filter(campaign_id=jury_round.campaign_id).select_related("user", "person")


def _round_applications(jury_round):
    """The round's files with their category and the round's current decision, as one query to narrow and page."""
    return (jury_round.applications().select_related("category")
            .annotate(decision=latest_decision("outcome", round_id=jury_round.pk),
                      decision_level=latest_decision("level", round_id=jury_round.pk))
            .order_by("reference", "pk"))


def _with_decision_labels(applications):
    applications = list(applications)
    for application in applications:
        application.decision_label = outcomes.label_of(application.decision, application.decision_level)
    return applications


def _change_forms(jury_round, data=None):
    jurors, applications = _jurors(jury_round), jury_round.applications()
    return (AssignmentChangeForm(data, jurors=jurors, applications=applications, prefix="attribution"),
            UnlockForm(data, jurors=jurors, applications=applications, prefix="deverrouillage"))


@staff_required
def progress(request, round_id):
    return progress_page(request, staff_round(round_id))


PROGRESS_PER_PAGE = 25  # files a page of the progress table: a national round is searched, not scrolled


def progress_page(request, jury_round, assignment_form=None, unlock_form=None):
    """Progress per juror and per application (one page of files, searchable), the assignment, reminders and
    unlock forms, which take a file by its reference."""
    now = clock.now()
    freeze_if_open(jury_round, now)
    search = FileSearchForm(request.GET)
    applications = Paginator(search.filter(_round_applications(jury_round)), PROGRESS_PER_PAGE).get_page(
        request.GET.get("page"))
    state = cached_progress(jury_round, [application.pk for application in applications])  # this page's files
    jurors = list(_jurors(jury_round))
    for juror in jurors:
        juror.done, juror.assigned = state.per_juror.get(juror.pk, (0, 0))
    for application in applications:
        application.done, application.assigned = state.per_application.get(application.pk, (0, 0))
    declared = declared_conflicts(jury_round)
    for juror in jurors:
        juror.conflicts = sum(conflict.juror_id == juror.pk for conflict in declared)
    change_form, default_unlock_form = _change_forms(jury_round)
    assignment_form, unlock_form = assignment_form or change_form, unlock_form or default_unlock_form
    for form in (assignment_form, unlock_form):
        form.draw_options_from(jurors)
    return render(request, "jury/progress.html", {
        "round": jury_round, "phase": jury_round.phase(now), "jurors": jurors,
        "applications": applications, "search": search,
        "query_string": urlencode({"q": search.cleaned_data["q"]}) if search.is_valid() else "",
        "assigned": any(juror.assigned for juror in jurors),
        "missing": sum(state.missing.values()), "flagged": assignments.flagged_conflicts(jury_round),
        "declared_conflicts": declared,
        "assign_form": AssignForm(), "assignment_form": assignment_form, "unlock_form": unlock_form,
        "page_title": _("Suivi"), "header_title": _("Suivi — %(campaign)s, %(round)s")
        % {"campaign": jury_round.campaign.title, "round": jury_round},
    })


def declared_conflicts(jury_round) -> list:
    """The conflicts jurors declared on the round's files, with their reasons, in one query (a declaration
    holds for the whole campaign, whatever the round it was made in)."""
    return list(ConflictDeclaration.objects.conflicts()
                .filter(juror__campaign_id=jury_round.campaign_id,
                        application_id__in=jury_round.applications().values("pk"))
                .select_related("juror__user", "juror__person", "application", "round")
                .order_by("application__reference", "declared_at", "pk"))


def _refused(request, round_id, error):
    messages.error(request, " ".join(error.messages))
    return redirect("jury:progress", round_id)


@staff_required
@require_POST
def assign(request, round_id):
    jury_round = staff_round(round_id)
    form = AssignForm(request.POST)
    if not form.is_valid():
        return _refused(request, round_id, ValidationError(_("Mode de répartition inconnu.")))
    try:
        result = assignments.assign(jury_round, form.cleaned_data["mode"], by=request.user)
    except ValidationError as error:
        return _refused(request, round_id, error)
    messages.success(request, _("%(count)s candidatures réparties.") % {"count": len(result)})
    return redirect("jury:progress", round_id)


@staff_required
@require_POST
def change_assignment(request, round_id):
    jury_round = staff_round(round_id)
    form, _unlock = _change_forms(jury_round, request.POST)
    if form.is_valid():
        data = form.cleaned_data
        change = assignments.add_assignment if data["action"] == form.ADD else assignments.remove_assignment
        try:
            change(jury_round, data["juror"], data["application"], by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Attributions mises à jour."))
            return redirect("jury:progress", round_id)
    return progress_page(request, jury_round, assignment_form=form)


@staff_required
@require_POST
def unlock(request, round_id):
    jury_round = staff_round(round_id)
    _assignment, form = _change_forms(jury_round, request.POST)
    if form.is_valid():
        data = form.cleaned_data
        until = data["until"] if timezone.is_aware(data["until"]) else data["until"].replace(tzinfo=PARIS)
        try:
            scores.unlock(jury_round, data["juror"], by=request.user, reason=data["reason"], until=until,
                                 application=data["application"])
        except ValidationError as error:
            form.add_error(None, error)  # a per-field error goes next to its field
        else:
            messages.success(request, _("Notes déverrouillées pour %(juror)s.") % {"juror": data["juror"]})
            return redirect("jury:progress", round_id)
    return progress_page(request, jury_round, unlock_form=form)


@staff_required
@require_POST
def remind(request, round_id):
    jury_round = staff_round(round_id)
    try:
        count = reminders.send_reminders(jury_round, by=request.user)
    except ValidationError as error:
        return _refused(request, round_id, error)
    messages.success(request, _("Relance envoyée à %(count)s juré(s).") % {"count": count})
    return redirect("jury:progress", round_id)


RANKING_PAGE_SIZE = 20
OVERALL, TO_DISCUSS, JURORS = "", "a-discuter", "jures"


@dataclass(frozen=True)
class RankingView:
    """One of the ranking page's views: its `?vue=` key, its label and how many files it lists."""

    key: str
    label: str
    entries: list | None = None  # None for the jurors' view, which lists no file

    @property
    def count(self):
        return None if self.entries is None else len(self.entries)


def _ranking_views(result, categories, flags):
    """Overall, "à discuter" (the spread's verdict, with staff's hand flags on top), one per category, then the
    jurors with the charts."""
    to_discuss = [entry for entry in result.ranking.results
                  if flags.get(entry.application_id, (entry.to_discuss,))[0]]
    views = [RankingView(OVERALL, _("Classement général"), result.ranking.results),
             RankingView(TO_DISCUSS, _("À discuter"), to_discuss)]
    by_category = sorted(result.by_category().items(),
                         key=lambda pair: (pair[0] is None, categories[pair[0]].sort_order if pair[0] else 0))
    views += [RankingView(f"categorie-{category or 'aucune'}",
                          categories[category].name if category else _("Sans catégorie"), entries)
              for category, entries in by_category]
    return views + [RankingView(JURORS, _("Jurés et distribution des notes"))]


def _charts(result, jurors):
    """The score distribution per criterion, each juror's leniency and, with the fitted model, their fitted bias,
    drawn on the server."""
    # charts.py escapes every text it draws (criteria and jurors' names); the rest is numbers.
    histograms = [charts.histogram(counts, result.names[cid]) for cid, counts in result.distribution.items()]
    histograms = [mark_safe(svg) for svg in histograms]  # nosec B308 B703 # escaped by charts.py
    leniency = charts.leniency(
        [(str(jurors[juror_id]), profile.leniency) for juror_id, profile in sorted(result.ranking.jurors.items())],
        _("Sévérité ou indulgence de chaque juré")) if result.ranking.jurors else ""
    # With the fitted model, each juror's bias as the model estimated it, beside the raw deviation.
    fitted = [(str(jurors[juror_id]), profile.fitted_bias)
              for juror_id, profile in sorted(result.ranking.jurors.items()) if profile.fitted_bias is not None]
    bias = charts.leniency(fitted, _("Biais ajusté de chaque juré (modèle qualité + biais)"),
                           what=_("Biais de chaque juré estimé par le modèle ajusté")) if fitted else ""
    return {"histograms": histograms, "leniency": mark_safe(leniency),  # nosec B308 B703 # escaped by charts.py
            "fitted_bias": mark_safe(bias),  # nosec B308 B703 # escaped by charts.py
            "profiles": [(jurors[juror_id], profile) for juror_id, profile in sorted(result.ranking.jurors.items())]}


@staff_required
def ranking(request, round_id):
    return ranking_page(request, staff_round(round_id))


def _bulk_form(jury_round, application_ids, data=None):
    return BulkDecisionForm(data, prefix="groupe", application_ids=application_ids,
                            choices=outcomes.choices(jury_round.purpose, jury_round.campaign.levels()))


def ranking_page(request, jury_round, bulk_form=None):
    """One view of the ranking at a time (overall, "à discuter", a category, the jurors), 20 files a page, and
    the bulk decision form over the ranking.

    Each view keeps the page within the budget of a listing (`interconnectes.budgets`)
    whatever the round's size; the overall table flags the files to discuss.
    """
    freeze_if_open(jury_round, clock.now())
    result = cached_ranking(jury_round)
    categories = {category.pk: category for category in CampaignCategory.objects.filter(
        pk__in={category for category in result.categories.values() if category})}
    flags = decisions.discussion_flags(jury_round)
    views = _ranking_views(result, categories, flags)
    view = next((view for view in views if view.key == request.GET.get("vue")), views[0])
    ranked = [entry.application_id for entry in result.ranking.results]
    context = {"round": jury_round, "views": views, "view": view, "incomplete": len(result.ranking.incomplete),
               "bulk_form": bulk_form or _bulk_form(jury_round, ranked),
               "method_label": CalibrationMethod(result.ranking.method).label, "fallback": result.ranking.fallback,
               "threshold": jury_round.campaign.discuss_threshold,
               "page_title": _("Classement"), "header_title": _("Classement — %(campaign)s, %(round)s")
               % {"campaign": jury_round.campaign.title, "round": jury_round}}
    if view.entries is None:
        context.update(_charts(result, {juror.pk: juror for juror in _jurors(jury_round)}))
    else:
        rows = Paginator(view.entries, RANKING_PAGE_SIZE).get_page(request.GET.get("page"))
        # Q(pk=None) keeps the query even for an empty view, so that every view costs the same.
        shown = Q(pk__in=[entry.application_id for entry in rows]) | Q(pk=None)
        applications = {application.pk: application for application in _with_decision_labels(
            _round_applications(jury_round).filter(shown))}
        for entry in rows:
            application = applications[entry.application_id]
            application.eliminated_on = ", ".join(result.eliminated.get(entry.application_id, ()))
            application.discuss, application.discuss_note = flags.get(entry.application_id, (entry.to_discuss, ""))
        rows.object_list = [(entry, applications[entry.application_id]) for entry in rows]  # this page's files only
        context.update(rows=rows, query_string=urlencode({"vue": view.key}))
    return render(request, "jury/ranking.html", context)


@staff_required
@require_POST
def bulk_decide(request, round_id):
    """Record one outcome for the files picked from the ranking; refused whole, with the reason, otherwise."""
    jury_round = staff_round(round_id)
    result = cached_ranking(jury_round)
    ranked = [(entry.application_id, entry.rank) for entry in result.ranking.results]
    form = _bulk_form(jury_round, [application_id for application_id, _rank in ranked], request.POST)
    if form.is_valid():
        data = form.cleaned_data
        chosen = bulk.select(ranked, data["mode"], data["number"], set(data["dossiers"]))
        outcome, level = form.decision()
        try:
            count = decisions.record_bulk(jury_round, chosen, outcome=outcome, level=level, reason=data["reason"],
                                          by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Décision enregistrée pour %(count)s dossiers.") % {"count": count})
            return redirect("jury:ranking", jury_round.pk)
    return ranking_page(request, jury_round, bulk_form=form)


EXPORTS = {"classement": exports.ranking_table, "notes": exports.scores_table}


@staff_required
def export(request, round_id, kind, fmt):
    jury_round = staff_round(round_id)
    if kind not in EXPORTS:
        raise Http404
    freeze_if_open(jury_round, clock.now())
    headers, rows = EXPORTS[kind](jury_round)
    stem = f"{kind}-{jury_round.campaign.slug}-tour-{jury_round.number}"
    return exports.export_response(headers, rows, stem, fmt)
