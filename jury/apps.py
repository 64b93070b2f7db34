from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JuryConfig(AppConfig):
    name = "jury"
    verbose_name = _("Jury")

    def ready(self):
        from jury import ranking_cache, signals

        signals.connect()
        ranking_cache.follow_scores()
