"""The members' side of what the organiser runs: checking in with the code, feedback after
a session, the materials (files only through this permission check), and the intake poll.

The session page shows the forms (templates/circles/components/after_session.html) and posts
here; a refused attempt comes back on a page of its own with the form and the reason, a
successful one returns to the page it came from (``next``)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from circles import attendance, charts
from circles import selectors as circle_selectors
from circles.models import LearningCirclePage, Session, SessionMaterial

from .access import checked_id
from .forms import CheckInForm, FeedbackForm, IntakeForm


def _session_or_404(session_id: int) -> Session:
    session = circle_selectors.live_session(session_id=checked_id(session_id))
    if session is None:
        raise Http404
    return session


def _next(request) -> str:
    """The page to return to (the session page that posted the form), if it is one of ours."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    ok = url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure())
    return target if target and ok else ""


@never_cache
@login_required
def check_in(request, session_id: int):
    session = _session_or_404(session_id)
    form = CheckInForm(request.POST or None)
    status = 200
    retry_after = None
    if request.method == "POST" and form.is_valid():
        try:
            attendance.check_in(user=request.user, session=session, code=form.cleaned_data["code"])
        except attendance.CheckInError as refused:
            form.add_error("code", refused.message)
            status, retry_after = (429, refused.retry_after) if refused.code == "throttled" else (400, None)
        else:
            messages.success(request, _("Je bent ingecheckt: je aanwezigheid is vastgelegd."))
            return redirect(_next(request) or request.path)
    elif request.method == "POST":
        status = 400
    refused = attendance.check_in_state(user=request.user, session=session)
    context = {
        "session": session,
        "circle": session.circle,
        "form": form,
        "next": _next(request),
        "present": attendance.is_present(user=request.user, session=session),
        "refused": refused,
        "refused_message": attendance.check_in_refusal(refused, session).message if refused else "",
        "check_in_opens": attendance.check_in_window(session=session)[0],
    }
    response = render(request, "circles/organiser/participation/check_in.html", context, status=status)
    if retry_after:
        response["Retry-After"] = str(retry_after)
    return response


@never_cache
@login_required
def feedback(request, session_id: int):
    session = _session_or_404(session_id)
    form = FeedbackForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            attendance.give_feedback(
                user=request.user,
                session=session,
                rating=form.cleaned_data["rating"],
                comment=form.cleaned_data["comment"],
            )
        except ValidationError as error:
            form.add_error(None, error)
            status = 400
        else:
            messages.success(request, _("Dank je wel voor je feedback!"))
            return redirect(_next(request) or request.path)
    elif request.method == "POST":
        status = 400
    refused = attendance.feedback_state(user=request.user, session=session)
    context = {
        "session": session,
        "circle": session.circle,
        "form": form,
        "next": _next(request),
        "refused": refused,
        "refused_message": attendance.FEEDBACK_REFUSALS.get(refused) if refused else None,
    }
    return render(request, "circles/organiser/participation/feedback.html", context, status=status)


@never_cache
@login_required
def material(request, session_id: int, material_id: int):
    """A material file, for the circle's members and organisers only; never by a media URL."""
    session = _session_or_404(session_id)
    item = get_object_or_404(SessionMaterial, pk=checked_id(material_id), session=session)
    if not attendance.may_see_members_content(user=request.user, circle=session.circle):
        raise PermissionDenied
    if not item.file:
        raise Http404
    response = FileResponse(
        item.file.open("rb"),
        as_attachment=True,
        filename=item.file.name.rsplit("/", 1)[-1],
        content_type=attendance.material_content_type(item),
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@never_cache
@login_required
def intake(request, circle_id: int):
    """A member answers the circle's intake poll (and may change the answers); below, what
    all members answered, per question once enough of them did."""
    circle = get_object_or_404(LearningCirclePage.objects.live(), pk=checked_id(circle_id))
    is_member = circle_selectors.is_member(circle=circle, user=request.user)
    if not is_member and not circle_selectors.is_organiser(circle=circle, user=request.user):
        raise PermissionDenied
    questions = attendance.intake_questions(circle=circle)
    if not questions:
        raise Http404
    answers = attendance.intake_answers_of(user=request.user, circle=circle)
    form = IntakeForm(request.POST or None, questions=questions, answers=answers)
    status = 200
    if request.method == "POST":
        if not is_member:
            raise PermissionDenied
        if form.is_valid():
            try:
                attendance.save_intake_answers(user=request.user, circle=circle, answers=form.answers)
            except ValidationError as error:
                for key, errors in error.message_dict.items():
                    form.add_error(f"question-{key}", errors)
            else:
                messages.success(request, _("Dank je wel: je antwoorden zijn opgeslagen."))
                return redirect("circles:participation:intake", circle_id=circle.pk)
        status = 400
    results = attendance.intake_results(circle=circle)
    context = {
        "circle": circle,
        "form": form,
        "is_member": is_member,
        "answered": bool(answers),
        "intake_charts": charts.intake_charts(results),
        "min_answers": attendance.INTAKE_MIN_ANSWERS,
    }
    return render(request, "circles/organiser/participation/intake.html", context, status=status)
