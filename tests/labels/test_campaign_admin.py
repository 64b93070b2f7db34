"""Editors create label pages in the Wagtail admin; the page tree rules hold."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from interconnectes.models import HomePage
from labels.models import LabelCampaignPage, LabelIndexPage

pytestmark = pytest.mark.django_db


def test_page_tree_rules():
    assert LabelIndexPage.parent_page_types == ["interconnectes.HomePage"]
    assert LabelIndexPage.max_count == 1
    assert LabelCampaignPage.parent_page_types == ["labels.LabelIndexPage"]
    assert LabelIndexPage in HomePage.allowed_subpage_models()
    assert LabelCampaignPage in LabelIndexPage.allowed_subpage_models()


def test_editor_creates_a_campaign_with_categories_and_criteria(admin_client, label_index):
    data = nested_form_data({
        "title": "Territoire innovant 2027",
        "slug": "territoire-innovant-2027",
        "label": "territoire-innovant",
        "year": 2027,
        "opens_at": "2027-01-15 09:00",
        "closes_at": "2027-03-31 23:59",
        "intro": "",
        "how_to_apply": rich_text("<p>Candidatez en ligne.</p>"),
        "eligibility_text": rich_text(""),
        "rules": rich_text(""),
        "categories": inline_formset([{"name": "Data et IA", "description": ""},
                                      {"name": "Inclusion", "description": ""}]),
        "criteria": inline_formset([{"name": "Impact", "description": "", "weight": "2", "max_score": "10",
                                     "rubric_bottom": "Aucun effet", "rubric_middle": "Effet local",
                                     "rubric_top": "Effet reproduit ailleurs"}]),
        "laureate_levels": "Or, Argent, Bronze", "calibration_method": "ajuste", "discuss_threshold": "20.0",
        "eliminatory_rule": "mediane",
        "action-publish": "publish",
    })
    response = admin_client.post(f"/admin/pages/add/labels/labelcampaignpage/{label_index.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = LabelCampaignPage.objects.get(slug="territoire-innovant-2027")
    assert page.live
    assert [c.name for c in page.categories.all()] == ["Data et IA", "Inclusion"]
    assert page.criteria.get().weight == 2
    # The jurors' rubric: what the bottom, the middle and the top of the scale mean.
    criterion = page.criteria.get()
    assert (criterion.rubric_bottom, criterion.rubric_middle, criterion.rubric_top) == (
        "Aucun effet", "Effet local", "Effet reproduit ailleurs")
    assert page.closes_at.isoformat() == "2027-03-31T21:59:00+00:00"  # entered in Paris time (CEST), stored in UTC


def test_closing_before_opening_is_refused(label_index):
    from django.core.exceptions import ValidationError

    from tests.labels.factories import paris

    page = LabelCampaignPage(title="x", slug="x", year=2027, opens_at=paris(2027, 3, 1), closes_at=paris(2027, 2, 1))
    with pytest.raises(ValidationError):
        page.full_clean()
