"""Guards for views."""

import functools

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

from .selectors import is_hr_adviser


def hr_adviser_required(view=None, *, or_superuser: bool = False):
    """Signed in (else the login page) and an HR adviser of at least one organisation (else
    403); with ``or_superuser`` the platform admin passes too."""

    def decorate(view):
        @login_required
        @functools.wraps(view)
        def guarded(request, *args, **kwargs):
            if not (or_superuser and request.user.is_superuser) and not is_hr_adviser(user=request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return guarded

    return decorate(view) if view is not None else decorate
