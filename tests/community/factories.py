"""The community's people and places: member agents, an outsider, a revoked agent, the team, a theme's
coordinator, the general space and a theme's space."""

import datetime
from dataclasses import dataclass

from accounts.models import MembershipStatus
from community import services
from community.models import Post, Space, Topic
from territoirprod.models import EditionPage, Sequence, ThemePage, TrainingProgrammePage
from tests.accounts.factories import member, organisation
from tests.labels.factories import UserFactory, user_with_permissions
from tests.library.reviewing import agent

YEAR = 2026


def person(email, first_name, last_name, org=None, **membership):
    user = UserFactory(email=email, username=email, first_name=first_name, last_name=last_name)
    if org is not None:
        member(user, org, **membership)
    return user


def theme_page(home, title="IA", coordinators=(), edition="2026"):
    programme = TrainingProgrammePage.objects.first() or home.add_child(
        instance=TrainingProgrammePage(title="Territoir'Prod", slug="territoirprod"))
    edition = EditionPage.objects.first() or programme.add_child(
        instance=EditionPage(title=f"Édition {edition}", slug=edition, label=edition))
    theme = edition.add_child(instance=ThemePage(title=title, slug=title.lower()))
    theme.coordinators.set(coordinators)
    theme.save()
    return theme


def sequence(theme, title, ends_at, number=1):
    return Sequence.objects.create(theme=theme, number=number, title=title,
                                   starts_at=ends_at - datetime.timedelta(hours=2), ends_at=ends_at)


@dataclass
class World:
    member: object
    other: object
    outsider: object
    revoked: object
    confirmed: object
    staff: object
    coordinator: object
    general: Space
    theme_space: Space
    theme: object
    nantes: object


def world(home) -> World:
    nantes = organisation("Nantes Métropole", member_year=YEAR)
    tregunc = organisation("Commune de Trégunc", kind="commune")
    coordinator = person("coordination@ia.example.org", "Inès", "Durand")
    theme = theme_page(home, "IA", [coordinator])
    return World(
        member=person("karim@nantes.example.org", "Karim", "Benali", nantes),
        other=person("elodie@nantes.example.org", "Élodie", "Moreau", nantes),
        outsider=agent("agent@tregunc.example.org", tregunc),
        revoked=person("paul@nantes.example.org", "Paul", "Girard", nantes, status=MembershipStatus.REVOKED),
        confirmed=UserFactory(email="camille@example.org", username="camille@example.org"),
        staff=user_with_permissions("community.change_post", email="equipe@example.org", is_staff=True),
        coordinator=coordinator,
        general=Space.objects.create(title="Espace général", slug="general", sort_order=0),
        theme_space=Space.objects.create(title="IA", slug="ia", theme=theme, sort_order=1),
        theme=theme,
        nantes=nantes,
    )


def topic_with_posts(space, author, now, count=1, title="Un sujet", body="Premier message"):
    """A topic and `count` posts, written directly (no quota, no e-mail)."""
    topic = Topic.objects.create(space=space, title=title, author=author, created_at=now, last_activity_at=now)
    services.profile_of(author)
    Post.objects.bulk_create([Post(topic=topic, author=author, body=f"{body} {n}" if n else body,
                                   created_at=now + datetime.timedelta(seconds=n)) for n in range(count)])
    return topic
