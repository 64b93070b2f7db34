"""The rules of a score sheet, as pure functions: a whole score within each criterion's scale, and a
comment at the bottom of the scale.

`ScoreSheetForm` calls `clean_scores` and puts its errors next to their fields;
the service saves what the form cleaned (`jury.services.scores.save_scores`).
No ORM here: a criterion is a plain `Scale`, so the rule is tested on
hand-written examples.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Scale:
    """A criterion as the score form sees it."""

    id: int
    name: str
    max_score: int


def clean_scores(scales, values: dict, comments: dict) -> dict:
    """Checked {criterion id: (value or None, comment)} for the round's criteria, or a ValidationError.

    A value is a whole number from 0 to the criterion's maximum; None leaves
    the criterion unscored (the sheet may be finished later). A comment is
    required at the bottom of the scale, where the applicant deserves a reason.
    """
    by_id = {scale.id: scale for scale in scales}
    errors: dict[str, list] = {}
    unknown = set(values) - set(by_id)
    if unknown:
        errors["__all__"] = [_("Ce critère n'appartient pas à ce tour.")]
    cleaned: dict[int, tuple[int | None, str]] = {}
    for criterion_id, scale in by_id.items():
        value = values.get(criterion_id)
        comment = (comments.get(criterion_id) or "").strip()
        if value is None or value == "":
            cleaned[criterion_id] = (None, comment)
            continue
        number: int | None
        if isinstance(value, bool) or not isinstance(value, int | str):
            number = None
        else:
            try:
                number = int(value)
            except ValueError:
                number = None
            if isinstance(value, str) and number is not None and str(number) != value.strip():
                number = None
        if number is None:
            errors[str(criterion_id)] = [_("La note doit être un nombre entier.")]
        elif not 0 <= number <= scale.max_score:
            errors[str(criterion_id)] = [_("La note de « %(name)s » doit être comprise entre 0 et %(max)s.")
                                         % {"name": scale.name, "max": scale.max_score}]
        elif number == 0 and not comment:
            errors[str(criterion_id)] = [_("Un commentaire est requis pour la note la plus basse de « %(name)s ».")
                                         % {"name": scale.name}]
        else:
            cleaned[criterion_id] = (number, comment)
    if errors:
        raise ValidationError(errors)
    return cleaned
