"""The site's answer when the private storage of attachments fails: a French 503 page, and a log line for the team.

An upload that cannot be written leaves nothing behind (the service's
transaction is rolled back) and a download that cannot be read serves
nothing: the applicant or juror is told to come back later, not shown a 500.
"""

import logging

from django.shortcuts import render

from labels.storage import StorageUnavailable

logger = logging.getLogger("labels.storage")

RETRY_AFTER_SECONDS = 300


class StorageUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, StorageUnavailable):
            return None
        logger.error("Le stockage privé des pièces jointes ne répond pas (%s %s) : %r", request.method,
                     request.path, exception.__cause__, exc_info=exception)
        response = render(request, "503.html", status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
