from django.urls import path

from library import views

app_name = "library"

# Mounted under "projets-ia/" by interconnectes/urls.py: the agents' drafts and the team's review.
urlpatterns = [
    path("", views.projects, name="projects"),
    path("nouveau/", views.new_draft, name="new_draft"),
    path("fiche/<int:pk>/modifier/", views.start_update, name="start_update"),
    path("fiche/<int:pk>/retirer/", views.archive, name="archive"),
    path("brouillon/<int:pk>/", views.draft_view, name="draft"),
    path("brouillon/<int:pk>/inviter/", views.invite, name="invite"),
    path("brouillon/<int:pk>/soumettre/", views.submit, name="submit"),
    path("relecture/", views.review_queue, name="review_queue"),
    path("relecture/<int:pk>/", views.review, name="review"),
    path("relecture/version/<int:pk>/relue/", views.mark_checked, name="mark_checked"),
]
