"""Django's ModelBackend, reading a user's permissions in one query, or none for a user who holds none.

Every page's template asks `has_perm("wagtailadmin.access_admin")` for
Wagtail's user bar. Django's ModelBackend answers with two queries (the
user's own permissions, then their groups'), even for an applicant, who holds
no permission at all. This backend reads the request's user together with
whether any permission row may apply to them (an own permission or a group:
two EXISTS in the query that reads the user anyway), so it answers a user with
neither without asking again, and reads anyone else's permissions in one
UNION query. The answers are Django's: the same sets, cached on the user
object for the request as ModelBackend does (`_perm_cache`), and each view
(the admin, the jury's pages) still checks the permissions it needs.
"""

from django.contrib.auth import backends, get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Exists, OuterRef

# Set by get_user(): False when the user has neither an own permission nor a group.
HOLDS_PERMISSIONS = "holds_permission_rows"


def _holds_permissions():
    """EXISTS (an own permission) OR EXISTS (a group), for the user of the outer query."""
    user_model = get_user_model()
    flags = []
    for name in ("user_permissions", "groups"):
        field = user_model._meta.get_field(name)
        rows = field.remote_field.through.objects.filter(**{field.m2m_field_name(): OuterRef("pk")})
        flags.append(Exists(rows))
    return flags[0] | flags[1]


def _app_label_and_codename(permissions):
    return permissions.order_by().values_list("content_type__app_label", "codename")


class ModelBackend(backends.ModelBackend):
    def get_user(self, user_id):
        user = (get_user_model()._default_manager.annotate(**{HOLDS_PERMISSIONS: _holds_permissions()})
                .filter(pk=user_id).first())
        return user if user is not None and self.user_can_authenticate(user) else None

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            user_obj._perm_cache = self._read_all_permissions(user_obj)
        return user_obj._perm_cache

    def _read_all_permissions(self, user_obj):
        if user_obj.is_superuser:
            return super().get_all_permissions(user_obj)
        if getattr(user_obj, HOLDS_PERMISSIONS, True) is False:
            return set()
        user_model = get_user_model()
        own = user_model._meta.get_field("user_permissions").related_query_name()
        groups = user_model._meta.get_field("groups").related_query_name()
        rows = _app_label_and_codename(Permission.objects.filter(**{own: user_obj})).union(
            _app_label_and_codename(Permission.objects.filter(**{f"group__{groups}": user_obj}))
        )
        return {f"{app_label}.{codename}" for app_label, codename in rows}
