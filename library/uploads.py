"""The library's documents checked as the applications' attachments are (labels/attachments.py): by content and
size, never by the name they came with; a ZIP archive (a project's code, its sample data) is accepted too, its
central directory held to the same limits before anything is stored."""

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from labels import attachments

ZIP = "application/zip"
EXTENSIONS = {**attachments.EXTENSIONS, ZIP: "zip"}
HELP_TEXT = gettext_lazy("PDF, ODT, DOCX, PNG, JPEG ou archive ZIP, 10 Mo au plus ; le contenu est vérifié.")


def content_type(file) -> str | None:
    """What the file is, from its bytes: one of the attachments' types, or a ZIP archive that zipfile can list."""
    found = attachments.sniff(file)
    if found is not None:
        return found
    file.seek(0)
    is_zip = file.read(len(attachments.ZIP_SIGNATURE)) == attachments.ZIP_SIGNATURE
    file.seek(0)
    return ZIP if is_zip and attachments.zip_listing(file) is not None else None


def check(file) -> str:
    """The content type of an upload, or a ValidationError in French (size, archive limits, content)."""
    if file.size > attachments.MAX_SIZE:
        raise ValidationError(_("Ce fichier dépasse 10 Mo."))
    if file.size == 0:
        raise ValidationError(_("Ce fichier est vide."))
    file.seek(0)
    if file.read(len(attachments.ZIP_SIGNATURE)) == attachments.ZIP_SIGNATURE:
        attachments.check_archive(file)
    file.seek(0)
    found = content_type(file)
    if found is None:
        raise ValidationError(_("Ce fichier n'est pas un PDF, ODT, DOCX, PNG, JPEG ou une archive ZIP (son contenu "
                                "a été vérifié, pas seulement son nom)."))
    if found in (attachments.PNG, attachments.JPEG) and (attachments.image_pixels(file) or 0) > attachments.MAX_PIXELS:
        raise ValidationError(_("Cette image est trop grande : %(max)d millions de pixels au plus.")
                              % {"max": attachments.MAX_PIXELS // 1_000_000})
    return found


def validate_document(value) -> None:
    """The model field's validator: a file being uploaded is checked; one already stored was checked then."""
    if isinstance(value, UploadedFile):
        check(value)
        return
    try:
        held = value.file  # an upload being saved, or the stored file (opened: it is closed at once)
    except (OSError, ValueError):
        return
    if isinstance(held, UploadedFile):
        check(held)
    else:
        value.close()


def download_name(title: str, file_type: str | None) -> str:
    """"documentation-technique.pdf": the title, made safe, with the extension of what the file is."""
    return f"{slugify(title)[:80] or 'document'}.{EXTENSIONS.get(file_type or '', 'bin')}"
