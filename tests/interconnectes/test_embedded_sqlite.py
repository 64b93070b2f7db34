"""The embedded SQLite default under an editor: autosave and publication never collide, conflicts are Wagtail's.

Whatever database the suite runs on, these tests start the site on a SQLite
file of their own, as `make run` does (the settings' SQLite options: WAL
journal, IMMEDIATE transactions, a busy timeout), served by gunicorn with
several threads, so that requests really run at the same time on separate
connections. Editors are logged in by sessions written beforehand.
"""

import http.client
import json
import os
import secrets
import signal
import socket
import string
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

import pytest
from wagtail.test.utils.form_data import querydict_from_html

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
SETTINGS = '''from interconnectes.settings.dev import *  # noqa: F403
DEBUG = False
'''
SETUP = '''
import json
from importlib import import_module
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from wagtail.models import Page, Site
from interconnectes.models import HomePage, StandardPage

root = Page.get_first_root_node()
home = root.add_child(instance=HomePage(title="Accueil", slug="accueil", hero_title="Bienvenue"))
site = Site.objects.get(is_default_site=True)
site.root_page = home
site.save()
Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
page = home.add_child(instance=StandardPage(title="À propos", slug="a-propos", intro="Première version."))
page.save_revision().publish()
editor = get_user_model().objects.create_superuser("redaction", "redaction@example.org", "un mot de passe solide")
sessions = []
for _ in range(2):
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session.update({SESSION_KEY: str(editor.pk), HASH_SESSION_KEY: editor.get_session_auth_hash(),
                    BACKEND_SESSION_KEY: "django.contrib.auth.backends.ModelBackend"})
    session.create()
    sessions.append(session.session_key)
print(json.dumps({"page": page.pk, "sessions": sessions}))
'''


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env, *args) -> str:
    result = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout


class Editor:
    """One browser of an editor: its session and CSRF cookies, its own connection for each request."""

    def __init__(self, port, session_key):
        self.port = port
        self.csrf = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(32))
        self.cookies = f"sessionid={session_key}; csrftoken={self.csrf}"

    def request(self, method, path, data=None, accept="text/html"):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {"Cookie": self.cookies, "Accept": accept, "Host": "127.0.0.1"}
        body = None
        if data is not None:
            body = urlencode({**data, "csrfmiddlewaretoken": self.csrf}, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            return response.status, response.read().decode()
        finally:
            connection.close()

    def edit_form(self, page_id) -> dict:
        """The page's edit form as the editor's browser would post it (every field, as loaded).

        The page's body is empty: its block editor, drawn by the admin's scripts, would post no block.
        """
        status, html = self.request("GET", f"/admin/pages/{page_id}/edit/")
        assert status == 200, html[:500]
        form = {key: values for key, values in querydict_from_html(html, form_id="page-edit-form").lists()}
        return {**form, "body-count": ["0"]}


@pytest.fixture(scope="module")
def embedded_site(tmp_path_factory):
    """The site on a SQLite file, as `make run` serves it, with a published page and two editor sessions."""
    workdir = tmp_path_factory.mktemp("embedded")
    (workdir / "embedded_settings.py").write_text(SETTINGS)
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "REDIS_"))}
    env.update(DJANGO_SETTINGS_MODULE="embedded_settings", PYTHONPATH=os.pathsep.join([str(workdir), str(ROOT)]),
               DATABASE_URL=f"sqlite:///{workdir / 'site.sqlite3'}", ALLOWED_HOSTS="127.0.0.1",
               MEDIA_ROOT=str(workdir / "media"), GUNICORN_WORKERS="1", GUNICORN_THREADS="4", LOG_LEVEL="ERROR")
    manage(env, "migrate", "--noinput", "-v", "0")
    facts = json.loads(manage(env, "shell", "-v", "0", "-c", SETUP))
    port = free_port()
    server = subprocess.Popen(
        [GUNICORN, "-c", str(ROOT / "gunicorn.conf.py"), "--bind", f"127.0.0.1:{port}",
         "--access-logfile", "/dev/null", "--error-logfile", str(workdir / "gunicorn.log")],
        cwd=ROOT, env=env, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if Editor(port, "").request("GET", "/robots.txt")[0] == 200:
                    break
            except OSError:
                pass
            assert server.poll() is None and time.monotonic() < deadline, (workdir / "gunicorn.log").read_text()
            time.sleep(0.2)
        yield port, facts, env
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)


def test_the_embedded_database_runs_in_wal_mode_with_immediate_transactions(embedded_site):
    _port, _facts, env = embedded_site
    script = ("from django.db import connection\n"
              "print(connection.cursor().execute('PRAGMA journal_mode').fetchone()[0], "
              "connection.transaction_mode, connection.settings_dict['OPTIONS']['timeout'])")
    assert manage(env, "shell", "-v", "0", "-c", script).split() == ["wal", "IMMEDIATE", "20"]


def test_publishing_while_an_autosave_is_in_flight_never_fails(embedded_site):
    """Each round, one tab autosaves a draft while another publishes, started together: no 500, nothing lost."""
    port, facts, _env = embedded_site
    autosaving, publishing = Editor(port, facts["sessions"][0]), Editor(port, facts["sessions"][1])
    edit_url = f"/admin/pages/{facts['page']}/edit/"
    for round_number in range(6):
        draft, published = autosaving.edit_form(facts["page"]), publishing.edit_form(facts["page"])
        draft["intro"] = [f"Brouillon enregistré automatiquement {round_number}"]
        published["title"] = [f"À propos, version {round_number}"]
        published["action-publish"] = ["action-publish"]
        start, answers = threading.Barrier(2), {}

        def post(name, editor, data, accept, start=start, answers=answers):
            start.wait()
            answers[name] = editor.request("POST", edit_url, data, accept=accept)

        threads = [threading.Thread(target=post, args=("autosave", autosaving, draft, "application/json")),
                   threading.Thread(target=post, args=("publish", publishing, published, "text/html"))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert answers["publish"][0] == 302, answers["publish"][1][:2000]
        # The autosave either saved its draft, or was told by Wagtail that a newer version now exists.
        status, body = answers["autosave"]
        assert status in (200, 400), body[:2000]
        assert json.loads(body)["success"] is (status == 200)
        page_status, html = publishing.request("GET", "/a-propos/")
        assert page_status == 200 and f"À propos, version {round_number}" in html


def test_two_editors_on_one_page_get_wagtails_conflict_message(embedded_site):
    """The second tab's autosave, made on a version the first tab has since replaced, is refused by Wagtail."""
    port, facts, _env = embedded_site
    first, second = Editor(port, facts["sessions"][0]), Editor(port, facts["sessions"][1])
    edit_url = f"/admin/pages/{facts['page']}/edit/"
    stale = second.edit_form(facts["page"])
    newer = first.edit_form(facts["page"])
    newer["intro"] = ["Enregistré par le premier onglet."]
    status, body = first.request("POST", edit_url, newer, accept="application/json")
    assert status == 200 and json.loads(body)["success"] is True, body[:2000]
    stale["intro"] = ["Écrit dans le second onglet."]
    status, body = second.request("POST", edit_url, stale, accept="application/json")
    answer = json.loads(body)
    assert status == 400 and answer["success"] is False and answer["error_code"] == "invalid_revision", body
    assert answer["error_message"]  # Wagtail's own words, in French: a newer version would be overwritten
    form = second.edit_form(facts["page"])
    assert [value.strip() for value in form["intro"]] == ["Enregistré par le premier onglet."]
