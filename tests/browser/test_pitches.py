"""Pitches and the jury's screens in a real browser: a juror scores a final file while its pitch plays beside the
sheet, a visitor watches a laureate's pitch on its public page, and the ranking's charts keep every text in its own
place at 320 and 1280 pixels. axe-core runs on each page."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from interconnectes import clock as site_clock
from interconnectes.privatefiles import video
from interconnectes.privatefiles.synthetic import make_video
from jury.models import Assignment, RoundCriterion, Score
from jury.services.pitches import save_pitch
from labels.models import ApplicationStatus, EvaluationCriterion, ResultsPublication
from tests.browser.journeys import follow
from tests.browser.test_jury import log_in
from tests.jury.factories import JuryMemberFactory, JuryRoundFactory, build_scored_round
from tests.labels.factories import (
    LabelCampaignPageFactory,
    LabelIndexPageFactory,
    SubmittedApplicationFactory,
    UserFactory,
    paris,
    user_with_permissions,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True),
              pytest.mark.usefixtures("wagtail_base", "leave_media")]

DURING_FINAL = paris(2026, 5, 10, 12, 0)
VTT = b"WEBVTT\n\n00:00.000 --> 00:03.000\nBonjour, voici la Ville de Plouha.\n"


class Clock:
    def __init__(self, now):
        self.now = now

    def __call__(self):
        return self.now


@pytest.fixture
def final(home, monkeypatch):
    """A campaign in its final round: a finalist with a pitch, a juror given it in the final."""
    clock = Clock(DURING_FINAL)
    monkeypatch.setattr(site_clock, "now", clock)
    index = LabelIndexPageFactory(parent=home)
    campaign = LabelCampaignPageFactory(parent=index, title="Territoire innovant 2026")
    EvaluationCriterion.objects.filter(page=campaign, name="Impact").update(
        rubric_bottom="Aucun effet mesurable", rubric_top="Effet reproduit ailleurs")
    JuryRoundFactory(campaign=campaign)
    final_round = JuryRoundFactory(campaign=campaign, number=2, name="Finale", opens_at=paris(2026, 5, 5, 9, 0),
                                   closes_at=paris(2026, 5, 20, 23, 59), deliberation_opens_at=paris(2026, 5, 25))
    owner = UserFactory(email="plouha@example.org")
    finalist = SubmittedApplicationFactory(campaign=campaign, owner=owner, org_name="Ville de Plouha",
                                           title="Cantines sans gaspillage")
    final_round.shortlist.add(finalist)
    content = make_video(3, "webm", text="Plouha")
    upload = SimpleUploadedFile("pitch.webm", content)
    facts = video.validate_upload(upload, max_bytes=10**6, max_seconds=600)
    pitch = save_pitch(finalist.pk, owner, DURING_FINAL, video=upload, video_facts=facts,
                       captions=SimpleUploadedFile("pitch.vtt", VTT), public_consent=True)
    juror = JuryMemberFactory(campaign=campaign, user=UserFactory(email="jure@example.org"))
    Assignment.objects.create(round=final_round, juror=juror, application=finalist)
    return {"clock": clock, "campaign": campaign, "round": final_round, "finalist": finalist, "pitch": pitch,
            "juror": juror}


@pytest.fixture
def leave_media(page):
    """A video keeps its connection to the live server open; leaving the page closes it before the server stops."""
    yield
    page.goto("about:blank")


def wait_for_pitch(page):
    """The site's player has read the video's metadata and its WebVTT track's cues from our own server."""
    page.wait_for_function("() => { const v = document.querySelector('video.pitch-video');"
                           " return v && v.readyState >= 1 && v.textTracks.length === 1"
                           " && v.textTracks[0].cues && v.textTracks[0].cues.length === 1; }", timeout=10_000)
    return page.evaluate("() => { const v = document.querySelector('video.pitch-video');"
                         " return [v.duration, v.textTracks[0].kind, v.textTracks[0].cues[0].text]; }")


