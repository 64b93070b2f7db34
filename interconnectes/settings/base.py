"""Settings shared by every environment.

Every value that differs between deployments is read from an environment
variable; the defaults are the ones of a developer's machine.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

from interconnectes.deployment import admins, cache_settings, frontend_cache_settings

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    """Read a yes/no environment variable ("1", "true", "yes", "on")."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    """Read a comma-separated environment variable as a list."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


INSTALLED_APPS = [
    "interconnectes",
    "manifestes",
    "events",
    "accounts",
    "labels",
    "jury",
    "sitesearch",
    "library",
    "reviews",
    "territoirprod",
    "replays",
    "community",
    "resources",
    "consultations",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
    "csp",
]

MIDDLEWARE = [
    # Behind a CDN and a load balancer: the visitor's address for the per-IP throttles (TRUSTED_PROXY_COUNT).
    "interconnectes.client_ip.ClientIPMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "interconnectes.security_headers.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Django's GZipMiddleware for the views' text responses (static files come compressed from WhiteNoise).
    "interconnectes.compression.TextGZipMiddleware",
    # Outside the session, CSRF and messages middleware: it sees every cookie they set.
    "interconnectes.cache_headers.CacheHeadersMiddleware",
    "interconnectes.security_headers.SiteCSPMiddleware",
    # Whole pages for readers without a session, inside the middleware above (they still run on a cached page).
    "interconnectes.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Editors', staff's and jurors' sessions end after 30 minutes idle or 10 hours (privileged_sessions.py).
    "interconnectes.privileged_sessions.PrivilegedSessionMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # A private storage failing to write or read an attachment: the French 503 page, logged (labels/middleware.py).
    "labels.middleware.StorageUnavailableMiddleware",
    # django-axes must come last: it throttles failed logins (labels applicants and editors).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "interconnectes.urls"
WSGI_APPLICATION = "interconnectes.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "interconnectes.context_processors.site_chrome",
            ],
        },
    },
]

# SQLite when DATABASE_URL is unset, so that `make run` works on a bare machine.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded database under an editor: Wagtail autosaves while they type, and a publication may start
    # while an autosave is being written. In WAL mode readers never wait for the writer; every transaction
    # takes the write lock when it begins (IMMEDIATE), so that a second writer waits its turn (up to `timeout`
    # seconds) instead of failing with "database is locked" when it upgrades a read to a write.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    # CNIL recommends at least 12 characters for a password alone.
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    # What French speakers choose most, with digits or signs around it ("azertyuiop12"): interconnectes/passwords.py
    {"NAME": "interconnectes.passwords.FrenchCommonPasswordValidator"},
    # Close to the e-mail address's local part or to the name ("camille.martin"): interconnectes/passwords.py
    {"NAME": "interconnectes.passwords.PersonalPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("Français"))]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
# The site serves the images under MEDIA_ROOT itself (interconnectes/media.py) unless a reverse proxy does it
# (SERVE_MEDIA=0) or they live in a bucket (production.py).
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    # Private files, attachments and pitches (interconnectes/privatefiles/storage.py): PRIVATE_MEDIA_ROOT here,
    # a private S3 bucket in production.
    "private": {"BACKEND": "interconnectes.privatefiles.storage.PrivateStorage"},
}

# Redis when REDIS_URL is set (shared by every app server), memory of the process otherwise.
CACHES = cache_settings(os.environ)

# Background work (e-mails) goes through Django tasks; production overrides
# the backend with the database one of django-tasks-db.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Rank a jury round again in the background after each change of its scores (`jury.ranking_cache.rank_ahead`), so
# that staff's first click finds the ranking ready. Off here: the immediate backend would rank inside each save.
JURY_RANK_AHEAD = env_bool("JURY_RANK_AHEAD", False)

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Les Interconnectés <ne-pas-repondre@example.org>")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# Applicants log in on the public site; editors keep the Wagtail admin login.
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:space"
LOGOUT_REDIRECT_URL = "accounts:login"
WAGTAILADMIN_LOGIN_URL = "wagtailadmin_login"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Sessions in the database, read through the cache (a logged-in reader's session costs no query once cached)
# when the cache is one for every process: Redis, or the memory of the single process of `runserver` and the
# tests. Several app servers on their own memory would each keep a session a log-out ended elsewhere.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# django-axes: lock out after repeated failures, per username and per IP address, for a cool-off period.
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "0.25"))  # hours
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/lockout.html"
AXES_USERNAME_FORM_FIELD = "username"

