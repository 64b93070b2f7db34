"""The validators of the page survey (`checkers.py`) on hand-made pages: each finds the defect it is there for
and passes clean markup, so that the demo site's 0 is a measurement, not a checker that runs on nothing."""

import pytest

from tests.browser import checkers

pytestmark = pytest.mark.browser

CLEAN = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>Propre</title></head>
<body><header><a href="#contenu">Aller au contenu</a></header>
<main id="contenu"><h1>Propre</h1>
<form method="post" aria-label="Inscription"><label for="e">Adresse e-mail</label><input id="e" type="email" name="e">
<button type="submit">Envoyer</button></form>
<form method="post" aria-label="Déconnexion"><button type="submit">Se déconnecter</button></form>
</main></body></html>
"""

# A paragraph around a list (the defect that hid the password rules), a duplicate id, a number input with a
# maxlength, an image without text, and two forms nobody can tell apart.
FAULTY = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>Fautive</title></head>
<body><main><h1>Fautive</h1>
<p id="aide"><ul><li>12 caractères</li></ul></p>
<span id="aide">doublon</span>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<form method="post"><input type="number" name="note" maxlength="4" aria-label="Note"><button>OK</button></form>
<form method="post"><input type="text" name="nom" aria-label="Nom"><button>OK</button></form>
</main></body></html>
"""


def test_nu_html_checker_reports_each_error_with_its_line_and_passes_valid_html():
    results = checkers.nu_html_check({"clean": CLEAN, "faulty": FAULTY})
    assert results["clean"][0] == []
    errors = "\n".join(results["faulty"][0])
    assert "line 4: No “p” element in scope but a “p” end tag seen." in errors
    assert "Duplicate ID “aide”." in errors
    assert "Attribute “maxlength” is only allowed when the input type is" in errors


def test_ibm_equal_access_and_pa11y_in_the_page(page):
    found = checkers.InPageCheckers()
    page.set_content(CLEAN)
    assert found.ibm(page) == [] and found.pa11y(page) == []
    page.set_content(FAULTY)
    ibm = "\n".join(found.ibm(page))
    assert "aria_form_label_unique" in ibm and "img_alt_valid" in ibm
    assert any(".H37" in error and "img" in error for error in found.pa11y(page))  # an img without alt


def test_pa11y_itself_on_a_url(tmp_path):
    (tmp_path / "faulty.html").write_text(FAULTY, encoding="utf-8")
    (tmp_path / "clean.html").write_text(CLEAN, encoding="utf-8")
    faulty, clean = (tmp_path / "faulty.html").as_uri(), (tmp_path / "clean.html").as_uri()
    found = checkers.pa11y_urls([faulty, clean])
    assert found[clean] == []
    assert any(".H37" in error for error in found[faulty])


def test_an_exception_excuses_one_rule_on_the_elements_it_names_only():
    exception = checkers.EXCEPTIONS[0]
    assert checkers.excused(exception.checker, exception.rule, f'<div {exception.element} role="region">')
    assert not checkers.excused(exception.checker, exception.rule, '<div class="other" tabindex="0">')
    assert not checkers.excused(exception.checker, "another_rule", exception.element)
    assert not checkers.excused("pa11y", exception.rule, exception.element)
