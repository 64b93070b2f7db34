"""A private storage that cannot be written or read (a read-only or unmounted volume): the site's French 503 page,
logged, and nothing half-saved; never a 500."""

import logging

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from labels import services
from labels.models import Attachment

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture
def broken_storage(settings, tmp_path):
    """PRIVATE_MEDIA_ROOT under a regular file: no directory can be made there, no file opened (even as root)."""

    def break_it():
        (tmp_path / "pas-un-dossier").write_text("")
        settings.PRIVATE_MEDIA_ROOT = tmp_path / "pas-un-dossier" / "private"

    return break_it


@pytest.fixture
def plain_client(applicant):
    client = Client(raise_request_exception=False)
    client.force_login(applicant)
    return client


def assert_unavailable_page(response):
    content = response.content.decode()
    assert response.status_code == 503
    assert "Service momentanément indisponible" in content
    assert '<html lang="fr">' in content and 'class="site-header' in content  # the site's own frame
    assert response["Retry-After"]


def test_an_upload_to_an_unwritable_storage_answers_503(plain_client, draft, broken_storage, clock, caplog):
    broken_storage()
    with caplog.at_level(logging.ERROR, logger="labels.storage"):
        response = plain_client.post(reverse("labels:step", args=[draft.pk, "pieces-jointes"]),
                                     {"file": SimpleUploadedFile("dossier.pdf", PDF)})
    assert_unavailable_page(response)
    assert not Attachment.objects.exists()
    assert any("stockage privé" in record.getMessage() for record in caplog.records)


def test_a_download_from_an_unreadable_storage_answers_503(plain_client, draft, broken_storage, clock, caplog):
    attachment = services.add_attachment(draft.pk, draft.owner, clock(), SimpleUploadedFile("dossier.pdf", PDF))
    broken_storage()
    with caplog.at_level(logging.ERROR, logger="labels.storage"):
        response = plain_client.get(reverse("labels:download", args=[draft.pk, attachment.pk]))
    assert_unavailable_page(response)
    assert any("stockage privé" in record.getMessage() for record in caplog.records)


def test_a_missing_file_is_still_a_404(plain_client, draft, clock):
    attachment = services.add_attachment(draft.pk, draft.owner, clock(), SimpleUploadedFile("dossier.pdf", PDF))
    attachment.file.storage.delete(attachment.file.name)
    assert plain_client.get(reverse("labels:download", args=[draft.pk, attachment.pk])).status_code == 404
