"""The site's ModelBackend: Django's answers, in one query, or none for a user who holds no permission."""

import pytest
from django.contrib.auth import backends, get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from interconnectes.auth_backends import ModelBackend
from labels import permissions

pytestmark = pytest.mark.django_db
USERBAR = 'id="wagtail-userbar-template"'


def user(**fields):
    return get_user_model().objects.create_user(fields.pop("username", "lectrice"), "lectrice@example.org", **fields)


def group(name, *codenames):
    created = Group.objects.create(name=name)
    created.permissions.add(*Permission.objects.filter(codename__in=codenames))
    return created


def as_django_reads(someone):
    """The user's permissions as Django's own ModelBackend reads them, from a fresh copy."""
    return backends.ModelBackend().get_all_permissions(get_user_model().objects.get(pk=someone.pk))


@pytest.mark.parametrize("holds", ["nothing", "own", "group", "both"])
def test_same_permissions_as_django_in_at_most_one_query(holds):
    someone = user()
    if holds in ("own", "both"):
        someone.user_permissions.add(Permission.objects.get(codename="add_document"))
    if holds in ("group", "both"):
        someone.groups.add(group("Jury", "review_application", "access_admin"))
    expected = as_django_reads(someone)
    loaded = ModelBackend().get_user(someone.pk)
    with CaptureQueriesContext(connection) as queries:
        assert loaded.get_all_permissions() == expected
        assert loaded.has_perm("wagtailadmin.access_admin") is (holds in ("group", "both"))
        assert loaded.has_perm("wagtaildocs.add_document") is (holds in ("own", "both"))
    assert len(queries) == (0 if holds == "nothing" else 1)


def test_a_group_without_permissions_grants_nothing():
    someone = user()
    someone.groups.add(group("Vide"))
    assert ModelBackend().get_user(someone.pk).get_all_permissions() == set()


def test_a_user_read_elsewhere_gets_their_permissions_in_one_query():
    someone = user()
    someone.groups.add(group("Équipe", "review_application"))
    loaded = get_user_model().objects.get(pk=someone.pk)
    with CaptureQueriesContext(connection) as queries:
        assert permissions.is_campaign_staff(loaded)
        assert not loaded.has_perm("wagtailadmin.access_admin")
    assert len(queries) == 1


def test_superusers_and_inactive_users_as_django():
    boss = user(username="patronne", is_superuser=True)
    assert ModelBackend().get_user(boss.pk).get_all_permissions() == as_django_reads(boss)
    gone = user(is_active=False)
    gone.groups.add(group("Jury", "review_application"))
    assert ModelBackend().get_user(gone.pk) is None
    assert ModelBackend().get_all_permissions(get_user_model().objects.get(pk=gone.pk)) == set()


def test_the_user_bar_shows_to_editors_and_costs_an_applicant_no_query(client, home):
    applicant = user()
    client.force_login(applicant)
    with CaptureQueriesContext(connection) as queries:
        assert USERBAR not in client.get("/").content.decode()
    assert not [query for query in queries if "auth_permission" in query["sql"]]
    editor = user(username="redactrice")
    editor.groups.add(group("Rédaction", "access_admin"))
    client.force_login(editor)
    assert USERBAR in client.get("/").content.decode()
