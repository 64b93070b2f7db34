"""Deliberation and publication: the jury's decision per application, then one action that publishes.

Decisions are a register (`Decision`, append-only): the form records a new
row each time, and the page lists every earlier one with who and when.
Nothing of the results is public before `publication.publish_results`.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from labels import jury_services, permissions, publication
from labels.jury_forms import DecisionForm
from labels.jury_views.access import render, staff_only, staff_round
from labels.models import Application, Decision, DecisionOutcome, JuryRound, LabelCampaignPage, Score, ScoreSheet
from labels.models.jury import JURY_STATUSES


def decide(request, round_id, application_id):
    """All the jury's scores and comments on one file, the decision register and the form for a new entry."""
    jury_round = staff_round(request, round_id)
    application = get_object_or_404(jury_round.applications().select_related("category"), pk=application_id)
    register = list(Decision.objects.filter(application=application).select_related("recorded_by")
                    .latest_first())
    current = register[0] if register else None
    initial = {"outcome": current.outcome, "citation": current.citation, "feedback": current.feedback,
               "minutes": current.minutes} if current else {}
    form = DecisionForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            jury_services.record_decision(application, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)  # a per-field error goes next to its field
        else:
            messages.success(request, _("Décision enregistrée pour %(ref)s.") % {"ref": application})
            return redirect("jury:ranking", jury_round.pk)
    scores = (Score.objects.filter(application=application).exclude(permissions.conflicted_q())
              .select_related("round", "juror__user", "juror__person", "criterion")
              .order_by("round__number", "juror_id", "criterion__sort_order"))
    sheets = {(sheet.round_id, sheet.juror_id): sheet.overall_comment for sheet in
              ScoreSheet.objects.filter(application=application).exclude(permissions.conflicted_q())}
    return render(request, "labels/jury/decide.html", {
        "round": jury_round, "application": application, "form": form, "register": register,
        "scores": scores, "sheets": sheets,
        "page_title": _("Délibération"), "header_title": _("Délibération — %(ref)s") % {"ref": application},
    })


def publish(request, campaign_id):
    """What will be published (decisions per outcome, files still undecided), then the one action."""
    staff_only(request)
    campaign = get_object_or_404(LabelCampaignPage.objects.specific(), pk=campaign_id)
    if request.method == "POST":
        try:
            summary = publication.publish_results(campaign, by=request.user,
                                                  base_url=request.build_absolute_uri("/").rstrip("/"))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Résultats publiés : %(count)s candidats prévenus par e-mail.")
                             % {"count": summary.total})
            return redirect("jury:home")
    pending = jury_round_applications(campaign)
    outcomes = (Decision.objects.current().filter(application__in=pending).order_by()
                .values("outcome").annotate(count=Count("pk")).values_list("outcome", "count"))
    decided = [(DecisionOutcome(outcome).label, count) for outcome, count in outcomes]
    undecided = pending.exclude(pk__in=Decision.objects.values("application_id")).order_by("reference")
    return render(request, "labels/jury/publish.html", {
        "campaign": campaign, "decided": decided, "undecided": list(undecided),
        "published": publication.results_published(campaign),
        "rounds": JuryRound.objects.filter(campaign=campaign),
        "page_title": _("Publication des résultats"),
        "header_title": _("Publication des résultats — %(campaign)s") % {"campaign": campaign.title},
    })


def jury_round_applications(campaign):
    """The campaign's files a jury looks at (the same set publication checks)."""
    return Application.objects.filter(campaign=campaign, status__in=JURY_STATUSES)
