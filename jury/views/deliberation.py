"""Deliberation and publication: the jury's decision per application, then one action that publishes.

Decisions are a register (`Decision`, append-only): the form records a new
row each time, and the page lists every earlier one with who and when. The
history of a file's scores (`ScoreChange`) has its own page, linked from the
deliberation. Nothing of the results is public before
`services.publication.publish_results`.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from interconnectes import canonical
from jury import outcomes
from jury.forms import DecisionForm, DiscussionForm, PublishConfirmForm
from jury.models import Decision, DiscussionFlag, JuryRound, Score, ScoreChange, ScoreSheet
from jury.permissions import conflicted_q
from jury.progress import eliminated_on
from jury.services import decisions, publication
from jury.views.access import render, staff_required, staff_round
from labels.models import LabelCampaignPage, ResultsPublication


@staff_required
def decide(request, round_id, application_id):
    """All the jury's scores and comments on one file, the decision register and the form for a new entry."""
    jury_round = staff_round(round_id)
    application = get_object_or_404(jury_round.applications().select_related("category"), pk=application_id)
    register = list(Decision.objects.filter(application=application).select_related("recorded_by", "round")
                    .latest_first())
    in_round = [decision for decision in register if decision.round_id == jury_round.pk]
    current = in_round[0] if in_round else None
    initial = {"outcome": outcomes.key_of(current.outcome, current.level), "citation": current.citation,
               "feedback": current.feedback, "minutes": current.minutes} if current else {}
    published = ResultsPublication.objects.filter(campaign_id=jury_round.campaign_id).exists()
    eliminated = eliminated_on(jury_round, application.pk)
    form = DecisionForm(request.POST if request.method == "POST" else None, initial=initial, published=published,
                        eliminated=bool(eliminated),
                        choices=outcomes.choices(jury_round.purpose, jury_round.campaign.levels()))
    if request.method == "POST" and form.is_valid():
        try:
            decisions.record_decision(application, by=request.user, jury_round=jury_round,
                                      base_url=canonical.root_url(request), **form.decision())
        except ValidationError as error:
            form.add_error(None, error)  # a per-field error goes next to its field
        else:
            messages.success(request, _("Décision enregistrée pour %(ref)s.") % {"ref": application})
            return redirect("jury:ranking", jury_round.pk)
    scores = (Score.objects.filter(application=application).exclude(conflicted_q())
              .select_related("round", "juror__user", "juror__person", "criterion")
              .order_by("round__number", "juror_id", "criterion__position"))
    sheets = {(sheet.round_id, sheet.juror_id): sheet.overall_comment for sheet in
              ScoreSheet.objects.filter(application=application).exclude(conflicted_q())}
    return render(request, "jury/decide.html", {
        "round": jury_round, "application": application, "form": form, "register": register,
        "scores": scores, "sheets": sheets, "eliminated": eliminated,
        "discussion_form": DiscussionForm(prefix="discussion"),
        "discussion_flags": DiscussionFlag.objects.filter(round=jury_round, application=application)
        .select_related("flagged_by").order_by("-flagged_at", "-pk"),
        "page_title": _("Délibération"), "header_title": _("Délibération — %(ref)s") % {"ref": application},
    })


HISTORY_PER_PAGE = 50  # a file's history grows with every save: one page stays within a listing's budget


@staff_required
@require_POST
def discussion(request, round_id, application_id):
    """Add the file to the round's "à discuter" list or take it off, with a note; back to the ranking."""
    jury_round = staff_round(round_id)
    application = get_object_or_404(jury_round.applications(), pk=application_id)
    form = DiscussionForm(request.POST, prefix="discussion")
    if form.is_valid():
        try:
            decisions.flag_for_discussion(jury_round, application, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Liste « à discuter » mise à jour pour %(ref)s.") % {"ref": application})
            return redirect(f"{reverse('jury:ranking', args=[jury_round.pk])}?vue=a-discuter")
    else:
        messages.error(request, " ".join(message for errors in form.errors.values() for message in errors))
    return redirect("jury:decide", jury_round.pk, application.pk)


@staff_required
def score_history(request, round_id, application_id):
    """Every change of the jury's scores on one file, newest first: which juror, when, before and after.

    Staff only, like the deliberation it explains; a juror conflicted on the
    file is left out, as their scores are everywhere else.
    """
    jury_round = staff_round(round_id)
    application = get_object_or_404(jury_round.applications(), pk=application_id)
    changes = (ScoreChange.objects.filter(application=application).exclude(conflicted_q())
               .select_related("round", "juror__user", "juror__person", "criterion")
               .order_by("-changed_at", "-pk"))
    return render(request, "jury/score_history.html", {
        "round": jury_round, "application": application,
        "changes": Paginator(changes, HISTORY_PER_PAGE).get_page(request.GET.get("page")),
        "page_title": _("Historique des notes"),
        "header_title": _("Historique des notes — %(ref)s") % {"ref": application},
    })


@staff_required
def publish(request, campaign_id):
    """The confirmation page: what will happen (counts per outcome, the e-mails and a preview of each kind), or
    why it is refused; then the one action, with an explicit confirmation. The service checks everything again."""
    campaign = get_object_or_404(LabelCampaignPage.objects.specific(), pk=campaign_id)
    base_url = canonical.root_url(request)
    form = PublishConfirmForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            summary = publication.publish_results(campaign, by=request.user, base_url=base_url)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Résultats publiés : %(count)s candidats prévenus par e-mail.")
                             % {"count": summary.notified})
            return redirect("jury:publish", campaign.pk)
    publication_row = ResultsPublication.objects.filter(campaign=campaign).select_related("published_by").first()
    plan = None if publication_row else publication.preview(campaign, base_url=base_url)
    return render(request, "jury/publish.html", {
        "campaign": campaign, "plan": plan, "form": form, "publication": publication_row,
        "rounds": JuryRound.objects.filter(campaign=campaign),
        "page_title": _("Publication des résultats"),
        "header_title": _("Publication des résultats — %(campaign)s") % {"campaign": campaign.title},
    })
