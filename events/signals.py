"""Calendar bookkeeping on publication: SEQUENCE moves when the times change, the programme date when it changes."""

from wagtail.signals import page_published

from interconnectes import clock


def connect():
    page_published.connect(update_calendar_state, dispatch_uid="events-calendar-state")


def update_calendar_state(sender, instance, revision=None, **kwargs):
    from events.models import EventCalendarState, EventPage

    if not isinstance(instance, EventPage):
        return
    sessions = list(instance.sessions.all())
    times = instance.times_signature(sessions)
    programme = instance.programme_signature(sessions)
    state, created = EventCalendarState.objects.get_or_create(
        page_id=instance.pk, defaults={
            "times_signature": times, "programme_signature": programme,
            "session_sequences": {str(s.ical_uid): [0, instance.session_times_signature(s)] for s in sessions},
        },
    )
    if created:
        return
    changed = []
    if state.times_signature != times:
        state.sequence += 1
        state.times_signature = times
        changed += ["sequence", "times_signature"]
    if state.programme_signature != programme:
        if state.programme_signature:
            state.programme_updated_at = clock.now()
            changed.append("programme_updated_at")
        state.programme_signature = programme
        changed.append("programme_signature")
    session_sequences = dict(state.session_sequences)
    for session in sessions:
        signature = instance.session_times_signature(session)
        recorded = session_sequences.get(str(session.ical_uid))
        if recorded is None:  # recorded for the first time: start from the event's SEQUENCE, never below it
            session_sequences[str(session.ical_uid)] = [state.sequence, signature]
        elif recorded[1] != signature:
            session_sequences[str(session.ical_uid)] = [recorded[0] + 1, signature]
    if session_sequences != state.session_sequences:
        state.session_sequences = session_sequences
        changed.append("session_sequences")
    if changed:
        state.save(update_fields=changed)
