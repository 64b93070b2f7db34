"""Images and their renditions served by the site itself, for a deployment whose media are on its own disk.

Without a bucket (the single-machine deployment of the README), nothing in
front of gunicorn knows `MEDIA_ROOT` unless a reverse proxy is told (the
README's nginx and Caddy snippets, the better choice when there is one): this
view is what makes the pages' images work out of the box. It serves only the
two folders Wagtail writes images to. Documents are not among them: they go
through Wagtail's own view, which applies their collection's privacy; anything
else is a 404. Renditions never change under one name (a new image or focal
point makes a new file), so browsers keep them a year; originals a day.
Switched off with `SERVE_MEDIA=0`, and when the media are in a bucket.
"""

import mimetypes
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponseNotModified
from django.utils.http import http_date
from django.views.decorators.http import require_safe
from django.views.static import was_modified_since

DAY = 24 * 3600
YEAR = 365 * DAY
PUBLIC_FOLDERS = {"images": f"public, max-age={YEAR}, immutable", "original_images": f"public, max-age={DAY}"}


def public_file(path: str) -> tuple[Path, str]:
    """The file under `MEDIA_ROOT` that `path` names in one of the public folders, and its Cache-Control;
    Http404 for any other folder, a path that climbs out of it, or no such file."""
    folder = path.split("/", 1)[0]
    if folder not in PUBLIC_FOLDERS:
        raise Http404
    allowed = (Path(settings.MEDIA_ROOT) / folder).resolve()
    candidate = (allowed / path[len(folder):].lstrip("/")).resolve()
    if not candidate.is_relative_to(allowed) or not candidate.is_file():
        raise Http404
    return candidate, PUBLIC_FOLDERS[folder]


@require_safe
def serve(request, path: str):
    if not settings.SERVE_MEDIA:
        raise Http404
    file, cache_control = public_file(path)
    modified = file.stat().st_mtime
    if not was_modified_since(request.META.get("HTTP_IF_MODIFIED_SINCE"), modified):
        response = HttpResponseNotModified()
    else:
        content_type, _encoding = mimetypes.guess_type(file.name)
        response = FileResponse(file.open("rb"), content_type=content_type or "application/octet-stream")
    response["Last-Modified"] = http_date(modified)
    response["Cache-Control"] = cache_control
    return response
