"""gunicorn settings of an app server: `gunicorn -c gunicorn.conf.py` (values read from the environment).

App servers keep no state of their own (sessions and tasks in PostgreSQL,
cache in Redis, media in S3), so as many as needed run behind the CDN and
the load balancer. Each runs `GUNICORN_WORKERS` processes of
`GUNICORN_THREADS` threads: threads let a worker wait on the database or
on S3 without holding a whole process, and keep-alive connections from the
load balancer cheap.
"""

import gc
import os

wsgi_app = "interconnectes.wsgi:application"

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# 2 processes per core is the usual ceiling for Django; threads do the waiting.
workers = int(os.environ.get("GUNICORN_WORKERS", str(2 * (os.cpu_count() or 1))))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
worker_class = "gthread"

# A page takes well under a second; 30 s only cuts a stuck request (an export or a 10 MB upload
# arrives already buffered by the reverse proxy). The graceful delay lets running requests end on reload.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
# Longer than the load balancer's idle timeout is the usual advice; most default to 60 s.
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "75"))

# Restart workers now and then: any slow leak stays bounded. The jitter keeps them from restarting together.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "200"))

# Trust X-Forwarded-Proto (HTTPS detection) only from the reverse proxy in front of this server.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


def post_worker_init(worker):
    """Put what the worker loaded at start (Django, Wagtail, the site's modules and settings) out of the garbage
    collector's reach: it lives as long as the process, and each full collection would walk it again, in the
    middle of a request that allocates much (a tenth of a second of a national jury's ranking)."""
    gc.freeze()


# Logs on the standard streams, for the process manager to collect.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")

# Every line goes through the application's masking filter (interconnectes/logging_filters.py): the
# paths of activation and password-reset links carry tokens, query strings may carry e-mail addresses.
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"mask_secrets": {"()": "interconnectes.logging_filters.MaskSecrets"}},
    "formatters": {"generic": {"format": "%(asctime)s [%(process)d] [%(levelname)s] %(message)s",
                               "datefmt": "[%Y-%m-%d %H:%M:%S %z]"}},
    "handlers": {
        "access": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "filters": ["mask_secrets"]},
        "error": {"class": "logging.StreamHandler", "stream": "ext://sys.stderr", "formatter": "generic",
                  "filters": ["mask_secrets"]},
    },
    "loggers": {
        "gunicorn.error": {"level": loglevel.upper(), "handlers": ["error"], "propagate": False},
        "gunicorn.access": {"level": "INFO", "handlers": ["access"] if accesslog else [], "propagate": False},
    },
    "root": {"level": "WARNING", "handlers": []},
}

# Heartbeat files in memory rather than on a possibly slow disk (gunicorn's advice; they hold no data).
SHARED_MEMORY = "/dev/shm"  # nosec B108 # workers' heartbeat files only, created by gunicorn itself
if os.path.isdir(SHARED_MEMORY):
    worker_tmp_dir = SHARED_MEMORY
