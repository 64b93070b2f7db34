"""Results in public: nothing before publication for any audience; after it, the campaign page and the archive."""

import re

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from interconnectes.regions import Region
from jury.models import DecisionOutcome
from jury.services import publication
from jury.services.decisions import record_decision
from labels.models import Application, ApplicationStatus, CampaignCategory, Label
from sitesearch import indexing
from tests.labels.factories import LabelCampaignPageFactory, SubmittedApplicationFactory, paris
from tests.queries import instances_built, page_queries, within_budget

pytestmark = pytest.mark.django_db

DECIDED = paris(2026, 5, 20, 12, 0)
AFTER_JURY = paris(2026, 6, 1, 10, 0)
ARCHIVE = "/labels/laureats/"


def category(campaign, name):
    return CampaignCategory.objects.get(page=campaign, name=name)


def file(campaign, staff, outcome, org_name, region, category_name, *, owner=None, citation=None, **kwargs):
    """A submitted application with the jury's decision on it (not published)."""
    extra = {"owner": owner} if owner else {}
    application = SubmittedApplicationFactory(
        campaign=campaign, org_name=org_name, org_region=region, category=category(campaign, category_name),
        title=f"Projet de {org_name}", summary=f"Résumé public de {org_name}.", **extra, **kwargs)
    if citation is None and outcome != DecisionOutcome.NOT_SELECTED:
        citation = f"Le jury salue {org_name}."
    record_decision(application, outcome=outcome, by=staff, citation=citation or "",
                    feedback=f"Synthèse pour {org_name}.", minutes="Débat interne.", now=DECIDED)
    return application


@pytest.fixture
def decided(campaign, staff, applicant):
    """The 2026 campaign, closed and deliberated: two laureates, a mention, a non-selected file."""
    return {
        "lille": file(campaign, staff, DecisionOutcome.LAUREATE, "Métropole de Lille", Region.HAUTS_DE_FRANCE,
                      "Transition écologique", owner=applicant),
        "plouzane": file(campaign, staff, DecisionOutcome.LAUREATE, "Commune de Plouzané", Region.BRETAGNE,
                         "Inclusion"),
        "albi": file(campaign, staff, DecisionOutcome.MENTION, "Ville d'Albi", Region.OCCITANIE, "Data et IA"),
        "hidden": file(campaign, staff, DecisionOutcome.NOT_SELECTED, "Ville cachée", Region.BRETAGNE, "Inclusion"),
    }


@pytest.fixture
def startups_2025(label_index, staff):
    """An earlier, published edition of the other label, whose categories share a name with 2026's."""
    campaign = LabelCampaignPageFactory(parent=label_index, title="Start-up interconnectée 2025", year=2025,
                                        label=Label.STARTUP_INTERCONNECTEE, opens_at=paris(2025, 1, 1),
                                        closes_at=paris(2025, 3, 1))
    application = file(campaign, staff, DecisionOutcome.LAUREATE, "DataCantine SAS", Region.ILE_DE_FRANCE,
                       "Data et IA")
    publication.publish_results(campaign, by=staff, now=paris(2025, 6, 10, 18))
    return campaign, application


def publish(campaign, staff):
    return publication.publish_results(campaign, by=staff, now=AFTER_JURY)


def text(response):
    assert response.status_code == 200
    return response.content.decode()


PUBLIC_TRACES = ("Métropole de Lille", "Commune de Plouzané", "Ville d&#x27;Albi", "Ville cachée",
                 "Le jury salue", "Synthèse pour", "Débat interne", "Mentions spéciales")


# --- Before publication: nothing, for anyone -----------------------------------------------------

