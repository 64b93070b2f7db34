"""A resource's file, checked by its content against the resource's kind: a guide is a document, a dataset a
table or an archive, a video a video. The name and the type the browser sent are never trusted.

Documents, images and archives are recognised as the library's documents are (`library.uploads`, itself the
applications' attachments' check); a CSV file as UTF-8 text with lines and separators; a video by
`interconnectes.privatefiles.video` (an MP4 or WebM container PyAV can read).
"""

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext as _

from interconnectes.privatefiles import video
from labels import attachments
from library import uploads as library_uploads
from resources.rules import Kind

CSV = "text/csv"
MAX_SIZE = attachments.MAX_SIZE  # 10 MB, as every document the site keeps
MAX_VIDEO_SIZE = 300 * 1024 * 1024
MAX_VIDEO_SECONDS = 60 * 60
CSV_SAMPLE = 64 * 1024

DOCUMENTS = (attachments.PDF, attachments.ODT, attachments.DOCX)
ACCEPTED: dict[str, tuple[str, ...]] = {
    Kind.GUIDE: DOCUMENTS,
    Kind.FICHE: (*DOCUMENTS, attachments.PNG, attachments.JPEG),
    Kind.TEMPLATE: DOCUMENTS,
    Kind.SLIDES: (attachments.PDF,),
    Kind.DATASET: (CSV, library_uploads.ZIP),
    Kind.VIDEO: (video.MP4, video.WEBM),
}
NAMES = {attachments.PDF: "PDF", attachments.ODT: "ODT", attachments.DOCX: "DOCX", attachments.PNG: "PNG",
         attachments.JPEG: "JPEG", CSV: "CSV", library_uploads.ZIP: "ZIP", video.MP4: "MP4", video.WEBM: "WebM"}
EXTENSIONS = {**library_uploads.EXTENSIONS, CSV: "csv", **video.EXTENSIONS}


def looks_like_csv(sample: bytes) -> bool:
    """UTF-8 text, no NUL byte, at least one line break and one separator (comma or semicolon)."""
    if b"\x00" in sample:
        return False
    try:
        text = sample.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(sample) - 3:  # a character cut at the end of the sample is not an error
            return False
        text = sample[:error.start].decode("utf-8")
    first_line = text.split("\n", 1)[0]
    return "\n" in text and ("," in first_line or ";" in first_line)


def content_type(file) -> str | None:
    """What the file is, from its bytes: a document, an image, a ZIP archive, a video or a CSV table."""
    found = library_uploads.content_type(file) or video.sniff(file)
    if found is not None:
        return found
    file.seek(0)
    sample = file.read(CSV_SAMPLE)
    file.seek(0)
    return CSV if looks_like_csv(sample) else None


def accepted_names(kind: str) -> str:
    return ", ".join(NAMES[found] for found in ACCEPTED[kind])


def check(file, kind: str) -> str:
    """The content type of a resource's file when it fits the resource's kind, or a ValidationError in French."""
    is_video = kind == Kind.VIDEO
    if file.size == 0:
        raise ValidationError(_("Ce fichier est vide."))
    if file.size > (MAX_VIDEO_SIZE if is_video else MAX_SIZE):
        raise ValidationError(_("Ce fichier dépasse %(max)d Mo.")
                              % {"max": (MAX_VIDEO_SIZE if is_video else MAX_SIZE) // (1024 * 1024)})
    if is_video:
        return video.validate_upload(file, max_bytes=MAX_VIDEO_SIZE, max_seconds=MAX_VIDEO_SECONDS).content_type
    file.seek(0)
    if file.read(len(attachments.ZIP_SIGNATURE)) == attachments.ZIP_SIGNATURE:
        attachments.check_archive(file)
    file.seek(0)
    found = content_type(file)
    if found not in ACCEPTED[kind]:
        raise ValidationError(
            _("Pour une ressource de type « %(kind)s », le fichier doit être : %(accepted)s (son contenu a été "
              "vérifié, pas seulement son nom).") % {"kind": Kind(kind).label, "accepted": accepted_names(kind)})
    return found


def download_name(title: str, file_type: str) -> str:
    return f"{slugify(title)[:80] or 'ressource'}.{EXTENSIONS.get(file_type, 'bin')}"
