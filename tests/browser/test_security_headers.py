"""An editor under the Content-Security-Policy: the admin, its preview and the user bar on the public site.

The `context` fixture (conftest.py) fails the test on any violation chromium
reports; this journey covers what the other browser tests do not: the page
editor with its preview frame, and Wagtail's user bar injected into a
public page under the strict policy.
"""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from tests.factories import StandardPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "un mot de passe solide"


def test_editor_journey_raises_no_policy_violation(page, live_server, home):
    get_user_model().objects.create_superuser("redaction", "redaction@example.org", PASSWORD)
    about = StandardPageFactory(parent=home, title="L'association")
    page.goto(live_server.url + "/admin/login/")
    page.fill("input[name=username]", "redaction")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")

    response = page.goto(f"{live_server.url}/admin/pages/{about.pk}/edit/")
    assert "'unsafe-inline'" in response.headers["content-security-policy"]
    page.locator('[data-side-panel-toggle="preview"]').click()
    preview = page.frame_locator("iframe[id='w-preview-iframe']")
    assert preview.locator("h1").inner_text() == "L'association"

    response = page.goto(live_server.url + about.url)
    policy = response.headers["content-security-policy"]
    assert "'unsafe-inline'" not in policy and "frame-ancestors 'none'" in policy
    trigger = page.locator("wagtail-userbar").locator("[data-wagtail-userbar-trigger]")
    trigger.click()
    expect(trigger).to_have_attribute("aria-expanded", "true")
    expect(page.locator("wagtail-userbar").get_by_role("menuitem").first).to_be_visible()
