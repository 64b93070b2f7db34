"""What the home page shows of the other sections of the site, without the home page importing them.

The site's apps build on `interconnectes` (its base page, its snippets), so
the home page cannot import them back. Each app that has something to show
on the home page registers a function with Wagtail's hooks:

    @hooks.register(HOME_PAGE_SECTIONS)
    def upcoming_events(home, now):
        return HomeSection(order=10, template="events/home_section.html", items=[...], heading=...)

and the home page draws the sections that have items, in their order.
"""

from dataclasses import dataclass

from wagtail import hooks

HOME_PAGE_SECTIONS = "home_page_sections"


@dataclass(frozen=True)
class HomeSection:
    order: int  # sections are drawn by increasing order
    template: str  # drawn with `section` in its context
    heading: str
    items: list


def home_sections(home, now) -> list[HomeSection]:
    """The sections every registered app gives for this home page at `now`, empty ones left out."""
    sections = (function(home, now) for function in hooks.get_hooks(HOME_PAGE_SECTIONS))
    return sorted((section for section in sections if section is not None and section.items),
                  key=lambda section: section.order)
