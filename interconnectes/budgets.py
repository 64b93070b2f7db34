"""The site's page budgets: one source for the browser tests, the figures script and /ecoconception/.

The eco-design declaration renders these numbers, and the budget tests
assert them, so the promise made to readers and the check made in CI
cannot drift apart.
"""

from dataclasses import dataclass

KB = 1024


@dataclass(frozen=True)
class Budget:
    transfer_bytes: int  # everything on the wire for one page view, compressed
    requests: int  # HTTP requests for one page view, the document included
    dom_elements: int  # document.querySelectorAll("*").length
    min_ecoindex_grade: str  # the worst EcoIndex grade allowed (A best … G worst)


CONTENT_PAGE = Budget(transfer_bytes=200 * KB, requests=10, dom_elements=300, min_ecoindex_grade="A")
LISTING_PAGE = Budget(transfer_bytes=200 * KB, requests=10, dom_elements=400, min_ecoindex_grade="B")
HOME_PAGE = Budget(transfer_bytes=400 * KB, requests=15, dom_elements=400, min_ecoindex_grade="B")
# Forms and the applicant's pages: the same weight and requests, at least grade B.
APPLICATION_PAGE = Budget(transfer_bytes=200 * KB, requests=10, dom_elements=400, min_ecoindex_grade="B")
ADMIN_PAGE = Budget(transfer_bytes=600 * KB, requests=25, dom_elements=2500, min_ecoindex_grade="D")
"""The jury's pages (files to score, score sheet, ranking), which live in the Wagtail admin.

Wagtail's admin loads its own bundle on every page: about 500 KB of
stylesheets and scripts in some 18 requests (jQuery, React sidebar, icon
sprite inlined in each page), which this project does not write and cannot
trim. These numbers are what the jury's pages measure on the demo content,
with a margin, so that they cannot grow unnoticed: about 510 KB and 20
requests; about 650 DOM elements for the files list and the score sheet
(grade C), 2,200 for the ranking of a 40-file round, which lists every file
in the overall ranking, in "à discuter" and again by category (grade D).
Everything else (other hosts, fonts, focus, axe-core, 320 px) holds as on
the public pages, except the format of Wagtail's own two images (its
default avatar, a PNG, and its favicon, an ICO).
"""

# SQL queries of a public page on a cold request, whatever the data size.
MAX_QUERIES = 12

# Raster images are served no wider than this many times their displayed width.
MAX_IMAGE_DENSITY = 2

# The narrowest screen every page fits without horizontal scrolling, in CSS pixels.
MIN_VIEWPORT_WIDTH = 320

# The slowest connection the site is designed for (RGESN), stated in the declaration.
MIN_CONNECTION = "3G lente (400 kbit/s)"
