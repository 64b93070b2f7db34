"""Settings of a developer's machine: `make run`."""

import os

from .base import *  # noqa: F403
from .base import STORAGES, env_list

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-never-used-in-production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
DEMO_CONTENT_ALLOWED = True
