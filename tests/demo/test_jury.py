"""The jury's demo (jury/demo.py): last year's jury in deliberation, the edition before published, and the demo
accounts of jurors and campaign staff logging in on the site's login page."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from interconnectes import clock
from jury.demo import ACCOUNTS, CONFLICT_REASON, JURY_PASSWORD, SHORTLIST_SIZE, STAFF
from jury.models import ConflictDeclaration, Decision, DecisionOutcome, JuryMember, JuryRole, JuryRound, Score
from jury.phases import RoundPhase
from jury.progress import round_progress, round_ranking
from labels.models import Application, ApplicationStatus, LabelCampaignPage, ResultsPublication
from labels.permissions import is_campaign_staff
from labels.phases import Phase

pytestmark = pytest.mark.django_db


def campaign_in(phase):
    [campaign] = [page for page in LabelCampaignPage.objects.all() if page.phase() == phase]
    return campaign


def test_the_command_prints_the_jury_accounts_and_the_team_is_not_a_superuser(demo_output, client):
    for _label, username, password in ACCOUNTS:
        assert username in demo_output and password in demo_output
    _label, username, password = STAFF
    staff = get_user_model().objects.get(username=username)
    assert not staff.is_superuser
    assert staff.groups.filter(name="Équipe labels").exists()
    assert staff.has_perm("labels.review_application") and staff.has_perm("wagtailadmin.access_admin")
    assert is_campaign_staff(staff)
    juror = get_user_model().objects.get(username="jure1@example.org")
    assert juror.check_password(JURY_PASSWORD) and not is_campaign_staff(juror)
    assert not juror.has_perm("wagtailadmin.access_admin")


def test_demo_jurors_log_in_on_the_sites_login_page_and_land_on_the_jury_pages(client):
    response = client.post(reverse("accounts:login"), {"username": "jure1@example.org", "password": JURY_PASSWORD},
                           follow=True)
    assert response.redirect_chain[-1][0] == reverse("jury:home")
    assert response.status_code == 200 and "Territoire innovant" in response.content.decode()


def test_the_demo_team_reaches_the_jury_pages_through_the_sites_login(client):
    _label, username, password = STAFF
    response = client.post(f"{reverse('accounts:login')}?next={reverse('jury:home')}",
                           {"username": username, "password": password}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("jury:home")
    assert "Suivi" in response.content.decode() and "Classement" in response.content.decode()


def test_last_years_jury_in_deliberation():
    """Six members, round 1 scored and in deliberation, round 2 open and partly scored, criteria frozen."""
    campaign = campaign_in(Phase.JURY)
    members = JuryMember.objects.filter(campaign=campaign)
    assert members.count() == 6
    assert members.filter(role=JuryRole.PRESIDENT).count() == 1
    round1, round2 = JuryRound.objects.filter(campaign=campaign).order_by("number")
    assert round1.phase(clock.now()) == RoundPhase.DELIBERATION
    assert round2.phase(clock.now()) == RoundPhase.OPEN
    assert 9 <= (round2.closes_at - clock.now()).days <= 10
    assert round1.criteria_frozen and round2.criteria_frozen
    assert [c.name for c in round1.scoring_criteria()] == [c.name for c in campaign.criteria.all()]

    conflict = ConflictDeclaration.objects.get(juror__campaign=campaign, has_conflict=True)
    assert conflict.reason == CONFLICT_REASON
    progress = round_progress(round1)
    assert progress.missing == {}
    assert set(progress.per_application.values()) == {(3, 3)}  # the conflicted file was handed to another juror
    assert len(progress.per_application) == 39
    assert not Score.objects.filter(juror=conflict.juror, application=conflict.application).exists()

    assert round2.shortlist.count() == SHORTLIST_SIZE
    progress = round_progress(round2)
    done = sum(complete for complete, _assigned in progress.per_juror.values())
    assigned = sum(total for _complete, total in progress.per_juror.values())
    assert 0 < done < assigned
    assert len(progress.missing) == 2

    # The normalisation removes each juror's severity: some applications swap places with the raw means.
    ranking = round_ranking(round1).ranking
    swapped = [(first.application_id, second.application_id)
               for position, first in enumerate(ranking.results) for second in ranking.results[position + 1:]
               if first.mean < second.mean]
    assert swapped  # first is ranked above second although its raw mean is lower
    profiles = sorted(ranking.jurors.values(), key=lambda profile: profile.leniency)
    assert profiles[0].leniency < -15 and profiles[-1].leniency > 15  # one severe juror, one lenient
    assert all(profile.normalised for profile in profiles)
    assert not Decision.objects.filter(application__campaign=campaign).exists()


def test_the_edition_before_is_published_from_its_decisions():
    published = campaign_in(Phase.RESULTS)
    results = Application.objects.filter(campaign=published)
    current = Decision.objects.current().filter(application__campaign=published)
    assert current.count() == results.exclude(status=ApplicationStatus.INELIGIBLE).count()
    assert all(d.citation for d in current.filter(outcome__in=[DecisionOutcome.LAUREATE, DecisionOutcome.MENTION]))
    assert all(d.feedback for d in current)
    record = ResultsPublication.objects.get(campaign=published)
    assert record.published_by.username == STAFF[1] and record.notified == 0  # made-up applicants: no e-mail
    assert (record.laureates, record.mentions) == (results.filter(status=ApplicationStatus.LAUREATE).count(), 2)
    assert all(application.published_citation for application in results.filter(status=ApplicationStatus.LAUREATE))
