"""Roles × URLs of the accounts: anonymous, unconfirmed, confirmed, agent, référent, member agent and staff on every
URL of the app, and on the admin's verification queue.

Every URL of the app must appear in MATRIX: a new one without an entry fails
`test_every_url_is_in_the_matrix`. Each entry says who may GET it: anyone,
any logged-in account, the référent of the organisation in the URL, or staff
holding `accounts.change_verificationrequest`; everyone else is sent to the
login page (anonymous), or answered 404 (another organisation's page), 403,
or 405 for an action that only accepts POST.
"""

import pytest
from django.urls import reverse

from accounts import urls
from accounts.models import Membership, MembershipApplication, VerificationRequest
from tests.accounts.factories import people

pytestmark = pytest.mark.django_db

PUBLIC, LOGGED_IN, REFERENT, STAFF = "public", "authenticated", "referent", "staff"
POST_ONLY, ANYONE_POST = "post-only", "anyone-post"  # GET answers 405 (to logged-in people only, for the first)
MATRIX = {
    "space": LOGGED_IN,
    "signup": PUBLIC,
    "signup_done": PUBLIC,
    "resend_activation": PUBLIC,
    "activate": PUBLIC,
    "login": PUBLIC,
    "logout": ANYONE_POST,
    "password_reset": PUBLIC,
    "password_reset_done": PUBLIC,
    "password_reset_confirm": PUBLIC,
    "password_reset_complete": PUBLIC,
    "password_change": LOGGED_IN,
    "password_change_done": LOGGED_IN,
    "privacy": PUBLIC,
    "export_data": LOGGED_IN,
    "delete_account": LOGGED_IN,
    "organisation": REFERENT,
    "revoke": POST_ONLY,
    "leave": POST_ONLY,
    "accept_invitation": LOGGED_IN,
    "request_verification": LOGGED_IN,
    "apply_for_membership": LOGGED_IN,
}
NOBODY = "nobody"  # the generic add, edit and delete views of the queue: decisions go through the actions only
QUEUES = ("accounts_verification", "accounts_application")
ADMIN = {**{f"{queue}:{view}": STAFF for queue in QUEUES
            for view in ("index", "index_results", "inspect", "history", "history_results", "usage")},
         **{f"{queue}:{view}": NOBODY for queue in QUEUES for view in ("add", "edit", "delete")},
         "accounts_admin_approve": STAFF, "accounts_admin_refuse": STAFF,
         "accounts_admin_accept_application": STAFF, "accounts_admin_refuse_application": STAFF}
WITH_PK = {f"{queue}:{view}" for queue in QUEUES for view in (
    "inspect", "history", "history_results", "usage", "edit", "delete")} | {
    "accounts_admin_approve", "accounts_admin_refuse", "accounts_admin_accept_application",
    "accounts_admin_refuse_application"}
ROLES = ["anonymous", "unconfirmed", "confirmed", "agent", "referent", "member_agent", "staff"]
LOGGED_IN_ROLES = {"confirmed", "agent", "referent", "member_agent", "staff"}  # an unconfirmed account cannot log in


def test_every_url_is_in_the_matrix():
    assert {pattern.name for pattern in urls.urlpatterns} == set(MATRIX)


def arguments(name, nantes, membership, verification, application):
    return {"activate": ["MQ", "jeton"], "password_reset_confirm": ["MQ", "jeton"], "organisation": [nantes.pk],
            "revoke": [membership.pk], "leave": [membership.pk], "accept_invitation": ["jeton-inconnu"],
            **{key: [application.pk if "application" in key else verification.pk] for key in WITH_PK}}.get(name, [])


def allowed(who, role):
    return (who == PUBLIC or (who == LOGGED_IN and role in LOGGED_IN_ROLES) or (who == REFERENT and role == "referent")
            or (who == STAFF and role == "staff"))


@pytest.mark.parametrize("role", ROLES)
def test_each_role_on_every_url(client, role, clock):
    roles, nantes, _other = people(clock().year)
    verification = VerificationRequest.objects.create(person=roles["confirmed"], organisation=nantes,
                                                      job_title="Agent", created_at=clock())
    application = MembershipApplication.objects.create(
        person=roles["confirmed"], organisation_name="Commune de Ploemeur", siren="212901623", kind="commune",
        population=18000, contact_role="Maire adjointe", year=clock().year, created_at=clock())
    membership = Membership.objects.get(person=roles["member_agent"])
    if roles[role] is not None:
        client.force_login(roles[role])
    failures = []
    for name, who in [*((f"accounts:{name}", who) for name, who in MATRIX.items()), *ADMIN.items()]:
        url = reverse(name, args=arguments(name.split(":")[-1] if name.startswith("accounts:") else name, nantes,
                                           membership, verification, application))
        response = client.get(url)
        status = response.status_code
        if who == ANYONE_POST:
            ok = status == 405
        elif who == POST_ONLY:
            ok = status == 405 if role in LOGGED_IN_ROLES else status == 302 and "/connexion/" in response["Location"]
        elif allowed(who, role):
            ok = status in (200, 400, 410) or (status == 302 and "/connexion/" not in response["Location"])
        else:
            ok = status in (403, 404) or (status == 302 and ("/connexion/" in response["Location"]
                                                            or response["Location"].startswith("/admin/")))
        if not ok:
            failures.append(f"{name} ({who}): {status}")
    assert failures == []
    membership.refresh_from_db()
    assert membership.status == "verified"  # no GET changed anything
