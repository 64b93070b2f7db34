"""Demo events from the association's printed programmes (seeds 000, 001, 002 and 003).

Decisions where the documents overlap or are silent:

* The two printed tour lists overlap: Chambéry (30 January 2024) and Paris (8 February 2024) close the
  IntercoTOUR 2023 ("une journée expert par mois entre juin 2023 et février 2024") and open the 2024-2025
  list. Each stop exists once, in the tour "Journées experts 2023-2024"; the 2024-2025 tour says so in its
  introduction.
* Stops whose title the documents do not give are titled after their theme and city; venues the documents
  do not name are left empty (the stop keeps its city and region).
* The text extraction of the Tours programme lists the speakers of the morning round tables and keynote
  after the sessions; they are assigned in the printed order of the animators (Matthieu Brient's table
  with the four practitioners, Céline Colucci's keynote with EY, Céline Colucci's table with the elected
  officials).
* The dates and place of the 2023 Forum are not in the documents: the page carries its figures only.
* The printed programmes are history and keep their dates. So that the agenda is alive whatever day the
  demo is loaded, it adds the current season of the tour (two stops just past, the next ones in the coming
  weeks) and next spring's Forum, dated from that day (`current_season`, `next_forum`). Their stops are
  titled after their theme and city like the undocumented stops above; the Forum's venue is a real
  congress centre, its programme not yet published. Run again on a later day, the command keeps what it
  built and adds that day's season and Forum if they are new.

No personal e-mail address or phone number is copied: contacts use role addresses on example.org.
"""

import datetime

from events import timeline
from events.models import (
    EventContact,
    EventIndexPage,
    EventKeyFigure,
    EventOrganisation,
    EventTheme,
    ForumPage,
    JourneeExpertPage,
    OrganisationRole,
    ParticipantRole,
    ProgrammeSession,
    Room,
    SessionKind,
    SessionParticipant,
    TourPage,
    Venue,
)
from interconnectes import clock
from interconnectes.demo import add_to_navigation
from interconnectes.demo_pages import get_or_create, get_or_create_page
from interconnectes.models.snippets import Person
from interconnectes.regions import Region

D, T = datetime.date, datetime.time
K, P = SessionKind, ParticipantRole
ORGANISER, PARTNER = OrganisationRole.ORGANISER, OrganisationRole.PARTNER

THEMES = [
    "Intelligence artificielle", "Data", "Inclusion numérique", "Numérique responsable", "Cybersécurité",
    "Relation aux usagers", "Territoires connectés et durables", "Transformation des métiers et IA générative",
]

# name: (address, postcode, city, region, latitude, longitude, public transport, parking, rooms)
VENUES = {
    "Hôtel de Montpellier Méditerranée Métropole": (
        "50 place Zeus", "34045", "Montpellier", Region.OCCITANIE, "43.608800", "3.885000",
        "En tram : depuis la gare Saint-Roch, ligne 1, arrêt Léon Blum (9 min).\n"
        "À pied : 6 min depuis la gare Saint-Roch.",
        "Tam Montpellier-Parking (2 min à pied).", [],
    ),
    "Centre de Création Contemporaine Olivier Debré (CCCOD)": (
        "Jardin François 1er", "37000", "Tours", Region.CENTRE_VAL_DE_LOIRE, "47.396100", "0.692200",
        "Arrêt de tram : Porte de Loire.", "Parking le plus proche : Parking Anatole France.",
        ["Salle Noire", "Salle Nef", "Salle Blanche"],
    ),
    "Hub des territoires": ("", "", "Paris", Region.ILE_DE_FRANCE, None, None, "", "", []),
    "Palais du Pharo": (
        "58 boulevard Charles Livon", "13007", "Marseille", Region.PROVENCE_ALPES_COTE_D_AZUR,
        "43.292500", "5.361000", "", "", [],
    ),
    "Couvent des Jacobins": (
        "20 place Sainte-Anne", "35000", "Rennes", Region.BRETAGNE, "48.114600", "-1.680600", "", "", [],
    ),
    "Centre de congrès Pierre Baudis": (
        "11 esplanade Compans Caffarelli", "31000", "Toulouse", Region.OCCITANIE, "43.611600", "1.435100",
        "Métro ligne B, station Compans Caffarelli.", "", [],
    ),
}

