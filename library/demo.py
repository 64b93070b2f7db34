"""Demo content of the AI library: the eight example projects of the association's AI sub-commission (seed 002),
under the themes it gives them, and one expert grant; Nantes' canteen project has a level-1 guide, a level-2 code
archive (its download by the expert logged) and a contact who agreed to show their address, Lyon's a contact
who did not.

"Quelques exemples de projets IA": Transition écologique (air-pollution peaks in Lille, canteen attendance in
Nantes, Lyon and Toulouse, solar panels in Lyon), Maintenance (building condition in Lille, the drinking-water
network in Lyon), Mobilités (bicycle-count anomalies in Nantes, road-accident web data at the MEL, the
recycling centres' attendance at the Sicoval). The canteens are one use case with three implementations.
Nantes Métropole's canteen record has a two-version history, and a new record of Nantes Métropole waits for the
team's review (`build_reviews`).

Decisions where the documents are silent: "Lille" is the Métropole Européenne de Lille for the air (a
metropolitan competence) and the Ville de Lille for its own buildings; "Lyon" is the Métropole de Lyon for
the water network and the solar cadastre, the Ville de Lyon for its school canteens; "Nantes" is Nantes
Métropole. Everything beyond the project's title and place (dates, statuses, lessons, costs, suppliers, code,
model cards) is made up: every record is marked "Contenu illustratif" and its level-1 and level-2 texts say so.
Addresses are on example.org.
"""

import datetime
import io
import zipfile

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.utils import timezone

from accounts.demo import PENDING
from accounts.models import Grant, GrantDecision
from interconnectes import clock
from interconnectes.demo_media import write_pdf
from interconnectes.demo_pages import get_or_create, get_or_create_page
from interconnectes.models import Organisation
from interconnectes.models.snippets import OrganisationKind as K
from interconnectes.regions import Region as R
from library import facets
from library.access_models import DocumentLevel
from library.models import (
    Contact,
    DataSource,
    DocumentDownload,
    ErrorReport,
    Implementation,
    ImplementationDocument,
    LibraryIndexPage,
    Technique,
    Theme,
    UseCasePage,
)
from library.rules import AIActRisk, Status

EXPERT = ("Experte (accès au code d'un projet)", "experte@recherche.example.org", "interconnectes-experte")
ACCOUNTS = [EXPERT]
ILLUSTRATIVE = "(Contenu illustratif) "
D = datetime.date

THEMES = [
    ("Transition écologique", "Climat, qualité de l'air, alimentation, énergie."),
    ("Maintenance", "Patrimoine bâti et réseaux : entretenir au bon moment."),
    ("Mobilités", "Déplacements, sécurité routière, accès aux services du territoire."),
]
TECHNIQUES = [
    ("Prévision sur séries temporelles", "Apprendre du passé pour prévoir les prochains jours ou semaines."),
    ("Vision par ordinateur", "Reconnaître des objets sur des images aériennes ou des photos."),
    ("Détection d'anomalies", "Repérer les valeurs qui s'écartent de l'habituel."),
    ("Traitement automatique du langage", "Lire et classer des textes en grand nombre."),
    ("Apprentissage supervisé sur données tabulaires", "Prédire une valeur à partir de variables connues."),
]
# name: (kind, region)
ORGANISATIONS = {
    "Métropole Européenne de Lille": (K.METROPOLE, R.HAUTS_DE_FRANCE),
    "Ville de Lille": (K.COMMUNE, R.HAUTS_DE_FRANCE),
    "Ville de Lyon": (K.COMMUNE, R.AUVERGNE_RHONE_ALPES),
    "Métropole de Lyon": (K.METROPOLE, R.AUVERGNE_RHONE_ALPES),
    "Nantes Métropole": (K.METROPOLE, R.PAYS_DE_LA_LOIRE),
    "Toulouse Métropole": (K.METROPOLE, R.OCCITANIE),
    "Communauté d'Agglomération du Sicoval": (K.INTERCOMMUNALITE, R.OCCITANIE),
    "Atmo Hauts-de-France": (K.ASSOCIATION, R.HAUTS_DE_FRANCE),
}

