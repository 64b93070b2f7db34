"""The latest manifestos on the home page; their Atom feed announced on the home page and in their section."""

from wagtail import hooks

from interconnectes.feed_links import FEED_SUBPATH, SITE_FEEDS, FeedSource
from interconnectes.home_sections import HOME_PAGE_SECTIONS, HomeSection
from interconnectes.restrictions import private_q
from manifestes.models import FEED_TITLE, ManifestoIndexPage, ManifestoPage

LATEST_ON_THE_HOME_PAGE = 3


@hooks.register(HOME_PAGE_SECTIONS)
def latest_manifestos_on_the_home_page(home, now):
    latest = ManifestoPage.objects.live().exclude(private_q()).order_by("-adoption_date", "-pk")
    return HomeSection(order=20, template="manifestes/home_section.html", heading=home.manifestos_heading,
                       items=list(latest[:LATEST_ON_THE_HOME_PAGE]))



@hooks.register(SITE_FEEDS)
def manifestos_feed():
    return FeedSource(model=ManifestoIndexPage, subpath=FEED_SUBPATH, title=FEED_TITLE)
