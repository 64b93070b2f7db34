"""Roles × every URL of the jury's pages (/jury/) and its exports, and the Wagtail admin as a juror sees it: nothing.

A new URL in `jury/urls.py` without a row in EXPECTED fails
`test_every_jury_url_is_in_the_matrix`. Forbidden titles must appear in no
answer: not in lists, counts, or exports.
"""

import html

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.admin.menu import admin_menu
from wagtail.models import GroupPagePermission

from jury.models import Decision, Score
from jury.urls import urlpatterns
from tests.jury.factories import OPEN
from tests.labels.factories import UserFactory, user_with_permissions

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "applicant", "juror_a", "juror_b", "outsider", "editor", "staff"]
OK, NOT_FOUND, FORBIDDEN, REDIRECT = 200, 404, 403, 302

# url name: {role: expected answer}; roles left out are refused (see `denied`), never answered 200.
EXPECTED = {
    "home": {"juror_a": OK, "juror_b": OK, "outsider": OK, "staff": OK},
    "round": {"juror_a": OK, "juror_b": OK},
    "sheet": {"juror_a": OK},
    "declare": {"juror_a": REDIRECT},  # already declared: straight to the sheet
    "download": {"juror_a": OK},
    "decide": {"staff": OK},
    "score_history": {"staff": OK},
    "progress": {"staff": OK},
    # POST only; an empty post from staff comes back with its error (a redirect with a message, or the form).
    "assign": {"staff": REDIRECT},
    "change_assignment": {"staff": OK},
    "unlock": {"staff": OK},
    "remind": {"staff": REDIRECT},
    "ranking": {"staff": OK},
    "bulk_decide": {"staff": OK},  # an empty post comes back with its errors on the ranking
    "discussion": {"staff": REDIRECT},  # an empty post goes back to the file with its error
    "export": {"staff": OK},
    "publish": {"staff": OK},
}
POST_ONLY = {"assign", "change_assignment", "unlock", "remind", "bulk_decide", "discussion"}
# Who gets what instead: the site's login page (anonymous), 404 for a file or round that is not theirs, 403 for a
# staff page or the jury's home without a seat.
REFUSALS = {"anonymous": {"login"}, "applicant": {403, 404}, "juror_a": {403, 404}, "juror_b": {403, 404},
            "outsider": {403, 404}, "editor": {403, 404}, "staff": {403, 404}}


def test_every_jury_url_is_in_the_matrix():
    names = {pattern.name for pattern in urlpatterns}
    assert names == set(EXPECTED), f"URL absentes de la matrice : {names ^ set(EXPECTED)}"


def user_for(role, scene, request):
    if role == "anonymous":
        return None
    return {
        "applicant": lambda: scene.file.owner,
        "juror_a": lambda: scene.juror_a.user,
        "juror_b": lambda: scene.juror_b.user,
        "outsider": lambda: scene.outsider.user,
        "editor": lambda: request.getfixturevalue("editor"),
        "staff": lambda: request.getfixturevalue("campaign_staff"),
    }[role]()


def urls(name, scene):
    """The URL(s) of a name, aimed at the file juror A may score (and juror B declared a conflict on)."""
    file_args = [scene.round.pk, scene.file.pk]
    return {
        "home": [reverse("jury:home")],
        "round": [reverse("jury:round", args=[scene.round.pk])],
        "sheet": [reverse("jury:sheet", args=file_args)],
        "declare": [reverse("jury:declare", args=file_args)],
        "download": [reverse("jury:download", args=[*file_args, scene.attachment.pk])],
        "decide": [reverse("jury:decide", args=file_args)],
        "score_history": [reverse("jury:score_history", args=file_args)],
        "discussion": [reverse("jury:discussion", args=file_args)],
        "progress": [reverse("jury:progress", args=[scene.round.pk])],
        "assign": [reverse("jury:assign", args=[scene.round.pk])],
        "change_assignment": [reverse("jury:change_assignment", args=[scene.round.pk])],
        "unlock": [reverse("jury:unlock", args=[scene.round.pk])],
        "remind": [reverse("jury:remind", args=[scene.round.pk])],
        "ranking": [reverse("jury:ranking", args=[scene.round.pk])],
        "bulk_decide": [reverse("jury:bulk_decide", args=[scene.round.pk])],
        "export": [reverse("jury:export", args=[scene.round.pk, kind, fmt])
                   for kind in ("classement", "notes") for fmt in ("csv", "xlsx")],
        "publish": [reverse("jury:publish", args=[scene.round.campaign_id])],
    }[name]


def answer(response):
    """What a response amounts to: "login" for the site's login page (coming back with ?next=), else its status."""
    if response.status_code == 302 and response.url.startswith(reverse("accounts:login") + "?next="):
        return "login"
    return response.status_code


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_matrix(client, scene, clock, request, role, name):
    clock.set(OPEN)
    user = user_for(role, scene, request)
    if user is not None:
        client.force_login(user)
    expected = EXPECTED[name].get(role)
    for url in urls(name, scene):
        response = client.post(url, {}) if name in POST_ONLY else client.get(url)
        if expected is None:
            assert answer(response) in REFUSALS[role], f"{role} {url}: {response.status_code}"
        else:
            assert response.status_code == expected, f"{role} {url}: {response.status_code}"
        if response.status_code == 200 and response.get("Content-Type", "").startswith("text/html"):
            page = html.unescape(response.content.decode())
            assert "Dossier d'une autre campagne" not in page
            if role != "staff":
                assert "Projet secret des marais" not in page


