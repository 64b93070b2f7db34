"""An applicant's journey: sign up, confirm the address, fill the steps, upload a PDF, submit, get the receipt."""

import re

import pytest
from django.core import mail

from interconnectes import clock
from tests.browser.journeys import follow, log_in
from tests.labels.factories import LabelCampaignPageFactory, LabelIndexPageFactory, UserFactory, paris

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("wagtail_base")]

PASSWORD = "cantines et données 2026"


@pytest.fixture
def campaign(home, monkeypatch):
    monkeypatch.setattr(clock, "now", lambda: paris(2026, 3, 1, 10, 0))
    index = LabelIndexPageFactory(parent=home)
    return LabelCampaignPageFactory(parent=index, title="Territoire innovant 2026")


def link_in(message):
    return re.search(r"https?://\S+", message.body).group(0)


@pytest.mark.usefixtures("site_at_live_server")
def test_sign_up_apply_and_receive_the_receipt(page, live_server, campaign, assert_accessible, tmp_path):
    base = live_server.url
    page.goto(base + campaign.url)
    assert page.locator("h1").count() == 1
    assert_accessible(page)
    follow(page, page.get_by_role("link", name="Créer un compte"))
    assert_accessible(page)
    page.get_by_label("Prénom").fill("Camille")
    page.get_by_label("Nom", exact=True).fill("Durand")
    page.get_by_label("Adresse e-mail").fill("camille@example.org")
    page.get_by_label("Mot de passe", exact=True).fill(PASSWORD)
    page.get_by_label("Confirmation du mot de passe").fill(PASSWORD)
    follow(page, page.get_by_role("button", name="Créer mon compte"))
    assert page.locator("h1").inner_text() == "Vérifiez vos e-mails"
    assert_accessible(page)

    page.goto(link_in(mail.outbox[-1]))
    assert "Vous pouvez vous connecter" in page.content()
    assert_accessible(page)
    page.get_by_label("Adresse e-mail").fill("camille@example.org")
    page.get_by_label("Mot de passe", exact=True).fill(PASSWORD)
    follow(page, page.get_by_role("button", name="Se connecter"))
    assert page.locator("h1").inner_text() == "Mon espace"
    assert_accessible(page)
    follow(page, page.get_by_role("link", name="Toutes mes candidatures et les campagnes ouvertes"))
    assert page.locator("h1").inner_text() == "Mes candidatures"
    assert_accessible(page)

    follow(page, page.get_by_role("button", name="Commencer une candidature"))
    assert page.get_by_text("Étape 1 sur 5").is_visible()
    assert_accessible(page)
    page.get_by_label("Nom de l'organisation").fill("Ville de Nantes")
    page.get_by_label("Type d'organisation").select_option("commune")
    page.get_by_label("Région").select_option("pdl")
    page.get_by_label("SIREN").fill("732829320")
    page.get_by_label("Population").fill("325000")
    page.get_by_label("Nom de la personne à contacter").fill("Camille Durand")
    follow(page, page.get_by_role("button", name="Enregistrer et continuer"))

    assert page.get_by_text("Étape 2 sur 5").is_visible()
    assert_accessible(page)
    page.get_by_label("Catégorie").select_option(label="Transition écologique")
    page.get_by_label("Titre du projet").fill("Prévoir la fréquentation des cantines scolaires")
    page.get_by_label("Résumé").fill("Une prévision quotidienne des repas pour réduire le gaspillage.")
    page.get_by_label("Le problème").fill("Un repas sur cinq était jeté.")
    page.get_by_label("La solution").fill("Un modèle entraîné sur les réservations.")
    follow(page, page.get_by_role("button", name="Enregistrer et continuer"))

    assert page.get_by_text("Étape 3 sur 5").is_visible()
    assert_accessible(page)
    page.get_by_label("Impact et résultats chiffrés").fill("Gaspillage réduit de 25 %.")
    page.get_by_label("Budget (en euros)").fill("45000")
    page.get_by_label("Financements").fill("Fonds propres.")
    page.get_by_label("Protection des données").fill("Comptages agrégés, pas de données personnelles.")
    follow(page, page.get_by_role("button", name="Enregistrer et continuer"))

    assert page.get_by_text("Étape 4 sur 5").is_visible()
    assert_accessible(page)
    pdf = tmp_path / "presentation.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    page.get_by_label("Fichier", exact=True).set_input_files(str(pdf))
    follow(page, page.get_by_role("button", name="Ajouter le fichier"))
    assert page.get_by_role("link", name="presentation.pdf").is_visible()
    assert_accessible(page)
    follow(page, page.get_by_role("link", name="Continuer vers le récapitulatif"))

    assert page.get_by_text("Étape 5 sur 5").is_visible()
    assert_accessible(page)
    page.get_by_label("J'accepte le règlement du label").check()
    page.get_by_label("J'accepte le traitement").check()
    follow(page, page.get_by_role("button", name="Déposer ma candidature"))
    assert page.locator("h1").inner_text() == "Accusé de réception"
    assert "TI-2026-0001" in page.content()
    assert_accessible(page)

    receipt = mail.outbox[-1]
    assert "TI-2026-0001" in receipt.subject
    assert "Prévoir la fréquentation des cantines scolaires" in receipt.body


