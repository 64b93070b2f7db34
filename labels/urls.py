from django.urls import path

from labels.views import applications, invitations

app_name = "labels"

# Mounted under "candidatures/" by interconnectes/urls.py.
urlpatterns = [
    path("", applications.dashboard, name="dashboard"),
    path("nouvelle/<int:campaign_id>/", applications.start, name="start"),
    path("<int:pk>/etape/<slug:slug>/", applications.step, name="step"),
    path("<int:pk>/deposer/", applications.submit, name="submit"),
    path("<int:pk>/retirer/", applications.withdraw, name="withdraw"),
    path("<int:pk>/supprimer/", applications.delete_draft, name="delete_draft"),
    path("<int:pk>/recu/", applications.receipt, name="receipt"),
    path("<int:pk>/co-redacteurs/", applications.invite_coeditor, name="invite_coeditor"),
    path("invitation/<str:token>/", invitations.accept_invitation, name="accept_invitation"),
    path("<int:pk>/pieces/<int:attachment_pk>/", applications.download, name="download"),
    path("<int:pk>/pieces/<int:attachment_pk>/supprimer/", applications.delete_attachment, name="delete_attachment"),
]
