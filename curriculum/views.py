from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from common.forms import MAX_ID
from people.models import Organisation
from people.selectors import organisations_advised_by, users_visible_to_hr

from . import selectors, services
from .forms import AssignForm, DecisionForm
from .grading import answer_key
from .models import AssignmentBatch, Enrolment, LearningPath, LearningTrackPage, ModulePage


def _by_id_or_404(queryset, pk: int):
    """``get_object_or_404`` for an id from the URL. A page's id is a one-to-one key, whose
    range Django does not check: an id beyond the database's range is a 404, not a 500."""
    if pk > MAX_ID:
        raise Http404
    return get_object_or_404(queryset, pk=pk)


@login_required
@require_POST
def enrol(request, track_id: int):
    track = _by_id_or_404(LearningTrackPage.objects.live(), track_id)
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
    track = _by_id_or_404(LearningTrackPage.objects.live(), track_id)
    try:
        services.restart_track(user=request.user, track=track)
    except (ValidationError, Enrolment.DoesNotExist):
        raise Http404 from None
    messages.success(request, _("Je doet de leergang opnieuw. Je eerdere antwoorden staan nog klaar."))
    return redirect(track.url)


def _module_answers(request, module: ModulePage) -> tuple[dict, dict]:
    answers, reflections = {}, {}
    for block in module.body:
        if block.block_type == "knowledge_check":
            for index in range(len(block.value["questions"])):
                key = answer_key(block.id, index)
                if key in request.POST:
                    answers[key] = request.POST[key]
        elif block.block_type == "assignment":
            reflections[block.id] = request.POST.get(f"reflection-{block.id}", "")[:5000]
    return answers, reflections


def _block_states(module: ModulePage, answers: dict, reflections: dict, result) -> list[dict]:
    """Each body block with what the learner answered and, after a submit, the feedback."""
    checks = {check.block_id: check for check in result.checks} if result else {}
    reflection_errors = result.reflection_errors if result else {}
    states = []
    for block in module.body:
        state = {"block": block, "type": block.block_type}
        if block.block_type == "knowledge_check":
            check = checks.get(block.id)
            state["check"] = check
            state["questions"] = []
            for index, question in enumerate(block.value["questions"]):
                key = answer_key(block.id, index)
                chosen = str(answers.get(key, ""))
                state["questions"].append(
                    {
                        "key": key,
                        "number": index + 1,
                        "question": question,
                        "choices": [
                            (str(i), choice["text"], chosen == str(i)) for i, choice in enumerate(question["choices"])
                        ],
                        "result": check.questions[index] if check else None,
                    }
                )
        elif block.block_type == "assignment":
            state["reflection"] = reflections.get(block.id, "")
            state["error"] = reflection_errors.get(block.id)
        states.append(state)
    return states


def module_page(request, module: ModulePage):
    """A module, for an enrolled learner: read, answer the checks, write reflections, finish."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    track = module.get_parent().specific
    context = selectors.module_context(module=module, track=track, user=request.user)
    enrolment = context["enrolment"]
    if enrolment is None or not enrolment.is_open:
        messages.info(request, _("Schrijf je eerst in voor deze leergang om de modules te volgen."))
        return redirect(track.url)
    result = None
    if request.method == "POST":
        answers, reflections = _module_answers(request, module)
        result, progress, completed_track = services.complete_module(
            enrolment=enrolment, module=module, answers=answers, reflections=reflections
        )
        if result.passed:
            if completed_track:
                messages.success(
                    request, _("Gefeliciteerd! Je hebt de leergang '%(track)s' afgerond.") % {"track": track.title}
                )
                return redirect(track.url)
            messages.success(request, _("Module afgerond."))
            return redirect(context["next_module"].url if context["next_module"] else track.url)
        context["progress"] = progress
        answers_state, reflections_state = answers, reflections
    else:
        progress = services.open_module(enrolment=enrolment, module=module)
        context["progress"] = progress
        answers_state, reflections_state = progress.answers, progress.reflections
    context.update(
        {
            "page": module,
            "self": module,
            "result": result,
            "blocks": _block_states(module, answers_state, reflections_state, result),
        }
    )
    return TemplateResponse(request, module.template, context, status=400 if result and result.missing_answers else 200)


# HR ----------------------------------------------------------------------------------


def _advised_organisation(request, slug: str) -> Organisation:
    organisation = organisations_advised_by(adviser=request.user).filter(slug=slug).first()
    if organisation is None:
        raise Http404
    return organisation


@login_required
def assign(request):
    organisations = list(organisations_advised_by(adviser=request.user))
    if not organisations:
        raise PermissionDenied
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
    batch = get_object_or_404(
        AssignmentBatch.objects.select_related("organisation", "path", "track"),
        pk=batch_id,
        organisation__in=organisations_advised_by(adviser=request.user),
    )
    return batch


@login_required
def batch_detail(request, batch_id: int):
    batch = _advised_batch(request, batch_id)
    context = {"batch": batch, **selectors.batch_outcome(batch=batch)}
    return render(request, "curriculum/hr/batch.html", context)


@login_required
def batch_progress(request, batch_id: int):
    batch = _advised_batch(request, batch_id)
    return JsonResponse(
        {
            "status": batch.status,
            "status_label": batch.get_status_display(),
            "processed": batch.processed,
            "total": batch.total,
            "created": batch.created_count,
            "percent": batch.percent,
        }
    )


@login_required
def status_table(request, organisation_slug: str, kind: str, target_id: int):
    organisation = _advised_organisation(request, organisation_slug)
    targets = {"pad": ("path", LearningPath.objects.all()), "leergang": ("track", LearningTrackPage.objects.all())}
    if kind not in targets:
        raise Http404
    field, queryset = targets[kind]
    target = _by_id_or_404(queryset, target_id)
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
        "errors": errors,
        "is_adviser": organisations_advised_by(adviser=request.user).exists(),
    }
    return render(request, "curriculum/hr/requests.html", context, status=status)


@login_required
def requests(request):
    if not selectors.may_decide_requests(user=request.user):
        raise PermissionDenied
    return _requests_page(request)


@login_required
@require_POST
def decide(request, enrolment_id: int):
    enrolment = get_object_or_404(Enrolment.objects.select_related("user", "track"), pk=enrolment_id)
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
