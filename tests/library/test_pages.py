"""The library's public pages: the index by theme, a use case and its implementations, their comparison, one
implementation at each reader's level; the editors' forms; the sitemap; a fixed number of queries."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from interconnectes.models import HomePage, NavigationSettings, Organisation, OrganisationKind, SiteSettings
from library.models import Implementation, LibraryIndexPage, UseCasePage
from library.rules import Status
from tests.accounts.factories import member, organisation
from tests.factories import OrganisationFactory
from tests.library.factories import (
    ImplementationFactory,
    TechniqueFactory,
    ThemeFactory,
    UseCasePageFactory,
    data_source,
    grant,
)
from tests.queries import cold_queries, page_queries, within_budget

pytestmark = pytest.mark.django_db
FAR = datetime.datetime(2099, 1, 1, tzinfo=datetime.UTC)


def test_page_tree_rules():
    assert LibraryIndexPage.parent_page_types == ["interconnectes.HomePage"]
    assert LibraryIndexPage.max_count == 1
    assert UseCasePage.parent_page_types == ["library.LibraryIndexPage"]
    assert UseCasePage.subpage_types == []
    assert LibraryIndexPage in HomePage.allowed_subpage_models()


def test_the_index_groups_use_cases_by_theme_and_counts_who_does_it(client, library):
    mobility = ThemeFactory(name="Mobilités", sort_order=3)
    ecology = ThemeFactory(name="Transition écologique", sort_order=1)
    canteens = UseCasePageFactory(parent=library, title="Cantines", theme=ecology)
    UseCasePageFactory(parent=library, title="Comptages vélo", theme=mobility)
    for status in (Status.PRODUCTION, Status.EXPERIMENT, Status.STOPPED, Status.IDEA):
        ImplementationFactory(use_case=canteens, status=status, stopped_reason="Arrêt du marché.",
                              ended_on=datetime.date(2024, 1, 1) if status == Status.STOPPED else None)
    text = client.get(library.url).text
    assert text.index("Transition écologique") < text.index("Cantines") < text.index("Mobilités") \
        < text.index("Comptages vélo")
    assert "2 collectivités le font" in text  # production and experiment; not the idea nor the stopped one
    assert "Aucune collectivité ne le fait encore" in text


def test_the_use_case_lists_its_implementations_and_links_their_comparison(client, use_case):
    nantes = ImplementationFactory(use_case=use_case, lead_organisation=OrganisationFactory(name="Nantes Métropole"))
    nantes.partners.add(OrganisationFactory(name="Université de Nantes"))
    nantes.save()  # a ParentalManyToManyField is written with its record
    ImplementationFactory(use_case=use_case, lead_organisation=OrganisationFactory(name="Ville de Lyon"),
                          is_illustrative=True)
    text = client.get(use_case.url).text
    assert "2 collectivités l’ont mis en œuvre" in text
    assert f'href="{use_case.url}nantes-metropole/"' in text and "Université de Nantes" in text
    assert "Contenu illustratif" in text
    assert f'href="{use_case.url}comparaison/"' in text
    assert '"@type": "CreativeWork"' in text and '"BreadcrumbList"' in text


def test_the_comparison_sets_public_fields_side_by_side(client, use_case):
    for name, licence in (("Nantes Métropole", "EUPL-1.2"), ("Toulouse Métropole", "etalab-2.0")):
        ImplementationFactory(use_case=use_case, lead_organisation=OrganisationFactory(name=name), licence=licence,
                              human_oversight=f"Contrôle à {name}")
    response = client.get(use_case.url + "comparaison/")
    text = response.text
    assert '<th scope="col"><a href="/bibliotheque-ia/cantines/nantes-metropole/">Nantes Métropole</a>' in text
    assert "Licence publique de l'Union européenne 1.2 (EUPL)" in text.replace("&#x27;", "'")
    assert "Licence Ouverte / Etalab 2.0" in text and "Contrôle à Toulouse Métropole" in text
    assert "<title>Comparaison · Prévoir la fréquentation des cantines · Les Interconnectés</title>" in text


def test_an_unknown_implementation_is_not_found(client, use_case):
    assert client.get(use_case.url + "inconnue/").status_code == 404


def lyon_agent():
    person = get_user_model().objects.create_user("agent@lyon.example.org", "agent@lyon.example.org")
    member(person, organisation("Ville de Lyon", kind=OrganisationKind.COMMUNE))
    return person


def test_an_implementation_shows_each_reader_their_level(client, use_case):
    implementation = ImplementationFactory(
        use_case=use_case, lead_organisation=OrganisationFactory(name="Nantes Métropole"),
        purpose="Commander le bon nombre de repas.", lessons_worked="Associer les cuisiniers dès le début.",
        model_card="Forêt aléatoire, 40 variables.")
    data_source(implementation)
    url = use_case.url + "nantes-metropole/"
    anonymous = client.get(url).text
    assert "Commander le bon nombre de repas." in anonymous and "Effectifs des cantines" in anonymous
    assert "Associer les cuisiniers" not in anonymous and "Forêt aléatoire" not in anonymous
    assert "réservés aux agents vérifiés des collectivités" in anonymous
    assert f'href="/compte/connexion/?next={url}"' in anonymous
    assert "<title>Prévoir la fréquentation des cantines · Nantes Métropole · Les Interconnectés</title>" in anonymous
    assert '<meta name="description" content="Commander le bon nombre de repas.">' in anonymous

    client.force_login(lyon_agent())
    agent = client.get(url).text
    assert "Associer les cuisiniers dès le début." in agent and "Forêt aléatoire" not in agent
    assert "réservés aux agents vérifiés" not in agent and "réservés aux titulaires d'un accès expert" in \
        agent.replace("&#x27;", "'")

    expert = get_user_model().objects.create_user("chercheuse@example.org", "chercheuse@example.org")
    grant(expert, implementation, expires_at=FAR)
    client.force_login(expert)
    expert_page = client.get(url).text
    assert "Forêt aléatoire, 40 variables." in expert_page and "Associer les cuisiniers" in expert_page
    assert "réservés" not in expert_page


def test_a_signed_in_reader_who_is_not_an_agent_is_told_how_to_become_one(client, use_case):
    ImplementationFactory(use_case=use_case, lead_organisation=OrganisationFactory(name="Nantes Métropole"),
                          lessons_failed="Les menus changeaient trop souvent.")
    client.force_login(get_user_model().objects.create_user("etudiante@example.org", "etudiante@example.org"))
    text = client.get(use_case.url + "nantes-metropole/").text
    assert "Les menus changeaient" not in text
    assert 'href="/compte/verification/"' in text


def test_an_expired_or_revoked_grant_opens_nothing(client, use_case):
    implementation = ImplementationFactory(use_case=use_case, model_card="Fiche confidentielle")
    expert = get_user_model().objects.create_user("expert@example.org", "expert@example.org")
    grant(expert, implementation, expires_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC))
    grant(expert, implementation, expires_at=FAR, revoked_at=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC))
    client.force_login(expert)
    assert "Fiche confidentielle" not in client.get(use_case.url + implementation.slug + "/").text


def test_the_sitemap_lists_the_use_case_its_comparison_and_its_implementations(client, use_case):
    for name in ("Nantes Métropole", "Ville de Lyon"):
        ImplementationFactory(use_case=use_case, lead_organisation=OrganisationFactory(name=name),
                              lessons_worked="Secret de niveau 1")
    text = client.get("/sitemap.xml").text
    for path in ("cantines/", "cantines/comparaison/", "cantines/nantes-metropole/", "cantines/ville-de-lyon/"):
        assert f"/bibliotheque-ia/{path}</loc>" in text
    assert "Secret" not in text


def test_the_sitemap_reads_the_implementations_of_every_use_case_in_one_query(client, library, use_case):
    ImplementationFactory(use_case=use_case)
    few = cold_queries(client, "/sitemap.xml")
    brest, pau = OrganisationFactory(name="Ville de Brest"), OrganisationFactory(name="Ville de Pau")
    for number in range(5):
        other = UseCasePageFactory(parent=library, title=f"Cas d'usage {number}", slug=f"cas-{number}")
        for lead in (brest, pau):
            ImplementationFactory(use_case=other, lead_organisation=lead)
    text = client.get("/sitemap.xml").text
    assert cold_queries(client, "/sitemap.xml") == few
    assert "/bibliotheque-ia/cas-4/ville-de-pau/</loc>" in text and "/bibliotheque-ia/cas-4/comparaison/</loc>" in text


# --- Editors ------------------------------------------------------------------------------------------------------

def implementation_form(use_case, lead, **values):
    data = {"use_case": use_case.pk, "lead_organisation": lead.pk, "slug": "", "status": Status.PRODUCTION,
            "stopped_reason": "", "started_on": "", "ended_on": "", "purpose": "Prévoir les repas.", "usage": "",
            "human_oversight": "", "ai_act_risk": "minimal", "contact_email": "", "licence": "MIT", "code_url": "",
            "open_data_url": "", "demonstrator_url": "", "environmental_note": "",
            "data_sources": inline_formset([{"name": "Effectifs", "url": "https://data.example.org/effectifs"}]),
            "documents": inline_formset([]), "contacts": inline_formset([])}
    data.update(values)
    return nested_form_data(data)


def test_an_editor_adds_an_implementation_under_level_headings(admin_client, use_case):
    lead = OrganisationFactory(name="Toulouse Métropole")
    form = admin_client.get("/admin/snippets/library/implementation/add/").text
    for heading in ("Niveau 0\u00a0: public", "Niveau 1\u00a0: agents vérifiés des collectivités",
                    "Niveau 2\u00a0: titulaires d&#x27;un accès expert à ce projet"):
        assert heading in form
    response = admin_client.post("/admin/snippets/library/implementation/add/", implementation_form(use_case, lead))
    assert response.status_code == 302, response.text[:3000]
    implementation = Implementation.objects.get()
    assert implementation.slug == "toulouse-metropole"
    assert [source.name for source in implementation.data_sources.all()] == ["Effectifs"]


def test_a_stopped_implementation_without_its_reason_is_refused_next_to_the_field(admin_client, use_case):
    lead = OrganisationFactory(name="Toulouse Métropole")
    response = admin_client.post("/admin/snippets/library/implementation/add/",
                                 implementation_form(use_case, lead, status=Status.STOPPED))
    assert response.status_code == 200
    assert "Indiquez pourquoi le projet a été arrêté" in response.text
    assert not Implementation.objects.exists()


def test_a_second_record_of_the_same_collectivite_is_refused(admin_client, use_case):
    lead = OrganisationFactory(name="Toulouse Métropole")
    ImplementationFactory(use_case=use_case, lead_organisation=lead)
    response = admin_client.post("/admin/snippets/library/implementation/add/",
                                 implementation_form(use_case, lead, slug="toulouse-2"))
    assert response.status_code == 200
    assert "Cette collectivité a déjà une fiche sur ce cas d&#x27;usage." in response.text


def test_a_licence_off_the_list_is_shown_to_staff(admin_client, use_case):
    ImplementationFactory(use_case=use_case, licence="autre")
    text = admin_client.get("/admin/snippets/library/implementation/").text
    assert "Licence à vérifier" in text or "licence à vérifier" in text


def test_an_editor_creates_a_use_case(admin_client, library):
    theme, technique = ThemeFactory(), TechniqueFactory()
    data = nested_form_data({"title": "Détecter les panneaux solaires", "slug": "panneaux-solaires", "intro": "",
                             "summary": "Repérer les toits équipés sur des images aériennes.",
                             "description": "Un modèle de vision repère les panneaux.", "theme": theme.pk,
                             "technique": technique.pk, "data_types": "", "benefits": "", "risks": "",
                             "success_conditions": "", "action-publish": "publish"})
    response = admin_client.post(f"/admin/pages/add/library/usecasepage/{library.pk}/", data)
    assert response.status_code == 302, response.text[:2000]
    assert UseCasePage.objects.get(slug="panneaux-solaires").live


# --- A fixed number of queries ------------------------------------------------------------------------------------

def populate(use_case, count):
    """`count` implementations (two partners and a data source each) on the use case, in bulk."""
    SiteSettings.for_site(use_case.get_site())  # created once by editors in real life
    NavigationSettings.for_site(use_case.get_site())
    start = Organisation.objects.count()
    organisations = Organisation.objects.bulk_create(
        [Organisation(name=f"Commune n° {start + n}", kind=OrganisationKind.COMMUNE) for n in range(count + 2)])
    implementations = Implementation.objects.bulk_create([
        Implementation(use_case=use_case, lead_organisation=org, slug=f"commune-{org.pk}", status=Status.PRODUCTION,
                       purpose="Prévoir les repas.", lessons_worked="Retour", licence="MIT",
                       first_published_at=datetime.datetime(2024, 1, 15, tzinfo=datetime.UTC))
        for org in organisations[:count]])
    Through = Implementation.partners.through
    Through.objects.bulk_create([Through(implementation=impl, organisation=org)
                                 for impl in implementations for org in organisations[count:]])
    from library.models import DataSource
    DataSource.objects.bulk_create([DataSource(implementation=impl, name="Effectifs", sort_order=0)
                                    for impl in implementations])
    return implementations[0]


@pytest.mark.parametrize("kind", ["index", "use_case", "comparison", "implementation"])
def test_queries_are_fixed_whatever_the_number_of_implementations(reader_client, library, use_case, kind):
    counts, target = [], None
    for size in (10, 990):  # 10, then 1,000 implementations
        first = populate(use_case, size)
        target = target if counts else first
        url = {"index": library.url, "use_case": use_case.url, "comparison": use_case.url + "comparaison/",
               "implementation": use_case.url + target.slug + "/"}[kind]
        counts.append(page_queries(reader_client, url))
    assert counts[0] == counts[1], counts
    assert within_budget(counts[0]), counts
    print(f"\n{kind}: {counts}")


def test_queries_of_an_agent_and_a_grant_holder_are_within_budget(client, use_case):
    target = populate(use_case, 10)
    agent = lyon_agent()
    client.force_login(agent)
    grant(agent, target, expires_at=FAR)
    assert within_budget(page_queries(client, use_case.url + target.slug + "/"))


def test_the_home_page_introduces_the_library_once_it_is_live(client, home):
    assert "Parcourir la bibliothèque" not in client.get("/").content.decode()
    library = LibraryIndexPage(title="Bibliothèque d'IA territorialisée", slug="bibliotheque-ia",
                               intro="Des projets d'IA menés par des collectivités.")
    home.add_child(instance=library)
    library.save_revision().publish()
    text = client.get("/").content.decode()
    assert f'<a href="{library.url}">Parcourir la bibliothèque</a>' in text
    assert "Des projets d'IA menés par des collectivités." in text.replace("&#x27;", "'")
