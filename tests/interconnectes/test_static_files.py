"""Static files as production serves them: hashed names cached for ever, compressed variants ready."""

import gzip

import pytest
from django.core.management import call_command
from django.http import HttpResponseNotFound
from django.templatetags.static import static
from django.test import RequestFactory, override_settings
from whitenoise.middleware import WhiteNoiseMiddleware


@pytest.fixture(scope="module")
def collected(tmp_path_factory):
    """collectstatic with the production storage (hashed names, gzip) into a throwaway STATIC_ROOT."""
    from django.conf import settings

    root = tmp_path_factory.mktemp("static")
    storages = {**settings.STORAGES,
                "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}}
    with override_settings(STATIC_ROOT=root, STORAGES=storages, WHITENOISE_USE_FINDERS=False,
                           WHITENOISE_AUTOREFRESH=False):
        call_command("collectstatic", "--noinput", verbosity=0)
        yield root


def serve(path, **headers):
    middleware = WhiteNoiseMiddleware(lambda request: HttpResponseNotFound())
    return middleware(RequestFactory().get(path, **headers))


@pytest.mark.parametrize("name", ["css/site.css", "js/labels-application.js", "js/jury-sheet.js", "img/favicon.svg"])
def test_hashed_files_are_immutable_for_a_year_and_served_gzipped(collected, name):
    url = static(name)
    assert url != f"/static/{name}" and url.startswith("/static/")  # a hashed name from the manifest
    hashed = collected / url.removeprefix("/static/")
    assert hashed.exists() and (collected / f"{url.removeprefix('/static/')}.gz").exists()

    response = serve(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert response.status_code == 200
    # WhiteNoise's "forever" is ten years; a year is the floor any CDN or browser honours.
    directives = [part.strip() for part in response["Cache-Control"].split(",")]
    assert "public" in directives and "immutable" in directives
    assert int(next(d for d in directives if d.startswith("max-age=")).split("=")[1]) >= 365 * 24 * 3600
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    body = b"".join(response.streaming_content)
    assert gzip.decompress(body) == hashed.read_bytes()


def test_unhashed_names_are_cached_briefly(collected):
    response = serve("/static/css/site.css")
    assert response.status_code == 200
    assert "immutable" not in response["Cache-Control"]


def test_pages_link_the_hashed_names(collected, client, home):
    html = client.get("/").text
    assert static("css/site.css") in html and static("img/favicon.svg") in html
