"""The lookups every jury view starts with: they answer 404 or 403 before any file is read.

A juror reaches a round only through their own JuryMember row on its
campaign, and an application only through `permissions.applications_for_juror`
(assigned in this round, no declared conflict): another campaign's, another
round's or a conflicted file answers 404, as if it did not exist.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from labels import permissions
from labels.models import JuryMember, JuryRound


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