# Rounded populations (Insee, 2021) of the collectivités, for the library's size facet; none for an association.
POPULATIONS = {
    "Métropole Européenne de Lille": 1_190_000,
    "Ville de Lille": 236_000,
    "Ville de Lyon": 520_000,
    "Métropole de Lyon": 1_420_000,
    "Nantes Métropole": 680_000,
    "Toulouse Métropole": 810_000,
    "Communauté d'Agglomération du Sicoval": 80_000,
}
# One record past its review date ("à vérifier"), one with an open error report.
TO_CHECK = ("frequentation-decheteries", "Communauté d'Agglomération du Sicoval")
REPORTED = ("etat-du-bati", "Ville de Lille")
REPORT = ("La fiche indique une expérimentation, mais le conseil municipal a voté la généralisation à toutes les "
          "écoles en 2025 : le statut est-il à jour ?")

# slug: (title, theme, technique, summary, description, data types, benefits, risks, conditions of success)
USE_CASES = {
    "pics-de-pollution": (
        "Anticiper les pics de pollution de l'air", "Transition écologique", "Prévision sur séries temporelles",
        "Prévoir plusieurs jours à l'avance les épisodes de pollution pour prévenir les habitants et agir plus tôt.",
        "Un modèle apprend, sur des années de mesures et de prévisions météo, quand les concentrations de "
        "particules et d'ozone dépassent les seuils. Il prévient les services quelques jours avant, pour avertir "
        "les personnes fragiles et préparer les mesures de circulation.",
        "Mesures des stations de qualité de l'air, prévisions météorologiques, trafic routier.",
        "Des alertes plus précoces ; des mesures de restriction mieux ciblées.",
        "Une fausse alerte coûte la confiance des habitants : les seuils de déclenchement restent décidés par "
        "des personnes, avec l'association agréée de surveillance de la qualité de l'air.",
        "Des séries de mesures longues et propres ; un partenariat avec l'organisme de surveillance de l'air."),
    "cantines": (
        "Prévoir la fréquentation des cantines pour réduire le gaspillage alimentaire", "Transition écologique",
        "Apprentissage supervisé sur données tabulaires",
        "Prévoir chaque jour le nombre d'enfants à la cantine pour commander et cuisiner le bon nombre de repas.",
        "Le nombre de repas est souvent commandé sur la base des inscriptions, alors qu'une partie des enfants "
        "ne vient pas. Un modèle prévoit la fréquentation réelle, école par école, à partir de l'historique, du "
        "calendrier, des menus et des événements (grèves, sorties, météo).",
        "Historique des repas servis, inscriptions, calendrier scolaire, menus.",
        "Moins de repas jetés ; des achats mieux dimensionnés ; un indicateur suivi par les cuisines.",
        "Une sous-estimation prive des enfants de repas : la prévision reste une aide, corrigée par les équipes.",
        "Des données de présence fiables ; l'adhésion des cuisiniers et des responsables d'office."),
    "panneaux-solaires": (
        "Détecter les installations de panneaux solaires", "Transition écologique", "Vision par ordinateur",
        "Repérer sur des images aériennes les toits équipés de panneaux solaires pour suivre la transition "
        "énergétique du territoire.",
        "Un modèle de vision parcourt les orthophotographies et signale les panneaux photovoltaïques et "
        "thermiques. Le territoire connaît ainsi sa production installée et cible ses campagnes d'information.",
        "Orthophotographies aériennes, cadastre.",
        "Un inventaire à jour sans enquête de terrain ; un suivi annuel des objectifs du plan climat.",
        "Des images à très haute résolution montrent des jardins privés : seules les toitures sont analysées.",
        "Des images récentes et régulières ; un jeu d'exemples annotés localement."),
    "etat-du-bati": (
        "Évaluer automatiquement l'état du bâti", "Maintenance", "Vision par ordinateur",
        "Repérer sur des photos de façades et de toitures les bâtiments qui ont besoin d'une visite.",
        "Des photos prises depuis la rue ou par drone sont analysées pour signaler fissures, infiltrations et "
        "dégradations. Les techniciens visitent d'abord les bâtiments signalés.",
        "Photos de façades, images aériennes, fichier du patrimoine bâti.",
        "Des visites mieux ciblées ; un état du patrimoine suivi dans le temps.",
        "Un bâtiment non signalé n'est pas un bâtiment sain : le modèle complète les visites, sans les remplacer.",
        "Un inventaire du patrimoine à jour ; des techniciens associés à l'annotation."),
    "reseau-eau-potable": (
        "Planifier les maintenances sur le réseau d'eau potable", "Maintenance",
        "Apprentissage supervisé sur données tabulaires",
        "Estimer le risque de casse de chaque tronçon de canalisation pour renouveler d'abord les plus fragiles.",
        "Un modèle apprend des casses passées, de l'âge, du matériau et du sol de chaque tronçon, et classe le "
        "réseau par risque. Le programme de renouvellement en tient compte.",
        "Inventaire du réseau, historique des casses et des interventions, nature des sols.",
        "Moins de fuites et de coupures ; un budget de renouvellement mieux employé.",
        "Des tronçons mal renseignés sont mal classés : la qualité de l'inventaire est vérifiée chaque année.",
        "Un inventaire patrimonial complet ; un historique des casses géolocalisé."),
    "comptages-velo": (
        "Détecter des anomalies dans les données de comptage vélo", "Mobilités", "Détection d'anomalies",
        "Repérer les compteurs vélo en panne ou déréglés pour publier des chiffres de fréquentation fiables.",
        "Les compteurs automatiques tombent en panne ou comptent mal sans prévenir. Un modèle compare chaque "
        "compteur à ses voisins et à son historique et signale les journées suspectes avant publication.",
        "Comptages horaires des boucles et capteurs, météo, calendrier.",
        "Des données ouvertes fiables ; des pannes réparées plus vite.",
        "Une journée exceptionnelle (événement, grève) peut être prise pour une panne : un agent valide.",
        "Des compteurs en nombre suffisant pour se comparer ; un circuit de réparation réactif."),
    "accidents-de-la-route": (
        "Collecter plus efficacement des données issues du web relatives aux accidents de la route",
        "Mobilités", "Traitement automatique du langage",
        "Repérer dans la presse locale en ligne les accidents de la route pour compléter les données officielles.",
        "Un modèle lit les articles de la presse locale, reconnaît ceux qui décrivent un accident et en extrait "
        "le lieu, la date et les usagers impliqués. Les services croisent ces informations avec les fichiers "
        "officiels pour repérer les carrefours dangereux plus tôt.",
        "Articles de presse en ligne, fichier des accidents corporels, référentiel des voies.",
        "Une connaissance plus rapide des lieux accidentogènes.",
        "Les articles nomment parfois les victimes : aucune donnée personnelle n'est conservée.",
        "Un droit de réutilisation des contenus ; une relecture humaine des extractions."),
    "frequentation-decheteries": (
        "Cartographie et évaluation pour un service de mesure de la fréquentation des déchèteries", "Mobilités",
        "Vision par ordinateur",
        "Mesurer la fréquentation des déchèteries pour adapter les horaires et annoncer l'affluence aux usagers.",
        "Des capteurs comptent les véhicules à l'entrée des déchèteries, sans lire les plaques. Les données "
        "alimentent une carte de l'affluence et l'évaluation des horaires d'ouverture.",
        "Comptages de véhicules, horaires d'ouverture, tonnages collectés.",
        "Moins d'attente ; des horaires adaptés aux usages.",
        "Des caméras dans l'espace public : traitement sur place, aucune image conservée.",
        "Une analyse d'impact préalable ; une information claire des usagers."),
}

