from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TerritoirProdConfig(AppConfig):
    name = "territoirprod"
    verbose_name = _("Territoir'Prod")

    def ready(self):
        from interconnectes import content_version
        from territoirprod.models import Sequence, SequenceSpeaker

        content_version.follow(Sequence, SequenceSpeaker)  # the programme pages cache what they show of them
