"""The one exception of the site's rules and services: an action refused, with its French message."""


class Refused(Exception):
    """An action the rules refuse; the message is in French, for the person who asked."""

    def __init__(self, message, missing=(), duplicate=None):
        super().__init__(message)
        self.message = message
        self.missing = list(missing)
        self.duplicate = duplicate
