"""The demo's AI library: the eight example projects of the seeds under their three themes, the canteens as one
use case with three implementations, illustrative lessons for agents, one expert grant; the home page links it."""

import pytest
from django.contrib.auth import get_user_model

from accounts.demo import AGENTS
from library.demo import EXPERT
from library.models import Implementation, LibraryIndexPage, UseCasePage

pytestmark = pytest.mark.django_db


def test_the_library_holds_the_eight_projects_under_their_themes():
    by_theme = {}
    for use_case in UseCasePage.objects.live().select_related("theme"):
        by_theme.setdefault(use_case.theme.name, set()).add(use_case.slug)
    assert by_theme == {
        "Transition écologique": {"pics-de-pollution", "cantines", "panneaux-solaires"},
        "Maintenance": {"etat-du-bati", "reseau-eau-potable"},
        "Mobilités": {"comptages-velo", "accidents-de-la-route", "frequentation-decheteries"},
    }
    canteens = Implementation.objects.filter(use_case__slug="cantines")
    assert set(canteens.values_list("lead_organisation__name", flat=True)) == {
        "Nantes Métropole", "Ville de Lyon", "Toulouse Métropole"}
    assert not Implementation.objects.filter(is_illustrative=False).exists()


def test_readers_see_the_library_at_their_level(client):
    index = LibraryIndexPage.objects.get()
    home = client.get("/").content.decode()
    assert f'href="{index.url}"' in home
    text = client.get(index.url).content.decode()
    assert "Anticiper les pics de pollution" in text and "2 collectivités le font" in text
    nantes = "/bibliotheque-ia/cantines/nantes-metropole/"
    anonymous = client.get(nantes).content.decode()
    assert "Contenu illustratif" in anonymous and "Associer dès le début" not in anonymous
    users = get_user_model().objects
    client.force_login(users.get(username=AGENTS[0][1]))
    agent = client.get(nantes).content.decode()
    assert "Associer dès le début les agents" in agent and "Gradient boosting" not in agent
    client.force_login(users.get(username=EXPERT[1]))
    assert "Gradient boosting" in client.get(nantes).content.decode()
    assert "Gradient boosting" not in client.get("/bibliotheque-ia/cantines/ville-de-lyon/").content.decode()


def test_the_command_prints_the_expert_account(demo_output):
    assert EXPERT[1] in demo_output


def test_nantes_canteens_have_documents_contacts_and_a_logged_download(client):
    from accounts.demo import REFERENT
    from library.models import DocumentDownload

    users = get_user_model().objects
    nantes = "/bibliotheque-ia/cantines/nantes-metropole/"
    client.force_login(users.get(username=AGENTS[0][1]))
    agent = client.get(nantes).content.decode()
    assert "Guide de déploiement" in agent and "Archive du code" not in agent
    assert 'href="mailto:claire.martin@nantes-metropole.example.org"' in agent
    lyon = client.get("/bibliotheque-ia/cantines/ville-de-lyon/").content.decode()
    assert "Écrire à ce contact" in lyon and "paul.durand@" not in lyon and "Paul Durand" not in lyon
    client.force_login(users.get(username=EXPERT[1]))
    expert = client.get(nantes).content.decode()
    archive_url = next(part.split('"')[0] for part in expert.split('href="')[1:]
                       if part.startswith("/bibliotheque-ia-acces/documents/") and "Archive du code" in part[:120])
    response = client.get(archive_url)
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    assert DocumentDownload.objects.filter(person__username=EXPERT[1]).count() == 2  # the demo's and this one
    client.force_login(users.get(username=REFERENT[1]))
    assert "Archive du code" in client.get("/bibliotheque-ia-acces/").content.decode()


def test_the_demo_gives_facets_a_record_to_check_and_an_open_error_report(client):
    from library.models import ErrorReport

    index = LibraryIndexPage.objects.get()
    text = client.get(index.url, {"size": "50000-200000"}).content.decode()
    assert "1 projet correspondant à votre recherche" in text and "Communauté d&#x27;Agglomération du Sicoval" in text
    assert "Hauts-de-France (" in client.get(index.url).content.decode()
    sicoval = client.get("/bibliotheque-ia/frequentation-decheteries/").content.decode()
    assert "À vérifier" in sicoval
    report = ErrorReport.objects.get()
    assert report.is_open and report.implementation.lead_organisation.name == "Ville de Lille"
    csv_text = client.get("/donnees/bibliotheque-ia.csv").content.decode()
    assert csv_text.count("\r\n") == 1 + Implementation.objects.count()


def test_one_submission_waits_for_the_team_and_one_record_has_two_versions(client):
    from reviews.models import Draft
    from reviews.services import versions_of

    waiting = Draft.objects.get(state="soumis")
    assert waiting.organisation.name == "Nantes Métropole" and waiting.object_id is None
    canteens = Implementation.objects.get(use_case__slug="cantines", lead_organisation__name="Nantes Métropole")
    assert list(versions_of(canteens).values_list("number", flat=True)) == [1, 2]
    history = client.get("/bibliotheque-ia/cantines/nantes-metropole/historique/").content.decode()
    assert "Version 2" in history and "écoles maternelles" in history


def test_records_of_label_laureates_link_to_their_laureate_page(client):
    linked = [record for record in Implementation.objects.for_page().filter(laureate__isnull=False)
              if record.public_laureate()]
    assert linked, "no record of the demo links to a laureate"
    record = linked[0]
    text = client.get(record.use_case.implementation_url(record.slug)).content.decode()
    url = record.public_laureate()["url"]
    assert "Distingué par un label" in text and f'href="{url}"' in text
    assert client.get(url).status_code == 200
