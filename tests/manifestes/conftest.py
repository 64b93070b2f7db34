import datetime

import pytest

from interconnectes.demo_pages import stream
from manifestes.models import ManifestoSignatory, RelatedManifesto
from tests.factories import DocumentFactory, ManifestoIndexPageFactory, ManifestoPageFactory, OrganisationFactory

AMBITIONS = [
    ("ambition", {"title": "Le numérique responsable, un enjeu d'égalité", "intro": "",
                  "engagements": [{"title": "Organiser l'accès de tous aux services publics", "text": ""},
                                  {"title": "Montée en compétence des citoyens", "text": "Former les agents."}]}),
    ("ambition", {"title": "Un engagement environnemental", "intro": "Penser sobre.",
                  "engagements": [{"title": "Généraliser la commande publique responsable", "text": ""}]}),
]


@pytest.fixture
def manifesto_index(home):
    return ManifestoIndexPageFactory(parent=home)


@pytest.fixture
def manifesto(manifesto_index):
    page = ManifestoPageFactory(
        parent=manifesto_index,
        title="Pour des territoires numériques responsables",
        subtitle="Trois ambitions",
        adoption_date=datetime.date(2021, 3, 18),
        adoption_place="Forum des Interconnectés",
        ambitions=stream(AMBITIONS),
        body=stream([("rich_text", "<p>La sobriété photovoltaïque des centres de données.</p>")]),
        document=DocumentFactory(title="Manifeste 2021"),
    )
    for name in ("France urbaine", "Intercommunalités de France"):
        ManifestoSignatory.objects.create(page=page, organisation=OrganisationFactory(name=name))
    return page


@pytest.fixture
def related_manifesto(manifesto_index, manifesto):
    other = ManifestoPageFactory(parent=manifesto_index, title="Agir face à l'urgence de l'illectronisme",
                                 adoption_date=datetime.date(2020, 2, 12))
    RelatedManifesto.objects.create(page=manifesto, related_page=other)
    return other
