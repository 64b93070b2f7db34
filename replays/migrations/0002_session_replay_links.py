"""Each event session's former "lien du replay" becomes a Replay pointing to that link, attached to the session,
public (an event's replays are), and shown once staff add its captions and the speakers' consent."""

from urllib.parse import urlsplit

from django.db import migrations
from django.utils.text import slugify


def unique_slug(Replay, title, session_id):
    base = (slugify(title)[:100] or "replay").strip("-")
    slug = f"{base}-{session_id}"
    while Replay.objects.filter(slug=slug).exists():
        slug = f"{slug}-{session_id}"
    return slug


def links_to_replays(apps, schema_editor):
    ProgrammeSession = apps.get_model("events", "ProgrammeSession")
    SessionParticipant = apps.get_model("events", "SessionParticipant")
    Replay = apps.get_model("replays", "Replay")
    for session in ProgrammeSession.objects.exclude(replay_url="").order_by("pk"):
        speakers = [", ".join(part for part in (participant.person.name, participant.title_then,
                                                  participant.organisation_then) if part)
                    for participant in SessionParticipant.objects.filter(session=session).select_related("person")
                    .order_by("sort_order")]
        Replay.objects.create(
            title=session.title, slug=unique_slug(Replay, session.title, session.pk), recorded_on=session.day,
            description=session.description, speakers="\n".join(speakers), session=session, link=session.replay_url,
            host=urlsplit(session.replay_url).hostname or session.replay_url[:120], visibility="public")


def replays_to_links(apps, schema_editor):
    Replay = apps.get_model("replays", "Replay")
    for replay in Replay.objects.filter(session__isnull=False).exclude(link="").select_related("session"):
        session = replay.session
        if not session.replay_url:
            session.replay_url = replay.link
            session.save(update_fields=["replay_url"])


class Migration(migrations.Migration):
    dependencies = [
        ("replays", "0001_initial"),
        ("events", "0005_session_kind_without_default"),
    ]

    operations = [migrations.RunPython(links_to_replays, replays_to_links)]
