"""The organiser's pages under /leerkringen/beheer/: the dashboard of their circles, one
circle's numbers, and per session the attendance list, the check-in code, the feedback,
the report with its materials and the attendance exports. Every view is guarded by
``organiser_required`` and looks circles and sessions up among the signed-in person's own."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from circles import attendance, charts, exports
from circles.models import Session

from . import selectors
from .access import (
    checked_id,
    organised_circle_or_404,
    organised_material_or_404,
    organised_session_or_404,
    organiser_required,
)
from .forms import MaterialForm, ReportForm, WalkInForm, parse_attendance


def _session_label(session: Session) -> str:
    return f"{timezone.localtime(session.starts_at):%d-%m-%Y} {session.theme}"


@organiser_required
def dashboard(request):
    cards = selectors.dashboard(user=request.user, now=timezone.now())
    return render(request, "circles/organiser/dashboard.html", {"cards": cards})


@organiser_required
def circle(request, circle_id: int):
    circle = organised_circle_or_404(request, circle_id)
    overview = selectors.circle_overview(circle=circle, now=timezone.now())
    held = [row for row in overview["session_rows"] if not row.session.is_cancelled]
    feedback = overview["feedback"]
    context = {
        "circle": circle,
        **overview,
        "sessions_chart": charts.bar_chart(
            rows=[
                (_session_label(row.session), [row.counts.registered, row.counts.waitlisted, row.counts.present])
                for row in held
            ],
            series=[_("Aangemeld"), _("Wachtlijst"), _("Aanwezig")],
        ),
        "kinds_chart": charts.bar_chart(
            rows=[(label, [count]) for label, count in overview["kinds"]], series=[_("Leden")]
        ),
        "feedback_chart": charts.rating_chart(feedback),
        "intake_charts": charts.intake_charts(overview["intake"]),
        "min_answers": attendance.INTAKE_MIN_ANSWERS,
    }
    return render(request, "circles/organiser/circle.html", context)


def _attendance_page(request, session: Session, *, walk_in_form: WalkInForm | None = None, status: int = 200):
    now = timezone.now()
    rows = attendance.attendance_list(sessions=[session])
    code = None
    if session.online_url and not session.is_cancelled and now <= session.ends_at:
        code = attendance.check_in_code(actor=request.user, session=session)
    opens, closes = attendance.check_in_window(session=session)
    context = {
        "session": session,
        "circle": session.circle,
        "rows": rows,
        "present": sum(1 for row in rows if row.status == attendance.PRESENT),
        "is_open": attendance.attendance_open(session=session, now=now),
        "code": code,
        "check_in_opens": opens,
        "check_in_closes": closes,
        "walk_in_form": walk_in_form or WalkInForm(),
    }
    return render(request, "circles/organiser/attendance.html", context, status=status)


@never_cache
@organiser_required
def attendance_list(request, session_id: int):
    session = organised_session_or_404(request, session_id)
    if request.method == "POST":
        by_user, by_walk_in = parse_attendance(request.POST)
        try:
            attendance.record_attendance(actor=request.user, session=session, by_user=by_user, by_walk_in=by_walk_in)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("De aanwezigheid is opgeslagen."))
        return redirect("circles:organiser:attendance", session_id=session.pk)
    return _attendance_page(request, session)


@organiser_required
@require_POST
def walk_in(request, session_id: int):
    session = organised_session_or_404(request, session_id)
    form = WalkInForm(request.POST)
    if form.is_valid():
        try:
            record = attendance.add_walk_in(actor=request.user, session=session, **form.cleaned_data)
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for name, errors in error.message_dict.items():
                    form.add_error(name if name in form.fields else None, errors)
            else:
                form.add_error(None, error)
        else:
            name = record.user.get_full_name() if record.user else record.name
            messages.success(request, _("%(name)s staat op de lijst als aanwezig.") % {"name": name})
            return redirect("circles:organiser:attendance", session_id=session.pk)
    return _attendance_page(request, session, walk_in_form=form, status=400)


@organiser_required
@require_POST
def remove_walk_in(request, session_id: int, attendance_id: int):
    session = organised_session_or_404(request, session_id)
    if attendance.remove_walk_in(actor=request.user, session=session, attendance_id=checked_id(attendance_id)):
        messages.success(request, _("De binnenloper staat niet meer op de lijst."))
    return redirect("circles:organiser:attendance", session_id=session.pk)


@never_cache
@organiser_required
def check_in_code(request, session_id: int):
    """The code large enough to share on screen during an online session; POST makes a new one."""
    session = organised_session_or_404(request, session_id)
    if request.method == "POST":
        attendance.renew_check_in_code(actor=request.user, session=session)
        messages.success(request, _("Er is een nieuwe code. De oude werkt niet meer."))
        return redirect("circles:organiser:check_in_code", session_id=session.pk)
    opens, closes = attendance.check_in_window(session=session)
    context = {
        "session": session,
        "circle": session.circle,
        "code": attendance.check_in_code(actor=request.user, session=session) if session.online_url else None,
        "check_in_opens": opens,
        "check_in_closes": closes,
        "check_in_url": request.build_absolute_uri(reverse("circles:participation:check_in", args=[session.pk])),
    }
    return render(request, "circles/organiser/check_in_code.html", context)


@organiser_required
def feedback(request, session_id: int):
    session = organised_session_or_404(request, session_id)
    summary = attendance.feedback_summary(session=session)
    context = {
        "session": session,
        "circle": session.circle,
        "summary": summary,
        "chart": charts.rating_chart(summary),
    }
    return render(request, "circles/organiser/feedback.html", context)


def _report_page(request, session: Session, *, form=None, material_form=None, status: int = 200):
    context = {
        "session": session,
        "circle": session.circle,
        "form": form or ReportForm(report_html=session.report),
        "material_form": material_form or MaterialForm(),
        "materials": list(session.materials.order_by("added_at", "pk")),
    }
    return render(request, "circles/organiser/report.html", context, status=status)


@organiser_required
def report(request, session_id: int):
    """Write, publish, or withdraw the session's report."""
    session = organised_session_or_404(request, session_id)
    if request.method != "POST":
        return _report_page(request, session)
    if request.POST.get("action") == "withdraw":
        attendance.withdraw_report(actor=request.user, session=session)
        messages.success(request, _("Het verslag is niet meer zichtbaar voor de leden."))
        return redirect("circles:organiser:report", session_id=session.pk)
    form = ReportForm(request.POST, report_html=session.report)
    if form.is_valid():
        publish = request.POST.get("action") == "publish"
        try:
            attendance.save_report(actor=request.user, session=session, report=form.report_html, publish=publish)
        except ValidationError as error:
            form.add_error("report", error.message_dict.get("report", error.messages))
        else:
            if session.report_published_at:
                messages.success(request, _("Het verslag is opgeslagen en staat voor de leden klaar."))
            else:
                messages.success(request, _("Het verslag is opgeslagen. Leden zien het pas als je het publiceert."))
            return redirect("circles:organiser:report", session_id=session.pk)
    return _report_page(request, session, form=form, status=400)


