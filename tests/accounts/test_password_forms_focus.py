"""The password forms leave the focus where every page leaves it: on the skip link, not inside the form."""

from django.contrib.auth import get_user_model

from accounts.forms import AccessiblePasswordChangeForm, AccessibleSetPasswordForm


def test_the_password_change_and_reset_forms_take_no_focus_on_their_own():
    user = get_user_model()(email="candidate@example.org")
    for form in (AccessiblePasswordChangeForm(user), AccessibleSetPasswordForm(user),
                 AccessiblePasswordChangeForm(user, data={})):
        assert "autofocus" not in str(form)
        assert form.fields["new_password1"].widget.attrs.get("autocomplete") == "new-password"
