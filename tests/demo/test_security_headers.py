"""Every page of the demo site, public and an applicant's, runs under the site's strict Content-Security-Policy.

The checks themselves live with the other security-header tests (tests/interconnectes/test_security_headers.py).
"""

import pytest
from django.contrib.auth import get_user_model

from tests.interconnectes.test_security_headers import applicant_urls, check_pages, public_urls

pytestmark = pytest.mark.django_db


def test_every_public_page_type_runs_under_the_strict_policy(client):
    urls = public_urls()
    assert len(urls) > 20
    assert check_pages(client, urls) >= 2 * len(urls) - 2


def test_applicants_pages_run_under_the_strict_policy(client):
    user = get_user_model().objects.get(username="candidate@example.org")
    client.force_login(user)
    urls = applicant_urls()
    assert len(urls) >= 3
    assert check_pages(client, urls) >= 6
