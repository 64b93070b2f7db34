"""A référent commits Tours Métropole to the charter and staff verify it: the territory then appears among the
engaged territories and in the public register. axe-core on each page."""

import pytest

from accounts.models import MembershipRole
from consultations.models import Commitment, CommitmentStatus
from tests.accounts.factories import organisation
from tests.browser.journeys import follow, log_in
from tests.consultations.charter_factories import PDF, charter, lessons, programme_page
from tests.labels.factories import user_with_permissions
from tests.library.reviewing import agent

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("wagtail_base")]


def test_a_referent_commits_tours_metropole_and_staff_verify_it(page, live_server, home, assert_accessible,
                                                                 tmp_path):
    programme = programme_page(home)
    charter()
    lessons()
    tours = organisation("Tours Métropole Val de Loire")
    agent("referente@tours.example.org", tours, role=MembershipRole.REFERENT)
    user_with_permissions("wagtailadmin.access_admin", "consultations.verify_commitment",
                          email="programme@example.org", is_staff=True)
    signed = tmp_path / "charte-signee.pdf"
    signed.write_bytes(PDF)
    base = live_server.url

    # The programme page: Tours is not engaged yet; the référente follows the link to commit.
    page.goto(base + programme.url)
    assert_accessible(page)
    assert "Tours Métropole Val de Loire" not in page.locator("#territoires").inner_text()
    log_in(page, base, "referente@tours.example.org", "/concertations-ia/engagement/")
    assert_accessible(page)
    page.get_by_label("Nom du ou de la signataire").fill("Claire Dubreuil")
    page.get_by_label("Fonction publique du ou de la signataire").fill("Vice-présidente déléguée au numérique")
    page.get_by_label("Date de signature").fill("31/12/2099")
    page.get_by_label("Charte signée (PDF)").set_input_files(str(signed))
    page.get_by_label("Périmètre de l'engagement").fill("Les services de la métropole et ses habitants.")
    follow(page, page.get_by_role("button", name="Déposer l’engagement"))
    # A date in the future: the error is next to the field, what was typed is kept.
    assert "La date de signature ne peut pas être dans le futur." in page.locator("#id_signed_on_error").inner_text()
    assert page.get_by_label("Nom du ou de la signataire").input_value() == "Claire Dubreuil"
    assert_accessible(page)
    page.get_by_label("Date de signature").fill("10/02/2026")
    page.get_by_label("Charte signée (PDF)").set_input_files(str(signed))
    follow(page, page.get_by_role("button", name="Déposer l’engagement"))
    assert "Votre engagement est enregistré" in page.content()
    assert "En attente de vérification" in page.content()

    # The team checks the signatory's authority and verifies it.
    log_in(page, base, "programme@example.org", "/concertations-ia/verification/")
    assert_accessible(page)
    follow(page, page.get_by_role("link", name="Tours Métropole Val de Loire"))
    assert "Claire Dubreuil, Vice-présidente déléguée au numérique" in page.content()
    assert_accessible(page)
    page.get_by_label("Vérifié : le ou la signataire engage bien").check()
    follow(page, page.get_by_role("button", name="Enregistrer la décision"))
    assert "L’engagement est vérifié" in page.content() or "L'engagement est vérifié" in page.content()
    assert Commitment.objects.get().status == CommitmentStatus.VERIFIED

    # Everyone sees Tours among the engaged territories and in the register (a new visitor: the first visit's
    # copy of the page is in this browser's HTTP cache, as the site's cache headers allow).
    visitor = page.context.browser.new_context().new_page()
    visitor.goto(base + programme.url)
    assert "Tours Métropole Val de Loire" in visitor.locator("#territoires").inner_text()
    follow(visitor, visitor.get_by_role("link", name="Le registre des signataires de la charte"))
    assert "Claire Dubreuil" in visitor.content()
    assert_accessible(visitor)
    visitor.context.close()
