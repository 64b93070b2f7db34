"""Helpers of the consultation records' tests: a charter, the eight lessons, committed territories, their agents,
the records' team, a draft's form as posted, a published record."""

import datetime
import json

from accounts.models import MembershipRole
from consultations import record_submissions
from consultations.charter_models import CharterArticle, CharterStatus, CharterVersion
from consultations.commitment_models import Commitment, CommitmentStatus
from consultations.programme_models import Lesson
from consultations.record_forms import DraftForm
from consultations.record_models import Consultation
from reviews import merge
from tests.accounts.factories import member, organisation
from tests.labels.factories import UserFactory, user_with_permissions

NOW = datetime.datetime(2026, 3, 2, 9, tzinfo=datetime.UTC)
CHECKLIST_ALL = list(record_submissions.CHECKLIST_KEYS)


def charter(number=1, status=CharterStatus.IN_FORCE, articles=3):
    version = CharterVersion.objects.create(number=number, status=status, adopted_on=datetime.date(2025, 1, 15),
                                            preamble="Préambule.")
    for index in range(1, articles + 1):
        CharterArticle.objects.create(version=version, number=index, title=f"Principe {index}", body="Texte.",
                                      sort_order=index)
    return version


def lessons():
    return [Lesson.objects.get_or_create(number=number, defaults={"title": f"Enseignement {number}"})[0]
            for number in range(1, 9)]


def committed(name, version, *, status=CommitmentStatus.VERIFIED):
    territory = organisation(name)
    Commitment.objects.create(organisation=territory, charter_version=version, signatory_name="Signataire",
                              signatory_role="Vice-présidente", signed_on=datetime.date(2025, 2, 1),
                              signed_document="engagements/charte.pdf", scope="Toute la métropole.",
                              status=status, submitted_at=NOW)
    return territory


def agent(email, territory, *, role=MembershipRole.AGENT):
    person = UserFactory(email=email, username=email, first_name="Camille", last_name=email.split("@")[0])
    member(person, territory, role=role)
    return person


def records_staff(email="concertations@example.org"):
    return user_with_permissions("consultations.change_consultation", email=email, is_staff=True)


def form_data(draft, **changes):
    """The draft's form as its editor loaded it, with `changes` typed in."""
    form = DraftForm(draft=draft, **record_parts(draft))
    data = {}
    for name, value in form.initial.items():
        if value is None:
            continue
        if isinstance(value, list):
            data[name] = [str(item) for item in value]
        elif isinstance(value, datetime.date):
            data[name] = value.isoformat()
        else:
            data[name] = value
    data["base"] = json.dumps(merge.fingerprints({name: draft.data.get(name) for name in DraftForm.editable_names()}))
    data.update(changes)
    return data


def record_parts(draft):
    from consultations.record_views import form_parts

    return form_parts(draft)


def published(territory, person, *, title="Café IA à la médiathèque", now=NOW, **values):
    """A record declared by `person` and published by the team (as the views would)."""
    draft = record_submissions.declare(person, territory, {
        "title": title, "objective": "Débattre des usages de l'IA.", "publics": ["habitants"],
        "starts_on": datetime.date(2026, 1, 10), "ends_on": datetime.date(2026, 1, 10)}, now)
    if values:
        draft.data.update(values)
        draft.save()
    record_submissions.submit(draft.pk, person, now)
    return record_submissions.approve(draft.pk, records_staff(f"staff{draft.pk}@example.org"), set(CHECKLIST_ALL),
                                      "", now)


def consultation(slug) -> Consultation:
    return Consultation.objects.get(slug=slug)
