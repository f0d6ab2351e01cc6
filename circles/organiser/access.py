"""Who reaches the organiser's pages: signed in (else the login page), a leerkringorganisator
(else 403), and for a circle or session, an organiser of that circle (else 404, so the
pages of other circles do not even show that they exist)."""

import functools

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from circles.models import LearningCirclePage, Session, SessionMaterial
from common.forms import MAX_ID

from . import selectors


def organiser_required(view):
    @login_required
    @functools.wraps(view)
    def guarded(request, *args, **kwargs):
        if not selectors.is_organiser(user=request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return guarded


def checked_id(pk: int) -> int:
    """An id from the address, or 404 when no row can have it (the database would refuse
    to compare with a number beyond its range instead of finding nothing)."""
    if pk > MAX_ID:
        raise Http404
    return pk


def organised_circle_or_404(request, circle_id: int) -> LearningCirclePage:
    return get_object_or_404(selectors.organised_circles(user=request.user), pk=checked_id(circle_id))


def organised_session_or_404(request, session_id: int) -> Session:
    return get_object_or_404(selectors.sessions_of_organiser(user=request.user), pk=checked_id(session_id))


def organised_material_or_404(request, session: Session, material_id: int) -> SessionMaterial:
    return get_object_or_404(SessionMaterial.objects.filter(session=session), pk=checked_id(material_id))
