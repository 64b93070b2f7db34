"""Checks on uploaded files: by content (magic bytes), size and count, never by the name they came with.

Office documents are ZIP files: what their central directory declares (entries,
size once decompressed) is held to the limits of labels/limits.py before the
file is stored, without decompressing anything.
"""

import os
import re
import struct
import unicodedata
import warnings
import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from labels import limits

MAX_SIZE = 10 * 1024 * 1024
MAX_COUNT = 5
# A 40-megapixel picture is far more than a jury reads. A few bytes of PNG can claim 20,000 x 20,000 pixels
# (hundreds of megabytes once decoded): whoever opens it (a juror's viewer, a thumbnailer) would decode it.
MAX_PIXELS = 40_000_000

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
    if head.startswith(ZIP_SIGNATURE):
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


ZIP_SIGNATURE = b"PK\x03\x04"
# A ZIP's end record: signature, disk numbers, entries on this disk and in all, the central directory's size and
# offset, the comment's length. It lies in the last 22 bytes, or up to 65,535 bytes earlier behind a comment.
END_RECORD = struct.Struct("<4s4H2LH")
END_SIGNATURE = b"PK\x05\x06"
# A central directory entry is 46 bytes plus its name and extra fields: 1 KiB each is ample for a real document.
DIRECTORY_BYTES_PER_ENTRY = 1024


@dataclass(frozen=True)
class ZipListing:
    entries: int
    uncompressed_bytes: int


def declared_entries(uploaded) -> int | None:
    """The entries a ZIP's end record declares, or implies by the size of its central directory; None without one.

    Read from the file's last bytes before anything parses the directory: a
    10 MB file can list 100,000 entries, seconds of CPU to parse, and an end
    record can understate its count (zipfile parses as many bytes as it says
    the directory holds).
    """
    uploaded.seek(0, os.SEEK_END)
    size = uploaded.tell()
    uploaded.seek(max(0, size - END_RECORD.size - 65535))
    tail = uploaded.read()
    uploaded.seek(0)
    at = tail.rfind(END_SIGNATURE)
    if at < 0 or len(tail) - at < END_RECORD.size:
        return None
    entries, directory_bytes = END_RECORD.unpack_from(tail, at)[4:6]
    return max(entries, -(-directory_bytes // DIRECTORY_BYTES_PER_ENTRY))


def zip_listing(uploaded) -> ZipListing | None:
    """Entries and total uncompressed size, from the central directory read by zipfile (nothing decompressed)."""
    try:
        with zipfile.ZipFile(uploaded) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, struct.error):
        return None
    finally:
        uploaded.seek(0)
    return ZipListing(len(infos), sum(info.file_size for info in infos))


def check_archive(uploaded) -> None:
    """Refuse a ZIP that lists too many entries, or too many bytes once decompressed, before it is stored."""
    declared = declared_entries(uploaded)
    if declared is not None and (refusal := limits.archive_refusal(declared)):
        raise ValidationError(refusal)
    listing = zip_listing(uploaded)
    if listing is not None and (refusal := limits.archive_refusal(listing.entries, listing.uncompressed_bytes)):
        raise ValidationError(refusal)


def clean_filename(name: str, content_type: str) -> str:
    """A display name without directories, control characters or a misleading extension."""
    name = unicodedata.normalize("NFC", name or "")
    name = re.split(r"[\\/]", name)[-1]
    name = "".join(char for char in name if unicodedata.category(char)[0] != "C")
    name = re.sub(r"\s+", " ", name).strip(" .")
    stem = name.rsplit(".", 1)[0] if "." in name else name
    stem = stem[:80].strip(" .") or "piece-jointe"
    return f"{stem}.{EXTENSIONS[content_type]}"


def image_pixels(uploaded) -> int | None:
    """Width x height read from the image's header, never decoded; None when Pillow cannot read the header.

    Pillow refuses to open an image of more than twice its own pixel limit
    (DecompressionBombError) and warns above the limit: both mean too large.
    """
    uploaded.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(uploaded) as image:
                width, height = image.size
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return MAX_PIXELS + 1
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, struct.error):
        return None
    finally:
        uploaded.seek(0)
    return width * height


def validate_upload(uploaded, existing_count: int) -> tuple[str, str]:
    """Return (content type, display name) or raise a ValidationError in French."""
    if existing_count >= MAX_COUNT:
        raise ValidationError(_("Vous avez déjà joint %(max)d fichiers, le maximum.") % {"max": MAX_COUNT})
    if uploaded.size > MAX_SIZE:
        raise ValidationError(_("Ce fichier dépasse 10 Mo."))
    if uploaded.size == 0:
        raise ValidationError(_("Ce fichier est vide."))
    uploaded.seek(0)
    if uploaded.read(len(ZIP_SIGNATURE)) == ZIP_SIGNATURE:
        check_archive(uploaded)
    content_type = sniff(uploaded)
    if content_type is None:
        raise ValidationError(
            _("Ce fichier n'est pas un PDF, PNG, JPEG, ODT ou DOCX (son contenu a été vérifié, pas seulement son nom).")
        )
    if content_type in (PNG, JPEG) and (image_pixels(uploaded) or 0) > MAX_PIXELS:
        raise ValidationError(
            _("Cette image est trop grande : %(max)d millions de pixels au plus. Réduisez ses dimensions avant "
              "de la joindre.") % {"max": MAX_PIXELS // 1_000_000}
        )
    return content_type, clean_filename(uploaded.name, content_type)
