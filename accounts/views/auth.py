"""The site's accounts: sign-up with e-mail verification, login, logout, password reset and change.

The same answer is given whether or not an address is known, after the same work (no account enumeration, by
the page or by its time): sign-up hashes the password either way (accounts/signups.py), a failed log-in hashes
two either way (Django's ModelBackend, then `LoginForm`'s check for an unconfirmed account), password reset and a
new confirmation link enqueue one task either way; e-mails leave through Django tasks.
Sign-ups and password resets count against the limits of accounts/limits.py.
"""

from axes.handlers.proxy import AxesProxyHandler
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from wagtail import hooks

from accounts import email_quota, limits, memberships, signups, tasks
from accounts.forms import (
    AccessiblePasswordChangeForm,
    AccessibleSetPasswordForm,
    LoginForm,
    ResendActivationForm,
    SignupForm,
    TaskPasswordResetForm,
)
from accounts.limits import EmailKind
from accounts.tokens import activation_token
from interconnectes import canonical, clock


def client_ip(request):
    return request.META.get("REMOTE_ADDR", "")


def quota_field(refusal):
    """Where a refused quota's message goes: next to the e-mail field for the address's, above the form else."""
    return "email" if refusal.scope == limits.Scope.RECIPIENT else None


@sensitive_post_parameters("password1", "password2")
def signup(request):
    if request.user.is_authenticated:
        return redirect("accounts:space")
    form = SignupForm(request.POST or None)
    if request.method == "POST":
        if not AxesProxyHandler.is_allowed(request):  # a network address locked out by django-axes
            return render(request, "registration/lockout.html", status=429)
        if form.is_valid():
            links = signups.Links(
                base_url=canonical.root_url(request),
                login=canonical.absolute(reverse("accounts:login"), request),
                password_reset=canonical.absolute(reverse("accounts:password_reset"), request),
            )
            try:
                signups.sign_up(form.cleaned_data, clock.now(), client_ip(request), links)
            except email_quota.QuotaReached as refusal:
                form.add_error(quota_field(refusal), refusal.message)
                return render(request, "accounts/signup.html", {"form": form}, status=429)
            return redirect("accounts:signup_done")
    return render(request, "accounts/signup.html", {"form": form})


def signup_done(request):
    return render(request, "accounts/signup_done.html")


def resend_activation(request):
    """The same answer whatever the address (known, unconfirmed, unknown), within the sign-up quotas."""
    form = ResendActivationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            email_quota.reserve(EmailKind.SIGNUP, clock.now(), recipient=form.cleaned_data["email"],
                                client_ip=client_ip(request))
        except email_quota.QuotaReached as refusal:
            form.add_error(quota_field(refusal), refusal.message)
            return render(request, "accounts/resend_activation.html", {"form": form}, status=429)
        tasks.resend_signup_verification.enqueue(form.cleaned_data["email"],
                                                 canonical.root_url(request))
        return redirect("accounts:signup_done")
    return render(request, "accounts/resend_activation.html", {"form": form}, status=400 if form.errors else 200)


def activate(request, uidb64, token):
    users = get_user_model().objects
    try:
        user = users.get(pk=int(force_str(urlsafe_base64_decode(uidb64))))
    except (ValueError, TypeError, OverflowError, users.model.DoesNotExist):
        user = None
    if user is None or not activation_token.check_token(user, token):
        return render(request, "accounts/activation_invalid.html", status=400)
    with transaction.atomic():
        user.is_active = True
        user.save(update_fields=["is_active"])
        membership = memberships.verify_by_email_domain(user, clock.now())
    messages.success(request, _("Votre adresse e-mail est confirmée. Vous pouvez vous connecter."))
    if membership is not None:
        messages.success(request, _("Votre adresse est celle de %(organisation)s : vous en êtes agent vérifié·e.")
                         % {"organisation": membership.organisation.name})
    return redirect("accounts:login")


class LoginView(auth_views.LoginView):
    """The site's one login page, for applicants, jurors and staff alike; `?next=` is honoured (same host only).

    Without `next`, the user lands on the first page an installed app claims
    for them through the `accounts_login_landing` hook (the jury's pages for a
    juror: `jury/wagtail_hooks.py`), else on LOGIN_REDIRECT_URL ("Mon espace").
    """

    form_class = LoginForm
    template_name = "registration/login.html"
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        for landing in hooks.get_hooks("accounts_login_landing"):
            url = landing(self.request.user)
            if url:
                return url
        return super().get_default_redirect_url()


class LogoutView(auth_views.LogoutView):
    next_page = reverse_lazy("accounts:login")
    template_name = "registration/logged_out.html"


class PasswordResetView(auth_views.PasswordResetView):
    """Within the limits per address (known or not alike) and per network address (accounts/limits.py)."""

    form_class = TaskPasswordResetForm
    template_name = "registration/password_reset_form.html"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        try:
            email_quota.reserve(EmailKind.PASSWORD_RESET, clock.now(), recipient=form.cleaned_data["email"],
                                client_ip=client_ip(self.request))
        except email_quota.QuotaReached as refusal:
            form.add_error(quota_field(refusal), refusal.message)
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = AccessibleSetPasswordForm
    template_name = "registration/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


class PasswordChangeView(auth_views.PasswordChangeView):
    form_class = AccessiblePasswordChangeForm
    template_name = "registration/password_change_form.html"
    success_url = reverse_lazy("accounts:password_change_done")
