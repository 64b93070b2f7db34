"""What the map shows: places, each an engaged territory or a consultation, with a count."""

from collections.abc import Sequence
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _


class PointKind(models.TextChoices):
    TERRITORY = "territory", _("Territoire engagé")
    CONSULTATION = "consultation", _("Concertation")


@dataclass(frozen=True)
class MapPoint:
    """One place on the map and in its list.

    `count` is the territory's number of consultations, or the consultation's number of participants: the
    circle grows with it, and `summary` says it in words. `url` is optional (an unpublished record has none).
    """

    label: str
    lon: float
    lat: float
    kind: PointKind
    count: int = 0
    url: str = ""

    @property
    def kind_label(self) -> str:
        return str(PointKind(self.kind).label)

    @property
    def count_text(self) -> str:
        if self.kind == PointKind.TERRITORY:
            return ngettext("%(count)d concertation", "%(count)d concertations", self.count) % {"count": self.count}
        return ngettext("%(count)d participant", "%(count)d participants", self.count) % {"count": self.count}

    @property
    def summary(self) -> str:
        kind = self.kind_label.lower()
        values = {"label": self.label, "kind": kind, "count": self.count_text}
        return gettext("%(label)s : %(kind)s, %(count)s") % values


def describe(points: Sequence[MapPoint]) -> str:
    """The drawing's description for screen readers: what it counts, and where to find the details."""
    territories = sum(1 for point in points if point.kind == PointKind.TERRITORY)
    counts = {"territories": territories, "consultations": len(points) - territories}
    territories_text = ngettext(
        "%(territories)d territoire engagé", "%(territories)d territoires engagés", counts["territories"]
    ) % counts
    consultations_text = ngettext(
        "%(consultations)d concertation", "%(consultations)d concertations", counts["consultations"]
    ) % counts
    return gettext(
        "Carte de France avec %(territories)s et %(consultations)s. "
        "La liste qui suit la carte donne les mêmes lieux, leurs liens et leurs nombres."
    ) % {"territories": territories_text, "consultations": consultations_text}
