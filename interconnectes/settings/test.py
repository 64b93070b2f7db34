"""Settings of the test suite: fast hashing, in-memory mail, tasks run at once, media folders per test worker."""

import os

from .base import *  # noqa: F403
from .base import BASE_DIR, STORAGES

DEBUG = False
SECRET_KEY = "test-only-key"  # nosec B105 # the test suite's key, never deployed
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "ENQUEUE_ON_COMMIT": False,
    }
}
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
# The suite runs in parallel processes (pytest-xdist, `make test`): each writes its files in a folder of its own.
TEST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "main")
MEDIA_ROOT = BASE_DIR / "var" / "test-media" / TEST_WORKER
WAGTAILADMIN_BASE_URL = "http://localhost"  # the address of the Site Wagtail's migrations create
DEMO_CONTENT_ALLOWED = True
WHITENOISE_USE_FINDERS = True
PRIVATE_MEDIA_ROOT = BASE_DIR / "var" / "test-private" / TEST_WORKER
# Django's test client calls authenticate() without a request: let it through axes (forms pass one).
AUTHENTICATION_BACKENDS = [
    "accounts.auth_backends.RequestOptionalAxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Tests move the site's clock by months within one log-in: privileged sessions last as long as any other here, and
# tests/interconnectes/test_privileged_sessions.py puts the production limits back.
PRIVILEGED_SESSIONS = {"IDLE_SECONDS": 10 * 365 * 24 * 3600, "ABSOLUTE_SECONDS": 10 * 365 * 24 * 3600}
