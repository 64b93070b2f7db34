from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from interconnectes import media, views
from sitesearch import views as search_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("recherche/", search_views.search, name="search"),
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("sitemap-<slug:section>.xml", views.sitemap_section, name="sitemap_section"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("plan-du-site/", views.site_map, name="site_map"),
    path("jury/", include("jury.urls")),
    path("", include("jury.pitch_urls")),
    path("compte/", include("accounts.urls")),
    path("candidatures/", include("labels.urls")),
    path("bibliotheque-ia-acces/", include("library.access_urls")),
    path("territoirprod/", include("territoirprod.urls")),
    path("replays/", include("replays.urls")),
    path("communaute/", include("community.urls")),
    path("", include("library.urls")),
    path("", include("resources.urls")),
    path("", include("consultations.urls")),
    path("", include("consultations.record_urls")),
]

urlpatterns += [
    path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", media.serve, name="media"),
    # Wagtail's own page view, with the route remembered; Wagtail's other addresses follow.
    re_path(wagtail_urls.serve_pattern, views.serve_page, name="wagtail_serve"),
    path("", include(wagtail_urls)),
]

handler500 = "interconnectes.views.server_error"
