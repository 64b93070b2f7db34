"""Who reaches the submission and review pages, object by object: every role on every URL of library/urls.py and
the public history.

A draft is for its creator, its co-editors and the référents of its
collectivité (verified); another agent of the same collectivité, an agent of
another, a grant holder on the record, a plain account get a 404; anonymous
visitors are sent to log in. The review pages are the team's (403 for
anyone else). The history is public.
"""

import datetime

import pytest
from django.test import Client

from accounts.models import MembershipRole
from library import submissions
from tests.accounts.factories import organisation
from tests.labels.factories import UserFactory
from tests.library.factories import ImplementationFactory, grant
from tests.library.reviewing import agent, library_staff

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2026, 3, 2, 9, tzinfo=datetime.UTC)
FAR = datetime.datetime(2099, 1, 1, tzinfo=datetime.UTC)

OK, LOGIN, FORBIDDEN, MISSING, REDIRECT = 200, "login", 403, 404, 302
ROLES = ("anonymous", "plain", "other_agent", "colleague", "referent", "creator", "grant_holder", "staff")

# URL (GET unless "POST ") → expected answer per role, in ROLES' order.
MATRIX = {
    "projects": (LOGIN, OK, OK, OK, OK, OK, OK, OK),
    "new_draft": (LOGIN, FORBIDDEN, OK, OK, OK, OK, FORBIDDEN, FORBIDDEN),
    "draft": (LOGIN, MISSING, MISSING, MISSING, OK, OK, MISSING, MISSING),
    "POST invite": (LOGIN, MISSING, MISSING, MISSING, 400, 400, MISSING, MISSING),
    "POST submit": (LOGIN, MISSING, MISSING, MISSING, REDIRECT, REDIRECT, MISSING, MISSING),
    "POST start_update": (LOGIN, MISSING, MISSING, REDIRECT, REDIRECT, REDIRECT, MISSING, MISSING),
    "review_queue": (LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK),
    "review": (LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK),
    "archive": (LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK),
    "history": (OK, OK, OK, OK, OK, OK, OK, OK),
}


@pytest.fixture
def world(use_case):
    lyon = organisation("Ville de Lyon", kind="commune", member_year=NOW.year)
    record = ImplementationFactory(use_case=use_case, lead_organisation=lyon)
    people = {
        "anonymous": None,
        "plain": UserFactory(email="compte@example.org", username="compte@example.org"),
        "other_agent": agent("agent@nantes.example.org", organisation("Nantes Métropole")),
        "colleague": agent("collegue@lyon.example.org", lyon),
        "referent": agent("referente@lyon.example.org", lyon, role=MembershipRole.REFERENT),
        "creator": agent("agent@lyon.example.org", lyon),
        "grant_holder": UserFactory(email="expert@example.org", username="expert@example.org"),
        "staff": library_staff(),
    }
    grant(people["grant_holder"], record, expires_at=FAR)
    draft = submissions.start_update(people["creator"], record, NOW)
    return use_case, record, draft, people


def url_of(name, use_case, record, draft):
    return {
        "projects": "/projets-ia/", "new_draft": "/projets-ia/nouveau/",
        "draft": f"/projets-ia/brouillon/{draft.pk}/", "invite": f"/projets-ia/brouillon/{draft.pk}/inviter/",
        "submit": f"/projets-ia/brouillon/{draft.pk}/soumettre/",
        "start_update": f"/projets-ia/fiche/{record.pk}/modifier/", "review_queue": "/projets-ia/relecture/",
        "review": f"/projets-ia/relecture/{draft.pk}/", "archive": f"/projets-ia/fiche/{record.pk}/retirer/",
        "history": use_case.url + record.slug + "/historique/",
    }[name]


@pytest.mark.parametrize("role", ROLES)
def test_each_role_reaches_what_the_matrix_says(world, role):
    use_case, record, draft, people = world
    client = Client()
    if people[role] is not None:
        client.force_login(people[role])
    wrong = []
    for key, expected in MATRIX.items():
        method, _space, name = key.rpartition(" ")
        url = url_of(name, use_case, record, draft)
        response = client.post(url) if method == "POST" else client.get(url)
        want = expected[ROLES.index(role)]
        if want == LOGIN:
            ok = response.status_code == 302 and "connexion" in response["Location"]
        else:
            ok = response.status_code == want
        if not ok:
            wrong.append(f"{key}: {response.status_code} (attendu {want})")
    assert wrong == []
