"""Demo of the concertations territoriales de l'IA, from the digital commission's AI roadmap (seed 004): the
programme page, version 1 of the charter, the eight lessons, and the engaged territories of the seed committed to
version 1 (verified, before the load day), with the position of their seat.

The seed states the charter's purpose ("un cadre d'engagement commun matérialisé
par une charte garantit la sincérité de la démarche") but not its articles: the
articles below are written from the programme's principles and marked
illustrative. Tours Métropole Val de Loire is engaged in the seed, but its demo
référente has not committed it yet: the browser journey does. Dates are relative
to the load day (interconnectes.clock).
"""

import datetime

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone

from accounts import memberships
from accounts.models import MembershipRole, VerificationMethod
from consultations.models import (
    CharterArticle,
    CharterStatus,
    CharterVersion,
    Commitment,
    CommitmentStatus,
    ConsultationProgrammePage,
    Lesson,
    MethodResource,
    ResourceKind,
    TerritoryLocation,
)
from interconnectes import clock
from interconnectes.demo import add_to_navigation
from interconnectes.demo_media import get_or_create_document, write_pdf
from interconnectes.demo_pages import get_or_create, get_or_create_page, stream
from interconnectes.models import Organisation, OrganisationKind
from interconnectes.regions import Region

K, R = OrganisationKind, Region
TOURS = "Tours Métropole Val de Loire"
TOURS_REFERENT = ("Référente de Tours Métropole Val de Loire", "referente@tours-metropole.example.org",
                  "interconnectes-referente")
ACCOUNTS = [TOURS_REFERENT]
NAVIGATION_ROOM = 6  # the main menu takes the programme while it has fewer entries than this

# The engaged territories of the seed, in its order: name → (kind, region, latitude, longitude of the seat).
TERRITORIES = {
    "Nantes Métropole": (K.METROPOLE, R.PAYS_DE_LA_LOIRE, 47.2184, -1.5536),
    "Montpellier Méditerranée Métropole": (K.METROPOLE, R.OCCITANIE, 43.6108, 3.8767),
    "Université de Rennes": (K.RECHERCHE, R.BRETAGNE, 48.1185, -1.6370),
    "Rennes Ville et Métropole": (K.METROPOLE, R.BRETAGNE, 48.1113, -1.6800),
    "Toulouse Métropole": (K.METROPOLE, R.OCCITANIE, 43.6047, 1.4442),
    "Métropole Nice Côte d'Azur": (K.METROPOLE, R.PROVENCE_ALPES_COTE_D_AZUR, 43.7102, 7.2620),
    TOURS: (K.METROPOLE, R.CENTRE_VAL_DE_LOIRE, 47.3941, 0.6848),
    "Ville et Métropole du Grand Nancy": (K.METROPOLE, R.GRAND_EST, 48.6921, 6.1844),
    "Angers Loire Métropole": (K.METROPOLE, R.PAYS_DE_LA_LOIRE, 47.4784, -0.5632),
    "Roannais Agglomération": (K.INTERCOMMUNALITE, R.AUVERGNE_RHONE_ALPES, 46.0342, 4.0720),
    "Communauté de communes de Lacq-Orthez": (K.INTERCOMMUNALITE, R.NOUVELLE_AQUITAINE, 43.4833, -0.7667),
    "Communauté d'Agglomération du Sicoval": (K.INTERCOMMUNALITE, R.OCCITANIE, 43.5460, 1.4840),
    "Bordeaux Métropole": (K.METROPOLE, R.NOUVELLE_AQUITAINE, 44.8378, -0.5792),
    "Quimperlé Communauté": (K.INTERCOMMUNALITE, R.BRETAGNE, 47.8728, -3.5497),
    "Communauté d'Agglomération Paris-Saclay": (K.INTERCOMMUNALITE, R.ILE_DE_FRANCE, 48.6970, 2.1870),
    "Métropole Rouen Normandie": (K.METROPOLE, R.NORMANDIE, 49.4432, 1.0999),
    "Communauté d'Agglomération de Béthune-Bruay Artois Lys Romane": (K.INTERCOMMUNALITE, R.HAUTS_DE_FRANCE,
                                                                     50.5303, 2.6408),
    "Grand Paris Sud Est Avenir": (K.INTERCOMMUNALITE, R.ILE_DE_FRANCE, 48.7904, 2.4556),
    "Pays de Lorient et Quimperlé": (K.INTERCOMMUNALITE, R.BRETAGNE, 47.7483, -3.3700),
    "Ville de Noisy-le-Grand": (K.COMMUNE, R.ILE_DE_FRANCE, 48.8486, 2.5526),
    "Communauté Urbaine d'Arras": (K.INTERCOMMUNALITE, R.HAUTS_DE_FRANCE, 50.2910, 2.7775),
    "Communauté de communes du Pays du Coquelicot": (K.INTERCOMMUNALITE, R.HAUTS_DE_FRANCE, 50.0020, 2.6530),
    "Communauté d'agglomération Cannes Pays de Lérins": (K.INTERCOMMUNALITE, R.PROVENCE_ALPES_COTE_D_AZUR,
                                                         43.5528, 7.0174),
    "Ville de Martigues": (K.COMMUNE, R.PROVENCE_ALPES_COTE_D_AZUR, 43.4045, 5.0476),
    "Ville de Paris": (K.COMMUNE, R.ILE_DE_FRANCE, 48.8566, 2.3522),
    "Région Centre-Val de Loire": (K.REGION, R.CENTRE_VAL_DE_LOIRE, 47.9030, 1.9093),
    "Ville de Rezé": (K.COMMUNE, R.PAYS_DE_LA_LOIRE, 47.1833, -1.5500),
    "Métropole Européenne de Lille": (K.METROPOLE, R.HAUTS_DE_FRANCE, 50.6292, 3.0573),
}

