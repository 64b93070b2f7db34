"""Private storage of the site's private files (applications' attachments, pitch videos and their captions):
outside MEDIA_ROOT, never served by the web server, only by `interconnectes.privatefiles.responses`.

Which storage holds them is the "private" entry of settings.STORAGES: this
directory on one machine by default, a private S3 bucket
(labels.storage_s3.PrivateS3Storage) when several app servers share them.
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages


class PrivateStorage(FileSystemStorage):
    """Files under settings.PRIVATE_MEDIA_ROOT (read at each use), with no public URL."""

    @property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Les fichiers privés sont servis par une vue qui vérifie les droits, jamais par une URL.")


class StorageUnavailable(Exception):
    """The private storage failed to write or read a file (a full, read-only or unmounted volume): the request
    is answered with the site's 503 page by labels.middleware.StorageUnavailableMiddleware, and logged."""


def private_storage():
    """A callable, so migrations record neither a machine's path nor a bucket."""
    if "private" in settings.STORAGES:
        return storages["private"]
    return PrivateStorage()