CONTACTS = [
    ("Suivi de l'événement", "Inscriptions, accueil et logistique", "evenements@example.org"),
    ("Programmation", "Programme et intervenants", "programmation@example.org"),
    ("Presse", "Relation aux élus et à la presse", "presse@example.org"),
]

# People of the programmes: name -> (current role, organisation name as printed).
PEOPLE = {
    "Céline Colucci": ("Déléguée générale", "Les Interconnectés"),
    "Matthieu Brient": ("Conseiller", "Les Interconnectés"),
    "Maria Lépine": ("Maire et Vice-Présidente déléguée à la transformation numérique du territoire et aux "
                     "ressources humaines", "Tours Métropole Val de Loire"),
    "Guillaume Crépin": ("Conseiller régional délégué au numérique", "Région Centre-Val de Loire"),
    "Pierre Jannin": ("Conseiller municipal délégué numérique et innovation", "Rennes Métropole"),
    "Pierre Riou": ("Responsable du programme URBA IA", "Communauté d'Agglomération Paris Saclay"),
    "Claire Sachaud": ("Administratrice générale de la donnée, Direction Générale Ressources",
                       "Ville et Métropole de Nantes"),
    "Jean-Marc Eiclier": ("Associé France", "EY Consulting"),
    "Cyril Vart": ("Associé et vice-président exécutif", "EY Consulting"),
    "Margot De Caminel": ("Cheffe de projet IA", "Métropole du Grand Paris"),
    "Grégory Delobelle": ("Chargé de mission", "Prévizo DIAT"),
    "Anne-Claire Dubreuil": ("Directrice de projet Transformation Numérique", "Sicoval"),
    "Bruno Pain": ("Responsable Service Métiers du Territoire Intelligent", "Ville de Marseille"),
    "Laurent Berthier": ("", "Orange"),
    "Marc Creuzot-Pineda": ("Responsable régional secteur public", "Microsoft"),
    "Noémie Wartelle": ("", "Région Centre-Val de Loire"),
    "Véronique Chatain": ("Directrice Transformation numérique du Territoire", "Tours Métropole Val de Loire"),
    "Diane Collier": ("", "Banque des Territoires"),
    "Juliette Fropier": ("Cheffe de projet Intelligence artificielle", "Ecolab"),
    "Corinne Neau": ("Chargée de mission Innovation à la Technopole d'Orléans", "LabIA"),
    "Alexandre Barreto": ("Chargé de mission Data", "Tours Métropole Val de Loire"),
    "Julien Cros": ("Responsable Usages numériques", "Région Centre-Val de Loire"),
    "Hubert Guillaud": ("Membre", "CNNum"),
    "Manu Reynaud": ("Adjoint au Maire de Montpellier, Délégué à la Ville numérique et Intelligente, Conseiller",
                     "Montpellier Méditerranée Métropole"),
    "Yann Ferguson": ("Responsable scientifique", "LaborIA & Matrice"),
    "Mustapha Derras": ("Directeur de la Recherche et de l'Innovation", "Berger-Levrault"),
    "Pierre-Etienne Devineau": ("Lead Data Scientist @ Etalab", "DINUM"),
    "Pauline Folcher": ("Maîtresse de conférences", "Université de Montpellier"),
    "Jacques Oberti": ("Président", "Communauté d'Agglomération du Sicoval"),
    "Jean-Philippe Clément": ("Directeur général adjoint des services en charge de l'espace public et des "
                              "équipements, Animateur du podcast Parlez-moi d'IA", "Mairie du 17e Paris"),
    "Benoit Dehais": ("DSI", "Conseil Régional Occitanie"),
    "Patrick Guyon": ("Chargé du pilotage de la stratégie numérique", "Métropole Aix-Marseille-Provence"),
    "Christelle Germain": ("Responsable service coordination fonction ressources",
                           "Montpellier Méditerranée Métropole"),
    "Jean-Baptiste Roffini": ("Co-fondateur", "Delibia"),
    "Madalina Croitoru": ("Chercheur et Professeur des Universités",
                          "Le Laboratoire d'Informatique, de Robotique et de Microélectronique de Montpellier – "
                          "LIRMM & IA cluster"),
    "Julien Martinez": ("Co-fondateur", "IA FACTORY"),
    "David Morquin": ("Président de la délégation à l'Usage du Numérique", "CHU de Montpellier"),
    "Marie Bernard": ("Cheffe de projet innovation et numérique", "Nantes Métropole"),
    "Philippe Miellet": ("Directeur général, Associé", "Edater"),
    "Julie Morand": ("Chargée de déploiement en régions Occitanie et Nouvelle-Aquitaine", "SynBird"),
    "Jérôme Raulet": ("Responsable commercial", "PredExIA"),
    "Jean-Paul Muller": ("Global practice manager AI", "Inetum"),
}


