"""Enrolment: member agents in a theme or a whole edition, référents for their agents, everyone else refused with
a French explanation or the login page; twice makes one; unenrolment; the visio link on the theme's page."""

import datetime
import html

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from accounts.models import MembershipStatus
from interconnectes.refusals import Refused
from territoirprod import services
from territoirprod.models import Enrolment
from tests.accounts.factories import member, organisation
from tests.labels.factories import UserFactory, paris
from tests.territoirprod.factories import SequenceFactory

pytestmark = pytest.mark.django_db

ENROL = reverse("territoirprod:enrol")


def text(response) -> str:
    return html.unescape(response.content.decode())


def post_enrol(client, edition, theme=None, person=None):
    data = {"edition": edition.pk, "next": theme.url if theme else edition.url}
    if theme is not None:
        data["theme"] = theme.pk
    if person is not None:
        data["person"] = person.pk
    return client.post(ENROL, data)


def test_a_member_agent_enrols_in_a_theme(client, clock, edition, theme, agent):
    client.force_login(agent)
    response = post_enrol(client, edition, theme)
    assert response.status_code == 302 and response["Location"] == theme.url
    enrolment = Enrolment.objects.get(user=agent)
    assert (enrolment.theme_id, enrolment.edition_id, enrolment.enrolled_by, enrolment.created_at) == (
        theme.pk, edition.pk, agent, clock())
    assert "Vous êtes inscrit·e au thème" in text(client.get(theme.url))


def test_a_member_agent_enrols_in_the_whole_edition(client, clock, edition, theme, agent):
    client.force_login(agent)
    post_enrol(client, edition)
    enrolment = Enrolment.objects.get(user=agent)
    assert enrolment.theme is None and enrolment.edition_id == edition.pk
    assert "Vous êtes inscrit·e à toute l’édition." in text(client.get(theme.url))


def test_an_anonymous_visitor_is_sent_to_the_login_page(client, edition, theme):
    response = post_enrol(client, edition, theme)
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))
    page = text(client.get(theme.url))
    assert "Connectez-vous pour vous inscrire" in page and "csrfmiddlewaretoken" not in page


@pytest.mark.parametrize("situation", ["unverified", "revoked", "non_member", "no_organisation"])
def test_others_are_told_in_french_why_they_cannot_enrol(client, clock, edition, theme, nantes, situation):
    person = UserFactory()
    if situation in ("unverified", "revoked"):
        member(person, nantes, status=MembershipStatus.PENDING if situation == "unverified"
               else MembershipStatus.REVOKED)
    elif situation == "non_member":
        member(person, organisation("Commune de Trégunc", kind="commune"))
    client.force_login(person)
    response = post_enrol(client, edition, theme)
    assert response.status_code == 403
    assert "réservée aux agents vérifiés d'une collectivité adhérente" in text(response)
    assert not Enrolment.objects.exists()
    assert "Faire vérifier mon rattachement" in text(client.get(theme.url))


def test_a_referent_enrols_an_agent_of_their_collectivite(client, clock, edition, theme, referent, agent):
    client.force_login(referent)
    assert "Inscrire les agents de ma collectivité" in text(client.get(theme.url))
    agents_url = reverse("territoirprod:enrol_agents") + f"?theme={theme.pk}"
    page = text(client.get(agents_url))
    assert "Camille Durand" in page and "Inscrit·e" not in page
    response = post_enrol(client, edition, theme, person=agent)
    assert response.status_code == 302
    enrolment = Enrolment.objects.get(user=agent)
    assert enrolment.enrolled_by == referent
    assert "Inscrit·e" in text(client.get(agents_url))
    client.post(reverse("territoirprod:unenrol", args=[enrolment.pk]))  # the référent unenrols them too
    enrolment.refresh_from_db()
    assert enrolment.cancelled_at == clock()


def test_only_referents_see_the_list_of_agents(client, clock, edition, theme, agent):
    client.force_login(agent)
    assert "Inscrire les agents" not in text(client.get(theme.url))
    response = client.get(reverse("territoirprod:enrol_agents") + f"?theme={theme.pk}")
    assert response.status_code == 403 and "référent·e vérifié·e" in text(response)


def test_a_referent_cannot_enrol_someone_outside_their_collectivite(client, clock, edition, theme, referent):
    stranger = UserFactory()
    member(stranger, organisation("Métropole de Lyon", member_year=2026))
    client.force_login(referent)
    response = post_enrol(client, edition, theme, person=stranger)
    assert response.status_code == 403 and "référent·e" in text(response)
    assert not Enrolment.objects.exists()


def test_an_agent_cannot_enrol_a_colleague(client, clock, edition, theme, agent, nantes):
    colleague = UserFactory()
    member(colleague, nantes)
    client.force_login(agent)
    assert post_enrol(client, edition, theme, person=colleague).status_code == 403


def test_enrolling_twice_makes_one_enrolment(clock, edition, theme, agent):
    first = services.enrol(agent, edition, theme, by=agent, now=clock())
    second = services.enrol(agent, edition, theme, by=agent, now=clock())
    assert first == second and Enrolment.objects.count() == 1


