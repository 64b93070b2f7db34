"""Bulk decisions from the ranking: which files ("cochés", "les N premiers", "au-delà du rang N"), one outcome,
one reason, a register row per file, and all or nothing."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from jury import bulk, outcomes
from jury.forms import BulkDecisionForm
from jury.models import Decision, DecisionOutcome, RoundPurpose
from jury.services.decisions import record_bulk, record_decision
from tests.jury.factories import CLOSED, JuryRoundFactory
from tests.labels.factories import LabelCampaignPageFactory, SubmittedApplicationFactory

pytestmark = pytest.mark.django_db

RANKED = [(10, 1), (11, 2), (12, 2), (13, 4), (14, None)]


@pytest.mark.parametrize("mode, number, checked, expected", [
    (bulk.CHECKED, None, {13, 10}, [10, 13]),
    (bulk.FIRST, 2, set(), [10, 11]),
    (bulk.FIRST, 0, set(), []),
    (bulk.BELOW, 2, set(), [13, 14]),  # ties share rank 2 and stay; the unranked file is below
    (bulk.BELOW, None, set(), []),
    ("inconnu", 2, set(), []),
])
def test_selection_from_the_ranking(mode, number, checked, expected):
    assert bulk.select(RANKED, mode, number, checked) == expected


@pytest.fixture
def preselection(campaign, criteria):
    return JuryRoundFactory(campaign=campaign, purpose=RoundPurpose.PRESELECTION)


def test_one_outcome_one_reason_a_row_per_file(preselection, files, staff):
    assert record_bulk(preselection, [a.pk for a in files[:4]], outcome=DecisionOutcome.NOT_SELECTED,
                       reason="Sous le seuil du jury.", by=staff, now=CLOSED) == 4
    rows = Decision.objects.filter(round=preselection).order_by("application_id")
    assert [row.application_id for row in rows] == sorted(a.pk for a in files[:4])
    assert {row.minutes for row in rows} == {"Décision groupée : Sous le seuil du jury."}


@pytest.mark.parametrize("intruder", ["other_campaign", "already_decided", "no_reason"])
def test_a_bulk_with_a_foreign_or_decided_file_is_refused_whole(preselection, files, staff, label_index, intruder):
    ids = [a.pk for a in files[:3]]
    reason = "Motif."
    if intruder == "other_campaign":
        other = LabelCampaignPageFactory(parent=label_index)
        ids.append(SubmittedApplicationFactory(campaign=other).pk)
    elif intruder == "already_decided":
        record_decision(files[2], outcome=DecisionOutcome.RETAINED, by=staff, jury_round=preselection, now=CLOSED)
    else:
        reason = "  "
    before = Decision.objects.count()
    with pytest.raises(ValidationError):
        record_bulk(preselection, ids, outcome=DecisionOutcome.NOT_SELECTED, reason=reason, by=staff, now=CLOSED)
    assert Decision.objects.count() == before


def test_a_bulk_in_the_wrong_round_is_refused_whole(preselection, files, staff, campaign):
    final = JuryRoundFactory(campaign=campaign, number=2, opens_at=CLOSED, closes_at=CLOSED.replace(day=28),
                             deliberation_opens_at=None)
    record_decision(files[0], outcome=DecisionOutcome.RETAINED, by=staff, jury_round=preselection, now=CLOSED)
    with pytest.raises(ValidationError) as error:  # files[1] was not retained: not in the final
        record_bulk(final, [files[0].pk, files[1].pk], outcome=DecisionOutcome.NOT_SELECTED, reason="Motif.",
                    by=staff, now=CLOSED)
    assert "pas dans ce tour" in error.value.messages[0]
    assert not Decision.objects.filter(round=final).exists()


def test_the_bulk_form_on_the_ranking(client, preselection, files, campaign_staff, clock):
    client.force_login(campaign_staff)
    url = reverse("jury:bulk_decide", args=[preselection.pk])
    page = client.post(url, {"groupe-mode": bulk.CHECKED, "groupe-outcome": "laureat:Or", "groupe-reason": "",
                             "groupe-dossiers": [files[0].pk]})
    body = page.content.decode()
    assert "Cette décision n&#x27;est pas possible dans ce tour." in body or "pas possible dans ce tour" in body
    assert "Indiquez le motif de cette décision groupée." in body
    assert f'value="{files[0].pk}" form="bulk-form" id="choisir-{files[0].pk}" checked' in body  # kept
    assert not Decision.objects.exists()
    response = client.post(url, {"groupe-mode": bulk.FIRST, "groupe-number": "3", "groupe-outcome": "finale",
                                 "groupe-reason": "Les trois premiers vont en finale."})
    assert response.status_code == 302
    assert Decision.objects.filter(round=preselection, outcome=DecisionOutcome.RETAINED).count() == 3


def test_only_campaign_staff_may_bulk_decide(client, preselection, files, applicant):
    client.force_login(applicant)
    response = client.post(reverse("jury:bulk_decide", args=[preselection.pk]),
                           {"groupe-mode": bulk.FIRST, "groupe-number": "3", "groupe-outcome": "finale",
                            "groupe-reason": "Motif."})
    assert response.status_code == 403 and not Decision.objects.exists()


FOREIGN = "Un dossier coché n'est pas dans ce tour."


@pytest.mark.parametrize("ticked, error", [(["11", "12"], None), (["11", "13"], FOREIGN), (["onze"], FOREIGN)])
def test_the_ticked_files_must_be_files_of_the_ranking(ticked, error):
    form = BulkDecisionForm({"groupe-mode": bulk.CHECKED, "groupe-outcome": "finale", "groupe-reason": "Motif.",
                             "groupe-dossiers": ticked}, prefix="groupe", application_ids=[10, 11, 12],
                            choices=outcomes.choices(RoundPurpose.PRESELECTION, []))
    assert form.is_valid() is (error is None)
    if error is None:
        assert form.cleaned_data["dossiers"] == [11, 12]
    else:
        assert form.errors["dossiers"] == [error]
