"""What the session page shows a person during and after a session: checking in, feedback,
the report and the materials (templates/circles/components/after_session.html)."""

from dataclasses import dataclass, field

from django import template
from django.utils import timezone

from circles import attendance, charts
from circles import selectors as circle_selectors
from circles.models import LearningCirclePage, Session, SessionMaterial
from circles.organiser.forms import CheckInForm

register = template.Library()


@dataclass(frozen=True)
class AfterSession:
    is_member: bool = False
    is_organiser: bool = False
    # Checking in: shown to members of an online session on its day, until it ends.
    show_check_in: bool = False
    check_in_refused: str | None = None
    check_in_message: str = ""
    check_in_form: CheckInForm | None = None
    is_present: bool = False
    # Feedback: None when it can be given, else why not ("given", "not_attended", ...).
    feedback_state: str | None = None
    show_feedback: bool = False
    # Members only.
    report: str = ""
    materials: list[SessionMaterial] = field(default_factory=list)


@register.simple_tag(takes_context=True)
def after_session(context, session: Session, circle: LearningCirclePage) -> AfterSession:
    """``{% after_session session circle as after %}``: the state of the signed-in person."""
    user = context["request"].user
    if not user.is_authenticated:
        return AfterSession()
    is_organiser = circle_selectors.is_organiser(circle=circle, user=user)
    if session.is_cancelled:
        return AfterSession(is_organiser=is_organiser)
    now = timezone.now()
    is_member = circle_selectors.is_member(circle=circle, user=user)
    _opens, closes = attendance.check_in_window(session=session)
    on_the_day = timezone.localdate(now) >= timezone.localtime(session.starts_at).date()
    is_present = attendance.is_present(user=user, session=session)
    refused = attendance.check_in_state(user=user, session=session, now=now)
    feedback_state = attendance.feedback_state(user=user, session=session, now=now) if now >= session.ends_at else None
    members_content = is_member or is_organiser
    return AfterSession(
        is_member=is_member,
        is_organiser=is_organiser,
        show_check_in=is_member and bool(session.online_url) and on_the_day and now <= closes,
        check_in_refused=refused,
        check_in_message=attendance.check_in_refusal(refused, session).message if refused else "",
        check_in_form=CheckInForm(auto_id="inchecken-%s"),
        is_present=is_present,
        feedback_state=feedback_state,
        show_feedback=now >= session.ends_at and feedback_state in (None, "given"),
        report=session.report if members_content and session.report_published_at else "",
        materials=list(session.materials.order_by("added_at", "pk")) if members_content else [],
    )


@register.inclusion_tag("circles/organiser/components/intake_summary.html", takes_context=True)
def intake_summary(context, circle: LearningCirclePage, is_member=None, is_organiser=None) -> dict:
    """For the circle's page: a link to the intake poll for members and organisers, and the
    aggregated answers once enough members gave them. ``{% intake_summary page %}``; a page
    that knows already passes ``is_member=... is_organiser=...`` and saves the queries."""
    user = context["request"].user
    if not user.is_authenticated:
        return {"show": False}
    if is_member is None:
        is_member = circle_selectors.is_member(circle=circle, user=user)
    if is_organiser is None:
        is_organiser = circle_selectors.is_organiser(circle=circle, user=user)
    is_member = bool(is_member)
    if not (is_member or is_organiser):
        return {"show": False}
    results = attendance.intake_results(circle=circle)
    if not results:
        return {"show": False}
    return {
        "show": True,
        "circle": circle,
        "is_member": is_member,
        "answered": bool(attendance.intake_answers_of(user=user, circle=circle)),
        "intake_charts": charts.intake_charts(results),
        "min_answers": attendance.INTAKE_MIN_ANSWERS,
    }