def who(name, role=P.SPEAKER, title=None, organisation=None):
    """A participant as printed: the title and organisation default to the ones the programme gives."""
    current_title, current_organisation = PEOPLE[name]
    return (name, role, current_title if title is None else title,
            current_organisation if organisation is None else organisation)


# (start, end, kind, title, room, live, description, participants)
TOURS_PROGRAMME = [
    ("8:30", "9:00", K.WELCOME, "Accueil autour d'un café", "", False, "", []),
    ("9:00", "9:20", K.OPENING, "Discours d'ouverture", "", True, "", [
        who("Maria Lépine"), who("Guillaume Crépin"), who("Céline Colucci")]),
    ("9:20", "9:35", K.PLENARY, "Concertations territoriales de l'IA, bilan et enseignements", "", True, "", [
        who("Matthieu Brient", P.MODERATOR), who("Pierre Jannin")]),
    ("9:35", "10:35", K.ROUND_TABLE,
     "Construire un cadre de confiance pour l'IA : quels leviers pour les collectivités ?", "", True, "", [
         who("Céline Colucci", P.MODERATOR), who("Guillaume Crépin"), who("Maria Lépine"), who("Pierre Riou"),
         who("Claire Sachaud")]),
    ("10:35", "11:20", K.KEYNOTE,
     "Baromètre des usages du numérique : enjeux, adoption et usages data & IA des collectivités territoriales",
     "", True, "", [who("Céline Colucci", P.MODERATOR), who("Jean-Marc Eiclier"), who("Cyril Vart")]),
    ("11:30", "12:30", K.ROUND_TABLE, "Des usages utiles de l'IA au service des territoires", "", True,
     "Séquence rediffusée en live.", [
         who("Matthieu Brient", P.MODERATOR), who("Margot De Caminel"), who("Grégory Delobelle"),
         who("Anne-Claire Dubreuil"), who("Bruno Pain")]),
    ("12:30", "13:30", K.BREAK, "Temps déjeuner / échanges", "", False, "", []),
    ("13:30", "14:30", K.INITIATIVES, "Forum des initiatives", "", False,
     "Cas d'usages de l'IA générative de confiance (Orange) ; l'ère agentique au service des collectivités "
     "(Microsoft) ; territoire de confiance numérique (Région Centre-Val de Loire) ; cadre de confiance pour "
     "l'usage de l'IA au service de la métropole (Tours Métropole Val de Loire) ; Numérique360, une plateforme "
     "d'accompagnement qui soutient les collectivités dans leur transformation numérique, data et IA (Banque des "
     "Territoires) ; l'offre de service des ministères Territoires Écologie pour l'accès à la donnée "
     "environnementale (Ecolab).", [
         who("Laurent Berthier", title=""), who("Marc Creuzot-Pineda", title=""),
         who("Noémie Wartelle", title=""), who("Véronique Chatain", title=""), who("Diane Collier", title=""),
         who("Juliette Fropier", title="")]),
    ("14:30", "16:00", K.WORKSHOP, "Faire émerger des projets IA utiles pour mon territoire", "Salle Noire",
     False, "Atelier en simultané.", [who("Juliette Fropier"), who("Corinne Neau")]),
    ("14:30", "16:00", K.WORKSHOP, "Sensibiliser à l'IA : quels outils pour les agents et élus ?", "Salle Nef",
     False, "Atelier en simultané.", [
         who("Alexandre Barreto"), who("Véronique Chatain"), who("Julien Cros"),
         who("Hubert Guillaud", title="En tant que membre", organisation="CNNum")]),
    ("14:30", "16:00", K.WORKSHOP, "Préparer les organisations et accompagner les métiers à l'arrivée de l'IA",
     "Salle Blanche", False, "Atelier en simultané.", [
         who("Matthieu Brient"), who("Marc Creuzot-Pineda"), who("Claire Sachaud")]),
    ("16:00", "16:15", K.REPORT, "Restitution des travaux des ateliers", "", False, "", []),
    ("16:15", "16:45", K.CLOSING, "IA, un nouvel internet / Clôture de la journée", "", False, "", [
        who("Hubert Guillaud", title="", organisation="Dans Les Algorithmes")]),
]

