from django.urls import path

from resources import views

app_name = "resources"

urlpatterns = [
    path("signaler-un-probleme/ressource/<int:pk>/", views.report, name="report"),
    path("avis/ressource/<int:pk>/", views.vote, name="vote"),
]
