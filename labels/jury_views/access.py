"""The lookups every jury view starts with (404 or 403 before any file is read), and how its page is drawn.

A juror reaches a round only through their own JuryMember row on its
campaign, and an application only through `permissions.applications_for_juror`
(assigned in this round, no declared conflict): another campaign's, another
round's or a conflicted file answers 404, as if it did not exist.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, F, OuterRef, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from labels import permissions, services
from labels.models import Assignment, ConflictDeclaration, JuryMember, JuryRound, ScoreUnlock, in_round_q


def staff_only(request):
    if not permissions.is_campaign_staff(request.user):
        raise PermissionDenied


def staff_round(request, round_id):
    staff_only(request)
    return get_object_or_404(JuryRound.objects.select_related("campaign"), pk=round_id)


def juror_round(request, round_id):
    """(round, the user's JuryMember on its campaign); 404 when they do not sit on that jury."""
    jury_round = get_object_or_404(JuryRound.objects.select_related("campaign"), pk=round_id)
    member = (JuryMember.objects.filter(campaign_id=jury_round.campaign_id, user=request.user)
              .select_related("organisation").first())
    if member is None:
        raise Http404
    return jury_round, member


def juror_application(request, jury_round, application_id, *, declared=True):
    """An application the juror may open in this round (after declaring no conflict when `declared`)."""
    if declared:
        queryset = permissions.applications_declared_for_juror(request.user, jury_round)
    else:
        queryset = permissions.applications_for_juror(request.user, jury_round)
    return get_object_or_404(queryset.select_related("category"), pk=application_id)


def juror_file(request, round_id, application_id, now):
    """The user's assignment to a file of a round, with everything its score sheet needs, in one query.

    404 unless the user sits on the round's jury and the file is in the round,
    assigned to them and not declared conflicted (as `applications_for_juror`).
    Annotated: `declared` (they declared no conflict: the file may open),
    `unlocked` (staff reopened their scoring after the close, as
    `jury_rules.unlock_active` reads an unlock) and `has_duplicate` (for the
    eligibility verdict).
    """
    declared = ConflictDeclaration.objects.filter(juror_id=OuterRef("juror_id"), application_id=OuterRef("application_id"),
                                                  has_conflict=False)
    unlocks = ScoreUnlock.objects.filter(Q(application__isnull=True) | Q(application_id=OuterRef("application_id")),
                                         round_id=OuterRef("round_id"), juror_id=OuterRef("juror_id"), until__gte=now)
    assignments = (
        Assignment.objects.filter(in_round_q(), round_id=round_id, application_id=application_id,
                                  juror__user=request.user, juror__campaign_id=F("round__campaign_id"))
        .exclude(permissions.conflicted_q())
        .select_related("round__campaign", "juror", "application__campaign", "application__category")
        .prefetch_related("application__attachments")
        .annotate(declared=Exists(declared), unlocked=Exists(unlocks), has_duplicate=services.has_duplicate("application__"))
    )
    return get_object_or_404(assignments)


def render(request, template, context):
    """A jury page, drawn in the site's own light frame (`labels/jury/base.html`), not Wagtail's admin one.

    Jurors open dozens of files on these pages during a campaign: the admin's
    bundle (some 500 KB in 20 requests, a sidebar of 400 elements) would make
    each one weigh forty times a public page. `staff` shows campaign staff the
    way back to the rest of the admin.
    """
    return TemplateResponse(request, template, {"staff": permissions.is_campaign_staff(request.user), **context})
