"""Two co-editors saving one draft at the same instant lose nothing, on PostgreSQL's row locks."""

import datetime
import json

import pytest
from django.db import connection

from library import submissions
from reviews.models import Draft
from tests.accounts.factories import organisation
from tests.labels.test_concurrency import run_together
from tests.library.reviewing import agent, form_data

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL (SQLite locks the file)"),
]
NOW = datetime.datetime(2026, 3, 2, 9, tzinfo=datetime.UTC)


def test_two_co_editors_saving_different_fields_at_once_both_keep_theirs(use_case):
    lyon = organisation("Ville de Lyon", kind="commune")
    first, second = agent("a@lyon.example.org", lyon), agent("b@lyon.example.org", lyon)
    draft = submissions.start_new(first, use_case, lyon, NOW)
    draft.editors.add(second)
    base = json.loads(form_data(draft)["base"])
    typed = {name: draft.data[name] for name in submissions.EDITABLE}
    calls = [
        lambda: submissions.save(draft.pk, first, base, dict(typed, purpose="Prévoir les repas"), NOW),
        lambda: submissions.save(draft.pk, second, base, dict(typed, usage="La cuisine centrale"), NOW),
        lambda: submissions.save(draft.pk, second, base, dict(typed, indicators="Moins 20 % de gaspillage"), NOW),
    ]
    assert run_together(calls) == []
    stored = Draft.objects.get(pk=draft.pk)
    assert stored.revision == 3
    assert (stored.data["purpose"], stored.data["usage"], stored.data["indicators"]) == (
        "Prévoir les repas", "La cuisine centrale", "Moins 20 % de gaspillage")
