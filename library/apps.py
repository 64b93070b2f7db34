from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    name = "library"
    verbose_name = _("Bibliothèque d'IA territorialisée")

    def ready(self):
        from django.db.models.signals import m2m_changed

        from interconnectes import content_version
        from library.models import Contact, DataSource, Implementation, ImplementationDocument, Technique, Theme

        # The library's pages cache what they show of these; a record's partners are written after the record.
        content_version.follow(Theme, Technique, Implementation, DataSource)
        content_version.follow(ImplementationDocument, Contact)
        m2m_changed.connect(content_version.bump_content_version, sender=Implementation.partners.through,
                            dispatch_uid="content-version-library-partners")
