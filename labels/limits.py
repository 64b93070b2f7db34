"""What one account may keep in the labels: drafts per campaign, co-editors, bytes stored, the inside of office
documents (their ZIP's central directory). The e-mails anyone may ask for are counted by accounts/limits.py.

The numbers are settings (`LABELS_LIMITS`, interconnectes/settings/base.py);
this module phrases each refusal in French. Plain functions of counts: no ORM,
no request.
"""

from django.utils.translation import gettext as _

from accounts.limits import limit

MB = 1024 * 1024


def drafts_refusal(in_progress: int) -> str | None:
    """An account's applications in progress in one campaign (drafts and submitted ones, withdrawn ones aside)."""
    if in_progress < limit("DRAFTS_PER_CAMPAIGN"):
        return None
    return _("Vous avez déjà %(limit)d candidatures en cours pour cette campagne : reprenez l'une d'elles depuis "
             "votre tableau de bord.") % {"limit": limit("DRAFTS_PER_CAMPAIGN")}


def coeditors_refusal(count: int) -> str | None:
    if count < limit("COEDITORS_PER_APPLICATION"):
        return None
    return _("Une candidature compte %(limit)d co-rédacteurs au plus.") % {"limit": limit("COEDITORS_PER_APPLICATION")}


def storage_refusal(stored_bytes: int, incoming_bytes: int) -> str | None:
    """The files an account uploaded, all applications together, with the one coming in."""
    if stored_bytes + incoming_bytes <= limit("STORAGE_MB_PER_ACCOUNT") * MB:
        return None
    return _("Ce fichier dépasserait la place réservée à votre compte : %(limit)d Mo de fichiers au plus par compte. "
             "Supprimez une pièce jointe dont vous n'avez plus besoin.") % {"limit": limit("STORAGE_MB_PER_ACCOUNT")}


def archive_refusal(entries: int, uncompressed_bytes: int = 0) -> str | None:
    """An office document (a ZIP) by what its central directory declares: its entries and their total size."""
    if entries > limit("ARCHIVE_ENTRIES"):
        return _("Ce document contient trop d'éléments : %(limit)d éléments au plus. Enregistrez-le de nouveau, "
                 "ou en PDF.") % {"limit": limit("ARCHIVE_ENTRIES")}
    if uncompressed_bytes > limit("ARCHIVE_MB_UNCOMPRESSED") * MB:
        return _("Ce document pèserait plus de %(limit)d Mo une fois décompressé : enregistrez-le en PDF ou "
                 "réduisez ses images.") % {"limit": limit("ARCHIVE_MB_UNCOMPRESSED")}
    return None