MONTPELLIER_PROGRAMME = [
    ("8:30", "9:00", K.WELCOME, "Accueil autour d'un café", "", False, "", []),
    ("9:00", "9:20", K.OPENING, "Introduction de la journée", "", True, "", [
        who("Manu Reynaud"), who("Céline Colucci")]),
    ("9:20", "10:45", K.PLENARY,
     "Conférence plénière stratégique : entre risques et opportunités, quels choix pour nos organisations ?",
     "", True, "", [
         who("Yann Ferguson", P.INTRODUCTION), who("Mustapha Derras"), who("Pierre-Etienne Devineau"),
         who("Pauline Folcher"), who("Jacques Oberti"), who("Manu Reynaud")]),
    ("11:00", "11:30", K.KEYNOTE, "Keynote expert", "", True, "", []),
    ("11:30", "12:30", K.ROUND_TABLE, "La parole à ceux qui expérimentent l'IA générative dans leurs collectivités",
     "", True, "", [
         who("Jean-Philippe Clément"), who("Benoit Dehais"), who("Patrick Guyon"), who("Christelle Germain"),
         who("Jean-Baptiste Roffini"), who("Madalina Croitoru")]),
    ("12:30", "14:00", K.BREAK, "Temps déjeuner / échanges", "", False, "", []),
    ("14:00", "15:00", K.ROUND_TABLE, "Témoignages – Comment j'intègre l'IA générative dans mon métier", "", False,
     "", [who("Julien Martinez"), who("David Morquin")]),
    ("15:00", "16:30", K.WORKSHOP, "IA et aide à la décision : qui commande ?", "", False,
     "Atelier participatif de mise en œuvre (présentiel uniquement).", [
         who("Marie Bernard"), who("Philippe Miellet")]),
    ("15:00", "16:30", K.WORKSHOP, "L'IA nous rend-elle plus efficaces ?", "", False,
     "Atelier participatif de mise en œuvre (présentiel uniquement).", [
         who("Jean-Philippe Clément"), who("Julie Morand"), who("Jérôme Raulet")]),
    ("15:00", "16:30", K.WORKSHOP, "Comment former et accompagner les élus, managers et agents ?", "", False,
     "Atelier participatif de mise en œuvre (présentiel uniquement).", [
         who("Julien Martinez"), who("Jean-Paul Muller")]),
    ("16:30", "17:00", K.CLOSING, "Clôture de la journée", "", False,
     "Restitution des travaux de l'après-midi par le rapporteur de chaque atelier et conclusion de la journée.",
     [who("Manu Reynaud")]),
]

TOURS_DISCOVER = (
    "<h3>Concertations territoriales de l'IA – Débattre, expérimenter, co-construire : les territoires face au "
    "défi de l'IA</h3><p>L'accélération récente des usages de l'intelligence artificielle transforme nos services "
    "publics, notre rapport au travail, au savoir. Face à cette transformation, il est essentiel que les "
    "collectivités territoriales puissent s'approprier l'IA de manière éclairée et responsable. C'est tout "
    "l'enjeu des concertations territoriales de l'intelligence artificielle lancées en 2024 par Les "
    "Interconnectés.</p><p>Retrouvez ce livrable sur <a href=\"https://www.interconnectes.com/guides-data-ia/\">"
    "le site des Interconnectés</a>.</p>"
)
MONTPELLIER_DISCOVER = (
    "<h3>Intelligence artificielle, les territoires s'engagent !</h3><p>Le 6 juillet 2023, dans le cadre de la "
    "journée « Les données et l'IA au service des politiques publiques des territoires » organisée au Hub des "
    "territoires, à Paris, Les Interconnectés, France urbaine et Intercommunalités de France ont dévoilé le plan "
    "d'action national d'observation des usages de l'intelligence artificielle dans les territoires, intitulé "
    "<i>Les intelligences associées des territoires</i> : un plan d'action sur 3 ans et 3 axes stratégiques.</p>"
)

