"""The password pages' structure: the rules Django lists under the new password are valid HTML, and the
input's aria-describedby names the element that holds them (a <ul> inside a <p> ends the <p> early, leaving
screen readers an empty description)."""

from html.parser import HTMLParser

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from tests.labels.factories import UserFactory

pytestmark = pytest.mark.django_db


class Structure(HTMLParser):
    """Each element's id, the tags opened inside it, and the lists opened inside a paragraph."""

    VOID = {"input", "br", "img", "meta", "link", "hr", "source", "wbr"}

    def __init__(self):
        super().__init__()
        self.stack, self.inside, self.describedby, self.list_in_paragraph = [], {}, {}, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("ul", "ol", "div") and any(open_tag == "p" for open_tag, _id in self.stack):
            self.list_in_paragraph.append(tag)
        for _tag, element_id in self.stack:
            if element_id:
                self.inside[element_id].append(tag)
        if tag == "input" and attrs.get("aria-describedby"):
            self.describedby[attrs["name"]] = attrs["aria-describedby"].split()
        if tag not in self.VOID:
            if attrs.get("id"):
                self.inside[attrs["id"]] = []
            self.stack.append((tag, attrs.get("id")))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break


def structure_of(response):
    parser = Structure()
    parser.feed(response.content.decode())
    return parser


def assert_rules_described(parser):
    assert parser.list_in_paragraph == []
    [described] = parser.describedby["new_password1"]
    assert "li" in parser.inside[described]


def test_password_change_page_describes_the_rules_with_valid_html(client):
    client.force_login(UserFactory())
    response = client.get(reverse("accounts:password_change"))
    assert response.status_code == 200
    assert_rules_described(structure_of(response))


def test_password_change_errors_keep_the_rules_described(client):
    client.force_login(UserFactory())
    response = client.post(reverse("accounts:password_change"), {
        "old_password": "un mot de passe solide", "new_password1": "court", "new_password2": "court"})
    parser = structure_of(response)
    assert parser.list_in_paragraph == []
    described = parser.describedby["new_password2"]
    assert "id_new_password2_error" in described
    assert "li" in parser.inside["id_new_password1_helptext"]


def test_password_reset_page_describes_the_rules_with_valid_html(client):
    user = UserFactory()
    url = reverse("accounts:password_reset_confirm", args=(urlsafe_base64_encode(force_bytes(user.pk)),
                                                           default_token_generator.make_token(user)))
    response = client.get(url, follow=True)
    assert response.status_code == 200 and response.context["validlink"]
    assert_rules_described(structure_of(response))
