"""The demo content command: a credible site, built twice without duplicates."""

import re

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.test import override_settings
from wagtail.models import Page, ReferenceIndex

from interconnectes.models import HomePage

pytestmark = pytest.mark.django_db

# Addresses and phone numbers printed in the association's documents must never be copied. A mobile number stands
# alone: the same digits inside a longer token (a block's UUID, a file's hash) are not one.
SEED_CONTACT = re.compile(r"@interconnectes\.com|@nantesmetropole\.fr|@franceurbaine\.org"
                          r"|(?<![\w-])0[67](?:[ .]?\d\d){4}(?![\w-])")


DEMO_APPS = {"interconnectes", "manifestes", "events", "labels", "jury", "library", "wagtailcore", "wagtailimages",
             "wagtaildocs", "auth"}


def row_counts():
    logs = ("wagtailcore.Revision", "wagtailcore.ModelLogEntry", "wagtailcore.PageLogEntry")
    return {model._meta.label: model.objects.count() for model in apps.get_models()
            if model._meta.app_label in DEMO_APPS and not model._meta.label.startswith(logs)}


def test_demo_runs_twice_without_duplicates():
    """The command is idempotent: run again on the demo, it adds nothing, in any app."""
    before = row_counts()
    call_command("load_demo_content", stdout=open("/dev/null", "w"))
    assert row_counts() == before


def test_demo_builds_the_named_texts():
    from manifestes.models import ManifestoPage

    titles = set(ManifestoPage.objects.live().values_list("title", flat=True))
    assert {"Pour une nouvelle approche de la transformation numérique des territoires",
            "Agir face à l'urgence de l'illectronisme",
            "Pour des territoires numériques responsables",
            "Pour réussir la transformation numérique responsable des territoires",
            "Intelligence artificielle : les territoires s'engagent !"} <= titles
    manifesto_2021 = ManifestoPage.objects.get(slug="pour-des-territoires-numeriques-responsables")
    ambitions = manifesto_2021.numbered_ambitions()
    assert len(ambitions) == 3 and sum(len(a.engagements) for a in ambitions) == 9
    manifesto_2022 = ManifestoPage.objects.get(slug="reussir-la-transformation-numerique-responsable-des-territoires")
    assert manifesto_2022.signatories.count() == 10
    assert "5 priorités et 20 propositions" in manifesto_2022.intro
    press = ManifestoPage.objects.get(slug="intelligence-artificielle-les-territoires-s-engagent")
    assert [a.title for a in press.numbered_ambitions()][0] == "L'IA au service des politiques publiques"


@pytest.mark.parametrize(("text", "found"), [
    ("Tél. 06 12 34 56 78.", True), ("(07.24.53.66.07)", True), ("0612345678", True),
    ('id="sequence-83823c4c-0eda-4489-9661-030724536607"', False), ("photo.0612345678ab.webp", False),
])
def test_a_mobile_number_is_found_alone_not_inside_a_longer_token(text, found):
    assert bool(SEED_CONTACT.search(text)) is found


def test_every_demo_page_renders_and_contains_no_personal_contact(client):
    pages = Page.objects.live().filter(depth__gt=1).specific()
    assert pages.count() >= 10
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert not SEED_CONTACT.search(response.content.decode()), page.url


def test_the_admin_knows_where_a_demo_image_is_used():
    """The references behind the admin's usage tabs are indexed once, after the load, and none is missing."""
    home = HomePage.objects.get()
    assert ReferenceIndex.get_references_to(home.hero_image).filter(object_id=str(home.pk)).exists()


def test_demo_is_refused_by_production_like_settings():
    with override_settings(DEMO_CONTENT_ALLOWED=False), pytest.raises(CommandError):
        call_command("load_demo_content")


def test_demo_publishes_both_declarations_and_links_them_from_the_footer(client):
    from bs4 import BeautifulSoup

    from interconnectes.models import AccessibilityStatementPage, EcodesignStatementPage

    accessibility = AccessibilityStatementPage.objects.live().get()
    ecodesign = EcodesignStatementPage.objects.live().get()
    assert (accessibility.url, ecodesign.url) == ("/accessibilite/", "/ecoconception/")
    assert not accessibility.audit_recorded and accessibility.conformity == "non conforme"
    assert accessibility.contact_email.endswith("@example.org")
    statuses = list(ecodesign.criteria.values_list("status", flat=True))
    assert len(statuses) >= 12 and {"conforme", "non conforme", "non applicable"} <= set(statuses)
    assert "France" in ecodesign.hosting_location and "un an" in ecodesign.cache_strategy
    footer = BeautifulSoup(client.get("/").content, "html.parser").find("footer")
    links = {link.get_text(strip=True): link["href"] for link in footer.find_all("a")}
    assert links["Accessibilité : non conforme"] == "/accessibilite/"
    assert links["Écoconception"] == "/ecoconception/"
