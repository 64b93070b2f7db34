""""Mon espace": everything a person has on the site, one section per app.

The accounts app draws the person's memberships; every other app adds its
own section by answering the `accounts_space_sections` hook with
`(order, title, template, context)` or None (nothing to show), and fetches
what its template shows in one or two queries whatever their number.
"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from wagtail import hooks

from accounts.models import Membership


def sections(request) -> list[dict]:
    found = [section for hook in hooks.get_hooks("accounts_space_sections") if (section := hook(request))]
    return [{"title": title, "template": template, "context": context}
            for _order, title, template, context in sorted(found, key=lambda section: section[0])]


@login_required
def my_space(request):
    memberships = list(Membership.objects.filter(person=request.user).select_related("organisation")
                       .order_by("organisation__name"))
    verification_requests = list(request.user.verification_requests.select_related("organisation")
                                 .order_by("-created_at"))
    return render(request, "accounts/space.html", {"memberships": memberships, "sections": sections(request),
                                                   "verification_requests": verification_requests})