def test_a_juror_scores_a_final_file_while_watching_its_pitch(page, live_server, final, assert_accessible):
    base = live_server.url
    page.goto(base + reverse("jury:round", args=[final["round"].pk]))
    log_in(page, "jure@example.org")
    assert_accessible(page)
    follow(page, page.get_by_role("link", name=final["finalist"].reference))
    page.get_by_label("Je déclare n'avoir aucun conflit d'intérêts avec cette candidature.").check()
    follow(page, page.get_by_role("button", name="Enregistrer ma déclaration"))

    duration, kind, cue = wait_for_pitch(page)
    assert round(duration) == 3 and kind == "captions" and cue == "Bonjour, voici la Ville de Plouha."
    player = page.locator("video.pitch-video").bounding_box()
    form = page.locator("form.jury-form").bounding_box()
    assert player["x"] + player["width"] <= form["x"]  # side by side on a wide screen
    assert page.get_by_text("Aucun effet mesurable").is_visible()  # the rubric beside the field
    assert_accessible(page)
    page.evaluate("() => document.querySelector('video.pitch-video').play()")
    page.wait_for_function("() => document.querySelector('video.pitch-video').currentTime > 0.5", timeout=10_000)
    for criterion, value in (("Impact", "8"),):
        page.locator(f"[name=score_{RoundCriterion.objects.get(name=criterion).pk}]").fill(value)
    follow(page, page.get_by_role("button", name="Enregistrer mes notes"))
    assert page.get_by_text("Dernier enregistrement le").is_visible()
    assert Score.objects.get(application=final["finalist"]).value == 8
    follow(page, page.get_by_role("link", name="Retour à mes dossiers"))
    assert page.get_by_role("cell", name="80,0").is_visible()  # the juror's own total on 100
    assert_accessible(page)


def test_a_visitor_watches_a_laureate_s_pitch_on_its_public_page(page, live_server, final, assert_accessible):
    finalist = final["finalist"]
    finalist.status, finalist.published_citation = ApplicationStatus.LAUREATE, "Une cantine sobre et juste."
    finalist.published_org_name = finalist.org_name  # the public record publication copies
    finalist.save()
    ResultsPublication.objects.create(campaign=final["campaign"], published_at=paris(2026, 6, 1, 10, 0))
    final["clock"].now = paris(2026, 6, 2, 10, 0)
    page.goto(live_server.url + final["campaign"].url)
    follow(page, page.get_by_role("link", name="Ville de Plouha"))
    assert page.locator("h1").inner_text() == "Ville de Plouha"
    duration, kind, cue = wait_for_pitch(page)
    assert round(duration) == 3 and kind == "captions" and cue.startswith("Bonjour")
    assert page.get_by_text("Une cantine sobre et juste.").is_visible()
    assert page.locator("iframe").count() == 0
    assert_accessible(page)


BOXES = """() => [...document.querySelectorAll('svg.chart')].map(svg => {
  const frame = svg.getBoundingClientRect();
  return {frame: [frame.left, frame.top, frame.right, frame.bottom],
          texts: [...svg.querySelectorAll('text')].filter(t => t.textContent.trim()).map(t => {
            const b = t.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom, t.textContent]; })};
})"""


def overlap(a, b):
    return a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5 and a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5


@pytest.fixture
def ranked(home, monkeypatch):
    """Round 1 closed with five jurors of long names, scored unevenly on two criteria."""
    monkeypatch.setattr(site_clock, "now", Clock(paris(2026, 5, 2, 12, 0)))
    index = LabelIndexPageFactory(parent=home)
    campaign = LabelCampaignPageFactory(parent=index, title="Territoire innovant 2026")
    criteria = [campaign.criteria.get(name="Impact"), EvaluationCriterion.objects.create(
        page=campaign, name="Attention portée aux usagers et aux agents, de la conception au bilan", weight=1,
        max_score=5)]
    jury_round = JuryRoundFactory(campaign=campaign)
    names = [("Odile", "Kerbrat"), ("Yves", "Le Goff"), ("Marie-Christine", "de La Villemarqué-Guillou"),
             ("Anne", "Ho"), ("Jean", "Dupont")]
    jurors = [JuryMemberFactory(campaign=campaign, user=UserFactory(first_name=first, last_name=last))
              for first, last in names]
    build_scored_round(jury_round, jurors, criteria, campaign, 8)
    Score.objects.filter(juror=jurors[0]).update(value=0)  # one very severe juror
    user_with_permissions("wagtailadmin.access_admin", "labels.review_application", email="equipe@example.org")
    return jury_round


