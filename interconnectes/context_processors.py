"""Template context shared by every public page."""

from interconnectes.chrome import chrome_version


def site_chrome(request):
    return {"chrome_version": chrome_version()}
