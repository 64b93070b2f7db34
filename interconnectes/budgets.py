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
# Forms, the applicant's and the jury's pages: the same weight and requests, at least grade B.
APPLICATION_PAGE = Budget(transfer_bytes=200 * KB, requests=10, dom_elements=400, min_ecoindex_grade="B")
# SQL queries of any page (public, applicant's, jury's), whatever the data size: on a cold request (empty
# cache), and once the caches are warm (the same request again).
MAX_COLD_QUERIES = 25
MAX_WARM_QUERIES = 10

# Raster images are served no wider than this many times their displayed width.
MAX_IMAGE_DENSITY = 2

# The narrowest screen every page fits without horizontal scrolling, in CSS pixels.
MIN_VIEWPORT_WIDTH = 320

# The slowest connection the site is designed for (RGESN), stated in the declaration.
MIN_CONNECTION = "3G lente (400 kbit/s)"
