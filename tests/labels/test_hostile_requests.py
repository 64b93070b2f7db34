"""Oversized and malformed requests on the applicants' and staff's views: a quick, French 4xx or form error.

Never a 500, never a decoded image bomb, never a half-saved draft.
"""

import io
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms.models import model_to_dict
from django.test import Client
from django.urls import reverse
from PIL import Image

from labels import attachments
from labels.models import Application, Attachment
from tests.hostile import huge_png
from tests.labels.factories import SubmittedApplicationFactory

pytestmark = pytest.mark.django_db

QUICK = 5.0  # seconds of the process's CPU time: a normal answer takes tens of milliseconds


@pytest.fixture
def plain_client(applicant):
    client = Client(raise_request_exception=False)
    client.force_login(applicant)
    return client


def step_url(application, slug):
    return reverse("labels:step", args=[application.pk, slug])


def test_a_step_posted_with_thousands_of_fields_is_a_400_and_saves_nothing(plain_client, draft, clock, settings):
    before = model_to_dict(Application.objects.get(pk=draft.pk))
    data = {"org_name": "Piraté", "action": "save",
            **{f"champ{n}": "x" for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS)}}
    assert len(data) > 1000
    started = time.process_time()
    response = plain_client.post(step_url(draft, "organisation"), data)
    assert time.process_time() - started < QUICK
    assert response.status_code == 400
    content = response.content.decode()
    assert "Requête incorrecte" in content and "TooManyFields" not in content
    assert model_to_dict(Application.objects.get(pk=draft.pk)) == before


def test_a_step_posted_with_a_few_unknown_fields_still_saves(plain_client, draft, clock):
    data = {"org_name": "Ville de Brest", "action": "save", **{f"champ{n}": "x" for n in range(50)}}
    assert plain_client.post(step_url(draft, "organisation"), data).status_code == 302
    assert Application.objects.get(pk=draft.pk).org_name == "Ville de Brest"


def png(width, height):
    buffer = io.BytesIO()
    Image.new("1", (width, height)).save(buffer, "PNG")
    return buffer.getvalue()


# Beyond Pillow's hard limit (it refuses to open), beyond ours only, and between the two (Pillow only warns).
@pytest.mark.parametrize(("width", "height"), [(20_000, 20_000), (7_000, 7_000), (100_000, 1_000)])
def test_an_image_bomb_attachment_is_refused_quickly_in_french(plain_client, draft, clock, settings, width, height):
    started = time.process_time()
    response = plain_client.post(step_url(draft, "pieces-jointes"),
                                 {"file": SimpleUploadedFile("plan.png", huge_png(width, height))})
    assert time.process_time() - started < QUICK
    assert response.status_code == 200  # the step again, with the error next to the field
    assert "Cette image est trop grande : 40 millions de pixels au plus." in response.content.decode()
    assert not Attachment.objects.exists()
    private = settings.PRIVATE_MEDIA_ROOT
    assert not private.exists() or not [path for path in private.rglob("*") if path.is_file()]


def test_an_ordinary_picture_is_still_accepted(plain_client, draft, clock):
    upload = SimpleUploadedFile("plan.png", png(800, 600))
    response = plain_client.post(step_url(draft, "pieces-jointes"), {"file": upload})
    assert response.status_code == 302
    assert Attachment.objects.get().content_type == attachments.PNG


def test_image_pixels_reads_the_header_only():
    assert attachments.image_pixels(SimpleUploadedFile("a.png", png(800, 600))) == 480_000
    assert attachments.image_pixels(SimpleUploadedFile("a.png", huge_png())) > attachments.MAX_PIXELS
    assert attachments.image_pixels(SimpleUploadedFile("a.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)) is None


@pytest.mark.parametrize("query", [
    "campaign=abc", "status=zzz", "eligible=peut-etre", "org_region=%00", "p=-1", "p=99999", "ordering=-inconnu",
    "category__name=%27%22%3E", "export=pdf", "q=" + "x" * 10_000,
])
def test_junk_filters_of_the_staff_listing_never_cause_a_500(campaign_staff, campaign, query):
    SubmittedApplicationFactory(campaign=campaign)
    client = Client(raise_request_exception=False)
    client.force_login(campaign_staff)
    assert client.get(f"{reverse('labels_application:index')}?{query}").status_code in (200, 302, 400, 404)


def test_a_malformed_reopening_date_is_a_form_error(campaign_staff, campaign, clock):
    application = SubmittedApplicationFactory(campaign=campaign)
    client = Client(raise_request_exception=False)
    client.force_login(campaign_staff)
    response = client.post(reverse("labels_admin_reopen", args=[application.pk]),
                           {"reason": "Pièce manquante", "until": "2026-13-45T25:61"})
    assert response.status_code == 200
    assert "Saisissez une date et une heure valides" in response.content.decode()
    assert Application.objects.get(pk=application.pk).reopened_until is None


@pytest.mark.parametrize("slug", ["nimporte-quoi", "ORGANISATION", "%00", "a" * 300])
def test_unknown_steps_are_404(plain_client, draft, slug):
    assert plain_client.get(f"/candidatures/{draft.pk}/etape/{slug}/").status_code == 404
