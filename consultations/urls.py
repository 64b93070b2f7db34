"""The programme's plain Django views: a référent's commitments, the team's verification, the open data."""

from django.urls import path

from consultations import views

app_name = "consultations"

urlpatterns = [
    path("concertations-ia/engagement/", views.commit, name="commit"),
    path("concertations-ia/engagements/<int:pk>/retrait/", views.withdraw, name="withdraw"),
    path("concertations-ia/engagements/<int:pk>/charte-signee/", views.signed_document, name="signed_document"),
    path("concertations-ia/verification/", views.queue, name="queue"),
    path("concertations-ia/verification/<int:pk>/", views.decide, name="decide"),
    path("donnees/concertations-ia/", views.open_data, name="open_data"),
    path("donnees/concertations-ia.csv", views.export_csv, name="export_csv"),
    path("donnees/concertations-ia.json", views.export_json, name="export_json"),
    path("donnees/concertations-ia.schema.json", views.export_schema, name="export_schema"),
]
