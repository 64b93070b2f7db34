from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InterconnectesConfig(AppConfig):
    name = "interconnectes"
    verbose_name = _("Site des Interconnectés")

    def ready(self):
        from interconnectes import signals

        signals.connect()
