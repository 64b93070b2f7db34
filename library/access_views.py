"""Expert access, documents and contacts of the library's implementations: the request form, the owners' decision
page and their list of grants and downloads, the documents' downloads, the message relay to a contact and the
contact's withdrawal of consent. The rules are in library/access.py; these views only call them.

Whatever a reader may not reach answers 404, never 403: a document's address tells nobody below its level that
it exists, nor a request's address anyone but those who decide it.
"""

import datetime
from zoneinfo import ZoneInfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from accounts import email_quota
from accounts.models import Grant, GrantDecision
from interconnectes import clock
from interconnectes.privatefiles import responses as privatefiles
from interconnectes.privatefiles.storage import StorageUnavailable
from interconnectes.refusals import Refused
from interconnectes.restrictions import private_q
from library import access, access_tasks, permissions, uploads
from library.access_forms import AccessRequestForm, ApproveForm, ContactMessageForm, RefuseForm
from library.models import Contact, Implementation, ImplementationDocument, UseCasePage


def published(queryset, use_case_path: str = "use_case"):
    """Rows whose use case is live and public: the others have no page, so nothing of them is reachable here."""
    return queryset.filter(**{f"{use_case_path}__in": UseCasePage.objects.live().exclude(private_q())})


def implementation_url(implementation) -> str:
    return implementation.use_case.implementation_url(implementation.slug)


@login_required
def request_access(request, pk):
    implementation = get_object_or_404(published(Implementation.objects.select_related(
        "use_case", "lead_organisation")), pk=pk)
    now = clock.now()
    pending = access.pending_request(request.user, implementation)
    holder = not access.may_request_access(request.user, implementation, request)
    form = AccessRequestForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST" and not (pending or holder):
        status = 400
        if form.is_valid():
            try:
                grant = access.request_access(request.user, implementation, form.cleaned_data["purpose"], now)
            except email_quota.QuotaReached as refusal:
                form.add_error(None, refusal.message)
                status = 429
            except Refused as refusal:
                form.add_error(None, refusal.message)
            else:
                access_tasks.send_access_request.enqueue(grant.pk)
                messages.success(request, _("Votre demande est envoyée : la collectivité vous répondra par e-mail."))
                return redirect(implementation_url(implementation))
    return render(request, "library/access_request.html", {
        "implementation": implementation, "implementation_url": implementation_url(implementation), "form": form,
        "pending": pending, "holder": holder}, status=status)


@login_required
def decide(request, pk):
    """Approve (until a date, a year by default), refuse (with a reason sent to the person), or revoke."""
    try:
        grant = access.grant_for_decision(pk)
    except Grant.DoesNotExist as error:  # not a request on an implementation
        raise Http404 from error
    implementation = Implementation.objects.filter(pk=grant.object_id).select_related(
        "use_case", "lead_organisation").first()
    if implementation is None or not access.may_decide(request.user, implementation):
        raise Http404
    now = clock.now()
    action = request.POST.get("action") if request.method == "POST" else None
    approve_form = ApproveForm(request.POST if action == "approve" else None, prefix="approve", today=now.date(),
                               initial={"expires_on": access.default_expiry(now)})
    refuse_form = RefuseForm(request.POST if action == "refuse" else None, prefix="refuse")
    status = 200
    if action is not None:
        status = 400
        try:
            if action == "approve" and approve_form.is_valid():
                expires_on = approve_form.cleaned_data["expires_on"]
                access.approve(grant.pk, request.user, end_of_day(expires_on), now)
                access_tasks.send_access_decision.enqueue(grant.pk)
                messages.success(request, _("Accès accordé : la personne en est informée par e-mail."))
                return redirect("library_access:manage")
            if action == "refuse" and refuse_form.is_valid():
                access.refuse(grant.pk, request.user, now)
                access_tasks.send_access_decision.enqueue(grant.pk, refuse_form.cleaned_data["reason"])
                messages.success(request, _("Demande refusée : la personne en est informée par e-mail."))
                return redirect("library_access:manage")
            if action == "revoke":
                access.revoke(grant.pk, request.user, now)
                access_tasks.send_access_decision.enqueue(grant.pk)
                messages.success(request, _("Accès révoqué : il ne fonctionne plus, dès maintenant."))
                return redirect("library_access:manage")
        except Refused as refusal:
            messages.error(request, refusal.message)
            return redirect("library_access:decide", pk=grant.pk)
    return render(request, "library/access_decide.html", {
        "grant": grant, "implementation": implementation, "implementation_url": implementation_url(implementation),
        "state": access.grant_state(grant, now), "pending": grant.decision == GrantDecision.PENDING,
        "active": access.is_active(grant, now), "approve_form": approve_form, "refuse_form": refuse_form,
    }, status=status)