# Tours: slug, title, season, intro, stops.
# A stop: (slug, title, date, city, region, theme, venue, times, extra fields)
TOURS = [
    {
        "slug": "journees-experts-2023-2024",
        "title": "Journées experts 2023-2024",
        "season": (D(2023, 6, 1), D(2024, 2, 29)),
        "intro": "L'IntercoTOUR 2023 : une Journée expert par mois en région entre juin 2023 et février 2024, "
                 "avec des temps d'interaction et de travail collectif renforcés.",
        "stops": [
            ("strasbourg-2023", "La stratégie numérique responsable des collectivités", D(2023, 6, 14),
             "Strasbourg", Region.GRAND_EST, "Numérique responsable", None, None, {}),
            ("paris-juillet-2023", "Les données et l'IA au service des politiques publiques des territoires",
             D(2023, 7, 6), "Paris", Region.ILE_DE_FRANCE, "Data", "Hub des territoires", None, {}),
            ("pau-2023", "La cybersécurité, un enjeu de territoire !", D(2023, 10, 5), "Pau",
             Region.NOUVELLE_AQUITAINE, "Cybersécurité", None, None, {}),
            ("le-mans-2023", "L'humain au cœur du numérique ?", D(2023, 11, 9), "Le Mans", Region.PAYS_DE_LA_LOIRE,
             "Inclusion numérique", None, None, {}),
            ("montpellier-2023", "L'IA générative va-t-elle nous remplacer ?", D(2023, 12, 7), "Montpellier",
             Region.OCCITANIE, "Transformation des métiers et IA générative",
             "Hôtel de Montpellier Méditerranée Métropole", (T(8, 30), T(17, 0)), {
                 "programme": MONTPELLIER_PROGRAMME, "discover": MONTPELLIER_DISCOVER,
                 "organisers": ["Montpellier Méditerranée Métropole", "Les Interconnectés"],
                 "registration_url": "https://www.evenements.interconnectes.com/transfo-montpellier-07122023",
             }),
            ("chambery-2024", "Dans la peau de l'utilisateur", D(2024, 1, 30), "Chambéry",
             Region.AUVERGNE_RHONE_ALPES, "Relation aux usagers", None, None, {}),
            ("paris-fevrier-2024", "Les collectivités mobilisent l'IA au service des projets environnementaux",
             D(2024, 2, 8), "Paris", Region.ILE_DE_FRANCE, "Intelligence artificielle", None, None, {}),
        ],
    },
    {
        "slug": "journees-experts-2024-2025",
        "title": "Journées experts 2024-2025",
        "season": (D(2024, 9, 1), D(2025, 9, 30)),
        "intro": "Les Journées experts approfondissent, sur une journée dédiée, les thèmes clés du numérique pour "
                 "les territoires. La saison a commencé par les étapes de Chambéry (30 janvier 2024) et de Paris "
                 "(8 février 2024), présentées avec la tournée 2023-2024.",
        "stops": [
            ("la-rochelle-2024", "Numérique responsable à La Rochelle", D(2024, 11, 21), "La Rochelle",
             Region.NOUVELLE_AQUITAINE, "Numérique responsable", None, None, {}),
            ("orleans-2024", "Inclusion numérique à Orléans", D(2024, 12, 13), "Orléans", Region.CENTRE_VAL_DE_LOIRE,
             "Inclusion numérique", None, None, {}),
            ("paris-janvier-2025", "Data à Paris", D(2025, 1, 21), "Paris", Region.ILE_DE_FRANCE, "Data", None,
             None, {}),
            ("tours-2025", "L'IA au service des territoires", D(2025, 6, 24), "Tours", Region.CENTRE_VAL_DE_LOIRE,
             "Intelligence artificielle", "Centre de Création Contemporaine Olivier Debré (CCCOD)",
             (T(8, 30), T(16, 30)), {
                 "programme": TOURS_PROGRAMME, "discover": TOURS_DISCOVER,
                 "organisers": ["Tours Métropole Val de Loire", "Région Centre-Val de Loire", "Les Interconnectés"],
                 "registration_url": "https://www.evenements.interconnectes.com/journee-expert-ia-tours",
             }),
            ("arras-2025", "Territoires connectés et durables à Arras", D(2025, 9, 9), "Arras", Region.HAUTS_DE_FRANCE,
             "Territoires connectés et durables", None, None, {}),
        ],
    },
]

