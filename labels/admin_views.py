"""Staff actions on an application in the Wagtail admin: mark ineligible, reopen for information."""

import zoneinfo

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from interconnectes import canonical, clock
from labels import permissions, services
from labels.forms import ReasonForm, ReopenForm
from labels.models import Application

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def _staff_application(request, pk):
    if not permissions.is_campaign_staff(request.user):
        raise PermissionDenied
    return get_object_or_404(Application.objects.visible_to(request.user).select_related("campaign"), pk=pk)


def _action(request, pk, form_class, title, perform):
    application = _staff_application(request, pk)
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            perform(application, form.cleaned_data)
        except services.Refused as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(request, _("Candidature %(ref)s mise à jour.") % {"ref": application})
            return redirect("labels_application:index")
    return TemplateResponse(request, "labels/admin/action.html", {
        "application": application, "form": form, "page_title": title,
        "header_title": f"{title} — {application}",
    })


def mark_ineligible(request, pk):
    return _action(request, pk, ReasonForm, _("Déclarer irrecevable"), lambda application, data: (
        services.mark_ineligible(application.pk, request.user, clock.now(), data["reason"])
    ))


def reopen(request, pk):
    def perform(application, data):
        until = data["until"]
        if timezone.is_naive(until):
            until = until.replace(tzinfo=PARIS)
        url = canonical.absolute(reverse("labels:step", args=[application.pk, "recapitulatif"]), request)
        services.reopen(application.pk, request.user, clock.now(), until, data["reason"], url)

    return _action(request, pk, ReopenForm, _("Rouvrir pour complément d'information"), perform)
