"""The library's expert access and contacts in a browser: an agent of Lyon reads the lessons of Nantes' canteen
project and writes to its contact through the site; an expert asks for access to its code, Nantes' référente
grants it from the e-mail's link, and the expert downloads the archive. axe-core on each page."""

import re

import pytest
from django.core import mail

from accounts.models import MembershipRole
from interconnectes.models import OrganisationKind
from library.models import DocumentDownload
from tests.accounts.factories import member, organisation
from tests.browser.journeys import follow, log_in
from tests.labels.factories import UserFactory
from tests.library.factories import (
    ImplementationFactory,
    LibraryIndexPageFactory,
    UseCasePageFactory,
    contact,
    document,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True),
              pytest.mark.usefixtures("wagtail_base", "site_at_live_server")]


@pytest.fixture
def canteens(home):
    library = LibraryIndexPageFactory(parent=home)
    use_case = UseCasePageFactory(parent=library, title="Prévoir la fréquentation des cantines", slug="cantines")
    nantes = organisation("Nantes Métropole")
    implementation = ImplementationFactory(
        use_case=use_case, lead_organisation=nantes, purpose="Commander le bon nombre de repas.",
        lessons_worked="Associer les cuisiniers dès le début du projet.",
        model_card="Gradient boosting sur trois ans d'effectifs.")
    return use_case.url + implementation.slug + "/", implementation, nantes


def log_out(page):
    follow(page, page.locator("header.site-header").get_by_role("button", name="Se déconnecter"))


def test_an_agent_of_lyon_reads_the_lessons_and_writes_to_the_contact(page, live_server, canteens,
                                                                     assert_accessible):
    url, implementation, _nantes = canteens
    contact(implementation, name="Paul Durand", role="Chef de projet restauration scolaire",
            email="paul.durand@nantes.example.org")
    agent = UserFactory(email="agent@lyon.example.org", username="agent@lyon.example.org", first_name="Léa",
                        last_name="Bernard")
    member(agent, organisation("Ville de Lyon", kind=OrganisationKind.COMMUNE))
    base = live_server.url

    log_in(page, base, "agent@lyon.example.org")
    page.goto(base + url)
    assert "Associer les cuisiniers dès le début du projet." in page.content()
    assert "paul.durand@" not in page.content() and "Paul Durand" not in page.content()
    assert_accessible(page)
    follow(page, page.get_by_role("link", name="Écrire à ce contact"))
    assert page.locator("h1").inner_text() == "Écrire au contact du projet"
    follow(page, page.get_by_role("button", name="Envoyer le message"))
    assert "Indiquez l'objet de votre message." in page.locator(".form-errors").inner_text()
    assert_accessible(page)
    page.get_by_label("Objet").fill("Vos cantines")
    page.get_by_label("Message").fill("Comment avez-vous associé les cuisiniers ?")
    follow(page, page.get_by_role("button", name="Envoyer le message"))
    assert page.locator("h1").inner_text() == "Nantes Métropole"
    assert "Votre message est transmis" in page.content()
    relayed, copy = mail.outbox
    assert relayed.to == ["paul.durand@nantes.example.org"] and relayed.reply_to == ["agent@lyon.example.org"]
    assert copy.to == ["agent@lyon.example.org"] and "paul.durand" not in copy.body


def test_an_expert_requests_code_access_and_downloads_once_granted(page, live_server, canteens, assert_accessible):
    url, implementation, nantes = canteens
    document(implementation, title="Archive du code", level=2)
    UserFactory(email="experte@recherche.example.org", username="experte@recherche.example.org", first_name="Inès")
    referent = UserFactory(email="referente@nantes.example.org", username="referente@nantes.example.org")
    member(referent, nantes, role=MembershipRole.REFERENT)
    base = live_server.url

    log_in(page, base, "experte@recherche.example.org")
    page.goto(base + url)
    assert "Archive du code" not in page.content()
    follow(page, page.get_by_role("link", name="Demander un accès expert"))
    assert_accessible(page)
    page.get_by_label("Objet de votre demande").fill("Évaluer la reprise du modèle pour une thèse sur le "
                                                     "gaspillage alimentaire.")
    follow(page, page.get_by_role("button", name="Envoyer ma demande"))
    assert "Acceptez les conditions d'utilisation" in page.locator(".form-errors").inner_text()
    page.get_by_label("J'accepte les conditions d'utilisation ci-dessus").check()
    follow(page, page.get_by_role("button", name="Envoyer ma demande"))
    assert "Votre demande est envoyée" in page.content()
    log_out(page)

    request_mail = mail.outbox[-1]
    assert request_mail.to == ["referente@nantes.example.org"]
    decide_link = next(link for link in re.findall(r"https?://\S+", request_mail.body) if "/demandes/" in link)
    log_in(page, base, "referente@nantes.example.org")
    page.goto(decide_link)
    assert page.locator("h1").inner_text() == "Demande d'accès expert"
    assert_accessible(page)
    follow(page, page.get_by_role("button", name="Accorder l'accès"))
    assert "Accès accordé" in page.content()
    assert_accessible(page)
    log_out(page)

    assert "accordé" in mail.outbox[-1].subject
    log_in(page, base, "experte@recherche.example.org")
    page.goto(base + url)
    assert "Gradient boosting sur trois ans d'effectifs." in page.content().replace("&#x27;", "'")
    assert_accessible(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Archive du code").click()
    assert download_info.value.suggested_filename == "archive-du-code.pdf"
    assert DocumentDownload.objects.filter(person__email="experte@recherche.example.org").count() == 1
