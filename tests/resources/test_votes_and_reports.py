"""The usefulness vote (one per signed-in person and resource, a database constraint) and "signaler un problème"
(signed in, a French error next to the field, rate-limited, e-mailed to staff through the task backend)."""

import pytest
from django.core import mail
from django.db import IntegrityError, transaction

from accounts.gdpr import export_user_data
from interconnectes import clock as site_clock
from resources import votes
from resources.models import ResourceReport, ResourceVote
from tests.labels.factories import UserFactory
from tests.resources.factories import ResourceFactory, readers

pytestmark = pytest.mark.django_db


@pytest.fixture
def guide(space, clock):
    return ResourceFactory(title="Guide de la concertation", slug="guide-concertation")


@pytest.fixture
def reader(client):
    person = UserFactory(email="lectrice@example.org", username="lectrice@example.org")
    client.force_login(person)
    return person


def vote_url(resource):
    return f"/avis/ressource/{resource.pk}/"


def report_url(resource):
    return f"/signaler-un-probleme/ressource/{resource.pk}/"


def test_voting_twice_keeps_one_vote_the_last_one(client, guide, reader):
    assert client.post(vote_url(guide), {"useful": "oui"}).status_code == 302
    assert client.post(vote_url(guide), {"useful": "oui"}).status_code == 302
    assert ResourceVote.objects.filter(resource=guide, person=reader).count() == 1
    client.post(vote_url(guide), {"useful": "non"})
    vote = ResourceVote.objects.get(resource=guide, person=reader)
    assert vote.useful is False
    page = client.get("/ressources/guide-concertation/").content.decode()
    assert "Réponses : 0 oui, 1 non." in page and "Vous avez répondu non." in page


def test_the_database_refuses_a_second_vote_row(guide, reader):
    votes.vote(guide, reader, True, site_clock.now())
    with pytest.raises(IntegrityError), transaction.atomic():
        ResourceVote.objects.create(resource=guide, person=reader, useful=False, voted_at=site_clock.now())


def test_counts_are_shown_to_everyone(client, guide):
    for useful in (True, True, False):
        votes.vote(guide, UserFactory(), useful, site_clock.now())
    page = client.get("/ressources/guide-concertation/").content.decode()
    assert "Réponses : 2 oui, 1 non." in page
    assert "Connectez-vous" in page and 'action="/avis/' not in page  # anonymous: asked to sign in


def test_an_anonymous_vote_stores_nothing_and_asks_to_sign_in(client, guide):
    response = client.post(vote_url(guide), {"useful": "oui"})
    assert response.status_code == 302 and response["Location"].startswith("/compte/connexion/")
    assert not ResourceVote.objects.exists()


def test_a_vote_that_is_neither_yes_nor_no_is_refused(client, guide, reader):
    response = client.post(vote_url(guide), {"useful": "peut-être"}, follow=True)
    assert "Répondez oui ou non." in response.content.decode()
    assert not ResourceVote.objects.exists()
    assert client.get(vote_url(guide)).status_code == 405


def test_a_members_only_resource_takes_no_vote_nor_report_from_a_non_member(client, space, clock, reader):
    reserved = ResourceFactory(slug="reservee", visibility="membres")
    assert client.post(vote_url(reserved), {"useful": "oui"}).status_code == 404
    assert client.get(report_url(reserved)).status_code == 404
    member = readers(clock().year)["verified member agent"]
    client.force_login(member)
    assert client.post(vote_url(reserved), {"useful": "oui"}).status_code == 302
    assert ResourceVote.objects.filter(resource=reserved, person=member).exists()


def test_a_report_is_recorded_and_emailed_to_staff(client, guide, reader, staff):
    response = client.post(report_url(guide), {"message": "Le lien vers l'annexe est cassé."})
    assert response.status_code == 302 and response["Location"] == "/ressources/guide-concertation/"
    report = ResourceReport.objects.get()
    assert report.reporter == reader and report.is_open
    assert [message.to for message in mail.outbox] == [[staff.email]]
    assert "Guide de la concertation" in mail.outbox[0].subject
    assert f"/admin/snippets/resources/resourcereport/edit/{report.pk}/" in mail.outbox[0].body


@pytest.mark.parametrize(("message", "error"), [
    ("", "Décrivez le problème"),
    ("   ", "Décrivez le problème"),
    ("x" * 2001, "Le message dépasse 2 000 caractères"),
])
def test_a_report_without_text_or_too_long_gets_a_french_error_and_keeps_what_was_typed(client, guide, reader,
                                                                                        message, error):
    response = client.post(report_url(guide), {"message": message})
    assert response.status_code == 400
    page = response.content.decode()
    assert error in page
    if message.strip():
        assert message in page
    assert not ResourceReport.objects.exists() and mail.outbox == []


def test_reports_are_rate_limited_per_account(client, guide, reader, settings):
    settings.LABELS_LIMITS = {**settings.LABELS_LIMITS, "RESOURCE_REPORTS_PER_ACCOUNT_PER_DAY": 2}
    for number in range(2):
        assert client.post(report_url(guide), {"message": f"Problème {number}"}).status_code == 302
    refused = client.post(report_url(guide), {"message": "Un de trop"})
    assert refused.status_code == 429
    assert "Vous avez déjà signalé 2 problèmes aujourd’hui" in refused.content.decode() or \
        "Vous avez déjà signalé 2 problèmes aujourd&#x27;hui" in refused.content.decode()
    assert ResourceReport.objects.count() == 2


def test_reporting_needs_an_account(client, guide):
    response = client.get(report_url(guide))
    assert response.status_code == 302 and response["Location"].startswith("/compte/connexion/")


def test_votes_and_reports_are_in_the_person_s_data(client, guide, reader):
    client.post(vote_url(guide), {"useful": "oui"})
    client.post(report_url(guide), {"message": "Le lien est cassé."})
    data = export_user_data(reader)
    assert data["ressources_avis"][0]["ressource"] == "Guide de la concertation"
    assert data["ressources_signalements"][0]["message"] == "Le lien est cassé."
