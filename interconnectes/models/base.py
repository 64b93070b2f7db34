"""The abstract page every page type of the site inherits: what they all share, written once."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from interconnectes import restrictions, seo
from interconnectes.content_version import content_version


class BasePage(Page):
    """A lead paragraph, search and SEO fields, view restrictions read from a cached index, cache keys.

    - `intro`: the "chapô" under the title, in search results and as the page's
      description when the editor wrote no other.
    - `noindex`: keeps a page out of search engines and out of the sitemap
      (a page kept online for those who have its address).
    - `get_view_restrictions()`: Wagtail's answer, without its two queries on
      every page view (`interconnectes.restrictions`).
    - `cache_key` (what `{% wagtailpagecache %}` keys fragments on) also
      follows the site's content version: a fragment that shows other pages
      or snippets (a programme's speakers, a tour's stops) is renewed when
      they change, not only when this page is published again.
    """

    intro = models.TextField(_("chapô"), max_length=800, blank=True)
    noindex = models.BooleanField(
        _("masquer aux moteurs de recherche"), default=False,
        help_text=_("La page reste en ligne pour qui a son adresse, mais n'apparaît ni dans le plan du site "
                    "ni dans les moteurs de recherche."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    promote_panels = [
        MultiFieldPanel([FieldPanel("slug"), FieldPanel("seo_title"), FieldPanel("search_description"),
                         FieldPanel("noindex")], heading=_("Référencement")),
        MultiFieldPanel([FieldPanel("show_in_menus")], heading=_("Menus")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        abstract = True

    @property
    def meta_description(self) -> str:
        """The promote tab's description, else what the page type offers, else a sentence naming the page:
        never empty, at most `seo.DESCRIPTION_LENGTH` characters cut on a word."""
        fallback = _("%(title)s, sur le site des Interconnectés, le réseau des collectivités engagées pour un "
                     "numérique innovant et responsable.") % {"title": self.title}
        return seo.description(self.search_description, *self.description_candidates(), fallback=fallback)

    def description_candidates(self) -> tuple[str, ...]:
        """What describes this page when its editor wrote no description, best first (page types add theirs)."""
        return (self.intro or "",)

    def feed_links(self, request) -> list:
        """The Atom feeds this page announces in its head (`interconnectes.feeds`): none unless its type says."""
        return []

    def share_image(self):
        """The image link previews show for this page (None: the site's default); page types with one say so."""
        return None

    def get_view_restrictions(self):
        if not self.path or self.alias_of_id:  # a new page's preview, or an alias: Wagtail's own answer
            return super().get_view_restrictions()
        restricted, aliases = restrictions.restricted_and_alias_paths()
        chain = restrictions.chain_paths(self.path, self.steplen)
        if chain & aliases:
            return super().get_view_restrictions()
        found = chain & restricted
        if not found:
            return PageViewRestriction.objects.none()
        return PageViewRestriction.objects.filter(page__path__in=found)

    def get_cache_key_components(self):
        return [*super().get_cache_key_components(), content_version()]
