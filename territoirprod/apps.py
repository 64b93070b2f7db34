from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TerritoirProdConfig(AppConfig):
    name = "territoirprod"
    verbose_name = _("Territoir'Prod")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from interconnectes import content_version
        from territoirprod import space
        from territoirprod.models import Enrolment, Sequence, SequenceSpeaker

        content_version.follow(Sequence, SequenceSpeaker)  # the programme pages cache what they show of them
        for signal in (post_save, post_delete):  # "Mon espace" caches the person's enrolments
            signal.connect(space.bump, sender=Enrolment, dispatch_uid=f"territoirprod-space-{signal is post_save}")
