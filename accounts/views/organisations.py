"""A person's organisations: a référent's page of agents (invite, revoke), accepting an invitation, leaving,
asking the team to be verified. Every rule is in accounts/memberships.py; these views only call it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import email_quota, memberships
from accounts.forms import InviteAgentForm, MembershipApplicationForm, VerificationRequestForm
from accounts.models import Membership, MembershipStatus
from interconnectes import canonical, clock
from interconnectes.refusals import Refused


def base_url(request) -> str:
    return canonical.root_url(request)


@login_required
def organisation(request, pk):
    """The référent's page: the organisation's people, the invitation form, a revoke button per member."""
    referent = memberships.referent_membership(request.user, pk)
    if referent is None:
        raise Http404
    form = InviteAgentForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            memberships.invite(request.user, referent.organisation, form.cleaned_data["email"], clock.now(),
                               base_url(request))
        except email_quota.QuotaReached as refusal:
            form.add_error("email", refusal.message)
            status = 429
        except Refused as refusal:
            form.add_error("email", refusal.message)
            status = 400
        else:
            messages.success(request, _("L'invitation est envoyée : le lien vaut 14 jours, une seule fois."))
            return redirect("accounts:organisation", pk=pk)
    elif request.method == "POST":
        status = 400
    people = (Membership.objects.filter(organisation_id=pk).exclude(status=MembershipStatus.REVOKED)
              .select_related("person").order_by("role", "person__last_name", "person__email"))
    invitations = referent.organisation.invitations.filter(accepted_at__isnull=True,
                                                            expires_at__gt=clock.now()).order_by("-created_at")
    return render(request, "accounts/organisation.html", {
        "organisation": referent.organisation, "people": list(people), "invitations": list(invitations),
        "form": form}, status=status)


@login_required
@require_POST
def revoke(request, pk):
    try:
        membership = memberships.revoke(request.user, pk, clock.now())
    except Refused as refusal:
        membership = Membership.objects.filter(pk=pk).first()
        if membership is None or memberships.referent_membership(request.user, membership.organisation_id) is None:
            raise Http404 from refusal
        messages.error(request, refusal.message)
        return redirect("accounts:organisation", pk=membership.organisation_id)
    messages.success(request, _("Le rattachement est révoqué : cette personne n'a plus accès aux espaces "
                                "réservés de l'organisation."))
    return redirect("accounts:organisation", pk=membership.organisation_id)


@login_required
@require_POST
def leave(request, pk):
    try:
        memberships.leave(request.user, pk)
    except Refused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("Vous avez quitté l'organisation."))
    return redirect("accounts:space")


@login_required
def accept_invitation(request, token):
    """The invitation's page: what it is for, and a button; any refusal is said on the page, in French."""
    now = clock.now()
    invitation = memberships.invitation_by_token(token)
    try:
        memberships.check_invitation(invitation, request.user, now)
        if request.method == "POST":
            membership = memberships.accept_invitation(token, request.user, now)
            messages.success(request, _("Vous êtes désormais agent vérifié de %(organisation)s.")
                             % {"organisation": membership.organisation.name})
            return redirect("accounts:space")
    except Refused as refusal:
        return render(request, "accounts/invitation.html", {"refusal": refusal.message}, status=410)
    return render(request, "accounts/invitation.html", {"invitation": invitation})


@login_required
def request_verification(request):
    form = VerificationRequestForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                memberships.request_verification(request.user, form.cleaned_data, clock.now())
            except Refused as refusal:
                form.add_error(None, refusal.message)
                status = 429 if isinstance(refusal, email_quota.QuotaReached) else 400
            else:
                messages.success(request, _("Votre demande est transmise à l'équipe : vous recevrez sa réponse "
                                            "par e-mail."))
                return redirect("accounts:space")
    return render(request, "accounts/verification_request.html", {"form": form}, status=status)



@login_required
def apply_for_membership(request):
    """"Adhérer": a collectivité asks to join the association; the person asking becomes its référent·e."""
    form = MembershipApplicationForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                memberships.apply_for_membership(request.user, form.cleaned_data, clock.now())
            except memberships.FieldRefused as refusal:
                form.add_error(refusal.field, refusal.message)
            except email_quota.QuotaReached as refusal:
                form.add_error(None, refusal.message)
                status = 429
            else:
                messages.success(request, _("Votre demande d'adhésion est transmise à l'équipe : vous recevrez sa "
                                            "réponse par e-mail."))
                return redirect("accounts:space")
    return render(request, "accounts/membership_application.html", {"form": form}, status=status)