# (use case, lead, partners, status, started, purpose, usage, oversight, risk, licence, code, open data, demo,
#  environment, sources)
IMPLEMENTATIONS = [
    ("pics-de-pollution", "Métropole Européenne de Lille", ["Atmo Hauts-de-France"], Status.EXPERIMENT, D(2023, 3, 1),
     "Prévenir trois jours à l'avance les épisodes de pollution aux particules fines.",
     "Le service santé-environnement reçoit chaque matin une prévision à trois jours.",
     "Un ingénieur compare chaque alerte à la prévision officielle avant toute communication.",
     AIActRisk.MINIMAL, "", "", "", "", "Entraînement mensuel sur un serveur de la collectivité, une heure de calcul.",
     [("Mesures de qualité de l'air", "https://data.example.org/qualite-air")]),
    ("cantines", "Nantes Métropole", [], Status.PRODUCTION, D(2021, 9, 1),
     "Commander le bon nombre de repas dans les restaurants scolaires.",
     "Les cuisines reçoivent chaque jeudi la prévision de la semaine suivante, école par école.",
     "Les responsables d'office corrigent la prévision ; l'écart est suivi chaque mois.",
     AIActRisk.MINIMAL, "EUPL-1.2", "https://code.example.org/nantes/prevision-cantines",
     "https://data.example.org/nantes/repas-servis", "", "Un modèle léger, ré-entraîné une fois par trimestre.",
     [("Repas servis par restaurant scolaire", "https://data.example.org/nantes/repas-servis"),
      ("Calendrier scolaire", "https://data.example.org/calendrier-scolaire")]),
    ("cantines", "Ville de Lyon", [], Status.EXPERIMENT, D(2023, 1, 9),
     "Réduire le gaspillage alimentaire dans les écoles en ajustant les commandes.",
     "Une prévision hebdomadaire est proposée aux cuisines de dix écoles pilotes.",
     "Le service restauration valide chaque commande.", AIActRisk.MINIMAL, "MIT",
     "https://code.example.org/lyon/cantines", "", "", "Calcul sur un poste de travail, quelques minutes par semaine.",
     [("Inscriptions et présences", "")]),
    ("cantines", "Toulouse Métropole", [], Status.IDEA, None,
     "Étudier la reprise du modèle nantais pour les restaurants scolaires toulousains.",
     "", "", AIActRisk.UNDETERMINED, "", "", "", "", "", []),
    ("panneaux-solaires", "Métropole de Lyon", [], Status.PRODUCTION, D(2022, 5, 1),
     "Recenser les toits équipés de panneaux solaires pour suivre le plan climat.",
     "Le service énergie met à jour le cadastre solaire chaque année.",
     "Chaque détection incertaine est vérifiée sur l'image par un agent.", AIActRisk.MINIMAL, "Apache-2.0",
     "https://code.example.org/lyon/detection-solaire", "https://data.example.org/lyon/installations-solaires",
     "https://demo.example.org/lyon/solaire", "Entraînement sur carte graphique mutualisée, une journée par an.",
     [("Orthophotographie", "https://data.example.org/lyon/orthophoto")]),
    ("etat-du-bati", "Ville de Lille", [], Status.EXPERIMENT, D(2023, 10, 2),
     "Repérer les bâtiments municipaux à visiter en priorité.",
     "Les techniciens reçoivent une liste de bâtiments à visiter chaque trimestre.",
     "Chaque signalement est confirmé par une visite.", AIActRisk.MINIMAL, "", "", "", "",
     "Analyse d'images trimestrielle.", [("Patrimoine bâti municipal", "")]),
    ("reseau-eau-potable", "Métropole de Lyon", [], Status.PRODUCTION, D(2020, 1, 6),
     "Classer les tronçons du réseau d'eau potable par risque de casse.",
     "Le programme annuel de renouvellement s'appuie sur le classement.",
     "Les ingénieurs réseau arbitrent le programme final.", AIActRisk.LIMITED, "CECILL-2.1", "", "", "",
     "Calcul annuel, quelques heures sur un serveur.", [("Inventaire du réseau d'eau potable", "")]),
    ("comptages-velo", "Nantes Métropole", [], Status.PRODUCTION, D(2022, 4, 1),
     "Écarter des données publiées les journées de comptage faussées par une panne.",
     "Les journées suspectes sont signalées avant la publication quotidienne.",
     "Un agent valide chaque journée écartée.", AIActRisk.MINIMAL, "MIT",
     "https://code.example.org/nantes/anomalies-velo", "https://data.example.org/nantes/comptages-velo", "",
     "Calcul quotidien de quelques secondes.",
     [("Comptages vélo", "https://data.example.org/nantes/comptages-velo")]),
    ("accidents-de-la-route", "Métropole Européenne de Lille", [], Status.EXPERIMENT, D(2023, 6, 1),
     "Repérer plus tôt les lieux d'accidents grâce à la presse locale en ligne.",
     "Le service sécurité routière reçoit une synthèse mensuelle.",
     "Chaque extraction est relue avant d'entrer dans la base.", AIActRisk.MINIMAL, "", "", "", "",
     "Un modèle de langue de petite taille, exécuté sur place.", [("Articles de presse locale", "")]),
    ("frequentation-decheteries", "Communauté d'Agglomération du Sicoval", [], Status.EXPERIMENT, D(2024, 2, 1),
     "Mesurer l'affluence des déchèteries pour adapter les horaires.",
     "L'affluence en direct est affichée aux usagers ; les horaires sont revus chaque saison.",
     "Les agents des déchèteries vérifient les comptages chaque semaine.", AIActRisk.LIMITED, "etalab-2.0", "",
     "https://data.example.org/sicoval/frequentation-decheteries", "", "Comptage sur le capteur, sans envoi d'images.",
     [("Fréquentation des déchèteries", "https://data.example.org/sicoval/frequentation-decheteries")]),
]