def test_before_publication_no_audience_sees_a_result(client, campaign, decided, label_index, staff, applicant,
                                                     clock):
    clock.set(AFTER_JURY)
    pages = {
        "campaign page": text(client.get(campaign.url)),
        "archive": text(client.get(ARCHIVE)),
        "labels index": text(client.get(label_index.url)),
        "sitemap": text(client.get("/sitemap.xml")),
    }
    for name, content in pages.items():
        for trace in PUBLIC_TRACES:
            assert trace not in content, (name, trace)
    assert "Les lauréats" not in pages["campaign page"]
    assert "est encore publié." in pages["archive"]
    assert "laureats" not in pages["sitemap"]

    indexing.rebuild()
    for query in ("Plouzané", "Le jury salue"):
        response = client.get(reverse("search"), {"q": query})
        assert response.status_code == 200
        assert response.context["results"].total == 0

    client.force_login(staff)  # the editor's preview of the page does not show them either
    content = text(client.get(reverse("wagtailadmin_pages:view_draft", args=[campaign.pk])))
    for trace in PUBLIC_TRACES:
        assert trace not in content

    client.force_login(applicant)  # the applicant's dashboard still says "Déposée"
    content = text(client.get(reverse("labels:dashboard")))
    assert "Déposée" in content and "Lauréat" not in content


def test_decided_statuses_without_a_publication_date_stay_hidden(client, campaign, decided, clock):
    """Even statuses set by hand show nothing until the campaign's results are published."""
    clock.set(AFTER_JURY)
    for application in decided.values():
        application.status = ApplicationStatus.LAUREATE
        application.save()
    assert "Métropole de Lille" not in text(client.get(campaign.url))
    assert "Métropole de Lille" not in text(client.get(ARCHIVE))
    assert campaign.results() == ([], [])


# --- After publication ---------------------------------------------------------------------------

def test_campaign_page_shows_laureates_then_mentions(client, campaign, decided, staff, applicant, clock):
    publish(campaign, staff)
    clock.set(AFTER_JURY)
    content = text(client.get(campaign.url))
    assert "Résultats publiés" in content
    laureates, mentions = content.index("Les lauréats"), content.index("Mentions spéciales")
    assert laureates < content.index("Métropole de Lille") < mentions < content.index("Ville d&#x27;Albi")
    assert laureates < content.index("Commune de Plouzané") < mentions
    for expected in ("Hauts-de-France", "Projet de Métropole de Lille", "Résumé public de Métropole de Lille.",
                     "Le jury salue Métropole de Lille.", "Catégorie « Transition écologique »",
                     "Le jury salue Ville d&#x27;Albi.", "Occitanie", "Mention spéciale"):
        assert expected in content, expected
    assert "Ville cachée" not in content
    assert "Synthèse pour" not in content and "Débat interne" not in content
    assert f'href="{ARCHIVE}"' in content
    assert content.count("<h1") == 1

    client.force_login(applicant)
    assert "Lauréat" in text(client.get(reverse("labels:dashboard")))


def test_the_citation_shown_is_the_current_decisions(client, campaign, decided, staff, clock):
    record_decision(decided["lille"], outcome=DecisionOutcome.LAUREATE, by=staff,
                    citation="Citation revue par le jury.", now=paris(2026, 5, 25))
    publish(campaign, staff)
    clock.set(AFTER_JURY)
    content = text(client.get(campaign.url))
    assert "Citation revue par le jury." in content and "Le jury salue Métropole de Lille." not in content


def test_archive_lists_published_laureates_and_mentions_only(client, campaign, decided, startups_2025, staff,
                                                            label_index, clock):
    publish(campaign, staff)
    clock.set(AFTER_JURY)
    content = text(client.get(ARCHIVE))
    for name in ("Métropole de Lille", "Commune de Plouzané", "Ville d&#x27;Albi", "DataCantine SAS",
                 "Le jury salue DataCantine SAS."):
        assert name in content
    assert "Ville cachée" not in content
    assert "4 lauréats et mentions" in content
    # Newest edition first, each under its own heading linking to the campaign page.
    assert content.index(campaign.title) < content.index("Start-up interconnectée 2025")
    assert f'href="{campaign.url}"' in content
    assert content.count("<h1") == 1
    assert f'href="{ARCHIVE}"' in text(client.get(label_index.url))
    sitemap = text(client.get("/sitemap.xml"))
    assert any(location.endswith(ARCHIVE) for location in re.findall(r"<loc>(.*?)</loc>", sitemap))


