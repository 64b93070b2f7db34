"""The programme's objects for the tests: the programme page, charter versions with articles, commitments."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile

from consultations.models import (
    CharterArticle,
    CharterStatus,
    CharterVersion,
    Commitment,
    CommitmentStatus,
    ConsultationProgrammePage,
    Lesson,
    TerritoryLocation,
)
from interconnectes import clock

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
ADOPTED = datetime.date(2025, 1, 15)


def pdf(name="charte.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def programme_page(home, **fields):
    page = ConsultationProgrammePage(title="Concertations territoriales de l'IA", slug="concertations-ia",
                                     intro="Le programme.", contact_email="concertations@example.org", **fields)
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def charter(number=1, *, status=CharterStatus.IN_FORCE, adopted_on=ADOPTED, articles=3):
    version = CharterVersion.objects.create(number=number, status=status, adopted_on=adopted_on,
                                            preamble=f"Préambule de la version {number}.")
    CharterArticle.objects.bulk_create([
        CharterArticle(version=version, number=n, title=f"Article {n} de la v{number}", body=f"Texte {n}.",
                       sort_order=n) for n in range(1, articles + 1)])
    return version


def lessons(count=8):
    return [Lesson.objects.create(number=n, title=f"Enseignement {n}") for n in range(1, count + 1)]


def commitment(organisation, version, *, status=CommitmentStatus.VERIFIED, signed_on=None, **fields):
    now = clock.now()
    values = {"signatory_name": f"Élue de {organisation.name}", "signatory_role": "Vice-présidente au numérique",
              "signed_on": signed_on or version.adopted_on + datetime.timedelta(days=10),
              "scope": "Les services de la collectivité.", "status": status, "submitted_at": now,
              "decided_at": now if status in (CommitmentStatus.VERIFIED, CommitmentStatus.WITHDRAWN) else None,
              **fields}
    made = Commitment(organisation=organisation, charter_version=version, **values)
    made.signed_document.save("charte.pdf", SimpleUploadedFile("charte.pdf", PDF), save=False)
    made.save()
    return made


def located(organisation, latitude=47.2, longitude=-1.55):
    TerritoryLocation.objects.create(organisation=organisation, latitude=latitude, longitude=longitude)
    return organisation
