"""Logging filters for the site's log (stdout)."""

import logging


class NoTracebackForClientErrors(logging.Filter):
    """A 4xx is a refused or wrong request, not a fault in the code: log its one line
    (method, path, status) without the traceback Django attaches to PermissionDenied and
    friends. 5xx records keep theirs."""

    def filter(self, record: logging.LogRecord) -> bool:
        status = getattr(record, "status_code", None)
        if status is not None and 400 <= status < 500:
            record.exc_info = None
            record.exc_text = None
        return True