def test_archive_leaves_out_unpublished_private_and_draft_campaigns(client, label_index, startups_2025, staff,
                                                                  clock):
    clock.set(AFTER_JURY)
    later = LabelCampaignPageFactory(parent=label_index, year=2026, results_published_at=paris(2026, 7, 1))
    private = LabelCampaignPageFactory(parent=label_index, year=2024, opens_at=paris(2024, 1, 1),
                                       closes_at=paris(2024, 3, 1), results_published_at=paris(2024, 6, 1))
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    offline = LabelCampaignPageFactory(parent=label_index, year=2023, opens_at=paris(2023, 1, 1),
                                       closes_at=paris(2023, 3, 1), results_published_at=paris(2023, 6, 1),
                                       live=False)
    for campaign, name in ((later, "Lauréat de demain"), (private, "Lauréat privé"), (offline, "Lauréat hors ligne")):
        SubmittedApplicationFactory(campaign=campaign, org_name=name, status=ApplicationStatus.LAUREATE)
    content = text(client.get(ARCHIVE))
    assert "DataCantine SAS" in content
    for name in ("Lauréat de demain", "Lauréat privé", "Lauréat hors ligne"):
        assert name not in content


@pytest.mark.parametrize(("query", "expected"), [
    ({"year": "2025"}, {"DataCantine SAS"}),
    ({"year": "2026"}, {"Métropole de Lille", "Commune de Plouzané", "Ville d&#x27;Albi"}),
    ({"label": Label.STARTUP_INTERCONNECTEE}, {"DataCantine SAS"}),
    ({"category": "Data et IA"}, {"Ville d&#x27;Albi", "DataCantine SAS"}),
    ({"region": Region.BRETAGNE}, {"Commune de Plouzané"}),
    ({"year": "2026", "category": "Data et IA"}, {"Ville d&#x27;Albi"}),
    ({"label": Label.TERRITOIRE_INNOVANT, "region": Region.ILE_DE_FRANCE}, set()),
])
def test_archive_filters(client, campaign, decided, startups_2025, staff, clock, query, expected):
    publish(campaign, staff)
    clock.set(AFTER_JURY)
    content = text(client.get(ARCHIVE, query))
    everyone = {"Métropole de Lille", "Commune de Plouzané", "Ville d&#x27;Albi", "DataCantine SAS"}
    assert {name for name in everyone if name in content} == expected
    assert "Ville cachée" not in content
    if not expected:
        assert "Aucun lauréat ne correspond à ces critères." in content
        assert "0 lauréat ou mention" in content and "0 lauréats" not in content
    elif len(expected) == 1:
        assert "1 lauréat ou mention" in content
    assert "Effacer les filtres" in content


def test_filter_form_offers_what_exists(client, campaign, decided, startups_2025, staff, clock):
    publish(campaign, staff)
    clock.set(AFTER_JURY)
    content = text(client.get(ARCHIVE))
    assert '<form class="filters" method="get"' in content
    for label in ("Édition", "Label", "Catégorie", "Région"):
        assert f">{label}</label>" in content
    assert '<option value="2025">2025</option>' in content and '<option value="2026">2026</option>' in content
    assert content.count('<option value="Data et IA">') == 1  # one entry for the same name in two editions
    assert '<button type="submit">Filtrer</button>' in content


@pytest.mark.parametrize("query", [
    {"year": "abc", "region": "XX"},
    {"year": "1999", "label": "inconnu", "category": "<script>", "page": "abc"},
    {"page": "999"},
    {"page": "-1", "year": ""},
])
def test_bad_filters_are_ignored(client, campaign, decided, startups_2025, staff, clock, query):
    publish(campaign, staff)
    clock.set(AFTER_JURY)
    content = text(client.get(ARCHIVE, query))
    assert "DataCantine SAS" in content and "Métropole de Lille" in content
    assert "<script>" not in content


