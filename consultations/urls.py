"""The programme's plain Django views: a référent's commitments, the team's verification, the open data."""

from django.urls import path

from consultations import opendata_views, views
from consultations.opendata_views import COMMITMENTS, RECORDS

app_name = "consultations"

urlpatterns = [
    path("concertations-ia/engagement/", views.commit, name="commit"),
    path("concertations-ia/engagements/<int:pk>/retrait/", views.withdraw, name="withdraw"),
    path("concertations-ia/engagements/<int:pk>/charte-signee/", views.signed_document, name="signed_document"),
    path("concertations-ia/verification/", views.queue, name="queue"),
    path("concertations-ia/verification/<int:pk>/", views.decide, name="decide"),
    path("donnees/concertations-ia/", opendata_views.open_data, {"dataset": COMMITMENTS}, name="open_data"),
    path("donnees/concertations-ia-concertations/", opendata_views.open_data, {"dataset": RECORDS},
         name="records_open_data"),
    path("donnees/concertations-ia.csv", opendata_views.export_csv, {"dataset": COMMITMENTS}, name="export_csv"),
    path("donnees/concertations-ia.json", opendata_views.export_json, {"dataset": COMMITMENTS}, name="export_json"),
    path("donnees/concertations-ia.schema.json", opendata_views.export_schema, {"dataset": COMMITMENTS},
         name="export_schema"),
    path("donnees/concertations-ia-concertations.csv", opendata_views.export_csv, {"dataset": RECORDS},
         name="records_csv"),
    path("donnees/concertations-ia-concertations.json", opendata_views.export_json, {"dataset": RECORDS},
         name="records_json"),
    path("donnees/concertations-ia-concertations.schema.json", opendata_views.export_schema, {"dataset": RECORDS},
         name="records_schema"),
]
