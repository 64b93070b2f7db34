"""A signed charter is a PDF, checked by its bytes and size as the applications' attachments are (labels/attachments):
the name it came with proves nothing, and the file is stored privately under a random name."""

import uuid

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from labels import attachments

HELP_TEXT = gettext_lazy("La charte signée, en PDF, 10 Mo au plus ; le contenu du fichier est vérifié.")


def storage_path(_instance, _filename) -> str:
    """A random name: the uploaded name is never kept."""
    return f"concertations/chartes-signees/{uuid.uuid4().hex}.pdf"


def check(file) -> None:
    """A ValidationError in French unless the file is a non-empty PDF of at most 10 MB."""
    if file.size > attachments.MAX_SIZE:
        raise ValidationError(_("Ce fichier dépasse 10 Mo."))
    if file.size == 0:
        raise ValidationError(_("Ce fichier est vide."))
    if attachments.sniff(file) != attachments.PDF:
        raise ValidationError(_("Ce fichier n'est pas un PDF (son contenu a été vérifié, pas seulement son nom)."))


def validate_signed_document(value) -> None:
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
