"""What a juror does in the Jury area: see their rounds, declare conflicts, read and score their files.

Thin views: who may see what is decided in `jury_views/access.py` and
`labels/permissions.py`, writes go through `labels/jury_services.py`.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Exists, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from labels import jury_rules, jury_services, permissions, phases, services
from labels.jury_forms import DeclarationForm, ScoreSheetForm
from labels.jury_views.access import juror_application, juror_file, juror_round, render
from labels.models import ConflictDeclaration, JuryRound, Score, ScoreSheet
from labels.snapshot import display_rows, snapshot
from labels.views.applications import attachment_response

# Listings stay within a listing's budget (interconnectes.budgets) whatever the campaign's size.
ROUNDS_PER_PAGE = 20  # staff see every round of every year, newest first
FILES_PER_PAGE = 25  # a juror may be given every file of a round
# What a juror needs to judge a project; the applicant's contact details are not part of it.
HIDDEN_FROM_JURORS = {"contact_name", "contact_role", "contact_email", "contact_phone"}


def jury_home(request):
    """The rounds of the juries the user sits on, with their own progress; staff see every round."""
    staff = permissions.is_campaign_staff(request.user)
    memberships = {member.campaign_id: member for member in request.user.jury_memberships.all()}
    if not (staff or memberships):
        raise PermissionDenied
    rounds = JuryRound.objects.select_related("campaign").order_by("-campaign__year", "campaign__title", "number")
    if not staff:
        rounds = rounds.filter(campaign_id__in=list(memberships))
    rounds = Paginator(rounds, ROUNDS_PER_PAGE).get_page(request.GET.get("page"))
    progress = jury_services.juror_progress([(jury_round, memberships[jury_round.campaign_id]) for jury_round in rounds
                                             if jury_round.campaign_id in memberships])
    now = phases.clock()
    entries = [{"round": jury_round, "phase": jury_round.phase(now), "member": memberships.get(jury_round.campaign_id),
                "progress": progress.get(jury_round.pk)} for jury_round in rounds]
    return render(request, "labels/jury/home.html", {
        "entries": entries, "rounds": rounds, "page_title": _("Jury"), "header_title": _("Jury"),
    })


def round_applications(request, round_id):
    """The juror's files in a round: "12 / 30 notées", what is left to declare or to score."""
    jury_round, member = juror_round(request, round_id)
    criteria = jury_round.scoring_criteria()
    scored = (Score.objects.filter(round=jury_round, juror=member, application_id=OuterRef("pk"),
                                   criterion_id__in=[criterion.pk for criterion in criteria])
              .order_by().values("application_id").annotate(count=Count("pk")).values("count"))
    applications = list(
        permissions.applications_for_juror(request.user, jury_round).select_related("category")
        .annotate(declared=Exists(ConflictDeclaration.objects.filter(juror=member, application_id=OuterRef("pk"),
                                                                     has_conflict=False)),
                  scored=Coalesce(Subquery(scored, output_field=IntegerField()), Value(0)))
        .order_by("reference", "pk")
    )
    facts = member.conflict_facts()
    for application in applications:
        application.complete = bool(criteria) and application.scored >= len(criteria)
        application.flag = jury_rules.obvious_conflict(facts, jury_rules.ApplicationFacts(
            application.pk, application.org_name, application.siren, application.siret))
    done = sum(application.complete for application in applications)
    return render(request, "labels/jury/round.html", {
        "round": jury_round, "phase": jury_round.phase(phases.clock()),
        "applications": Paginator(applications, FILES_PER_PAGE).get_page(request.GET.get("page")),
        "done": done, "total": len(applications),
        "page_title": str(jury_round), "header_title": f"{jury_round.campaign.title} — {jury_round}",
    })


