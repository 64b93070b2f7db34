"""A post's text is escaped whatever it holds; only http(s) addresses become links and known handles mentions."""

from community import text


def test_a_script_is_shown_as_text():
    assert str(text.render("<script>alert(1)</script>")) == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"


def test_an_attribute_cannot_be_injected_through_an_address():
    html = str(text.render('voir https://ex.org/a?b=1&c="><img src=x onerror=alert(1)>'))
    assert html == ('<p>voir <a href="https://ex.org/a?b=1&amp;c=" rel="nofollow ugc noopener">'
                    'https://ex.org/a?b=1&amp;c=</a>&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</p>')


def test_a_single_quote_ends_an_address():
    html = str(text.render("https://x.org/'onmouseover=alert(1)"))
    assert html == ('<p><a href="https://x.org/" rel="nofollow ugc noopener">https://x.org/</a>'
                    "&#x27;onmouseover=alert(1)</p>")


def test_javascript_and_data_addresses_stay_text():
    assert str(text.render("javascript:alert(1) data:text/html,x")) == "<p>javascript:alert(1) data:text/html,x</p>"


def test_the_full_stop_after_an_address_is_not_part_of_it():
    assert str(text.render("Lire https://ex.org/guide.")) == (
        '<p>Lire <a href="https://ex.org/guide" rel="nofollow ugc noopener">https://ex.org/guide</a>.</p>')


def test_a_long_address_is_shortened_in_the_text_only():
    url = "https://ex.org/" + "a" * 100
    html = str(text.render(url))
    assert f'href="{url}"' in html and ">https://ex.org/" + "a" * 44 + "…</a>" in html


def test_a_long_word_is_kept_whole_and_escaped():
    word = "<" + "x" * 300
    assert str(text.render(word)) == "<p>&lt;" + "x" * 300 + "</p>"


def test_paragraphs_and_line_breaks():
    assert str(text.render("Un\ndeux\r\n\r\n\nTrois")) == "<p>Un<br>deux</p><p>Trois</p>"


def test_only_known_handles_become_mentions():
    html = str(text.render("Merci @Karim-Benali et @personne, écrire à a@b.org", {"karim-benali"}))
    assert html == ('<p>Merci <span class="mention">@karim-benali</span> et @personne, écrire à a@b.org</p>')


def test_the_handles_a_post_names_leave_out_addresses():
    assert text.mentioned_handles("@a-b, mail x@y.org, https://ex.org/@c et @D") == {"a-b", "d"}
    assert text.handles_in(["@a", "@b", "rien"]) == {"a", "b"}
