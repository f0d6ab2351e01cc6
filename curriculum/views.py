"""The curriculum's own pages: enrolling, and HR's assignments and requests. Modules are
pages that serve themselves (``ModulePage.serve``).

A page is looked up by ``id``, its own integer key, whose range Django checks (an id beyond
the database's range finds nothing: a 404), not by ``pk``, the one-to-one key to the page,
whose range it does not."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from people.decorators import hr_adviser_required
from people.models import Organisation
from people.selectors import is_hr_adviser, organisations_advised_by, users_visible_to_hr

from . import selectors, services
from .forms import AssignForm, DecisionForm, RequestDeadlineForm
from .models import AssignmentBatch, Enrolment, LearningPath, LearningTrackPage


@login_required
@require_POST
def enrol(request, track_id: int):
    track = get_object_or_404(LearningTrackPage.objects.live(), id=track_id)
    enrolment = services.enrol(user=request.user, track=track)
    if enrolment.status == Enrolment.Status.REQUESTED:
        messages.info(request, _("Je aanvraag is naar je HR-adviseur gestuurd. Je krijgt bericht zodra die besluit."))
        return redirect(track.url)
    messages.success(request, _("Je bent ingeschreven. Veel plezier met leren!"))
    first = selectors.track_page_data(track=track, user=request.user)["resume_module"]
    return redirect(first.url if first else track.url)


@login_required
@require_POST
def restart(request, track_id: int):
    track = get_object_or_404(LearningTrackPage.objects.live(), id=track_id)
    try:
        services.restart_track(user=request.user, track=track)
    except (ValidationError, Enrolment.DoesNotExist):
        raise Http404 from None
    messages.success(request, _("Je doet de leergang opnieuw. Je eerdere antwoorden staan nog klaar."))
    return redirect(track.url)


@login_required
def withdraw_request(request, enrolment_id: int):
    """The learner withdraws their own request that HR has not decided: a page that asks
    to confirm, and the POST that does it. Someone else's request is a 404."""
    enrolment = get_object_or_404(
        selectors.with_decision_days(Enrolment.objects.select_related("track")), pk=enrolment_id, user=request.user
    )
    if request.method == "POST":
        try:
            services.withdraw_request(user=request.user, enrolment_id=enrolment.pk)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(
                request,
                _('Je aanvraag voor "%(track)s" is ingetrokken. Je kunt later opnieuw aanvragen.')
                % {"track": enrolment.track.title},
            )
        return redirect("learner_dashboard")
    if enrolment.status != Enrolment.Status.REQUESTED:
        messages.info(request, _("Over je aanvraag is al besloten; intrekken kan niet meer."))
        return redirect("learner_dashboard")
    selectors.set_request_age(enrolment, today=timezone.localdate())
    return render(request, "curriculum/withdraw_request.html", {"enrolment": enrolment})


# HR ----------------------------------------------------------------------------------


def _advised_organisation(request, slug: str) -> Organisation:
    organisation = organisations_advised_by(adviser=request.user).filter(slug=slug).first()
    if organisation is None:
        raise Http404
    return organisation


