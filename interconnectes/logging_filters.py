"""Mask secrets and personal data in every log line before a handler writes it.

Logs travel further than the database (log files, a hosting provider's
console, error reports) and are kept longer: a password, a password-reset or
activation link, a CSRF or session token must never reach them, and an
applicant's e-mail address only in a form that lets staff recognise it
(`c***@example.org`) without spreading it.
"""

import logging
import re

from django.utils.log import AdminEmailHandler

MASK = "********"

# "password=…", "new_password1: …", "'csrfmiddlewaretoken': '…'", "X-CSRFToken: …", "sessionid=…" (query
# strings, POST dumps, cookies, headers, dict reprs): keep the key, hide the value.
SENSITIVE_NAMES = (
    r"[\w-]*(?:password|passwd|mot[_-]de[_-]passe|secret|api[_-]?key|access[_-]?key|token|sessionid"
    r"|session[_-]?key)[\w-]*|pwd|authorization"
)
SECRET_VALUE = re.compile(
    rf"""(?P<key>["']?\b(?:{SENSITIVE_NAMES})\b["']?\s*[:=]\s*\[?\s*(?:bearer\s+)?)"""
    rf"""(?P<value>'[^']*'|"[^"]*"|[^\s"'&;,)}}\]]+)""",
    re.IGNORECASE,
)
# The token of Django's password-reset and of the applicants' activation links: "<base36 timestamp>-<hex hash>".
URL_TOKEN = re.compile(r"\b[0-9a-z]{1,13}-[0-9a-f]{20,}\b")
# What follows the user id in those links, whatever its form (e.g. Django's "set-password" placeholder is kept),
# and the token of a co-editor invitation link.
TOKEN_PATH = re.compile(
    r"(?P<prefix>/(?:(?:activer|mot-de-passe/nouveau|password_reset/confirm|reset)/[^/\s?#]+"
    r"|candidatures/invitation)/)(?P<token>[^/\s?#]+)"
)
EMAIL = re.compile(r"(?P<first>[A-Za-z0-9])[A-Za-z0-9._%+-]*(?P<at>@|%40)(?P<domain>[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)")


def _quoted(original: str, replacement: str) -> str:
    quote = original[0] if original[:1] in ("'", '"') else ""
    return f"{quote}{replacement}{quote}"


def mask(text: str) -> str:
    """The text with secret values, link tokens and the local part of e-mail addresses hidden."""
    text = SECRET_VALUE.sub(lambda m: m["key"] + _quoted(m["value"], MASK), text)
    text = TOKEN_PATH.sub(lambda m: m["prefix"] + (m["token"] if m["token"] == "set-password" else MASK), text)
    text = URL_TOKEN.sub(MASK, text)
    return EMAIL.sub(lambda m: f"{m['first']}***{m['at']}{m['domain']}", text)


class MaskSecrets(logging.Filter):
    """Rewrite the record's message (and its traceback text) masked; never drops a record."""

    def filter(self, record):
        try:
            message = record.getMessage()
        except Exception:
            return True
        record.msg, record.args = mask(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask(record.exc_text)
        if record.stack_info:
            record.stack_info = mask(record.stack_info)
        return True


class MaskedAdminEmailHandler(AdminEmailHandler):
    """Django's e-mail to ADMINS, its whole text masked: the report it builds (the request's parameters and
    headers, the traceback) is not the log record the filters see."""

    def send_mail(self, subject, message, *args, **kwargs):
        kwargs.pop("html_message", None)  # the HTML report is never sent: it shows every local variable
        super().send_mail(mask(subject), mask(message), *args, **kwargs)
