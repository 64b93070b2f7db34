"""E-mails of the site (accounts, labels, jury): French text and HTML templates, sent by Django's mail framework."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation


def render(template: str, context: dict, *, app: str = "labels") -> tuple[str, str, str]:
    """(subject, text, HTML) of templates/emails/<app>/<template>_subject.txt, .txt and .html, in French.

    Also what a confirmation page previews before anything is sent.
    """
    with translation.override(settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string(f"emails/{app}/{template}_subject.txt", context).split())
        text = render_to_string(f"emails/{app}/{template}.txt", context)
        html = render_to_string(f"emails/{app}/{template}.html", context)
    return subject, text, html


def send(template: str, to: list[str], context: dict, *, app: str = "labels",
         reply_to: list[str] | None = None) -> None:
    """Render the e-mail (`render`) and send it; `reply_to`: where the recipient's answer goes (a relayed message)."""
    subject, text, html = render(template, context, app=app)
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, to, reply_to=reply_to)
    message.attach_alternative(html, "text/html")
    message.send()
