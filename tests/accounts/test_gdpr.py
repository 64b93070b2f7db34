"""Personal data across the site: one JSON file of everything, one deletion everywhere, a page saying who sees
what (jurors included)."""

import html
import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.urls import reverse

from accounts import gdpr
from accounts.models import Grant, Membership, MembershipInvitation, VerificationRequest
from tests.accounts.factories import PASSWORD, member, organisation
from tests.labels.factories import ApplicationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(clock, campaign):
    user = UserFactory(email="camille@nantesmetropole.fr")
    nantes = organisation("Nantes Métropole", domain="nantesmetropole.fr")
    member(user, nantes, role="referent")
    VerificationRequest.objects.create(person=user, organisation_name="Commune de Ploemeur",
                                       job_title="Cheffe de projet", created_at=clock())
    MembershipInvitation.objects.create(organisation=nantes, email="collegue@example.org", invited_by=user,
                                        created_at=clock(), expires_at=clock())
    MembershipInvitation.objects.create(organisation=nantes, email=user.email, created_at=clock(), expires_at=clock())
    Grant.objects.create(person=user, content_type=ContentType.objects.get_for_model(nantes), object_id=nantes.pk,
                         purpose="Lire le code", created_at=clock())
    ApplicationFactory(campaign=campaign, owner=user, title="Cantine zéro papier")
    return user


def test_my_data_holds_everything_in_one_file(client, person):
    client.force_login(person)
    response = client.get(reverse("accounts:export_data"))
    assert response["Content-Disposition"] == 'attachment; filename="mes-donnees-interconnectes.json"'
    data = json.loads(response.content)
    assert data["compte"]["email"] == "camille@nantesmetropole.fr"
    assert [(m["organisation"], m["role"]) for m in data["rattachements"]] == [("Nantes Métropole", "Référent·e")]
    assert data["demandes_de_verification"][0]["organisation"] == "Commune de Ploemeur"
    assert data["invitations_envoyees"][0]["adresse"] == "collegue@example.org"
    assert data["acces_nominatifs"][0]["motif"] == "Lire le code"
    assert "Cantine zéro papier" in json.dumps(data["candidatures"], ensure_ascii=False)


def test_deleting_the_account_removes_it_everywhere(client, person):
    client.force_login(person)
    client.post(reverse("accounts:delete_account"), {"password": PASSWORD})
    assert not get_user_model().objects.filter(pk=person.pk).exists()
    assert not Membership.objects.exists()
    assert not VerificationRequest.objects.exists()
    assert not Grant.objects.exists()
    assert list(MembershipInvitation.objects.values_list("email", flat=True)) == ["collegue@example.org"]


def test_the_same_deletion_from_the_daily_purge(person, clock):
    gdpr.delete_account(person, clock())
    assert not Membership.objects.exists() and not get_user_model().objects.filter(pk=person.pk).exists()
    assert [message.subject for message in mail.outbox] == ["Votre compte sur le site des Interconnectés est supprimé"]


def test_the_address_is_told_once_the_account_is_gone(client, person):
    client.force_login(person)
    client.post(reverse("accounts:delete_account"), {"password": "faux"})
    assert mail.outbox == []  # a refused deletion tells nothing
    client.post(reverse("accounts:delete_account"), {"password": PASSWORD})
    [message] = mail.outbox
    assert message.to == ["camille@nantesmetropole.fr"]
    assert "Votre compte sur le site des Interconnectés est supprimé" in message.body
    assert "anonymisée" in message.alternatives[0][0]


def test_the_privacy_page_says_who_sees_what_jurors_included(client):
    page = html.unescape(client.get(reverse("accounts:privacy")).content.decode())
    assert "membres du jury" in page
    assert "référent·e·s de l'organisation" in page
    assert "jamais le nom des personnes" in page