def test_a_bad_filter_leaves_the_good_ones_applied(client, campaign, decided, startups_2025, staff, clock):
    publish(campaign, staff)
    clock.set(AFTER_JURY)
    content = text(client.get(ARCHIVE, {"year": "abc", "region": Region.BRETAGNE}))
    assert "Commune de Plouzané" in content and "DataCantine SAS" not in content


def test_archive_is_paginated_by_24_and_keeps_the_filters(client, campaign, staff, clock):
    for n in range(30):
        file(campaign, staff, DecisionOutcome.LAUREATE, f"Commune n° {n:02d}", Region.BRETAGNE, "Inclusion")
    publish(campaign, staff)
    clock.set(AFTER_JURY)
    first = text(client.get(ARCHIVE, {"region": Region.BRETAGNE}))
    assert first.count('<li class="laureate"') == 24
    assert "Page 1 sur 2" in first
    assert f"?region={Region.BRETAGNE}&amp;page=2" in first
    second = text(client.get(ARCHIVE, {"region": Region.BRETAGNE, "page": "2"}))
    assert second.count('<li class="laureate"') == 6 and "Commune n° 29" in second


# --- Query counts --------------------------------------------------------------------------------

def results_campaign(label_index, staff, laureates, *, title):
    """A published campaign with `laureates` laureates, a third as many mentions and as many non-selected."""
    campaign = LabelCampaignPageFactory(parent=label_index, title=title, opens_at=paris(2026, 1, 1),
                                        closes_at=paris(2026, 3, 1))
    for n in range(laureates):
        outcome = DecisionOutcome.MENTION if n % 3 == 2 else DecisionOutcome.LAUREATE
        file(campaign, staff, outcome, f"{title} lauréat {n}", Region.NORMANDIE, "Inclusion")
        file(campaign, staff, DecisionOutcome.NOT_SELECTED, f"{title} non retenu {n}", Region.NORMANDIE, "Inclusion")
    publish(campaign, staff)
    return campaign


def test_campaign_page_with_results_costs_the_same_small_or_large(reader_client, label_index, staff, clock,
                                                                  site_settings):
    small = results_campaign(label_index, staff, 2, title="Petite édition")
    large = results_campaign(label_index, staff, 40, title="Grande édition")
    clock.set(AFTER_JURY)
    counts = {page_queries(reader_client, small.url), page_queries(reader_client, large.url)}
    assert len(counts) == 1 and within_budget(counts.pop())
    assert text(reader_client.get(large.url)).count('<li class="laureate') == 40


def test_archive_costs_the_same_with_2_or_40_laureates(reader_client, label_index, staff, clock, site_settings):
    results_campaign(label_index, staff, 2, title="Première édition")
    clock.set(AFTER_JURY)
    small = page_queries(reader_client, ARCHIVE)
    filtered = page_queries(reader_client, ARCHIVE + "?year=2026&category=Inclusion&region=nor&page=1")
    results_campaign(label_index, staff, 38, title="Seconde édition")
    large = page_queries(reader_client, ARCHIVE)
    assert small == filtered == large and within_budget(large)
    assert text(reader_client.get(ARCHIVE)).count('<li class="laureate') == 24


def test_archive_builds_only_the_laureates_of_its_page(client, label_index, staff, clock, site_settings):
    results_campaign(label_index, staff, 40, title="Grande édition")
    clock.set(AFTER_JURY)
    with instances_built(Application) as built:
        second = text(client.get(ARCHIVE, {"page": "2"}))
    assert second.count('<li class="laureate') == 16
    assert len(built) <= 24, len(built)


def test_ignored_values_leave_no_error_state_in_the_form(client, campaign, decided, startups_2025, staff, clock):
    publish(campaign, staff)
    clock.set(AFTER_JURY)
    content = text(client.get(ARCHIVE, {"year": "abc", "region": Region.BRETAGNE}))
    assert 'aria-invalid' not in content
    assert f'<option value="{Region.BRETAGNE}" selected>' in content