def test_the_database_refuses_a_second_active_enrolment(clock, edition, theme, agent):
    """What decides between two requests at the same instant, when both passed the look-up."""
    Enrolment.objects.create(user=agent, edition=edition, theme=theme, created_at=clock())
    with pytest.raises(IntegrityError), transaction.atomic():
        Enrolment.objects.create(user=agent, edition=edition, theme=theme, created_at=clock())
    Enrolment.objects.create(user=agent, edition=edition, theme=None, created_at=clock())  # the edition: another
    with pytest.raises(IntegrityError), transaction.atomic():
        Enrolment.objects.create(user=agent, edition=edition, theme=None, created_at=clock())


def test_a_theme_of_another_edition_is_refused(client, clock, programme, edition, theme, agent):
    from tests.territoirprod.factories import EditionPageFactory

    other = EditionPageFactory(parent=programme, title="Édition 2027", label="2027")
    client.force_login(agent)
    assert post_enrol(client, other, theme).status_code == 400
    assert not Enrolment.objects.exists()


def test_unenrolment_at_any_time_and_enrolling_again(client, clock, edition, theme, agent):
    enrolment = services.enrol(agent, edition, theme, by=agent, now=clock())
    client.force_login(agent)
    response = client.post(reverse("territoirprod:unenrol", args=[enrolment.pk]), {"next": theme.url})
    assert response.status_code == 302
    enrolment.refresh_from_db()
    assert enrolment.cancelled_at == clock()
    assert services.enrol(agent, edition, theme, by=agent, now=clock()).pk != enrolment.pk  # a new one


def test_nobody_else_cancels_an_enrolment(client, clock, edition, theme, agent):
    enrolment = services.enrol(agent, edition, theme, by=agent, now=clock())
    client.force_login(UserFactory())
    assert client.post(reverse("territoirprod:unenrol", args=[enrolment.pk])).status_code == 404
    with pytest.raises(Refused):
        services.unenrol(UserFactory(), enrolment.pk, clock())
    enrolment.refresh_from_db()
    assert enrolment.cancelled_at is None


def test_the_visio_link_shows_to_the_enrolled_from_the_day_before(client, clock, edition, theme, agent):
    SequenceFactory(theme=theme, starts_at=paris(2026, 3, 10, 10, 0), ends_at=paris(2026, 3, 10, 12, 0),
                    visio_url="https://visio.example.org/salle-secrete")
    client.force_login(agent)
    clock.set(2026, 3, 8, 18, 0)
    assert "salle-secrete" not in text(client.get(theme.url))  # enrolled or not: two days before
    services.enrol(agent, edition, theme, by=agent, now=clock())
    assert "salle-secrete" not in text(client.get(theme.url))
    clock.set(2026, 3, 9, 0, 5)
    assert "salle-secrete" in text(client.get(theme.url))
    clock.set(2026, 3, 10, 12, 1)
    assert "salle-secrete" not in text(client.get(theme.url))  # over


def test_the_visio_link_never_shows_to_the_others(client, clock, edition, theme, nantes):
    SequenceFactory(theme=theme, starts_at=paris(2026, 3, 1, 14, 0), ends_at=paris(2026, 3, 1, 16, 0),
                    visio_url="https://visio.example.org/salle-secrete")
    assert "salle-secrete" not in text(client.get(theme.url))
    colleague = UserFactory()
    member(colleague, nantes)
    client.force_login(colleague)  # a member agent, not enrolled
    assert "salle-secrete" not in text(client.get(theme.url))
    assert "salle-secrete" not in text(client.get(theme.url + "ical/"))


def test_a_revoked_agent_no_longer_sees_the_link(client, clock, edition, theme, agent):
    SequenceFactory(theme=theme, starts_at=paris(2026, 3, 1, 14, 0), ends_at=paris(2026, 3, 1, 16, 0),
                    visio_url="https://visio.example.org/salle-secrete")
    services.enrol(agent, edition, theme, by=agent, now=clock())
    client.force_login(agent)
    assert "salle-secrete" in text(client.get(theme.url))
    agent.memberships.update(status=MembershipStatus.REVOKED)
    assert "salle-secrete" not in text(client.get(theme.url))


def test_my_space_lists_enrolments_and_next_sequences(client, clock, edition, theme, agent):
    SequenceFactory(theme=theme, title="Cartographier ses usages", starts_at=paris(2026, 3, 10, 10, 0),
                    ends_at=paris(2026, 3, 10, 12, 0))
    SequenceFactory(theme=theme, title="Séquence passée", starts_at=paris(2026, 1, 10, 10, 0),
                    ends_at=paris(2026, 1, 10, 12, 0))
    services.enrol(agent, edition, theme, by=agent, now=clock() - datetime.timedelta(days=1))
    client.force_login(agent)
    page = text(client.get(reverse("accounts:space")))
    assert "Territoir'Prod" in page and "Cartographier ses usages" in page and "Séquence passée" not in page
