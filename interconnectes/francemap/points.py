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
    """The drawing's description for screen readers: what it shows, what a circle's size counts, where the details are.

    A map of territories alone (no consultation points) says how many consultations their discs add up to, rather
    than "0 concertation".
    """
    if not points:
        return gettext("Carte de France, sans lieu à montrer pour l’instant.")
    territories = [point for point in points if point.kind == PointKind.TERRITORY]
    consultations = len(points) - len(territories)
    shown = ngettext("%(count)d territoire engagé", "%(count)d territoires engagés", len(territories)) % {
        "count": len(territories)}
    if consultations:
        shown = gettext("%(territories)s et %(consultations)s") % {
            "territories": shown,
            "consultations": ngettext("%(count)d concertation", "%(count)d concertations", consultations) % {
                "count": consultations}}
    else:
        held = sum(point.count for point in territories)
        shown = gettext("%(territories)s, chacun d’un disque qui grandit avec ses concertations (%(held)s en tout)") % {
            "territories": shown,
            "held": ngettext("%(count)d concertation publiée", "%(count)d concertations publiées", held) % {
                "count": held}}
    return gettext(
        "Carte de France avec %(shown)s. "
        "La liste qui suit la carte donne les mêmes lieux, leurs liens et leurs nombres."
    ) % {"shown": shown}
