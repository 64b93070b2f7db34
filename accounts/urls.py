from django.contrib.auth import views as auth_views
from django.urls import path

from accounts.views import auth, organisations, personal_data, space

app_name = "accounts"

# Mounted under "compte/" by interconnectes/urls.py: the addresses the applicants' accounts always had.
urlpatterns = [
    path("", space.my_space, name="space"),
    path("inscription/", auth.signup, name="signup"),
    path("inscription/envoyee/", auth.signup_done, name="signup_done"),
    path("inscription/renvoyer/", auth.resend_activation, name="resend_activation"),
    path("activer/<str:uidb64>/<str:token>/", auth.activate, name="activate"),
    path("connexion/", auth.LoginView.as_view(), name="login"),
    path("deconnexion/", auth.LogoutView.as_view(), name="logout"),
    path("mot-de-passe/oublie/", auth.PasswordResetView.as_view(), name="password_reset"),
    path("mot-de-passe/oublie/envoye/", auth_views.PasswordResetDoneView.as_view(
        template_name="registration/password_reset_done.html"), name="password_reset_done"),
    path("mot-de-passe/nouveau/<uidb64>/<token>/", auth.PasswordResetConfirmView.as_view(),
         name="password_reset_confirm"),
    path("mot-de-passe/nouveau/termine/", auth_views.PasswordResetCompleteView.as_view(
        template_name="registration/password_reset_complete.html"), name="password_reset_complete"),
    path("mot-de-passe/changer/", auth.PasswordChangeView.as_view(), name="password_change"),
    path("mot-de-passe/change/", auth_views.PasswordChangeDoneView.as_view(
        template_name="registration/password_change_done.html"), name="password_change_done"),
    path("donnees-personnelles/", personal_data.privacy, name="privacy"),
    path("donnees-personnelles/export/", personal_data.export_data, name="export_data"),
    path("supprimer/", personal_data.delete_account, name="delete_account"),
    path("organisations/<int:pk>/", organisations.organisation, name="organisation"),
    path("rattachements/<int:pk>/revoquer/", organisations.revoke, name="revoke"),
    path("rattachements/<int:pk>/quitter/", organisations.leave, name="leave"),
    path("invitation/<str:token>/", organisations.accept_invitation, name="accept_invitation"),
    path("verification/", organisations.request_verification, name="request_verification"),
    path("adherer/", organisations.apply_for_membership, name="apply_for_membership"),
]
