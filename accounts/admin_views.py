"""Staff decide, in the Wagtail admin, the verification requests (approve, creating the organisation when it is
not on the site yet, or refuse with a reason) and the membership applications ("adhérer": accept, or refuse
with a reason); the person is e-mailed either way (accounts/memberships.py)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from accounts import memberships
from accounts.forms import AcceptApplicationForm, ApproveRequestForm, RefuseRequestForm
from accounts.models import MembershipApplication, VerificationRequest
from interconnectes import clock
from interconnectes.refusals import Refused

DECIDE_REQUESTS = "accounts.change_verificationrequest"
DECIDE_APPLICATIONS = "accounts.change_membershipapplication"


def decide(request, model, pk, form_class, title, perform):
    permission, index = ((DECIDE_REQUESTS, "accounts_verification:index") if model is VerificationRequest
                         else (DECIDE_APPLICATIONS, "accounts_application:index"))
    if not request.user.has_perm(permission):
        raise PermissionDenied
    item = get_object_or_404(model.objects.select_related("person", "organisation"), pk=pk)
    form = form_class(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            perform(item, form.cleaned_data)
        except Refused as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(request, _("Demande traitée : la personne en est informée par e-mail."))
            return redirect(index)
    return TemplateResponse(request, "accounts/admin/decide.html", {
        "item": item, "form": form, "page_title": title, "header_title": title, "index_url": index,
    }, status=400 if form.errors else 200)


def approve(request, pk):
    return decide(request, VerificationRequest, pk, ApproveRequestForm, _("Accepter la demande"), lambda item, data: (
        memberships.approve_request(item.pk, request.user, clock.now(), create_as_kind=data["kind"])))


def refuse(request, pk):
    return decide(request, VerificationRequest, pk, RefuseRequestForm, _("Refuser la demande"), lambda item, data: (
        memberships.refuse_request(item.pk, request.user, data["reason"], clock.now())))


def accept_application(request, pk):
    return decide(request, MembershipApplication, pk, AcceptApplicationForm, _("Accepter l'adhésion"),
                  lambda item, data: memberships.accept_application(item.pk, request.user, clock.now()))


def refuse_application(request, pk):
    return decide(request, MembershipApplication, pk, RefuseRequestForm, _("Refuser l'adhésion"), lambda item, data: (
        memberships.refuse_application(item.pk, request.user, data["reason"], clock.now())))
