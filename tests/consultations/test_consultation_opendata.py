"""The published consultation records as open data: published records only (demonstration ones flagged), stable
columns, formulas neutralised in the CSV, the JSON's envelope and the schema under Licence Ouverte 2.0, the same
number of queries with 2 records and with 40, and a documentation page for both of the programme's datasets."""

import csv
import datetime
import io
import json

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from consultations import record_opendata, record_submissions
from consultations.record_models import ArticleAssessment, Consultation, Finding
from interconnectes.regions import Region
from library import opendata as library_opendata
from tests.consultations.records import NOW, agent, charter, committed, lessons, published
from tests.factories import OrganisationFactory
from tests.library.factories import ImplementationFactory, LibraryIndexPageFactory, UseCasePageFactory

pytestmark = pytest.mark.django_db

# The queries of an export on a cold cache, whatever the number of records (the test below names them).
QUERIES = 6

CSV_URL = "/donnees/concertations-ia-concertations.csv"
JSON_URL = "/donnees/concertations-ia-concertations.json"
SCHEMA_URL = "/donnees/concertations-ia-concertations.schema.json"

# The contract: the files' column names, in order. A change here breaks every reuser's script.
EXPECTED_COLUMNS = [
    "identifiant", "url", "titre", "territoire", "territoire_siren", "region", "questions", "objectif", "publics",
    "recrutement", "methodes", "niveau_participation", "format", "debut", "fin", "phase", "participants",
    "animateurs", "partenaires", "ressources_utilisees", "synthese", "documents_url", "licence_resultats",
    "version_charte", "enseignements", "projets_ia", "exemple_illustratif", "publiee_le", "mise_a_jour_le",
]


@pytest.fixture
def tours():
    territory = committed("Tours Métropole Val de Loire", charter())
    territory.siren = "243700754"
    territory.region = Region.CENTRE_VAL_DE_LOIRE
    territory.save()
    return territory


@pytest.fixture
def person(tours):
    return agent("agent@tours.example.org", tours)


@pytest.fixture
def use_case(home):
    return UseCasePageFactory(parent=LibraryIndexPageFactory(parent=home), title="Prévoir la fréquentation des "
                              "cantines", slug="cantines")


@pytest.fixture
def record(home, clock, tours, person, use_case):
    """A documented record: its publics, methods, results, two lessons found, a published library project and one
    that was archived after the record linked it, a self-assessment with a comment."""
    kept = lessons()
    shown = ImplementationFactory(use_case=use_case, slug="nantes-metropole",
                                  lead_organisation=OrganisationFactory(name="Nantes Métropole"))
    archived = ImplementationFactory(use_case=use_case, slug="ville-de-lyon",
                                     lead_organisation=OrganisationFactory(name="Ville de Lyon"))
    article = tours.charter_commitments.get().charter_version.articles.get(number=1)
    made = published(
        tours, person, title="=HYPERLINK(\"https://evil.example.org\")", now=datetime.datetime(
            2026, 2, 28, 23, 30, tzinfo=datetime.UTC),
        publics=["habitants", "jeunes"], methods=["cafe-ia", "atelier"], recruitment="tirage",
        participation_level="concerter", format="hybride", phase="suivi", participants=86,
        questions="Quels usages ?", facilitators="Médiathèques.", partners="Université de Tours.",
        resources_used="Kit Café IA.", synthesis="Les habitants demandent un registre.", licence="etalab-2.0",
        documents_url="https://documents.example.org/cafe-ia.pdf", implementations=[shown.pk, archived.pk],
        findings={str(kept[4].pk): {"kind": "citation", "evidence": "Une citation de participante"},
                  str(kept[1].pk): {"kind": "chiffre", "evidence": "12 %"}},
        assessments={str(article.pk): {"answer": "en-partie", "comment": "Commentaire sur la cheffe de projet"}})
    archived.archived_at = NOW
    archived.save()
    return made


def csv_rows(client):
    response = client.get(CSV_URL)
    assert response.status_code == 200
    return response, list(csv.DictReader(io.StringIO(response.content.decode())))


def json_records(client):
    return json.loads(client.get(JSON_URL).content)["records"]


