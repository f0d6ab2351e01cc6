"""The HR adviser's pages about the people of their organisations: /hr/mensen/.

Every page looks the person up among the people the signed-in adviser may see, so a person
of another organisation is a 404 that reveals nothing, for GET and POST alike.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from . import selectors, services
from .decorators import hr_adviser_required
from .forms import PeopleFilterForm, TeamForm
from .models import User
from .selectors import SharedOrganisation


def _person(request, user_id: int) -> tuple[User, list[SharedOrganisation]]:
    person = selectors.person_for_hr(adviser=request.user, user_id=user_id)
    if person is None:
        raise Http404
    return person, selectors.shared_organisations(person=person)


def _chosen(shared: list[SharedOrganisation], value: str | None) -> SharedOrganisation | None:
    """The organisation a form names by id, among those the adviser shares with the person."""
    return next((item for item in shared if str(item.organisation.pk) == (value or "").strip()), None)


@hr_adviser_required
@require_http_methods(["GET", "HEAD"])
def people_list(request):
    filter_form = PeopleFilterForm(
        request.GET if request.GET else None, teams=selectors.teams_advised_by(adviser=request.user)
    )
    filters = filter_form.filters()
    people = selectors.hr_people(adviser=request.user, **filters)
    page = Paginator(people, selectors.HR_PEOPLE_PAGE_SIZE).get_page(request.GET.get("pagina"))
    organisations = list(selectors.organisations_advised_by(adviser=request.user))
    context = {
        "filter_form": filter_form,
        "filtered": any(filters.values()),
        "page_obj": page,
        "rows": [(person, selectors.shared_organisations(person=person)) for person in page.object_list],
        "organisations": organisations,
    }
    return render(request, "people/hr/people_list.html", context, status=400 if filter_form.errors else 200)


@hr_adviser_required
@require_http_methods(["GET", "HEAD", "POST"])
def person_team(request, user_id: int):
    person, shared = _person(request, user_id)
    forms = {
        item.organisation.pk: TeamForm(initial={"team": item.team}, auto_id=f"org{item.organisation.pk}-%s")
        for item in shared
    }
    problem = ""
    if request.method == "POST":
        chosen = _chosen(shared, request.POST.get("organisatie"))
        if chosen is None:
            problem = _("Kies de organisatie op deze pagina opnieuw: de gekozen organisatie hoort er niet bij.")
        else:
            organisation = chosen.organisation
            form = TeamForm(request.POST, auto_id=f"org{organisation.pk}-%s")
            forms[organisation.pk] = form
            if form.is_valid():
                try:
                    services.change_team(
                        adviser=request.user, person=person, organisation=organisation, team=form.cleaned_data["team"]
                    )
                except ValidationError as error:
                    form.add_error(None, error)
                else:
                    team = form.cleaned_data["team"]
                    if team:
                        message = _("%(name)s zit nu in team '%(team)s' van %(organisation)s.")
                    else:
                        message = _("%(name)s zit nu in geen team van %(organisation)s.")
                    messages.success(
                        request,
                        message % {"name": person.get_full_name(), "team": team, "organisation": organisation.name},
                    )
                    return redirect("people:hr_person_team", user_id=person.pk)
    context = {
        "person": person,
        "sections": [(item, forms[item.organisation.pk]) for item in shared],
        "several": len(shared) > 1,
        "problem": problem,
        "history": selectors.membership_history(adviser=request.user, person=person),
        "can_remove": person.pk != request.user.pk,
    }
    invalid = problem or any(form.errors for form in forms.values())
    return render(request, "people/hr/person_team.html", context, status=400 if invalid else 200)


@hr_adviser_required
@require_http_methods(["GET", "HEAD", "POST"])
def person_remove(request, user_id: int):
    person, shared = _person(request, user_id)
    problem = ""
    if request.method == "POST":
        chosen = _chosen(shared, request.POST.get("organisatie"))
        if chosen is None:
            problem = _("Kies de organisatie op deze pagina opnieuw: de gekozen organisatie hoort er niet bij.")
        else:
            organisation = chosen.organisation
            try:
                services.remove_from_organisation(adviser=request.user, person=person, organisation=organisation)
            except ValidationError as error:
                problem = " ".join(error.messages)
            else:
                messages.success(
                    request,
                    _("%(name)s is uit %(organisation)s verwijderd.")
                    % {"name": person.get_full_name(), "organisation": organisation.name},
                )
                return redirect("people:hr_people")
    sections = [
        (item, selectors.removal_refusal(adviser=request.user, person=person, organisation=item.organisation))
        for item in shared
    ]
    context = {"person": person, "sections": sections, "several": len(shared) > 1, "problem": problem}
    return render(request, "people/hr/person_remove.html", context, status=400 if problem else 200)
