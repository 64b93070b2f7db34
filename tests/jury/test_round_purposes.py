"""Rounds have a purpose: a preselection retains files for the final or not, a final gives the campaign's levels,
the special mention or "non retenu"; the final's files are exactly those the preselection retained."""

import pytest
from django.core.exceptions import ValidationError

from jury import outcomes
from jury.models import DecisionOutcome, JuryRound, RoundPurpose
from jury.services.decisions import record_decision
from tests.jury.factories import CLOSED, DELIBERATION, JuryRoundFactory

pytestmark = pytest.mark.django_db


def test_outcomes_offered_by_each_purpose():
    preselection = outcomes.choices(outcomes.PRESELECTION, ["Or", "Argent", "Bronze"])
    assert [choice.key for choice in preselection] == ["finale", "non-retenu"]
    final = outcomes.choices(outcomes.FINAL, ["Or", "Argent", "Bronze"])
    assert [(choice.key, choice.label) for choice in final] == [
        ("laureat:Or", "Lauréat — Or"), ("laureat:Argent", "Lauréat — Argent"), ("laureat:Bronze", "Lauréat — Bronze"),
        ("mention", "Mention spéciale"), ("non-retenu", "Non retenu")]
    assert outcomes.parse("laureat:Or", outcomes.PRESELECTION, ["Or"]) is None
    assert outcomes.parse("laureat:Platine", outcomes.FINAL, ["Or"]) is None
    assert outcomes.parse("laureat:Or", outcomes.FINAL, ["Or"]).level == "Or"
    assert outcomes.label_of("laureat", "Argent") == "Lauréat — Argent"


def test_campaign_levels_are_configurable(campaign):
    assert campaign.levels() == ["Or", "Argent", "Bronze"]
    campaign.laureate_levels = "Grand prix ,  Prix du jury"
    assert campaign.levels() == ["Grand prix", "Prix du jury"]


@pytest.fixture
def two_rounds(campaign, criteria):
    preselection = JuryRoundFactory(campaign=campaign, number=1, purpose=RoundPurpose.PRESELECTION)
    final = JuryRoundFactory(campaign=campaign, number=2, opens_at=DELIBERATION,
                             closes_at=DELIBERATION.replace(day=20), deliberation_opens_at=None)
    return preselection, final


def test_a_preselection_refuses_a_laureate_and_a_final_refuses_retained(two_rounds, files, staff):
    preselection, final = two_rounds
    with pytest.raises(ValidationError) as error:
        record_decision(files[0], outcome=DecisionOutcome.LAUREATE, level="Or", citation="Bravo", by=staff,
                        jury_round=preselection, now=CLOSED)
    assert "pas possible dans ce tour" in error.value.message_dict["outcome"][0]
    record_decision(files[0], outcome=DecisionOutcome.RETAINED, by=staff, jury_round=preselection, now=CLOSED)
    with pytest.raises(ValidationError):
        record_decision(files[0], outcome=DecisionOutcome.RETAINED, by=staff, jury_round=final, now=CLOSED)
    with pytest.raises(ValidationError):  # a level the campaign does not have
        record_decision(files[0], outcome=DecisionOutcome.LAUREATE, level="Platine", citation="Bravo", by=staff,
                        jury_round=final, now=CLOSED)


def test_the_final_holds_exactly_the_files_the_preselection_retained(two_rounds, files, staff):
    preselection, final = two_rounds
    for application in files[:3]:
        record_decision(application, outcome=DecisionOutcome.RETAINED, by=staff, jury_round=preselection, now=CLOSED)
    for application in files[3:]:
        record_decision(application, outcome=DecisionOutcome.NOT_SELECTED, by=staff, jury_round=preselection,
                        now=CLOSED)
    assert set(final.applications().values_list("pk", flat=True)) == {a.pk for a in files[:3]}
    record_decision(files[2], outcome=DecisionOutcome.NOT_SELECTED, by=staff, jury_round=preselection, now=CLOSED)
    assert set(final.applications().values_list("pk", flat=True)) == {a.pk for a in files[:2]}
    with pytest.raises(ValidationError) as error:  # a file not retained cannot be decided in the final
        record_decision(files[3], outcome=DecisionOutcome.MENTION, citation="Bravo", by=staff, jury_round=final,
                        now=CLOSED)
    assert "n'est pas dans ce tour" in error.value.messages[0]
    record_decision(files[0], outcome=DecisionOutcome.LAUREATE, level="Argent", citation="Bravo", by=staff,
                    jury_round=final, now=CLOSED)
    with pytest.raises(ValidationError):  # the final decided on it: its preselection decision cannot drop it
        record_decision(files[0], outcome=DecisionOutcome.NOT_SELECTED, by=staff, jury_round=preselection,
                        now=CLOSED)


def test_a_final_created_after_the_preselection_starts_with_its_retained_files(campaign, criteria, files, staff):
    preselection = JuryRoundFactory(campaign=campaign, number=1, purpose=RoundPurpose.PRESELECTION)
    record_decision(files[0], outcome=DecisionOutcome.RETAINED, by=staff, jury_round=preselection, now=CLOSED)
    record_decision(files[1], outcome=DecisionOutcome.RETAINED, by=staff, jury_round=preselection, now=CLOSED)
    record_decision(files[1], outcome=DecisionOutcome.NOT_SELECTED, by=staff, jury_round=preselection, now=CLOSED)
    final = JuryRoundFactory(campaign=campaign, number=2, opens_at=DELIBERATION, closes_at=DELIBERATION.replace(day=20),
                             deliberation_opens_at=None)
    assert list(final.applications().values_list("pk", flat=True)) == [files[0].pk]


def test_only_round_one_may_be_a_preselection(campaign):
    second = JuryRound(campaign=campaign, number=2, purpose=RoundPurpose.PRESELECTION, opens_at=DELIBERATION,
                       closes_at=DELIBERATION.replace(day=20))
    with pytest.raises(ValidationError) as error:
        second.full_clean()
    assert "purpose" in error.value.message_dict


def test_publication_waits_for_every_final_decision(two_rounds, files, staff, campaign):
    from jury.services import publication
    from tests.labels.factories import paris

    preselection, final = two_rounds
    record_decision(files[0], outcome=DecisionOutcome.RETAINED, by=staff, jury_round=preselection, now=CLOSED)
    for application in files[1:]:
        record_decision(application, outcome=DecisionOutcome.NOT_SELECTED, by=staff, jury_round=preselection,
                        now=CLOSED)
    after = paris(2026, 6, 1, 10, 0)
    with pytest.raises(ValidationError) as error:
        publication.publish_results(campaign, by=staff, now=after)
    assert f"1 candidature(s) : {files[0].reference}" in " ".join(error.value.messages)
    record_decision(files[0], outcome=DecisionOutcome.LAUREATE, level="Or", citation="Bravo", by=staff,
                    jury_round=final, now=after)
    plan = publication.preview(campaign, now=after)
    assert plan.refusals == [] and plan.counts == [("Lauréat — Or", 1), ("Non retenu", 6)]
    publication.publish_results(campaign, by=staff, now=after, notify=False)
    files[0].refresh_from_db()
    assert files[0].status == "laureat" and files[0].published_level == "Or"
