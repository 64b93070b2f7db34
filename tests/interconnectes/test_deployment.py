"""Deployment settings built from the environment: cache, frontend cache purge, buckets, gunicorn."""

import gc
import runpy
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from interconnectes.deployment import (
    admins,
    cache_settings,
    frontend_cache_settings,
    media_origin,
    private_media_options,
    public_media_options,
)

ROOT = Path(__file__).resolve().parents[2]


def test_cache_is_redis_when_an_address_is_given_and_memory_otherwise():
    assert cache_settings({})["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    redis = cache_settings({"REDIS_URL": "redis://cache:6379/1"})["default"]
    assert redis["BACKEND"] == "interconnectes.resilient_cache.ResilientRedisCache"
    assert redis["LOCATION"] == "redis://cache:6379/1"


def test_frontend_cache_is_off_unless_asked():
    assert frontend_cache_settings({}) is None
    assert frontend_cache_settings({"FRONTEND_CACHE_BACKEND": " "}) is None


@pytest.mark.parametrize(("environ", "expected"), [
    ({"FRONTEND_CACHE_BACKEND": "cloudflare", "FRONTEND_CACHE_CLOUDFLARE_ZONEID": "zone",
      "FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN": "jeton"},
     {"BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend", "ZONEID": "zone",
      "BEARER_TOKEN": "jeton"}),
    ({"FRONTEND_CACHE_BACKEND": "CloudFront", "FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID": "E123"},
     {"BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend", "DISTRIBUTION_ID": "E123"}),
    ({"FRONTEND_CACHE_BACKEND": "http", "FRONTEND_CACHE_HTTP_LOCATION": "http://varnish:6081",
      "FRONTEND_CACHE_HOSTNAMES": "www.example.org, example.org"},
     {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": "http://varnish:6081",
      "HOSTNAMES": ["www.example.org", "example.org"]}),
])
def test_frontend_cache_backends(environ, expected):
    assert frontend_cache_settings(environ) == {"default": expected}


@pytest.mark.parametrize(("environ", "message"), [
    ({"FRONTEND_CACHE_BACKEND": "akamai"}, "FRONTEND_CACHE_BACKEND doit valoir"),
    ({"FRONTEND_CACHE_BACKEND": "cloudflare", "FRONTEND_CACHE_CLOUDFLARE_ZONEID": "zone"},
     "FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN est obligatoire"),
    ({"FRONTEND_CACHE_BACKEND": "cloudfront"}, "FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID est obligatoire"),
    ({"FRONTEND_CACHE_BACKEND": "http"}, "FRONTEND_CACHE_HTTP_LOCATION est obligatoire"),
    ({"FRONTEND_CACHE_BACKEND": "http", "FRONTEND_CACHE_HTTP_LOCATION": "varnish:6081"}, "http(s)://"),
])
def test_an_incomplete_frontend_cache_is_refused(environ, message):
    with pytest.raises(ImproperlyConfigured, match=message.replace("(", r"\(").replace(")", r"\)")):
        frontend_cache_settings(environ)


def test_the_frontend_cache_settings_build_wagtails_backends():
    from wagtail.contrib.frontend_cache.utils import get_backends

    config = frontend_cache_settings({"FRONTEND_CACHE_BACKEND": "http",
                                      "FRONTEND_CACHE_HTTP_LOCATION": "http://varnish:6081"})
    backends = get_backends(config)
    assert type(backends["default"]).__name__ == "HTTPBackend"


S3 = {"AWS_STORAGE_BUCKET_NAME": "media", "AWS_PRIVATE_STORAGE_BUCKET_NAME": "pieces",
      "AWS_S3_ENDPOINT_URL": "https://s3.fr-par.scw.cloud", "AWS_S3_REGION_NAME": "fr-par"}


def test_no_bucket_keeps_files_on_disk():
    assert public_media_options({}) is None and private_media_options({}) is None


def test_public_and_private_buckets():
    public = public_media_options(S3)
    assert public["bucket_name"] == "media" and public["querystring_auth"] is False
    assert public["endpoint_url"] == "https://s3.fr-par.scw.cloud" and public["addressing_style"] == "path"
    assert public["default_acl"] is None and not public["file_overwrite"]
    private = private_media_options(S3)
    assert private["bucket_name"] == "pieces" and "querystring_auth" not in private and "custom_domain" not in private


def test_buckets_that_would_leak_or_lose_attachments_are_refused():
    with pytest.raises(ImproperlyConfigured, match="AWS_PRIVATE_STORAGE_BUCKET_NAME est obligatoire"):
        private_media_options({"AWS_STORAGE_BUCKET_NAME": "media"})
    with pytest.raises(ImproperlyConfigured, match="distinct"):
        private_media_options({"AWS_STORAGE_BUCKET_NAME": "media", "AWS_PRIVATE_STORAGE_BUCKET_NAME": "media"})


@pytest.mark.parametrize(("environ", "origin"), [
    (S3, "https://s3.fr-par.scw.cloud"),
    ({**S3, "AWS_S3_CUSTOM_DOMAIN": "medias.example.org"}, "https://medias.example.org"),
    ({"AWS_STORAGE_BUCKET_NAME": "media", "AWS_S3_REGION_NAME": "eu-west-3"}, "https://media.s3.amazonaws.com"),
])
def test_media_origin_is_where_the_storage_points(environ, origin, monkeypatch):
    """The CSP's img-src names the host the storage really builds its URLs on (no network involved)."""
    from storages.backends.s3 import S3Storage

    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        monkeypatch.setenv(name, "exemple")
    options = public_media_options(environ)
    assert media_origin(options) == origin
    url = S3Storage(**options).url("images/forum.webp")
    assert url.startswith(origin + "/"), url


def test_private_bucket_objects_are_private_and_have_no_url(monkeypatch):
    from storages.backends.s3 import S3Storage

    from labels.storage_s3 import PrivateS3Storage

    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        monkeypatch.setenv(name, "exemple")
    storage = PrivateS3Storage(**private_media_options(S3))
    assert isinstance(storage, S3Storage)
    assert storage.default_acl == "private" and storage.querystring_auth and storage.querystring_expire == 60
    with pytest.raises(ValueError, match="vue qui vérifie les droits"):
        storage.url("candidatures/1/dossier.pdf")
    with pytest.raises(ImproperlyConfigured):
        PrivateS3Storage(**private_media_options(S3), custom_domain="pieces.example.org")


def test_attachments_use_the_private_storage_of_the_settings(settings):
    from django.core.files.storage import storages

    from interconnectes.privatefiles.storage import PrivateStorage, private_storage
    from labels.models import Attachment

    assert settings.STORAGES["private"]["BACKEND"] == "interconnectes.privatefiles.storage.PrivateStorage"
    assert isinstance(private_storage(), PrivateStorage)
    assert type(Attachment._meta.get_field("file").storage) is type(storages["private"])


def test_gunicorn_configuration_loads_with_the_production_settings(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "SECRET_KEY": "k" * 50, "ALLOWED_HOSTS": "interconnectes.example.org",
           "GUNICORN_WORKERS": "3", "GUNICORN_THREADS": "2", "GUNICORN_TIMEOUT": "20",
           "DJANGO_SETTINGS_MODULE": "interconnectes.settings.production"}
    gunicorn = Path(sys.executable).parent / "gunicorn"
    result = subprocess.run([str(gunicorn), "--check-config", "--print-config", "-c", "gunicorn.conf.py"], cwd=ROOT,
                            env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    printed = {line.split("=", 1)[0].strip(): line.split("=", 1)[1].strip()
               for line in result.stdout.splitlines() if "=" in line}
    assert printed["workers"] == "3" and printed["threads"] == "2" and printed["timeout"] == "20"
    assert printed["worker_class"] == "gthread"
    assert printed["wsgi_app"] == "interconnectes.wsgi:application"
    assert "post_worker_init" in printed["post_worker_init"]


def test_a_worker_puts_what_it_loaded_out_of_the_collectors_reach():
    hooks = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    gc.unfreeze()
    try:
        hooks["post_worker_init"](worker=None)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


@pytest.mark.parametrize(("remote", "forwarded", "proxies", "expected"), [
    ("10.0.0.5", "", 0, "10.0.0.5"),  # served directly: no header is trusted
    ("10.0.0.5", "203.0.113.7", 0, "10.0.0.5"),
    ("10.0.0.5", "203.0.113.7", 1, "203.0.113.7"),  # one load balancer
    ("10.0.0.5", "203.0.113.7, 198.51.100.2", 2, "203.0.113.7"),  # CDN then load balancer
    ("10.0.0.5", "6.6.6.6, 203.0.113.7, 198.51.100.2", 2, "203.0.113.7"),  # what the visitor wrote is ignored
    ("10.0.0.5", "6.6.6.6, 203.0.113.7", 1, "203.0.113.7"),
    ("10.0.0.5", "203.0.113.7", 2, "10.0.0.5"),  # fewer hops than proxies: misconfigured, keep what we know
    ("10.0.0.5", "pas-une-adresse", 1, "10.0.0.5"),
    ("10.0.0.5", "2001:db8::1", 1, "2001:db8::1"),
])
def test_client_ip_behind_trusted_proxies(remote, forwarded, proxies, expected):
    from interconnectes.client_ip import client_ip

    assert client_ip(remote, forwarded, proxies) == expected


def test_client_ip_middleware_is_off_without_proxies_and_rewrites_remote_addr_with_them(rf, settings):
    from django.core.exceptions import MiddlewareNotUsed
    from django.http import HttpResponse

    from interconnectes.client_ip import ClientIPMiddleware

    settings.TRUSTED_PROXY_COUNT = 0
    with pytest.raises(MiddlewareNotUsed):
        ClientIPMiddleware(lambda request: HttpResponse())
    settings.TRUSTED_PROXY_COUNT = 1
    seen = []
    middleware = ClientIPMiddleware(lambda request: seen.append(request.META["REMOTE_ADDR"]) or HttpResponse())
    middleware(rf.get("/", REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7"))
    assert seen == ["203.0.113.7"]


def test_admins_are_read_from_the_environment():
    assert admins({}) == []
    assert admins({"ADMINS": "Équipe technique <technique@example.org>, alex@example.org"}) == [
        ("Équipe technique", "technique@example.org"), ("alex@example.org", "alex@example.org")]
    with pytest.raises(ImproperlyConfigured):
        admins({"ADMINS": "Équipe technique"})
