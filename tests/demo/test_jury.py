"""The jury's demo (jury/demo.py): last year's jury in deliberation, the edition before published, and the demo
accounts of jurors and campaign staff logging in on the site's login page."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from interconnectes import clock
from jury.demo import ACCOUNTS, CONFLICT_REASON, ELIMINATORY, JURY_PASSWORD, SHORTLIST_SIZE, SPLIT_FILES, STAFF
from jury.models import (
    ConflictDeclaration,
    Decision,
    DecisionOutcome,
    JuryMember,
    JuryRole,
    JuryRound,
    RoundPurpose,
    Score,
)
from jury.phases import RoundPhase
from jury.progress import round_progress, round_ranking
from jury.services import publication
from labels.models import Application, ApplicationStatus, Label, LabelCampaignPage, ResultsPublication
from labels.permissions import is_campaign_staff
from labels.phases import Phase

pytestmark = pytest.mark.django_db


def campaign_in(phase, label=Label.TERRITOIRE_INNOVANT):
    [campaign] = [page for page in LabelCampaignPage.objects.filter(label=label) if page.phase() == phase]
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
    """Six members; the preselection scored and decided in bulk, the final on its eight retained files scored,
    closed and decided with levels, one eliminatory criterion biting; nothing published."""
    campaign = campaign_in(Phase.JURY)
    members = JuryMember.objects.filter(campaign=campaign)
    assert members.count() == 6
    assert members.filter(role=JuryRole.PRESIDENT).count() == 1
    round1, round2 = JuryRound.objects.filter(campaign=campaign).select_related("campaign").order_by("number")
    assert (round1.purpose, round2.purpose) == (RoundPurpose.PRESELECTION, RoundPurpose.FINAL)
    assert round1.phase(clock.now()) == RoundPhase.DELIBERATION
    assert round2.phase(clock.now()) == RoundPhase.DELIBERATION
    assert round1.criteria_frozen and round2.criteria_frozen
    assert [c.name for c in round1.scoring_criteria()] == [c.name for c in campaign.criteria.all()]

    conflict = ConflictDeclaration.objects.get(juror__campaign=campaign, has_conflict=True)
    assert conflict.reason == CONFLICT_REASON
    progress = round_progress(round1)
    assert progress.missing == {}
    assert set(progress.per_application.values()) == {(3, 3)}  # the conflicted file was handed to another juror
    assert len(progress.per_application) == 39
    assert not Score.objects.filter(juror=conflict.juror, application=conflict.application).exists()

    preselection = Decision.objects.current_in(round1.pk)
    assert preselection.count() == 39
    assert preselection.filter(outcome=DecisionOutcome.RETAINED).count() == SHORTLIST_SIZE
    assert {d.minutes for d in preselection}.issubset({f"Décision groupée : {reason}" for reason in (
        "Les huit premiers du classement corrigé vont en finale.",
        "Classés au-delà du huitième rang de la présélection.")})
    assert set(round2.applications().values_list("pk", flat=True)) == set(
        preselection.filter(outcome=DecisionOutcome.RETAINED).values_list("application_id", flat=True))
    assert round_progress(round2).missing == {}

    # The calibration removes each juror's severity: some applications swap places with the raw means, and
    # "à discuter" flags only the files where a juror genuinely disagrees.
    result = round_ranking(round1)
    ranking = result.ranking
    swapped = [(first.application_id, second.application_id)
               for position, first in enumerate(ranking.results) for second in ranking.results[position + 1:]
               if first.mean < second.mean]
    assert swapped  # first is ranked above second although its raw mean is lower
    profiles = sorted(ranking.jurors.values(), key=lambda profile: profile.leniency)
    assert profiles[0].leniency < -15 and profiles[-1].leniency > 15  # one severe juror, one lenient
    assert ranking.method == "ajuste" and ranking.fallback is None
    assert len(ranking.to_discuss) == SPLIT_FILES
    assert sum(1 for entry in ranking.results if entry.spread > float(campaign.discuss_threshold)) > 30

    final = round_ranking(round2)
    assert list(final.eliminated.values()) == [[ELIMINATORY[0]]]
    levels = Decision.objects.current_in(round2.pk)
    assert sorted(d.label for d in levels if d.outcome == DecisionOutcome.LAUREATE) == [
        "Lauréat — Argent", "Lauréat — Argent", "Lauréat — Bronze", "Lauréat — Bronze", "Lauréat — Or"]
    [bitten] = final.eliminated
    assert levels.get(application_id=bitten).outcome == DecisionOutcome.MENTION
    assert not ResultsPublication.objects.filter(campaign=campaign).exists()
    plan = publication.preview(campaign)
    assert plan.refusals == [] and plan.counts[0] == ("Lauréat — Or", 1)


def test_last_years_start_up_contest_is_being_scored_and_jure1_has_files_to_score(client):
    """The round is open; every juror has scored their files but the président·e, whose jury page lists theirs."""
    campaign = campaign_in(Phase.JURY, Label.STARTUP_INTERCONNECTEE)
    [scoring] = JuryRound.objects.filter(campaign=campaign).select_related("campaign")
    assert scoring.phase(clock.now()) == RoundPhase.OPEN
    progress = round_progress(scoring)
    assert set(progress.per_application.values()) <= {(2, 3), (3, 3)}
    president = JuryMember.objects.get(campaign=campaign, role=JuryRole.PRESIDENT)
    assert president.user.username == "jure1@example.org"
    done, assigned = progress.per_juror[president.pk]
    assert done == 0 and assigned >= 3 and progress.missing == {president.pk: assigned}
    client.login(username="jure1@example.org", password=JURY_PASSWORD)
    home = client.get(reverse("jury:home")).content.decode()
    assert campaign.title in home and scoring.name in home


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