FORUMS = [
    {
        "slug": "forum-2023", "title": "Forum des Interconnectés 2023", "edition_year": 2023,
        "dates": None, "venue": None, "host": None,
        "intro": "Le rendez-vous incontournable de la transformation numérique des collectivités.",
        "figures": [("890", "participants présents"), ("230", "participants en ligne"), ("26", "partenaires"),
                    ("46", "conférences, ateliers, masterclass"), ("25", "lauréats du label « Territoire innovant »"),
                    ("7", "start-up interconnectées"), ("4", "livrables")],
    },
    {
        "slug": "forum-2024", "title": "Forum des Interconnectés 2024 à Marseille", "edition_year": 2024,
        "dates": (D(2024, 4, 3), D(2024, 4, 4)), "venue": "Palais du Pharo", "host": "Métropole Aix-Marseille-Provence",
        "intro": "Collectivités, services de l'État, experts, entreprises et pionniers partagent leurs expériences "
                 "et analyses pour faire avancer concrètement les projets de demain.",
        "figures": [("1 130", "participants"), ("48", "conférences et ateliers"), ("32", "partenaires"),
                    ("21", "territoires labellisés")],
    },
    {
        "slug": "forum-2025", "title": "Forum des Interconnectés 2025 à Rennes", "edition_year": 2025,
        "dates": (D(2025, 3, 10), D(2025, 3, 11)), "venue": "Couvent des Jacobins", "host": "Rennes Ville et Métropole",
        "intro": "Le rendez-vous incontournable de la transformation numérique des collectivités : conférences "
                 "experts et plénières, espaces thématiques, ateliers participatifs et cérémonie des labels.",
        "figures": [],
    },
]

# The current season, relative to the day the demo is loaded: (days from that day, slug, city, region, theme).
# Each stop moves to the next Tuesday or Thursday; the first two are past, the others to come.
SEASON_STOPS = [
    (-40, "nancy", "Nancy", Region.GRAND_EST, "Numérique responsable"),
    (-13, "lille", "Lille", Region.HAUTS_DE_FRANCE, "Data"),
    (9, "lyon", "Lyon", Region.AUVERGNE_RHONE_ALPES, "Intelligence artificielle"),
    (30, "bordeaux", "Bordeaux", Region.NOUVELLE_AQUITAINE, "Inclusion numérique"),
    (58, "rouen", "Rouen", Region.NORMANDIE, "Cybersécurité"),
    (86, "dijon", "Dijon", Region.BOURGOGNE_FRANCHE_COMTE, "Relation aux usagers"),
    (114, "angers", "Angers", Region.PAYS_DE_LA_LOIRE, "Territoires connectés et durables"),
]
# The programme announced for the next stop (the first one to come).
NEXT_STOP_PROGRAMME = [
    ("9:00", "9:30", K.WELCOME, "Accueil autour d'un café", "", False, "", []),
    ("9:30", "10:00", K.OPENING, "Ouverture de la journée", "", True, "", [who("Céline Colucci")]),
    ("10:00", "12:00", K.ROUND_TABLE, "Des usages utiles de l'IA au service des territoires", "", True, "", [
        who("Matthieu Brient", P.MODERATOR), who("Anne-Claire Dubreuil"), who("Claire Sachaud")]),
    ("12:00", "13:30", K.BREAK, "Temps déjeuner / échanges", "", False, "", []),
    ("13:30", "16:00", K.WORKSHOP, "Faire émerger des projets IA utiles pour mon territoire", "", False,
     "Atelier participatif (présentiel uniquement).", [who("Juliette Fropier")]),
    ("16:00", "16:30", K.CLOSING, "Clôture de la journée", "", False, "", [who("Céline Colucci")]),
]
FORUM_VENUE, FORUM_HOST = "Centre de congrès Pierre Baudis", "Toulouse Métropole"
SPRING_FORUM_FROM = (3, 16)  # the Forum opens on the first Tuesday from this (month, day)
FORUM_NOTICE_MONTHS = 2  # announced later than this before its spring, the Forum is next year's

