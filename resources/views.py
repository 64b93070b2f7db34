"""The resource space's actions outside the page tree: the usefulness vote and "signaler un problème".

Both are for signed-in readers only: a vote is one per person (an account is
what the constraint counts), and a report is e-mailed to staff and counted
against the account's daily quota, as the AI library's error reports are. A
reader below a members-only resource's visibility gets a 404 here: these
addresses say nothing of what they may not read.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import email_quota
from interconnectes import clock
from interconnectes.refusals import Refused
from resources import permissions, reports, votes
from resources.forms import ReportForm, VoteForm
from resources.models import Resource, ResourceIndexPage


def readable(request, pk) -> tuple[Resource, str]:
    """The published resource the reader may read, and its page's address; else 404."""
    resource = Resource.objects.published().filter(pk=pk).first()
    index = ResourceIndexPage.objects.live().first()
    if resource is None or index is None or not permissions.may_read(request, resource):
        raise Http404
    return resource, index.resource_url(resource.slug, request)


@login_required
@require_POST
def vote(request, pk):
    resource, url = readable(request, pk)
    form = VoteForm(request.POST)
    if form.is_valid():
        votes.vote(resource, request.user, form.cleaned_data["useful"], clock.now())
        messages.success(request, _("Merci : votre avis est enregistré."))
    else:
        messages.error(request, form.errors["useful"][0])
    return redirect(url + "#utile")


@login_required
def report(request, pk):
    """A signed-in reader tells staff what is wrong with a resource."""
    resource, url = readable(request, pk)
    form = ReportForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                reports.report(resource, request.user, form.cleaned_data["message"], clock.now())
            except Refused as refusal:
                form.add_error("message", refusal.message)
                status = 429 if isinstance(refusal, email_quota.QuotaReached) else 400
            else:
                messages.success(request, _("Merci : votre signalement est transmis à l'équipe des Interconnectés."))
                return redirect(url)
    return render(request, "resources/report.html", {"form": form, "resource": resource, "resource_url": url},
                  status=status)
