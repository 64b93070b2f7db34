"""Security headers: a strict Content-Security-Policy on every page readers and applicants see.

The policy allows no inline script or style; these tests render every page
type of the demo site (twice, the second time from the warm fragment cache)
and check that nothing in them would be refused: no `style` attribute, no
`<style>` or `<script>` without the response's nonce, no inline handler, no
resource from another host.
"""

from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Page

from interconnectes.security_headers import is_admin_path, permissions_policy

DATA_SCRIPT_TYPES = {"application/ld+json", "application/json"}  # data blocks: never run, not subject to CSP


def policy(response):
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = set(values)
    return directives


def nonce_of(response):
    values = [v for v in policy(response).get("script-src", set()) if v.startswith("'nonce-")]
    return values[0][len("'nonce-"):-1] if values else None


STRICT = {
    "default-src": {"'self'"},
    "img-src": {"'self'", "data:"},
    "font-src": {"'self'"},
    "connect-src": {"'self'"},
    "frame-ancestors": {"'none'"},
    "form-action": {"'self'"},
    "base-uri": {"'self'"},
    "object-src": {"'none'"},
}


def assert_strict(response):
    directives = policy(response)
    for name, values in STRICT.items():
        assert directives[name] == values, (name, directives)
    for name in ("script-src", "style-src"):
        assert "'self'" in directives[name]
        assert not directives[name] & {"'unsafe-inline'", "'unsafe-eval'", "*"}, (name, directives)
        assert all(v == "'self'" or v.startswith("'nonce-") for v in directives[name]), (name, directives)
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def same_origin(address):
    """Relative, or protocol-relative to the site's own host (Wagtail's user bar writes //host/static/…)."""
    return urlsplit(address).netloc in {"", "testserver"}


def assert_allowed_by_policy(response, url):
    """Nothing the strict policy would block: checked on the HTML itself."""
    html = BeautifulSoup(response.content, "html.parser")
    nonce = nonce_of(response)
    styled = [str(tag)[:120] for tag in html.find_all(style=True)]
    assert not styled, f"{url}: style attributes {styled}"
    handlers = [str(tag)[:120] for tag in html.find_all(True) if any(a.lower().startswith("on") for a in tag.attrs)]
    assert not handlers, f"{url}: inline event handlers {handlers}"
    for tag in html.find_all("style"):
        assert nonce and tag.get("nonce") == nonce, f"{url}: <style> without the response's nonce"
    for tag in html.find_all("script"):
        if tag.get("src"):
            assert same_origin(tag["src"]), f"{url}: script from another host {tag['src']}"
        elif tag.get("type") not in DATA_SCRIPT_TYPES:
            assert nonce and tag.get("nonce") == nonce, f"{url}: inline <script> without the response's nonce"
    for tag in html.select("link[rel~=stylesheet], img[src], source[srcset], iframe, object, embed"):
        address = tag.get("href") or tag.get("src") or tag.get("srcset") or tag.get("data") or ""
        assert same_origin(address) or address.startswith("data:"), f"{url}: {tag.name} from {address}"
    assert "javascript:" not in response.content.decode().lower(), url


# --- Headers on a public page, a form and the admin --------------------------------------------------

@pytest.mark.django_db
def test_a_public_page_has_the_strict_policy(client, home):
    response = client.get("/")
    assert_strict(response)
    assert nonce_of(response) is None  # no inline script on the page: no nonce offered either


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["accounts:login", "accounts:signup", "accounts:password_reset"])
def test_applicant_forms_have_the_strict_policy(client, home, name):
    assert_strict(client.get(reverse(name)))


@pytest.mark.django_db
def test_the_admin_has_the_relaxed_policy_only_there_and_the_jury_pages_keep_the_strict_one(client, home):
    editor = get_user_model().objects.create_superuser("redaction", "redaction@example.org", "mot de passe solide")
    client.force_login(editor)
    for url in ("/admin/", reverse("jury_member:index"), reverse("wagtailadmin_pages:edit", args=[home.pk])):
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        directives = policy(response)
        assert directives["script-src"] == {"'self'", "'unsafe-inline'"}, url
        assert directives["style-src"] == {"'self'", "'unsafe-inline'"}, url
        assert directives["frame-ancestors"] == {"'self'"}, url  # the admin frames its own previews
        assert directives["object-src"] == {"'none'"} and directives["base-uri"] == {"'self'"}, url
        assert directives["default-src"] == {"'self'"} and directives["form-action"] == {"'self'"}, url
    # The jury's pages (outside the admin), where staff and jurors read what applicants typed, run no inline
    # script or style.
    response = client.get(reverse("jury:home"))
    assert response.status_code == 200
    assert_strict(response)
    assert_allowed_by_policy(response, reverse("jury:home"))
    # The same logged-in editor gets the strict policy on the public site (the user bar is external files).
    response = client.get("/")
    assert_strict(response)
    assert 'id="wagtail-userbar-template"' in response.content.decode()
    assert_allowed_by_policy(response, "/ (editor)")


