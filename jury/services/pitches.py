"""Saving a finalist's pitch: the new files stored, the row written, the replaced files deleted, or nothing at all.

The form has checked the files by content; here the rules of who and when
(`jury.permissions.finalist_round`, `jury.pitches.edit_refusal`) are checked
again under a lock, so that a stale page or a crafted request cannot bypass
them. Replaced files are deleted once the transaction has committed: a
failure before leaves the previous pitch whole.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from interconnectes.privatefiles.storage import StorageUnavailable, private_storage
from jury import pitches
from jury.models import Pitch
from jury.permissions import finalist_round
from labels.models import Application
from labels.permissions import is_applicant


def _store(field_file, uploaded, stored: list):
    try:
        field_file.save("upload", uploaded, save=False)
    except OSError as error:
        raise StorageUnavailable from error
    stored.append(field_file.name)


def _delete(names):
    storage = private_storage()
    for name in names:
        storage.delete(name)


def save_pitch(application_id, user, now, **fields) -> Pitch:
    """Create or replace the application's pitch with what `PitchForm` cleaned, if `user` may (see `write_pitch`
    for `fields`)."""
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application_id)
        if not is_applicant(user, application):
            raise PermissionDenied
        if refusal := pitches.edit_refusal(finalist_round(application), now):
            raise ValidationError(refusal)
        return write_pitch(application, user, now, **fields)


def write_pitch(application, user, now, *, video=None, video_facts=None, link="", host="", captions=None,
                public_consent=False) -> Pitch:
    """Store the new files and write the row, whole or not at all; the replaced files go once it has committed.

    No permission here: `save_pitch` checks them for an applicant; the demo
    calls this for the pitches of files it built without applicant accounts.
    """
    stored: list[str] = []
    try:
        with transaction.atomic():
            pitch = Pitch.objects.filter(application=application).first() or Pitch(application=application)
            replaced = []
            if video:
                replaced.append(pitch.video.name)
                _store(pitch.video, video, stored)
                pitch.video_content_type, pitch.video_size = video_facts.content_type, video.size
                pitch.duration_seconds = round(video_facts.duration)
                pitch.link = pitch.host = ""
            elif link:
                replaced.append(pitch.video.name)
                pitch.video, pitch.video_content_type, pitch.video_size, pitch.duration_seconds = "", "", None, None
                pitch.link, pitch.host = link, host.strip()
            if captions:
                replaced.append(pitch.captions.name)
                _store(pitch.captions, captions, stored)
            pitch.public_consent, pitch.updated_at, pitch.updated_by = public_consent, now, user
            pitch.save()
            transaction.on_commit(lambda: _delete([name for name in replaced if name]))
    except BaseException:
        _delete(stored)
        raise
    return pitch