@organiser_required
@require_POST
def add_material(request, session_id: int):
    session = organised_session_or_404(request, session_id)
    form = MaterialForm(request.POST, request.FILES)
    if form.is_valid():
        attendance.add_material(
            actor=request.user,
            session=session,
            title=form.cleaned_data["title"],
            upload=form.cleaned_data["file"],
            url=form.cleaned_data["url"],
        )
        messages.success(request, _("Het materiaal staat bij de bijeenkomst. Alleen leden kunnen het openen."))
        return redirect("circles:organiser:report", session_id=session.pk)
    return _report_page(request, session, material_form=form, status=400)


@organiser_required
@require_POST
def remove_material(request, session_id: int, material_id: int):
    session = organised_session_or_404(request, session_id)
    material = organised_material_or_404(request, session, material_id)
    attendance.remove_material(actor=request.user, material=material)
    messages.success(request, _("%(title)s is verwijderd.") % {"title": material.title})
    return redirect("circles:organiser:report", session_id=session.pk)


def _csv(circle, session=None):
    response = StreamingHttpResponse(
        exports.csv_lines(exports.attendance_rows(circle=circle, session=session)), content_type="text/csv"
    )
    name = exports.file_name(circle=circle, session=session, extension="csv")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _xlsx(circle, session=None):
    title = session.theme if session else circle.title
    output = exports.xlsx_file(exports.attendance_rows(circle=circle, session=session), title=title)
    return FileResponse(
        output,
        as_attachment=True,
        filename=exports.file_name(circle=circle, session=session, extension="xlsx"),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


@never_cache
@organiser_required
def circle_csv(request, circle_id: int):
    return _csv(organised_circle_or_404(request, circle_id))


@never_cache
@organiser_required
def circle_xlsx(request, circle_id: int):
    return _xlsx(organised_circle_or_404(request, circle_id))


@never_cache
@organiser_required
def session_csv(request, session_id: int):
    session = organised_session_or_404(request, session_id)
    return _csv(session.circle, session)


@never_cache
@organiser_required
def session_xlsx(request, session_id: int):
    session = organised_session_or_404(request, session_id)
    return _xlsx(session.circle, session)
