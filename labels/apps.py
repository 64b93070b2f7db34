from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LabelsConfig(AppConfig):
    name = "labels"
    verbose_name = _("Labels")

    def ready(self):
        from interconnectes import content_version
        from labels import signals
        from labels.models import ResultsPublication

        signals.connect()
        content_version.follow(ResultsPublication)  # the campaign pages and the archive show the results
