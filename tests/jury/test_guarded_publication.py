"""The workflow order, enforced on the server: a round scores only after the campaign closed to applicants;
the results are published only once every round is closed, its deliberation open and every file decided; then no
score changes, a decision is a correction (with its reason, public pages updated, the applicant told once) and the
public pages show the version the applicant submitted."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from jury import publication_rules
from jury.models import Assignment, Decision, DecisionOutcome
from jury.phases import RoundPhase
from jury.services import conflicts, publication, scores
from jury.services.decisions import record_decision
from labels.models import Application, ApplicationStatus, ApplicationVersion, ResultsPublication
from tests.jury.factories import CLOSED, DELIBERATION, OPEN, JuryRoundFactory, save_sheet
from tests.labels.factories import paris

pytestmark = pytest.mark.django_db

PUBLISHED = paris(2026, 6, 10, 18, 0)
UTC = datetime.UTC


# --- The pure rules, on hand-written dates --------------------------------------------------------

def facts(**overrides):
    values = {"live": True, "closes_at": datetime.datetime(2026, 3, 31, 22, tzinfo=UTC), "already_published": False,
              "rounds": (publication_rules.RoundFacts("Présélection", datetime.datetime(2026, 4, 1, tzinfo=UTC),
                                                      datetime.datetime(2026, 4, 20, tzinfo=UTC),
                                                      datetime.datetime(2026, 5, 1, tzinfo=UTC)),),
              "undecided": (), "examined": 3}
    return publication_rules.CampaignFacts(**{**values, **overrides})


def test_rules_allow_a_closed_deliberated_fully_decided_campaign():
    assert publication_rules.refusals(facts(), datetime.datetime(2026, 5, 1, tzinfo=UTC)) == []


def test_rules_refuse_while_a_round_is_open_or_before_its_deliberation():
    open_round = publication_rules.refusals(facts(), datetime.datetime(2026, 4, 20, tzinfo=UTC))
    assert open_round == ["La notation du tour « Présélection » est encore ouverte jusqu'au 20 avril 2026 à 02:00 : "
                          "les résultats attendront sa clôture."]
    early = publication_rules.refusals(facts(), datetime.datetime(2026, 4, 30, 21, 59, tzinfo=UTC))
    assert early == ["La délibération du tour « Présélection » ne s'ouvre que le 1 mai 2026 à 02:00."]


def test_rules_list_every_reason_and_stop_at_an_earlier_publication():
    reasons = publication_rules.refusals(facts(live=False, undecided=("TI-1", "TI-2")),
                                         datetime.datetime(2026, 3, 1, tzinfo=UTC))
    assert reasons[0].startswith("La page de la campagne n'est pas en ligne")
    assert reasons[1].startswith("Les candidatures ne sont pas encore closes")
    assert reasons[2].startswith("La notation du tour « Présélection » est encore ouverte")
    assert reasons[3] == "Le jury n'a pas encore décidé pour 2 candidature(s) : TI-1, TI-2."
    assert publication_rules.refusals(facts(already_published=True), datetime.datetime(2027, 1, 1, tzinfo=UTC)) == [
        "Les résultats de cette campagne sont déjà publiés."]


# --- Rounds do not open before the campaign closes ------------------------------------------------

def test_a_round_cannot_open_before_the_campaign_closes_to_applicants(campaign):
    early = JuryRoundFactory.build(campaign=campaign, opens_at=paris(2026, 3, 20, 9, 0))
    with pytest.raises(ValidationError) as error:
        early.full_clean()
    assert error.value.message_dict["opens_at"] == [
        "La notation s'ouvre après la clôture des candidatures de la campagne (31 mars 2026 à 23:59)."]


def test_a_round_saved_with_an_early_opening_stays_upcoming_until_the_campaign_closes(campaign):
    early = JuryRoundFactory(campaign=campaign, opens_at=paris(2026, 3, 20, 9, 0))
    assert early.phase(paris(2026, 3, 25, 12, 0)) == RoundPhase.UPCOMING
    assert early.phase(paris(2026, 3, 31, 23, 59, 59)) == RoundPhase.UPCOMING
    assert early.phase(paris(2026, 4, 1, 0, 0, 0)) == RoundPhase.OPEN


# --- Publication refused while a round is open, before its deliberation ---------------------------

@pytest.fixture
def decided_round(campaign, round1, files, staff):
    for application in files:
        record_decision(application, outcome=DecisionOutcome.NOT_SELECTED, by=staff, now=CLOSED)
    record_decision(files[0], outcome=DecisionOutcome.LAUREATE, citation="Exemplaire.", by=staff, now=CLOSED)
    return round1


@pytest.mark.parametrize("when, reason", [
    (paris(2026, 4, 10, 12, 0), "est encore ouverte"),
    (paris(2026, 4, 25, 12, 0), "ne s'ouvre que le 1 mai 2026 à 09:00"),
])
def test_publication_is_refused_while_a_round_is_open_or_before_its_deliberation(campaign, decided_round, staff,
                                                                                  when, reason):
    with pytest.raises(ValidationError) as error:
        publication.publish_results(campaign, by=staff, now=when)
    assert reason in " ".join(error.value.messages)
    assert not ResultsPublication.objects.exists()
    assert set(Application.objects.filter(campaign=campaign).values_list("status", flat=True)) == {
        ApplicationStatus.SUBMITTED}


def test_the_confirmation_page_previews_and_a_hand_made_post_is_refused(client, campaign, decided_round,
                                                                        campaign_staff, clock):
    client.force_login(campaign_staff)
    url = reverse("jury:publish", args=[campaign.pk])
    clock.set(paris(2026, 4, 10, 12, 0))
    page = client.get(url).content.decode()
    assert "La publication n'est pas encore possible" in page and 'name="confirm"' not in page
    response = client.post(url, {"confirm": "on"}, follow=True)
    assert "est encore ouverte" in response.content.decode()
    assert not ResultsPublication.objects.exists() and mail.outbox == []


# --- After publication -----------------------------------------------------------------------------

@pytest.fixture
def published(campaign, round1, jurors, files, criteria, staff):
    juror, application = jurors[0], files[0]
    Assignment.objects.create(round=round1, juror=juror, application=application)
    conflicts.declare(juror, application, has_conflict=False, by=juror.user, now=OPEN)
    save_sheet(juror, round1, application, {criteria[0]: 7, criteria[1]: 3})
    for other in files:
        record_decision(other, outcome=DecisionOutcome.NOT_SELECTED, by=staff, now=CLOSED)
    record_decision(application, outcome=DecisionOutcome.LAUREATE, citation="Exemplaire.", by=staff, now=CLOSED)
    publication.publish_results(campaign, by=staff, now=PUBLISHED, notify=False)
    return round1


def test_no_score_changes_after_publication_even_with_an_unlock(published, jurors, files, criteria, staff):
    with pytest.raises(ValidationError) as error:
        scores.unlock(published, jurors[0], by=staff, reason="Oubli", until=PUBLISHED + datetime.timedelta(days=3),
                      now=PUBLISHED + datetime.timedelta(hours=1))
    assert "Les résultats sont publiés" in error.value.messages[0]
    with pytest.raises(ValidationError) as error:
        save_sheet(jurors[0], published, files[0], {criteria[0]: 2, criteria[1]: 1},
                   now=PUBLISHED + datetime.timedelta(hours=1))
    assert "Les résultats de la campagne sont publiés" in error.value.messages[0]


def test_a_decision_after_publication_is_a_correction_with_its_reason(published, files, staff,
                                                                      django_capture_on_commit_callbacks):
    later = PUBLISHED + datetime.timedelta(days=2)
    mention = files[1]
    with pytest.raises(ValidationError) as error:
        record_decision(mention, outcome=DecisionOutcome.MENTION, citation="Remarquable.", by=staff, now=later)
    assert "correction_reason" in error.value.message_dict
    assert Application.objects.get(pk=mention.pk).status == ApplicationStatus.NOT_SELECTED
    rows = Decision.objects.filter(application=mention).count()
    with django_capture_on_commit_callbacks(execute=True):
        record_decision(mention, outcome=DecisionOutcome.MENTION, citation="Remarquable.", by=staff, now=later,
                        correction_reason="Erreur de saisie au procès-verbal.")
    mention = Application.objects.get(pk=mention.pk)
    assert mention.status == ApplicationStatus.MENTION and mention.published_citation == "Remarquable."
    assert Decision.objects.filter(application=mention).count() == rows + 1  # nothing deleted
    assert Decision.objects.filter(application=mention).latest_first().first().correction_reason == (
        "Erreur de saisie au procès-verbal.")
    assert len(mail.outbox) == 1 and "mention" in mail.outbox[0].subject.lower()


def test_the_correction_form_asks_for_the_reason_next_to_the_field(client, published, files, campaign_staff):
    client.force_login(campaign_staff)
    url = reverse("jury:decide", args=[published.pk, files[1].pk])
    page = client.post(url, {"outcome": "mention", "citation": "Remarquable.", "feedback": "Bravo."})
    body = page.content.decode()
    assert 'id="id_correction_reason_error"' in body and "indiquez le motif de cette correction" in body
    assert "Remarquable." in body  # what was typed is kept
    assert Application.objects.get(pk=files[1].pk).status == ApplicationStatus.NOT_SELECTED


def test_the_public_page_shows_the_submitted_version_not_later_edits(client, campaign, round1, files, staff):
    laureate = files[0]
    ApplicationVersion.objects.create(application=laureate, number=1, created_at=CLOSED, snapshot={
        "org_name": "Ville de Plouha", "title": "Cantines sans gaspillage", "summary": "Le résumé déposé."})
    Application.objects.filter(pk=laureate.pk).update(title="Titre jamais soumis", summary="Brouillon privé",
                                                      has_unsubmitted_changes=True)
    for application in files:
        record_decision(application, outcome=DecisionOutcome.NOT_SELECTED, by=staff, now=CLOSED)
    record_decision(laureate, outcome=DecisionOutcome.LAUREATE, citation="Exemplaire.", by=staff, now=CLOSED)
    publication.publish_results(campaign, by=staff, now=DELIBERATION, notify=False)
    page = client.get(campaign.url).content.decode()
    assert "Cantines sans gaspillage" in page and "Le résumé déposé." in page
    assert "Titre jamais soumis" not in page and "Brouillon privé" not in page