# Labels: private files (applications' attachments) live outside MEDIA_ROOT and are served by a view
# that checks permissions; non-laureate applications are purged this many years after their campaign.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "var" / "private"))
LABELS_RETENTION_YEARS = int(os.environ.get("LABELS_RETENTION_YEARS", "3"))
# What one account, one e-mail address or one network address may ask (accounts/limits.py, labels/limits.py), each
# overridable by the environment variable LABELS_<NAME>; counted in the database, whatever the worker process.
LABELS_LIMITS = {name: int(os.environ.get(f"LABELS_{name}", default)) for name, default in {
    "SIGNUPS_PER_HOUR": 10,  # sign-ups per network address
    "SIGNUP_EMAILS_PER_ADDRESS_PER_HOUR": 3,  # sign-up confirmations, or "you already have an account" notices
    "RESETS_PER_ADDRESS_PER_HOUR": 3,  # password resets an address receives, known or not
    "RESETS_PER_IP_PER_HOUR": 20,  # password resets asked from one network address
    "INVITATIONS_PER_ACCOUNT_PER_DAY": 10,  # co-editor invitations an account sends
    "INVITATIONS_PER_ADDRESS_PER_DAY": 3,  # co-editor invitations an address receives, whoever sends them
    "COEDITORS_PER_APPLICATION": 10,
    "AGENT_INVITATIONS_PER_ACCOUNT_PER_DAY": 30,  # agents a référent invites
    "VERIFICATION_REQUESTS_PER_ACCOUNT_PER_DAY": 3,  # requests to the team to be recognised as an agent
    "LIBRARY_ERROR_REPORTS_PER_ACCOUNT_PER_DAY": 5,  # "signaler une erreur" in the AI library, e-mailed to owners
    "RESOURCE_REPORTS_PER_ACCOUNT_PER_DAY": 5,  # "signaler un problème" on a resource, e-mailed to staff
    "RECEIPTS_PER_DAY": 20,  # submission receipts per account, and per contact address
    "DRAFTS_PER_CAMPAIGN": 3,  # applications in progress per account and campaign (withdrawn ones aside)
    "STORAGE_MB_PER_ACCOUNT": 100,  # attachments an account uploaded, all applications together
    "ARCHIVE_ENTRIES": 1000,  # files inside an office document (a ZIP: DOCX, ODT)
    "ARCHIVE_MB_UNCOMPRESSED": 100,  # an office document's size once decompressed, as its ZIP declares it
    "ACCESS_REQUESTS_PER_ACCOUNT_PER_DAY": 5,  # expert access requests to the AI library's projects
    "CONTACT_MESSAGES_PER_ACCOUNT_PER_DAY": 5,  # messages relayed to the library's contacts, per sender
    "CONTACT_MESSAGES_PER_RECIPIENT_PER_DAY": 10,  # and per contact, whoever writes
    "COMMUNITY_POSTS_PER_HOUR": 20,  # posts (new topics included) one account publishes in the community
    "COMMUNITY_REPORTS_PER_DAY": 10,  # posts one account reports to the community's moderators
}.items()}
# Login logs (django-axes) and finished background task rows are kept this many days (purge_personal_data).
LOGS_RETENTION_DAYS = int(os.environ.get("LOGS_RETENTION_DAYS", "7"))

WAGTAIL_SITE_NAME = "Les Interconnectés"
# An account's e-mail address is its login and where its password resets go: Wagtail's account page must not
# change it unconfirmed (labels/coeditors.py no longer trusts addresses, but nothing else should either).
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
# Plain ASCII slugs ("ia-frugale-et-territoires-a-lyon"), like the demo's: no percent-encoded accents in URLs.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "webp", "gif": "webp", "png": "webp", "jpeg": "webp"}
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "ods", "docx", "xlsx", "csv", "txt"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# Rich text limited to what a sober, accessible page needs: h2-h4 headings.
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "interconnectes.rich_text.TolerantDraftailRichTextArea",
        "OPTIONS": {"features": ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]},
    }
}

