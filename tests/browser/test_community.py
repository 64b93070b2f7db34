"""The community in a browser: a coordinator hides a post (the member sees it, then no longer does), and a member's
reply holding a script is shown as text. axe-core on each page."""

import pytest
from django.utils import timezone

from community.models import Post, Space
from tests.accounts.factories import organisation
from tests.browser.journeys import follow, log_in
from tests.community.factories import person, theme_page, topic_with_posts

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("wagtail_base")]


@pytest.fixture
def community(home):
    nantes = organisation("Nantes Métropole", member_year=timezone.now().year)
    member = person("karim@nantes.example.org", "Karim", "Benali", nantes)
    other = person("elodie@nantes.example.org", "Élodie", "Moreau", nantes)
    coordinator = person("coordination@ia.example.org", "Inès", "Durand")
    space = Space.objects.create(title="IA", slug="ia", theme=theme_page(home, "IA", [coordinator]))
    topic = topic_with_posts(space, member, timezone.now(), title="Clause données d'un marché de chatbot",
                             body="Quelle clause avez-vous écrite ?")
    Post.objects.create(topic=topic, author=other, body="Achetez nos formations miracles !",
                        created_at=timezone.now())
    return topic


def test_a_coordinator_hides_a_post(page, live_server, community, assert_accessible):
    base, topic_url = live_server.url, f"/communaute/sujet/{community.pk}/"
    log_in(page, base, "karim@nantes.example.org", topic_url)
    assert page.get_by_text("Achetez nos formations miracles !").count() == 1
    assert_accessible(page)

    log_in(page, base, "coordination@ia.example.org", topic_url)
    post = page.locator("article", has_text="Achetez nos formations miracles")
    follow(page, post.get_by_role("link", name="Masquer"))
    assert_accessible(page)
    follow(page, page.get_by_role("button", name="Masquer le message"))
    assert "Indiquez le motif du masquage." in page.content()
    assert_accessible(page)
    page.get_by_label("Motif du masquage").fill("Publicité sans rapport avec le sujet")
    follow(page, page.get_by_role("button", name="Masquer le message"))
    assert "Le message est masqué" in page.content()
    assert "Publicité sans rapport avec le sujet" in page.content()  # moderators still see it, with the reason
    assert_accessible(page)

    log_in(page, base, "karim@nantes.example.org", topic_url)
    assert page.locator("h1").inner_text() == "Clause données d'un marché de chatbot"
    assert page.get_by_text("Achetez nos formations miracles !").count() == 0
    assert_accessible(page)


def test_a_reply_holding_a_script_is_shown_as_text(page, live_server, community, assert_accessible):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    log_in(page, live_server.url, "karim@nantes.example.org", f"/communaute/sujet/{community.pk}/")
    page.get_by_label("Votre réponse").fill("<script>alert(1)</script> voir https://example.org/guide")
    follow(page, page.get_by_role("button", name="Publier la réponse"))
    assert "Votre réponse est publiée." in page.content()
    reply = page.locator("article").last
    assert reply.locator(".community-body").inner_text() == "<script>alert(1)</script> voir https://example.org/guide"
    assert reply.get_by_role("link", name="https://example.org/guide").get_attribute("rel") == "nofollow ugc noopener"
    assert dialogs == []
    assert_accessible(page)
