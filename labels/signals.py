"""Side effects that follow rows: files follow their rows, so deleting an attachment (directly, by cascade or
by the purge) deletes its file."""

from django.db import transaction
from django.db.models.signals import post_delete


def connect():
    from labels.models import Attachment

    post_delete.connect(delete_attachment_file, sender=Attachment, dispatch_uid="labels-attachment-file")


def delete_attachment_file(sender, instance, **kwargs):
    if instance.file:
        storage, name = instance.file.storage, instance.file.name
        transaction.on_commit(lambda: storage.delete(name))