def test_anonymous_visitors_are_sent_to_the_sites_login_and_back(client, scene):
    url = reverse("jury:sheet", args=[scene.round.pk, scene.file.pk])
    response = client.get(url)
    assert response.status_code == 302 and response.url == f"{reverse('accounts:login')}?next={url}"


@pytest.mark.parametrize("role", ["juror_a", "juror_b", "outsider", "editor", "applicant"])
def test_staff_posts_change_nothing_for_others(client, scene, clock, request, role, criteria):
    clock.set(OPEN)
    client.force_login(user_for(role, scene, request))
    before = scene.round.assignments.count()
    client.post(reverse("jury:assign", args=[scene.round.pk]), {"mode": "tous"})
    client.post(reverse("jury:change_assignment", args=[scene.round.pk]),
                {"attribution-action": "ajouter", "attribution-juror": scene.juror_a.pk,
                 "attribution-application": scene.hidden_file.reference})
    client.post(reverse("jury:decide", args=[scene.round.pk, scene.file.pk]),
                {"outcome": "laureat:Or", "citation": "Bravo"})
    client.post(reverse("jury:bulk_decide", args=[scene.round.pk]),
                {"groupe-mode": "premiers", "groupe-number": "3", "groupe-outcome": "non-retenu",
                 "groupe-reason": "Motif."})
    client.post(reverse("jury:publish", args=[scene.round.campaign_id]), {"confirm": "on"})
    assert scene.round.assignments.count() == before
    assert not Decision.objects.exists()


def test_juror_b_with_a_conflict_sees_no_trace_of_the_file(client, scene, clock):
    clock.set(OPEN)
    client.force_login(scene.juror_b.user)
    page = html.unescape(client.get(reverse("jury:round", args=[scene.round.pk])).content.decode())
    assert "Cantines sans gaspillage" not in page and "0 / 0 notées" in page


def test_a_juror_cannot_score_for_another_or_an_unassigned_file(client, scene, clock, criteria):
    clock.set(OPEN)
    client.force_login(scene.juror_a.user)
    data = {f"score_{criteria[0].pk}": "5", f"score_{criteria[1].pk}": "3"}
    for application in (scene.hidden_file, scene.foreign_file):
        assert client.post(reverse("jury:sheet", args=[scene.round.pk, application.pk]), data).status_code == 404
    assert client.post(reverse("jury:sheet", args=[scene.foreign_round.pk, scene.foreign_file.pk]),
                       data).status_code == 404
    client.force_login(scene.juror_b.user)  # the file juror B declared a conflict on
    assert client.post(reverse("jury:sheet", args=[scene.round.pk, scene.file.pk]), data).status_code == 404
    assert not Score.objects.exists()


ADMIN_URLS = ["/admin/", "/admin/search/?q=a", "/admin/pages/", "/admin/pages/2/", "/admin/images/",
              "/admin/documents/", "/admin/users/", "/admin/groups/", "/admin/settings/interconnectes/sitesettings/",
              "/admin/reports/locked/", "/admin/reports/site-history/", "/admin/snippets/", "/admin/candidatures/",
              "/admin/jury/membres/", "/admin/jury/tours/", "/admin/jury/membres/add/", "/admin/account/"]


@pytest.mark.parametrize("url", ADMIN_URLS)
def test_a_juror_has_no_admin_access(client, scene, url):
    """Jurors score on the jury's pages: the admin sends them to its login page, like any user without access."""
    client.force_login(scene.juror_a.user)
    response = client.get(url)
    assert response.status_code == 302 and response.url.startswith(reverse("wagtailadmin_login")), url
    assert not scene.juror_a.user.has_perm("wagtailadmin.access_admin")


def menu_items(user, rf):
    reverse("jury:home")  # loading the URLconf registers the viewsets and their menu items
    request = rf.get("/admin/")
    request.user = user
    return {item.name: item for item in admin_menu.menu_items_for_request(request)}, request


def test_the_admin_jury_menu_is_for_campaign_staff_and_leads_to_the_jury_pages(rf, campaign_staff, editor):
    items, request = menu_items(campaign_staff, rf)
    assert {"jury", "candidatures"} <= set(items)
    urls = [item.url for item in items["jury"].menu.menu_items_for_request(request)]
    assert urls == [reverse("jury:home"), reverse("jury_member:index"), reverse("jury_round:index")]
    items, _request = menu_items(editor, rf)
    assert "jury" not in items and "candidatures" not in items


def test_an_editor_with_page_permissions_keeps_the_admin(client, home):
    editor = user_with_permissions("wagtailadmin.access_admin")
    GroupPagePermission.objects.create(group=Group.objects.get(user=editor), page=home, permission_type="change")
    client.force_login(editor)
    response = client.get("/admin/pages/", follow=True)
    assert response.status_code == 200 and response.redirect_chain[-1][0].startswith("/admin/pages/")


def test_an_applicant_gets_no_jury_page(client, scene):
    client.force_login(UserFactory())
    assert client.get(reverse("jury:home")).status_code == 403
