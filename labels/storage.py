"""Where applications' attachments are stored: the site's private storage (`interconnectes.privatefiles.storage`).

Kept as a module because the attachments' migrations name `labels.storage.private_storage`.
"""

from interconnectes.privatefiles.storage import PrivateStorage, StorageUnavailable, private_storage

__all__ = ["PrivateStorage", "StorageUnavailable", "private_storage"]
