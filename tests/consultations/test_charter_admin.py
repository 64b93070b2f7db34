"""An adopted version of the charter is frozen in the admin: only its status changes; a draft is edited freely;
two versions cannot be in force at once."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from consultations.models import CharterArticle, CharterStatus, CharterVersion
from tests.consultations.charter_factories import charter
from tests.labels.factories import UserFactory

pytestmark = pytest.mark.django_db


def edit_url(version):
    return f"/admin/snippets/consultations/charterversion/edit/{version.pk}/"


def posted(version, *, status=None, first_title=None, adopted_on="15/01/2025"):
    articles = [{"id": article.pk, "number": article.number, "body": article.body, "ORDER": article.number,
                 "title": first_title if first_title and article.number == 1 else article.title}
                for article in version.articles.order_by("number")]
    return nested_form_data({
        "number": version.number, "status": status or version.status, "adopted_on": adopted_on,
        "preamble": version.preamble, "document": "", "articles": inline_formset(articles, initial=len(articles))})


@pytest.fixture
def editor(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_an_adopted_versions_text_cannot_change(editor):
    version = charter()
    response = editor.post(edit_url(version), posted(version, first_title="Un autre titre"))
    assert response.status_code == 200
    assert "Une version adoptée ne se modifie pas" in response.content.decode()
    assert CharterArticle.objects.get(version=version, number=1).title == "Article 1 de la v1"


def test_an_adopted_version_is_replaced_or_withdrawn_by_its_status_alone(editor):
    version = charter()
    assert editor.post(edit_url(version), posted(version, status=CharterStatus.REPLACED)).status_code == 302
    version.refresh_from_db()
    assert version.status == CharterStatus.REPLACED
    response = editor.post(edit_url(version), posted(version, status=CharterStatus.DRAFT))
    assert "Une version adoptée ne redevient pas un projet." in response.content.decode()


def test_a_draft_is_edited_and_only_one_version_is_in_force(editor):
    charter(1)
    draft = charter(2, status=CharterStatus.DRAFT)
    assert editor.post(edit_url(draft), posted(draft, first_title="Sincérité")).status_code == 302
    assert CharterArticle.objects.get(version=draft, number=1).title == "Sincérité"
    response = editor.post(edit_url(draft), posted(draft, status=CharterStatus.IN_FORCE))
    assert "Une autre version est en vigueur" in response.content.decode()
    assert CharterVersion.objects.get(pk=draft.pk).status == CharterStatus.DRAFT