# The eight lessons of the seed; their texts are summaries written from the seed's risks and levers.
LESSONS = [
    ("Une vigilance collective face à des usages déjà en cours",
     "Habitants et agents utilisent déjà des outils d'IA : les concertations font émerger une demande de règles "
     "communes plutôt qu'un refus."),
    ("Sensibiliser en interne pour poser les bases d'une implication citoyenne",
     "Les agents et les élus, sensibilisés d'abord, portent ensuite le débat avec les habitants."),
    ("Une corrélation entre niveau de défiance et niveau de connaissance",
     "Plus les participants connaissent le sujet, plus leurs craintes sont précises et moins elles sont "
     "générales."),
    ("Des enjeux éthiques et réglementaires au cœur des préoccupations",
     "Transparence, droit à l'explication, biais et protection des données reviennent dans toutes les "
     "concertations."),
    ("La nécessité d'aligner le recours à l'IA aux défis environnementaux et aux stratégies de sobriété numérique",
     "Consommation d'eau et d'énergie, effet rebond : les participants demandent une IA frugale."),
    ("Une prudence face aux impacts sur les métiers",
     "Perte de sens, pression accrue, responsabilité des agents : l'IA interroge la qualité du travail."),
    ("L'approche par expérimentation comme voie d'appropriation",
     "Tester, évaluer et améliorer avant tout déploiement massif, avec les acteurs de la médiation numérique."),
    ("L'IA, un levier de création de valeur pour les territoires",
     "Accès aux services, inclusion, gouvernance locale ouverte des systèmes : les concertations voient aussi "
     "des opportunités."),
]

# Version 1 of the charter (illustrative text, written from the programme's principles).
PREAMBLE = ("Texte illustratif. Les territoires signataires mènent en toute autonomie une ou plusieurs concertations "
            "sur le recours à l'intelligence artificielle par les collectivités, auprès des publics qu'ils "
            "choisissent, et y donnent suite localement. Cette charte est leur cadre d'engagement commun : elle "
            "garantit la sincérité de la démarche.")
ARTICLES = [
    ("Sincérité", "La concertation porte sur des questions réellement ouvertes : ses résultats peuvent modifier "
                  "les projets et les décisions de la collectivité."),
    ("Transparence", "La collectivité publie l'objet de la concertation, les informations dont elle dispose sur "
                     "ses usages de l'IA, le calendrier et la manière dont les contributions seront utilisées."),
    ("Inclusion", "La collectivité va chercher les publics éloignés du numérique et adapte les formats (présentiel, "
                  "horaires, accessibilité) pour que chacun puisse participer."),
    ("Information équilibrée", "Les participants reçoivent une information pluraliste sur les risques et les "
                               "opportunités de l'IA, avec l'appui d'acteurs de la médiation numérique."),
    ("Restitution", "La collectivité restitue aux participants ce qu'elle a retenu de leurs contributions, et "
                    "pourquoi, dans les trois mois qui suivent la concertation."),
    ("Suivi", "La collectivité rend compte publiquement, au moins une fois par an, des suites données : ce qui est "
              "engagé, réalisé ou abandonné, et pour quelles raisons."),
    ("Partage", "La collectivité documente sa démarche sur l'espace en ligne du programme et publie ses résultats "
                "sous licence ouverte, sans données personnelles des participants."),
]

SIGNATORY_ROLES = ("Vice-président·e délégué·e au numérique", "Maire adjoint·e chargé·e du numérique",
                   "Président·e", "Conseiller·e délégué·e à la démocratie participative")


