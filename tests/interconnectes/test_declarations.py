"""The accessibility (RGAA) and eco-design (RGESN) declarations, and their links in every footer."""

import datetime
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from wagtail.test.utils.form_data import querydict_from_html

from interconnectes import budgets
from interconnectes.declarations import (
    Conformity,
    CriterionStatus,
    budget_rows,
    conformity_status,
    criteria_summary,
    format_rate,
)
from interconnectes.models import (
    AccessibilityStatementPage,
    EcodesignCriterion,
    EcodesignStatementPage,
    HomePage,
    NavigationItem,
    NavigationSettings,
    SiteSettings,
)
from tests.factories import StandardPageFactory
from tests.queries import page_queries, within_budget

DAY = datetime.date(2026, 11, 16)


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def text(node):
    return " ".join(node.get_text(" ", strip=True).split())


def publish(page):
    page.save_revision().publish()
    return page


def accessibility_page(home, **fields):
    page = AccessibilityStatementPage(**{
        "title": "Déclaration d'accessibilité", "slug": "accessibilite", "site_url": "https://www.example.org",
        "declaration_date": DAY, "contact_email": "accessibilite@example.org", **fields,
    })
    home.add_child(instance=page)
    return publish(page)


def ecodesign_page(home, criteria=0, **fields):
    statuses = list(CriterionStatus)
    page = EcodesignStatementPage(**{
        "title": "Déclaration d'écoconception", "slug": "ecoconception", "declaration_date": DAY,
        "intro": "Un site sobre.", "hosting_provider": "Hébergeur établi en France", "hosting_location": "France",
        "cache_strategy": "Pages publiques en cache.", **fields,
    }, criteria=[
        EcodesignCriterion(reference=f"{number % 9 + 1}.{number + 1}", title=f"Critère {number}",
                           status=statuses[number % 3], note="Précision.", sort_order=number)
        for number in range(criteria)
    ])
    home.add_child(instance=page)
    return publish(page)


# Status: the RGAA's bands, from the audited rate -------------------------------------------------------------


@pytest.mark.parametrize(("rate", "status"), [
    (None, Conformity.NONE),
    (100, Conformity.TOTAL),
    (Decimal("100.00"), Conformity.TOTAL),
    (Decimal("99.99"), Conformity.PARTIAL),
    (75, Conformity.PARTIAL),
    (50, Conformity.PARTIAL),
    (Decimal("49.99"), Conformity.NONE),
    (30, Conformity.NONE),
    (0, Conformity.NONE),
])
def test_conformity_status_follows_the_rgaa_bands(rate, status):
    assert conformity_status(rate) == status


@pytest.mark.parametrize(("rate", "shown"), [
    (Decimal("72.50"), "72,5"), (Decimal("100.00"), "100"), (Decimal("0"), "0"), (Decimal("49.99"), "49,99")])
def test_rates_are_written_the_french_way(rate, shown):
    assert format_rate(rate) == shown


def test_conformity_labels_are_the_rgaa_wording():
    assert [str(status.label) for status in Conformity] == [
        "totalement conforme", "partiellement conforme", "non conforme"]


@pytest.mark.django_db
@pytest.mark.parametrize(("audit_date", "rate", "status"), [
    (None, None, "non conforme"),
    (DAY, Decimal("100"), "totalement conforme"),
    (DAY, Decimal("75"), "partiellement conforme"),
    (DAY, Decimal("30"), "non conforme"),
    (None, Decimal("100"), "non conforme"),  # a rate without an audit date is no recorded audit
])
def test_page_status_is_non_conforme_until_an_audit_is_recorded(audit_date, rate, status):
    page = AccessibilityStatementPage(audit_date=audit_date, audit_rate=rate)
    assert page.audit_recorded is (audit_date is not None and rate is not None)
    assert page.conformity == status


@pytest.mark.django_db
@pytest.mark.parametrize("rate", [Decimal("-0.01"), Decimal("100.01"), Decimal("150")])
def test_audit_rate_outside_0_100_is_refused_in_french(home, rate):
    page = accessibility_page(home)
    page.audit_date, page.audit_rate = DAY, rate
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert error.value.message_dict["audit_rate"] == [
        "Le taux de conformité est un pourcentage compris entre 0 et 100."]


