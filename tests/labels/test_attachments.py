"""Attachments: checked by content, size and count; stored under generated names; served with safe headers."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from labels import attachments
from labels.models import Attachment

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32


def zip_bytes(members, first=None):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        if first:
            archive.writestr(zipfile.ZipInfo(first[0]), first[1])  # stored, uncompressed
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


ODT = zip_bytes({"content.xml": "<x/>"}, first=("mimetype", attachments.ODT))
DOCX = zip_bytes({"[Content_Types].xml": "<x/>", "word/document.xml": "<x/>"})


def upload(name, data):
    return SimpleUploadedFile(name, data)


@pytest.mark.parametrize(("data", "expected"), [
    (PDF, attachments.PDF), (PNG, attachments.PNG), (JPEG, attachments.JPEG),
    (ODT, attachments.ODT), (DOCX, attachments.DOCX),
    (b"<html><script>alert(1)</script>", None), (b"MZ\x90\x00", None),
    (zip_bytes({"evil.exe": "x"}), None), (b"PK\x03\x04broken", None),
])
def test_sniff_by_content(data, expected):
    assert attachments.sniff(upload("fichier.pdf", data)) == expected


@pytest.mark.parametrize(("name", "expected"), [
    ("rapport.pdf", "rapport.pdf"),
    ("../../etc/passwd.pdf", "passwd.pdf"),
    ("..\\..\\windows\\evil.pdf", "evil.pdf"),
    ("bad\x00na\x1bme\n.pdf", "badname.pdf"),
    ("image.png.exe", "image.png.pdf"),
    ("", "piece-jointe.pdf"),
    ("....", "piece-jointe.pdf"),
    ("Présentation du projet.PDF", "Présentation du projet.pdf"),
])
def test_clean_filename(name, expected):
    assert attachments.clean_filename(name, attachments.PDF) == expected


def attach_url(application):
    return reverse("labels:step", args=[application.pk, "pieces-jointes"])


def test_upload_a_pdf_stores_it_privately_under_a_generated_name(applicant_client, draft, clock, settings):
    response = applicant_client.post(attach_url(draft), {"file": upload("../Mon dossier.pdf", PDF)})
    assert response.status_code == 302
    attachment = Attachment.objects.get()
    assert attachment.original_name == "Mon dossier.pdf"
    assert attachment.content_type == "application/pdf"
    assert "Mon dossier" not in attachment.file.name
    assert attachment.file.path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not attachment.file.path.startswith(str(settings.MEDIA_ROOT))


@pytest.mark.parametrize(("name", "data", "message"), [
    ("faux.pdf", b"<html>pas un pdf</html>", "contenu a été vérifié"),
    ("vide.pdf", b"", "vide"),
])
def test_bad_files_are_refused_without_500(applicant_client, draft, clock, name, data, message):
    response = applicant_client.post(attach_url(draft), {"file": upload(name, data)})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Attachment.objects.exists()


def test_oversized_file_is_refused(applicant_client, draft, clock):
    big = PDF + b"0" * (attachments.MAX_SIZE + 1 - len(PDF))
    response = applicant_client.post(attach_url(draft), {"file": upload("gros.pdf", big)})
    assert "10 Mo" in response.content.decode()
    assert not Attachment.objects.exists()


def test_sixth_file_is_refused(applicant_client, draft, clock):
    for index in range(5):
        applicant_client.post(attach_url(draft), {"file": upload(f"f{index}.png", PNG)})
    response = applicant_client.post(attach_url(draft), {"file": upload("f6.png", PNG)})
    assert "le maximum" in response.content.decode()
    assert Attachment.objects.count() == 5


def test_download_headers(applicant_client, draft, clock):
    applicant_client.post(attach_url(draft), {"file": upload("rapport.pdf", PDF)})
    attachment = Attachment.objects.get()
    response = applicant_client.get(reverse("labels:download", args=[draft.pk, attachment.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"].startswith("attachment;")
    assert "rapport.pdf" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"].startswith("default-src 'none'")
    assert response["Content-Type"] == "application/pdf"


LONG_PDF = b"%PDF-1.4\n" + bytes(range(256)) * 4 + b"\n%%EOF\n"


def test_downloads_answer_range_requests(applicant_client, draft, clock):
    """Through the attachments' download (the same module serves pitches): 200, 206, 416, each private."""
    applicant_client.post(attach_url(draft),
                          {"file": SimpleUploadedFile("r.pdf", LONG_PDF)})
    url = reverse("labels:download", args=[draft.pk, Attachment.objects.get().pk])
    whole = applicant_client.get(url)
    assert whole.status_code == 200 and whole["Accept-Ranges"] == "bytes"
    assert b"".join(whole.streaming_content) == LONG_PDF
    part = applicant_client.get(url, headers={"Range": "bytes=9-18"})
    assert part.status_code == 206
    assert part["Content-Range"] == f"bytes 9-18/{len(LONG_PDF)}" and part["Content-Length"] == "10"
    assert b"".join(part.streaming_content) == LONG_PDF[9:19]
    assert part["Cache-Control"] == "private, no-store" and part["X-Content-Type-Options"] == "nosniff"
    tail = applicant_client.get(url, headers={"Range": "bytes=-7"})
    assert b"".join(tail.streaming_content) == LONG_PDF[-7:]
    past = applicant_client.get(url, headers={"Range": f"bytes={len(LONG_PDF)}-"})
    assert past.status_code == 416 and past["Content-Range"] == f"bytes */{len(LONG_PDF)}"


def test_staff_can_download_another_applicant_cannot(client, draft, clock, staff, other_applicant):
    client.force_login(draft.owner)
    client.post(attach_url(draft), {"file": upload("rapport.pdf", PDF)})
    url = reverse("labels:download", args=[draft.pk, Attachment.objects.get().pk])
    client.force_login(staff)
    assert client.get(url).status_code == 200
    client.force_login(other_applicant)
    assert client.get(url).status_code == 404


def test_delete_attachment_and_no_upload_after_deadline(applicant_client, draft, clock):
    applicant_client.post(attach_url(draft), {"file": upload("rapport.pdf", PDF)})
    attachment = Attachment.objects.get()
    clock.set(2026, 4, 1, 0, 0)
    applicant_client.post(reverse("labels:delete_attachment", args=[draft.pk, attachment.pk]))
    applicant_client.post(attach_url(draft), {"file": upload("autre.pdf", PDF)})
    assert list(Attachment.objects.all()) == [attachment]
    clock.set(2026, 3, 2, 0, 0)
    applicant_client.post(reverse("labels:delete_attachment", args=[draft.pk, attachment.pk]))
    assert not Attachment.objects.exists()


def test_attachments_are_listed_in_the_snapshot(applicant_client, draft, clock):
    applicant_client.post(attach_url(draft), {"file": upload("rapport.pdf", PDF)})
    applicant_client.post(reverse("labels:submit", args=[draft.pk]), {"consent_rules": "on", "consent_data": "on"})
    assert draft.versions.get().snapshot["attachments"][0]["name"] == "rapport.pdf"


def test_deleting_an_application_deletes_its_files(applicant_client, draft, clock, django_capture_on_commit_callbacks):
    import os

    applicant_client.post(attach_url(draft), {"file": upload("rapport.pdf", PDF)})
    path = Attachment.objects.get().file.path
    assert os.path.exists(path)
    with django_capture_on_commit_callbacks(execute=True):
        draft.delete()
    assert not os.path.exists(path)