def declare(request, round_id, application_id):
    """"Pas de conflit d'intérêts", or a conflict and why, before the file opens; logged."""
    jury_round, member = juror_round(request, round_id)
    application = juror_application(request, jury_round, application_id, declared=False)
    if ConflictDeclaration.objects.filter(juror=member, application=application).exists():
        return redirect("jury:sheet", jury_round.pk, application.pk)
    form = DeclarationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        jury_services.declare(member, application, has_conflict=form.has_conflict,
                              reason=form.cleaned_data["reason"], by=request.user, jury_round=jury_round)
        if form.has_conflict:
            messages.success(request, _("Conflit d'intérêts enregistré : ce dossier est retiré de votre liste."))
            return redirect("jury:round", jury_round.pk)
        return redirect("jury:sheet", jury_round.pk, application.pk)
    facts = member.conflict_facts()
    flag = jury_rules.obvious_conflict(facts, jury_rules.ApplicationFacts(
        application.pk, application.org_name, application.siren, application.siret))
    return render(request, "labels/jury/declare.html", {
        "round": jury_round, "application": application, "form": form, "flag": flag,
        "page_title": _("Déclaration d'intérêts"), "header_title": _("Déclaration d'intérêts — %(ref)s")
        % {"ref": application},
    })


def sheet(request, round_id, application_id):
    """The read-only file, its eligibility verdict and attachments, and the juror's score form."""
    now = phases.clock()
    assignment = juror_file(request, round_id, application_id, now)
    jury_round, member, application = assignment.round, assignment.juror, assignment.application
    if not assignment.declared:
        return redirect("jury:declare", jury_round.pk, application.pk)
    criteria = jury_round.scoring_criteria()
    # juror_file found the file assigned to them, in the round, declared and not conflicted.
    refusal = jury_rules.scoring_refusal(own_sheet=True, assigned=True, in_round=True, declared=True, conflicted=False,
                                         phase=jury_round.phase(now), unlocked=assignment.unlocked)
    current = ScoreSheet.objects.filter(round=jury_round, juror=member, application=application).first()
    form = ScoreSheetForm(request.POST if request.method == "POST" else None, criteria=criteria,
                          disabled=refusal is not None,
                          initial=ScoreSheetForm.initial_for(
                              Score.objects.filter(round=jury_round, juror=member, application=application), current))
    if request.method == "POST" and refusal is None and form.is_valid():
        try:
            saved = jury_services.save_scores(request.user, member, jury_round, application,
                                              form.cleaned_data["values"], form.cleaned_data["comments"],
                                              form.cleaned_data["overall_comment"], now=now)
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            when = timezone.localtime(saved.updated_at).strftime("%d/%m/%Y %H:%M:%S")
            if current and form.cleaned_data["loaded_at"] and \
                    parse_datetime(form.cleaned_data["loaded_at"]) != current.updated_at:
                messages.warning(request, _("Cette fiche avait été enregistrée depuis un autre onglet ; "
                                            "votre enregistrement de %(when)s la remplace.") % {"when": when})
            messages.success(request, _("Notes enregistrées le %(when)s.") % {"when": when})
            return redirect("jury:sheet", jury_round.pk, application.pk)
    version = application.versions.order_by("-number").first()
    data = version.snapshot if version else snapshot(application)
    others = None
    if permissions.can_see_other_scores(request.user, jury_round, application, now, opens_file=True):
        others = (Score.objects.filter(round=jury_round, application=application)
                  .exclude(juror=member).exclude(permissions.conflicted_q())
                  .select_related("juror__user", "juror__person", "criterion").order_by("juror_id", "criterion__sort_order"))
    return render(request, "labels/jury/sheet.html", {
        "round": jury_round, "application": application, "form": form, "sheet": current,
        "editable": refusal is None, "refusal": refusal, "phase": jury_round.phase(now),
        "rows": display_rows(data, exclude=HIDDEN_FROM_JURORS),
        "eligibility": services.check_eligibility(application, has_duplicate=assignment.has_duplicate),
        "attachments": list(application.attachments.all()), "others": others,
        "draft_key": f"jury-{jury_round.pk}-{application.pk}-{member.pk}",
        "page_title": str(application), "header_title": f"{application} — {application.title}",
    })


def download(request, round_id, application_id, attachment_id):
    assignment = juror_file(request, round_id, application_id, phases.clock())
    if not assignment.declared:
        raise Http404
    return attachment_response(get_object_or_404(assignment.application.attachments, pk=attachment_id))
