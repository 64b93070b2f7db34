"""Fewer queries to reach a page, the same answers as Wagtail: the site lookup and the children's routing."""

import pytest
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.models.sites import get_site_for_hostname

from interconnectes.models import HomePage, StandardPage
from interconnectes.sites import all_sites, site_for_hostname, site_root_paths
from interconnectes.specific_pages import row_path
from tests.factories import HomePageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def wagtails_site(hostname, port):
    try:
        return get_site_for_hostname(hostname, port).pk
    except Site.DoesNotExist:
        return None


@pytest.fixture
def sites(home):
    """The default site and three others, two of them on one hostname."""
    other_home = HomePageFactory(parent=Page.get_first_root_node(), slug="autre-accueil", title="Autre accueil")
    for hostname, port in [("www.example.org", 80), ("www.example.org", 8080), ("autre.example.org", 80)]:
        Site.objects.create(hostname=hostname, port=port, root_page=other_home)
    return other_home


@pytest.mark.parametrize("default", [True, False], ids=["with-default", "without-default"])
def test_the_site_is_wagtails_choice_for_every_host_and_port(sites, default):
    Site.objects.filter(is_default_site=True).update(is_default_site=default)
    read = all_sites()
    for hostname in ("localhost", "www.example.org", "autre.example.org", "inconnu.example.org"):
        for port in (80, 443, 8080):
            chosen = site_for_hostname(read, hostname, port)
            assert (chosen and chosen.pk) == wagtails_site(hostname, port), (hostname, port)


def test_one_query_reads_every_site_with_its_home_page_and_the_root_paths(sites):
    with CaptureQueriesContext(connection) as queries:
        read = all_sites()
        assert all(isinstance(site.root_page, HomePage) for site in read)
        assert {site.root_page.hero_title for site in read} == {HomePageFactory.hero_title}
        paths = site_root_paths(read)
    assert len(queries) == 1
    Site.clear_site_root_paths_cache()
    assert paths == Site.get_site_root_paths()


def test_each_hostname_is_served_its_own_site(client, sites):
    StandardPageFactory(parent=sites, slug="a-propos", title="À propos du second site")
    assert "À propos du second site" in client.get("/a-propos/", HTTP_HOST="autre.example.org").content.decode()
    assert client.get("/a-propos/").status_code == 404  # the default site has no such page


def test_a_child_is_read_as_its_own_class_in_one_query(rf, home):
    about = StandardPageFactory(parent=home, slug="a-propos")
    team = StandardPageFactory(parent=about, slug="equipe")
    request = rf.get("/a-propos/equipe/")
    with CaptureQueriesContext(connection) as queries:
        page, _args, _kwargs = home.route(request, ["a-propos", "equipe"])
    assert len(queries) == 2  # one per level, where Wagtail takes two
    assert type(page) is StandardPage and page.pk == team.pk and page.intro == team.intro
    assert page.get_parent().pk == about.pk and page.get_parent().get_parent() is home
    with pytest.raises(Http404):
        home.route(request, ["a-propos", "inconnue"])


def test_routing_keeps_wagtails_rules_for_drafts_and_restrictions(client, home):
    unpublished = StandardPageFactory(parent=home, slug="en-travaux", live=False)
    StandardPageFactory(parent=unpublished, slug="publiee", title="Page publiée")
    assert client.get("/en-travaux/").status_code == 404
    assert "Page publiée" in client.get("/en-travaux/publiee/").content.decode()  # as Wagtail: the page is live
    private = StandardPageFactory(parent=home, slug="reservee", title="Réservée")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    assert 'name="password"' in client.get("/reservee/").content.decode()


def test_the_path_to_a_page_classes_own_row():
    from events.models import ForumPage  # noqa: PLC0415

    assert row_path(StandardPage) == "standardpage"
    assert row_path(ForumPage) == "eventpage__forumpage"
