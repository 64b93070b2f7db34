"""The finalists' pitches: given by the applicant (upload or link, WebVTT captions, consent), checked by content,
kept on bad input, watched by the jurors given the file beside their sheet, public on a laureate's page with consent.
"""

from dataclasses import dataclass

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from interconnectes.privatefiles import video
from interconnectes.privatefiles.synthetic import make_video
from jury import pitch_urls
from jury.models import Assignment, Pitch
from jury.permissions import finalist_round
from jury.services import conflicts
from jury.services.pitches import write_pitch
from labels.models import ApplicationStatus, ResultsPublication
from tests.jury.factories import JuryMemberFactory, JuryRoundFactory
from tests.labels.factories import SubmittedApplicationFactory, UserFactory, paris
from tests.queries import page_queries, within_budget

pytestmark = pytest.mark.django_db

DURING_FINAL = paris(2026, 5, 10, 12, 0)
VTT = b"WEBVTT\n\n00:00.000 --> 00:02.000\nBonjour, nous sommes la ville de Plouha.\n"


@dataclass
class Final:
    round: object
    finalist: object  # owned by `applicant`
    preselected_only: object  # in round 1, not shortlisted
    assigned: object  # juror given the finalist in the final, declared no conflict
    unassigned: object  # juror of the same jury, not given it
    conflicted: object  # given it, declared a conflict
    other_applicant: object


@pytest.fixture
def final(campaign, criteria, applicant, clock):
    clock.set(DURING_FINAL)
    JuryRoundFactory(campaign=campaign)
    final_round = JuryRoundFactory(campaign=campaign, number=2, opens_at=paris(2026, 5, 5, 9, 0),
                                   closes_at=paris(2026, 5, 20, 23, 59), deliberation_opens_at=paris(2026, 5, 25, 9, 0))
    finalist = SubmittedApplicationFactory(campaign=campaign, owner=applicant, title="Cantines sans gaspillage",
                                           org_name="Ville de Plouha")
    preselected_only = SubmittedApplicationFactory(campaign=campaign, owner=applicant)
    final_round.shortlist.add(finalist)
    assigned, unassigned, conflicted = (JuryMemberFactory(campaign=campaign) for _ in range(3))
    for juror, has_conflict in ((assigned, False), (conflicted, True)):
        Assignment.objects.create(round=final_round, juror=juror, application=finalist)
        conflicts.declare(juror, finalist, has_conflict=has_conflict, reason="Ancien employeur" if has_conflict else "",
                          by=juror.user, jury_round=final_round, now=DURING_FINAL)
    return Final(final_round, finalist, preselected_only, assigned, unassigned, conflicted, UserFactory())


def video_upload(seconds=4, fmt="webm", name="pitch.webm"):
    return SimpleUploadedFile(name, make_video(seconds, fmt, text="Pitch"))


def captions(data=VTT):
    return SimpleUploadedFile("pitch.vtt", data)


def post_pitch(client, application, **data):
    return client.post(reverse("pitch:edit", args=[application.pk]), data)


@pytest.fixture
def owner_client(client, applicant):
    client.force_login(applicant)
    return client


def test_the_finalist_round_is_the_campaign_s_last_round_holding_the_file(final):
    assert finalist_round(final.finalist) == final.round
    assert finalist_round(final.preselected_only) is None


def test_a_finalist_uploads_a_video_and_captions_stored_privately(owner_client, final, settings):
    response = post_pitch(owner_client, final.finalist, video=video_upload(), captions=captions(), public_consent="on")
    assert response.status_code == 302
    pitch = Pitch.objects.get(application=final.finalist)
    assert (pitch.video_content_type, pitch.duration_seconds, pitch.public_consent) == ("video/webm", 4, True)
    assert pitch.video.path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    page = owner_client.get(reverse("pitch:edit", args=[final.finalist.pk])).content.decode()
    assert f'<source src="/pitchs/{pitch.pk}/video/" type="video/webm">' in page
    assert f'<track kind="captions" src="/pitchs/{pitch.pk}/sous-titres.vtt" srclang="fr"' in page
    assert "Pitch enregistré." in page


def test_a_link_to_a_video_must_name_its_host(owner_client, final):
    response = post_pitch(owner_client, final.finalist, link="https://video.plouha.fr/w/pitch", captions=captions())
    assert response.status_code == 200
    assert "Indiquez le site qui héberge la vidéo." in response.content.decode()
    assert not Pitch.objects.exists()
    post_pitch(owner_client, final.finalist, link="https://video.plouha.fr/w/pitch", host="PeerTube de Plouha",
               captions=captions())
    pitch = Pitch.objects.get()
    assert (pitch.link, pitch.host, bool(pitch.video)) == ("https://video.plouha.fr/w/pitch", "PeerTube de Plouha",
                                                           False)
    page = owner_client.get(reverse("pitch:edit", args=[final.finalist.pk])).content.decode()
    assert "Voir la vidéo sur PeerTube de Plouha" in page and "<iframe" not in page


