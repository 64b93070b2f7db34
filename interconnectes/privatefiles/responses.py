"""Private files served to whoever the calling view's permission check let through: attachments as downloads,
videos and captions inline, answering HTTP range requests so that a reader can seek in a video.

Every answer says `Accept-Ranges: bytes`; a satisfiable range is a 206 with
its `Content-Range`, an unsatisfiable one a 416 with `Content-Range: bytes */size`.
Nothing is cached (`private, no-store`), sniffed (`nosniff`) or run (a
sandboxing Content-Security-Policy). A file gone from the storage is a 404;
a storage that cannot be read is `StorageUnavailable` (the site's 503 page).
"""

from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.utils.http import content_disposition_header

from interconnectes.privatefiles import ranges
from interconnectes.privatefiles.storage import StorageUnavailable

CHUNK = 64 * 1024


def _open(field_file):
    try:
        return field_file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    except OSError as error:
        raise StorageUnavailable from error


def _chunks(handle, byte_range):
    """The bytes of the range, a chunk at a time; the handle is closed at the end."""
    try:
        handle.seek(byte_range.start)
        left = byte_range.length
        while left > 0:
            chunk = handle.read(min(CHUNK, left))
            if not chunk:
                break
            left -= len(chunk)
            yield chunk
    finally:
        handle.close()


def _protect(response, *, content_type):
    response["Accept-Ranges"] = "bytes"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    response["Content-Type"] = content_type
    return response


def serve(request, field_file, *, content_type: str, filename: str, as_attachment: bool):
    """The private file `field_file` (a FieldFile), whole or the range the request asks for."""
    handle = _open(field_file)
    try:
        size = field_file.size
        byte_range = ranges.parse(request.headers.get("Range"), size)
    except ranges.Unsatisfiable:
        handle.close()
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
        return _protect(response, content_type=content_type)
    except OSError as error:
        handle.close()
        raise StorageUnavailable from error
    if byte_range is None:
        response = FileResponse(handle, as_attachment=as_attachment, filename=filename, content_type=content_type)
        return _protect(response, content_type=content_type)
    response = StreamingHttpResponse(_chunks(handle, byte_range), status=206, content_type=content_type)
    response["Content-Length"] = str(byte_range.length)
    response["Content-Range"] = byte_range.content_range(size)
    response["Content-Disposition"] = content_disposition_header(as_attachment, filename)
    return _protect(response, content_type=content_type)