PRESS_RELEASE_SLUG = "intelligence-artificielle-les-territoires-s-engagent"
PRESS_RELEASE_STOP = "paris-juillet-2023"


def tuesday_or_thursday(day: datetime.date) -> datetime.date:
    """The first Tuesday or Thursday from `day`: the days the Journées experts are held."""
    while day.weekday() not in (1, 3):
        day += datetime.timedelta(days=1)
    return day


def current_season(today: datetime.date) -> dict:
    """The season of the tour going on at `today`, as a spec of `TOURS`: its stops dated from `today`."""
    days = [tuesday_or_thursday(today + datetime.timedelta(days=offset)) for offset, *_rest in SEASON_STOPS]
    first, last = days[0], days[-1]
    season_end = (last.replace(day=28) + datetime.timedelta(days=4)).replace(day=1) - datetime.timedelta(days=1)
    years = f"{first.year}-{last.year}" if first.year != last.year else str(first.year)
    next_stop = next(position for position, day in enumerate(days) if day > today)
    stops = []
    for position, (day, (_offset, slug, city, region, theme)) in enumerate(zip(days, SEASON_STOPS, strict=True)):
        extra = {"programme": NEXT_STOP_PROGRAMME} if position == next_stop else {}
        times = (T(9, 0), T(16, 30)) if position == next_stop else None
        stops.append((f"{slug}-{day:%Y-%m}", f"{theme} à {city}", day, city, region, theme, None, times, extra))
    return {
        "slug": f"journees-experts-{years}",
        "title": f"Journées experts {years}",
        "season": (first.replace(day=1), season_end),
        "intro": "La saison en cours des Journées experts : une journée par mois en région sur un thème clé du "
                 "numérique des territoires, avec des temps de travail collectif.",
        "stops": stops,
    }


def next_forum(today: datetime.date) -> dict:
    """The coming spring's Forum, as a spec of `FORUMS`: next year's once this spring is too close or past."""
    month, day = SPRING_FORUM_FROM
    year = today.year if (today.month, today.day) < (month - FORUM_NOTICE_MONTHS, day) else today.year + 1
    start = datetime.date(year, month, day)
    while start.weekday() != 1:
        start += datetime.timedelta(days=1)
    return {
        "slug": f"forum-{year}", "title": f"Forum des Interconnectés {year} à Toulouse", "edition_year": year,
        "dates": (start, start + datetime.timedelta(days=1)), "venue": FORUM_VENUE, "host": FORUM_HOST,
        "intro": "Le rendez-vous annuel de la transformation numérique des collectivités : plénières, ateliers "
                 "participatifs, espaces thématiques et cérémonie des labels. Le programme sera publié au "
                 "printemps.",
        "figures": [],
    }


def _time(text):
    hours, minutes = text.split(":")
    return T(int(hours), int(minutes))


def build_themes():
    return {name: get_or_create(EventTheme, {"name": name}) for name in THEMES}


def build_venues():
    venues = {}
    for name, (address, postcode, city, region, lat, lon, transport, parking, rooms) in VENUES.items():
        venue = Venue.objects.filter(name=name, city=city).first()
        if venue is None:
            venue = Venue(name=name, address=address, postcode=postcode, city=city, region=region, latitude=lat,
                          longitude=lon, public_transport=transport, parking=parking,
                          rooms=[Room(name=room, sort_order=order) for order, room in enumerate(rooms)])
            venue.full_clean()
            venue.save()
        venues[name] = venue
    return venues


