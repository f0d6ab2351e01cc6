from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from people.models import User

from . import selectors, services
from .forms import CareerStepForm, DeclareRoleForm


@login_required
def my_career(request):
    record = selectors.career_record(person=request.user)
    current = record["current"]
    initial = {"profile": current.profile, "since": current.since} if current else None
    form = DeclareRoleForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.declare_current_role(user=request.user, **form.cleaned_data)
        messages.success(request, _("Je huidige functie is opgeslagen. Je HR-adviseur bevestigt hem."))
        return redirect("careers:mine")
    context = {**record, "form": form, "next_steps": selectors.next_steps_for(profile=current and current.profile)}
    return render(request, "careers/my_career.html", context, status=400 if form.errors else 200)


def _person_for_adviser(request, user_id: int) -> User:
    """The person, if the signed-in adviser may see them; otherwise a 404 that reveals nothing."""
    person = get_object_or_404(User, pk=user_id, is_active=True)
    if person.pk == request.user.pk or not selectors.can_view_career_record(viewer=request.user, person=person):
        raise Http404
    return person


@login_required
def person_career(request, user_id: int):
    person = _person_for_adviser(request, user_id)
    form = CareerStepForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.record_career_step(adviser=request.user, person=person, **form.cleaned_data)
        messages.success(request, _("De loopbaanstap is vastgelegd."))
        return redirect("careers:person", user_id=person.pk)
    context = {**selectors.career_record(person=person), "form": form}
    return render(request, "careers/person_career.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def confirm_role(request, user_id: int):
    person = _person_for_adviser(request, user_id)
    if not hasattr(person, "current_role"):
        raise Http404
    services.confirm_current_role(adviser=request.user, person=person)
    messages.success(request, _("De huidige functie is bevestigd."))
    return redirect("careers:person", user_id=person.pk)
