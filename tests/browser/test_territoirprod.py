"""Territoir'Prod in a real browser: a member agent enrols in the "IA" theme, adds a sequence to their calendar,
sees the visio link the day before and downloads their attestation; a non-member reads the programme and is told
how to enrol. axe-core on each page."""

import datetime

import pytest

from interconnectes import clock
from territoirprod import services
from territoirprod.models import AttendanceSource
from tests.accounts.factories import member, organisation
from tests.browser.journeys import follow, log_in
from tests.labels.factories import UserFactory
from tests.territoirprod.factories import (
    EditionPageFactory,
    SequenceFactory,
    ThemePageFactory,
    TrainingProgrammePageFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("wagtail_base")]


@pytest.fixture
def programme(home):
    """An edition with the "IA" theme: a sequence tomorrow (its link shows today) and one past."""
    now = clock.now()
    edition = EditionPageFactory(parent=TrainingProgrammePageFactory(parent=home), title="Édition en cours",
                                 label=str(now.year))
    theme = ThemePageFactory(parent=edition, title="IA", slug="ia")
    tomorrow = (now + datetime.timedelta(days=1)).replace(hour=9, minute=0, second=0, microsecond=0)
    upcoming = SequenceFactory(theme=theme, number=2, title="Évaluer un service d'IA", starts_at=tomorrow,
                               ends_at=tomorrow + datetime.timedelta(hours=2),
                               visio_url="https://visio.example.org/ia-2")
    past = SequenceFactory(theme=theme, number=1, title="Panorama des usages de l'IA",
                           starts_at=now - datetime.timedelta(days=30),
                           ends_at=now - datetime.timedelta(days=30) + datetime.timedelta(hours=2))
    return edition, theme, upcoming, past


@pytest.fixture
def member_agent(db):
    person = UserFactory(email="agent@nantes.example.org", username="agent@nantes.example.org",
                         first_name="Inès", last_name="Garnier")
    member(person, organisation("Nantes Métropole", member_year=clock.now().year))
    return person


def test_a_member_agent_enrols_adds_to_calendar_and_sees_the_visio_link(page, live_server, programme, member_agent,
                                                                        assert_accessible):
    _edition, theme, upcoming, _past = programme
    base = live_server.url
    log_in(page, base, member_agent.email, theme.url)
    assert page.get_by_role("heading", level=1).inner_text() == "IA"
    assert page.get_by_role("link", name="Rejoindre la visioconférence de la séquence 2").count() == 0
    assert_accessible(page)
    follow(page, page.get_by_role("button", name="M’inscrire à ce thème"))
    assert "Vous êtes inscrit·e au thème « IA »" in page.content()
    link = page.get_by_role("link", name="Rejoindre la visioconférence de la séquence 2")
    assert link.get_attribute("href") == "https://visio.example.org/ia-2"
    assert_accessible(page)

    calendar = page.get_by_role("link", name="Ajouter « Évaluer un service d'IA » à mon calendrier (.ics)")
    answer = page.request.get(base + calendar.get_attribute("href"))
    assert answer.status == 200 and answer.headers["content-type"].startswith("text/calendar")
    assert "SUMMARY:Territoir'Prod · IA · 2. Évaluer un service d'IA" in answer.text()
    assert "visio.example.org" not in answer.text()

    follow(page, page.get_by_role("button", name="Me désinscrire"))
    assert "L’inscription est annulée." in page.content() or "L'inscription est annulée." in page.content()
    assert page.get_by_role("link", name="Rejoindre la visioconférence de la séquence 2").count() == 0


def test_a_member_agent_downloads_their_attestation(page, live_server, programme, member_agent, assert_accessible):
    edition, theme, _upcoming, past = programme
    services.enrol(member_agent, edition, theme, by=member_agent, now=clock.now())
    services.record_attendance(member_agent, past, AttendanceSource.STAFF, clock.now())
    log_in(page, live_server.url, member_agent.email, edition.url)
    assert_accessible(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Télécharger mon attestation de participation (PDF)").click()
    download = download_info.value
    assert download.suggested_filename.startswith("attestation-territoirprod-")
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"


def test_a_non_member_reads_the_programme_and_is_told_how_to_enrol(page, live_server, programme, assert_accessible):
    edition, theme, _upcoming, _past = programme
    page.goto(live_server.url + edition.url)
    assert page.get_by_role("link", name="IA").count() >= 1
    assert "Évaluer un service d'IA" in page.content() or "Évaluer un service d&#x27;IA" in page.content()
    assert_accessible(page)
    page.goto(live_server.url + theme.url)
    assert page.get_by_role("link", name="Connectez-vous pour vous inscrire").count() == 1
    assert "visio.example.org" not in page.content()
    assert_accessible(page)

    stranger = UserFactory(email="agent@tregunc.example.org", username="agent@tregunc.example.org")
    member(stranger, organisation("Commune de Trégunc", kind="commune"))
    log_in(page, live_server.url, stranger.email, theme.url)
    assert page.get_by_role("link", name="Faire vérifier mon rattachement depuis « Mon espace »").count() == 1
    assert page.get_by_role("button", name="M’inscrire à ce thème").count() == 0
    assert_accessible(page)
