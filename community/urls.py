from django.urls import path

from community import views

app_name = "community"

# Mounted under "communaute/" by interconnectes/urls.py.
urlpatterns = [
    path("", views.spaces, name="spaces"),
    path("abonnement/", views.subscribe, name="subscribe"),
    path("desabonnement/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("sujet/<int:pk>/", views.topic, name="topic"),
    path("sujet/<int:pk>/moderer/", views.moderate_topic, name="moderate_topic"),
    path("message/<int:pk>/", views.post_link, name="post"),
    path("message/<int:pk>/modifier/", views.edit_post, name="edit_post"),
    path("message/<int:pk>/signaler/", views.report_post, name="report_post"),
    path("message/<int:pk>/masquer/", views.hide_post, name="hide_post"),
    path("message/<int:pk>/accepter/", views.accept_post, name="accept_post"),
    path("<slug:slug>/", views.space, name="space"),
    path("<slug:slug>/nouveau-sujet/", views.new_topic, name="new_topic"),
    path("<slug:slug>/signalements/", views.reports, name="reports"),
]
