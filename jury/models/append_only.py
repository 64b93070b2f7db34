"""Logs that are written once: conflict declarations, unlocks and decisions.

Fairness has to be shown afterwards, so a change is a new row and the current
state is read from the latest one.
"""

from django.db import models


class AppendOnlyError(Exception):
    """A log row was about to be changed or deleted through the ORM."""


class AppendOnlyModel(models.Model):
    """A row that is written once: `save()` on an existing row and `delete()` refuse.

    Deleting the parent (an application purged under the retention rule)
    still cascades: Django's collector deletes without calling `delete()`.
    """

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError(f"{type(self).__name__} is append-only: add a new row instead.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError(f"{type(self).__name__} is append-only.")
