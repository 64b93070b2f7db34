"""GDPR views: download my data (JSON), delete my account."""

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from wagtail import hooks

from accounts import gdpr
from accounts.forms import DeleteAccountForm
from interconnectes import clock


@login_required
def export_data(request):
    data = gdpr.export_user_data(request.user)
    response = HttpResponse(json.dumps(data, ensure_ascii=False, indent=2, default=str),
                            content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="mes-donnees-interconnectes.json"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def privacy(request):
    return render(request, "accounts/privacy.html",
                  {"settings_retention_years": settings.LABELS_RETENTION_YEARS,
                   "settings_logs_days": settings.LOGS_RETENTION_DAYS})


def deletion_notices(user) -> list[str]:
    """What other apps keep of the account once deleted, in French: each answers the
    `accounts_account_deletion_notices` hook (the jury: its anonymised record, `jury/wagtail_hooks.py`)."""
    return [notice for hook in hooks.get_hooks("accounts_account_deletion_notices") if (notice := hook(user))]


@sensitive_post_parameters("password")
@login_required
def delete_account(request):
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        gdpr.delete_account(user, clock.now())
        messages.success(request, _("Votre compte est supprimé."))
        return redirect("accounts:login")
    return render(request, "accounts/delete.html", {"form": form, "notices": deletion_notices(request.user)})
