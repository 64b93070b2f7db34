"""Checks on uploaded files: by content (magic bytes), size and count, never by the name they came with."""

import re
import struct
import unicodedata
import warnings
import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

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
