from django.urls import path

from library import views

app_name = "library"

urlpatterns = [
    path("donnees/bibliotheque-ia/", views.open_data, name="open_data"),
    path("donnees/bibliotheque-ia.csv", views.export_csv, name="export_csv"),
    path("donnees/bibliotheque-ia.json", views.export_json, name="export_json"),
    path("donnees/bibliotheque-ia.schema.json", views.export_schema, name="export_schema"),
    path("signaler-une-erreur/bibliotheque-ia/<int:pk>/", views.report_error, name="report_error"),
]
