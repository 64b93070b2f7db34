"""The demo's pitches (jury/demo_pitches.py): last year's eight finalists and the published laureates have small
videos made by PyAV, with WebVTT captions, that the site's player serves."""

import pytest
from django.urls import reverse

from interconnectes.privatefiles import webvtt
from jury.demo import SHORTLIST_SIZE
from jury.models import JuryRound, Pitch
from labels.models import ApplicationStatus, Label, LabelCampaignPage
from labels.phases import Phase

pytestmark = pytest.mark.django_db


def campaign_in(phase):
    """The demo's "Territoire innovant" edition in this phase (last year's start-up contest is with its jury too)."""
    [campaign] = [page for page in LabelCampaignPage.objects.filter(label=Label.TERRITOIRE_INNOVANT)
                  if page.phase() == phase]
    return campaign


def test_every_finalist_of_last_year_has_a_small_captioned_pitch():
    final = JuryRound.objects.get(campaign=campaign_in(Phase.JURY), number=2)
    finalists = list(final.applications())
    assert len(finalists) == SHORTLIST_SIZE
    found = list(Pitch.objects.filter(application__in=finalists))
    assert len(found) == SHORTLIST_SIZE
    for pitch in found:
        assert pitch.video_content_type == "video/webm" and pitch.duration_seconds == 6
        assert pitch.video_size < 20_000
        with pitch.captions.open("rb") as handle:
            cues = webvtt.parse(handle.read().decode())
        assert pitch.application.org_name in cues[0].text
    assert 0 < sum(pitch.public_consent for pitch in found) < SHORTLIST_SIZE


def test_the_published_laureates_pitches_play_on_their_public_pages(client):
    campaign = campaign_in(Phase.RESULTS)
    laureates = list(campaign.applications.filter(status=ApplicationStatus.LAUREATE))
    assert laureates and Pitch.objects.filter(application__in=laureates, public_consent=True).count() == len(laureates)
    laureate = laureates[0]
    page = client.get(campaign.url + campaign.reverse_subpage("laureate", args=[laureate.pk])).content.decode()
    pitch = Pitch.objects.get(application=laureate)
    assert f'<source src="/pitchs/{pitch.pk}/video/" type="video/webm">' in page
    video = client.get(reverse("pitch:video", args=[pitch.pk]), headers={"Range": "bytes=0-"})
    assert video.status_code == 206 and video["Content-Type"] == "video/webm"


def test_the_demo_jurors_read_a_rubric_under_each_criterion(client):
    from jury.demo import JURY_PASSWORD
    from jury.models import Assignment, ConflictDeclaration

    final = JuryRound.objects.get(campaign=campaign_in(Phase.JURY), number=2)
    assert all(criterion.rubric_bottom and criterion.rubric_top for criterion in final.frozen_criteria.all())
    declared = ConflictDeclaration.objects.filter(has_conflict=False, juror_id__in=Assignment.objects.filter(
        round=final).values("juror_id"), application__in=final.applications()).select_related("juror__user").first()
    client.post(reverse("accounts:login"), {"username": declared.juror.user.username, "password": JURY_PASSWORD})
    page = client.get(reverse("jury:sheet", args=[final.pk, declared.application_id])).content.decode()
    # The demo's final is closed, awaiting publication: the sheet is read-only, beside the pitch.
    assert '<video class="pitch-video"' in page and "Résultats chiffrés et évalués" in final.frozen_criteria.get(
        name="Impact mesuré").rubric_top
