"""The pitches' pages, outside /jury/: the applicant's form among their applications, the files for everyone
`jury.permissions.may_watch_pitch` lets through (mounted at the site's root by interconnectes/urls.py)."""

from django.urls import path

from jury.views import pitches

app_name = "pitch"

urlpatterns = [
    path("candidatures/<int:pk>/pitch/", pitches.edit, name="edit"),
    path("pitchs/<int:pk>/video/", pitches.video, name="video"),
    path("pitchs/<int:pk>/sous-titres.vtt", pitches.captions, name="captions"),
]
