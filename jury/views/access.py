"""What every jury page starts with: the site's login, then who the user is on this page (404 or 403 before
anything is read), and how the page is drawn.

Every view needs the site's login (`settings.LOGIN_URL`, back here with
`?next=`). A juror reaches a round only through their own seat on its
campaign's jury, and a file only through their scoring state
(`jury/scoring_state.py`) or `permissions.applications_for_juror`: another
campaign's, another round's or a conflicted file answers 404, as if it did not
exist. Staff pages answer 403 to anyone but campaign staff.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from jury import scoring_state
from jury.models import JuryMember, JuryRound
from labels.permissions import is_campaign_staff


def staff_required(view):
    """Logged in (the site's login page otherwise), then campaign staff (403 otherwise)."""

    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not is_campaign_staff(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def staff_round(round_id):
    return get_object_or_404(JuryRound.objects.select_related("campaign"), pk=round_id)


def juror_round(request, round_id):
    """(round, the user's JuryMember on its campaign); 404 when they do not sit on that jury."""
    jury_round = get_object_or_404(JuryRound.objects.select_related("campaign"), pk=round_id)
    member = (JuryMember.objects.filter(campaign_id=jury_round.campaign_id, user=request.user)
              .select_related("organisation").first())
    if member is None:
        raise Http404
    return jury_round, member


def juror_state(request, round_id, application_id, now, **options) -> scoring_state.ScoringState:
    """The user's scoring state on the file (`scoring_state.load`), or 404."""
    state = scoring_state.load(request.user, round_id, application_id, now, **options)
    if state is None:
        raise Http404
    return state


def render(request, template, context):
    """A jury page, drawn in the site's own light frame (`jury/base.html`), not Wagtail's admin one.

    Jurors open dozens of files on these pages during a campaign: the admin's
    bundle (some 500 KB in 20 requests, a sidebar of 400 elements) would make
    each one weigh forty times a public page. `staff` shows campaign staff the
    way to the admin's jury members, rounds and the rest of the admin.
    """
    return TemplateResponse(request, template, {"staff": is_campaign_staff(request.user), **context})
