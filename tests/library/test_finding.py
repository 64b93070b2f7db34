"""Finding things in the library: facets (rules and page, bad input), words, "projets similaires", the "à vérifier"
badge, and a fixed number of queries on the library page with 10 and with 1,000 records, filtered or not."""

import datetime

import pytest

from interconnectes.models import Organisation, OrganisationKind
from interconnectes.regions import Region
from library import facets
from library.models import Implementation
from library.rules import Status
from sitesearch import indexing
from tests.factories import OrganisationFactory
from tests.library.factories import ImplementationFactory, TechniqueFactory, ThemeFactory, UseCasePageFactory
from tests.library.test_pages import populate
from tests.queries import page_queries, within_budget

D = datetime.date


# --- Rules on plain values ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("population", "key"), [(0, "moins-de-10000"), (9_999, "moins-de-10000"),
                                                 (10_000, "10000-50000"), (199_999, "50000-200000"),
                                                 (200_000, "plus-de-200000"), (2_000_000, "plus-de-200000")])
def test_size_bands_cover_every_population_once(population, key):
    assert facets.size_band(population).key == key


def test_an_unknown_population_has_no_band():
    assert facets.size_band(None) is None


def test_similarity_adds_the_weights_of_shared_facts_only():
    mine = {"use_case": 1, "theme": 2, "technique": 3, "region": "bre", "kind": "commune", "size": "a", "code": True}
    assert facets.similarity(mine, mine) == sum(facets.SIMILARITY_WEIGHTS.values())
    assert facets.similarity(mine, {"theme": 2, "region": "bre"}) == 3
    assert facets.similarity({"region": ""}, {"region": ""}) == 0  # an unknown fact is never shared


def test_review_dates_are_a_year_later_and_29_february_falls_on_28():
    assert facets.review_due(D(2025, 3, 15)) == D(2026, 3, 15)
    assert facets.review_due(D(2024, 2, 29)) == D(2025, 2, 28)
    assert facets.add_months(D(2025, 1, 31), 1) == D(2025, 2, 28)


def test_a_record_is_to_check_the_day_after_its_review_date():
    assert not facets.is_to_check(D(2026, 1, 10), D(2026, 1, 10))
    assert facets.is_to_check(D(2026, 1, 10), D(2026, 1, 11))
    assert not facets.is_to_check(None, D(2026, 1, 11))


def test_owners_are_reminded_once_per_review_date():
    assert not facets.needs_reminder(D(2026, 1, 10), None, D(2026, 1, 9))
    assert facets.needs_reminder(D(2026, 1, 10), None, D(2026, 1, 10))
    assert not facets.needs_reminder(D(2026, 1, 10), D(2026, 1, 10), D(2026, 2, 1))
    assert facets.needs_reminder(D(2027, 1, 10), D(2026, 1, 10), D(2027, 1, 12))  # a new date, a new reminder


def test_a_link_is_broken_without_an_answer_or_with_an_error():
    assert facets.is_broken(None) and facets.is_broken(404) and facets.is_broken(500)
    assert not facets.is_broken(200) and not facets.is_broken(301)


def test_an_error_report_is_due_in_fifteen_days():
    assert facets.report_due(D(2026, 1, 20)) == D(2026, 2, 4)


# --- The library page's facets ------------------------------------------------------------------------------------

pytestmark = pytest.mark.django_db


@pytest.fixture
def shelves(library):
    """Three records: Nantes (ecology, open code, lessons), Lyon (ecology, no code), Brest (mobility, open code)."""
    ecology, mobility = ThemeFactory(name="Transition écologique"), ThemeFactory(name="Mobilités")
    vision = TechniqueFactory(name="Vision par ordinateur")
    canteens = UseCasePageFactory(parent=library, title="Prévoir les repas des cantines", slug="cantines",
                                  theme=ecology)
    bikes = UseCasePageFactory(parent=library, title="Compter les vélos", slug="velos", theme=mobility,
                               technique=vision)
    nantes = ImplementationFactory(
        use_case=canteens, lead_organisation=OrganisationFactory(
            name="Nantes Métropole", region=Region.PAYS_DE_LA_LOIRE, kind=OrganisationKind.METROPOLE,
            population=670_000),
        code_url="https://code.example.org/nantes", lessons_worked="Le secret des cuisiniers",
        purpose="Commander le bon nombre de repas.")
    lyon = ImplementationFactory(
        use_case=canteens, lead_organisation=OrganisationFactory(
            name="Ville de Lyon", region=Region.AUVERGNE_RHONE_ALPES, kind=OrganisationKind.COMMUNE,
            population=520_000), status=Status.EXPERIMENT, purpose="Réduire le gaspillage alimentaire.")
    brest = ImplementationFactory(
        use_case=bikes, lead_organisation=OrganisationFactory(
            name="Brest Métropole", region=Region.BRETAGNE, kind=OrganisationKind.METROPOLE, population=210_000),
        code_url="https://code.example.org/brest", purpose="Compter les cyclistes aux carrefours.")
    return {"nantes": nantes, "lyon": lyon, "brest": brest}


def listed(text):
    return [name for name in ("Nantes Métropole", "Ville de Lyon", "Brest Métropole")
            if f">{name}</a></h3>" in text]


def test_the_library_lists_every_published_record_with_its_facets(client, library, shelves):
    text = client.get(library.url).text
    assert listed(text) == ["Nantes Métropole", "Ville de Lyon", "Brest Métropole"]
    assert "3 projets" in text
    assert '<option value="transition-ecologique">Transition écologique (2)</option>' in text
    assert '<option value="metropole">Métropole (2)</option>' in text
    assert '<option value="plus-de-200000">200 000 habitants et plus (3)</option>' in text
    assert "Code ouvert (2)" in text and "Retour d&#x27;expérience disponible (1)" in text
    assert 'href="/donnees/bibliotheque-ia/"' in text


