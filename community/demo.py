"""The community's demo: the general space and one per 2024 theme, a few topics with posts (one with an
accepted answer, the follow-up topic of a past sequence, one reported post), written by the demo agents of
Nantes Métropole (`accounts.demo`) and the IA theme's coordinator.

Dates are relative to the day the demo is loaded; every lookup comes before a create, so loading again
changes nothing. The theme spaces are attached to the programme's 2024 themes when the programme's demo
made them (matched by title), and the coordinator account is added to the IA theme's coordinators.
"""

import datetime

from django.contrib.auth import get_user_model

from community import services
from community.models import Post, Report, Space, Topic
from interconnectes import clock

COORDINATOR = ("Coordination du thème IA (communauté)", "coordination-ia@example.org",
               "interconnectes-coordination")
ACCOUNTS = [COORDINATOR]
KARIM, ELODIE, SOPHIE = ("agent1@nantes-metropole.example.org", "agent2@nantes-metropole.example.org",
                         "referente@nantes-metropole.example.org")

SPACES = [
    ("general", "Espace général", "Questions de tous les jours entre agents des collectivités membres.", None),
    ("inclusion-numerique", "Inclusion numérique", "Médiation, accès aux droits, aidants numériques.",
     "Inclusion numérique"),
    ("numerique-responsable", "Numérique responsable", "Sobriété, réemploi, achats responsables.",
     "Numérique responsable"),
    ("data", "Data", "Données publiques, gouvernance et ouverture des données.", "Data"),
    ("ia", "IA", "Projets d'IA des collectivités : cadrage, achats, éthique, retours d'expérience.", "IA"),
]

# (space, title, author, days ago, [(author, body, hours after)], accepted reply index or None, reported index)
TOPICS = [
    ("ia", "Quelle clause sur les données dans un marché de chatbot ?", KARIM, 12, [
        (KARIM, "Nous lançons un marché pour un agent conversationnel de l'accueil. Quelle clause avez-vous "
                "écrite sur la réutilisation des données par le titulaire ?", 0),
        (ELODIE, "À Nantes, la clause interdit tout entraînement sur nos données et prévoit leur restitution en "
                 "fin de marché. Le modèle est dans la bibliothèque : https://www.interconnectes.fr/"
                 "bibliotheque-ia/", 3),
        (SOPHIE, "Pensez aussi à l'AIPD avant le lancement : @karim-benali, je vous envoie la nôtre.", 5),
    ], 1, None),
    ("general", "Partager un tableur de suivi des formations", ELODIE, 4, [
        (ELODIE, "Quelqu'un a-t-il un modèle de tableur pour suivre les formations numériques des agents ?", 0),
        (KARIM, "Oui, je le dépose ici la semaine prochaine.", 20),
        (KARIM, "Achetez nos formations miracles sur http://exemple.invalid/promo !!!", 26),
    ], None, 2),
    ("data", "Publier les horaires des équipements en open data", SOPHIE, 2, [
        (SOPHIE, "Nous voulons publier les horaires de nos piscines et médiathèques. Quel schéma utilisez-vous ?",
         0),
    ], None, None),
]


def coordinator_account():
    _label, email, password = COORDINATOR
    users = get_user_model().objects
    return users.filter(username=email).first() or users.create_user(email, email, password,
                                                                       first_name="Inès", last_name="Durand")


def themes_2024() -> dict:
    """The programme's 2024 themes by title, if its demo made them."""
    from territoirprod.models import EditionPage, ThemePage

    edition = EditionPage.objects.filter(label="2024").first()
    if edition is None:
        return {}
    return {theme.title.casefold(): theme for theme in ThemePage.objects.child_of(edition).specific()}


def build_spaces(coordinator) -> dict[str, Space]:
    themes, spaces = themes_2024(), {}
    for order, (slug, title, description, theme_title) in enumerate(SPACES):
        space = Space.objects.filter(slug=slug).first() or Space.objects.create(
            slug=slug, title=title, description=description, sort_order=order)
        theme = themes.get(theme_title.casefold()) if theme_title else None
        if theme is not None and space.theme_id is None and not Space.objects.filter(theme=theme).exists():
            space.theme = theme
            space.save(update_fields=["theme"])
        spaces[slug] = space
    ia = spaces["ia"]
    if ia.theme_id:
        theme = ia.theme
        if not theme.coordinators.filter(pk=coordinator.pk).exists():
            theme.coordinators.add(coordinator)
            theme.save(update_fields=["coordinators"])  # a page's many-to-many is written when it is saved
    else:
        ia.moderators.add(coordinator)
    return spaces


def build_topics(spaces, people, now) -> None:
    for slug, title, author, days_ago, posts, accepted, reported in TOPICS:
        if Topic.objects.filter(space=spaces[slug], title=title).exists():
            continue
        start = now - datetime.timedelta(days=days_ago)
        topic = Topic.objects.create(space=spaces[slug], title=title, author=people[author], created_at=start,
                                     last_activity_at=start + datetime.timedelta(hours=posts[-1][2]))
        made = []
        for email, body, hours in posts:
            services.profile_of(people[email])
            made.append(Post.objects.create(topic=topic, author=people[email], body=body,
                                            created_at=start + datetime.timedelta(hours=hours)))
        if accepted is not None:
            topic.accepted_post = made[accepted]
            topic.save(update_fields=["accepted_post"])
        if reported is not None:
            Report.objects.create(post=made[reported], reporter=people[ELODIE], reason="Publicité sans rapport.",
                                  created_at=made[reported].created_at + datetime.timedelta(hours=1))


def build_followup(spaces, people, now) -> None:
    """The follow-up topic of the IA theme's last past sequence, with a question in it."""
    space = spaces["ia"]
    if space.theme_id is None:
        return
    sequence = space.theme.sequences.filter(ends_at__lt=now).order_by("-ends_at").first()
    if sequence is None or Topic.objects.filter(sequence=sequence).exists():
        return
    topic = services.open_followup(sequence, space, sequence.ends_at)
    Post.objects.create(topic=topic, author=people[KARIM], created_at=sequence.ends_at + datetime.timedelta(days=1),
                        body="Merci pour la séquence. Les supports seront-ils partagés avec le replay ?")


def build(context):
    now = clock.now()
    coordinator = coordinator_account()
    people = {email: get_user_model().objects.get(username=email) for email in (KARIM, ELODIE, SOPHIE)}  # accounts.demo
    spaces = build_spaces(coordinator)
    build_topics(spaces, people, now)
    build_followup(spaces, people, now)
