"""Uploaded PDF documents (a replay's slides) checked by their content: the `%PDF-` signature and a size limit,
never the name or the type the browser sent."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

CONTENT_TYPE = "application/pdf"
ACCEPT = ".pdf,application/pdf"
SIGNATURE = b"%PDF-"


def validate_upload(uploaded, *, max_bytes: int) -> None:
    if uploaded.size == 0:
        raise ValidationError(_("Ce fichier est vide."))
    if uploaded.size > max_bytes:
        raise ValidationError(_("Ce document dépasse %(max)d Mo.") % {"max": max_bytes // (1024 * 1024)})
    uploaded.seek(0)
    head = uploaded.read(len(SIGNATURE))
    uploaded.seek(0)
    if head != SIGNATURE:
        raise ValidationError(_("Ce fichier n'est pas un PDF (son contenu a été vérifié, pas seulement son nom)."))
