"""The images under MEDIA_ROOT are served by the site when nothing else serves them (interconnectes/media.py):
renditions with a year of browser cache, originals with a day, nothing outside those two folders, no cookie."""

import json
import shutil
from pathlib import Path

import pytest
from django.urls import reverse

from tests.factories import image_factory
from tests.interconnectes.test_settings import run_manage

pytestmark = pytest.mark.django_db


@pytest.fixture
def rendition():
    return image_factory("Vue de la Loire").get_rendition("fill-160x90|format-webp")


def media_path(url: str) -> str:
    return url.split("/media/", 1)[1]


def test_a_rendition_is_served_with_a_year_of_cache_and_no_cookie(client, rendition):
    response = client.get(rendition.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    assert b"".join(response.streaming_content)[:4] == b"RIFF"
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert "Last-Modified" in response
    assert not response.cookies

    again = client.get(rendition.url, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
    assert again.status_code == 304
    assert again["Cache-Control"] == "public, max-age=31536000, immutable"


def test_an_original_is_served_with_a_day_of_cache(client, rendition):
    response = client.get(rendition.image.file.url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=86400"


@pytest.mark.parametrize("path", [
    "documents/rapport.pdf",  # documents go through Wagtail's view, which applies their collection's privacy
    "images/../documents/rapport.pdf",
    "images/%2e%2e/%2e%2e/interconnectes/settings/base.py",
    "images/",
    "images/absente.webp",
    "original_images",
])
def test_nothing_else_under_media_root_is_served(client, settings, tmp_path, path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "rapport.pdf").write_bytes(b"%PDF-1.4 confidentiel")
    (tmp_path / "images").mkdir()
    response = client.get(f"/media/{path}")
    assert response.status_code == 404
    assert b"confidentiel" not in response.content


def test_only_reading_is_allowed(client, rendition):
    assert client.post(rendition.url).status_code == 405
    assert client.head(rendition.url).status_code == 200


def test_switched_off_when_a_reverse_proxy_serves_the_media(client, settings, rendition):
    settings.SERVE_MEDIA = False
    assert client.get(rendition.url).status_code == 404


SERVE_ONE = """
import json
from django.test import Client
response = Client().get("/media/images/loire.fill-160x90.webp", secure=True)
print(json.dumps([response.status_code, response["Cache-Control"], response["Content-Type"],
                  len(b"".join(response.streaming_content))]))
"""


def test_production_without_a_bucket_serves_its_renditions(tmp_path, rendition):
    (tmp_path / "images").mkdir()
    shutil.copy(Path(rendition.file.path), tmp_path / "images" / "loire.fill-160x90.webp")
    result = run_manage("shell", "-c", SERVE_ONE, SECRET_KEY="k" * 20 + "-Zq8!v@Lr#2mX%w7^bN0&cT5*yH1(pJ",
                        ALLOWED_HOSTS="testserver", MEDIA_ROOT=str(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    status, cache_control, content_type, size = json.loads(result.stdout.strip().splitlines()[-1])
    assert (status, cache_control, content_type) == (200, "public, max-age=31536000, immutable", "image/webp")
    assert size == Path(rendition.file.path).stat().st_size


def test_the_media_route_is_the_media_url(settings):
    assert reverse("media", args=["images/x.webp"]) == f"{settings.MEDIA_URL}images/x.webp"