@pytest.mark.django_db
def test_previews_keep_the_strict_policy_but_may_be_framed_by_the_admin(home, rf):
    response = home.make_preview_request(rf.get("/admin/pages/%d/edit/preview/" % home.pk))
    directives = policy(response)
    assert directives["frame-ancestors"] == {"'self'"}
    assert directives["script-src"] == {"'self'"} and directives["style-src"] == {"'self'"}
    assert "private" in response["Cache-Control"]


def test_admin_prefix_is_a_prefix_of_the_path():
    assert is_admin_path("/admin/jury/tours/", ["/admin/"])
    assert not is_admin_path("/administration-publique/", ["/admin/"])
    assert not is_admin_path("/jury/", ["/admin/"])


@pytest.mark.django_db
def test_a_nonce_used_by_a_template_reaches_the_header(rf):
    from django.template import engines

    from interconnectes.security_headers import SiteCSPMiddleware

    def view(request):
        from django.http import HttpResponse

        template = engines["django"].from_string('<script nonce="{{ request.csp_nonce }}">1</script>')
        return HttpResponse(template.render({}, request))

    request = rf.get("/")
    response = SiteCSPMiddleware(view)(request)
    nonce = nonce_of(response)
    assert nonce and f'nonce="{nonce}"' in response.content.decode()
    assert f"'nonce-{nonce}'" in policy(response)["style-src"]


# --- Every page type of the demo site ------------------------------------------------------------------

def public_urls():
    urls = [page.url for page in Page.objects.live().filter(depth__gt=1).specific()]
    return sorted({url for url in urls if url}) + ["/recherche/?q=numérique", "/page-qui-n-existe-pas/",
                                                     "/compte/connexion/", "/compte/inscription/",
                                                     "/compte/mot-de-passe/oublie/"]


def applicant_urls():
    from labels.models import Application

    urls = [reverse("labels:dashboard"), reverse("accounts:privacy"), reverse("accounts:password_change")]
    for application in Application.objects.filter(owner__username="candidate@example.org"):
        urls += [reverse("labels:step", args=[application.pk, slug])
                 for slug in ("organisation", "projet", "impact", "pieces-jointes", "recapitulatif")]
    return urls


def check_pages(client, urls):
    checked = 0
    for url in urls:
        for _ in range(2):  # cold, then with the header and footer from the fragment cache
            response = client.get(url)
            if response.status_code in {301, 302}:
                break
            assert response.status_code in {200, 404}, url
            if not response["Content-Type"].startswith("text/html"):
                break
            assert_strict(response)
            assert_allowed_by_policy(response, url)
            checked += 1
    return checked


# --- Permissions-Policy ----------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_every_kind_of_response_refuses_the_browser_features_no_page_uses(client, home):
    editor = get_user_model().objects.create_superuser("redaction", "redaction@example.org", "mot de passe solide")
    answers = [client.get("/"), client.get("/"), client.get("/nulle-part/"), client.get(reverse("accounts:login")),
               client.get("/robots.txt")]  # the second home page comes from the page cache
    client.force_login(editor)
    answers += [client.get("/admin/"), client.get(reverse("jury:home"))]
    for response in answers:
        features = dict(part.strip().split("=", 1) for part in response["Permissions-Policy"].split(","))
        assert {features[name] for name in ("camera", "microphone", "geolocation", "payment", "usb")} == {"()"}
        assert features["browsing-topics"] == "()"  # no ad-interest topics either


def test_the_permissions_policy_header_lists_each_feature_with_its_origins():
    assert permissions_policy({"camera": [], "fullscreen": ["self"]}) == "camera=(), fullscreen=(self)"
