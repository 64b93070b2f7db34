"""Wagtail's view restrictions, read from a cached index (interconnectes/restrictions.py, `BasePage`).

Every page type of the site inherits `BasePage.get_view_restrictions`: the
answers are Wagtail's (`Page.get_view_restrictions`), restricted pages and
sections ask anonymous readers to log in or for the password, aliases answer
with their source's restrictions; what changes is the cost, tested at the end.
"""

import datetime

import pytest
from django.core.cache import cache
from django.test import RequestFactory
from wagtail.models import Page, PageViewRestriction, Site

from interconnectes import clock
from labels.models import LabelCampaignPage, LabelIndexPage
from tests.events.factories import (
    EventIndexPageFactory,
    ForumPageFactory,
    JourneeExpertPageFactory,
    TourPageFactory,
)
from tests.factories import ManifestoIndexPageFactory, ManifestoPageFactory, StandardPageFactory
from tests.interconnectes.test_declarations import accessibility_page, ecodesign_page
from tests.labels.factories import LabelCampaignPageFactory, LabelIndexPageFactory, paris

pytestmark = pytest.mark.django_db

LOGIN, PASSWORD = PageViewRestriction.LOGIN, PageViewRestriction.PASSWORD


@pytest.fixture(autouse=True)
def _frozen_labels_clock(monkeypatch):
    monkeypatch.setattr(clock, "now", lambda: paris(2026, 3, 1, 10, 0))


@pytest.fixture
def site(home):
    """A page of each type, and the page each URL below serves (a sub-route serves its page)."""
    about = StandardPageFactory(parent=home, slug="a-propos", title="À propos")
    team = StandardPageFactory(parent=about, slug="equipe", title="L'équipe")
    manifestos = ManifestoIndexPageFactory(parent=home)
    manifesto = ManifestoPageFactory(parent=manifestos, slug="manifeste", title="Le manifeste")
    agenda = EventIndexPageFactory(parent=home)
    tour = TourPageFactory(parent=agenda, slug="journees", title="Tournée du Nord")
    stop = JourneeExpertPageFactory(parent=tour, slug="lille", title="Étape de Lille")
    forum = ForumPageFactory(parent=agenda, slug="forum", title="Le Forum")
    labels = LabelIndexPageFactory(parent=home)
    campaign = LabelCampaignPageFactory(parent=labels, slug="campagne", title="La campagne")
    pages = {
        "home": home, "about": about, "team": team, "manifestos": manifestos, "manifesto": manifesto,
        "agenda": agenda, "tour": tour, "stop": stop, "forum": forum, "labels": labels, "campaign": campaign,
        "accessibility": accessibility_page(home), "ecodesign": ecodesign_page(home),
    }
    urls = {name: page.url for name, page in pages.items()}
    urls.update({"agenda feed": agenda.url + "ical/", "stop feed": stop.url + "ical/",
                 "laureates": labels.url + "laureats/"})
    served = {"agenda feed": "agenda", "stop feed": "stop", "laureates": "labels"}
    return pages, urls, served


KINDS = ["home", "about", "team", "manifestos", "manifesto", "agenda", "agenda feed", "tour", "stop", "stop feed",
         "forum", "labels", "laureates", "campaign", "accessibility", "ecodesign"]


def restrict(page, kind=LOGIN):
    return PageViewRestriction.objects.create(page=page, restriction_type=kind,
                                              password="secret" if kind == PASSWORD else "")


def is_restricted(response, kind=LOGIN):
    if kind == LOGIN:
        return response.status_code == 302 and "next=" in response["Location"]
    return response.status_code == 200 and 'name="password"' in response.text


def routed(url):
    """The page Wagtail's serve view would serve for `url`, routed from a freshly read home page."""
    home = Site.objects.select_related("root_page").get(is_default_site=True).root_page.specific
    page, _args, _kwargs = home.route(RequestFactory().get(url), [part for part in url.split("/") if part])
    return page


def wagtails(page):
    """Wagtail's own answer for the same page, read on its own."""
    return set(Page.get_view_restrictions(Page.objects.get(pk=page.pk)))


# Restricted pages and sections --------------------------------------------------------------------------------


