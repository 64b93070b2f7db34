"""The vocabularies of a consultation record (Participedia's case fields, in the programme's French words).

Plain choices, without tables: the lists are the programme's, changed with the
code, and a record's multiple choices (publics, methods) are kept as lists of
these values.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Public(models.TextChoices):
    INHABITANTS = "habitants", _("Habitants")
    AGENTS = "agents", _("Agents")
    ELECTED = "elus", _("Élus")
    YOUTH = "jeunes", _("Jeunes")
    ASSOCIATIONS = "associations", _("Associations")
    COMPANIES = "entreprises", _("Entreprises")
    RESEARCHERS = "chercheurs", _("Chercheurs")


class Recruitment(models.TextChoices):
    OPEN = "ouvert", _("Ouvert")
    TARGETED = "cible", _("Ciblé")
    LOTTERY = "tirage", _("Tirage au sort")


class Method(models.TextChoices):
    CAFE_IA = "cafe-ia", _("Café IA")
    WORKSHOP = "atelier", _("Atelier")
    JURY = "jury", _("Jury ou convention citoyenne")
    SURVEY = "questionnaire", _("Questionnaire")
    CODEVELOPMENT = "codeveloppement", _("Codéveloppement")
    DEBATE = "conference-debat", _("Conférence-débat")
    FOCUS_GROUP = "groupe-discussion", _("Groupe de discussion")


class Participation(models.TextChoices):
    INFORM = "informer", _("Informer")
    CONSULT = "consulter", _("Consulter")
    CONCERT = "concerter", _("Concerter")
    COCONSTRUCT = "co-construire", _("Co-construire")


class Format(models.TextChoices):
    IN_PERSON = "presentiel", _("Présentiel")
    ONLINE = "en-ligne", _("En ligne")
    HYBRID = "hybride", _("Hybride")


class Phase(models.TextChoices):
    ANNOUNCED = "annoncee", _("Annoncée")
    RUNNING = "en-cours", _("En cours")
    REPORTING = "restitution", _("Restitution")
    FOLLOW_UP = "suivi", _("Suivi")


class Answer(models.TextChoices):
    YES = "oui", _("Oui")
    PARTLY = "en-partie", _("En partie")
    NO = "non", _("Non")


class FollowUpStatus(models.TextChoices):
    STUDYING = "etude", _("À l'étude")
    COMMITTED = "engage", _("Engagé")
    DONE = "realise", _("Réalisé")
    ABANDONED = "abandonne", _("Abandonné")


class FindingKind(models.TextChoices):
    QUOTE = "citation", _("Citation")
    FIGURE = "chiffre", _("Chiffre")
