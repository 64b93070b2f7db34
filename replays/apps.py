from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReplaysConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "replays"
    verbose_name = _("Replays")

    def ready(self):
        from django.db.models.signals import post_delete

        from interconnectes.content_version import follow
        from replays.files import replay_deleted
        from replays.models import Replay, ReplayChapter, ReplayShareLink

        post_delete.connect(replay_deleted, sender=Replay, dispatch_uid="replays-delete-files")

        # The events' pages and the listing show replays: a replay saved moves the site's content version.
        follow(Replay, ReplayChapter, ReplayShareLink)
