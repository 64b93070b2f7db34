"""Writing to the module: the log, the numbered versions. Callers hold the record's row lock (a transaction)."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Max

from reviews.models import Draft, ReviewEvent, Version


def log(target_or_draft, action: str, by, at, *, note: str = "", comments: dict | None = None,
        model=None) -> ReviewEvent:
    """Append to the log, about a draft (and its record when it has one) or about a record."""
    if isinstance(target_or_draft, Draft):
        draft = target_or_draft
        return ReviewEvent.objects.create(content_type_id=draft.content_type_id, object_id=draft.object_id,
                                          draft=draft, action=action, by=by, at=at, note=note,
                                          comments=comments or {})
    return ReviewEvent.objects.create(content_type=ContentType.objects.get_for_model(model or target_or_draft),
                                      object_id=target_or_draft.pk, action=action, by=by, at=at, note=note,
                                      comments=comments or {})


def record_version(target, snapshot: dict, by, at, *, note: str = "", checked: bool = True) -> Version:
    """The next number for `target` (the caller holds its row lock, so two publications cannot share one)."""
    content_type = ContentType.objects.get_for_model(target)
    last = (Version.objects.filter(content_type=content_type, object_id=target.pk)
            .aggregate(last=Max("number"))["last"] or 0)
    return Version.objects.create(content_type=content_type, object_id=target.pk, number=last + 1,
                                  snapshot=snapshot, published_at=at, published_by=by, note=note,
                                  checked_at=at if checked else None)


def versions_of(target):
    return Version.objects.filter(content_type=ContentType.objects.get_for_model(target), object_id=target.pk)