@pytest.mark.parametrize("width", [320, 1280])
def test_the_ranking_s_charts_keep_every_text_in_its_place(page, live_server, ranked, assert_accessible, width,
                                                           tmp_path):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + reverse("jury:ranking", args=[ranked.pk]) + "?vue=jures")
    log_in(page, "equipe@example.org")
    page.screenshot(path=str(tmp_path / f"charts-{width}.png"), full_page=True)
    charts = page.evaluate(BOXES)
    assert len(charts) == 4  # one histogram per criterion, the leniency and the fitted bias charts
    for chart in charts:
        frame = chart["frame"]
        for box in chart["texts"]:
            assert frame[0] - 0.5 <= box[0] and box[2] <= frame[2] + 0.5, f"{box[4]!r} dépasse à {width} px"
            assert frame[1] - 0.5 <= box[1] and box[3] <= frame[3] + 0.5, f"{box[4]!r} dépasse à {width} px"
        for index, first in enumerate(chart["texts"]):
            for second in chart["texts"][index + 1:]:
                assert not overlap(first, second), f"{first[4]!r} chevauche {second[4]!r} à {width} px"
    content = page.content()
    assert "Attention portée aux usagers" in content and "Impact" in content
    assert "Odile Kerbrat" in content and "." not in "".join(text[4] for text in charts[0]["texts"])
    assert_accessible(page)


def test_a_finalist_gives_its_pitch_and_a_wrong_file_is_refused_next_to_its_field(page, live_server, final,
                                                                                   assert_accessible, tmp_path):
    from jury.models import Pitch

    Pitch.objects.all().delete()
    not_a_video = tmp_path / "pitch.mp4"
    not_a_video.write_bytes(b"%PDF-1.4\n%%EOF\n")
    real = tmp_path / "finale.webm"
    real.write_bytes(make_video(4, "webm", text="Plouha"))
    captions = tmp_path / "pitch.vtt"
    captions.write_bytes(VTT)
    base = live_server.url
    page.goto(base + reverse("labels:dashboard"))
    log_in(page, "plouha@example.org")
    follow(page, page.get_by_role("link", name="Mon pitch pour la finale"))
    assert_accessible(page)
    page.get_by_label("Vidéo du pitch (MP4 ou WebM)").set_input_files(str(not_a_video))
    page.get_by_label("Sous-titres ou transcription (WebVTT)").set_input_files(str(captions))
    follow(page, page.get_by_role("button", name="Enregistrer le pitch"))
    error = page.locator("#id_video_error")
    assert "n'est pas une vidéo MP4 ou WebM lisible" in error.inner_text()
    assert page.get_by_label("Vidéo du pitch (MP4 ou WebM)").get_attribute("aria-invalid") == "true"
    assert_accessible(page)
    page.get_by_label("Vidéo du pitch (MP4 ou WebM)").set_input_files(str(real))
    page.get_by_label("Sous-titres ou transcription (WebVTT)").set_input_files(str(captions))
    page.get_by_label("J'accepte que ce pitch soit diffusé publiquement").check()
    follow(page, page.get_by_role("button", name="Enregistrer le pitch"))
    assert page.get_by_text("Pitch enregistré.").is_visible()
    duration, kind, _cue = wait_for_pitch(page)
    assert round(duration) == 4 and kind == "captions"
    assert Pitch.objects.get().public_consent
    assert_accessible(page)