def build_people(context):
    people = context.setdefault("people", {})
    organisations = context.get("organisations", {})
    for name, (role, organisation) in PEOPLE.items():
        if name not in people:
            people[name] = get_or_create(Person, {"name": name},
                                         {"role": role, "organisation": organisations.get(organisation)})
    return people


def programme(spec, day, venue, people):
    rooms = {room.name: room for room in venue.rooms.all()} if venue else {}
    sessions = []
    for order, (start, end, kind, title, room, live, description, participants) in enumerate(spec):
        sessions.append(ProgrammeSession(
            day=day, start_time=_time(start), end_time=_time(end), kind=kind, title=title, room=rooms.get(room),
            is_live=live, description=description, sort_order=order,
            participants=[
                SessionParticipant(person=people[name], role=role, title_then=title_then,
                                   organisation_then=organisation_then, sort_order=position)
                for position, (name, role, title_then, organisation_then) in enumerate(participants)
            ],
        ))
    return sessions


def contacts():
    return [EventContact(name=name, role=role, email=email, sort_order=order)
            for order, (name, role, email) in enumerate(CONTACTS)]


def build(context):
    themes, venues, people = build_themes(), build_venues(), build_people(context)
    organisations = context.get("organisations", {})
    agenda = get_or_create_page(
        context["home"], EventIndexPage, "agenda", title="Agenda",
        intro="Les Journées experts, rendez-vous itinérants en région, et le Forum annuel des Interconnectés : "
              "programmes, intervenants, inscriptions et replays.",
    )
    add_to_navigation(context, agenda, label="Agenda")
    today = timeline.local_today(clock.now())
    season, forum = current_season(today), next_forum(today)
    stops = {}
    for tour_spec in [*TOURS, season]:
        season_start, season_end = tour_spec["season"]
        tour = get_or_create_page(agenda, TourPage, tour_spec["slug"], title=tour_spec["title"],
                                  intro=tour_spec["intro"], season_start=season_start, season_end=season_end)
        for slug, title, day, city, region, theme, venue_name, times, extra in tour_spec["stops"]:
            venue = venues.get(venue_name)
            start_time, end_time = times or (None, None)
            fields = {
                "title": title, "start_date": day, "end_date": day, "start_time": start_time, "end_time": end_time,
                "city": city, "region": region, "theme": themes[theme], "venue": venue,
                "intro": f"Journée expert « {theme} » à {city}.",
                "discover": extra.get("discover", ""),
                "registration_url": extra.get("registration_url", ""),
                "contacts": contacts(),
                "organisations": [
                    EventOrganisation(organisation=organisations[name], role=ORGANISER, sort_order=order)
                    for order, name in enumerate(extra.get("organisers", [])) if name in organisations
                ],
                "sessions": programme(extra.get("programme", []), day, venue, people),
            }
            stops[slug] = get_or_create_page(tour, JourneeExpertPage, slug, **fields)
    forums = {}
    for spec in [*FORUMS, forum]:
        start_date, end_date = spec["dates"] or (None, None)
        venue = venues.get(spec["venue"])
        forums[spec["slug"]] = get_or_create_page(
            agenda, ForumPage, spec["slug"], title=spec["title"], edition_year=spec["edition_year"],
            start_date=start_date, end_date=end_date, venue=venue, intro=spec["intro"],
            city=venue.city if venue else "", region=venue.region if venue else "",
            host_territory=organisations.get(spec["host"]) if spec["host"] else None,
            key_figures=[EventKeyFigure(value=value, label=label, sort_order=order)
                         for order, (value, label) in enumerate(spec["figures"])],
            organisations=[EventOrganisation(organisation=organisations["Les Interconnectés"], role=ORGANISER)]
            if "Les Interconnectés" in organisations else [],
            contacts=contacts(),
        )
    link_press_release(context, stops[PRESS_RELEASE_STOP])
    context["agenda"], context["stops"], context["forums"] = agenda, stops, forums


def link_press_release(context, stop):
    """The July 2023 AI press release was presented at the Paris stop of 6 July 2023."""
    release = context.get("manifestos", {}).get(PRESS_RELEASE_SLUG)
    if release is not None and release.adoption_event_id is None:
        release.adoption_event = stop
        release.save_revision().publish()
