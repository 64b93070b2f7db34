import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_in_browser(page, live_server, home, assert_accessible):
    page.goto(live_server.url + "/")
    assert page.locator("h1").inner_text() == home.hero_title
    assert_accessible(page)
