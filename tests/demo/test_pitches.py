"""The demo's pitches (jury/demo_pitches.py): last year's eight finalists and the published laureates have small
videos made by PyAV, with WebVTT captions, that the site's player serves."""

import pytest
from django.urls import reverse

from interconnectes.privatefiles import webvtt
from jury.demo import SHORTLIST_SIZE
from jury.models import JuryRound, Pitch
from labels.models import ApplicationStatus, LabelCampaignPage
from labels.phases import Phase

pytestmark = pytest.mark.django_db


def campaign_in(phase):
    [campaign] = [page for page in LabelCampaignPage.objects.all() if page.phase() == phase]
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
