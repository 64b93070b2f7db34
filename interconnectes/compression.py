"""Compression of the views' responses: text only.

Django's GZipMiddleware compresses whatever it is given, streamed files
included. PDFs, office documents, images and spreadsheets (attachments,
documents, exports) are already compressed: gzipping them again costs the
app servers CPU, gains nothing and drops their Content-Length (download
progress). Pages, feeds, calendars, JSON and SVG are compressed as before.
"""

from django.middleware.gzip import GZipMiddleware

COMPRESSIBLE_TYPES = (
    "text/",  # HTML, plain text (robots.txt), CSS, CSV, calendars
    "application/json",
    "application/ld+json",
    "application/javascript",
    "application/xml",  # sitemap
    "application/rss+xml",
    "application/atom+xml",
    "image/svg+xml",
)


def is_compressible(content_type: str) -> bool:
    return content_type.split(";")[0].strip().lower().startswith(COMPRESSIBLE_TYPES)


class TextGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if not is_compressible(response.get("Content-Type", "")):
            return response
        return super().process_response(request, response)
