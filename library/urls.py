from django.urls import path

from library import submission_views, views

app_name = "library"

urlpatterns = [
    # The open data and "signaler une erreur" (library/views.py).
    path("donnees/bibliotheque-ia/", views.open_data, name="open_data"),
    path("donnees/bibliotheque-ia.csv", views.export_csv, name="export_csv"),
    path("donnees/bibliotheque-ia.json", views.export_json, name="export_json"),
    path("donnees/bibliotheque-ia.schema.json", views.export_schema, name="export_schema"),
    path("signaler-une-erreur/bibliotheque-ia/<int:pk>/", views.report_error, name="report_error"),
    # The agents' drafts and the team's review (library/submission_views.py).
    path("projets-ia/", submission_views.projects, name="projects"),
    path("projets-ia/nouveau/", submission_views.new_draft, name="new_draft"),
    path("projets-ia/fiche/<int:pk>/modifier/", submission_views.start_update, name="start_update"),
    path("projets-ia/fiche/<int:pk>/retirer/", submission_views.archive, name="archive"),
    path("projets-ia/brouillon/<int:pk>/", submission_views.draft_view, name="draft"),
    path("projets-ia/brouillon/<int:pk>/inviter/", submission_views.invite, name="invite"),
    path("projets-ia/brouillon/<int:pk>/soumettre/", submission_views.submit, name="submit"),
    path("projets-ia/relecture/", submission_views.review_queue, name="review_queue"),
    path("projets-ia/relecture/<int:pk>/", submission_views.review, name="review"),
    path("projets-ia/relecture/version/<int:pk>/relue/", submission_views.mark_checked, name="mark_checked"),
]