def test_a_new_theme_is_offered_at_once(client, library, shelves):
    assert "Santé" not in client.get(library.url).text
    ThemeFactory(name="Santé")
    assert '<option value="sante">Santé (0)</option>' in client.get(library.url).text


def test_filters_combine_and_counts_say_what_each_choice_would_give(client, library, shelves):
    text = client.get(library.url, {"theme": "transition-ecologique", "code": "on"}).text
    assert listed(text) == ["Nantes Métropole"]
    assert "1 projet correspondant à votre recherche" in text
    # Theme counts keep the "code ouvert" filter; the code count keeps the theme.
    assert '<option value="mobilites">Mobilités (1)</option>' in text
    assert '<option value="transition-ecologique" selected>Transition écologique (1)</option>' in text
    assert "Code ouvert (1)" in text
    assert 'href="?theme=transition-ecologique&amp;code=on&amp;page=' not in text  # one page only
    assert listed(client.get(library.url, {"region": "ara"}).text) == ["Ville de Lyon"]
    assert listed(client.get(library.url, {"kind": "metropole", "status": "production"}).text) == [
        "Nantes Métropole", "Brest Métropole"]
    assert listed(client.get(library.url, {"size": "200000-x"}).text) == listed(client.get(library.url).text)
    assert listed(client.get(library.url, {"technique": "vision-par-ordinateur"}).text) == ["Brest Métropole"]
    assert listed(client.get(library.url, {"lessons": "on"}).text) == ["Nantes Métropole"]


def test_the_lessons_facet_tells_they_exist_never_what_they_say(client, library, shelves):
    text = client.get(library.url, {"lessons": "on"}).text
    assert "Le secret des cuisiniers" not in text


def test_an_unknown_value_is_answered_next_to_its_field_and_ignored(client, library, shelves):
    response = client.get(library.url, {"theme": "n-existe-pas", "region": "<script>", "page": "x", "code": "on"})
    assert response.status_code == 200
    text = response.text
    assert text.count("Ce choix n&#x27;existe pas (ou plus) : le filtre est ignoré.") == 2
    assert listed(text) == ["Nantes Métropole", "Brest Métropole"]  # the valid filter still applies
    assert "<script>" not in text


def test_words_are_found_in_level_0_text_accents_and_plurals_folded(client, library, shelves):
    indexing.rebuild()
    assert listed(client.get(library.url, {"q": "GASPILLAGES alimentaires"}).text) == ["Ville de Lyon"]
    assert listed(client.get(library.url, {"q": "repas cycliste"}).text) == []
    assert listed(client.get(library.url, {"q": "cuisiniers"}).text) == []  # level 1: never searched
    assert listed(client.get(library.url, {"q": "le la"}).text) == []  # stop words alone find nothing odd
    assert client.get(library.url, {"q": "x" * 500}).status_code == 200


def test_a_record_of_an_unpublished_use_case_is_not_listed(client, library, shelves):
    shelves["brest"].use_case.unpublish()
    assert listed(client.get(library.url).text) == ["Nantes Métropole", "Ville de Lyon"]


def test_a_record_page_shows_similar_projects_best_first(client, library, shelves):
    text = client.get(shelves["nantes"].use_case.url + "nantes-metropole/").text
    similar = text[text.index("Projets similaires"):]
    # Lyon: same use case and theme (6); Brest: a métropole with open code and as many inhabitants' band (3).
    assert similar.index("Ville de Lyon") < similar.index("Brest Métropole")
    assert "Nantes Métropole</a></h3>" not in similar


def test_a_record_past_its_review_date_says_it_is_to_check(client, library, shelves):
    Implementation.objects.filter(pk=shelves["lyon"].pk).update(review_due_on=D(2020, 1, 1))
    page = client.get(shelves["lyon"].use_case.url + "ville-de-lyon/").text
    assert "À vérifier" in page and "devait être revue par sa collectivité le 1 janvier 2020" in page
    nantes = client.get(shelves["nantes"].use_case.url + "nantes-metropole/").text
    assert "library-to-check" not in nantes  # Nantes is up to date; Lyon, among its similar projects, is not
    assert nantes[nantes.index("Projets similaires"):].count("À vérifier") == 1
    assert client.get(library.url).text.count("À vérifier") == 1
    assert client.get(shelves["lyon"].use_case.url).text.count("À vérifier") == 1


def test_saving_sets_the_review_date(use_case):
    implementation = ImplementationFactory(use_case=use_case)
    assert implementation.review_due_on == facets.review_due(datetime.date.today())
    implementation.mark_reviewed(D(2030, 5, 2))
    implementation.refresh_from_db()
    assert implementation.review_due_on == D(2031, 5, 2)


# --- A fixed number of queries ------------------------------------------------------------------------------------

@pytest.mark.parametrize("filtered", [False, True], ids=["library", "filtered"])
def test_the_library_page_asks_as_many_queries_with_10_and_with_1000_records(reader_client, library, use_case,
                                                                             filtered):
    params = {"theme": use_case.theme.slug, "code": "on", "region": "bre", "q": "repas"} if filtered else None
    counts = []
    for size in (10, 990):  # 10, then 1,000 implementations
        populate(use_case, size)
        Organisation.objects.update(region=Region.BRETAGNE, population=12_000)
        Implementation.objects.update(code_url="https://code.example.org/")
        counts.append(page_queries(reader_client, library.url, params))
    assert counts[0] == counts[1], counts
    assert within_budget(counts[0]), counts
    print(f"\nlibrary page {'filtered' if filtered else 'unfiltered'}: 10 records {counts[0]}, "
          f"1,000 records {counts[1]} (cold, warm)")