@pytest.mark.django_db
@pytest.mark.parametrize("rate", [Decimal("0"), Decimal("50"), Decimal("100")])
def test_audit_rate_bounds_are_accepted(home, rate):
    page = accessibility_page(home)
    page.audit_date, page.audit_rate = DAY, rate
    page.full_clean()


@pytest.mark.django_db
def test_audit_needs_date_and_rate_and_the_declaration_a_contact(home):
    page = accessibility_page(home)
    page.audit_rate, page.contact_email, page.contact_form_url = Decimal("80"), "", ""
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert set(error.value.message_dict) == {"audit_date", "contact_email"}
    page.audit_date, page.audit_rate, page.contact_form_url = DAY, None, "https://www.example.org/contact/"
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert set(error.value.message_dict) == {"audit_rate"}


# Page tree ------------------------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("model", [AccessibilityStatementPage, EcodesignStatementPage])
def test_one_declaration_of_each_kind_under_the_home_page_without_subpages(home, model):
    standard = StandardPageFactory(parent=home)
    assert model.can_create_at(home)
    assert not model.can_create_at(standard)
    assert model.allowed_parent_page_models() == [HomePage]
    assert model.allowed_subpage_models() == []
    (accessibility_page if model is AccessibilityStatementPage else ecodesign_page)(home)
    assert not model.can_create_at(home)


# Admin ----------------------------------------------------------------------------------------------------------


def edit_form(admin_client, page):
    data = querydict_from_html(admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode(),
                               form_id="page-edit-form")
    data["action-publish"] = "action-publish"
    return data


@pytest.mark.django_db
def test_editors_record_an_audit_and_a_rate_above_100_is_refused_in_french(admin_client, home):
    page = accessibility_page(home)
    data = edit_form(admin_client, page)
    data["audit_date"], data["audit_rate"] = "2026-10-05", "150"
    response = admin_client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 200
    assert "Le taux de conformité est un pourcentage compris entre 0 et 100." in response.content.decode()
    data["audit_rate"] = "100"
    assert admin_client.post(f"/admin/pages/{page.pk}/edit/", data).status_code == 302
    page.refresh_from_db()
    assert page.conformity == "totalement conforme"


@pytest.mark.django_db
def test_editors_add_rgesn_criteria_inline(admin_client, home):
    page = ecodesign_page(home, criteria=1)
    data = edit_form(admin_client, page)
    assert data["criteria-TOTAL_FORMS"] == "1"
    data.update({"criteria-TOTAL_FORMS": "2", "criteria-1-reference": "8.6", "criteria-1-ORDER": "2",
                 "criteria-1-title": "Localisation de l'hébergement", "criteria-1-status": "conforme",
                 "criteria-1-note": "France."})
    assert admin_client.post(f"/admin/pages/{page.pk}/edit/", data).status_code == 302
    assert list(page.criteria.values_list("reference", "status")) == [("1.1", "conforme"), ("8.6", "conforme")]


# Rendering ------------------------------------------------------------------------------------------------------


ACCESSIBILITY_SECTIONS = [
    "État de conformité", "Contenus non accessibles", "Établissement de cette déclaration d’accessibilité",
    "Retour d’information et contact", "Voies de recours",
]


@pytest.mark.django_db
def test_accessibility_statement_without_audit(client, home):
    page = accessibility_page(home, non_conformities="<p>Les PDF anciens ne sont pas balisés.</p>")
    assert page.url == "/accessibilite/"
    response = client.get(page.url)
    assert response.status_code == 200
    html = soup(response)
    assert [text(h1) for h1 in html.find_all("h1")] == ["Déclaration d'accessibilité"]
    assert [text(h2) for h2 in html.select("main h2")] == ACCESSIBILITY_SECTIONS
    for section in html.select("main section"):
        assert section["aria-labelledby"] == section.h2["id"]
    status = text(html.select_one(".declaration-status"))
    assert "est non conforme avec le référentiel général d’amélioration de l’accessibilité (RGAA), version 4.1" \
        in status
    body = text(html.select_one("main"))
    assert "Les Interconnectés s’engage à rendre son site internet accessible" in body
    assert "aucun audit de conformité" in body
    assert "Les PDF anciens ne sont pas balisés." in body
    assert "Cette déclaration a été établie le 16 novembre 2026." in body
    assert html.select_one('main a[href="mailto:accessibilite@example.org"]')
    assert "Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07" in body
    assert html.select_one('main a[href="https://formulaire.defenseurdesdroits.fr/"]')


