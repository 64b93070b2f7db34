from django.urls import path

from library import access_views

app_name = "library_access"

# Mounted under "bibliotheque-ia-acces/" by interconnectes/urls.py.
urlpatterns = [
    path("", access_views.manage, name="manage"),
    path("mises-en-oeuvre/<int:pk>/demande/", access_views.request_access, name="request_access"),
    path("demandes/<int:pk>/", access_views.decide, name="decide"),
    path("documents/<int:pk>/", access_views.download, name="download"),
    path("contacts/<int:pk>/ecrire/", access_views.write_to_contact, name="write_to_contact"),
    path("contacts/accord/<str:token>/", access_views.withdraw_consent, name="withdraw_consent"),
]
