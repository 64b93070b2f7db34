from django.urls import path

from territoirprod import views

app_name = "territoirprod"

urlpatterns = [
    path("inscription/", views.enrol, name="enrol"),
    path("inscription/agents/", views.enrol_agents, name="enrol_agents"),
    path("inscription/<int:pk>/annuler/", views.unenrol, name="unenrol"),
    path("attestation/<int:edition_id>/", views.attestation_pdf, name="attestation"),
    path("presences/<int:sequence_id>/", views.roll_call, name="roll_call"),
]
