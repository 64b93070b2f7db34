"""Admin validation: an invalid programme or date is refused with a French message and nothing is saved."""

import datetime

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from events.models import JourneeExpertPage, ProgrammeSession
from tests.events.factories import EventThemeFactory, RoomFactory, VenueFactory

pytestmark = pytest.mark.django_db


def session(day="2025-06-24", start="14:30", end="16:00", room="", title="Atelier", participants=()):
    return {"day": day, "start_time": start, "end_time": end, "kind": "atelier", "title": title, "room": room,
            "description": "", "participants": inline_formset(list(participants))}


def stop_data(sessions, start_date="2025-06-24", start_time="08:30", end_time="16:30", **extra):
    theme = EventThemeFactory()
    return nested_form_data({
        "title": "L'IA au service des territoires", "slug": "ia-tours", "intro": "", "discover": rich_text(""),
        "theme": theme.pk, "venue": extra.pop("venue", ""), "city": "Tours", "region": "cvl",
        "start_date": start_date, "start_time": start_time, "end_time": end_time, "status": "scheduled",
        "previous_start_date": "", "registration_url": "", "livestream_url": "", "replay_url": "",
        "organisations": inline_formset([]), "contacts": inline_formset([]), "sessions": inline_formset(sessions),
        "comments": inline_formset([]), "action-publish": "1", **extra,
    })


def add_url(tour):
    return reverse("wagtailadmin_pages:add", args=("events", "journeeexpertpage", tour.pk))


def test_valid_stop_with_parallel_workshops_is_saved(admin_client, tour):
    venue = VenueFactory()
    noire, nef = RoomFactory(venue=venue, name="Salle Noire"), RoomFactory(venue=venue, name="Salle Nef")
    response = admin_client.post(add_url(tour), stop_data(
        [session(room=noire.pk, title="A"), session(room=nef.pk, title="B")], venue=venue.pk))
    assert response.status_code == 302, response.context["form"].errors
    stop = JourneeExpertPage.objects.get(slug="ia-tours")
    assert stop.live and stop.end_date == datetime.date(2025, 6, 24)
    assert stop.sessions.count() == 2


def errors_of(response):
    form = response.context["form"]
    session_errors = [error for session_form in form.formsets["sessions"].forms
                      for errors in session_form.errors.values() for error in errors]
    return [*form.errors.get("__all__", []), *[e for k, v in form.errors.items() if k != "__all__" for e in v],
            *session_errors]


def test_overlapping_sessions_in_one_room_are_refused(admin_client, tour):
    venue = VenueFactory()
    room = RoomFactory(venue=venue, name="Salle Noire")
    response = admin_client.post(add_url(tour), stop_data(
        [session(room=room.pk, title="Atelier A"), session(start="15:00", end="15:30", room=room.pk, title="B")],
        venue=venue.pk))
    assert response.status_code == 200
    assert "Cette session chevauche « Atelier A » dans la même salle." in errors_of(response)
    assert not JourneeExpertPage.objects.filter(slug="ia-tours").exists()
    assert not ProgrammeSession.objects.exists()


def test_session_outside_the_event_and_ending_before_it_starts(admin_client, tour):
    response = admin_client.post(add_url(tour), stop_data(
        [session(day="2025-06-25"), session(start="16:00", end="15:00")]))
    errors = errors_of(response)
    assert any("en dehors des dates de l'événement" in error for error in errors)
    assert "La session se termine avant de commencer." in errors
    assert not JourneeExpertPage.objects.exists()


def test_event_end_before_start_is_refused(admin_client, tour):
    response = admin_client.post(add_url(tour), stop_data([], start_time="16:00", end_time="09:00"))
    assert "L'heure de fin doit suivre l'heure de début." in errors_of(response)
    assert not JourneeExpertPage.objects.exists()


def test_stop_outside_its_tour_season_is_refused(admin_client, tour):
    tour.season_start, tour.season_end = datetime.date(2024, 9, 1), datetime.date(2025, 9, 30)
    tour.save()
    response = admin_client.post(add_url(tour), stop_data([], start_date="2026-01-15"))
    assert any("en dehors de la saison de la tournée" in error for error in errors_of(response))
    assert not JourneeExpertPage.objects.exists()


def test_stop_cannot_be_added_outside_a_tour(admin_client, agenda):
    url = reverse("wagtailadmin_pages:add", args=("events", "journeeexpertpage", agenda.pk))
    response = admin_client.get(url)
    assert response.status_code in (302, 403)
    assert not JourneeExpertPage.objects.exists()


def test_admin_edit_views_render(admin_client, stop, agenda):
    from tests.events.factories import ProgrammeSessionFactory, SessionParticipantFactory

    SessionParticipantFactory(session=ProgrammeSessionFactory(page=stop))
    assert admin_client.get(reverse("wagtailadmin_pages:edit", args=(stop.pk,))).status_code == 200
    forum_add = reverse("wagtailadmin_pages:add", args=("events", "forumpage", agenda.pk))
    assert admin_client.get(forum_add).status_code == 200
    assert admin_client.get(reverse("wagtailsnippets_events_venue:edit", args=(stop.venue.pk,))).status_code == 200
    assert admin_client.get(reverse("wagtailsnippets_events_eventtheme:list")).status_code == 200


def test_session_kind_has_no_default_and_is_required(admin_client, tour):
    assert ProgrammeSession._meta.get_field("kind").has_default() is False
    data = stop_data([{**session(title="Accueil café"), "kind": ""}])
    response = admin_client.post(add_url(tour), data)
    assert response.status_code == 200
    assert "Choisissez le type de la session." in errors_of(response)
    assert not JourneeExpertPage.objects.exists()
    form = admin_client.get(add_url(tour)).context["form"]
    empty_session = form.formsets["sessions"].empty_form
    assert empty_session["kind"].value() in (None, "")
    assert list(empty_session.fields["kind"].choices)[0][0] == ""


def test_room_chooser_offers_only_the_rooms_of_the_event_venue(admin_client, stop):
    own = RoomFactory(venue=stop.venue, name="Salle Nef")
    other = RoomFactory(venue=VenueFactory(), name="Salle d'ailleurs")
    form = admin_client.get(reverse("wagtailadmin_pages:edit", args=(stop.pk,))).context["form"]
    rooms = form.formsets["sessions"].empty_form.fields["room"].queryset
    assert list(rooms) == [own]
    assert other not in rooms


def test_room_of_another_venue_is_refused_with_a_french_message(admin_client, tour):
    venue, elsewhere = VenueFactory(), VenueFactory()
    other = RoomFactory(venue=elsewhere, name="Salle d'ailleurs")
    response = admin_client.post(add_url(tour), stop_data([session(room=other.pk)], venue=venue.pk))
    assert response.status_code == 200
    assert "Choisissez une salle du lieu de l'événement." in errors_of(response)
    assert not JourneeExpertPage.objects.exists()


def test_an_event_without_venue_offers_no_room(admin_client, tour):
    RoomFactory(venue=VenueFactory(), name="Salle Noire")
    form = admin_client.get(add_url(tour)).context["form"]
    assert not form.formsets["sessions"].empty_form.fields["room"].queryset.exists()


def test_new_pages_get_ascii_slugs(tour):
    stop = JourneeExpertPage(title="IA frugale et territoires à Lyon", slug="", start_date=datetime.date(2026, 3, 5))
    tour.add_child(instance=stop)
    assert stop.slug == "ia-frugale-et-territoires-a-lyon"
    assert stop.url.endswith("/ia-frugale-et-territoires-a-lyon/")
