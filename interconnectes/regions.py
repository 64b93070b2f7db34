"""The 18 French regions (13 in mainland France, Corsica included, and 5 overseas)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Region(models.TextChoices):
    AUVERGNE_RHONE_ALPES = "ara", _("Auvergne-Rhône-Alpes")
    BOURGOGNE_FRANCHE_COMTE = "bfc", _("Bourgogne-Franche-Comté")
    BRETAGNE = "bre", _("Bretagne")
    CENTRE_VAL_DE_LOIRE = "cvl", _("Centre-Val de Loire")
    CORSE = "cor", _("Corse")
    GRAND_EST = "ges", _("Grand Est")
    HAUTS_DE_FRANCE = "hdf", _("Hauts-de-France")
    ILE_DE_FRANCE = "idf", _("Île-de-France")
    NORMANDIE = "nor", _("Normandie")
    NOUVELLE_AQUITAINE = "naq", _("Nouvelle-Aquitaine")
    OCCITANIE = "occ", _("Occitanie")
    PAYS_DE_LA_LOIRE = "pdl", _("Pays de la Loire")
    PROVENCE_ALPES_COTE_D_AZUR = "pac", _("Provence-Alpes-Côte d'Azur")
    GUADELOUPE = "gua", _("Guadeloupe")
    GUYANE = "guy", _("Guyane")
    LA_REUNION = "reu", _("La Réunion")
    MARTINIQUE = "mtq", _("Martinique")
    MAYOTTE = "may", _("Mayotte")
