"""A rich text posted in a form other than the editor's JSON is an empty text, not a server error."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html

from events.models import JourneeExpertPage
from tests.events.factories import EventIndexPageFactory, JourneeExpertPageFactory, TourPageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("posted", ["", "pas du JSON", "{"])
def test_an_empty_or_unreadable_rich_text_saves_an_empty_text(admin_client, home, posted):
    stop = JourneeExpertPageFactory(parent=TourPageFactory(parent=EventIndexPageFactory(parent=home)),
                                    discover="<p>À découvrir sur place.</p>")
    url = reverse("wagtailadmin_pages:edit", args=[stop.pk])
    data = querydict_from_html(admin_client.get(url).content.decode(), form_id="page-edit-form").copy()
    data["discover"] = posted
    data["action-publish"] = "action-publish"
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert JourneeExpertPage.objects.get(pk=stop.pk).discover == ""
