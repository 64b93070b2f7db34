"""The resource space in a browser: a visitor filters it by kind, opens a public guide and downloads it; a member
votes "utile"; a non-member is refused a members-only file. axe-core on each page."""

import pytest

from tests.browser.journeys import follow, log_in
from tests.events.factories import EventThemeFactory
from tests.resources.factories import PDF, ResourceFactory, ResourceIndexPageFactory, collection, readers

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("wagtail_base")]


def test_a_visitor_filters_and_downloads_a_member_votes_a_non_member_is_refused(page, live_server, home, clock,
                                                                                  assert_accessible):
    ResourceIndexPageFactory(parent=home)
    ia = EventThemeFactory(name="Intelligence artificielle")
    guide = ResourceFactory(title="Concertations territoriales de l'IA", slug="concertations-ia", themes=[ia])
    ResourceFactory(title="Fiche inclusion", slug="fiche-inclusion", kind="fiche")
    reserved = ResourceFactory(title="Grille de restitution", slug="grille-restitution", kind="modele",
                               visibility="membres")
    collection("Guides data-IA", "guides-data-ia", [guide, reserved])
    people = readers(clock().year)
    base = live_server.url

    # A visitor filters by kind, opens the guide and downloads it.
    page.goto(base + "/ressources/")
    assert_accessible(page)
    assert "Grille de restitution" not in page.content()
    page.get_by_label("Type").select_option(label="Guide")
    follow(page, page.get_by_role("button", name="Filtrer"))
    assert "kind=guide" in page.url
    assert page.get_by_role("link", name="Fiche inclusion").count() == 0
    follow(page, page.get_by_role("link", name="Concertations territoriales de l'IA"))
    assert page.locator("h1").inner_text() == "Concertations territoriales de l'IA"
    assert_accessible(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Télécharger").click()
    download = download_info.value
    assert download.suggested_filename == "concertations-territoriales-de-lia.pdf"
    with open(download.path(), "rb") as handle:
        assert handle.read() == PDF

    # A member agent votes "utile" and sees the members-only resource.
    log_in(page, base, "agent@nantes.fr", "/ressources/concertations-ia/")
    follow(page, page.get_by_role("button", name="Oui, utile"))
    assert "Merci : votre avis est enregistré." in page.content()
    assert "Réponses : 1 oui, 0 non." in page.content()
    assert "Vous avez répondu oui." in page.content()
    assert_accessible(page)
    page.goto(base + "/ressources/collections/guides-data-ia/")
    assert page.get_by_role("link", name="Grille de restitution").count() == 1

    # A signed-in agent of a non-member collectivité is refused the members-only file, even by its address.
    assert people["agent of a non-member"] is not None
    log_in(page, base, "agent@tregunc.fr", "/ressources/")
    assert "Grille de restitution" not in page.content()
    response = page.goto(base + "/ressources/grille-restitution/fichier/")
    assert response.status == 403
    assert "Ressource réservée aux membres" in page.content()
    assert_accessible(page)
