"""Routes remembered (interconnectes/routing.py): a page's known address is routed without a query of its own,
and every path answers as Wagtail's walk of the page tree does, sub-addresses and missing pages included; every
change to the tree is followed at the next request (tests/interconnectes/test_content_cache.py moves, restricts,
unpublishes and deletes pages read before)."""

import pytest
from django.core.cache import cache
from django.test import RequestFactory
from wagtail.models import Page, PageViewRestriction, Site

from events.models import JourneeExpertPage
from interconnectes import routing
from interconnectes.models import SiteSettings
from tests.events.factories import EventIndexPageFactory, JourneeExpertPageFactory, TourPageFactory

pytestmark = pytest.mark.django_db

PATHS = [
    "/", "/agenda/", "/agenda/intervenants/", "/agenda/ical/", "/agenda/tournee/", "/agenda/tournee/lyon/",
    "/agenda/tournee/lyon/ical/", "/agenda/nulle-part/", "/agenda/tournee/lyon/rien/", "/nulle-part/",
]


@pytest.fixture
def stop(home):
    agenda = EventIndexPageFactory(parent=home, slug="agenda")
    tour = TourPageFactory(parent=agenda, slug="tournee")
    SiteSettings.for_site(home.get_site())  # created by the first request otherwise, which moves the version
    return JourneeExpertPageFactory(parent=tour, slug="lyon", title="Journée expert à Lyon")


def answer(route):
    """What a route leads to: the page, and for a page's own sub-address the name of its view and arguments."""
    if route is None:
        return None
    page, args, kwargs = route
    if args:  # a routable page: (view, its args, its kwargs)
        view, view_args, view_kwargs = args
        args = (view.__name__, tuple(view_args), view_kwargs)
    return type(page).__name__, page.pk, args, kwargs


@pytest.mark.parametrize("path", PATHS)
def test_a_path_leads_where_wagtails_walk_leads_the_first_time_and_the_next(stop, path):
    walked = answer(Page.route_for_request(RequestFactory().get(path), path))
    first = answer(routing.route_for_request(RequestFactory().get(path), path))
    known = answer(routing.route_for_request(RequestFactory().get(path), path))
    assert first == known == walked
    assert (walked is None) is ("nulle-part" in path or path.endswith("rien/"))


def test_a_known_path_costs_the_site_of_the_request_only(stop, django_assert_num_queries):
    path = stop.url
    with django_assert_num_queries(8):  # the site, the home page, then the child and its type at each level
        routing.route_for_request(RequestFactory().get(path), path)
    with django_assert_num_queries(1):
        route = routing.route_for_request(RequestFactory().get(path), path)
    assert isinstance(route.page, JourneeExpertPage) and route.page.title == "Journée expert à Lyon"


@pytest.mark.parametrize("path", ["/agenda/nulle-part/", "/agenda/intervenants/n-importe-qui/",
                                  "/agenda/tournee/lyon/ical/"])
def test_only_a_pages_own_address_is_remembered(stop, path):
    """A path that leads nowhere, or to a page's sub-address (any slug matches a speaker's), is walked each time:
    otherwise made-up addresses would fill the cache."""
    site = Site.objects.get(is_default_site=True)
    routing.route_for_request(RequestFactory().get(path), path)
    assert cache.get(routing.route_key(site, [part for part in path.split("/") if part])) is None
    assert cache.get(routing.route_key(site, ["agenda", "tournee", "lyon"])) is None
    routing.route_for_request(RequestFactory().get(stop.url), stop.url)
    assert cache.get(routing.route_key(site, ["agenda", "tournee", "lyon"])) is not None


def test_an_address_of_any_length_makes_a_key_of_fixed_length(stop):
    site = Site.objects.get(is_default_site=True)
    assert len(routing.route_key(site, ["segment" * 100] * 20)) == len(routing.route_key(site, ["agenda"])) < 100


def test_a_page_left_unpublished_while_its_route_is_known_is_not_found(client, stop, settings):
    settings.PAGE_CACHE = {"SECONDS": 0}
    assert client.get(stop.url).status_code == 200
    JourneeExpertPage.objects.get(pk=stop.pk).unpublish()
    assert client.get(stop.url).status_code == 404


@pytest.mark.parametrize("kind", [PageViewRestriction.LOGIN, PageViewRestriction.PASSWORD])
def test_a_restricted_page_is_restricted_again_when_its_route_is_known(client, stop, settings, kind):
    """The view restrictions are checked after routing, on the remembered page as on a walked one."""
    settings.PAGE_CACHE = {"SECONDS": 0}
    PageViewRestriction.objects.create(page=stop.get_parent(), restriction_type=kind, password="secret")
    for _ in range(2):
        response = client.get(stop.url)
        if kind == PageViewRestriction.LOGIN:
            assert response.status_code == 302 and "next=" in response["Location"]
        else:
            assert 'name="password"' in response.text and "Journée expert à Lyon" not in response.text