@pytest.mark.parametrize(("data", "field", "message"), [
    (lambda: {"video": SimpleUploadedFile("pitch.mp4", b"%PDF-1.4\n%%EOF\n"), "captions": captions()},
     "video", "n&#x27;est pas une vidéo MP4 ou WebM lisible"),
    (lambda: {"video": SimpleUploadedFile("pitch.mp4", make_video(660, "mp4", frame_every=60)),
              "captions": captions()}, "video", "dure 11 min 00 s : 10 minutes au plus"),
    (lambda: {"video": video_upload(), "captions": captions(b"1\n00:00:00,000 --> 00:00:02,000\nSRT\n")},
     "captions", "il doit commencer par « WEBVTT »"),
    (lambda: {"video": video_upload(), "link": "https://vimeo.com/1", "host": "Vimeo", "captions": captions()},
     "link", "Donnez soit une vidéo, soit un lien, pas les deux."),
    (lambda: {"link": "http://video.plouha.fr/w/pitch", "host": "PeerTube"}, "link", "commençant par https://"),
    (lambda: {"link": "javascript:alert(1)", "host": "PeerTube"}, "link", "Saisissez une URL valide."),
])
def test_bad_input_is_refused_next_to_its_field_and_the_previous_pitch_is_kept(owner_client, final, data, field,
                                                                               message):
    post_pitch(owner_client, final.finalist, video=video_upload(), captions=captions(), public_consent="on")
    before = Pitch.objects.values().get()
    response = post_pitch(owner_client, final.finalist, **data())
    assert response.status_code == 200
    page = response.content.decode()
    error = page.index(f'id="id_{field}_error"')
    assert message in page[error:error + 400]
    assert Pitch.objects.values().get() == before
    pitch = Pitch.objects.get()
    assert pitch.video.storage.exists(pitch.video.name) and pitch.captions.storage.exists(pitch.captions.name)


def test_the_first_pitch_needs_captions_and_a_video(owner_client, final):
    response = post_pitch(owner_client, final.finalist)
    page = response.content.decode()
    assert "Déposez la vidéo du pitch, ou indiquez un lien vers elle." in page
    assert "Joignez les sous-titres ou la transcription du pitch (fichier WebVTT)." in page
    assert not Pitch.objects.exists()


def test_a_new_video_replaces_the_old_one_whose_file_is_deleted(owner_client, final,
                                                                django_capture_on_commit_callbacks):
    post_pitch(owner_client, final.finalist, video=video_upload(), captions=captions())
    old = Pitch.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        post_pitch(owner_client, final.finalist, video=video_upload(6, "mp4", "nouveau.mp4"))
    pitch = Pitch.objects.get()
    assert (pitch.video_content_type, pitch.duration_seconds) == ("video/mp4", 6)
    assert pitch.captions.name == old.captions.name  # kept: no new captions were given
    assert not old.video.storage.exists(old.video.name)


def test_only_a_finalist_gives_a_pitch_and_only_until_the_final_closes(owner_client, final, clock):
    assert owner_client.get(reverse("pitch:edit", args=[final.preselected_only.pk])).status_code == 404
    clock.set(paris(2026, 5, 21, 9, 0))
    response = post_pitch(owner_client, final.finalist, video=video_upload(), captions=captions())
    assert "Le tour final est clos : le pitch ne peut plus être modifié." in response.content.decode()
    assert not Pitch.objects.exists()


def test_the_dashboard_offers_the_pitch_page_to_a_finalist_only(owner_client, final):
    page = owner_client.get(reverse("labels:dashboard")).content.decode()
    assert page.count("Mon pitch pour la finale") == 1
    assert reverse("pitch:edit", args=[final.finalist.pk]) in page


@pytest.fixture
def pitch(owner_client, final):
    post_pitch(owner_client, final.finalist, video=video_upload(), captions=captions())
    owner_client.logout()
    return Pitch.objects.get()


def test_every_pitch_url_is_in_the_matrix():
    assert {pattern.name for pattern in pitch_urls.urlpatterns} == {"edit", "video", "captions"}


ROLES = ("anonymous", "applicant", "other_applicant", "assigned_juror", "unassigned_juror", "conflicted_juror",
         "staff")
WATCHERS = {"applicant", "assigned_juror", "staff"}


