"""Roles × URLs of the library's expert access, documents and contacts, on real objects: anonymous, a plain account,
a verified agent of another collectivité, an agent and the référent of the owning collectivité, a grant holder
(current, expired, revoked) and the team. A reader below a document's level, or anyone but the deciders on a
request, gets 404: nothing tells them it exists. Anonymous readers of a logged-in page go to the login page."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse

from accounts.models import Grant, MembershipRole
from interconnectes.models import OrganisationKind
from library import access
from library.models import Implementation
from tests.accounts.factories import member, organisation
from tests.labels.factories import user_with_permissions
from tests.library.factories import ImplementationFactory, contact, document, grant

pytestmark = pytest.mark.django_db
NOW = datetime.datetime.now(datetime.UTC)
ROLES = ["anonymous", "plain", "other_agent", "own_agent", "referent", "grant", "expired", "revoked", "staff"]
LOGIN = 302
# URL → the status each role gets, in the order of ROLES.
EXPECTED = {
    "manage":           [LOGIN, 404, 404, 404, 200, 404, 404, 404, 200],
    "request_access":   [LOGIN, 200, 200, 200, 200, 200, 200, 200, 200],
    "decide":           [LOGIN, 404, 404, 404, 200, 404, 404, 404, 200],
    "download_level_1": [404, 404, 200, 200, 200, 200, 404, 404, 404],
    "download_level_2": [404, 404, 404, 404, 404, 200, 404, 404, 404],
    "write_to_contact": [LOGIN, 404, 200, 200, 200, 200, 404, 404, 404],
    "withdraw_consent": [200, 200, 200, 200, 200, 200, 200, 200, 200],
}


@pytest.fixture
def urls_and_people(use_case):
    users = get_user_model().objects
    nantes = organisation("Nantes Métropole")
    implementation = ImplementationFactory(use_case=use_case, lead_organisation=nantes)
    people = {role: users.create_user(f"{role}@example.org", f"{role}@example.org") for role in ROLES[1:-1]}
    people["staff"] = user_with_permissions("accounts.change_grant", email="staff@example.org", is_staff=True)
    member(people["other_agent"], organisation("Ville de Lyon", kind=OrganisationKind.COMMUNE))
    member(people["own_agent"], nantes)
    member(people["referent"], nantes, role=MembershipRole.REFERENT)
    grant(people["grant"], implementation, expires_at=NOW + datetime.timedelta(days=30))
    grant(people["expired"], implementation, expires_at=NOW - datetime.timedelta(seconds=1))
    grant(people["revoked"], implementation, expires_at=NOW + datetime.timedelta(days=30), revoked_at=NOW)
    requester = users.create_user("demandeur@example.org", "demandeur@example.org")
    request = Grant.objects.create(person=requester, content_type=ContentType.objects.get_for_model(Implementation),
                                   object_id=implementation.pk, purpose="Étudier le modèle.", terms_accepted_at=NOW,
                                   created_at=NOW)
    someone = contact(implementation)
    urls = {
        "manage": reverse("library_access:manage"),
        "request_access": reverse("library_access:request_access", args=[implementation.pk]),
        "decide": reverse("library_access:decide", args=[request.pk]),
        "download_level_1": reverse("library_access:download", args=[document(implementation, level=1).pk]),
        "download_level_2": reverse("library_access:download", args=[document(implementation, level=2).pk]),
        "write_to_contact": reverse("library_access:write_to_contact", args=[someone.pk]),
        "withdraw_consent": reverse("library_access:withdraw_consent", args=[access.consent_token(someone)]),
    }
    return urls, {"anonymous": None, **people}


def test_each_role_on_each_url(urls_and_people):
    urls, people = urls_and_people
    wrong = []
    for index, role in enumerate(ROLES):
        client = Client()
        if people[role] is not None:
            client.force_login(people[role])
        for name, statuses in EXPECTED.items():
            status = client.get(urls[name]).status_code
            if status != statuses[index]:
                wrong.append(f"{role} → {name}: {status}, attendu {statuses[index]}")
    assert wrong == [], "\n".join(wrong)


def test_every_url_of_the_library_access_is_in_the_matrix():
    from library import access_urls

    names = {pattern.name for pattern in access_urls.urlpatterns}
    assert names == {name if not name.startswith("download") else "download" for name in EXPECTED}
