"""Demo manifestos: the texts the association's documents name (seeds 001 and 003).

Where the documents give the text (the 2021 ambitions and engagements, the
2023 axes) it is used as is; where they only give counts (the 2022
priorities and proposals) the page says so instead of inventing positions.
"""

import datetime

from interconnectes.demo import add_to_navigation
from interconnectes.demo_media import get_or_create_document
from interconnectes.demo_pages import get_or_create_page, stream
from manifestes.models import ManifestoIndexPage, ManifestoKind, ManifestoPage, ManifestoSignatory, RelatedManifesto


def ambition(title, engagements, intro=""):
    return ("ambition", {"title": title, "intro": intro,
                         "engagements": [{"title": item, "text": ""} for item in engagements]})


MANIFESTOS = [
    {
        "slug": "nouvelle-approche-transformation-numerique",
        "title": "Pour une nouvelle approche de la transformation numérique des territoires",
        "kind": ManifestoKind.MANIFESTO,
        "subtitle": "Le manifeste fondateur de la commission numérique",
        "adoption_date": datetime.date(2017, 1, 1),
        "year_only": True,
        "adoption_place": "",
        "intro": "Acte fondateur, la publication de ce manifeste en 2017 a lancé la commission numérique : un espace "
                 "d'élaboration collective de propositions, constitué d'élus, sur les axes stratégiques majeurs du "
                 "numérique et de l'innovation des territoires.",
        "body": [("rich_text", "<p>Trois orientations en sont nées :</p><ul><li>défendre une vision politique de "
                               "l'innovation ;</li><li>avoir un dialogue équilibré avec l'État et les acteurs "
                               "privés ;</li><li>porter la voix des collectivités en matière de numérique au "
                               "niveau national.</li></ul>")],
        "ambitions": [],
        "signatories": ["Les Interconnectés"],
    },
    {
        "slug": "agir-face-a-l-urgence-de-l-illectronisme",
        "title": "Agir face à l'urgence de l'illectronisme",
        "kind": ManifestoKind.MANIFESTO,
        "subtitle": "Une urgence : l'accès aux droits et à l'inclusion numérique",
        "adoption_date": datetime.date(2020, 2, 12),
        "adoption_place": "Forum des Interconnectés",
        "intro": "La diffusion rapide des technologies (intelligence artificielle, robotisation…) et la "
                 "dématérialisation des échanges, particulièrement pour les services publics, sont aujourd'hui "
                 "source d'inquiétude et de risque de relégation pour les 13 millions de Français qui sont éloignés "
                 "du numérique.",
        "body": [
            ("rich_text", "<p>Cette situation est alarmante. Elle exige de construire une démarche nationale fondée "
                          "sur des dispositifs territoriaux ambitieux pour guider vers l'autonomie celles et ceux qui "
                          "le peuvent, et proposer un accompagnement soutenu pour les plus fragiles.</p><p>Le "
                          "Défenseur des droits a alerté sur les craintes de perte de droits ou de non-accès à leurs "
                          "droits que comporte, pour les personnes les plus vulnérables, la méconnaissance du "
                          "numérique.</p><p>Les acteurs de France urbaine et de l'Assemblée des Communautés de France "
                          "(AdCF) rassemblés au sein des Interconnectés s'engagent pour répondre à ce nouveau défi "
                          "sociétal.</p><h2>Acter les manques de la politique nationale d'inclusion numérique</h2>"
                          "<ul><li>Diagnostic et cartographie des acteurs</li><li>Financements locaux stables</li>"
                          "<li>Gouvernance entre acteurs à l'échelle des territoires</li></ul><h2>Une expérimentation"
                          " : les coordinations territoriales d'inclusion numérique (CTIN)</h2><p>Rédigé en 2019, le "
                          "manifeste a conduit en 2021 à une expérimentation de gouvernance locale dans 5 territoires, "
                          "avec des recommandations issues de l'analyse des dispositifs existants et une méthodologie "
                          "de mise en œuvre.</p>"),
        ],
        "ambitions": [],
        "signatories": ["Les Interconnectés", "France urbaine", "Intercommunalités de France"],
    },
    {
        "slug": "pour-des-territoires-numeriques-responsables",
        "title": "Pour des territoires numériques responsables",
        "kind": ManifestoKind.MANIFESTO,
        "subtitle": "Trois ambitions et neuf engagements pour le mandat local",
        "adoption_date": datetime.date(2021, 3, 18),
        "adoption_place": "Forum des Interconnectés",
        "intro": "Le numérique s'est imposé comme un outil indispensable à la vie quotidienne. Cette généralisation "
                 "des usages du numérique a des impacts majeurs qui doivent être pleinement pris en compte par les "
                 "décideurs publics.",
        "body": [
            ("rich_text", "<p>Conscientes de l'importance de l'action locale pour faire face à ces défis, les "
                          "collectivités réunies au sein de la commission numérique commune à l'AdCF, France urbaine "
                          "et Les Interconnectés s'engagent. Elles affirment leur volonté de construire et porter "
                          "avec les acteurs des territoires une transformation numérique ambitieuse, socialement et "
                          "écologiquement durable.</p><p>Articulé autour de trois ambitions et de neuf engagements, "
                          "le présent manifeste invite les collectivités à adopter le numérique durable comme modèle "
                          "commun de conduite de leurs stratégies numériques. Il ne fixe pas d'objectifs quantitatifs "
                          "qui s'imposeraient aux territoires, mais pose les jalons d'un parcours inspirant "
                          "respectueux des spécificités territoriales.</p><p>Ce manifeste est le fruit d'un travail "
                          "collectif engagé par les élus territoriaux réunis au sein de la commission numérique de "
                          "l'AdCF, France urbaine et des Interconnectés, et des débats du Forum des Interconnectés des "
                          "17 et 18 mars 2021.</p>"),
        ],
        "ambitions": [
            ambition("Le numérique responsable, un enjeu d'égalité", [
                "Organiser l'accès de tous aux services publics",
                "Montée en compétence des citoyens et des professionnels",
                "Intégrer la participation des citoyens et la culture de l'innovation",
            ]),
            ambition("Le numérique responsable, un engagement environnemental", [
                "Changer les pratiques internes : penser responsable",
                "Généraliser la commande publique responsable",
                "Stimuler les filières économiques de réemploi",
            ]),
            ambition("Le numérique responsable, le projet d'un territoire intelligent et durable", [
                "Mobiliser les infrastructures et technologies",
                "Adopter une stratégie territorialisée",
                "Porter l'éthique du territoire intelligent et responsable",
            ]),
        ],
        "signatories": ["Les Interconnectés", "France urbaine", "Intercommunalités de France"],
    },
    {
        "slug": "reussir-la-transformation-numerique-responsable-des-territoires",
        "title": "Pour réussir la transformation numérique responsable des territoires",
        "kind": ManifestoKind.INTER_ASSOCIATION,
        "subtitle": "5 priorités et 20 propositions de 10 associations de collectivités",
        "adoption_date": datetime.date(2022, 3, 3),
        "adoption_place": "Forum des Interconnectés",
        "intro": "Le 3 mars 2022, pour la première fois, 10 associations représentatives des territoires ont présenté "
                 "leurs ambitions communes : 5 priorités et 20 propositions pour réussir la transformation numérique "
                 "responsable des territoires.",
        "body": [
            ("rich_text", "<p>Numérique, écologique, démographique et citoyenne, les transitions de notre société "
                          "s'additionnent et s'accroissent. À l'occasion de l'élection présidentielle et de la "
                          "présidence française de l'Union européenne, un ensemble d'associations représentant les "
                          "collectivités locales et leurs groupements se mobilise pour porter une vision commune des "
                          "enjeux sociétaux que représentent les transformations numériques et environnementales pour "
                          "nos territoires.</p><p>Notre conviction commune est que toutes ces transitions sont "
                          "intimement liées et devraient être traitées ensemble, dans leur globalité.</p><p>Sans "
                          "infrastructures numériques résilientes et de qualité, pas de télétravail, ni d'école à "
                          "domicile, pas plus que de télédiagnostic médical ou de valorisation des circuits courts. "
                          "Il faudra désormais, après leur complétude, assurer leur entretien par un fonds de "
                          "péréquation disponible durant des dizaines d'années.</p><p>Nous réaffirmons une vision du "
                          "service public qui place l'humain et la préservation de la planète au cœur des priorités "
                          "du pays.</p><h2>Les 5 priorités et 20 propositions</h2><p>Le texte présenté le 3 mars "
                          "2022 compte 5 priorités et 20 propositions. Leur détail figure dans le texte intégral "
                          "publié par les associations signataires ; cette page n'en donne que la présentation.</p>"),
        ],
        "ambitions": [],
        "signatories": ["AMF", "AMRF", "APVF", "Avicca", "FNCCR", "France urbaine", "Intercommunalités de France",
                        "Les Interconnectés", "OpenData France", "Villes de France"],
    },
    {
        "slug": "intelligence-artificielle-les-territoires-s-engagent",
        "title": "Intelligence artificielle : les territoires s'engagent !",
        "kind": ManifestoKind.PRESS_RELEASE,
        "subtitle": "Le plan d'action « Les intelligences associées des territoires »",
        "adoption_date": datetime.date(2023, 7, 6),
        "adoption_place": "Journée « Les données et l'IA au service des politiques publiques des territoires », "
                          "Hub des territoires, Paris",
        "intro": "Le 6 juillet 2023, Les Interconnectés, France urbaine et Intercommunalités de France ont dévoilé le "
                 "plan d'action national d'observation des usages de l'intelligence artificielle dans les "
                 "territoires, intitulé « Les intelligences associées des territoires ».",
        "body": [
            ("rich_text", "<p>Face à l'accélération des usages de l'IA et la diffusion massive de ces outils dans la "
                          "vie publique, professionnelle et privée, les membres de la commission « Numérique et "
                          "innovation » appellent les élus locaux et le Gouvernement à prendre position et à agir."
                          "</p><p>Si les associations d'élus s'engagent aujourd'hui, c'est parce que l'IA est un "
                          "enjeu hautement politique tant pour les collectivités que pour les citoyens. La création "
                          "d'un espace d'observation des impacts de l'IA et de décision pour les acteurs publics "
                          "devient indispensable.</p><p>Afin de lancer ces chantiers, qui s'étaleront sur trois ans, "
                          "des auditions nationales d'acteurs ont été organisées du 11 au 20 juillet 2023 et un "
                          "conseil scientifique installé pour accompagner et outiller la démarche.</p>"),
        ],
        "section_label": "Axe",
        "ambitions": [
            ambition("L'IA au service des politiques publiques", [], intro=(
                "Partager entre collectivités des dispositifs qui favorisent la conduite des politiques publiques, "
                "via le déploiement d'une « bibliothèque d'IA territorialisées » d'ici la fin de l'année 2023, et "
                "l'animation d'une communauté d'acteurs.")),
            ambition("L'IA et la vie publique", [], intro=(
                "Les transformations profondes générées par le déploiement de l'IA dans la vie quotidienne et dans "
                "l'espace public ont un impact sociétal fort et portent des risques en matière de respect de la vie "
                "privée. Il est important pour les acteurs publics d'organiser un débat démocratique direct et apaisé "
                "et de promouvoir une société civile du numérique.")),
            ambition("L'IA et la transformation des métiers de la fonction publique territoriale", [], intro=(
                "Identifier les impacts, encadrer les pratiques afin de s'assurer que l'humain reste au cœur du "
                "projet et accompagner les collectivités à adapter les métiers et les compétences des agents à la "
                "transition numérique.")),
        ],
        "signatories": ["Les Interconnectés", "France urbaine", "Intercommunalités de France"],
    },
]

