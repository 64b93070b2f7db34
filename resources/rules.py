"""The resource space's vocabulary and its rules on plain values: kinds, audiences, visibility, what a reader of a
given standing sees, what a usefulness vote counts. No request, no ORM."""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

RESERVED_SLUGS = frozenset({"collections"})  # the collections' sub-addresses of the index page
RESULTS_PER_PAGE = 12


class Kind(models.TextChoices):
    GUIDE = "guide", _("Guide")
    FICHE = "fiche", _("Fiche")
    TEMPLATE = "modele", _("Modèle de document")
    SLIDES = "presentation", _("Support de présentation")
    DATASET = "donnees", _("Jeu de données")
    VIDEO = "video", _("Vidéo")


class Audience(models.TextChoices):
    AGENTS = "agents", _("Agents des collectivités")
    ELECTED = "elus", _("Élus")
    TECHNICAL = "dsi", _("DSI et techniciens")
    PUBLIC = "grand-public", _("Grand public")


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public")
    MEMBERS = "membres", _("Membres : agents vérifiés des collectivités adhérentes")


def visibilities_for(sees_members: bool) -> list[str]:
    """The visibilities a reader may see: members-only resources to members (and staff) only."""
    return [Visibility.PUBLIC, Visibility.MEMBERS] if sees_members else [Visibility.PUBLIC]


def is_published(published_on: datetime.date | None, today: datetime.date) -> bool:
    """A resource is out from its publication day (Paris) on; without a date it is a draft, shown nowhere."""
    return published_on is not None and published_on <= today


def source_errors(*, has_file: bool, has_link: bool) -> dict[str, str]:
    """A resource is a file or a link, never both nor neither: the French error next to the field concerned."""
    if has_file and has_link:
        return {"external_url": str(_("Une ressource est un fichier ou un lien, pas les deux : videz l'un des "
                                      "deux champs."))}
    if not has_file and not has_link:
        return {"file": str(_("Déposez un fichier ou indiquez un lien vers la ressource."))}
    return {}


def usefulness(useful: int, not_useful: int) -> int | None:
    """The share of "oui" among the votes, in whole percent (None before the first vote)."""
    total = useful + not_useful
    if total == 0:
        return None
    return round(100 * useful / total)
