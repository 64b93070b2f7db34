from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ManifestesConfig(AppConfig):
    name = "manifestes"
    verbose_name = _("Manifestes")
