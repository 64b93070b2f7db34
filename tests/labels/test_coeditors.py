"""Co-editors: an invitation is a single-use link sent to an address; the account that opens it and accepts is
the co-editor. The invited address grants nothing by itself, and no account page changes an address unconfirmed."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html

from accounts import gdpr as account_gdpr
from labels.models import Application, ApplicationStatus, CoEditor, EventKind
from tests.labels.factories import UserFactory

pytestmark = pytest.mark.django_db

INVITED = "collegue@example.org"


def invite(client, application, email=INVITED):
    client.force_login(application.owner)
    return client.post(reverse("labels:invite_coeditor", args=[application.pk]), {"email": email})


def invitation_link(message):
    return re.search(r"http://localhost(/candidatures/invitation/\S+/)", message.body).group(1)


def step_url(application, slug="projet"):
    return reverse("labels:step", args=[application.pk, slug])


@pytest.fixture
def link(client, draft, clock):
    invite(client, draft)
    client.logout()
    return invitation_link(mail.outbox[-1])


def test_an_invited_address_grants_nothing_by_itself(client, draft, clock):
    invite(client, draft)
    holder = UserFactory(email=INVITED)  # e.g. an account whose address was set to the invited one
    client.force_login(holder)
    assert not Application.objects.of_applicant(holder).exists()
    for url in (step_url(draft), step_url(draft, "recapitulatif"), reverse("labels:withdraw", args=[draft.pk]),
                reverse("labels:receipt", args=[draft.pk])):
        assert client.get(url).status_code == 404
    assert client.post(reverse("labels:withdraw", args=[draft.pk])).status_code == 404


def test_the_invitation_e_mail_carries_a_single_use_link(client, draft, clock):
    invite(client, draft)
    message = mail.outbox[-1]
    assert message.to == [INVITED]
    assert "Camille" not in message.subject  # the inviter's chosen name stays out of the subject
    assert "une seule fois" in message.body
    coeditor = CoEditor.objects.get()
    assert coeditor.user is None
    assert invitation_link(message).split("/")[-2] not in coeditor.token_hash  # only a digest is stored


def test_any_account_that_accepts_the_link_becomes_co_editor(client, draft, link, clock):
    colleague = UserFactory(email="autre-adresse@example.org")
    client.force_login(colleague)
    page = client.get(link)
    assert page.status_code == 200
    assert draft.title in page.content.decode()
    assert not Application.objects.of_applicant(colleague).exists()  # opening is not accepting
    response = client.post(link)
    assert response["Location"] == step_url(draft, "organisation")
    coeditor = CoEditor.objects.get()
    assert (coeditor.user, coeditor.accepted_at) == (colleague, clock())
    assert draft.events.filter(kind=EventKind.COEDITOR_JOINED, actor=colleague).exists()
    assert client.get(step_url(draft)).status_code == 200
    client.post(reverse("labels:submit", args=[draft.pk]), {"consent_rules": "on", "consent_data": "on"})
    draft.refresh_from_db()
    assert draft.status == ApplicationStatus.SUBMITTED
    assert draft.versions.get().created_by == colleague


def test_the_link_works_once(client, draft, link, clock):
    client.force_login(UserFactory())
    client.post(link)
    late = UserFactory()
    client.force_login(late)
    for response in (client.get(link), client.post(link)):
        assert response.status_code == 410
        assert "déjà été acceptée" in response.content.decode()
    assert not Application.objects.of_applicant(late).exists()


def test_an_expired_link_is_refused(client, draft, link, clock):
    clock.set(clock() + datetime.timedelta(days=15))
    colleague = UserFactory()
    client.force_login(colleague)
    response = client.post(link)
    assert response.status_code == 410
    assert "a expiré" in response.content.decode()
    assert not Application.objects.of_applicant(colleague).exists()


def test_an_unknown_link_is_refused(client, draft, link, clock):
    client.force_login(UserFactory())
    response = client.post(link.replace(link.split("/")[-2], "inconnu"))
    assert response.status_code == 404
    assert "Cette invitation n&#x27;existe pas" in response.content.decode()
    assert CoEditor.objects.get().user is None


def test_a_visitor_logs_in_and_comes_back_to_the_link(client, draft, link, clock):
    response = client.get(link)
    assert response["Location"] == f"{reverse('accounts:login')}?next={link}"


def test_the_owner_cannot_use_their_own_invitation(client, draft, link, clock):
    client.force_login(draft.owner)
    response = client.post(link)
    assert response.status_code == 409
    assert CoEditor.objects.get().user is None  # still there for the colleague


def test_inviting_again_renews_the_link_and_voids_the_old_one(client, draft, link, clock):
    invite(client, draft)
    new_link = invitation_link(mail.outbox[-1])
    assert new_link != link
    client.force_login(UserFactory())
    assert client.post(link).status_code == 404
    assert client.post(new_link).status_code == 302
    assert CoEditor.objects.count() == 1


def test_the_summary_says_who_joined_and_what_is_pending(client, draft, link, clock):
    colleague = UserFactory(first_name="Dominique", last_name="Leroy")
    client.force_login(colleague)
    client.post(link)
    invite(client, draft, "attente@example.org")
    page = client.get(step_url(draft, "recapitulatif")).content.decode()
    assert "Dominique Leroy" in page
    assert "attente@example.org" in page
    assert "en attente" in page


# --- No e-mail change without confirmation -------------------------------------------------------


def test_the_admin_account_page_changes_no_e_mail_address(client, draft, editor, clock):
    """An editor (any admin user) cannot set their address to an invited co-editor's in Wagtail's account page."""
    invite(client, draft)
    client.force_login(editor)
    page = client.get(reverse("wagtailadmin_account")).content.decode()
    data = querydict_from_html(page, form_id="w-editor-form")
    data["name_email-email"] = INVITED
    data["name_email-first_name"] = "Nouveau prénom"
    client.post(reverse("wagtailadmin_account"), data)
    editor.refresh_from_db()
    assert editor.first_name == "Nouveau prénom"
    assert editor.email == "redaction@example.org"
    assert 'name="name_email-email"' not in page


@pytest.mark.parametrize("name", ["accounts:password_change", "accounts:delete_account", "accounts:privacy",
                                  "accounts:space", "labels:dashboard"])
def test_no_applicant_account_page_changes_the_e_mail_address(applicant_client, applicant, name):
    applicant_client.post(reverse(name), {"email": INVITED, "username": INVITED})
    applicant.refresh_from_db()
    assert (applicant.email, applicant.username) != (INVITED, INVITED)
    assert applicant.email != INVITED


def test_deleting_the_account_of_the_invited_address_keeps_whoever_accepted(client, draft, link, clock):
    """The invitation went to an address; another account accepted it: the address's account leaving changes
    nothing for the co-editor (its pending invitations, personal data of that address, go)."""
    colleague = UserFactory()
    client.force_login(colleague)
    client.post(link)
    invite(client, draft, "attente@example.org")
    account_gdpr.delete_account(UserFactory(email=INVITED), clock())
    account_gdpr.delete_account(UserFactory(email="attente@example.org"), clock())
    assert list(CoEditor.objects.values_list("email", "user")) == [(INVITED, colleague.pk)]
    assert Application.objects.of_applicant(colleague).get() == draft
