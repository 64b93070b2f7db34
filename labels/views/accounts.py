"""Applicant accounts: sign-up with e-mail verification, login, logout, password reset and change.

The same answer is given whether or not an address is known (no account enumeration).
"""

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordChangeForm, PasswordResetForm, SetPasswordForm
from django.core.cache import cache
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from wagtail import hooks

from labels import tasks
from labels.forms import AccessibleFormMixin, LoginForm, SignupForm
from labels.tokens import activation_token


def client_ip(request):
    return request.META.get("REMOTE_ADDR", "")


def signup_throttled(request) -> bool:
    """Sign-ups per IP address and hour are capped; an IP locked out by django-axes cannot sign up either."""
    if not AxesProxyHandler.is_allowed(request):
        return True
    key = f"labels:signup:{client_ip(request)}"
    cache.add(key, 0, 3600)
    try:
        count = cache.incr(key)
    except ValueError:
        count = 1
    return count > settings.LABELS_SIGNUPS_PER_HOUR


@sensitive_post_parameters("password1", "password2")
def signup(request):
    if request.user.is_authenticated:
        return redirect("labels:dashboard")
    form = SignupForm(request.POST or None)
    if request.method == "POST":
        if signup_throttled(request):
            return render(request, "registration/lockout.html", status=429)
        if form.is_valid():
            data = form.cleaned_data
            users = get_user_model().objects
            existing = users.filter(email__iexact=data["email"]).first() or users.filter(
                username__iexact=data["email"]).first()
            if existing is not None:
                tasks.send_existing_account_notice.enqueue(
                    data["email"], request.build_absolute_uri(reverse("labels:login")),
                    request.build_absolute_uri(reverse("labels:password_reset")),
                )
            else:
                with transaction.atomic():
                    user = users.create_user(data["email"], data["email"], data["password1"],
                                             first_name=data["first_name"], last_name=data["last_name"],
                                             is_active=False)
                tasks.send_signup_verification.enqueue(user.pk, request.build_absolute_uri("/").rstrip("/"))
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
    """Send the reset e-mail through a Django task; unknown or inactive addresses get nothing, silently."""

    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email,
                  html_email_template_name=None):
        tasks.send_password_reset.enqueue(context["user"].pk, f"{context['protocol']}://{context['domain']}")


class PasswordResetView(auth_views.PasswordResetView):
    form_class = TaskPasswordResetForm
    template_name = "registration/password_reset_form.html"
    success_url = reverse_lazy("labels:password_reset_done")


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