@pytest.mark.django_db
def test_accessibility_statement_with_an_audit_shows_its_results(client, home):
    page = accessibility_page(
        home, audit_date=datetime.date(2026, 10, 5), auditor="Cabinet Exemple", audit_rate=Decimal("72.5"),
        audit_pages="Accueil https://www.example.org/\nAgenda https://www.example.org/agenda/",
        audit_tools="axe-core\nNVDA", technologies="HTML5\nCSS", postal_address="1 rue de l'Exemple\n44000 Nantes",
    )
    html = soup(client.get(page.url))
    body = text(html.select_one("main"))
    assert "est partiellement conforme avec" in text(html.select_one(".declaration-status"))
    assert ("L’audit de conformité réalisé le 5 octobre 2026 par Cabinet Exemple révèle que 72,5 % des critères "
            "du RGAA version 4.1 sont respectés.") in body.replace("\xa0", " ")
    assert [text(li) for li in html.select("main section ol li")] == [
        "Accueil https://www.example.org/", "Agenda https://www.example.org/agenda/"]
    assert "NVDA" in body and "1 rue de l'Exemple" in body


@pytest.mark.django_db
def test_ecodesign_statement_shows_criteria_summary_and_the_tested_budgets(client, home):
    page = ecodesign_page(home, criteria=7, measured_figures="Accueil : 180 Ko, EcoIndex A.")
    assert page.url == "/ecoconception/"
    response = client.get(page.url)
    assert response.status_code == 200
    html = soup(response)
    assert len(html.find_all("h1")) == 1
    headings = [text(h2) for h2 in html.select("main h2")]
    assert headings == ["Synthèse", "Critères du RGESN", "Budgets de nos pages", "Mesures relevées", "Hébergement",
                        "Stratégie de cache"]
    assert [text(li) for li in html.select(".key-figures li")] == [
        "3 critères conformes", "2 critères non conformes", "2 critères non applicables"]
    criteria_table, budgets_table = html.select("table.data-table")
    assert len(criteria_table.select("tbody tr")) == 7
    assert [text(th) for th in criteria_table.select("thead th")] == ["Critère", "Intitulé", "Statut", "Précision"]
    assert [text(td) for td in criteria_table.select("tbody tr")[1].select("th, td")] == [
        "2.2", "Critère 1", "non conforme", "Précision."]
    assert [text(th) for th in budgets_table.select("thead th")] == [
        "Type de page", "Poids transféré", "Requêtes", "Éléments DOM", "EcoIndex minimal"]
    shown = [[text(cell).replace("\xa0", " ") for cell in row.select("td")] for row in budgets_table.select("tbody tr")]
    expected = [budgets.CONTENT_PAGE, budgets.LISTING_PAGE, budgets.HOME_PAGE, budgets.APPLICATION_PAGE]
    assert shown == [[f"{budget.transfer_bytes // budgets.KB} Ko", str(budget.requests), str(budget.dom_elements),
                      budget.min_ecoindex_grade] for budget in expected]
    body = text(html.select_one("main"))
    assert (f"Au plus {budgets.MAX_COLD_QUERIES} requêtes à la base de données par page publique, "
            f"et {budgets.MAX_WARM_QUERIES} une fois ses fragments en cache") in body
    assert f"plus de {budgets.MAX_IMAGE_DENSITY} fois leur largeur affichée" in body
    assert f"dès {budgets.MIN_VIEWPORT_WIDTH} pixels de large" in body
    assert f"Connexion minimale prise en charge : {budgets.MIN_CONNECTION}." in body
    assert "Accueil : 180 Ko, EcoIndex A." in body
    for region in html.select(".table-scroll"):  # scrollable tables stay reachable with the keyboard
        assert region["tabindex"] == "0" and html.find(id=region["aria-labelledby"]).name == "caption"


def test_budget_rows_and_summary_are_read_from_the_budgets_module():
    rows = budget_rows()
    assert [(row.transfer_kb * budgets.KB, row.requests, row.dom_elements, row.min_ecoindex_grade) for row in rows] \
        == [(b.transfer_bytes, b.requests, b.dom_elements, b.min_ecoindex_grade)
            for b in (budgets.CONTENT_PAGE, budgets.LISTING_PAGE, budgets.HOME_PAGE, budgets.APPLICATION_PAGE)]
    assert [(item.status, item.count) for item in criteria_summary(["conforme", "conforme", "non applicable"])] == [
        ("conforme", 2), ("non conforme", 0), ("non applicable", 1)]


