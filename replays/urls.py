"""The replays' addresses, under /replays/ (mounted by interconnectes/urls.py). Share links come first: a slug
never reads "partage"."""

from django.urls import path

from replays import views

app_name = "replays"

urlpatterns = [
    path("", views.index, name="index"),
    path("partage/<str:token>/", views.shared, name="shared"),
    path("partage/<str:token>/video/", views.video, name="shared_video"),
    path("partage/<str:token>/sous-titres.vtt", views.captions, name="shared_captions"),
    path("partage/<str:token>/support.pdf", views.slides, name="shared_slides"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/video/", views.video, name="video"),
    path("<slug:slug>/sous-titres.vtt", views.captions, name="captions"),
    path("<slug:slug>/support.pdf", views.slides, name="slides"),
    path("<slug:slug>/regarde/", views.watched, name="watched"),
]
