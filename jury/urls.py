"""The jury's pages, mounted at /jury/ by interconnectes/urls.py: private (no-store), the site's login, the
site's strict Content-Security-Policy."""

from django.urls import path

from jury.views import deliberation, juror, staff

app_name = "jury"

FILE = "tour/<int:round_id>/candidature/<int:application_id>/"

urlpatterns = [
    path("", juror.jury_home, name="home"),
    path("tour/<int:round_id>/", juror.round_applications, name="round"),
    path(FILE, juror.sheet, name="sheet"),
    path(f"{FILE}declaration/", juror.declare, name="declare"),
    path(f"{FILE}piece/<int:attachment_id>/", juror.download, name="download"),
    path(f"{FILE}deliberation/", deliberation.decide, name="decide"),
    path(f"{FILE}historique/", deliberation.score_history, name="score_history"),
    path(f"{FILE}a-discuter/", deliberation.discussion, name="discussion"),
    path("tour/<int:round_id>/suivi/", staff.progress, name="progress"),
    path("tour/<int:round_id>/repartir/", staff.assign, name="assign"),
    path("tour/<int:round_id>/attribution/", staff.change_assignment, name="change_assignment"),
    path("tour/<int:round_id>/deverrouiller/", staff.unlock, name="unlock"),
    path("tour/<int:round_id>/relancer/", staff.remind, name="remind"),
    path("tour/<int:round_id>/classement/", staff.ranking, name="ranking"),
    path("tour/<int:round_id>/decision-groupee/", staff.bulk_decide, name="bulk_decide"),
    path("tour/<int:round_id>/export/<slug:kind>.<slug:fmt>", staff.export, name="export"),
    path("campagne/<int:campaign_id>/publication/", deliberation.publish, name="publish"),
]
