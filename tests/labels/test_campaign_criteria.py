"""An editor cannot delete a criterion the jury has scored: a French error, nothing saved."""

import pytest
from django.utils import timezone
from wagtail.test.utils.form_data import querydict_from_html

from labels.models import EvaluationCriterion, Score
from tests.labels.jury_factories import criteria, files, jurors, round1  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db


def edit_data(admin_client, campaign, delete_name):
    """The campaign's edit form as the browser would post it, with one criterion marked for deletion."""
    html = admin_client.get(f"/admin/pages/{campaign.pk}/edit/").content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    for key, value in list(data.items()):
        if key.startswith("criteria-") and key.endswith("-name") and value == delete_name:
            data[key.replace("-name", "-DELETE")] = "1"
    data["action-publish"] = "action-publish"
    return data


def test_a_scored_criterion_cannot_be_deleted(admin_client, campaign, criteria, round1, jurors, files):
    impact, _sobriety = criteria
    Score.objects.create(round=round1, juror=jurors[0], application=files[0], criterion=impact, value=7,
                         updated_at=timezone.now())
    response = admin_client.post(f"/admin/pages/{campaign.pk}/edit/", edit_data(admin_client, campaign, "Impact"))
    assert response.status_code == 200
    assert "Le jury a déjà noté ce critère" in response.content.decode()
    assert EvaluationCriterion.objects.filter(pk=impact.pk).exists()


def test_an_unscored_criterion_can_be_deleted(admin_client, campaign, criteria, round1):
    _impact, sobriety = criteria
    response = admin_client.post(f"/admin/pages/{campaign.pk}/edit/", edit_data(admin_client, campaign, "Sobriété"))
    assert response.status_code == 302
    assert not EvaluationCriterion.objects.filter(pk=sobriety.pk).exists()
