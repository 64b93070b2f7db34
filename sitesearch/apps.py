from django.apps import AppConfig


class SiteSearchConfig(AppConfig):
    name = "sitesearch"
    verbose_name = "Recherche"

    def ready(self):
        from sitesearch import signals

        signals.connect()
