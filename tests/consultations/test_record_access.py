"""Each role on each URL of the consultation records: who reaches what, and everyone else is refused."""

import pytest
from django.test import Client

from accounts.models import MembershipStatus
from consultations import record_submissions
from reviews.models import Draft
from tests.accounts.factories import member, organisation
from tests.consultations.records import agent, charter, committed, published, records_staff
from tests.labels.factories import UserFactory

pytestmark = pytest.mark.django_db

OK, REFUSED = "ok", "refused"


@pytest.fixture
def world(home, clock):
    tours = committed("Tours Métropole Val de Loire", charter())
    author = agent("auteur@tours.example.org", tours)
    record = published(tours, author)
    draft = record_submissions.declare(author, tours, {"title": "Brouillon", "objective": "x", "publics": [],
                                                       "starts_on": None, "ends_on": None}, clock())
    update = record_submissions.start_update(author, record, clock())
    pending = UserFactory(email="attente@tours.example.org")
    member(pending, tours, status=MembershipStatus.PENDING)
    return {
        "record": record, "draft": draft, "update": update,
        "people": {
            "anonymous": None,
            "signed_in": UserFactory(email="quelquun@example.org"),
            "pending_agent": pending,
            "other_agent": agent("agent@lyon.example.org", organisation("Ville de Lyon")),
            "colleague": agent("collegue@tours.example.org", tours),
            "author": author,
            "staff": records_staff(),
        },
    }


def urls(world):
    record, draft = world["record"], world["draft"]
    return {
        "list": "/concertations-ia/concertations/",
        "page": record.get_absolute_url(),
        "feed": f"/concertations-ia/concertations/{record.slug}/flux.atom",
        "declare": "/mes-concertations/declarer/",
        "draft": f"/mes-concertations/brouillon/{draft.pk}/",
        "follow_up": f"/mes-concertations/fiche/{record.pk}/suivi/",
        "queue": "/mes-concertations/relecture/",
        "review": f"/mes-concertations/relecture/{world['update'].pk}/",
    }


EXPECTED = {
    # url: the people who reach it
    "list": {"anonymous", "signed_in", "pending_agent", "other_agent", "colleague", "author", "staff"},
    "page": {"anonymous", "signed_in", "pending_agent", "other_agent", "colleague", "author", "staff"},
    "feed": {"anonymous", "signed_in", "pending_agent", "other_agent", "colleague", "author", "staff"},
    "declare": {"colleague", "author"},
    "draft": {"author"},
    "follow_up": {"colleague", "author"},
    "queue": {"staff"},
    "review": {"staff"},
}


def refused(response):
    if response.status_code == 302:
        return "connexion" in response["Location"] or "login" in response["Location"]
    return response.status_code in (403, 404)


def test_each_role_reaches_its_urls_and_is_refused_the_others(world):
    failures = []
    for who, person in world["people"].items():
        client = Client()
        if person is not None:
            client.force_login(person)
        for name, url in urls(world).items():
            response = client.get(url)
            allowed = who in EXPECTED[name]
            if (allowed and response.status_code != 200) or (not allowed and not refused(response)):
                failures.append(f"{who} {name} {response.status_code}")
    assert failures == []


def test_posting_to_a_draft_or_submitting_it_is_refused_to_others_and_changes_nothing(world):
    draft = world["draft"]
    for who in ("other_agent", "colleague", "staff"):
        client = Client()
        client.force_login(world["people"][who])
        assert refused(client.post(f"/mes-concertations/brouillon/{draft.pk}/", {"title": "Pris"}))
        assert refused(client.post(f"/mes-concertations/brouillon/{draft.pk}/soumettre/"))
        assert refused(client.post(f"/mes-concertations/fiche/{world['record'].pk}/documenter/")) or who == "colleague"
    draft.refresh_from_db()
    assert draft.data["title"] == "Brouillon" and draft.state == "brouillon"
    assert Draft.objects.filter(object_id=world["record"].pk, state="brouillon").count() == 1