@pytest.mark.django_db
def test_min_connection_defaults_to_the_budgets_module(home):
    assert ecodesign_page(home).min_connection == budgets.MIN_CONNECTION


# Footer ---------------------------------------------------------------------------------------------------------


def footer_links(client):
    html = soup(client.get("/"))
    return {text(a): a["href"] for a in html.select("footer nav a")}


@pytest.mark.django_db
def test_every_footer_links_both_declarations_and_follows_their_publication(client, home):
    client.get("/")  # the footer is now cached without any declaration
    assert not any(label.startswith(("Accessibilité", "Écoconception")) for label in footer_links(client))
    accessibility = accessibility_page(home)
    ecodesign_page(home)
    links = footer_links(client)
    assert links["Accessibilité : non conforme"] == "/accessibilite/"
    assert links["Écoconception"] == "/ecoconception/"
    other = StandardPageFactory(parent=home)
    assert "Accessibilité : non conforme" in {text(a) for a in soup(client.get(other.url)).select("footer a")}

    accessibility.audit_date, accessibility.audit_rate = DAY, Decimal("100")
    publish(accessibility)
    assert "Accessibilité : totalement conforme" in footer_links(client)
    accessibility.audit_rate = Decimal("64")
    publish(accessibility)
    assert "Accessibilité : partiellement conforme" in footer_links(client)

    accessibility.unpublish()
    links = footer_links(client)
    assert not any(label.startswith("Accessibilité") for label in links) and "Écoconception" in links


@pytest.mark.django_db
def test_declaration_chosen_as_legal_page_is_linked_once(client, home):
    page = accessibility_page(home)
    site_settings = SiteSettings.for_site(home.get_site())
    site_settings.accessibility_page = page
    site_settings.save()
    hrefs = [a["href"] for a in soup(client.get("/")).select("footer a")]
    assert hrefs.count("/accessibilite/") == 1


# Query counts ---------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_footer_links_cost_nothing_once_cached(client, home):
    """The links are read with the footer, a cached fragment: a warm page asks nothing for them."""
    navigation = NavigationSettings.for_site(home.get_site())
    NavigationItem.objects.create(settings=navigation, page=StandardPageFactory(parent=home), sort_order=0)
    client.get("/")  # the first request creates the site settings row
    without = page_queries(client, "/")
    accessibility_page(home)
    ecodesign_page(home, criteria=3)
    with_links = page_queries(client, "/")
    assert with_links[1] == without[1] and within_budget(with_links), (without, with_links)


@pytest.mark.django_db
def test_declaration_pages_run_a_fixed_number_of_queries(reader_client, home):
    reader_client.get("/")
    accessibility = accessibility_page(home, non_conformities="<p>Des PDF anciens.</p>")
    assert within_budget(page_queries(reader_client, accessibility.url))
    counts = []
    for size in (2, 20):
        page = ecodesign_page(home, criteria=size)
        counts.append(page_queries(reader_client, page.url))
        page.delete()
    assert counts[0] == counts[1] and within_budget(counts[0]), counts


@pytest.mark.django_db
def test_the_accessibility_declaration_costs_the_same_small_or_large(reader_client, home):
    """Sample pages, tools, and non-conformities linking to the pages they concern: 2 of each or 20."""
    reader_client.get("/")
    concerned = [StandardPageFactory(parent=home) for _ in range(20)]
    counts = []
    for size in (2, 20):
        items = "".join(f'<li><a linktype="page" id="{page.pk}">{page.title}</a> : un PDF ancien.</li>'
                        for page in concerned[:size])
        page = accessibility_page(
            home, audit_pages="\n".join(f"Page {n} https://www.example.org/{n}/" for n in range(size)),
            audit_tools="\n".join(f"Outil {n}" for n in range(size)), non_conformities=f"<ul>{items}</ul>",
            audit_date=DAY, audit_rate=Decimal("64"))
        html = reader_client.get(page.url).content.decode()
        assert html.count("un PDF ancien") == size and concerned[size - 1].url in html
        counts.append(page_queries(reader_client, page.url))
        page.delete()
    assert counts[0] == counts[1] and within_budget(counts[0]), counts
