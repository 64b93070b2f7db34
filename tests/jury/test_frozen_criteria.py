"""A round freezes its criteria when scoring opens: editing or deleting the campaign's criteria afterwards changes
nothing in what the jury scored, and before the opening the round shows the campaign's current criteria."""

import datetime

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html

from jury.models import RoundCriterion, Score
from jury.progress import round_ranking
from jury.services.criteria import freeze_if_open, round_criteria
from labels.models import EvaluationCriterion
from tests.jury.factories import OPEN, save_sheet
from tests.labels.factories import SubmittedApplicationFactory

pytestmark = pytest.mark.django_db

FORM_ID = "w-editor-form"


def edit_data(admin_client, campaign, delete_name=None, **changes):
    """The campaign's edit form as the browser would post it: one criterion marked for deletion, or changed."""
    html = admin_client.get(f"/admin/pages/{campaign.pk}/edit/").content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    for key, value in list(data.items()):
        if key.startswith("criteria-") and key.endswith("-name") and value == delete_name:
            data[key.replace("-name", "-DELETE")] = "1"
        if key.startswith("criteria-") and key.endswith("-name") and value == "Impact":
            for field, new in changes.items():
                data[key.replace("-name", f"-{field}")] = new
    data["action-publish"] = "action-publish"
    return data


def test_the_round_shows_the_campaign_criteria_until_scoring_opens(round1, criteria):
    impact, sobriety = criteria
    before = round1.opens_at - datetime.timedelta(minutes=1)
    assert [c.pk for c in round_criteria(round1, before)] == [impact.pk, sobriety.pk]
    impact.name, impact.weight = "Impact mesuré", 5
    impact.save()
    assert [(c.name, c.weight) for c in round_criteria(round1, before)][0] == ("Impact mesuré", 5)
    assert not RoundCriterion.objects.exists() and round1.criteria_frozen_at is None


def test_scoring_opens_freezes_the_chosen_criteria_once(round1, criteria):
    impact, _sobriety = criteria
    round1.criteria.add(impact)
    freeze_if_open(round1, OPEN)
    freeze_if_open(round1, OPEN + datetime.timedelta(hours=1))
    round1.refresh_from_db()
    assert round1.criteria_frozen_at == OPEN
    [copy] = RoundCriterion.objects.filter(round=round1)
    assert (copy.position, copy.name, copy.weight, copy.max_score, copy.source) == (1, "Impact", 2, 10, impact)


def test_freezing_twice_at_once_makes_one_copy(round1, criteria):
    """Two requests at the opening second each hold a round object read before the other froze it."""
    stale = type(round1).objects.get(pk=round1.pk)
    freeze_if_open(round1, OPEN)
    freeze_if_open(stale, OPEN)
    assert RoundCriterion.objects.filter(round=round1).count() == 2
    assert stale.criteria_frozen


def test_editing_or_deleting_a_scored_criterion_changes_nothing_in_the_results(
        admin_client, campaign, round1, jurors, criteria):
    from jury.models import Assignment
    from jury.services import conflicts

    impact, sobriety = criteria
    application = SubmittedApplicationFactory(campaign=campaign)
    Assignment.objects.create(round=round1, juror=jurors[0], application=application)
    conflicts.declare(jurors[0], application, has_conflict=False, by=jurors[0].user, now=OPEN)
    save_sheet(jurors[0], round1, application, {impact: 8, sobriety: 4})
    before = round_ranking(round1).ranking.results[0].totals

    response = admin_client.post(f"/admin/pages/{campaign.pk}/edit/",
                                 edit_data(admin_client, campaign, weight="9", max_score="20"))
    assert response.status_code == 302
    assert EvaluationCriterion.objects.get(pk=impact.pk).max_score == 20
    response = admin_client.post(f"/admin/pages/{campaign.pk}/edit/", edit_data(admin_client, campaign, "Sobriété"))
    assert response.status_code == 302  # no "scored criterion" refusal any more: nothing depends on it
    assert not EvaluationCriterion.objects.filter(pk=sobriety.pk).exists()

    assert round_ranking(round1).ranking.results[0].totals == before == {jurors[0].pk: pytest.approx(80)}
    assert sorted(Score.objects.values_list("criterion__name", "value", "criterion__max_score")) == [
        ("Impact", 8, 10), ("Sobriété", 4, 5)]
    assert [(c.name, c.weight, c.source_id) for c in round1.scoring_criteria()] == [
        ("Impact", 2, impact.pk), ("Sobriété", 1, None)]


def test_the_round_form_keeps_frozen_criteria(admin_client, round1, criteria):
    impact, _sobriety = criteria
    url = reverse("jury_round:edit", args=[round1.pk])
    frozen_help = "Figés à l&#x27;ouverture de la notation : ils ne changent plus."
    assert frozen_help not in admin_client.get(url).content.decode()
    freeze_if_open(round1, OPEN)
    html = admin_client.get(url).content.decode()
    assert frozen_help in html
    data = querydict_from_html(html, form_id=FORM_ID)
    data.setlist("criteria", [str(impact.pk)])  # a tampered post: the field is disabled
    assert admin_client.post(url, data).status_code == 302
    assert not round1.criteria.exists()
    assert round1.frozen_criteria.count() == 2
