"""The resource space's rules on plain values, and its files checked by content against their kind."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from interconnectes.privatefiles import synthetic
from resources import rules, uploads
from resources.models import Resource
from resources.rules import Kind, Visibility
from tests.resources.factories import CSV, PDF

DAY = datetime.date(2026, 3, 1)


def test_members_see_both_visibilities_and_others_public_only():
    assert rules.visibilities_for(True) == [Visibility.PUBLIC, Visibility.MEMBERS]
    assert rules.visibilities_for(False) == [Visibility.PUBLIC]


@pytest.mark.parametrize(("published_on", "expected"), [
    (None, False), (DAY - datetime.timedelta(days=1), True), (DAY, True), (DAY + datetime.timedelta(days=1), False)])
def test_a_resource_is_out_from_its_publication_day(published_on, expected):
    assert rules.is_published(published_on, DAY) is expected


def test_a_resource_is_a_file_or_a_link():
    assert rules.source_errors(has_file=True, has_link=False) == {}
    assert rules.source_errors(has_file=False, has_link=True) == {}
    assert set(rules.source_errors(has_file=True, has_link=True)) == {"external_url"}
    assert set(rules.source_errors(has_file=False, has_link=False)) == {"file"}


@pytest.mark.parametrize(("useful", "not_useful", "share"), [(0, 0, None), (3, 1, 75), (1, 2, 33), (2, 0, 100)])
def test_usefulness_is_the_share_of_yes(useful, not_useful, share):
    assert rules.usefulness(useful, not_useful) == share


def upload(name, content):
    return SimpleUploadedFile(name, content)


def test_a_csv_table_is_recognised_by_its_content():
    assert uploads.looks_like_csv(CSV)
    assert uploads.looks_like_csv("a,b\n1,2\n".encode())
    assert not uploads.looks_like_csv(b"une phrase sans separateur\n")
    assert not uploads.looks_like_csv(b"a;b\x00\n")
    assert not uploads.looks_like_csv(b"a;b\n\xff\xfe\xfa rest of the file")


@pytest.mark.parametrize(("kind", "name", "content", "expected"), [
    (Kind.GUIDE, "guide.pdf", PDF, "application/pdf"),
    (Kind.SLIDES, "support.pdf", PDF, "application/pdf"),
    (Kind.DATASET, "donnees.csv", CSV, uploads.CSV),
])
def test_a_file_that_fits_its_kind_is_accepted(kind, name, content, expected):
    assert uploads.check(upload(name, content), kind) == expected


@pytest.mark.parametrize(("kind", "name", "content"), [
    (Kind.DATASET, "donnees.csv", PDF),  # a PDF named .csv
    (Kind.GUIDE, "guide.pdf", CSV),  # a table named .pdf
    (Kind.SLIDES, "support.pdf", b"\x89PNG\r\n\x1a\n" + b"0" * 64),
    (Kind.VIDEO, "video.mp4", PDF),  # not a video
    (Kind.GUIDE, "vide.pdf", b""),
])
def test_a_file_that_does_not_fit_its_kind_is_refused_by_content(kind, name, content):
    with pytest.raises(ValidationError) as refused:
        uploads.check(upload(name, content), kind)
    assert refused.value.messages[0].startswith(("Pour une ressource de type", "Ce fichier"))


def test_a_real_video_is_accepted_as_a_video_and_nothing_else():
    content = synthetic.make_video(3, "webm")
    assert uploads.check(upload("video.webm", content), Kind.VIDEO) == "video/webm"
    with pytest.raises(ValidationError):
        uploads.check(upload("guide.pdf", content), Kind.GUIDE)


def test_a_download_is_named_from_the_title_and_the_content():
    assert uploads.download_name("Café IA : le kit", "application/pdf") == "cafe-ia-le-kit.pdf"
    assert uploads.download_name("Territoires", uploads.CSV) == "territoires.csv"


@pytest.mark.django_db
def test_the_model_refuses_a_file_that_does_not_fit_its_kind_next_to_the_field():
    resource = Resource(title="Territoires engagés", summary="La liste.", kind=Kind.DATASET,
                        file=SimpleUploadedFile("territoires.csv", PDF))
    with pytest.raises(ValidationError) as refused:
        resource.full_clean()
    assert list(refused.value.message_dict) == ["file"]
    assert "CSV, ZIP" in refused.value.message_dict["file"][0]
    resource.file = SimpleUploadedFile("territoires.csv", CSV)
    resource.full_clean()
    assert resource.file_type == uploads.CSV and resource.slug == "territoires-engages"


@pytest.mark.django_db
def test_the_model_wants_a_file_or_a_link_and_keeps_the_collections_address_free():
    with pytest.raises(ValidationError) as refused:
        Resource(title="Sans rien", summary="Rien.", kind=Kind.GUIDE).full_clean()
    assert "file" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        Resource(title="Collections", summary="Un lien.", kind=Kind.FICHE,
                 external_url="https://www.interconnectes.com/").full_clean()
    assert "slug" in refused.value.message_dict
