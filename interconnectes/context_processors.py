"""Template context shared by every page."""

from interconnectes.content_version import content_version


def site_chrome(request):
    """The content version the header and footer fragments are cached under (a cache read, no query)."""
    return {"content_version": content_version()}
