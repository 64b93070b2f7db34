"""The library's open data: stable columns, level 0 only, Licence Ouverte 2.0 stated, formulas neutralised, a
schema for every column, and as many queries with 10 records as with 1,000."""

import csv
import io
import json

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from interconnectes.regions import Region
from library import opendata
from library.models import Implementation
from tests.factories import OrganisationFactory
from tests.library.factories import ImplementationFactory, data_source
from tests.library.test_pages import populate

pytestmark = pytest.mark.django_db

# The contract: the files' column names, in order. A change here breaks every reuser's script.
EXPECTED_COLUMNS = [
    "identifiant", "url", "cas_usage", "cas_usage_url", "theme", "technique", "collectivite", "collectivite_siren",
    "region", "type_collectivite", "taille_collectivite", "partenaires", "statut", "debut", "fin", "raison_arret",
    "finalite", "utilisation", "controle_humain", "sources_donnees", "risque_reglement_ia", "contact", "licence",
    "code_url", "donnees_ouvertes_url", "demonstrateur_url", "note_environnementale", "contenu_illustratif",
    "retour_experience_disponible", "a_revoir_le",
]


@pytest.fixture
def records(use_case):
    lead = OrganisationFactory(name="Nantes Métropole", region=Region.PAYS_DE_LA_LOIRE, population=670_000)
    nantes = ImplementationFactory(
        use_case=use_case, lead_organisation=lead,
        purpose="=HYPERLINK(\"https://evil.example.org\")", usage="Chaque semaine; -2+3",
        code_url="https://code.example.org/nantes", lessons_worked="Le secret des cuisiniers",
        model_card="Forêt aléatoire secrète")
    data_source(nantes)
    ImplementationFactory(use_case=use_case, lead_organisation=OrganisationFactory(name="Ville de Lyon"),
                          purpose="Réduire le gaspillage.")
    return nantes


def csv_rows(client):
    response = client.get("/donnees/bibliotheque-ia.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return response, list(csv.DictReader(io.StringIO(response.content.decode())))


def test_the_csv_has_the_stable_columns_and_one_row_per_published_record(client, records, use_case):
    response, rows = csv_rows(client)
    assert list(rows[0]) == EXPECTED_COLUMNS == list(opendata.COLUMN_NAMES)
    assert [row["collectivite"] for row in rows] == ["Nantes Métropole", "Ville de Lyon"]
    nantes = rows[0]
    assert nantes["identifiant"] == "cantines/nantes-metropole"
    assert nantes["url"] == "http://localhost/bibliotheque-ia/cantines/nantes-metropole/"
    assert nantes["region"] == "Pays de la Loire" and nantes["taille_collectivite"] == "200 000 habitants et plus"
    assert nantes["sources_donnees"] == "Effectifs des cantines (https://data.example.org/cantines)"
    assert nantes["retour_experience_disponible"] == "true" and rows[1]["retour_experience_disponible"] == "false"
    assert nantes["a_revoir_le"] == Implementation.objects.get(pk=records.pk).review_due_on.isoformat()
    assert 'rel="license"' in response["Link"] and "etalab.gouv.fr/licence-ouverte" in response["Link"]
    assert 'attachment; filename="bibliotheque-ia.csv"' == response["Content-Disposition"]


def test_csv_cells_never_hold_a_live_formula(client, records):
    _response, rows = csv_rows(client)
    assert rows[0]["finalite"].startswith("'=HYPERLINK")
    assert rows[0]["utilisation"] == "Chaque semaine;' -2+3"


def test_the_json_holds_the_same_records_with_the_licence_and_the_schema(client, records):
    response = client.get("/donnees/bibliotheque-ia.json")
    data = json.loads(response.content)
    assert data["licence"]["name"] == "etalab-2.0" and "Licence Ouverte" in data["licence"]["title"]
    assert data["schema"] == "http://localhost/donnees/bibliotheque-ia.schema.json"
    assert list(data["records"][0]) == EXPECTED_COLUMNS
    assert data["records"][0]["finalite"] == "=HYPERLINK(\"https://evil.example.org\")"  # JSON is not a spreadsheet
    assert data["records"][0]["contenu_illustratif"] is False


def test_the_schema_documents_every_column(client):
    schema = client.get("/donnees/bibliotheque-ia.schema.json").json()
    assert [field["name"] for field in schema["fields"]] == EXPECTED_COLUMNS
    assert all(field["description"] and field["type"] for field in schema["fields"])
    assert schema["licenses"][0]["name"] == "etalab-2.0"
    assert schema["resources"][0]["path"] == "http://localhost/donnees/bibliotheque-ia.csv"


def test_the_documentation_page_states_the_licence_and_lists_the_columns(client, library):
    text = client.get("/donnees/bibliotheque-ia/").text
    assert "Licence Ouverte / Open Licence version 2.0" in text and 'rel="license"' in text
    assert all(f"<code>{name}</code>" in text for name in EXPECTED_COLUMNS)
    assert 'href="/donnees/bibliotheque-ia.csv"' in text
    scripts = [json.loads(script.split("</script>")[0])
               for script in text.split('<script type="application/ld+json">')[1:]]
    data = next(script for script in scripts if script.get("@type") == "Dataset")
    assert data["license"] == opendata.LICENCE["path"]
    assert data["distribution"][0]["contentUrl"] == "http://localhost/donnees/bibliotheque-ia.csv"


def test_no_export_holds_a_field_above_level_0_nor_an_unpublished_record(client, records, use_case):
    use_case.unpublish()
    _response, rows = csv_rows(client)
    assert rows == []
    use_case.save_revision().publish()
    for url in ("/donnees/bibliotheque-ia.csv", "/donnees/bibliotheque-ia.json"):
        text = client.get(url).content.decode()
        assert "Nantes Métropole" in text
        assert "secret" not in text  # level 1 and level 2 values


@pytest.mark.parametrize("url", ["/donnees/bibliotheque-ia.csv", "/donnees/bibliotheque-ia.json"])
def test_exports_ask_as_many_queries_with_10_and_with_1000_records(client, use_case, url):
    counts = []
    for size in (10, 990):
        populate(use_case, size)
        cache.clear()  # the anonymous page cache would answer without a query
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
    assert Implementation.objects.count() == 1000
