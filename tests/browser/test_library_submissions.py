"""An agent submits a new record by "reprendre ce projet", the team asks for a change, the agent makes it, the team
publishes: the public page shows it, with the project it reprises and its history. axe-core on each page."""

import pytest

from interconnectes.models import OrganisationKind
from tests.accounts.factories import organisation
from tests.browser.journeys import follow, log_in
from tests.factories import OrganisationFactory
from tests.library.factories import ImplementationFactory, LibraryIndexPageFactory, UseCasePageFactory
from tests.library.reviewing import agent, library_staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("wagtail_base")]


def test_reprendre_ce_projet_then_a_change_requested_then_published(page, live_server, home, assert_accessible):
    library = LibraryIndexPageFactory(parent=home)
    use_case = UseCasePageFactory(parent=library, title="Prévoir la fréquentation des cantines", slug="cantines")
    ImplementationFactory(use_case=use_case, lead_organisation=OrganisationFactory(name="Nantes Métropole"),
                          purpose="Commander le bon nombre de repas.", usage="Les cuisiniers, chaque lundi.",
                          lessons_worked="Associer les cuisiniers dès le début.")
    agent("agent@lyon.example.org", organisation("Ville de Lyon", kind=OrganisationKind.COMMUNE))
    library_staff("equipe@example.org")
    base = live_server.url

    # The agent reprises Nantes' project for Lyon.
    log_in(page, base, "agent@lyon.example.org", use_case.url + "nantes-metropole/")
    follow(page, page.get_by_role("link", name="Reprendre ce projet dans ma collectivité"))
    assert "Vous reprenez le projet de Nantes Métropole" in page.content()
    assert_accessible(page)
    follow(page, page.get_by_role("button", name="Créer le brouillon"))
    assert page.locator("h1").inner_text() == "Fiche de Ville de Lyon"
    assert page.get_by_label("Finalité", exact=True).input_value() == "Commander le bon nombre de repas."
    assert page.get_by_label("Ce qui a marché", exact=True).input_value() == "Associer les cuisiniers dès le début."
    assert page.get_by_text("Niveau 1\u00a0: agents vérifiés des collectivités").count() == 1
    page.get_by_label("Statut", exact=True).select_option(label="Expérimentation")
    follow(page, page.get_by_role("button", name="Enregistrer le brouillon"))
    assert "Brouillon enregistré." in page.content()
    assert_accessible(page)
    follow(page, page.get_by_role("button", name="Soumettre la fiche"))
    assert "La fiche est soumise à l’équipe" in page.content() or "La fiche est soumise à l'équipe" in page.content()

    # The team asks for a change on one field.
    log_in(page, base, "equipe@example.org", "/projets-ia/relecture/")
    assert_accessible(page)
    follow(page, page.get_by_role("link", name="Prévoir la fréquentation des cantines · Ville de Lyon"))
    assert_accessible(page)
    page.get_by_label("Remarque sur « utilisation »").fill("Dites qui s'en sert à Lyon.")
    page.get_by_label("Demander des modifications").check()
    follow(page, page.get_by_role("button", name="Enregistrer la décision"))
    assert "Les modifications sont demandées aux rédacteurs." in page.content()

    # The agent reads the remark next to the field and makes the change.
    log_in(page, base, "agent@lyon.example.org", "/projets-ia/")
    follow(page, page.get_by_role("link", name="Fiche de Ville de Lyon").first)
    assert page.locator("#comment-usage").inner_text().endswith("Dites qui s'en sert à Lyon.")
    assert_accessible(page)
    page.get_by_label("Utilisation", exact=True).fill("La cuisine centrale de Lyon, chaque vendredi.")
    follow(page, page.get_by_role("button", name="Enregistrer le brouillon"))
    follow(page, page.get_by_role("button", name="Soumettre la fiche"))

    # The team publishes, every point of the checklist ticked.
    log_in(page, base, "equipe@example.org", "/projets-ia/relecture/")
    follow(page, page.get_by_role("link", name="Prévoir la fréquentation des cantines · Ville de Lyon"))
    for item in ("langage clair", "Aucune donnée personnelle", "La licence est dans la liste",
                 "Les liens publics", "Les partenaires et personnes"):
        page.get_by_label(item).check()
    page.get_by_label("Approuver et publier").check()
    follow(page, page.get_by_role("button", name="Enregistrer la décision"))
    assert "La fiche est publiée." in page.content()

    # Everyone reads it, with the project it reprises and its first version.
    page.context.clear_cookies()
    page.goto(base + use_case.url + "ville-de-lyon/")
    assert page.locator("h1").inner_text() == "Ville de Lyon"
    assert "La cuisine centrale de Lyon, chaque vendredi." in page.content()
    assert "Associer les cuisiniers" not in page.content()
    credit = page.locator("p", has_text="Ce projet reprend celui de")
    assert credit.get_by_role("link", name="Nantes Métropole").count() == 1
    assert_accessible(page)
    follow(page, page.get_by_role("link", name="Historique des versions"))
    assert page.get_by_role("heading", name="Version 1").count() == 1 or "Version 1, publiée le" in page.content()
    assert_accessible(page)
