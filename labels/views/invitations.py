"""The co-editor invitation link: the invited person, logged in with any account, confirms and becomes co-editor.

The rules (single use, expiry, who may accept) are in labels/coeditors.py.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from interconnectes import clock
from labels import coeditors
from labels.steps import STEPS


@login_required
def accept_invitation(request, token):
    now = clock.now()
    try:
        if request.method == "POST":
            application = coeditors.accept(token, request.user, now)
        else:
            invitation = coeditors.pending_invitation(token, request.user, now)
    except coeditors.InvitationRefused as refusal:
        return render(request, "labels/coeditors/invitation_refused.html", {"message": refusal.message},
                      status=refusal.status)
    if request.method == "POST":
        messages.success(request, _("Invitation acceptée : vous pouvez rédiger cette candidature."))
        return redirect("labels:step", application.pk, STEPS[0].slug)
    return render(request, "labels/coeditors/invitation.html", {"invitation": invitation})
