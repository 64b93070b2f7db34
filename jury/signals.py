"""The jury's record outlives the accounts of its jurors, however an account is deleted.

The applicant's "supprimer mon compte" page (`accounts.gdpr.delete_account`),
the retention purge, Wagtail's user admin and the ORM all end in Django's
deletion of the user: just before it, each of the user's seats is anonymised
(`jury.services.members.anonymise_seats`), in the same transaction. `labels`
never needs to know about the jury.
"""

from django.conf import settings
from django.db.models.signals import pre_delete

from jury.services.members import anonymise_seats


def connect():
    pre_delete.connect(keep_jury_record, sender=settings.AUTH_USER_MODEL, dispatch_uid="jury-keep-record")


def keep_jury_record(sender, instance, **kwargs):
    anonymise_seats(instance)