def test_only_published_records_are_exported_and_demonstration_ones_are_flagged(client, home, clock, tours,
                                                                                 person):
    shown = published(tours, person, title="Café IA à la médiathèque")
    demo = published(tours, person, title="Atelier d'exemple")
    Consultation.objects.filter(pk=demo.pk).update(is_illustrative=True)
    record_submissions.declare(person, tours, {"title": "Brouillon jamais publié", "objective": "…"}, NOW)
    submitted = record_submissions.declare(person, tours, {"title": "Fiche en relecture", "objective": "…"}, NOW)
    record_submissions.submit(submitted.pk, person, NOW)
    update = record_submissions.start_update(person, shown, NOW)
    update.data["title"] = "Titre d'une mise à jour en cours"
    update.save()
    Consultation.objects.create(organisation=tours, slug="jamais-publiee", title="Jamais publiée", objective="…")
    _response, rows = csv_rows(client)
    assert [(row["titre"], row["exemple_illustratif"]) for row in rows] == [
        ("Café IA à la médiathèque", "false"), ("Atelier d'exemple", "true")]
    assert [(row["identifiant"], row["exemple_illustratif"]) for row in json_records(client)] == [
        (shown.slug, False), (demo.slug, True)]
    for url in (CSV_URL, JSON_URL):
        text = client.get(url).content.decode()
        assert "Brouillon jamais publié" not in text and "Fiche en relecture" not in text
        assert "mise à jour en cours" not in text and "Jamais publiée" not in text


def test_the_files_have_the_stable_columns_in_order(client, record):
    _response, rows = csv_rows(client)
    assert list(rows[0]) == EXPECTED_COLUMNS == list(record_opendata.COLUMN_NAMES)
    assert list(json_records(client)[0]) == EXPECTED_COLUMNS
    schema = client.get(SCHEMA_URL).json()
    assert [field["name"] for field in schema["fields"]] == EXPECTED_COLUMNS


def test_a_row_holds_the_published_record_as_its_page_shows_it(client, record):
    [row] = json_records(client)
    assert row == {
        "identifiant": record.slug,
        "url": f"http://localhost/concertations-ia/concertations/{record.slug}/",
        "titre": "=HYPERLINK(\"https://evil.example.org\")",  # JSON is not a spreadsheet
        "territoire": "Tours Métropole Val de Loire", "territoire_siren": "243700754",
        "region": "Centre-Val de Loire", "questions": "Quels usages ?",
        "objectif": "Débattre des usages de l'IA.", "publics": "Habitants | Jeunes",
        "recrutement": "Tirage au sort", "methodes": "Café IA | Atelier", "niveau_participation": "Concerter",
        "format": "Hybride", "debut": "2026-01-10", "fin": "2026-01-10", "phase": "Suivi", "participants": 86,
        "animateurs": "Médiathèques.", "partenaires": "Université de Tours.", "ressources_utilisees": "Kit Café IA.",
        "synthese": "Les habitants demandent un registre.",
        "documents_url": "https://documents.example.org/cafe-ia.pdf", "licence_resultats": "etalab-2.0",
        "version_charte": 1, "enseignements": "2 | 5",
        "projets_ia": "http://localhost/bibliotheque-ia/cantines/nantes-metropole/",  # the archived one is left out
        "exemple_illustratif": False,
        "publiee_le": "2026-03-01", "mise_a_jour_le": "2026-03-01",  # 23:30 UTC is the next day in Paris
    }


def test_an_unknown_count_of_participants_and_a_record_without_charter_are_empty_cells(client, home, clock, tours,
                                                                                      person):
    made = published(tours, person)
    Consultation.objects.filter(pk=made.pk).update(charter_version=None)
    _response, [row] = csv_rows(client)
    assert (row["participants"], row["version_charte"], row["recrutement"], row["projets_ia"]) == ("", "", "", "")
    [record] = json_records(client)
    assert (record["participants"], record["version_charte"], record["enseignements"]) == ("", "", "")


def test_the_self_assessment_and_the_findings_evidence_are_never_exported(client, record):
    assert ArticleAssessment.objects.filter(consultation=record, comment__contains="cheffe").exists()
    assert Finding.objects.filter(consultation=record, evidence__contains="participante").exists()
    for url in (CSV_URL, JSON_URL):
        text = client.get(url).content.decode()
        assert "cheffe de projet" not in text and "en-partie" not in text and "En partie" not in text
        assert "participante" not in text and "12 %" not in text


def test_csv_cells_never_hold_a_live_formula(client, record):
    response, [row] = csv_rows(client)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="concertations-ia-concertations.csv"'
    assert row["titre"] == "'=HYPERLINK(\"https://evil.example.org\")"  # library.opendata.to_csv's neutralisation


def test_the_json_envelope_states_the_licence_the_schema_and_the_day(client, record, clock):
    response = client.get(JSON_URL)
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"] == 'inline; filename="concertations-ia-concertations.json"'
    data = json.loads(response.content)
    assert data["licence"] == library_opendata.LICENCE and data["publisher"] == "Les Interconnectés"
    assert data["schema"] == "http://localhost" + SCHEMA_URL
    assert data["generated_at"] == clock().isoformat()
    assert len(data["records"]) == 1


