"""Production settings: refuse a missing secret, pass the deployment checklist."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    # DJANGO_ALLOW_ASYNC_UNSAFE is set for the browser tests only; a deployment never has it.
    ignored = {"SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment = {key: value for key, value in os.environ.items() if key not in ignored}
    environment.update(env, DJANGO_SETTINGS_MODULE="interconnectes.settings.production")
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True,
                          text=True, timeout=120)


def test_production_refuses_to_start_without_secret_key():
    result = run_manage("check")
    assert result.returncode != 0
    assert "SECRET_KEY est obligatoire" in result.stderr


def test_production_passes_the_deploy_checklist_without_warning():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING",
                        SECRET_KEY="k" * 20 + "-Zq8!v@Lr#2mX%w7^bN0&cT5*yH1(pJ",
                        ALLOWED_HOSTS="interconnectes.example.org")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_defaults_are_french_and_paris_time():
    from django.conf import settings

    assert settings.LANGUAGE_CODE == "fr"
    assert settings.TIME_ZONE == "Europe/Paris"
    assert settings.USE_TZ


# A scaled-out deployment: PostgreSQL, Redis, two S3 buckets on an S3-compatible provider, a CDN purged on publish.
SCALED_OUT = {
    "SECRET_KEY": "k" * 20 + "-Zq8!v@Lr#2mX%w7^bN0&cT5*yH1(pJ",
    "ALLOWED_HOSTS": "interconnectes.example.org",
    "DATABASE_URL": "postgres://interconnectes:secret@db.invalid:5432/interconnectes",
    "REDIS_URL": "redis://cache.invalid:6379/0",
    "AWS_STORAGE_BUCKET_NAME": "interconnectes-media",
    "AWS_PRIVATE_STORAGE_BUCKET_NAME": "interconnectes-pieces",
    "AWS_S3_ENDPOINT_URL": "https://s3.fr-par.scw.cloud",
    "AWS_S3_REGION_NAME": "fr-par",
    "FRONTEND_CACHE_BACKEND": "http",
    "FRONTEND_CACHE_HTTP_LOCATION": "http://varnish.invalid:6081",
}
SHOW_SETTINGS = """
import json
from django.conf import settings
print(json.dumps({
    "cache": settings.CACHES["default"]["BACKEND"],
    "database": settings.DATABASES["default"]["ENGINE"],
    "default_storage": settings.STORAGES["default"]["BACKEND"],
    "private_storage": settings.STORAGES["private"]["BACKEND"],
    "frontend_cache": settings.WAGTAILFRONTENDCACHE,
    "frontend_app": "wagtail.contrib.frontend_cache" in settings.INSTALLED_APPS,
    "img_src": settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"],
    "middleware": settings.MIDDLEWARE,
    "hsts": [settings.SECURE_HSTS_SECONDS, settings.SECURE_HSTS_INCLUDE_SUBDOMAINS, settings.SECURE_HSTS_PRELOAD],
    "cookies": [settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE, settings.SESSION_COOKIE_HTTPONLY,
                settings.SESSION_COOKIE_SAMESITE, settings.CSRF_COOKIE_SAMESITE],
    "tasks": settings.TASKS["default"]["BACKEND"],
}))
"""


def show_settings(**env):
    import json

    result = run_manage("shell", "-c", SHOW_SETTINGS, **env)
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_scaled_out_production_passes_the_deploy_checklist_without_warning():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **SCALED_OUT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_scaled_out_production_uses_the_shared_services():
    shown = show_settings(**SCALED_OUT)
    assert shown["cache"] == "interconnectes.resilient_cache.ResilientRedisCache"
    assert shown["database"] == "django.db.backends.postgresql"
    assert shown["default_storage"] == "storages.backends.s3.S3Storage"
    assert shown["private_storage"] == "labels.storage_s3.PrivateS3Storage"
    assert shown["frontend_cache"]["default"]["LOCATION"] == "http://varnish.invalid:6081"
    assert shown["frontend_app"]
    assert shown["img_src"] == ["'self'", "data:", "https://s3.fr-par.scw.cloud"]
    assert shown["hsts"] == [365 * 24 * 3600, True, True]
    assert shown["cookies"] == [True, True, True, "Lax", "Lax"]
    assert shown["tasks"] == "django_tasks_db.DatabaseBackend"
    middleware = shown["middleware"]
    assert middleware.index("interconnectes.compression.TextGZipMiddleware") < middleware.index(
        "interconnectes.cache_headers.CacheHeadersMiddleware") < middleware.index(
        "django.contrib.sessions.middleware.SessionMiddleware")


def test_single_server_production_keeps_its_files_and_cache_locally():
    shown = show_settings(SECRET_KEY=SCALED_OUT["SECRET_KEY"], ALLOWED_HOSTS="interconnectes.example.org")
    assert shown["cache"] == "django.core.cache.backends.locmem.LocMemCache"
    assert shown["default_storage"] == "django.core.files.storage.FileSystemStorage"
    assert shown["private_storage"] == "interconnectes.privatefiles.storage.PrivateStorage"
    assert shown["frontend_cache"] is None and not shown["frontend_app"]
    assert shown["img_src"] == ["'self'", "data:"]


def test_production_refuses_public_media_on_s3_with_attachments_on_one_disk():
    env = {key: value for key, value in SCALED_OUT.items() if key != "AWS_PRIVATE_STORAGE_BUCKET_NAME"}
    result = run_manage("check", **env)
    assert result.returncode != 0
    assert "AWS_PRIVATE_STORAGE_BUCKET_NAME est obligatoire" in result.stderr
