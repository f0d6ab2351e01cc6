from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from common.forms import MAX_ID
from people.decorators import hr_adviser_required
from people.selectors import organisations_advised_by

from . import selectors, services
from .forms import HeatmapForm, InvitationForm, LevelsForm, PlanItemForm, TargetForm
from .models import Attempt, SelfAssessmentPage


def _own(request, attempt_id: int) -> Attempt:
    attempt = selectors.own_attempt(user=request.user, attempt_id=attempt_id)
    if attempt is None:
        raise Http404
    return attempt


@login_required
@require_POST
def start(request, page_id: int):
    # By ``id``, not ``pk``: Django checks the range of the former, so a huge id is a 404.
    assessment = get_object_or_404(SelfAssessmentPage.objects.live(), id=page_id)
    attempt = services.start_attempt(user=request.user, assessment=assessment)
    return redirect("assessments:step", attempt_id=attempt.pk, number=1)


@login_required
def step(request, attempt_id: int, number: int):
    attempt = _own(request, attempt_id)
    if attempt.status == Attempt.Status.SUBMITTED:
        return redirect("assessments:result", attempt_id=attempt.pk)
    steps = selectors.steps_of(assessment=attempt.assessment)
    if not 1 <= number <= len(steps):
        raise Http404
    competency, statements = steps[number - 1]
    status = 200
    if request.method == "POST":
        form = LevelsForm(request.POST, statements=statements)
        services.save_answers(user=request.user, attempt=attempt, levels=form.levels)
        action = request.POST.get("action", "next")
        if action == "back":
            return redirect("assessments:step", attempt_id=attempt.pk, number=max(1, number - 1))
        if action == "save":
            messages.success(request, _("Je antwoorden zijn bewaard. Je kunt later verder waar je was."))
            return redirect(attempt.assessment.url)
        if form.is_valid() and number < len(steps):
            return redirect("assessments:step", attempt_id=attempt.pk, number=number + 1)
        if form.is_valid():
            try:
                services.submit(user=request.user, attempt=attempt)
            except ValidationError as error:
                messages.error(request, error.messages[0])
            else:
                return redirect("assessments:result", attempt_id=attempt.pk)
        status = 400
    else:
        answers = selectors.answers_by_statement(attempt=attempt)
        form = LevelsForm(
            statements=statements,
            initial={LevelsForm.field_name(s): answers[s.pk] for s in statements if s.pk in answers},
        )
    context = {
        "attempt": attempt,
        "number": number,
        "step_count": len(steps),
        "competency": competency,
        "descriptors": competency.descriptors(),
        "statements": form.rows,
        "errors": form.errors,
    }
    return render(request, "assessments/step.html", context, status=status)


@login_required
def result(request, attempt_id: int):
    """The result of a submitted attempt; a POST chooses the role profile it is compared with."""
    attempt = _own(request, attempt_id)
    if attempt.status != Attempt.Status.SUBMITTED:
        return redirect("assessments:step", attempt_id=attempt.pk, number=1)
    status = 200
    if request.method == "POST":
        form = TargetForm(request.POST)
        if form.is_valid():
            services.set_target(user=request.user, attempt=attempt, profile=form.cleaned_data["profile"])
            return redirect("assessments:result", attempt_id=attempt.pk)
        status = 400
    else:
        form = TargetForm(initial={"profile": attempt.target_profile})
    context = {
        "attempt": attempt,
        "target_form": form,
        **selectors.result_data(
            attempt=attempt, profile=selectors.comparison_profile(attempt=attempt), viewer=request.user
        ),
    }
    return render(request, "assessments/result.html", context, status=status)


@login_required
@require_POST
def share(request, attempt_id: int):
    attempt = _own(request, attempt_id)
    shared = request.POST.get("share") == "1"
    services.set_sharing(user=request.user, attempt=attempt, shared=shared)
    if shared:
        messages.success(request, _("Je HR-adviseur kan dit resultaat nu zien. Je kunt dat altijd weer intrekken."))
    else:
        messages.success(request, _("Je HR-adviseur kan dit resultaat niet meer zien."))
    return redirect("assessments:result", attempt_id=attempt.pk)


