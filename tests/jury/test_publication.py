"""Publishing a campaign's results: who may, when it is refused, what it changes (the applications and the
campaign's `ResultsPublication`, never the page's revisions) and the e-mails it sends."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from events.models import ForumLabelCampaign
from interconnectes.content_version import bump_content_version
from jury.models import DecisionOutcome, Score, ScoreSheet
from jury.services import publication
from jury.services.decisions import record_decision
from labels.models import Application, ApplicationStatus, ApplicationVersion, LabelCampaignPage, ResultsPublication
from labels.phases import Phase
from labels.snapshot import snapshot
from sitesearch.signals import rebuild_if_requested
from tests.events.factories import EventIndexPageFactory, ForumPageFactory
from tests.jury.factories import frozen
from tests.labels.factories import ApplicationFactory, SubmittedApplicationFactory, UserFactory, paris

pytestmark = pytest.mark.django_db

AFTER_JURY = paris(2026, 6, 1, 10, 0)
PUBLISHED = paris(2026, 6, 10, 18, 0)
JUROR_COMMENT = "Commentaire confidentiel du juré : budget peu crédible."


def own(callbacks) -> list:
    """The publication's own after-commit work, without the search index's rebuild it asks for (sitesearch)."""
    return [callback for callback in callbacks if callback not in (rebuild_if_requested, bump_content_version)]


def decide(application, outcome, staff, *, at=None, citation="", feedback=""):
    if outcome in (DecisionOutcome.LAUREATE, DecisionOutcome.MENTION) and not citation:
        citation = f"Citation publique pour {application.org_name}."
    return record_decision(application, outcome=outcome, by=staff, citation=citation,
                           feedback=feedback or f"Synthèse approuvée pour {application.org_name}.",
                           minutes="Procès-verbal interne.", now=at or AFTER_JURY)


@pytest.fixture
def decided(files, staff):
    """Seven submitted files: two laureates, one mention, four not selected."""
    outcomes = [DecisionOutcome.LAUREATE, DecisionOutcome.LAUREATE, DecisionOutcome.MENTION,
                *[DecisionOutcome.NOT_SELECTED] * 4]
    for application, outcome in zip(files, outcomes, strict=True):
        decide(application, outcome, staff)
    return files


def statuses(applications):
    return [Application.objects.get(pk=application.pk).status for application in applications]


# --- Refusals ------------------------------------------------------------------------------------

def test_only_campaign_staff_may_publish(campaign, decided, applicant):
    for user in (applicant, UserFactory(is_staff=True), None):
        with pytest.raises(PermissionDenied):
            publication.publish_results(campaign, by=user, now=PUBLISHED)
    assert not ResultsPublication.objects.exists()
    assert set(statuses(decided)) == {ApplicationStatus.SUBMITTED}


def test_refused_while_decisions_are_missing_and_lists_them(campaign, files, staff):
    for application in files[:5]:
        decide(application, DecisionOutcome.NOT_SELECTED, staff)
    with pytest.raises(ValidationError) as refusal:
        publication.publish_results(campaign, by=staff, now=PUBLISHED)
    message = " ".join(refusal.value.messages)
    assert "2 candidature(s)" in message
    assert files[5].reference in message and files[6].reference in message
    assert files[0].reference not in message
    assert not ResultsPublication.objects.exists()
    assert set(statuses(files)) == {ApplicationStatus.SUBMITTED}


def test_refused_once_published(campaign, decided, staff, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        publication.publish_results(campaign, by=staff, now=PUBLISHED)
    sent = len(mail.outbox)
    with pytest.raises(ValidationError, match="déjà publiés"):
        publication.publish_results(campaign, by=staff, now=PUBLISHED + datetime.timedelta(days=1))
    assert len(mail.outbox) == sent
    assert ResultsPublication.objects.get().published_at == PUBLISHED


def test_refused_before_the_deadline(campaign, decided, staff):
    with pytest.raises(ValidationError, match="pas encore closes"):
        publication.publish_results(campaign, by=staff, now=paris(2026, 3, 20))


def test_refused_when_no_application_was_examined(campaign, staff):
    ApplicationFactory(campaign=campaign)  # a draft only
    with pytest.raises(ValidationError, match="rien à publier"):
        publication.publish_results(campaign, by=staff, now=PUBLISHED)


# --- What it changes -----------------------------------------------------------------------------

def test_statuses_follow_the_decisions_and_others_are_untouched(campaign, decided, staff):
    draft = ApplicationFactory(campaign=campaign)
    withdrawn = SubmittedApplicationFactory(campaign=campaign, status=ApplicationStatus.WITHDRAWN)
    ineligible = SubmittedApplicationFactory(campaign=campaign, status=ApplicationStatus.INELIGIBLE)
    summary = publication.publish_results(campaign, by=staff, now=PUBLISHED)
    assert statuses(decided) == [ApplicationStatus.LAUREATE] * 2 + [ApplicationStatus.MENTION] + [
        ApplicationStatus.NOT_SELECTED] * 4
    assert statuses([draft, withdrawn, ineligible]) == [
        ApplicationStatus.DRAFT, ApplicationStatus.WITHDRAWN, ApplicationStatus.INELIGIBLE]
    assert summary.counts == {"laureat": 2, "mention": 1, "non-retenu": 4}
    assert summary.total == 7 and summary.published_at == PUBLISHED


def test_the_publication_is_recorded_apart_from_the_page_revisions(campaign, decided, staff):
    revisions = campaign.revisions.count()
    summary = publication.publish_results(campaign, by=staff, now=PUBLISHED)
    record = ResultsPublication.objects.get(campaign=campaign)
    assert (record.published_at, record.published_by, record.laureates, record.mentions, record.not_selected,
            record.notified) == (PUBLISHED, staff, 2, 1, 4, 7)
    assert summary.notified == 7
    page = LabelCampaignPage.objects.get(pk=campaign.pk)
    assert page.revisions.count() == revisions and not page.has_unpublished_changes
    assert page.results_published_at == PUBLISHED
    assert page.results() != ([], [])
    assert page.results(PUBLISHED - datetime.timedelta(seconds=1)) == ([], [])


def test_publishing_an_earlier_revision_of_the_page_keeps_the_results_public(campaign, decided, staff, clock):
    earlier = campaign.save_revision(user=staff)
    earlier.publish(user=staff)
    edited = LabelCampaignPage.objects.get(pk=campaign.pk)
    edited.intro = "Chapô réécrit après la clôture."
    edited.save_revision(user=staff).publish(user=staff)
    publication.publish_results(campaign, by=staff, now=PUBLISHED)
    clock.set(PUBLISHED)
    earlier.publish(user=staff)  # an editor brings the page back to its state before the results
    page = LabelCampaignPage.objects.get(pk=campaign.pk)
    assert page.intro != "Chapô réécrit après la clôture."
    assert page.results_published_at == PUBLISHED and page.phase(PUBLISHED) == Phase.RESULTS
    laureates, mentions = page.results(PUBLISHED)
    assert len(laureates) == 2 and len(mentions) == 1


def test_a_pending_draft_published_later_keeps_the_results_public(campaign, decided, staff):
    draft = LabelCampaignPage.objects.get(pk=campaign.pk)
    draft.intro = "Chapô en cours de réécriture."
    draft.save_revision(user=staff)
    publication.publish_results(campaign, by=staff, now=PUBLISHED)
    page = LabelCampaignPage.objects.get(pk=campaign.pk)
    assert page.intro != "Chapô en cours de réécriture." and page.has_unpublished_changes
    page.get_latest_revision().publish(user=staff)
    page = LabelCampaignPage.objects.get(pk=campaign.pk)
    assert page.intro == "Chapô en cours de réécriture." and page.results_published_at == PUBLISHED


def test_the_citation_published_is_the_current_decisions(campaign, decided, staff):
    laureate = decided[0]
    decide(laureate, DecisionOutcome.LAUREATE, staff, at=paris(2026, 6, 2), citation="Citation revue.")
    publication.publish_results(campaign, by=staff, now=PUBLISHED)
    laureate.refresh_from_db()
    assert laureate.published_citation == "Citation revue."
    assert Application.objects.get(pk=decided[-1].pk).published_citation == ""  # not selected: no citation


def test_the_latest_decision_of_the_register_wins(campaign, files, staff):
    first, second, *others = files
    decide(first, DecisionOutcome.NOT_SELECTED, staff, at=paris(2026, 5, 20))
    decide(first, DecisionOutcome.LAUREATE, staff, at=paris(2026, 5, 21), citation="Finalement lauréat.")
    decide(second, DecisionOutcome.LAUREATE, staff, at=paris(2026, 5, 20))
    decide(second, DecisionOutcome.MENTION, staff, at=paris(2026, 5, 22), citation="Mention, après réflexion.")
    for application in others:
        decide(application, DecisionOutcome.NOT_SELECTED, staff)
    summary = publication.publish_results(campaign, by=staff, now=PUBLISHED)
    assert statuses([first, second]) == [ApplicationStatus.LAUREATE, ApplicationStatus.MENTION]
    assert summary.counts == {"laureat": 1, "mention": 1, "non-retenu": 5}


# --- E-mails -------------------------------------------------------------------------------------

@pytest.fixture
def scored(decided, round1, jurors, criteria):
    """Jurors left scores and comments: none of it may reach an applicant."""
    for application in decided[:4]:
        for juror in jurors[:2]:
            Score.objects.create(round=round1, juror=juror, application=application,
                                 criterion=frozen(round1, criteria[0]), value=7, comment=JUROR_COMMENT,
                                 updated_at=AFTER_JURY)
            ScoreSheet.objects.create(round=round1, juror=juror, application=application,
                                      overall_comment=JUROR_COMMENT, updated_at=AFTER_JURY)
    return decided


def messages_to(address):
    return [message for message in mail.outbox if address in message.to]


def test_one_result_email_per_application_after_commit(campaign, scored, staff, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        publication.publish_results(campaign, by=staff, now=PUBLISHED, base_url="https://interconnectes.example")
    assert mail.outbox == []  # nothing leaves before the transaction commits
    callbacks = own(callbacks)
    assert len(callbacks) == len(scored)
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == len(scored)
    for message in mail.outbox:
        html = message.alternatives[0][0]
        for body in (message.body, html):
            assert JUROR_COMMENT not in body and "Procès-verbal" not in body
            assert f"https://interconnectes.example{campaign.url}" in body


def test_result_emails_quote_the_submitted_title_not_a_later_edit(campaign, scored, staff,
                                                                   django_capture_on_commit_callbacks):
    laureate, _second, _mention, not_selected, *_ = scored
    for application in (laureate, not_selected):
        ApplicationVersion.objects.create(application=application, number=1, created_at=AFTER_JURY,
                                          snapshot=snapshot(application))
        Application.objects.filter(pk=application.pk).update(title="Titre modifié sans nouveau dépôt")
    with django_capture_on_commit_callbacks(execute=True):
        publication.publish_results(campaign, by=staff, now=PUBLISHED, base_url="https://interconnectes.example")

    for application in (laureate, not_selected):
        [message] = messages_to(application.owner.email)
        for body in (message.body, message.alternatives[0][0]):
            assert f"« {application.title} »" in body
            assert "Titre modifié sans nouveau dépôt" not in body


def test_each_outcome_has_its_email(campaign, scored, staff, django_capture_on_commit_callbacks):
    laureate, _second, mention, not_selected, *_ = scored
    with django_capture_on_commit_callbacks(execute=True):
        publication.publish_results(campaign, by=staff, now=PUBLISHED, base_url="https://interconnectes.example")

    [message] = messages_to(laureate.owner.email)
    assert message.subject == (f"Félicitations : votre candidature {laureate.reference} est lauréate "
                               f"de « {campaign.title} »")
    assert message.to == [laureate.owner.email]  # the contact e-mail is the same address
    assert f"Citation publique pour {laureate.org_name}." in message.body
    assert f"Synthèse approuvée pour {laureate.org_name}." in message.body
    assert "Forum des Interconnectés" in message.body
    assert "Synthèse approuvée" in message.alternatives[0][0]

    [message] = messages_to(mention.owner.email)
    assert message.subject == (f"Votre candidature {mention.reference} reçoit une mention spéciale "
                               f"de « {campaign.title} »")
    assert "mention spéciale" in message.body
    assert f"Citation publique pour {mention.org_name}." in message.body
    assert f"Synthèse approuvée pour {mention.org_name}." in message.body
    assert "Forum des Interconnectés" in message.body

    [message] = messages_to(not_selected.owner.email)
    assert message.subject == f"Résultats de « {campaign.title} » : votre candidature {not_selected.reference}"
    assert "ne l'a pas retenue" in message.body
    assert f"Synthèse approuvée pour {not_selected.org_name}." in message.body
    assert "Citation" not in message.body and "Forum" not in message.body
    for message in mail.outbox:
        assert JUROR_COMMENT not in message.body and "7/10" not in message.body


def test_owner_and_contact_both_receive_it_once(campaign, staff, django_capture_on_commit_callbacks):
    owner = UserFactory(email="maire@exemple-commune.fr")
    other_contact = SubmittedApplicationFactory(campaign=campaign, owner=owner,
                                                contact_email="dsi@exemple-commune.fr")
    same_contact = SubmittedApplicationFactory(campaign=campaign, contact_email="")
    same_contact.contact_email = same_contact.owner.email.upper()
    same_contact.save()
    decide(other_contact, DecisionOutcome.LAUREATE, staff)
    decide(same_contact, DecisionOutcome.NOT_SELECTED, staff)
    with django_capture_on_commit_callbacks(execute=True):
        publication.publish_results(campaign, by=staff, now=PUBLISHED)
    assert sorted(len(message.to) for message in mail.outbox) == [1, 2]
    [both] = [message for message in mail.outbox if len(message.to) == 2]
    assert sorted(both.to) == ["dsi@exemple-commune.fr", "maire@exemple-commune.fr"]


def test_the_email_names_the_forum_hosting_the_ceremony(campaign, decided, staff, home,
                                                        django_capture_on_commit_callbacks):
    agenda = EventIndexPageFactory(parent=home)
    forum = ForumPageFactory(parent=agenda, title="Forum des Interconnectés 2026", edition_year=2026,
                             start_date=datetime.date(2026, 11, 18), end_date=datetime.date(2026, 11, 19))
    ForumLabelCampaign.objects.create(page=forum, campaign=campaign)
    with django_capture_on_commit_callbacks(execute=True):
        publication.publish_results(campaign, by=staff, now=PUBLISHED, base_url="https://interconnectes.example")
    [message] = messages_to(decided[0].owner.email)
    assert "lors du Forum des Interconnectés 2026, le 18 novembre 2026" in message.body
    assert f"https://interconnectes.example{forum.url}" in message.body
    [message] = messages_to(decided[-1].owner.email)
    assert "Forum des Interconnectés 2026" not in message.body


def test_a_refused_publication_sends_nothing(campaign, files, staff, django_capture_on_commit_callbacks):
    decide(files[0], DecisionOutcome.LAUREATE, staff)
    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(ValidationError):
        publication.publish_results(campaign, by=staff, now=PUBLISHED)
    assert callbacks == [] and mail.outbox == []


def test_without_base_url_the_emails_link_to_the_sites_root_url(campaign, decided, staff,
                                                                django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        publication.publish_results(campaign, by=staff, now=PUBLISHED)
    assert campaign.get_full_url() in mail.outbox[0].body
    assert campaign.get_full_url().startswith("http")


def test_publishing_without_notifying_sends_nothing(campaign, decided, staff, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        summary = publication.publish_results(campaign, by=staff, now=PUBLISHED, notify=False)
    assert own(callbacks) == [] and mail.outbox == []
    assert summary.total == len(decided) and summary.notified == 0
    assert ResultsPublication.objects.get().notified == 0