def level_one(lead: str, title: str) -> dict:
    """Plausible lessons learned, costs, team and indicators, marked as illustrative."""
    return {
        "lessons_worked": ILLUSTRATIVE + f"Associer dès le début les agents qui utiliseront l'outil ({lead}).",
        "lessons_failed": ILLUSTRATIVE + "Les premières données étaient incomplètes : trois mois de nettoyage.",
        "lessons_differently": ILLUSTRATIVE + "Écrire les indicateurs de réussite avant de choisir le modèle.",
        "build_cost": ILLUSTRATIVE + "Environ 60 000 € et 80 jours d'agents la première année.",
        "run_cost": ILLUSTRATIVE + "Environ 5 000 € par an d'hébergement et de maintenance.",
        "team_skills": ILLUSTRATIVE + "Une cheffe de projet, un data scientist à mi-temps, le service métier.",
        "procurement": ILLUSTRATIVE + "Marché subséquent d'un accord-cadre de prestations data.",
        "suppliers": ILLUSTRATIVE + "Prestataire local spécialisé en science des données.",
        "data_prerequisites": ILLUSTRATIVE + "Trois ans d'historique au moins, renseigné de façon homogène.",
        "indicators": ILLUSTRATIVE + f"{title} : erreur moyenne divisée par deux par rapport à la méthode "
                                     "précédente sur l'année de test.",
    }