def test_a_draft_survives_logout_and_login_and_autosaves(page, live_server, campaign, assert_accessible):
    base = live_server.url
    UserFactory(email="reprise@example.org", username="reprise@example.org")
    log_in(page, base, "reprise@example.org", "/candidatures/")
    follow(page, page.get_by_role("button", name="Commencer une candidature"))
    page.get_by_label("Nom de l'organisation").fill("Communauté d'Agglomération du Sicoval")
    follow(page, page.get_by_role("button", name="Enregistrer le brouillon"))
    assert "Brouillon enregistré à 10:00" in page.content()
    # The autosave script saves what is typed without a click.
    page.get_by_label("Nom de la personne à contacter").fill("Dominique Martin")
    page.locator(".autosave-status").filter(has_text="Enregistré à").wait_for(timeout=10000)

    page.goto(base + "/candidatures/")
    follow(page, page.get_by_role("button", name="Se déconnecter"))
    log_in(page, base, "reprise@example.org", "/candidatures/")
    assert_accessible(page)
    follow(page, page.get_by_role("link", name="Reprendre"))
    assert page.get_by_label("Nom de l'organisation").input_value() == "Communauté d'Agglomération du Sicoval"
    assert page.get_by_label("Nom de la personne à contacter").input_value() == "Dominique Martin"


def test_forms_work_without_javascript(browser, live_server, campaign):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    UserFactory(email="sansjs@example.org", username="sansjs@example.org")
    log_in(page, live_server.url, "sansjs@example.org", "/candidatures/")
    follow(page, page.get_by_role("button", name="Commencer une candidature"))
    page.get_by_label("SIREN").fill("123")
    follow(page, page.get_by_role("button", name="Enregistrer le brouillon"))
    assert "SIREN compte exactement 9 chiffres" in page.content()
    assert page.get_by_label("SIREN").input_value() == "123"
    context.close()


@pytest.fixture
def startup_campaign(home, monkeypatch):
    monkeypatch.setattr(clock, "now", lambda: paris(2026, 3, 1, 10, 0))
    index = LabelIndexPageFactory(parent=home)
    return LabelCampaignPageFactory(parent=index, title="Start-up interconnectée 2026", label="startup-interconnectee")


def test_a_startup_learns_at_step_one_it_is_too_old_then_deletes_its_draft(page, live_server, startup_campaign,
                                                                          assert_accessible):
    from labels.models import Application

    base = live_server.url
    UserFactory(email="pousse@example.org", username="pousse@example.org")
    log_in(page, base, "pousse@example.org", "/candidatures/")
    follow(page, page.get_by_role("button", name="Commencer une candidature"))
    assert page.get_by_label("Population").count() == 0
    kinds = page.get_by_label("Type d'organisation").locator("option").all_inner_texts()
    assert kinds == ["Choisissez un type", "Entreprise", "Start-up"]
    page.get_by_label("Type d'organisation").select_option("startup")
    page.get_by_label("Date de création").fill("2015-03-01")
    error = page.locator("#id_org_created_on_error")
    error.wait_for(timeout=10000)  # the autosave answers with the rule, next to the field
    assert "moins de 4 ans avant la date de clôture" in error.inner_text()
    assert page.get_by_label("Date de création").get_attribute("aria-invalid") == "true"
    assert "id_org_created_on_error" in page.get_by_label("Date de création").get_attribute("aria-describedby")
    assert_accessible(page)
    page.get_by_label("Date de création").fill("2023-06-01")
    error.wait_for(state="detached", timeout=10000)
    assert page.get_by_label("Date de création").get_attribute("aria-invalid") is None

    follow(page, page.get_by_role("button", name="Enregistrer le brouillon"))
    follow(page, page.get_by_role("link", name="Récapitulatif", exact=True))
    assert "vous pouvez relire le récapitulatif et déposer" not in page.content()  # fields are still missing
    follow(page, page.get_by_role("link", name="Supprimer ce brouillon"))
    assert page.locator("h1").inner_text() == "Supprimer mon brouillon"
    assert_accessible(page)
    follow(page, page.get_by_role("button", name="Supprimer définitivement"))
    assert "Votre brouillon est supprimé." in page.content()
    assert not Application.objects.exists()
