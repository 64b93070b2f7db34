from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "consultations"
    verbose_name = _("Concertations territoriales de l'IA")

    def ready(self):
        from consultations.models import CharterArticle, CharterVersion, Commitment, Lesson, TerritoryLocation
        from interconnectes import content_version

        # The programme's pages cache what they show of these (the charter, the engaged territories, the lessons).
        content_version.follow(CharterVersion, CharterArticle, Commitment, Lesson, TerritoryLocation)