def level_two(slug: str) -> dict:
    """Plausible material for experts, marked as illustrative."""
    return {
        "code_archive_url": f"https://depot-prive.example.org/{slug}",
        "technical_documentation": ILLUSTRATIVE + "Architecture : collecte quotidienne, entraînement "
                                                  "trimestriel, prévision servie par une API interne.",
        "model_card": ILLUSTRATIVE + "Gradient boosting, 25 variables ; validé sur la dernière année complète.",
        "sample_data": ILLUSTRATIVE + "Un mois de données anonymisées, au format CSV, sur demande.",
        "demonstrator_access": ILLUSTRATIVE + "Compte de démonstration ouvert sur demande au service data.",
    }


def build_lists():
    themes = {name: get_or_create(Theme, {"name": name}, {"description": description, "sort_order": order})
              for order, (name, description) in enumerate(THEMES)}
    techniques = {name: get_or_create(Technique, {"name": name}, {"description": description, "sort_order": order})
                  for order, (name, description) in enumerate(TECHNIQUES)}
    organisations = {name: get_or_create(Organisation, {"name": name}, {"kind": kind, "region": region})
                     for name, (kind, region) in ORGANISATIONS.items()}
    for name, population in POPULATIONS.items():  # an organisation another demo made first has no population yet
        Organisation.objects.filter(name=name, population__isnull=True).update(population=population)
        organisations[name].population = organisations[name].population or population
    return themes, techniques, organisations


def build_use_cases(home, themes, techniques):
    index = get_or_create_page(
        home, LibraryIndexPage, "bibliotheque-ia", title="Bibliothèque d'IA territorialisée",
        intro="Des projets d'intelligence artificielle menés par des collectivités : ce qu'ils font, pour qui, "
              "avec quelles données et quels résultats. Les agents vérifiés des collectivités lisent aussi leurs "
              "retours d'expérience.")
    use_cases = {}
    for slug, (title, theme, technique, summary, description, data_types, benefits, risks,
               conditions) in USE_CASES.items():
        use_cases[slug] = get_or_create_page(
            index, UseCasePage, slug, title=title, theme=themes[theme], technique=techniques[technique],
            summary=summary, description=description, data_types=data_types, benefits=benefits, risks=risks,
            success_conditions=conditions)
    return index, use_cases


