"""The demo content of the labels and their jury: built twice without duplicates, every page renders."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from labels import jury_services, permissions, phases
from labels.demo import APPLICANT, TERRITORIES, demo_siren
from labels.demo_jury import ACCOUNTS as JURY_ACCOUNTS
from labels.demo_jury import CONFLICT_REASON, JURY_PASSWORD, SHORTLIST_SIZE, STAFF
from labels.jury_rules import RoundPhase
from labels.models import (
    Application,
    ApplicationStatus,
    Assignment,
    ConflictDeclaration,
    Decision,
    DecisionOutcome,
    JuryMember,
    JuryRole,
    JuryRound,
    LabelCampaignPage,
    LabelIndexPage,
    Score,
    ScoreSheet,
)
from labels.phases import Phase

pytestmark = pytest.mark.django_db


@pytest.fixture
def output(db):
    out = io.StringIO()
    call_command("load_demo_content", stdout=out)
    return out.getvalue()


@pytest.fixture
def campaigns(output):
    index = LabelIndexPage.objects.get()
    by_phase = {}
    for campaign in LabelCampaignPage.objects.child_of(index):
        by_phase.setdefault(campaign.phase(), []).append(campaign)
    return by_phase


def counts():
    models = [get_user_model(), Application, JuryMember, JuryRound, Assignment, ConflictDeclaration, Score,
              ScoreSheet, Decision, LabelCampaignPage]
    return {model.__name__: model.objects.count() for model in models}


def test_demo_builds_campaigns_applications_and_accounts(output, campaigns, client):
    """Loading twice changes nothing; the command prints every account, the team's is not a superuser."""
    before = counts()
    call_command("load_demo_content", stdout=io.StringIO())
    assert counts() == before
    assert sorted(campaigns) == sorted([Phase.OPEN, Phase.JURY, Phase.RESULTS])
    assert len(campaigns[Phase.OPEN]) == 2
    [deliberating], [published] = campaigns[Phase.JURY], campaigns[Phase.RESULTS]
    assert deliberating.results_published_at is None and published.year == deliberating.year - 1
    applications = Application.objects.filter(campaign=deliberating)
    assert applications.count() == 40
    assert applications.filter(status=ApplicationStatus.SUBMITTED).count() == 39
    assert applications.filter(status=ApplicationStatus.INELIGIBLE).count() == 1
    assert not Application.objects.filter(reference__isnull=True).exclude(status=ApplicationStatus.DRAFT).exists()
    assert not Application.objects.exclude(contact_email="").exclude(contact_email__endswith="@example.org").exists()
    for page in [LabelIndexPage.objects.get(), *LabelCampaignPage.objects.all()]:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
    user = get_user_model().objects.get(username=APPLICANT[1])
    assert user.check_password(APPLICANT[2])
    assert client.login(username=APPLICANT[1], password=APPLICANT[2])
    assert Application.objects.filter(owner=user).count() == 1
    for _label, username, password in JURY_ACCOUNTS:
        assert username in output and password in output
    _label, username, password = STAFF
    staff = get_user_model().objects.get(username=username)
    assert not staff.is_superuser
    assert staff.groups.filter(name="Équipe labels").exists()
    assert staff.has_perm("labels.review_application") and staff.has_perm("wagtailadmin.access_admin")
    assert permissions.is_campaign_staff(staff)
    assert client.login(username=username, password=password)
    juror = get_user_model().objects.get(username="jure1@example.org")
    assert juror.check_password(JURY_PASSWORD) and not permissions.is_campaign_staff(juror)


def test_the_published_edition_shows_its_laureates_and_last_year_none(campaigns, client):
    [deliberating], [published] = campaigns[Phase.JURY], campaigns[Phase.RESULTS]
    results = Application.objects.filter(campaign=published)
    laureates = results.filter(status=ApplicationStatus.LAUREATE)
    assert 21 <= laureates.count() <= 25
    assert results.filter(status=ApplicationStatus.MENTION).count() == 2
    assert results.filter(status=ApplicationStatus.NOT_SELECTED).exists()
    current = Decision.objects.current().filter(application__campaign=published)
    assert current.count() == results.exclude(status=ApplicationStatus.INELIGIBLE).count()
    assert all(d.citation for d in current.filter(outcome__in=[DecisionOutcome.LAUREATE, DecisionOutcome.MENTION]))
    assert all(d.feedback for d in current)
    page = client.get(published.url).content.decode()
    for laureate in laureates:
        assert laureate.org_name.replace("'", "&#x27;") in page, laureate.org_name
    page = client.get(deliberating.url).content.decode()
    assert "laureates-title" not in page
    assert not Application.objects.filter(campaign=deliberating, status__in=[
        ApplicationStatus.LAUREATE, ApplicationStatus.MENTION, ApplicationStatus.NOT_SELECTED]).exists()
    assert not Decision.objects.filter(application__campaign=deliberating).exists()


def test_last_years_jury_in_deliberation(campaigns):
    """Six members, round 1 scored and in deliberation, round 2 open and partly scored."""
    [campaign] = campaigns[Phase.JURY]
    members = JuryMember.objects.filter(campaign=campaign)
    assert members.count() == 6
    assert members.filter(role=JuryRole.PRESIDENT).count() == 1
    round1, round2 = JuryRound.objects.filter(campaign=campaign).order_by("number")
    assert round1.phase(phases.clock()) == RoundPhase.DELIBERATION
    assert round2.phase(phases.clock()) == RoundPhase.OPEN
    assert 9 <= (round2.closes_at - phases.clock()).days <= 10

    conflict = ConflictDeclaration.objects.get(juror__campaign=campaign, has_conflict=True)
    assert conflict.reason == CONFLICT_REASON
    progress = jury_services.round_progress(round1)
    assert progress.missing == {}
    assert set(progress.per_application.values()) == {(3, 3)}  # the conflicted file was handed to another juror
    assert len(progress.per_application) == 39
    assert not Score.objects.filter(juror=conflict.juror, application=conflict.application).exists()

    assert round2.shortlist.count() == SHORTLIST_SIZE
    progress = jury_services.round_progress(round2)
    done = sum(complete for complete, _assigned in progress.per_juror.values())
    assigned = sum(total for _complete, total in progress.per_juror.values())
    assert 0 < done < assigned
    assert len(progress.missing) == 2

    # The normalisation removes each juror's severity: some applications swap places with the raw means.
    ranking = jury_services.round_ranking(round1).ranking
    swapped = [(first.application_id, second.application_id)
               for position, first in enumerate(ranking.results) for second in ranking.results[position + 1:]
               if first.mean < second.mean]
    assert swapped  # first is ranked above second although its raw mean is lower
    profiles = sorted(ranking.jurors.values(), key=lambda profile: profile.leniency)
    assert profiles[0].leniency < -15 and profiles[-1].leniency > 15  # one severe juror, one lenient
    assert all(profile.normalised for profile in profiles)


def test_demo_data_is_valid():
    from interconnectes.validators import validate_siren

    for index in range(1, len(TERRITORIES) + 1):
        validate_siren(demo_siren(index))
    assert len(TERRITORIES) >= 29