# Who gets the site's errors by e-mail ("Nom <adresse>, …"); the 500 page says the team was told only then.
ADMINS = admins(os.environ)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Every handler masks passwords, tokens and e-mail addresses (interconnectes/logging_filters.py).
    "filters": {"mask_secrets": {"()": "interconnectes.logging_filters.MaskSecrets"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["mask_secrets"]},
        # Errors (a server error, a failed task) by e-mail to ADMINS, masked like the rest; nothing without ADMINS.
        "mail_admins": {"class": "interconnectes.logging_filters.MaskedAdminEmailHandler", "level": "ERROR",
                        "filters": ["mask_secrets"]},
    },
    "root": {"handlers": ["console", "mail_admins"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    # Django's loggers lose Django's default handlers (the unmasked DEBUG console, mail_admins) and reach
    # the masked root handler instead.
    "loggers": {
        "django": {"handlers": [], "level": os.environ.get("LOG_LEVEL", "WARNING"), "propagate": True},
        "django.server": {"handlers": [], "level": "INFO", "propagate": True},
    },
}

# --- Request size limits ---------------------------------------------------------------------------
# Oversized requests are refused with a 400 before any view runs. The field count leaves room for the
# admin's largest form (a Journée expert with its full programme posts about 500 fields; a two-day
# Forum twice that); an applicant's step posts about 20.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 5000
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # 2.5 MB of form data, files excepted (Django's default, made explicit)
DATA_UPLOAD_MAX_NUMBER_FILES = 20

# --- HTTP caching, frontend cache, security headers ------------------------------------------------
# Public pages of anonymous visitors may be kept by browsers for 5 minutes and by a CDN for 10, served
# stale for a minute while the CDN refetches, and for a day if the app servers are down. Anything
# personal is `private, no-store` (interconnectes/cache_headers.py). With a frontend cache purge
# configured (below), S_MAXAGE can be raised: publishing a page purges its URL from the CDN.
HTTP_CACHE = {
    "MAX_AGE": int(os.environ.get("HTTP_CACHE_MAX_AGE", "300")),
    "S_MAXAGE": int(os.environ.get("HTTP_CACHE_S_MAXAGE", "600")),
    "STALE_WHILE_REVALIDATE": int(os.environ.get("HTTP_CACHE_STALE_WHILE_REVALIDATE", "60")),
    "STALE_IF_ERROR": int(os.environ.get("HTTP_CACHE_STALE_IF_ERROR", "86400")),
    # The Wagtail admin, applicants' accounts and applications, the jury's pages, Wagtail's
    # login and password forms of restricted pages.
    "PRIVATE_PATH_PREFIXES": ["/admin/", "/compte/", "/candidatures/", "/jury/", "/_util/"],
}

# Sessions of the accounts that can do the most (editors, campaign staff, jurors): they end after this long
# without a request, and this long after the log-in whatever the activity (interconnectes/privileged_sessions.py).
PRIVILEGED_SESSIONS = {
    "IDLE_SECONDS": int(os.environ.get("PRIVILEGED_SESSION_IDLE_SECONDS", str(30 * 60))),
    "ABSOLUTE_SECONDS": int(os.environ.get("PRIVILEGED_SESSION_ABSOLUTE_SECONDS", str(10 * 60 * 60))),
}

# Whole pages kept for readers without a session (interconnectes/page_cache.py); 0 turns it off. A minute bounds
# how late a page shows what follows the clock; anything an editor changes is seen at once.
# Past this many public pages, sitemap.xml is an index of one sitemap per section (interconnectes/sitemaps.py).
SITEMAP = {"SECTIONS_FROM": 3000}
PAGE_CACHE = {"SECONDS": int(os.environ.get("PAGE_CACHE_SECONDS", "60"))}

# How many proxies (CDN, load balancer) stand in front of the app servers and append to X-Forwarded-For:
# 0 (served directly, or by a proxy that sets REMOTE_ADDR itself) trusts no header.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Purge of a CDN when pages are published (FRONTEND_CACHE_BACKEND=cloudflare|cloudfront|http); off when unset.
WAGTAILFRONTENDCACHE = frontend_cache_settings(os.environ)
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")

# Content-Security-Policy (django-csp 4): no inline script or style on the public site; an inline
# script needs nonce="{{ request.csp_nonce }}" (never inside a cached fragment: the nonce changes on
# every response). Production adds the media origin to img-src when media live on S3.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}
# The Wagtail admin still has inline scripts and style attributes, shows uploads before sending them
# (blob: images) and frames its own previews: under this prefix these directives replace the public ones.
ADMIN_CONTENT_SECURITY_POLICY = {
    "PATH_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "script-src": [SELF, "'unsafe-inline'"],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:"],
        "frame-ancestors": [SELF],
    },
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Browser features no page of the site uses, refused to every page and frame (interconnectes/security_headers.py).
PERMISSIONS_POLICY = {feature: [] for feature in (
    "accelerometer", "ambient-light-sensor", "autoplay", "battery", "bluetooth", "browsing-topics", "camera",
    "display-capture", "document-domain", "geolocation", "gyroscope", "hid", "idle-detection", "magnetometer",
    "microphone", "midi", "payment", "publickey-credentials-get", "screen-wake-lock", "serial", "usb",
    "xr-spatial-tracking",
)}
# No request from editors' browsers to other hosts either: no Gravatar, no check for new Wagtail releases.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
