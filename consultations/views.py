"""The programme's plain views: a référent's commitments and the team's verification (the open data is in
consultations/opendata_views.py). Every rule is in consultations/commitments.py and consultations/permissions.py;
these views read forms and call them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from consultations import commitments, permissions
from consultations.forms import CommitmentForm, DecisionForm, WithdrawForm
from consultations.models import Commitment, CommitmentStatus
from interconnectes import clock
from interconnectes.models import Organisation
from interconnectes.privatefiles import responses as privatefiles
from interconnectes.privatefiles.storage import StorageUnavailable
from interconnectes.refusals import Refused


def staff_only(view):
    @login_required
    def wrapped(request, *args, **kwargs):
        if not permissions.is_programme_staff(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def put_errors(form, refusal: Refused) -> None:
    """A service's refusal next to its field, or above the form when it concerns none of them."""
    for name, message in getattr(refusal, "errors", {}).items():
        form.add_error(name if name in form.fields else None, message)
    if not getattr(refusal, "errors", None):
        form.add_error(None, refusal.message)


@login_required
def commit(request):
    """A référent's commitments: their organisations' commitments, and the form to commit one to the charter."""
    organisation_ids = permissions.referent_organisation_ids(request.user)
    if not organisation_ids:
        return render(request, "consultations/not_a_referent.html", status=403)
    organisations = list(Organisation.objects.filter(pk__in=organisation_ids).order_by("name"))
    form = CommitmentForm(request.POST or None, request.FILES or None, organisations=organisations)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                commitments.submit(request.user, form.cleaned_data["organisation"], form.commitment_data(),
                                   clock.now())
            except Refused as refusal:
                put_errors(form, refusal)
            else:
                messages.success(request, _("Votre engagement est enregistré : l'équipe des Interconnectés vérifie "
                                            "la qualité du ou de la signataire et vous répond par e-mail."))
                return redirect("consultations:commit")
        status = 400
    rows = (Commitment.objects.filter(organisation_id__in=organisation_ids)
            .select_related("organisation", "charter_version").order_by("organisation__name", "-submitted_at"))
    return render(request, "consultations/commit.html", {
        "form": form, "commitments": list(rows), "version": commitments.current_version(),
        "withdrawable": (CommitmentStatus.PENDING, CommitmentStatus.VERIFIED)}, status=status)


@login_required
def withdraw(request, pk):
    commitment = get_object_or_404(Commitment.objects.select_related("organisation", "charter_version"), pk=pk)
    if not permissions.can_withdraw(request.user, commitment):
        raise Http404
    form = WithdrawForm(request.POST or None, initial={"withdrawn_on": timezone.localdate(clock.now())})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                commitments.withdraw(commitment.pk, request.user, form.cleaned_data["withdrawn_on"],
                                     form.cleaned_data["reason"], clock.now())
            except Refused as refusal:
                put_errors(form, refusal)
            else:
                messages.success(request, _("L'engagement est retiré ; il reste dans le registre parmi les "
                                            "signataires passés."))
                back = "consultations:queue" if permissions.is_programme_staff(request.user) else "consultations:commit"
                return redirect(back)
        status = 400
    return render(request, "consultations/withdraw.html", {"commitment": commitment, "form": form}, status=status)


@login_required
def signed_document(request, pk):
    """The signed charter, to the organisation's référents and the team only (404 for others)."""
    commitment = get_object_or_404(Commitment.objects.select_related("organisation"), pk=pk)
    if not permissions.can_read_signed_document(request.user, commitment):
        raise Http404
    try:
        return privatefiles.serve(request, commitment.signed_document, content_type="application/pdf",
                                  filename=f"charte-signee-{commitment.pk}.pdf", as_attachment=True)
    except FileNotFoundError as error:
        raise Http404 from error
    except OSError as error:
        raise StorageUnavailable from error


@staff_only
def queue(request):
    """The commitments waiting for verification, oldest first, and the latest decisions."""
    base = Commitment.objects.select_related("organisation", "charter_version")
    return render(request, "consultations/queue.html", {
        "pending": list(base.filter(status=CommitmentStatus.PENDING).order_by("submitted_at", "pk")),
        "decided": list(base.exclude(status=CommitmentStatus.PENDING).order_by("-decided_at", "-pk")[:20]),
    })


@staff_only
def decide(request, pk):
    """One commitment: who signed, in which role, the signed PDF; verify it or refuse it with a reason."""
    commitment = get_object_or_404(Commitment.objects.select_related("organisation", "charter_version",
                                                                     "submitted_by"), pk=pk)
    form = DecisionForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                if form.cleaned_data["decision"] == DecisionForm.VERIFY:
                    commitments.verify(commitment.pk, request.user, clock.now())
                    messages.success(request, _("L'engagement est vérifié : le territoire figure parmi les "
                                                "territoires engagés."))
                else:
                    commitments.refuse(commitment.pk, request.user, form.cleaned_data["reason"], clock.now())
                    messages.success(request, _("L'engagement est refusé ; le ou la référent·e en est informé·e."))
            except Refused as refusal:
                put_errors(form, refusal)
            else:
                return redirect("consultations:queue")
        status = 400
    return render(request, "consultations/decide.html", {
        "commitment": commitment, "form": form, "pending": commitment.status == CommitmentStatus.PENDING},
        status=status)
