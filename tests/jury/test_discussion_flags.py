"""Staff's hand on "à discuter": a file added or taken off with a note, logged, the latest wins."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from jury.models import DiscussionFlag
from jury.services.decisions import discussion_flags, flag_for_discussion
from tests.jury.factories import CLOSED, build_scored_round

pytestmark = pytest.mark.django_db


def test_a_note_is_required_and_the_latest_flag_wins(round1, files, staff):
    with pytest.raises(ValidationError):
        flag_for_discussion(round1, files[0], to_discuss=True, note=" ", by=staff, now=CLOSED)
    flag_for_discussion(round1, files[0], to_discuss=True, note="Avis divergents en séance.", by=staff, now=CLOSED)
    flag_for_discussion(round1, files[0], to_discuss=False, note="Réglé.", by=staff,
                        now=CLOSED.replace(hour=13))
    assert discussion_flags(round1) == {files[0].pk: (False, "Réglé.")}
    assert DiscussionFlag.objects.count() == 2  # the log keeps both


def test_the_ranking_lists_the_files_staff_added(client, round1, jurors, criteria, campaign, campaign_staff):
    applications = build_scored_round(round1, jurors, criteria, campaign, 4)
    client.force_login(campaign_staff)
    url = reverse("jury:discussion", args=[round1.pk, applications[0].pk])
    response = client.post(url, {"discussion-to_discuss": "oui", "discussion-note": ""})
    assert response.status_code == 302 and not DiscussionFlag.objects.exists()
    client.post(url, {"discussion-to_discuss": "oui", "discussion-note": "À revoir avec la présidente."})
    page = client.get(reverse("jury:ranking", args=[round1.pk]), {"vue": "a-discuter"}).content.decode()
    assert applications[0].reference in page and "À revoir avec la présidente." in page