@pytest.mark.parametrize("restriction", [LOGIN, PASSWORD])
@pytest.mark.parametrize("kind", KINDS)
def test_a_restricted_page_asks_anonymous_readers_to_log_in_or_for_the_password(client, django_user_model, site,
                                                                                  kind, restriction):
    pages, urls, served = site
    client.get("/")  # the first request of a test creates the site settings rows
    restrict(pages[served.get(kind, kind)], restriction)
    response = client.get(urls[kind])
    assert is_restricted(response, restriction), (response.status_code, response.get("Location"))
    if restriction == LOGIN:
        client.force_login(django_user_model.objects.create_user("lectrice", "lectrice@example.org"))
        assert client.get(urls[kind]).status_code == 200


@pytest.mark.parametrize("ancestor", ["root", "home", "about", "manifestos", "agenda", "tour", "labels"])
def test_a_restricted_ancestor_restricts_the_pages_below_it_and_no_other(client, site, ancestor):
    pages, urls, served = site
    client.get("/")
    section = Page.get_first_root_node() if ancestor == "root" else pages[ancestor]
    restrict(section, PASSWORD)
    inside = {kind for kind in KINDS if pages[served.get(kind, kind)].path.startswith(section.path)}
    assert len(inside) > 1
    for kind in KINDS:
        response = client.get(urls[kind])
        assert response.status_code == 200, kind
        assert is_restricted(response, PASSWORD) is (kind in inside), kind
        if kind == "campaign":  # the password form, and nothing of the page
            assert ("Transition écologique" in response.text) is (kind not in inside)


def test_restricted_pages_are_left_out_of_their_sections_lists(client, django_user_model, site):
    pages, urls, _served = site
    private_stop = JourneeExpertPageFactory(parent=pages["tour"], slug="privee", title="Étape privée",
                                            start_date=datetime.date(2025, 7, 1))
    private_campaign = LabelCampaignPageFactory(parent=pages["labels"], title="Campagne réservée")
    restrict(private_stop)
    restrict(private_campaign)
    html = client.get(urls["stop"]).text
    assert "étape 1/1" in html and "Étape privée" not in html
    assert "Étape privée" not in client.get(urls["tour"]).text
    labels = client.get(urls["labels"]).text
    assert "La campagne" in labels and "Campagne réservée" not in labels

    restrict(pages["tour"])
    assert pages["tour"].title not in client.get(urls["agenda"]).text
    restrict(pages["labels"])
    client.force_login(django_user_model.objects.create_user("lectrice", "lectrice@example.org"))
    # As with `.public()`, a private section lists none of its pages, even to whoever may read them.
    assert "La campagne" not in client.get(urls["labels"]).text
    assert client.get(urls["campaign"]).status_code == 200


# Aliases: an alias answers with its source's restrictions, as in Wagtail ---------------------------------------


# Event pages are not aliased (their copy form offers no alias: events/admin_forms.py EventCopyForm, since an
# alias would share their unique calendar UIDs); a page below an aliased tour stands for them.
@pytest.mark.parametrize("kind", ["about", "team", "manifesto", "tour", "campaign"])
def test_an_alias_of_a_restricted_page_is_restricted(client, site, kind):
    pages, _urls, _served = site
    alias = pages[kind].create_alias(update_slug=f"{pages[kind].slug}-alias")
    client.get("/")
    assert client.get(alias.url).status_code == 200
    restriction = restrict(pages[kind], PASSWORD)  # after the alias: Wagtail copies a source's restrictions
    assert is_restricted(client.get(alias.url), PASSWORD)
    assert set(routed(alias.url).get_view_restrictions()) == wagtails(alias) == {restriction}


def test_an_alias_answers_with_its_source_not_its_own_restrictions(client, site):
    pages, _urls, _served = site
    alias = pages["about"].create_alias(update_slug="a-propos-alias")
    restrict(alias)  # an alias has no restrictions of its own (Wagtail's admin offers none)
    client.get("/")
    assert client.get(alias.url).status_code == 200
    assert set(routed(alias.url).get_view_restrictions()) == wagtails(alias) == set()


def test_a_page_below_an_alias_answers_with_the_aliased_section(client, site):
    """No restriction on the stop's own path: the alias's source is restricted."""
    pages, _urls, _served = site
    tour_alias = pages["tour"].create_alias(update_slug="journees-alias")
    stop = JourneeExpertPageFactory(parent=tour_alias, slug="arras", title="Étape d'Arras")
    client.get("/")
    assert client.get(stop.url).status_code == 200
    restriction = restrict(pages["tour"])
    assert is_restricted(client.get(stop.url))
    assert is_restricted(client.get(stop.url + "ical/"))
    assert set(routed(stop.url).get_view_restrictions()) == wagtails(stop) == {restriction}


