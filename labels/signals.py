"""Side effects that follow rows.

- Files follow their rows: deleting an attachment (directly, by cascade or by the purge) deletes its file.
- Admin access follows jury seats: a user is in the "Jurés" group, which grants Wagtail admin access and
  nothing else, exactly while they sit on at least one jury.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from labels.models import Attachment, JuryMember

JURORS_GROUP = "Jurés"


@receiver(post_delete, sender=Attachment)
def delete_attachment_file(sender, instance, **kwargs):
    if instance.file:
        storage, name = instance.file.storage, instance.file.name
        transaction.on_commit(lambda: storage.delete(name))


def jurors_group():
    group, created = Group.objects.get_or_create(name=JURORS_GROUP)
    if created:
        group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    return group


@receiver(post_save, sender=JuryMember)
@receiver(post_delete, sender=JuryMember)
def sync_jury_access(sender, instance, **kwargs):
    """Add the member's user, and drop anyone left without a seat (a seat deleted or moved to another user)."""
    group = jurors_group()
    if JuryMember.objects.filter(pk=instance.pk).exists():
        group.user_set.add(instance.user_id)
    group.user_set.remove(*group.user_set.filter(jury_memberships__isnull=True))
