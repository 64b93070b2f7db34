"""The programme's key figures, computed from its records: a plain function over plain values, tested on
hand-computed examples (the page hands it one aggregate query's numbers)."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


@dataclass(frozen=True)
class Figure:
    value: str
    label: str


def thousands(number: int) -> str:
    """12345 → "12 345", with the narrow no-break space French typography uses."""
    return f"{number:,}".replace(",", "\u202f")


def key_figures(*, territories: int, consultations: int, participants: int | None) -> list[Figure]:
    """Territories engaged (verified commitments), consultations held (published records) and their participants
    (the sum of the counts given; records without a count add nothing)."""
    figures = [
        Figure(thousands(territories), ngettext("territoire engagé", "territoires engagés", territories)),
        Figure(thousands(consultations), ngettext("concertation documentée", "concertations documentées",
                                                  consultations)),
    ]
    if participants:
        figures.append(Figure(thousands(participants), ngettext("participant", "participants", participants)))
    return figures


HEADING = _("Le programme en chiffres")
