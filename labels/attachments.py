"""Checks on uploaded files: by content (magic bytes), size and count, never by the name they came with."""

import re
import unicodedata
import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_SIZE = 10 * 1024 * 1024
MAX_COUNT = 5

PDF, PNG, JPEG, ODT, DOCX = (
    "application/pdf",
    "image/png",
    "image/jpeg",
    "application/vnd.oasis.opendocument.text",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
)
EXTENSIONS = {PDF: "pdf", PNG: "png", JPEG: "jpg", ODT: "odt", DOCX: "docx"}
ACCEPT = ".pdf,.png,.jpg,.jpeg,.odt,.docx"


def sniff(uploaded) -> str | None:
    """The content type of a file from its first bytes (and, for zip-based documents, its members)."""
    uploaded.seek(0)
    head = uploaded.read(128)
    uploaded.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"PK\x03\x04"):
        # ODF stores an uncompressed "mimetype" member first, at offset 30.
        if head[30:38] == b"mimetype" and head[38:].startswith(ODT.encode()):
            return ODT
        try:
            with zipfile.ZipFile(uploaded) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            return None
        finally:
            uploaded.seek(0)
        if "[Content_Types].xml" in names and "word/document.xml" in names:
            return DOCX
    return None


def clean_filename(name: str, content_type: str) -> str:
    """A display name without directories, control characters or a misleading extension."""
    name = unicodedata.normalize("NFC", name or "")
    name = re.split(r"[\\/]", name)[-1]
    name = "".join(char for char in name if unicodedata.category(char)[0] != "C")
    name = re.sub(r"\s+", " ", name).strip(" .")
    stem = name.rsplit(".", 1)[0] if "." in name else name
    stem = stem[:80].strip(" .") or "piece-jointe"
    return f"{stem}.{EXTENSIONS[content_type]}"


def validate_upload(uploaded, existing_count: int) -> tuple[str, str]:
    """Return (content type, display name) or raise a ValidationError in French."""
    if existing_count >= MAX_COUNT:
        raise ValidationError(_("Vous avez déjà joint %(max)d fichiers, le maximum.") % {"max": MAX_COUNT})
    if uploaded.size > MAX_SIZE:
        raise ValidationError(_("Ce fichier dépasse 10 Mo."))
    if uploaded.size == 0:
        raise ValidationError(_("Ce fichier est vide."))
    content_type = sniff(uploaded)
    if content_type is None:
        raise ValidationError(
            _("Ce fichier n'est pas un PDF, PNG, JPEG, ODT ou DOCX (son contenu a été vérifié, pas seulement son nom).")
        )
    return content_type, clean_filename(uploaded.name, content_type)
