from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = _("Espace ressources")

    def ready(self):
        from django.db.models.signals import m2m_changed

        from interconnectes import content_version
        from resources.models import Collection, CollectionItem, Resource

        # The resource space's pages cache what they show of these; a resource's themes are written after it.
        content_version.follow(Resource, Collection, CollectionItem)
        m2m_changed.connect(content_version.bump_content_version, sender=Resource.themes.through,
                            dispatch_uid="content-version-resource-themes")
