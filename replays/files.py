"""A replay's private files are deleted from the storage once nothing points to them any more: the files a new
upload replaced or staff cleared, and all of them when the replay is deleted; after the transaction commits,
so that a failure before leaves the replay whole."""

from django.db import transaction

from interconnectes.privatefiles.storage import private_storage

FILE_FIELDS = ("video", "captions", "slides")


def names(replay) -> set[str]:
    return {getattr(replay, field).name for field in FILE_FIELDS if getattr(replay, field)}


def delete_on_commit(stale: set[str]) -> None:
    def delete():
        storage = private_storage()
        for name in stale:
            storage.delete(name)

    if stale:
        transaction.on_commit(delete)


def replay_deleted(sender, instance, **kwargs) -> None:
    delete_on_commit(names(instance))
