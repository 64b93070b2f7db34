"""Stored XSS through editors' content: titles, intros, rich text and StreamField blocks come back as text.

Rich text goes through the converter the Draftail editor uses on save (it is
what turns an editor's typing and links into stored HTML, and it drops a
`javascript:` link); plain fields and blocks are stored as typed. URL blocks
are also given a `javascript:` address directly, as a script or an import
could store it: the templates must not put it in an href.
"""

import json

import pytest
from django.urls import reverse
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

from interconnectes.blocks import RICH_TEXT_FEATURES
from interconnectes.demo_pages import stream
from sitesearch import indexing
from tests.factories import ManifestoIndexPageFactory, ManifestoPageFactory, StandardPageFactory
from tests.hostile import JAVASCRIPT_LINK, PAYLOADS, assert_inert, assert_shown

pytestmark = pytest.mark.django_db


def rich_text(payload):
    """What Draftail stores when an editor types the payload and links a word to `javascript:alert(1)`."""
    text = f"{payload} lien"
    contentstate = {
        "blocks": [{"key": "a1b2c", "type": "unstyled", "depth": 0, "text": text, "inlineStyleRanges": [],
                    "entityRanges": [{"offset": len(payload) + 1, "length": 4, "key": 0}]}],
        "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": JAVASCRIPT_LINK}}},
    }
    return ContentstateConverter(features=RICH_TEXT_FEATURES).to_database_format(json.dumps(contentstate))


def body(payload):
    return stream([
        ("rich_text", rich_text(payload)),
        ("quote", {"text": payload, "attribution": payload}),
        ("key_figures", {"heading": payload, "figures": [{"value": payload[:20], "label": payload}]}),
        ("call_to_action", {"heading": payload, "text": payload, "page": None, "url": JAVASCRIPT_LINK,
                            "button_label": payload}),
        ("embed", {"url": JAVASCRIPT_LINK, "title": payload, "transcript": payload}),
    ])


@pytest.fixture
def pages(home):
    def build(payload):
        standard = StandardPageFactory(parent=home, title=payload, slug="page-piegee", intro=payload,
                                       seo_title=payload, search_description=payload, body=body(payload))
        index = ManifestoIndexPageFactory(parent=home)
        manifesto = ManifestoPageFactory(
            parent=index, title=f"{payload} manifeste", slug="manifeste-piege", subtitle=payload, intro=payload,
            adoption_place=payload, search_description=payload, body=body(payload),
            ambitions=json.dumps([{"type": "ambition", "value": {
                "title": payload, "intro": payload, "engagements": [{"title": payload, "text": payload}]}}]))
        return standard, index, manifesto
    return build


@pytest.mark.parametrize("payload", PAYLOADS)
def test_editors_content_is_escaped_on_every_page_showing_it(client, home, pages, payload):
    standard, index, manifesto = pages(payload)
    for where, url in [("page standard", standard.url), ("manifeste", manifesto.url), ("manifestes", index.url),
                       ("accueil", home.url)]:
        response = client.get(url)
        assert response.status_code == 200, where
        assert_inert(response.content, where)
        assert_shown(response.content, payload, where)
    indexing.rebuild()
    response = client.get(reverse("search"), {"q": "manifeste"})
    assert manifesto.url in response.content.decode()  # found, and shown inert
    assert_inert(response.content, "recherche")
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "<script" not in sitemap and "<img" not in sitemap


def test_a_stored_javascript_address_never_reaches_an_href(client, home):
    page = StandardPageFactory(parent=home, slug="liens", body=stream([
        ("call_to_action", {"heading": "Agir", "text": "", "page": None, "url": " JavaScript:alert(1)",
                            "button_label": "Cliquer"}),
        ("embed", {"url": "data:text/html,<script>alert(1)</script>", "title": "Vidéo", "transcript": ""}),
        ("call_to_action", {"heading": "Lire", "text": "", "page": None, "url": "https://example.org/a?b=1",
                            "button_label": "Lire"}),
    ]))
    content = client.get(page.url).content.decode()
    assert_inert(content, "liens")
    assert "data:text/html" not in content
    assert 'href="https://example.org/a?b=1"' in content


@pytest.mark.parametrize("raw", [
    "<p><script>alert(1)</script></p>", '<input value=""><img src=x onerror=alert(1)>">',
    '<a href="javascript:alert(1)">x</a>', "<a href=' JAVASCRIPT:alert(1)'>x</a>",
])
def test_the_check_catches_a_payload_that_became_markup(raw):
    with pytest.raises(AssertionError):
        assert_inert(raw)


def test_the_check_accepts_escaped_payloads():
    assert_inert('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'
                 '<input value="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">'
                 '<script type="application/json">{"a": "\\u003Cscript\\u003Ealert(1)"}</script>')
