"""Applicant accounts: sign-up with e-mail verification, login, logout, password reset and change.

The same answer is given whether or not an address is known, after the same work (no account enumeration, by
the page or by its time): sign-up hashes the password either way (labels/signups.py), log-in hashes one either
way (Django's ModelBackend), password reset enqueues one task either way; e-mails leave through Django tasks.
Sign-ups and password resets count against the limits of labels/limits.py.
"""

from axes.handlers.proxy import AxesProxyHandler
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordChangeForm, PasswordResetForm, SetPasswordForm
from django.contrib.sites.shortcuts import get_current_site
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from wagtail import hooks

from interconnectes import clock
from labels import email_quota, limits, signups, tasks
from labels.forms import AccessibleFormMixin, LoginForm, SignupForm
from labels.limits import EmailKind
from labels.tokens import activation_token


def client_ip(request):
    return request.META.get("REMOTE_ADDR", "")


def quota_field(refusal):
    """Where a refused quota's message goes: next to the e-mail field for the address's, above the form else."""
    return "email" if refusal.scope == limits.Scope.RECIPIENT else None


@sensitive_post_parameters("password1", "password2")
def signup(request):
    if request.user.is_authenticated:
        return redirect("labels:dashboard")
    form = SignupForm(request.POST or None)
    if request.method == "POST":
        if not AxesProxyHandler.is_allowed(request):  # a network address locked out by django-axes
            return render(request, "registration/lockout.html", status=429)
        if form.is_valid():
            links = signups.Links(
                base_url=request.build_absolute_uri("/").rstrip("/"),
                login=request.build_absolute_uri(reverse("labels:login")),
                password_reset=request.build_absolute_uri(reverse("labels:password_reset")),
            )
            try:
                signups.sign_up(form.cleaned_data, clock.now(), client_ip(request), links)
            except email_quota.QuotaReached as refusal:
                form.add_error(quota_field(refusal), refusal.message)
                return render(request, "labels/accounts/signup.html", {"form": form}, status=429)
            return redirect("labels:signup_done")
    return render(request, "labels/accounts/signup.html", {"form": form})


def signup_done(request):
    return render(request, "labels/accounts/signup_done.html")


def activate(request, uidb64, token):
    users = get_user_model().objects
    try:
        user = users.get(pk=int(force_str(urlsafe_base64_decode(uidb64))))
    except (ValueError, TypeError, OverflowError, users.model.DoesNotExist):
        user = None
    if user is None or not activation_token.check_token(user, token):
        return render(request, "labels/accounts/activation_invalid.html", status=400)
    user.is_active = True
    user.save(update_fields=["is_active"])
    messages.success(request, _("Votre adresse e-mail est confirmée. Vous pouvez vous connecter."))
    return redirect("labels:login")


class LoginView(auth_views.LoginView):
    """The site's one login page, for applicants, jurors and staff alike; `?next=` is honoured (same host only).

    Without `next`, the user lands on the first page an installed app claims
    for them through the `labels_login_landing` hook (the jury's pages for a
    juror: `jury/wagtail_hooks.py`), else on LOGIN_REDIRECT_URL (the dashboard).
    """

    form_class = LoginForm
    template_name = "registration/login.html"
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        for landing in hooks.get_hooks("labels_login_landing"):
            url = landing(self.request.user)
            if url:
                return url
        return super().get_default_redirect_url()


class LogoutView(auth_views.LogoutView):
    next_page = reverse_lazy("labels:login")
    template_name = "registration/logged_out.html"


class TaskPasswordResetForm(AccessibleFormMixin, PasswordResetForm):
    """Hand every request to a Django task, whatever the address: the task finds the accounts and e-mails them,
    so that a known and an unknown address cost the request the same; unknown or inactive ones get nothing."""

    def save(self, domain_override=None, use_https=False, request=None, **kwargs):
        domain = domain_override or get_current_site(request).domain
        tasks.send_password_reset.enqueue(self.cleaned_data["email"], "https" if use_https else "http", domain)


class PasswordResetView(auth_views.PasswordResetView):
    """Within the limits per address (known or not alike) and per network address (labels/limits.py)."""

    form_class = TaskPasswordResetForm
    template_name = "registration/password_reset_form.html"
    success_url = reverse_lazy("labels:password_reset_done")

    def form_valid(self, form):
        try:
            email_quota.reserve(EmailKind.PASSWORD_RESET, clock.now(), recipient=form.cleaned_data["email"],
                                client_ip=client_ip(self.request))
        except email_quota.QuotaReached as refusal:
            form.add_error(quota_field(refusal), refusal.message)
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().form_valid(form)


class AccessibleSetPasswordForm(AccessibleFormMixin, SetPasswordForm):
    pass


class AccessiblePasswordChangeForm(AccessibleFormMixin, PasswordChangeForm):
    pass


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = AccessibleSetPasswordForm
    template_name = "registration/password_reset_confirm.html"
    success_url = reverse_lazy("labels:password_reset_complete")


class PasswordChangeView(auth_views.PasswordChangeView):
    form_class = AccessiblePasswordChangeForm
    template_name = "registration/password_change_form.html"
    success_url = reverse_lazy("labels:password_change_done")
