"""The budget survey's rules on hand-made figures: what makes a page break its budget, and the EcoIndex wrapper.

The browser measures (tests/browser/test_demo_site.py) only report what
`PageFigures.problems()` finds, so these rules are checked here without a
browser, on figures whose verdict is known.
"""

import pytest

from interconnectes import budgets
from tests.browser.budget_survey import KINDS, PageFigures, ecoindex


def figures(kind="standard", **measured):
    """A page that keeps every rule, changed by `measured`."""
    page = PageFigures(KINDS[kind], "http://127.0.0.1/page/", transfer_bytes=8 * budgets.KB, requests=3,
                       dom_elements=100, ecoindex_score=92, ecoindex_grade="A", skip_link_first=True,
                       scroll_width_320=320)
    for name, value in measured.items():
        setattr(page, name, value)
    return page


def test_a_page_within_every_rule_has_no_problem():
    assert figures().problems() == []


@pytest.mark.parametrize(("measured", "expected"), [
    ({"transfer_bytes": 201 * budgets.KB}, "transfer 201.0 KB > 200 KB"),
    ({"requests": 11}, "11 requests > 10"),
    ({"dom_elements": 301}, "301 DOM elements > 300"),
    ({"ecoindex_score": 79, "ecoindex_grade": "B"}, "EcoIndex 79 (B) worse than A"),
    ({"cookies": ["csrftoken"]}, "cookies set for an anonymous reader"),
    ({"other_hosts": ["fonts.example.net"]}, "requests to other hosts"),
    ({"fonts": ["http://127.0.0.1/static/a.woff2"]}, "web fonts"),
    ({"old_format_images": ["http://127.0.0.1/media/a.jpg"]}, "neither AVIF nor WebP"),
    ({"images": [(375, "http://127.0.0.1/media/a.avif", 720, 343)]}, "720 px wide for 343 px displayed"),
    ({"scroll_width_320": 539}, "horizontal scroll at 320 px"),
    ({"outside_320": ["table.listing"]}, "cut off at 320 px"),
    ({"autoplay": ["video"]}, "autoplay media"),
    ({"carousels": ["div.carousel"]}, "carousel"),
    ({"moving_with_reduced_motion": ["div.spinner"]}, "prefers-reduced-motion"),
    ({"skip_link_first": False, "first_tab_stop": "input#id_username"}, "first Tab stop"),
    ({"focus_invisible": ["a.card"]}, "focus not visible"),
    ({"axe_violations": 1, "axe_report": "color-contrast"}, "axe-core"),
    ({"no_js_problems": ["no readable main content"]}, "without JavaScript"),
    ({"csp_violations": ["Refused to execute inline script"]}, "Content-Security-Policy"),
])
def test_each_rule_is_reported(measured, expected):
    problems = figures(**measured).problems()
    assert len(problems) == 1 and expected in problems[0], problems


def test_grade_b_is_enough_for_a_listing_but_not_for_a_content_page():
    assert figures("laureates", ecoindex_score=75, ecoindex_grade="B").problems() == []
    assert figures("manifesto", ecoindex_score=75, ecoindex_grade="B").problems() != []


def test_logged_in_pages_and_forms_may_set_their_cookies():
    assert figures("dashboard", cookies=["csrftoken", "sessionid"]).problems() == []
    assert figures("login", cookies=["csrftoken"]).problems() == []


def test_ecoindex_from_the_three_figures():
    # The package's own example: 100 elements, 100 KB, 100 requests score 72, grade B.
    assert ecoindex(100, 100, 100 * budgets.KB) == (72.0, "B")
    assert ecoindex(290, 3, 11642) == (85.0, "A")