@login_required
def invite(request, attempt_id: int):
    attempt = _own(request, attempt_id)
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.invite(user=request.user, attempt=attempt, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("%(name)s krijgt een e-mail met een link die één keer werkt en over 14 dagen verloopt.")
                % {"name": form.cleaned_data["name"]},
            )
            return redirect("assessments:result", attempt_id=attempt.pk)
    invitations = attempt.invitations.order_by("-created_at")
    per_attempt, per_day = services.invitation_limits()
    return render(
        request,
        "assessments/invite.html",
        {
            "attempt": attempt,
            "form": form,
            "invitations": invitations,
            "per_attempt": per_attempt,
            "per_day": per_day,
        },
        status=400 if form.errors else 200,
    )


@never_cache  # a private page behind a single-use link: no cache may keep it
def rate(request, token: str):
    """The public page where a manager or colleague gives a second opinion."""
    invitation = selectors.invitation_by_token(token=token)
    if invitation is None:
        raise Http404
    if not invitation.is_usable:
        return render(request, "assessments/rate_gone.html", status=410)
    steps = selectors.steps_of(assessment=invitation.attempt.assessment)
    form = LevelsForm(
        request.POST if request.method == "POST" else None,
        statements=[s for _competency, statements in steps for s in statements],
    )
    if form.is_valid():
        try:
            services.rate(token=token, levels=form.levels)
        except PermissionDenied:
            return render(request, "assessments/rate_gone.html", status=410)
        return render(request, "assessments/rate_done.html", {"invitation": invitation})
    rows = {statement.pk: (statement, chosen, error) for statement, chosen, error in form.rows}
    context = {
        "invitation": invitation,
        "person": invitation.attempt.user,
        "steps": [
            (competency, competency.descriptors(), [rows[s.pk] for s in statements]) for competency, statements in steps
        ],
        "errors": form.errors,
    }
    return render(request, "assessments/rate.html", context, status=400 if form.errors else 200)


def _safe_next(request) -> HttpResponseRedirect:
    """Back to ``next`` when it is a path on this site, else to the learner dashboard. Anything
    else (``true``, ``//evil.example``, ``javascript:``, control characters) falls back: never
    an open redirect, never a server error."""
    target = request.POST.get("next", "")
    local = target.startswith("/") and not any(ord(c) < 32 or ord(c) == 127 for c in target)
    if local and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return HttpResponseRedirect(target)
    return HttpResponseRedirect(reverse("learner_dashboard"))


@login_required
@require_POST
def plan_add(request):
    form = PlanItemForm(request.POST)
    if not form.is_valid():
        raise Http404
    attempt = _own(request, form.cleaned_data["attempt"]) if form.cleaned_data["attempt"] else None
    track = form.cleaned_data["track"]
    services.add_to_plan(user=request.user, track=track, competency=form.cleaned_data["competency"], attempt=attempt)
    messages.success(request, _("'%(track)s' staat in je ontwikkelplan.") % {"track": track.title})
    return _safe_next(request)


@login_required
@require_POST
def plan_remove(request, item_id: int):
    if item_id > MAX_ID or not services.remove_from_plan(user=request.user, item_id=item_id):
        raise Http404  # not one of theirs (or gone already): nothing to say about it
    return _safe_next(request)


@hr_adviser_required
def hr_overview(request):
    organisations = list(organisations_advised_by(adviser=request.user))
    assessments = SelfAssessmentPage.objects.live().order_by("title")
    form = HeatmapForm(request.GET or None, assessments=assessments)
    assessment = profile = None
    if form.is_valid():
        assessment, profile = form.cleaned_data["zelfscan"], form.cleaned_data["doel"]
    assessment = assessment or assessments.first()
    heatmaps = (
        [
            (
                organisation,
                selectors.organisation_heatmap(organisation=organisation, assessment=assessment, profile=profile),
            )
            for organisation in organisations
        ]
        if assessment
        else []
    )
    context = {
        "form": form,
        "assessment": assessment,
        "profile": profile,
        "heatmaps": heatmaps,
        "min_size": selectors.MIN_GROUP_SIZE,
        "shared": selectors.shared_attempts(organisations=organisations),
    }
    return render(request, "assessments/hr_overview.html", context)


@login_required
def hr_result(request, attempt_id: int):
    attempt = selectors.hr_visible_attempt(adviser=request.user, attempt_id=attempt_id)
    if attempt is None:
        raise Http404
    context = {
        "attempt": attempt,
        "hr_view": True,
        **selectors.result_data(attempt=attempt, profile=attempt.target_profile),
    }
    return render(request, "assessments/hr_result.html", context)