def build_page(context):
    home = context["home"]
    page = get_or_create_page(
        home, ConsultationProgrammePage, "concertations-ia", title="Concertations territoriales de l'IA",
        intro="L'IA, éthique et démocratie : chaque territoire volontaire mène en toute autonomie ses concertations "
              "sur l'IA auprès des publics qu'il choisit, dans un cadre d'engagement commun matérialisé par une "
              "charte.",
        body=stream([("rich_text",
                      "<h3>Fonctionnement</h3><p>Chaque territoire volontaire mène en toute autonomie la ou les "
                      "concertations IA sur son territoire auprès du ou des publics pertinents et donne suite "
                      "localement aux consultations auprès des acteurs locaux. Un cadre d'engagement commun "
                      "matérialisé par une charte garantit la sincérité de la démarche.</p><h3>Ressources</h3><p>Cet "
                      "espace en ligne permet de s'informer, de s'engager et de documenter les démarches de "
                      "concertation portées par les territoires. D'autres ressources méthodologiques facilitent "
                      "l'organisation et la sensibilisation des publics aux enjeux du recours à l'IA par les "
                      "collectivités territoriales.</p>")]),
        contact_name="Commission numérique des Interconnectés", contact_role="Animation du programme",
        contact_email="concertations-ia@example.org")
    if not page.method_resources.exists():
        sheet = get_or_create_document("Fiche d'animation : organiser une concertation sur l'IA (illustratif)", [
            "Fiche d'exemple, illustrative.", "1. Choisir la question posée et les publics.",
            "2. Informer de façon équilibrée sur les risques et les opportunités.",
            "3. Restituer dans les trois mois, puis rendre compte des suites chaque année."])
        MethodResource.objects.create(page=page, sort_order=0, title="Guides data et IA des Interconnectés",
                                      kind=ResourceKind.GUIDE, link="https://www.interconnectes.com/guides-data-ia/",
                                      description="Les ressources de l'association sur la donnée et l'IA.")
        MethodResource.objects.create(page=page, sort_order=1, title=sheet.title, kind=ResourceKind.SHEET,
                                      document=sheet, description="Les étapes d'une concertation, de la question "
                                                                  "posée au suivi des engagements.")
    navigation = context["navigation"]
    if navigation.items.count() < NAVIGATION_ROOM:
        add_to_navigation(context, page, label="Concertations IA")
    return page


def build_charter(today: datetime.date) -> CharterVersion:
    version, created = CharterVersion.objects.get_or_create(number=1, defaults={
        "status": CharterStatus.IN_FORCE, "adopted_on": today - datetime.timedelta(days=540), "preamble": PREAMBLE})
    if created:
        CharterArticle.objects.bulk_create([
            CharterArticle(version=version, number=number, title=title, body=body, sort_order=number)
            for number, (title, body) in enumerate(ARTICLES, start=1)])
    return version


def build_lessons():
    for number, (title, text) in enumerate(LESSONS, start=1):
        get_or_create(Lesson, {"number": number}, {"title": title, "text": text})


def build_territories(version: CharterVersion, now) -> dict:
    """The seed's territories, their seats, and a verified commitment to version 1 for each but Tours."""
    staff = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    organisations = {}
    for index, (name, (kind, region, latitude, longitude)) in enumerate(TERRITORIES.items()):
        organisation = get_or_create(Organisation, {"name": name}, {"kind": kind, "region": region})
        organisations[name] = organisation
        TerritoryLocation.objects.get_or_create(organisation=organisation,
                                                defaults={"latitude": latitude, "longitude": longitude})
        if name == TOURS or Commitment.objects.filter(organisation=organisation).exists():
            continue
        signed_on = version.adopted_on + datetime.timedelta(days=20 + 12 * index)
        commitment = Commitment(
            organisation=organisation, charter_version=version, signatory_name=f"Signataire de {name} (illustratif)",
            signatory_role=SIGNATORY_ROLES[index % len(SIGNATORY_ROLES)], signed_on=signed_on,
            scope="Concertations sur les usages de l'IA par les services, ouvertes aux habitants et aux agents.",
            status=CommitmentStatus.VERIFIED, submitted_at=now - datetime.timedelta(days=(now.date() - signed_on).days),
            decided_by=staff, decided_at=now - datetime.timedelta(days=(now.date() - signed_on).days - 5))
        commitment.signed_document.save("charte.pdf", ContentFile(write_pdf(
            "Charte des concertations territoriales de l'IA", [f"Signée par {name} (document illustratif)."])),
            save=False)
        commitment.save()
    return organisations


def build_tours_referent(organisations, now):
    users = get_user_model().objects
    _label, email, password = TOURS_REFERENT
    person = users.filter(username=email).first() or users.create_user(
        email, email, password, first_name="Claire", last_name="Dubreuil")
    memberships.verify(person, organisations[TOURS], VerificationMethod.STAFF, now, role=MembershipRole.REFERENT)


def build(context):
    now = clock.now()
    today = timezone.localdate(now)
    context["consultation_programme"] = build_page(context)
    version = build_charter(today)
    build_lessons()
    organisations = build_territories(version, now)
    build_tours_referent(organisations, now)
