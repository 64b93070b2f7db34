"""The score sheet's number inputs: markup the Nu HTML checker accepts, and the length still checked."""

from types import SimpleNamespace

from jury.forms import ScoreSheetForm

CRITERIA = [SimpleNamespace(pk=1, name="Sobriété", max_score=10)]


def test_a_score_is_a_number_input_without_the_maxlength_html_forbids_there():
    html = str(ScoreSheetForm(criteria=CRITERIA)["score_1"])
    assert 'type="number"' in html and 'min="0"' in html and 'max="10"' in html
    assert "maxlength" not in html


def test_a_score_longer_than_four_characters_is_refused_next_to_its_field():
    form = ScoreSheetForm({"score_1": "12,345"}, criteria=CRITERIA)
    assert not form.is_valid()
    assert "Assurez-vous que cette valeur comporte au plus 4 caractères (actuellement 6)." in form.errors["score_1"]