def test_a_page_below_an_alias_of_a_section_answers_with_the_section(client, site):
    pages, _urls, _served = site
    about_alias = pages["about"].create_alias(recursive=True, update_slug="a-propos-alias")
    team_alias = about_alias.get_children().get()
    client.get("/")
    assert client.get(team_alias.url).status_code == 200
    restriction = restrict(pages["about"], PASSWORD)
    assert is_restricted(client.get(team_alias.url), PASSWORD)
    assert set(routed(team_alias.url).get_view_restrictions()) == wagtails(team_alias) == {restriction}


def test_an_alias_of_an_alias_answers_with_the_first_source(client, site):
    pages, _urls, _served = site
    alias = pages["campaign"].create_alias(update_slug="campagne-alias")
    alias_of_alias = alias.create_alias(update_slug="campagne-alias-2")
    assert alias_of_alias.alias_of_id == alias.pk
    restriction = restrict(pages["campaign"], PASSWORD)
    client.get("/")
    assert is_restricted(client.get(alias_of_alias.url), PASSWORD)
    assert set(routed(alias_of_alias.url).get_view_restrictions()) == wagtails(alias_of_alias) == {restriction}


# The same answers as Wagtail, routed or not -------------------------------------------------------------------


@pytest.mark.parametrize("restricted", [[], ["root"], ["home"], ["agenda", "stop"], ["tour"], ["labels", "campaign"],
                                        ["about", "team"], ["manifesto"]])
def test_routed_pages_answer_as_wagtail(site, restricted):
    pages, urls, served = site
    for name in restricted:
        restrict(Page.get_first_root_node() if name == "root" else pages[name])
    for kind in KINDS:
        page = routed(urls[kind])
        assert page.pk == pages[served.get(kind, kind)].pk
        assert set(page.get_view_restrictions()) == wagtails(page), kind


def test_a_page_loaded_on_its_own_answers_as_wagtail_and_keeps_nothing(site):
    pages, _urls, _served = site
    restriction = restrict(pages["labels"])
    loaded = LabelCampaignPage.objects.get(pk=pages["campaign"].pk)
    assert list(loaded.get_view_restrictions()) == [restriction]
    other = restrict(pages["campaign"])
    assert set(loaded.get_view_restrictions()) == {restriction, other} == wagtails(loaded)  # asked afresh


def test_a_preview_answers_as_wagtail(site):
    """The labels index under a private home page lists no campaign, in a preview as when served."""
    pages, _urls, _served = site
    index = LabelIndexPage.objects.get(pk=pages["labels"].pk)
    assert "La campagne" in index.make_preview_request().text
    restrict(pages["home"])
    assert "La campagne" not in LabelIndexPage.objects.get(pk=index.pk).make_preview_request().text


# What it costs ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_an_unrestricted_page_asks_nothing_once_the_index_is_cached(site, django_assert_num_queries, kind):
    _pages, urls, _served = site
    page = routed(urls[kind])
    cache.clear()
    with django_assert_num_queries(1):  # the index: the paths of the restricted pages and of the aliases
        assert list(page.get_view_restrictions()) == []
    with django_assert_num_queries(0):
        assert list(page.get_view_restrictions()) == []


def test_a_restricted_section_costs_one_query_for_its_restrictions(site, django_assert_num_queries):
    pages, urls, _served = site
    restriction = restrict(pages["tour"])
    page = routed(urls["stop"])
    page.get_view_restrictions()
    with django_assert_num_queries(1):
        assert list(page.get_view_restrictions()) == [restriction]
    forum = routed(urls["forum"])
    with django_assert_num_queries(0):  # nothing restricted above the agenda's other pages
        assert list(forum.get_view_restrictions()) == []


def test_the_index_follows_every_change_of_the_restrictions(site):
    pages, urls, _served = site
    assert list(routed(urls["stop"]).get_view_restrictions()) == []
    restriction = restrict(pages["tour"])
    assert list(routed(urls["stop"]).get_view_restrictions()) == [restriction]
    restriction.delete()
    assert list(routed(urls["stop"]).get_view_restrictions()) == []
    alias = pages["tour"].create_alias(update_slug="journees-alias")
    restriction = restrict(pages["tour"])
    stop_alias = alias.get_children().first() or JourneeExpertPageFactory(parent=alias, slug="arras")
    assert set(routed(stop_alias.url).get_view_restrictions()) == {restriction}