RELATED = {
    "agir-face-a-l-urgence-de-l-illectronisme": ["pour-des-territoires-numeriques-responsables"],
    "pour-des-territoires-numeriques-responsables": [
        "reussir-la-transformation-numerique-responsable-des-territoires",
        "agir-face-a-l-urgence-de-l-illectronisme",
    ],
    "reussir-la-transformation-numerique-responsable-des-territoires": ["pour-des-territoires-numeriques-responsables"],
    "intelligence-artificielle-les-territoires-s-engagent": ["pour-des-territoires-numeriques-responsables"],
}


def build(context):
    index = get_or_create_page(
        context["home"], ManifestoIndexPage, "manifestes", title="Manifestes et prises de position",
        intro="Les textes adoptés par les élus de la commission numérique et les associations partenaires : "
              "manifestes, manifestes inter-associations et communiqués.",
    )
    add_to_navigation(context, index, label="Manifestes")
    organisations = context["organisations"]
    pages = {}
    for spec in MANIFESTOS:
        spec = dict(spec)
        signatories = [ManifestoSignatory(organisation=organisations[name]) for name in spec.pop("signatories")]
        document = get_or_create_document(spec["title"], [spec["subtitle"], spec["intro"]])
        slug = spec.pop("slug")
        pages[slug] = get_or_create_page(
            index, ManifestoPage, slug,
            body=stream(spec.pop("body")), ambitions=stream(spec.pop("ambitions")),
            signatories=signatories, document=document, **spec,
        )
    for slug, related_slugs in RELATED.items():
        page = pages[slug]
        if not page.related_manifestos.exists():
            for order, related_slug in enumerate(related_slugs):
                RelatedManifesto.objects.create(page=page, related_page=pages[related_slug], sort_order=order)
    context["manifestos"] = pages
