"""The review module's rules on worked examples: the states and transitions, the per-field merge of two
co-editors' saves, the differences restricted to a set of fields; and its tables: numbering, the append-only log."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType

from reviews import merge
from reviews.diff import Change, differences
from reviews.models import AppendOnly, Draft, ReviewEvent
from reviews.services import log, record_version, versions_of
from reviews.states import (
    Action,
    State,
    checklist_complete,
    is_editable,
    is_open,
    may_publish_directly,
    next_state,
    submit_action,
)
from tests.factories import OrganisationFactory

NOW = datetime.datetime(2026, 3, 2, 9, tzinfo=datetime.UTC)


@pytest.mark.parametrize(("state", "action", "expected"), [
    (State.DRAFT, Action.SUBMIT, State.SUBMITTED),
    (State.SUBMITTED, Action.REQUEST_CHANGES, State.CHANGES_REQUESTED),
    (State.CHANGES_REQUESTED, Action.SUBMIT, State.SUBMITTED),
    (State.SUBMITTED, Action.APPROVE, State.PUBLISHED),
    (State.SUBMITTED, Action.REFUSE, State.REFUSED),
    (State.DRAFT, Action.PUBLISH_DIRECTLY, State.PUBLISHED),
    (State.PUBLISHED, Action.ARCHIVE, State.ARCHIVED),
    # Refused: approving what was never submitted, deciding twice, editing what is under review or closed.
    (State.DRAFT, Action.APPROVE, None),
    (State.PUBLISHED, Action.APPROVE, None),
    (State.REFUSED, Action.SUBMIT, None),
    (State.SUBMITTED, Action.SAVE, None),
    (State.SUBMITTED, Action.SUBMIT, None),
    (State.ARCHIVED, Action.ARCHIVE, None),
])
def test_transitions(state, action, expected):
    assert next_state(state, action) == expected


def test_only_drafts_and_change_requests_are_edited_and_closed_states_are_not_open():
    assert [state for state in State if is_editable(state)] == [State.DRAFT, State.CHANGES_REQUESTED]
    assert not is_open(State.PUBLISHED) and not is_open(State.REFUSED) and is_open(State.SUBMITTED)


def test_only_an_update_by_an_approved_organisation_is_published_directly():
    assert may_publish_directly(is_update=True, organisation_has_approved_record=True)
    assert not may_publish_directly(is_update=False, organisation_has_approved_record=True)
    assert not may_publish_directly(is_update=True, organisation_has_approved_record=False)
    assert submit_action(is_update=True, organisation_has_approved_record=True) == Action.PUBLISH_DIRECTLY
    assert submit_action(is_update=False, organisation_has_approved_record=True) == Action.SUBMIT


def test_the_checklist_needs_every_item():
    assert checklist_complete({"a", "b"}, ("a", "b"))
    assert not checklist_complete({"a"}, ("a", "b"))


def test_two_co_editors_changing_different_fields_both_keep_their_changes():
    loaded = {"purpose": "Repas", "usage": ""}
    base = merge.fingerprints(loaded)
    first = merge.merge(base, {"purpose": "Repas des cantines", "usage": ""}, loaded)
    assert first.changed == ("purpose",) and not first.conflicts
    second = merge.merge(base, {"purpose": "Repas", "usage": "Les cuisiniers"}, first.values)
    assert second.values == {"purpose": "Repas des cantines", "usage": "Les cuisiniers"}


def test_the_same_field_changed_twice_is_a_conflict_and_saves_nothing():
    loaded = {"purpose": "Repas"}
    base = merge.fingerprints(loaded)
    stored = merge.merge(base, {"purpose": "Version A"}, loaded).values
    clash = merge.merge(base, {"purpose": "Version B"}, stored)
    assert clash.conflicts == {"purpose": "Version A"} and clash.changed == ()
    # The same change made by both is no conflict.
    assert not merge.merge(base, {"purpose": "Version A"}, stored).conflicts


def test_differences_read_only_the_fields_given():
    before = {"purpose": "Repas", "status": "idee", "lessons_worked": "secret A"}
    after = {"purpose": "Repas bio", "status": "idee", "lessons_worked": "secret B"}
    assert differences(before, after, ("purpose", "status")) == [Change("purpose", "Repas", "Repas bio")]
    assert differences({}, {"purpose": ""}, ("purpose",)) == []


@pytest.mark.django_db
def test_versions_are_numbered_from_one_per_record_and_the_log_refuses_changes():
    organisation = OrganisationFactory()
    other = OrganisationFactory()
    assert [record_version(organisation, {"n": n}, None, NOW).number for n in range(3)] == [1, 2, 3]
    assert record_version(other, {}, None, NOW).number == 1
    assert list(versions_of(organisation).values_list("number", flat=True)) == [1, 2, 3]
    draft = Draft.objects.create(content_type=ContentType.objects.get_for_model(organisation),
                                 organisation=organisation, created_at=NOW, updated_at=NOW)
    event = log(draft, Action.CREATE, None, NOW)
    event.note = "changed"
    with pytest.raises(AppendOnly):
        event.save()
    with pytest.raises(AppendOnly):
        event.delete()
    assert ReviewEvent.objects.get().note == ""