def build_implementations(use_cases, organisations):
    records = {}
    for (use_case, lead, partners, status, started, purpose, usage, oversight, risk, licence, code_url,
         open_data_url, demonstrator_url, environment, sources) in IMPLEMENTATIONS:
        page = use_cases[use_case]
        fields = {"is_illustrative": True, "status": status, "started_on": started, "purpose": purpose,
                  "usage": usage, "human_oversight": oversight, "ai_act_risk": risk, "licence": licence,
                  "code_url": code_url, "open_data_url": open_data_url, "demonstrator_url": demonstrator_url,
                  "environmental_note": environment, "contact_email": "data@example.org",
                  "first_published_at": clock.now()}
        if status != Status.IDEA:
            fields.update(level_one(lead, page.title))
            fields.update(level_two(f"{use_case}-{organisations[lead].pk}"))
        implementation = get_or_create(Implementation, {"use_case": page, "lead_organisation": organisations[lead]},
                                       fields)
        if partners and not implementation.partners.exists():
            implementation.partners.set([organisations[name] for name in partners])
            implementation.save()
        if not implementation.data_sources.exists():
            for order, (name, url) in enumerate(sources):
                DataSource.objects.create(implementation=implementation, name=name, url=url, sort_order=order)
        records[(use_case, lead)] = implementation
    return records


def build_expert_grant(implementation):
    """The expert reads the code and documentation of Nantes Métropole's canteen project for a year."""
    _label, email, password = EXPERT
    users = get_user_model().objects
    expert = users.filter(username=email).first() or users.create_user(email, email, password, first_name="Inès",
                                                                         last_name="Garnier")
    now = clock.now()
    Grant.objects.get_or_create(
        person=expert, content_type=ContentType.objects.get_for_model(Implementation), object_id=implementation.pk,
        defaults={"purpose": "Évaluer la reprise du modèle de prévision pour une thèse sur le gaspillage "
                             "alimentaire.", "terms_accepted_at": now, "decision": GrantDecision.APPROVED,
                  "decided_at": now, "expires_at": now + datetime.timedelta(days=365), "created_at": now})


