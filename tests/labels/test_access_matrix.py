"""Roles × URLs: another applicant's ids answer 404 and change nothing.

Every URL of the app must appear in MATRIX: a new URL without an entry fails
`test_every_url_is_in_the_matrix`.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms.models import model_to_dict
from django.urls import reverse

from labels import services, urls
from labels.models import Application, ApplicationEvent, ApplicationVersion, Attachment, CoEditor
from tests.labels.factories import ApplicationFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%%EOF\n"

# name: (arguments, or None for URLs without an object; who may use it besides the owner)
APP = "application"
APP_FILE = "application+attachment"
MATRIX = {
    "dashboard": (None, "authenticated"),
    "start": ("campaign", "authenticated"),
    "step": (APP, "applicants"),
    "submit": (APP, "applicants"),
    "withdraw": (APP, "applicants"),
    "delete_draft": (APP, "owner"),
    "receipt": (APP, "applicants+staff"),
    "invite_coeditor": (APP, "applicants"),
    "accept_invitation": ("token", "authenticated"),
    "download": (APP_FILE, "applicants+staff"),
    "delete_attachment": (APP_FILE, "applicants"),
}
OBJECT_URLS = [name for name, (kind, _) in MATRIX.items() if kind in (APP, APP_FILE)]
STEP_SLUGS = ["organisation", "projet", "impact", "pieces-jointes", "recapitulatif"]


def test_every_url_is_in_the_matrix():
    names = {pattern.name for pattern in urls.urlpatterns}
    assert names == set(MATRIX), f"URL absentes de la matrice : {names - set(MATRIX)}"


@pytest.fixture
def submitted(campaign, clock):
    application = ApplicationFactory(campaign=campaign)
    services.add_attachment(application.pk, application.owner, clock(), SimpleUploadedFile("a.pdf", PDF))
    services.submit(application.pk, application.owner, clock(), lambda a: "")
    return application


def urls_for(name, application):
    attachment = application.attachments.first()
    if name == "step":
        return [reverse("labels:step", args=[application.pk, slug]) for slug in STEP_SLUGS]
    if MATRIX[name][0] == APP_FILE:
        return [reverse(f"labels:{name}", args=[application.pk, attachment.pk])]
    return [reverse(f"labels:{name}", args=[application.pk])]


def state(application):
    return (
        model_to_dict(Application.objects.get(pk=application.pk)),
        ApplicationVersion.objects.count(), ApplicationEvent.objects.count(),
        list(Attachment.objects.values_list("pk", "file")), CoEditor.objects.count(),
    )


POST_DATA = {"title": "Piraté", "org_name": "Piraté", "consent_rules": "on", "consent_data": "on",
             "email": "pirate@example.org", "action": "save",
             "file": None}


def post(client, url):
    data = dict(POST_DATA, file=SimpleUploadedFile("x.pdf", PDF))
    return client.post(url, data)


@pytest.mark.parametrize("name", OBJECT_URLS)
@pytest.mark.parametrize("method", ["get", "post"])
def test_another_applicant_gets_404_and_changes_nothing(client, submitted, other_applicant, name, method):
    client.force_login(other_applicant)
    before = state(submitted)
    for url in urls_for(name, submitted):
        response = client.get(url) if method == "get" else post(client, url)
        assert response.status_code in (404, 405), (url, response.status_code)
        if response.status_code == 405:
            assert method == "get"
    assert state(submitted) == before


@pytest.mark.parametrize("name", OBJECT_URLS)
@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_is_sent_to_login_and_changes_nothing(client, submitted, name, method):
    before = state(submitted)
    for url in urls_for(name, submitted):
        response = client.get(url) if method == "get" else post(client, url)
        assert response.status_code in (302, 405)
        if response.status_code == 302:
            assert response["Location"].startswith(reverse("accounts:login"))
    assert state(submitted) == before


@pytest.mark.parametrize("name", OBJECT_URLS)
def test_staff_reads_through_admin_only_views(client, submitted, staff, name):
    client.force_login(staff)
    before = state(submitted)
    allowed = MATRIX[name][1] == "applicants+staff"
    for url in urls_for(name, submitted):
        response = client.get(url)
        assert response.status_code in ((200,) if allowed else (404, 405)), (url, response.status_code)
        if not allowed:
            assert post(client, url).status_code == 404
    assert state(submitted) == before


@pytest.mark.parametrize("name", OBJECT_URLS)
def test_the_owner_gets_the_page(client, submitted, name):
    client.force_login(submitted.owner)
    for url in urls_for(name, submitted):
        assert client.get(url).status_code in (200, 302, 405)


@pytest.mark.parametrize("name", [name for name, (_, who) in MATRIX.items() if who == "authenticated"])
def test_account_urls_need_login(client, name, campaign):
    args = {"campaign": [campaign.pk], "token": ["jeton"]}.get(MATRIX[name][0], [])
    response = client.get(reverse(f"labels:{name}", args=args))
    assert response.status_code in (302, 405)
    if response.status_code == 302:
        assert response["Location"].startswith(reverse("accounts:login"))


def test_unknown_ids_answer_404(applicant_client, clock):
    assert applicant_client.get(reverse("labels:step", args=[999999, "organisation"])).status_code == 404
    assert applicant_client.post(reverse("labels:start", args=[999999])).status_code == 404


def test_unknown_step_answers_404(applicant_client, draft):
    assert applicant_client.get(reverse("labels:step", args=[draft.pk, "nimporte-quoi"])).status_code == 404


def test_visible_to(submitted, other_applicant, staff, draft):
    assert list(Application.objects.visible_to(other_applicant)) == []
    assert set(Application.objects.visible_to(staff)) == {submitted, draft}
    assert list(Application.objects.visible_to(submitted.owner)) == [submitted]