@hr_adviser_required
def assign(request):
    form = AssignForm(
        request.POST or None,
        organisations=organisations_advised_by(adviser=request.user),
        people=users_visible_to_hr(adviser=request.user).order_by("full_name"),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            batch = services.start_assignment(
                adviser=request.user,
                organisation=data["organisation"],
                due_date=data["due_date"],
                audience=data["audience"],
                path=data["path"],
                track=data["track"],
                role_profile=data["role_profile"],
                team=data["team"],
                person=data["person"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("curriculum:batch", batch_id=batch.pk)
    return render(request, "curriculum/hr/assign.html", {"form": form}, status=400 if form.errors else 200)


def _advised_batch(request, batch_id: int) -> AssignmentBatch:
    """The batch, if it is of an organisation the signed-in adviser advises; else a 404."""
    return get_object_or_404(
        AssignmentBatch.objects.select_related("organisation", "path", "track"),
        pk=batch_id,
        organisation__in=organisations_advised_by(adviser=request.user),
    )


@login_required
def batch_detail(request, batch_id: int):
    batch = _advised_batch(request, batch_id)
    context = {"batch": batch, **selectors.batch_outcome(batch=batch)}
    return render(request, "curriculum/hr/batch.html", context)


@login_required
@require_POST
def batch_retry(request, batch_id: int):
    """Queue a failed batch again; its page then shows the progress anew."""
    batch = _advised_batch(request, batch_id)
    services.retry_assignment_batch(adviser=request.user, batch=batch)
    return redirect("curriculum:batch", batch_id=batch.pk)


@login_required
def batch_progress(request, batch_id: int):
    batch = _advised_batch(request, batch_id)
    return JsonResponse(batch.progress(created=batch.created_count))


@login_required
def status_table(request, organisation_slug: str, kind: str, target_id: int):
    organisation = _advised_organisation(request, organisation_slug)
    targets = {"pad": ("path", LearningPath.objects.all()), "leergang": ("track", LearningTrackPage.objects.all())}
    if kind not in targets:
        raise Http404
    field, queryset = targets[kind]
    target = get_object_or_404(queryset, id=target_id)
    table = selectors.assignment_table(
        organisation=organisation,
        status=request.GET.get("status", ""),
        page_number=request.GET.get("pagina"),
        today=timezone.localdate(),
        **{field: target},
    )
    if not table["summary"]["total"]:
        raise Http404
    context = {**table, "organisation": organisation, "target": target, "status_filters": selectors.STATUS_FILTERS}
    return render(request, "curriculum/hr/status_table.html", context)


def _requests_page(request, *, forms: dict | None = None, error: str = "", status: int = 200):
    """The list of requests the signed-in adviser (or platform admin) may decide."""
    forms = forms or {}
    pending = [
        (e, forms.get(e.pk) or DecisionForm(prefix=str(e.pk))) for e in selectors.pending_requests(decider=request.user)
    ]
    listed = {e.pk for e, _form in pending}
    # A form whose request left the list (decided meanwhile) still says why it failed.
    errors = [error] if error else []
    errors += [str(e) for pk, form in forms.items() if pk not in listed for e in form.non_field_errors()]
    context = {
        "pending": pending,
        "overdue_count": sum(1 for enrolment, _form in pending if enrolment.is_overdue),
        "errors": errors,
        "is_adviser": is_hr_adviser(user=request.user),
    }
    return render(request, "curriculum/hr/requests.html", context, status=status)


@hr_adviser_required(or_superuser=True)
def requests(request):
    """The requests to decide, for an HR adviser or the platform admin."""
    return _requests_page(request)


@hr_adviser_required
def request_deadline(request):
    """How many days HR has to decide a request, per organisation the adviser advises."""
    organisations = list(organisations_advised_by(adviser=request.user).order_by("name"))
    form = RequestDeadlineForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            services.set_request_decision_days(adviser=request.user, days=form.days)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("De termijn is opgeslagen."))
            return redirect("curriculum:requests")
    return render(request, "curriculum/hr/request_deadline.html", {"form": form}, status=400 if form.errors else 200)


@login_required
@require_POST
def decide(request, enrolment_id: int):
    enrolment = Enrolment.objects.select_related("user", "track").filter(pk=enrolment_id).first()
    if enrolment is None:
        # Gone (withdrawn meanwhile) or never there: whoever has the list says so on it.
        if request.user.is_superuser or is_hr_adviser(user=request.user):
            return _requests_page(request, error=services.request_gone_message(), status=404)
        raise Http404
    try:
        services.check_may_decide(decider=request.user, enrolment=enrolment)
    except services.OwnRequestError as error:
        return _requests_page(request, error=error.args[0], status=403)
    except PermissionDenied:
        raise Http404 from None  # not theirs to decide: reveal nothing
    form = DecisionForm(request.POST, prefix=str(enrolment.pk))
    if form.is_valid():
        try:
            services.decide_enrolment(
                adviser=request.user,
                enrolment_id=enrolment.pk,
                approve=form.cleaned_data["decision"] == "approve",
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Je besluit is opgeslagen en de deelnemer is op de hoogte gebracht."))
            return redirect("curriculum:requests")
    return _requests_page(request, forms={enrolment.pk: form}, status=400)