def code_archive() -> bytes:
    """A small ZIP made here: what an archive of the project's code looks like (fixed dates: the same bytes)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in (("LISEZMOI.md", "# Prévision de la fréquentation des cantines (contenu illustratif)\n"),
                           ("prevision/modele.py", "def prevoir(effectifs):\n    return sum(effectifs[-3:]) / 3\n")):
            archive.writestr(zipfile.ZipInfo(name, date_time=(2024, 9, 1, 0, 0, 0)), text)
    return buffer.getvalue()


def build_documents_and_contacts(canteens_nantes, canteens_lyon):
    """Nantes' canteens: a level-1 guide, a level-2 code archive, a contact who agreed to show their address, the
    expert's download logged; Lyon's canteens: a contact without that consent (agents write through the site)."""
    now = clock.now()
    if not canteens_nantes.documents.exists():
        for title, level, name, content in (
            ("Guide de déploiement (contenu illustratif)", DocumentLevel.AGENTS, "guide.pdf", write_pdf(
                "Guide de déploiement", ["Contenu illustratif : les étapes pour commander les repas à partir des "
                                         "prévisions, et les points de vigilance relevés avec les cuisiniers."])),
            ("Archive du code (contenu illustratif)", DocumentLevel.EXPERTS, "code.zip", code_archive()),
        ):
            document = ImplementationDocument(implementation=canteens_nantes, title=title, level=level)
            document.file.save(name, ContentFile(content), save=True)
    if not canteens_nantes.contacts.exists():
        Contact.objects.create(implementation=canteens_nantes, name="Claire Martin",
                               role="Cheffe de projet données (contenu illustratif)",
                               email="claire.martin@nantes-metropole.example.org", consented_at=now)
    if not canteens_lyon.contacts.exists():
        Contact.objects.create(implementation=canteens_lyon, name="Paul Durand",
                               role="Chef de projet restauration scolaire (contenu illustratif)",
                               email="paul.durand@ville-de-lyon.example.org")
    applicant = get_user_model().objects.filter(username=PENDING[1]).first()
    if applicant is not None:  # a request for Nantes' référente to decide
        Grant.objects.get_or_create(
            person=applicant, content_type=ContentType.objects.get_for_model(Implementation),
            object_id=canteens_nantes.pk,
            defaults={"purpose": "Comparer la méthode de prévision avec celle de notre communauté de communes, "
                                 "avant un projet semblable.", "terms_accepted_at": now, "created_at": now})
    code = canteens_nantes.documents.filter(level=DocumentLevel.EXPERTS).first()
    expert = get_user_model().objects.filter(username=EXPERT[1]).first()
    if code is not None and expert is not None and not DocumentDownload.objects.filter(document=code).exists():
        DocumentDownload.objects.create(document=code, person=expert, at=now)


def build_upkeep(records):
    """A record whose review date passed three weeks ago, and an error report on another, open, due in 15 days."""
    today = timezone.localdate(clock.now())
    Implementation.objects.filter(pk=records[TO_CHECK].pk, review_due_on__gte=today).update(
        review_due_on=today - datetime.timedelta(days=21))
    if not ErrorReport.objects.filter(implementation=records[REPORTED]).exists():
        ErrorReport.objects.create(implementation=records[REPORTED], message=REPORT, created_at=clock.now(),
                                   due_on=facets.report_due(today))


def build_reviews(use_cases, records, organisations):
    """Nantes Métropole's canteen record has two versions (its update published directly, for the team to read);
    a new record of Nantes Métropole on the buildings' condition waits for the team's review."""
    from accounts.demo import AGENTS
    from library import submissions
    from reviews.models import Draft
    from reviews.services import versions_of

    users = get_user_model().objects
    first, second = (users.filter(username=entry[1]).first() for entry in AGENTS)
    if first is None or second is None:
        return
    now = clock.now()
    canteens = records[("cantines", "Nantes Métropole")]
    if not versions_of(canteens).exists():  # its first publication becomes version 1 (library/submissions.py)
        draft = submissions.start_update(first, canteens, now)
        draft.data["usage"] = (draft.data["usage"] + " Depuis la rentrée, les écoles maternelles sont aussi "
                                                     "concernées.").strip()
        draft.save(update_fields=["data"])
        submissions.submit(draft.pk, first, now)
    buildings, nantes = use_cases["etat-du-bati"], organisations["Nantes Métropole"]
    if not Draft.objects.filter(organisation=nantes, context__use_case=buildings.pk).exists():
        draft = submissions.start_new(second, buildings, nantes, now)
        draft.data.update({
            "status": Status.EXPERIMENT, "started_on": "2025-09-01", "ai_act_risk": AIActRisk.MINIMAL,
            "purpose": ILLUSTRATIVE + "Repérer les écoles dont la toiture se dégrade avant les fuites.",
            "usage": "Le service du patrimoine bâti priorise ses visites chaque trimestre.",
            "human_oversight": "Un technicien visite chaque bâtiment signalé avant toute décision de travaux.",
            "licence": "MIT", "contact_email": "patrimoine@nantes-metropole.example.org"})
        draft.save(update_fields=["data"])
        submissions.submit(draft.pk, second, now)


def build_laureate_links(records):
    """Each record whose collectivité won a label for this very project (the same seed projects, in labels/demo.py)
    links to its laureate page, once the results of its campaign are public."""
    from labels.models import Application
    from labels.public_results import PUBLIC_STATUSES

    for record in records.values():
        if record.laureate_id is not None:
            continue
        record.laureate = (Application.objects.filter(status__in=PUBLIC_STATUSES,
                                                      published_org_name=record.lead_organisation.name)
                           .select_related("campaign").order_by("-pk").first())
        if record.laureate is not None and record.public_laureate() is not None:
            record.save(update_fields=["laureate"])


def build(context):
    themes, techniques, organisations = build_lists()
    _index, use_cases = build_use_cases(context["home"], themes, techniques)
    records = build_implementations(use_cases, organisations)
    build_expert_grant(records[("cantines", "Nantes Métropole")])
    build_documents_and_contacts(records[("cantines", "Nantes Métropole")], records[("cantines", "Ville de Lyon")])
    build_upkeep(records)
    build_reviews(use_cases, records, organisations)
    build_laureate_links(records)
