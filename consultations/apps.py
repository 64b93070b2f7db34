from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "consultations"
    verbose_name = _("Concertations territoriales de l'IA")

    def ready(self):
        from django.db.models.signals import m2m_changed

        from consultations.models import (
            ArticleAssessment,
            CharterArticle,
            CharterVersion,
            Commitment,
            Consultation,
            Finding,
            FollowUp,
            Lesson,
            ProgressEntry,
            TerritoryLocation,
        )
        from interconnectes import content_version

        # The programme's pages cache what they show of these (the charter, the engaged territories, the lessons).
        content_version.follow(CharterVersion, CharterArticle, Commitment, Lesson, TerritoryLocation)
        # The records' pages are kept for anonymous readers under the content version: a publication, a follow-up
        # or a progress entry moves it.
        content_version.follow(Consultation, ArticleAssessment, Finding, FollowUp, ProgressEntry)
        m2m_changed.connect(content_version.bump_content_version, sender=Consultation.implementations.through,
                            dispatch_uid="content-version-consultation-implementations")
