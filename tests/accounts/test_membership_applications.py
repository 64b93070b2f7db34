""""Adhérer": a collectivité's membership application, reviewed by staff; accepting makes it a member for the
year and the requester its référent·e."""

import html

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import Membership, MembershipApplication
from interconnectes.models import Organisation
from tests.accounts.factories import organisation
from tests.labels.factories import UserFactory

pytestmark = pytest.mark.django_db

APPLICATION = {"organisation_name": "Commune de Ploemeur", "siren": "212 901 623", "kind": "commune",
               "population": "18000", "contact_role": "Adjointe au numérique", "contact_phone": "02 97 86 40 40"}


def text(response):
    return html.unescape(response.content.decode())


@pytest.fixture
def requester(client):
    user = UserFactory(email="elue@ploemeur.example.org", first_name="Anne")
    client.force_login(user)
    return user


def test_an_accepted_application_makes_a_member_and_a_referent(client, admin_client, requester, clock):
    response = client.post(reverse("accounts:apply_for_membership"), APPLICATION)
    assert response["Location"] == reverse("accounts:space")
    application = MembershipApplication.objects.get()
    assert (application.siren, application.year) == ("212901623", 2026)
    assert admin_client.get(reverse("accounts_application:index")).status_code == 200
    admin_client.post(reverse("accounts_admin_accept_application", args=[application.pk]))
    created = Organisation.objects.get(siren="212901623")
    assert created.is_member_in(2026) and not created.is_member_in(2025)
    membership = Membership.objects.get(person=requester)
    assert (membership.organisation, membership.role, membership.status, membership.method) == (
        created, "referent", "verified", "adhesion")
    assert "adhérente des Interconnectés" in mail.outbox[-1].subject
    assert client.get(reverse("accounts:organisation", args=[created.pk])).status_code == 200


def test_an_existing_organisation_is_reused(client, admin_client, requester):
    existing = organisation("Commune de Ploemeur", kind="commune")
    client.post(reverse("accounts:apply_for_membership"), APPLICATION)
    admin_client.post(reverse("accounts_admin_accept_application", args=[MembershipApplication.objects.get().pk]))
    assert Organisation.objects.filter(name="Commune de Ploemeur").count() == 1
    assert existing.is_member_in(2026)


def test_a_siren_already_a_member_is_refused_next_to_the_field(client, requester, clock):
    member = organisation("Commune de Ploemeur", kind="commune", member_year=2026)
    member.siren = "212901623"
    member.save()
    response = client.post(reverse("accounts:apply_for_membership"), APPLICATION)
    assert response.status_code == 400
    page = text(response)
    assert "déjà adhérente en 2026" in page
    assert 'id="id_siren_error"' in page
    assert 'value="Commune de Ploemeur"' in page  # what was typed stays
    assert not MembershipApplication.objects.exists()


@pytest.mark.parametrize(("siren", "message"), [("212901624", "n'est pas valide"), ("1234", "exactement 9 chiffres")])
def test_a_bad_siren_is_refused_in_french(client, requester, siren, message):
    response = client.post(reverse("accounts:apply_for_membership"), {**APPLICATION, "siren": siren})
    assert response.status_code == 400
    assert message in text(response)
    assert not MembershipApplication.objects.exists()


def test_a_refusal_needs_a_reason_and_sends_it(client, admin_client, requester):
    client.post(reverse("accounts:apply_for_membership"), APPLICATION)
    application = MembershipApplication.objects.get()
    assert admin_client.post(reverse("accounts_admin_refuse_application", args=[application.pk]),
                             {"reason": ""}).status_code == 400
    admin_client.post(reverse("accounts_admin_refuse_application", args=[application.pk]),
                      {"reason": "La cotisation n'a pas été votée."})
    application.refresh_from_db()
    assert application.status == "refused"
    assert not Membership.objects.exists() and not Organisation.objects.exists()
    assert "La cotisation n'a pas été votée." in mail.outbox[-1].body


def test_an_application_is_decided_once(client, admin_client, requester):
    client.post(reverse("accounts:apply_for_membership"), APPLICATION)
    application = MembershipApplication.objects.get()
    admin_client.post(reverse("accounts_admin_accept_application", args=[application.pk]))
    response = admin_client.post(reverse("accounts_admin_refuse_application", args=[application.pk]),
                                 {"reason": "Trop tard"})
    assert "déjà été traitée" in text(response)
    application.refresh_from_db()
    assert application.status == "approved"


def test_applications_are_throttled(client, requester, settings):
    settings.LABELS_LIMITS = {**settings.LABELS_LIMITS, "VERIFICATION_REQUESTS_PER_ACCOUNT_PER_DAY": 1}
    assert client.post(reverse("accounts:apply_for_membership"), APPLICATION).status_code == 302
    response = client.post(reverse("accounts:apply_for_membership"),
                           {**APPLICATION, "organisation_name": "Commune de Lorient", "siren": "212901607"})
    assert response.status_code == 429
    assert "l'équipe les examine" in text(response)
    assert MembershipApplication.objects.count() == 1


def test_the_same_collectivite_cannot_apply_twice_while_pending(client, requester):
    client.post(reverse("accounts:apply_for_membership"), APPLICATION)
    client.force_login(UserFactory())
    response = client.post(reverse("accounts:apply_for_membership"), APPLICATION)
    assert "déjà en cours d'examen" in text(response)
    assert MembershipApplication.objects.count() == 1