@pytest.mark.parametrize("url", [CSV_URL, JSON_URL])
def test_the_files_link_their_licence_and_their_schema_as_the_commitments_do(client, record, url):
    link = client.get(url)["Link"]
    assert link == (f'<{library_opendata.LICENCE["path"]}>; rel="license", '
                    f'<http://localhost{SCHEMA_URL}>; rel="describedby"')
    commitments = client.get("/donnees/concertations-ia.csv")["Link"]
    assert commitments.split(", ")[0] == link.split(", ")[0]


def test_the_schema_describes_every_column_and_the_files(client):
    schema = client.get(SCHEMA_URL).json()
    assert schema["name"] == "concertations-ia-concertations" and schema["licenses"][0]["name"] == "etalab-2.0"
    assert [resource["path"] for resource in schema["resources"]] == ["http://localhost" + CSV_URL,
                                                                      "http://localhost" + JSON_URL]
    fields = {field["name"]: field for field in schema["fields"]}
    assert all(field["description"] for field in fields.values())
    assert (fields["url"]["format"], fields["documents_url"]["format"]) == ("uri", "uri")
    assert {name: fields[name]["type"] for name in ("participants", "version_charte", "debut", "publiee_le",
                                                    "exemple_illustratif")} == {
        "participants": "integer", "version_charte": "integer", "debut": "date", "publiee_le": "date",
        "exemple_illustratif": "boolean"}
    assert schema["missingValues"] == [""]


def grow(tours, version, implementations, size):
    """`size` more published records, each with two findings and two library projects (on two use cases)."""
    kept = lessons()
    start = Consultation.objects.count()
    made = Consultation.objects.bulk_create([
        Consultation(organisation=tours, slug=f"concertation-{start + index}", title=f"Concertation {index}",
                     objective="Débattre.", publics=["habitants"], methods=["atelier"], charter_version=version,
                     participants=index, first_published_at=NOW, last_published_at=NOW)
        for index in range(size)])
    Finding.objects.bulk_create([Finding(consultation=consultation, lesson=lesson, kind="chiffre", evidence="1")
                                 for consultation in made for lesson in kept[:2]])
    Through = Consultation.implementations.through
    Through.objects.bulk_create([Through(consultation=consultation, implementation=implementation)
                                 for consultation in made for implementation in implementations])


@pytest.mark.parametrize("url", [CSV_URL, JSON_URL])
def test_exports_ask_as_many_queries_with_2_and_with_40_records(client, home, tours, url):
    library = LibraryIndexPageFactory(parent=home)
    implementations = [ImplementationFactory(use_case=UseCasePageFactory(parent=library, slug=f"cas-{number}"))
                       for number in (1, 2)]
    version = tours.charter_commitments.get().charter_version
    counts = []
    for size in (2, 38):
        grow(tours, version, implementations, size)
        cache.clear()  # the anonymous page cache would answer without a query
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        counts.append(len(queries))
    assert Consultation.objects.published().count() == 40
    assert response.content.decode().count("http://localhost/bibliotheque-ia/cas-2/") == 40
    # The records with their territory and charter version, their findings with their lessons, their published
    # library projects (the pages under a view restriction, read once for the filter), the request's site and the
    # site's root paths (for the projects' addresses).
    assert counts == [QUERIES, QUERIES], counts


@pytest.mark.parametrize(("page", "name", "file_name", "columns", "other"), [
    ("/donnees/concertations-ia/", "concertations-ia", "concertations-ia-engagements",
     ["identifiant", "organisation", "signataire", "en_cours"], "/donnees/concertations-ia-concertations/"),
    ("/donnees/concertations-ia-concertations/", "concertations-ia-concertations", "concertations-ia-concertations",
     EXPECTED_COLUMNS, "/donnees/concertations-ia/"),
])
def test_each_dataset_has_its_documentation_page_linking_to_the_other(client, page, name, file_name, columns, other):
    """One page per dataset: both column tables on one page would pass a content page's DOM budget."""
    text = client.get(page).text
    for suffix in (".csv", ".json", ".schema.json"):
        assert f'href="/donnees/{name}{suffix}"' in text
    assert f'role="region" aria-labelledby="{file_name}-columns"' in text
    assert f'<caption id="{file_name}-columns">' in text and text.count("<caption") == 1
    for column in columns:
        assert f"<code>{column}</code>" in text
    assert f'href="{other}"' in text
    assert "Licence Ouverte / Open Licence version 2.0" in text and 'rel="license"' in text


def test_the_list_of_consultations_links_to_their_open_data(client):
    text = client.get("/concertations-ia/concertations/").text
    assert 'href="/donnees/concertations-ia-concertations/"' in text
