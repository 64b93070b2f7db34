"""The site's one public address, for every absolute link it gives out.

Pages, sitemaps, feeds, JSON-LD, calendar files and e-mails all link to the
Wagtail Site's root URL (Paramètres › Sites in the admin: its host name and
port), never to the host a request happened to name: a link in an e-mail or
a calendar must keep working wherever the request that caused it came from
(a load balancer's address, "localhost", a second domain). Outside a request
(tasks, commands) the default Site is read. `WAGTAILADMIN_BASE_URL` is only
the fallback before any Site exists and the address `load_demo_content`
gives the demo's Site, so that links match what `make run` serves.
"""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Site


def root_url(request=None) -> str:
    """"https://www.example.org", without the trailing slash: the request's Site, else the default one."""
    site = Site.find_for_request(request) if request is not None else \
        Site.objects.filter(is_default_site=True).first()
    return (site.root_url if site is not None else settings.WAGTAILADMIN_BASE_URL).rstrip("/")


def absolute(path: str, request=None) -> str:
    """`path` ("/agenda/") on the site's address; a URL that is already absolute is left as it is."""
    return path if path.startswith(("http://", "https://")) else root_url(request) + path


def site_address(base_url: str) -> tuple[str, int]:
    """The Site's host name and port for a base URL: Wagtail's `Site.root_url` reads 443 as https, 80 as http.

    >>> site_address("http://127.0.0.1:8000")
    ('127.0.0.1', 8000)
    >>> site_address("https://www.interconnectes.fr")
    ('www.interconnectes.fr', 443)
    """
    parts = urlsplit(base_url)
    return parts.hostname or "localhost", parts.port or (443 if parts.scheme == "https" else 80)
