"""The replay's admin form: every file checked by its content before anything is stored (the video by PyAV, the
captions as WebVTT, the slides as a PDF), French errors next to their field, and what follows from the files
(type, size, duration, transcript) and from the consent box (who ticked it, when) written on the replay."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from interconnectes import clock
from interconnectes.privatefiles import pdf, video, webvtt
from replays import files, rules
from replays.models import Replay

DEFAULT_VISIBILITY = _("Par défaut : membres pour une séquence Territoir'Prod, public pour un événement")


class ReplayForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        visibility = self.fields["visibility"]
        visibility.required = False
        visibility.choices = [("", DEFAULT_VISIBILITY), *[c for c in visibility.choices if c[0]]]
        if not self.instance.pk:
            self.initial["visibility"] = ""
        for name, accept in (("video", video.ACCEPT), ("captions", ".vtt,text/vtt"), ("slides", pdf.ACCEPT)):
            self.fields[name].widget.attrs["accept"] = accept
        self.video_facts = None
        self.cues = None

    def clean_video(self):
        uploaded = self.cleaned_data.get("video")
        if uploaded and hasattr(uploaded, "content_type"):  # a new upload, not the stored file
            self.video_facts = video.validate_upload(uploaded, max_bytes=rules.MAX_BYTES,
                                                     max_seconds=rules.MAX_SECONDS)
        return uploaded

    def clean_captions(self):
        uploaded = self.cleaned_data.get("captions")
        if uploaded and hasattr(uploaded, "content_type"):
            self.cues = webvtt.validate_upload(uploaded)
        return uploaded

    def clean_slides(self):
        uploaded = self.cleaned_data.get("slides")
        if uploaded and hasattr(uploaded, "content_type"):
            pdf.validate_upload(uploaded, max_bytes=rules.MAX_SLIDES_BYTES)
        return uploaded

    def clean_link(self):
        link = self.cleaned_data.get("link", "")
        if link and not link.lower().startswith("https://"):
            raise ValidationError(_("Donnez une adresse sécurisée, commençant par https://."))
        return link

    def clean(self):
        data = super().clean()
        if not data.get("visibility"):
            data["visibility"] = rules.default_visibility(for_event=bool(data.get("session")))
        if "video" in self.errors or "link" in self.errors:
            return data
        has_video, link = bool(data.get("video")), data.get("link")
        if has_video and link:
            self.add_error("link", _("Donnez soit une vidéo, soit un lien, pas les deux."))
        elif not has_video and not link:
            self.add_error("video", _("Déposez la vidéo, ou indiquez un lien vers elle."))
        if link and not data.get("host", "").strip():
            self.add_error("host", _("Indiquez le site qui héberge la vidéo."))
        return data  # one attachment, and who consented: `Replay.clean`, which the form runs next

    def save(self, commit=True):
        """What follows from the checked files and the consent box, then the replay with its chapters and links."""
        replay = self.instance
        before = files.names(Replay.objects.get(pk=replay.pk)) if replay.pk else set()
        replay.visibility = self.cleaned_data["visibility"]
        if self.video_facts is not None:
            replay.video_content_type = self.video_facts.content_type
            replay.video_size = self.cleaned_data["video"].size
            replay.duration_seconds = round(self.video_facts.duration)
        elif not replay.video:
            replay.video_content_type, replay.video_size = "", None
        if self.cues is not None and not self.cleaned_data.get("transcript", "").strip():
            replay.transcript = webvtt.transcript(self.cues)
        if not replay.speakers_consent:
            replay.consent_recorded_at = replay.consent_recorded_by = None
        elif "speakers_consent" in self.changed_data or replay.consent_recorded_at is None:
            replay.consent_recorded_at = clock.now()
            replay.consent_recorded_by = getattr(self, "for_user", None)
        saved = super().save(commit=commit)
        files.delete_on_commit(before - files.names(saved))
        return saved
