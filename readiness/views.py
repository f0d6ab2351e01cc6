from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render

from careers.models import RoleProfilePage

from . import selectors


@login_required
def next_steps(request):
    """The steps described from the learner's current role, each opening its readiness."""
    return render(request, "readiness/next_steps.html", selectors.next_steps_overview(user=request.user))


@login_required
def readiness(request, profile_id: int):
    """How ready the signed-in learner is for one role; only ever their own data."""
    profile = get_object_or_404(RoleProfilePage.objects.live(), pk=profile_id)
    return render(request, "readiness/readiness.html", selectors.readiness_for(user=request.user, profile=profile))
