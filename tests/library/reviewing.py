"""Helpers of the submission tests: agents of a collectivité, the library's staff, a draft's form as posted."""

import json

from accounts.models import MembershipRole
from library.submissions import EDITABLE
from reviews import merge
from tests.accounts.factories import member
from tests.labels.factories import UserFactory, user_with_permissions


def agent(email, organisation, *, role=MembershipRole.AGENT):
    person = UserFactory(email=email, username=email, first_name="Camille", last_name=email.split("@")[0])
    member(person, organisation, role=role)
    return person


def library_staff(email="bibliotheque@example.org"):
    return user_with_permissions("wagtailadmin.access_admin", "library.change_implementation", email=email,
                                 is_staff=True)


def form_data(draft, **changes):
    """The draft's form as its editor loaded it, with `changes` typed in."""
    data = {name: "" if draft.data.get(name) is None else draft.data.get(name) for name in EDITABLE}
    data["base"] = json.dumps(merge.fingerprints({name: draft.data.get(name) for name in EDITABLE}))
    data.update(changes)
    return data


CHECKLIST_ALL = ["plain_language", "no_personal_data", "licence", "public_links", "consents"]