def end_of_day(day):
    """The access works through the whole of its last day, Paris time."""
    return datetime.datetime.combine(day, datetime.time(23, 59, 59), tzinfo=ZoneInfo("Europe/Paris"))


@login_required
def manage(request):
    """The owners' page: requests to decide, grants given, and every download of their projects' documents."""
    if not (permissions.is_access_team(request.user) or permissions.referent_organisation_ids(request.user)):
        raise Http404
    now = clock.now()
    implementations = access.decidable_implementations(request.user)
    by_pk = {implementation.pk: implementation for implementation in implementations.select_related(
        "use_case", "lead_organisation")}
    grants = list(access.implementation_grants(list(by_pk)).select_related("person").order_by("-created_at")[:500])
    rows = [{"grant": grant, "implementation": by_pk[grant.object_id], "state": access.grant_state(grant, now),
             "pending": grant.decision == GrantDecision.PENDING} for grant in grants]
    return render(request, "library/access_manage.html", {
        "pending": [row for row in rows if row["pending"]], "decided": [row for row in rows if not row["pending"]],
        "downloads": list(access.downloads_for(list(by_pk))),
    })


@require_GET
def download(request, pk):
    """The document to readers of its level on its project, each download logged; anyone else: not found."""
    document = get_object_or_404(published(ImplementationDocument.objects.select_related(
        "implementation__use_case"), "implementation__use_case"), pk=pk)
    if not access.may_download(request.user, document, request):
        raise Http404
    try:
        with document.file.open("rb") as handle:
            file_type = uploads.content_type(handle)
    except FileNotFoundError as error:
        raise Http404 from error
    except OSError as error:
        raise StorageUnavailable from error
    if request.headers.get("Range", "bytes=0-").startswith("bytes=0-"):  # a resumed download is the same one
        access.log_download(document, request.user, clock.now())
    return privatefiles.serve(request, document.file, content_type=file_type or "application/octet-stream",
                              filename=uploads.download_name(document.title, file_type), as_attachment=True)


@login_required
def write_to_contact(request, pk):
    contact = get_object_or_404(published(Contact.objects.select_related(
        "implementation__use_case", "implementation__lead_organisation"), "implementation__use_case"), pk=pk)
    if not access.may_write(request.user, contact, request):
        raise Http404
    form = ContactMessageForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                access.relay_message(request.user, contact, clock.now())
            except email_quota.QuotaReached as refusal:
                form.add_error(None, refusal.message)
                status = 429
            else:
                access_tasks.relay_contact_message.enqueue(contact.pk, request.user.pk, form.cleaned_data["subject"],
                                                           form.cleaned_data["message"])
                messages.success(request, _("Votre message est transmis ; une copie vous est envoyée par e-mail."))
                return redirect(implementation_url(contact.implementation))
    return render(request, "library/contact_write.html", {
        "contact": contact, "implementation": contact.implementation,
        "implementation_url": implementation_url(contact.implementation), "form": form}, status=status)


def withdraw_consent(request, token):
    """From the link of a relayed message: the contact withdraws their consent to show their address."""
    contact = access.contact_from_token(token)
    if contact is None:
        raise Http404
    if request.method == "POST":
        access.withdraw_consent(contact, clock.now())
        return render(request, "library/consent_withdrawn.html", {"contact": contact})
    return render(request, "library/consent_withdraw.html", {"contact": contact, "consented": contact.has_consented})
