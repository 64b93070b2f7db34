"""The site search's own index: one row per thing a visitor may look for (public, or for member agents), and the
words everyone may be offered as corrections.

Written only by `sitesearch.indexing` from what `sitesearch.sources` says is
public; read by `sitesearch.query`. Nothing here is the source of truth: the
whole table can be rebuilt at any time (`manage.py rebuild_search_index`).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    """What a hit is, in the order the results page groups them when they score alike."""

    EVENT = "event", _("Événement")
    MANIFESTO = "manifesto", _("Manifeste")
    SPEAKER = "speaker", _("Intervenant·e")
    ORGANISATION = "organisation", _("Organisation")
    LAUREATE = "laureate", _("Projet lauréat")
    AI_PROJECT = "ai_project", _("Projet d'IA")
    REPLAY = "replay", _("Replay")
    RESOURCE = "resource", _("Ressource")
    PAGE = "page", _("Page")


KIND_PLURALS = {
    Kind.EVENT: _("Événements"),
    Kind.MANIFESTO: _("Manifestes"),
    Kind.SPEAKER: _("Intervenant·es"),
    Kind.ORGANISATION: _("Organisations"),
    Kind.LAUREATE: _("Projets lauréats"),
    Kind.AI_PROJECT: _("Projets d'IA"),
    Kind.REPLAY: _("Replays"),
    Kind.RESOURCE: _("Ressources"),
    Kind.PAGE: _("Pages"),
}


class SearchDocument(models.Model):
    """A public thing as the search shows it: title, type, address, date, the text its excerpt is cut from,
    and the folded terms it is found by (`sitesearch.text.indexed`)."""

    key = models.CharField(max_length=64, unique=True)  # "page:12", "person:4": what it was built from
    kind = models.CharField(max_length=16, choices=Kind.choices, db_index=True)
    title = models.CharField(max_length=255)
    url = models.CharField(max_length=500)
    date = models.DateField(null=True, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True, db_index=True)
    public_from = models.DateTimeField(null=True, blank=True)  # found from then on only (scheduled results)
    # Found by readers of this tier and above only (`accounts.tiers.Tier`: 0 for everyone, 2 for member agents).
    tier = models.PositiveSmallIntegerField(default=0)
    body = models.TextField(blank=True)  # the plain text an excerpt is cut from
    title_terms = models.TextField()
    terms = models.TextField()  # the title's terms and all the others

    class Meta:
        verbose_name = _("document de recherche")
        verbose_name_plural = _("documents de recherche")

    def __str__(self):
        return self.title


class SearchWord(models.Model):
    """A term of the index, the written form most documents use, and how many documents hold it: the
    vocabulary corrections are chosen from."""

    term = models.CharField(max_length=100, unique=True)
    display = models.CharField(max_length=100)
    documents = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("mot de l'index")
        verbose_name_plural = _("mots de l'index")

    def __str__(self):
        return self.term
