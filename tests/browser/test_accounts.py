"""An agent's journey: sign up with an address on a member collectivité's domain, confirm it, find the verified
membership in "Mon espace", log out from the header; axe-core on every page and form state."""

import re

import pytest
from django.core import mail

from tests.accounts.factories import organisation
from tests.browser.journeys import follow, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("wagtail_base")]

PASSWORD = "cantines et données 2026"


def link_in(message):
    return re.search(r"https?://\S+", message.body).group(0)


@pytest.mark.usefixtures("site_at_live_server")
def test_sign_up_on_a_domain_confirm_see_the_membership_and_log_out(page, live_server, home, assert_accessible):
    organisation("Nantes Métropole", member_year=2026, domain="nantesmetropole.fr")
    base = live_server.url
    page.goto(base + "/")
    assert_accessible(page)
    follow(page, page.get_by_role("link", name="Se connecter"))
    follow(page, page.get_by_role("link", name="Créer un compte"))
    assert_accessible(page)

    page.get_by_label("Prénom").fill("Camille")
    page.get_by_label("Nom", exact=True).fill("Martin")
    page.get_by_label("Adresse e-mail").fill("camille.martin@nantesmetropole.fr")
    page.get_by_label("Mot de passe", exact=True).fill("camille.martin")
    page.get_by_label("Confirmation du mot de passe").fill("camille.martin")
    follow(page, page.get_by_role("button", name="Créer mon compte"))
    assert "ressemble trop à votre nom" in page.content()  # the reported password, refused next to its field
    assert page.get_by_label("Adresse e-mail").input_value() == "camille.martin@nantesmetropole.fr"
    assert_accessible(page)
    page.get_by_label("Mot de passe", exact=True).fill(PASSWORD)
    page.get_by_label("Confirmation du mot de passe").fill(PASSWORD)
    follow(page, page.get_by_role("button", name="Créer mon compte"))
    assert page.locator("h1").inner_text() == "Vérifiez vos e-mails"
    assert_accessible(page)

    page.goto(base + "/compte/connexion/")
    page.get_by_label("Adresse e-mail").fill("camille.martin@nantesmetropole.fr")
    page.get_by_label("Mot de passe", exact=True).fill(PASSWORD)
    follow(page, page.get_by_role("button", name="Se connecter"))
    assert "pas encore confirmée" in page.content()  # logging in before confirming says what to do
    assert_accessible(page)

    page.goto(link_in(mail.outbox[-1]))
    assert "vous en êtes agent vérifié·e" in page.content()
    assert_accessible(page)
    page.get_by_label("Adresse e-mail").fill("camille.martin@nantesmetropole.fr")
    page.get_by_label("Mot de passe", exact=True).fill(PASSWORD)
    follow(page, page.get_by_role("button", name="Se connecter"))
    assert page.locator("h1").inner_text() == "Mon espace"
    memberships = page.locator("ul.memberships")
    assert "Nantes Métropole" in memberships.inner_text() and "vérifiée" in memberships.inner_text()
    header = page.locator("header.site-header")
    assert "Camille Martin" in header.inner_text()
    assert_accessible(page)

    follow(page, header.get_by_role("button", name="Se déconnecter"))
    assert page.locator("h1").inner_text() == "Se connecter"
    assert page.locator("header.site-header").get_by_role("button", name="Se déconnecter").count() == 0
    assert_accessible(page)


@pytest.mark.usefixtures("site_at_live_server")
def test_a_referent_invites_an_agent_who_accepts_then_revokes_them(page, live_server, home, assert_accessible):
    from tests.accounts.factories import member
    from tests.labels.factories import UserFactory

    nantes = organisation("Nantes Métropole", member_year=2026)
    member(UserFactory(email="referente@example.org", first_name="Sophie", last_name="Le Goff"), nantes,
           role="referent")
    UserFactory(email="karim@example.org", first_name="Karim", last_name="Benali")
    base = live_server.url

    log_in(page, base, "referente@example.org")
    follow(page, page.get_by_role("link", name="Gérer les agents"))
    assert page.locator("h1").inner_text() == "Nantes Métropole"
    assert_accessible(page)
    page.get_by_role("button", name="Envoyer l'invitation").click()  # empty: refused next to the field
    assert page.locator("#id_email_error").is_visible()
    assert_accessible(page)
    page.get_by_label("Adresse e-mail de l'agent").fill("karim@example.org")
    follow(page, page.get_by_role("button", name="Envoyer l'invitation"))
    assert "L'invitation est envoyée" in page.content()
    assert_accessible(page)
    link = link_in(mail.outbox[-1])
    follow(page, page.locator("header.site-header").get_by_role("button", name="Se déconnecter"))

    log_in(page, base, "karim@example.org")
    page.goto(link)
    assert_accessible(page)
    follow(page, page.get_by_role("button", name="Accepter l'invitation"))
    assert page.locator("h1").inner_text() == "Mon espace"
    assert "Nantes Métropole" in page.locator("ul.memberships").inner_text()
    page.goto(link)  # a second use is refused on the page
    assert "ne sert qu'une fois" in page.content()
    assert_accessible(page)
    page.goto(base + "/compte/verification/")
    follow(page, page.get_by_role("button", name="Envoyer ma demande"))
    assert "saisissez son nom si elle n'y est pas" in page.content()
    assert_accessible(page)
    page.goto(base + "/compte/adherer/")
    page.get_by_label("SIREN").fill("123")
    follow(page, page.get_by_role("button", name="Envoyer la demande d'adhésion"))
    assert "exactement 9 chiffres" in page.content()
    assert_accessible(page)
    follow(page, page.locator("header.site-header").get_by_role("button", name="Se déconnecter"))

    log_in(page, base, "referente@example.org")
    page.goto(base + f"/compte/organisations/{nantes.pk}/")
    follow(page, page.get_by_role("button", name="Révoquer karim@example.org"))
    assert "Le rattachement est révoqué" in page.content()
    assert "karim@example.org" not in page.locator("table").inner_text()
    assert_accessible(page)
