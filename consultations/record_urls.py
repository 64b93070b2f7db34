from django.urls import path

from consultations import record_views
from consultations.feeds import ConsultationFeed

app_name = "consultation_records"

urlpatterns = [
    # The public: published records only.
    path("concertations-ia/concertations/", record_views.consultation_list, name="list"),
    path("concertations-ia/concertations/<slug:slug>/", record_views.consultation_page, name="consultation"),
    path("concertations-ia/concertations/<slug:slug>/flux.atom", ConsultationFeed(), name="feed"),
    # The territories' agents.
    path("mes-concertations/", record_views.my_records, name="mine"),
    path("mes-concertations/declarer/", record_views.declare, name="declare"),
    path("mes-concertations/brouillon/<int:pk>/", record_views.draft_view, name="draft"),
    path("mes-concertations/brouillon/<int:pk>/soumettre/", record_views.submit, name="submit"),
    path("mes-concertations/fiche/<int:pk>/documenter/", record_views.start_update, name="start_update"),
    path("mes-concertations/fiche/<int:pk>/suivi/", record_views.follow_up, name="follow_up"),
    path("mes-concertations/engagement/<int:pk>/statut/", record_views.change_status, name="change_status"),
    # The team.
    path("mes-concertations/relecture/", record_views.review_queue, name="review_queue"),
    path("mes-concertations/relecture/<int:pk>/", record_views.review, name="review"),
    path("mes-concertations/relecture/version/<int:pk>/relue/", record_views.mark_checked, name="mark_checked"),
]