def login(client, role, final, applicant, staff):
    users = {"applicant": applicant, "other_applicant": final.other_applicant, "assigned_juror": final.assigned.user,
             "unassigned_juror": final.unassigned.user, "conflicted_juror": final.conflicted.user, "staff": staff}
    if role != "anonymous":
        client.force_login(users[role])


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", ["pitch:video", "pitch:captions"])
def test_who_may_play_a_pitch_before_it_is_public(client, final, pitch, applicant, staff, role, name):
    login(client, role, final, applicant, staff)
    response = client.get(reverse(name, args=[pitch.pk]))
    assert response.status_code == (200 if role in WATCHERS else 404)
    if response.status_code == 200:
        assert response["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize("role", ROLES)
def test_who_may_open_the_pitch_form(client, final, applicant, staff, role):
    login(client, role, final, applicant, staff)
    response = client.get(reverse("pitch:edit", args=[final.finalist.pk]))
    expected = {"anonymous": 302, "applicant": 200}.get(role, 404)
    assert response.status_code == expected


def test_the_video_answers_range_requests(client, pitch, staff):
    client.force_login(staff)
    url = reverse("pitch:video", args=[pitch.pk])
    part = client.get(url, headers={"Range": "bytes=0-99"})
    assert part.status_code == 206 and part["Content-Range"] == f"bytes 0-99/{pitch.video.size}"
    assert part["Content-Type"] == "video/webm" and not part["Content-Disposition"].startswith("attachment")
    assert client.get(url, headers={"Range": f"bytes={pitch.video.size}-"}).status_code == 416


def test_the_assigned_juror_watches_the_pitch_beside_the_score_sheet(client, final, pitch):
    client.force_login(final.assigned.user)
    page = client.get(reverse("jury:sheet", args=[final.round.pk, final.finalist.pk])).content.decode()
    assert page.index('<video class="pitch-video"') < page.index('id="notation-title"')
    assert f'src="/pitchs/{pitch.pk}/sous-titres.vtt"' in page and 'kind="captions"' in page


@pytest.fixture
def published(final, pitch, campaign):
    final.finalist.status = ApplicationStatus.LAUREATE
    final.finalist.published_citation = "Un projet sobre."
    final.finalist.published_org_name = final.finalist.org_name  # the public record publication copies
    final.finalist.save()
    ResultsPublication.objects.create(campaign=campaign, published_at=paris(2026, 6, 1, 10, 0))
    return final.finalist


def laureate_url(campaign, application):
    return campaign.url + campaign.reverse_subpage("laureate", args=[application.pk])


def test_a_laureate_s_pitch_is_public_on_its_page_with_consent_only(client, campaign, published, pitch, clock):
    clock.set(paris(2026, 6, 2, 10, 0))
    url = laureate_url(campaign, published)
    page = client.get(url).content.decode()
    assert "Ville de Plouha" in page and "Un projet sobre." in page and "<video" not in page
    assert client.get(reverse("pitch:video", args=[pitch.pk])).status_code == 404
    Pitch.objects.filter(pk=pitch.pk).update(public_consent=True)
    page = client.get(url).content.decode()
    assert f'<source src="/pitchs/{pitch.pk}/video/"' in page and 'kind="captions"' in page
    assert client.get(reverse("pitch:video", args=[pitch.pk])).status_code == 200
    assert client.get(reverse("pitch:captions", args=[pitch.pk])).status_code == 200
    assert laureate_url(campaign, published) in client.get(campaign.url).content.decode()
    archive = campaign.get_parent().url + "laureats/"
    assert laureate_url(campaign, published) in client.get(archive).content.decode()


def test_no_laureate_page_before_publication_nor_for_a_file_not_distinguished(client, campaign, final, pitch, clock):
    Pitch.objects.filter(pk=pitch.pk).update(public_consent=True)
    final.finalist.status = ApplicationStatus.LAUREATE
    final.finalist.save()
    assert client.get(laureate_url(campaign, final.finalist)).status_code == 404
    assert client.get(reverse("pitch:video", args=[pitch.pk])).status_code == 404
    ResultsPublication.objects.create(campaign=campaign, published_at=paris(2026, 5, 1, 10, 0))
    assert client.get(laureate_url(campaign, final.preselected_only)).status_code == 404


def test_a_laureate_s_page_keeps_within_the_budget_whatever_the_number_of_laureates(reader_client, campaign, final,
                                                                                    clock):
    """One laureate with its pitch, then eleven more: the same queries, cold and warm, for each reader."""
    ResultsPublication.objects.create(campaign=campaign, published_at=paris(2026, 6, 1, 10, 0))
    clock.set(paris(2026, 6, 2, 10, 0))

    def laureate_with_pitch(application):
        application.status = ApplicationStatus.LAUREATE
        application.save()
        upload = SimpleUploadedFile("p.webm", make_video(2, "webm"))
        facts = video.validate_upload(upload, max_bytes=10**6, max_seconds=600)
        write_pitch(application, None, DURING_FINAL, video=upload, video_facts=facts, captions=captions(),
                    public_consent=True)
        return application

    first = laureate_with_pitch(final.finalist)
    reader_client.get(laureate_url(campaign, first))  # the process's own caches (content types) filled once
    small = page_queries(reader_client, laureate_url(campaign, first))
    for _ in range(11):
        laureate_with_pitch(SubmittedApplicationFactory(campaign=campaign))
    large = page_queries(reader_client, laureate_url(campaign, first))
    assert small == large and within_budget(small), (small, large)
    assert '<video class="pitch-video"' in reader_client.get(laureate_url(campaign, first)).content.decode()


def test_the_pitch_form_keeps_within_the_budget(client, applicant, final, pitch):
    client.force_login(applicant)
    assert within_budget(page_queries(client, reverse("pitch:edit", args=[final.finalist.pk])))
