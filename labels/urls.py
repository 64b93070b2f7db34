from django.contrib.auth import views as auth_views
from django.urls import path

from labels.views import account_data, accounts, applications, invitations

app_name = "labels"

# Mounted under "compte/" (accounts) and "candidatures/" (applications) by interconnectes/urls.py.
account_urlpatterns = [
    path("inscription/", accounts.signup, name="signup"),
    path("inscription/envoyee/", accounts.signup_done, name="signup_done"),
    path("activer/<str:uidb64>/<str:token>/", accounts.activate, name="activate"),
    path("connexion/", accounts.LoginView.as_view(), name="login"),
    path("deconnexion/", accounts.LogoutView.as_view(), name="logout"),
    path("mot-de-passe/oublie/", accounts.PasswordResetView.as_view(), name="password_reset"),
    path("mot-de-passe/oublie/envoye/", auth_views.PasswordResetDoneView.as_view(
        template_name="registration/password_reset_done.html"), name="password_reset_done"),
    path("mot-de-passe/nouveau/<uidb64>/<token>/", accounts.PasswordResetConfirmView.as_view(),
         name="password_reset_confirm"),
    path("mot-de-passe/nouveau/termine/", auth_views.PasswordResetCompleteView.as_view(
        template_name="registration/password_reset_complete.html"), name="password_reset_complete"),
    path("mot-de-passe/changer/", accounts.PasswordChangeView.as_view(), name="password_change"),
    path("mot-de-passe/change/", auth_views.PasswordChangeDoneView.as_view(
        template_name="registration/password_change_done.html"), name="password_change_done"),
    path("donnees-personnelles/", account_data.privacy, name="privacy"),
    path("donnees-personnelles/export/", account_data.export_data, name="export_data"),
    path("supprimer/", account_data.delete_account, name="delete_account"),
]

application_urlpatterns = [
    path("", applications.dashboard, name="dashboard"),
    path("nouvelle/<int:campaign_id>/", applications.start, name="start"),
    path("<int:pk>/etape/<slug:slug>/", applications.step, name="step"),
    path("<int:pk>/deposer/", applications.submit, name="submit"),
    path("<int:pk>/retirer/", applications.withdraw, name="withdraw"),
    path("<int:pk>/recu/", applications.receipt, name="receipt"),
    path("<int:pk>/co-redacteurs/", applications.invite_coeditor, name="invite_coeditor"),
    path("invitation/<str:token>/", invitations.accept_invitation, name="accept_invitation"),
    path("<int:pk>/pieces/<int:attachment_pk>/", applications.download, name="download"),
    path("<int:pk>/pieces/<int:attachment_pk>/supprimer/", applications.delete_attachment, name="delete_attachment"),
]

urlpatterns = [
    *[path(f"compte/{p.pattern}", p.callback, p.default_args, p.name) for p in account_urlpatterns],
    *[path(f"candidatures/{p.pattern}", p.callback, p.default_args, p.name) for p in application_urlpatterns],
]

