"""What the HTTP benchmarks share: a throwaway database, production-like settings, gunicorn on loopback.

`load.py` and `deadline_rush.py` import it (it sits next to them, on the
script's path). Nothing here touches the developer's database, media or
collected static files: everything lives in a temporary directory, or in a
database created for the run and dropped after it.
"""

import contextlib
import http.client
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))

# Production settings, with static files collected into the run's directory (STATIC_ROOT is not an
# environment variable: production collects once per release into var/static).
SETTINGS = '''from interconnectes.settings.production import *  # noqa: F403
STATIC_ROOT = {static!r}
'''


@contextlib.contextmanager
def throwaway_database(workdir: Path, name: str, *, require_postgresql=False):
    """The URL of an empty database: on DATABASE_URL's server when it is set, else a SQLite file in workdir."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        if require_postgresql:
            sys.exit("DATABASE_URL doit désigner un serveur PostgreSQL (postgres://utilisateur@hôte:port/base).")
        yield f"sqlite:///{workdir / 'bench.sqlite3'}"
        return
    import psycopg

    parts = urlsplit(url)
    database = f"{name}_{os.getpid()}"
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{database}"')
    try:
        yield urlunsplit(parts._replace(path=f"/{database}"))
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def environment(workdir: Path, database_url: str) -> dict:
    """Production-like settings (DEBUG off, hashed static files, no demo command) on this run's data only."""
    (workdir / "bench_settings.py").write_text(SETTINGS.format(static=str(workdir / "static")))
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("AWS_", "REDIS_", "FRONTEND_CACHE_", "DJANGO_", "GUNICORN_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="bench_settings",
        PYTHONPATH=os.pathsep.join([str(workdir), str(ROOT)]),
        SECRET_KEY=secrets.token_urlsafe(50),  # throwaway, for this run only
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="0",  # plain HTTP on loopback; a reverse proxy terminates TLS in production
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(workdir / "media"),
        PRIVATE_MEDIA_ROOT=str(workdir / "private"),
        LOG_LEVEL="ERROR",  # server errors only, on this terminal
    )
    return env


def manage(env: dict, *args, settings=None):
    """Run a management command in a subprocess (optionally with other settings), fail loudly."""
    env = dict(env, DJANGO_SETTINGS_MODULE=settings or env["DJANGO_SETTINGS_MODULE"])
    result = subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode:
        sys.exit(f"manage.py {' '.join(args)} a échoué :\n{result.stdout}\n{result.stderr}")
    return result.stdout


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def gunicorn(env: dict, workdir: Path):
    """gunicorn on 127.0.0.1 with the project's gunicorn.conf.py (workers, threads); yields its port."""
    port = free_port()
    config = ["-c", str(ROOT / "gunicorn.conf.py")] if (ROOT / "gunicorn.conf.py").exists() else []
    command = [GUNICORN, *config, "interconnectes.wsgi:application", "--bind", f"127.0.0.1:{port}",
               "--access-logfile", "/dev/null", "--error-logfile", str(workdir / "gunicorn.log")]
    # No access log: gunicorn.conf.py's logging config would print a line per request among the figures.
    # No restart after GUNICORN_MAX_REQUESTS: at a thousand requests a second every worker would restart every few
    # seconds, putting the import of Django and of the site, and caches of the process emptied, into the figures;
    # in production a worker restarts after hours of real traffic.
    quiet = {"GUNICORN_ACCESS_LOG": "", "GUNICORN_MAX_REQUESTS": "0"}
    process = subprocess.Popen(command, cwd=ROOT, env={**env, **quiet}, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if get(port, "/robots.txt")[0] == 200:
                    break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                sys.exit(f"gunicorn n'a pas démarré :\n{(workdir / 'gunicorn.log').read_text()}")
            time.sleep(0.2)
        yield port
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=60)


def get(port: int, path: str):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def percentile(values, fraction):
    """The value below which `fraction` of the sorted values fall (nearest rank); None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]
