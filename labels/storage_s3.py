"""The private S3 bucket of applications' attachments (settings.STORAGES["private"] in production).

A module of its own so that boto3 is imported only by deployments that use it.
"""

from django.core.exceptions import ImproperlyConfigured
from storages.backends.s3 import S3Storage


class PrivateS3Storage(S3Storage):
    """Objects written with a private ACL and read back by the view that checks permissions.

    Whatever the options say, objects are private and any URL is signed and
    short-lived; `url()` still refuses, like PrivateStorage: a URL to an
    attachment would bypass the permission check and the download headers of
    labels.views.applications.attachment_response, which streams the file.
    """

    def __init__(self, **options):
        super().__init__(**options)
        if self.custom_domain:
            raise ImproperlyConfigured("Le bucket privé des pièces jointes ne doit pas avoir de domaine public.")
        self.default_acl = "private"
        self.querystring_auth = True
        self.querystring_expire = 60

    def url(self, name, parameters=None, expire=None, http_method=None):
        raise ValueError("Les fichiers privés sont servis par une vue qui vérifie les droits, jamais par une URL.")
