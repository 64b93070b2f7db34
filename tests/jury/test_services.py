"""The jury's writes through its services: assignment, conflicts, locks, scores, decisions; and what a juror's
scoring state (jury/scoring_state.py) lets them do on a file."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from jury import permissions, scoring_state
from jury.assignment import Mode, loads
from jury.forms import ScoreSheetForm
from jury.models import AppendOnlyError, Assignment, ConflictDeclaration, Decision, DecisionOutcome, Score, ScoreUnlock
from jury.progress import juror_progress
from jury.rules import Scale, clean_scores
from jury.services import assignments, conflicts, decisions, scores
from jury.services.criteria import round_criteria
from labels.models import ApplicationStatus
from tests.factories import OrganisationFactory
from tests.jury.factories import CLOSED, DELIBERATION, OPEN, JuryMemberFactory, JuryRoundFactory, frozen, save_sheet
from tests.labels.factories import ApplicationFactory, LabelCampaignPageFactory, SubmittedApplicationFactory

pytestmark = pytest.mark.django_db


def assigned_pairs(jury_round):
    return set(jury_round.assignments.values_list("juror_id", "application_id"))


def ready(juror, application, jury_round):
    """Assign the file and declare no conflict: the juror can now score it."""
    Assignment.objects.get_or_create(round=jury_round, juror=juror, application=application)
    conflicts.declare(juror, application, has_conflict=False, by=juror.user, jury_round=jury_round, now=OPEN)


def state_of(juror, jury_round, application, now=OPEN):
    return scoring_state.load(juror.user, jury_round.pk, application.pk, now)


# --- Assignment ---------------------------------------------------------------------------------

def test_balanced_assignment_gives_n_jurors_each_with_loads_within_one(round1, jurors, files, staff):
    round1.jurors_per_application = 2
    round1.save()
    result = assignments.assign(round1, Mode.BALANCED, by=staff)
    assert all(len(assigned) == 2 for assigned in result.values())
    assert Assignment.objects.filter(round=round1).count() == 14
    counts = loads(result).values()
    assert max(counts) - min(counts) <= 1
    with pytest.raises(ValidationError):  # assigned once, then adjusted by hand
        assignments.assign(round1, by=staff)


def test_assignment_skips_obvious_and_declared_conflicts(round1, jurors, files, staff):
    organisation = OrganisationFactory(name="Commune de Saint-Exemple témoin")
    jurors[0].organisation = organisation
    jurors[0].save()
    files[0].org_name = "commune de saint exemple TÉMOIN"
    files[0].save()
    jurors[1].siren = files[1].siren
    jurors[1].save()
    conflicts.declare(jurors[2], files[2], has_conflict=True, reason="Ancien employeur", by=jurors[2].user)
    assert assignments.flagged_conflicts(round1).keys() == {(jurors[0].pk, files[0].pk), (jurors[1].pk, files[1].pk)}
    round1.jurors_per_application = 2
    round1.save()
    assignments.assign(round1, by=staff)
    pairs = assigned_pairs(round1)
    assert not pairs & {(jurors[0].pk, files[0].pk), (jurors[1].pk, files[1].pk), (jurors[2].pk, files[2].pk)}


def test_everyone_and_by_category_modes(round1, jurors, files, campaign, staff):
    assignments.assign(round1, Mode.BALANCED, by=staff)  # N empty: everyone scores everything
    assert len(assigned_pairs(round1)) == 4 * 7
    round1.assignments.all().delete()
    first, second = list(campaign.categories.all())[:2]
    jurors[0].categories.add(first)
    jurors[1].categories.add(second)
    files[0].category = second
    files[0].save()
    result = assignments.assign(round1, Mode.BY_CATEGORY, by=staff)
    assert result[files[0].pk] == [jurors[1].pk]
    assert result[files[1].pk] == [jurors[0].pk]


def test_only_staff_assign_and_hand_adjustments_respect_conflicts(round1, jurors, files, staff):
    with pytest.raises(PermissionDenied):
        assignments.assign(round1, by=jurors[0].user)
    conflicts.declare(jurors[0], files[0], has_conflict=True, reason="Élu de la commune", by=jurors[0].user)
    with pytest.raises(ValidationError):
        assignments.add_assignment(round1, jurors[0], files[0], by=staff)
    assignments.add_assignment(round1, jurors[0], files[1], by=staff)
    assignments.remove_assignment(round1, jurors[0], files[1], by=staff)
    assert not round1.assignments.exists()


def test_a_scored_file_cannot_be_taken_from_its_juror(round1, jurors, files, criteria, staff):
    impact, _sobriety = criteria
    ready(jurors[0], files[0], round1)
    save_sheet(jurors[0], round1, files[0], {impact: 6})
    with pytest.raises(ValidationError, match="déjà noté"):
        assignments.remove_assignment(round1, jurors[0], files[0], by=staff)
    assert Assignment.objects.filter(juror=jurors[0], application=files[0]).exists()


def test_too_few_free_jurors_is_a_french_validation_error(round1, jurors, files, staff):
    round1.jurors_per_application = 4
    round1.save()
    conflicts.declare(jurors[0], files[0], has_conflict=True, reason="Conjoint", by=jurors[0].user)
    with pytest.raises(ValidationError, match="Pas assez de jurés"):
        assignments.assign(round1, by=staff)


# --- What a juror sees --------------------------------------------------------------------------

def test_juror_lists_only_their_files_of_this_round_and_campaign(round1, jurors, files, campaign, label_index, staff):
    juror, other = jurors[0], jurors[1]
    for application in files[:3]:
        Assignment.objects.create(round=round1, juror=juror, application=application)
    Assignment.objects.create(round=round1, juror=other, application=files[3])
    draft = ApplicationFactory(campaign=campaign)  # never submitted: never in a round
    Assignment.objects.create(round=round1, juror=juror, application=draft)
    elsewhere = LabelCampaignPageFactory(parent=label_index)
    foreign = SubmittedApplicationFactory(campaign=elsewhere)
    JuryMemberFactory(campaign=elsewhere, user=juror.user)
    round2 = JuryRoundFactory(campaign=campaign, number=2, opens_at=DELIBERATION,
                              closes_at=DELIBERATION + datetime.timedelta(days=10), deliberation_opens_at=None)
    round2.shortlist.add(files[0])
    Assignment.objects.create(round=round2, juror=juror, application=files[0])
    Assignment.objects.create(round=round2, juror=juror, application=files[1])  # not shortlisted

    listed = set(permissions.applications_for_juror(juror.user, round1))
    assert listed == set(files[:3])
    assert foreign not in listed and draft not in listed
    assert set(permissions.applications_for_juror(juror.user, round2)) == {files[0]}
    assert state_of(juror, round1, draft) is None and state_of(juror, round2, files[1]) is None

    conflicts.declare(juror, files[1], has_conflict=True, reason="Je conseille ce porteur", by=juror.user)
    assert set(permissions.applications_for_juror(juror.user, round1)) == {files[0], files[2]}
    # Declared "no conflict" only on files[0]: it is the one they may open.
    conflicts.declare(juror, files[0], has_conflict=False, by=juror.user)
    assert state_of(juror, round1, files[0]).may_open
    assert not state_of(juror, round1, files[2]).may_open
    assert state_of(juror, round1, files[1]) is None  # conflicted: as if it did not exist
    assert state_of(other, round1, files[0]) is None  # not theirs


def test_a_conflict_is_final_hides_the_file_and_the_log_is_append_only(round1, jurors, files, staff):
    juror = jurors[0]
    ready(juror, files[0], round1)
    save_sheet(juror, round1, files[0], {})
    state = state_of(juror, round1, files[0])
    declaration = conflicts.declare(juror, files[0], has_conflict=True, reason="Mon ancienne collectivité",
                                    by=juror.user, jury_round=round1, now=OPEN)
    conflicts.declare(juror, files[0], has_conflict=False, by=juror.user, now=OPEN)  # cannot undo it
    assert files[0] not in permissions.applications_for_juror(juror.user, round1)
    assert state_of(juror, round1, files[0]) is None
    assert state.may_score  # a state read before the declaration: the request that read it may still save
    log = list(ConflictDeclaration.objects.filter(juror=juror, application=files[0])
               .values_list("has_conflict", "reason", "declared_by"))
    me = juror.user.pk
    assert log == [(False, "", me), (True, "Mon ancienne collectivité", me), (False, "", me)]
    declaration.reason = "Autre chose"
    with pytest.raises(AppendOnlyError):
        declaration.save()
    with pytest.raises(AppendOnlyError):
        declaration.delete()
    with pytest.raises(ValidationError):
        conflicts.declare(juror, files[1], has_conflict=True, reason=" ", by=juror.user)
    with pytest.raises(PermissionDenied):  # another juror cannot declare for them; staff can
        conflicts.declare(juror, files[1], has_conflict=True, reason="x", by=jurors[1].user)
    conflicts.declare(juror, files[1], has_conflict=True, reason="Signalé par l'équipe", by=staff)


def test_other_jurors_scores_visible_only_from_the_deliberation(round1, jurors, files, staff):
    juror = jurors[0]
    ready(juror, files[0], round1)
    assert not state_of(juror, round1, files[0], OPEN).sees_others
    assert not state_of(juror, round1, files[0], CLOSED).sees_others
    assert state_of(juror, round1, files[0], DELIBERATION).sees_others
    Assignment.objects.create(round=round1, juror=jurors[1], application=files[0])
    assert not state_of(jurors[1], round1, files[0], DELIBERATION).sees_others  # not declared: the file is shut
    assert state_of(jurors[2], round1, files[0], DELIBERATION) is None  # not assigned


# --- Scores -------------------------------------------------------------------------------------

def test_scores_are_saved_and_the_last_save_wins(round1, jurors, files, criteria):
    impact, sobriety = criteria
    juror = jurors[0]
    ready(juror, files[0], round1)
    assert state_of(juror, round1, files[0]).may_score
    first = save_sheet(juror, round1, files[0], {impact: 7, sobriety: 3}, {impact: "Solide"}, "Bon dossier")
    assert first.previously_saved_at is None
    later = OPEN + datetime.timedelta(minutes=5)
    saved = save_sheet(juror, round1, files[0], {impact: 8, sobriety: None}, overall="Très bon dossier", now=later)
    assert saved.saved_at == later and saved.previously_saved_at == OPEN
    assert round1.sheets.get().overall_comment == "Très bon dossier"
    assert list(Score.objects.values_list("criterion", "value", "comment")) == [(frozen(round1, impact).pk, 8, "")]
    assert juror_progress([(round1, juror)]) == {round1.pk: (0, 1)}
    save_sheet(juror, round1, files[0], {impact: 8, sobriety: 5}, now=later)
    assert juror_progress([(round1, juror)]) == {round1.pk: (1, 1)}


def test_invalid_scores_are_refused_by_the_form_next_to_their_field(round1, jurors, files, criteria):
    impact, sobriety = criteria
    ready(jurors[0], files[0], round1)
    copies = round_criteria(round1, OPEN)
    impact_copy, sobriety_copy = (frozen(round1, criterion) for criterion in criteria)
    form = ScoreSheetForm({f"score_{sobriety_copy.pk}": "6", f"score_{impact_copy.pk}": "0"}, criteria=copies)
    assert not form.is_valid()
    assert "entre 0 et 5" in form.errors[f"score_{sobriety_copy.pk}"][0]
    assert "commentaire est requis" in form.errors[f"score_{impact_copy.pk}"][0]
    form = ScoreSheetForm({f"score_{impact_copy.pk}": "0", f"comment_{impact_copy.pk}": "Hors sujet"}, criteria=copies)
    assert form.is_valid()
    scores.save_scores(state_of(jurors[0], round1, files[0]), form.cleaned_data["scores"])
    assert list(Score.objects.values_list("value", "comment")) == [(0, "Hors sujet")]


def test_nobody_scores_for_another_juror_nor_an_unassigned_or_undeclared_file(round1, jurors, files, staff):
    juror, other = jurors[0], jurors[1]
    ready(juror, files[0], round1)
    # A state is always the requesting user's own: on another juror's file there is none (the pages answer 404).
    assert scoring_state.load(other.user, round1.pk, files[0].pk, OPEN) is None
    assert scoring_state.load(staff, round1.pk, files[0].pk, OPEN) is None
    assert state_of(juror, round1, files[1]) is None  # not assigned
    Assignment.objects.create(round=round1, juror=juror, application=files[2])
    undeclared = state_of(juror, round1, files[2])
    assert not undeclared.may_open and not undeclared.may_score
    with pytest.raises(PermissionDenied, match="Déclarez"):
        scores.save_scores(undeclared, {})
    assert not Score.objects.exists() and not round1.sheets.exists()


def test_closed_round_is_read_only_until_staff_unlock_with_a_reason(round1, jurors, files, criteria, staff):
    impact, _sobriety = criteria
    juror = jurors[0]
    ready(juror, files[0], round1)
    before = state_of(juror, round1, files[0], round1.opens_at - datetime.timedelta(seconds=1))
    with pytest.raises(ValidationError, match="pas encore ouverte"):
        scores.save_scores(before, {})
    with pytest.raises(ValidationError, match="clos"):
        save_sheet(juror, round1, files[0], {impact: 5}, now=CLOSED)
    until = CLOSED + datetime.timedelta(days=1)
    with pytest.raises(ValidationError):
        scores.unlock(round1, juror, by=staff, reason="  ", until=until, now=CLOSED)
    with pytest.raises(PermissionDenied):
        scores.unlock(round1, juror, by=juror.user, reason="Je me suis trompé", until=until, now=CLOSED)
    with pytest.raises(ValidationError, match="pas clos"):
        scores.unlock(round1, juror, by=staff, reason="Trop tôt", until=until, now=OPEN)
    scores.unlock(round1, juror, by=staff, reason="Erreur de saisie signalée", until=until, now=CLOSED)
    assert state_of(juror, round1, files[0], CLOSED).unlocked
    save_sheet(juror, round1, files[0], {impact: 5}, now=CLOSED)
    assert Score.objects.get().value == 5
    with pytest.raises(ValidationError, match="clos"):  # the unlock has expired
        save_sheet(juror, round1, files[0], {impact: 6}, now=until + datetime.timedelta(seconds=1))
    log = ScoreUnlock.objects.get()
    assert (log.unlocked_by, log.reason, log.unlocked_at) == (staff, "Erreur de saisie signalée", CLOSED)
    with pytest.raises(AppendOnlyError):
        log.delete()
    ready(jurors[1], files[0], round1)
    with pytest.raises(ValidationError, match="clos"):  # another juror is still locked
        save_sheet(jurors[1], round1, files[0], {impact: 6}, now=CLOSED)


def test_round_two_never_overwrites_round_one(round1, jurors, files, criteria, campaign):
    impact, sobriety = criteria
    juror = jurors[0]
    round2 = JuryRoundFactory(campaign=campaign, number=2, opens_at=DELIBERATION,
                              closes_at=DELIBERATION + datetime.timedelta(days=10), deliberation_opens_at=None)
    round2.criteria.add(impact)
    round2.shortlist.add(files[0])
    ready(juror, files[0], round1)
    save_sheet(juror, round1, files[0], {impact: 4, sobriety: 2})
    Assignment.objects.create(round=round2, juror=juror, application=files[0])
    in_round2 = DELIBERATION + datetime.timedelta(days=1)
    round2_criteria = round_criteria(round2, in_round2)
    assert [criterion.source for criterion in round2_criteria] == [impact]  # round 2 scores only its own criteria
    with pytest.raises(ValidationError, match="n'appartient pas à ce tour"):
        clean_scores([Scale(c.pk, c.name, c.max_score) for c in round2_criteria], {frozen(round1, sobriety).pk: 5}, {})
    save_sheet(juror, round2, files[0], {impact: 9}, now=in_round2)
    assert set(Score.objects.values_list("round__number", "criterion__source", "value")) == {
        (1, impact.pk, 4), (1, sobriety.pk, 2), (2, impact.pk, 9)}
    assert [c.source for c in round1.scoring_criteria()] == [impact, sobriety]


# --- Decisions ----------------------------------------------------------------------------------

def test_the_decision_register_keeps_every_change_and_the_latest_wins(files, staff, jurors):
    application = files[0]
    first = decisions.record_decision(application, outcome=DecisionOutcome.NOT_SELECTED, by=staff,
                                      feedback="Projet prometteur mais trop récent.", minutes="Vote 4-2",
                                      now=DELIBERATION)
    with pytest.raises(ValidationError, match="citation"):
        decisions.record_decision(application, outcome=DecisionOutcome.LAUREATE, by=staff, now=DELIBERATION)
    with pytest.raises(PermissionDenied):
        decisions.record_decision(application, outcome=DecisionOutcome.NOT_SELECTED, by=jurors[0].user)
    second = decisions.record_decision(application, outcome=DecisionOutcome.LAUREATE, by=staff,
                                       citation="Pour une cantine sans gaspillage.",
                                       now=DELIBERATION + datetime.timedelta(hours=1))
    decisions.record_decision(files[1], outcome=DecisionOutcome.MENTION, by=staff, citation="Mention sobriété",
                              now=DELIBERATION)
    assert Decision.objects.filter(application=application).count() == 2
    assert Decision.objects.filter(application=application).latest_first().first() == second
    assert set(Decision.objects.current()) == {second, Decision.objects.get(application=files[1])}
    first.refresh_from_db()
    assert first.outcome == DecisionOutcome.NOT_SELECTED and first.recorded_by == staff
    first.outcome = DecisionOutcome.LAUREATE
    with pytest.raises(AppendOnlyError):
        first.save()
    assert application.status == ApplicationStatus.SUBMITTED  # statuses change only at publication


# --- Models -------------------------------------------------------------------------------------

def test_round_dates_and_membership_are_checked(round1, jurors, campaign):
    from django.db import IntegrityError, transaction

    round1.deliberation_opens_at = round1.closes_at - datetime.timedelta(hours=1)
    round1.jurors_per_application = 0
    with pytest.raises(ValidationError) as error:
        round1.full_clean()
    assert set(error.value.message_dict) >= {"deliberation_opens_at", "jurors_per_application"}
    with pytest.raises(IntegrityError), transaction.atomic():
        JuryRoundFactory(campaign=campaign, number=2, closes_at=round1.opens_at)
    with pytest.raises(IntegrityError), transaction.atomic():
        JuryMemberFactory(campaign=campaign, user=jurors[0].user)
    assert str(round1) == "Tour 1"
