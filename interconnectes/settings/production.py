"""Production settings: refuse to start without a secret, HTTPS everywhere.

They pass `manage.py check --deploy` with no warning once SECRET_KEY and
ALLOWED_HOSTS are set in the environment.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from interconnectes.deployment import media_origin, private_media_options, public_media_options

from .base import *  # noqa: F403
from .base import ADMIN_CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY, STORAGES, env_bool, env_list

DEBUG = False

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("La variable d'environnement SECRET_KEY est obligatoire en production.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
# Neither the site's scripts nor Wagtail's read the CSRF cookie: they take the token from the page.
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_TIMEOUT = 20

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# The worker ranks ahead only into a cache the app servers read too: Redis.
JURY_RANK_AHEAD = env_bool("JURY_RANK_AHEAD", bool(os.environ.get("REDIS_URL", "").strip()))

# Sessions read through the cache only when every app server shares it (see base.py).
if not os.environ.get("REDIS_URL", "").strip():
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

if os.environ.get("MEDIA_ROOT"):
    MEDIA_ROOT = os.environ["MEDIA_ROOT"]
DEMO_CONTENT_ALLOWED = False

# --- Media on S3-compatible storage ---------------------------------------------------------------
# Several app servers share their files through two buckets: a public one for images and documents
# (AWS_STORAGE_BUCKET_NAME) and a private one for applications' attachments
# (AWS_PRIVATE_STORAGE_BUCKET_NAME), only ever read by the view that checks permissions.
_public_media = public_media_options(os.environ)
if _public_media:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": _public_media}
    SERVE_MEDIA = False  # the pages link to the bucket's own URLs
    # Renditions are <img> from the media host: the only other origin the pages load anything from.
    for _policy in (CONTENT_SECURITY_POLICY, ADMIN_CONTENT_SECURITY_POLICY):
        _policy["DIRECTIVES"]["img-src"] = [*_policy["DIRECTIVES"]["img-src"], media_origin(_public_media)]
_private_media = private_media_options(os.environ)
if _private_media:
    STORAGES["private"] = {"BACKEND": "labels.storage_s3.PrivateS3Storage", "OPTIONS": _private_media}
