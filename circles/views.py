"""The pages of learning circles beside their Wagtail pages: sessions, registering, the
organisers' session forms, invitations, and the calendar files and feeds."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from common.forms import MAX_ID

from . import calendar, selectors, services
from .forms import InvitationForm, SessionCancelForm, SessionEditForm, SessionForm, SessionMoveForm
from .models import CircleInvitation, LearningCirclePage, Session

# The other half of the session page, by the engineer of attendance, feedback and materials:
# shown below the session once that template exists.
AFTER_SESSION_TEMPLATE = "circles/components/after_session.html"


def _circle_or_404(circle_id: int) -> LearningCirclePage:
    if circle_id > MAX_ID:
        raise Http404
    return get_object_or_404(LearningCirclePage.objects.live(), pk=circle_id)


def _session_or_404(session_id: int) -> Session:
    session = selectors.live_session(session_id=session_id) if session_id <= MAX_ID else None
    if session is None:
        raise Http404
    return session


def _organised_circle(request, circle_id: int) -> LearningCirclePage:
    circle = _circle_or_404(circle_id)
    if not selectors.is_organiser(circle=circle, user=request.user):
        raise PermissionDenied
    return circle


def _organised_session(request, session_id: int) -> Session:
    session = _session_or_404(session_id)
    if not selectors.is_organiser(circle=session.circle, user=request.user):
        raise PermissionDenied
    return session


def _calendar_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=calendar.CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _after_session_template() -> str | None:
    try:
        get_template(AFTER_SESSION_TEMPLATE)
    except TemplateDoesNotExist:
        return None
    return AFTER_SESSION_TEMPLATE


# Sessions, as members see them -----------------------------------------------------------


@require_GET
def session_detail(request, session_id: int):
    session = _session_or_404(session_id)
    context = selectors.session_page_context(session=session, user=request.user)
    context["after_session_template"] = _after_session_template()
    return render(request, "circles/session_detail.html", context)


@require_GET
def session_ics(request, session_id: int):
    session = _session_or_404(session_id)
    registration = selectors.registration_of(session=session, user=request.user)
    private = selectors.can_see_private_details(session=session, user=request.user, registration=registration)
    return _calendar_response(calendar.session_download(session, private=private), calendar.filename(session))


@login_required
@require_POST
def register(request, session_id: int):
    session = _session_or_404(session_id)
    try:
        registration = services.register(session=session, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("circles:session", session_id=session.pk)
    if registration.status == registration.Status.REGISTERED:
        messages.success(
            request, _("Je bent aangemeld. De bevestiging met de afspraak voor je agenda staat in je e-mail.")
        )
    else:
        messages.info(
            request,
            _(
                "De bijeenkomst is vol: je staat op de wachtlijst. Komt er een plaats vrij, dan krijg je die "
                "en een e-mail."
            ),
        )
    return redirect("circles:session", session_id=session.pk)


@login_required
@require_POST
def unregister(request, session_id: int):
    session = _session_or_404(session_id)
    try:
        registration = services.cancel_registration(session=session, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if registration is not None:
            messages.success(request, _("Je bent afgemeld voor deze bijeenkomst."))
    return redirect("circles:session", session_id=session.pk)


# Membership ------------------------------------------------------------------------------


@login_required
@require_POST
def join(request, circle_id: int):
    circle = _circle_or_404(circle_id)
    try:
        services.join_circle(circle=circle, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Je bent lid van deze leerkring. Meld je aan voor een bijeenkomst hieronder."))
    return redirect(circle.url)


@login_required
@require_POST
def leave(request, circle_id: int):
    circle = _circle_or_404(circle_id)
    if services.leave_circle(circle=circle, user=request.user):
        messages.success(
            request,
            _("Je bent geen lid meer van deze leerkring. Je aanmeldingen voor komende bijeenkomsten zijn vervallen."),
        )
    return redirect(circle.url)


# Sessions, as organisers manage them -----------------------------------------------------


def _render_form(request, template: str, context: dict, form) -> HttpResponse:
    return render(request, template, {**context, "form": form}, status=400 if form.errors else 200)


def _session_form(request, form, save, *, success: str, context: dict) -> HttpResponse:
    """The organiser's session form: on a valid POST, ``save(cleaned_data)`` (a service that
    returns the session) and on to the session's page; else the form again, as typed, with
    the messages of the form and of the service."""
    if request.method == "POST" and form.is_valid():
        try:
            session = save(form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, success)
            return redirect("circles:session", session_id=session.pk)
    return _render_form(request, "circles/session_form.html", context, form)


CONTENT_FIELDS = ("theme", "agenda", "online_url", "location", "capacity", "registration_deadline")


@login_required
def session_create(request, circle_id: int):
    circle = _organised_circle(request, circle_id)
    return _session_form(
        request,
        SessionForm(request.POST or None),
        lambda data: services.create_session(
            circle=circle,
            created_by=request.user,
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            **{name: data[name] for name in CONTENT_FIELDS},
        ),
        success=_("De bijeenkomst staat op de pagina van de leerkring."),
        context={"circle": circle, "mode": "create"},
    )


@login_required
@require_GET
def session_copy(request, session_id: int):
    """A new session filled in like ``session``, a week later; saving it creates it."""
    session = _organised_session(request, session_id)
    form = SessionForm(initial=SessionForm.copy_of(session, now=timezone.now()))
    context = {"circle": session.circle, "mode": "copy", "source": session}
    return _render_form(request, "circles/session_form.html", context, form)


@login_required
def session_edit(request, session_id: int):
    session = _organised_session(request, session_id)
    registered, _waitlisted = selectors.session_counts(session=session)
    form = SessionEditForm(
        request.POST or None, initial=SessionEditForm.initial_for(session), session=session, registered=registered
    )
    return _session_form(
        request,
        form,
        lambda data: services.update_session(session=session, **{name: data[name] for name in CONTENT_FIELDS}),
        success=_("De bijeenkomst is bijgewerkt."),
        context={"circle": session.circle, "mode": "edit", "session": session},
    )


@login_required
def session_move(request, session_id: int):
    session = _organised_session(request, session_id)
    if session.is_cancelled or session.starts_at <= timezone.now():
        messages.error(request, _("Alleen een bijeenkomst die nog moet beginnen, kan worden verplaatst."))
        return redirect("circles:session", session_id=session.pk)
    return _session_form(
        request,
        SessionMoveForm(request.POST or None, initial=SessionMoveForm.initial_for(session)),
        lambda data: services.move_session(
            session=session,
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            registration_deadline=data["registration_deadline"],
            message=data["message"],
        ),
        success=_("De bijeenkomst is verplaatst. Iedereen die is aangemeld of op de wachtlijst staat, krijgt bericht."),
        context={"circle": session.circle, "mode": "move", "session": session},
    )


@login_required
def session_cancel(request, session_id: int):
    session = _organised_session(request, session_id)
    if session.is_cancelled:
        messages.info(request, _("Deze bijeenkomst is al afgelast."))
        return redirect("circles:session", session_id=session.pk)
    form = SessionCancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.cancel_session(session=session, message=form.cleaned_data["message"])
        messages.success(
            request,
            _("De bijeenkomst is afgelast. Iedereen die is aangemeld of op de wachtlijst staat, krijgt bericht."),
        )
        return redirect("circles:session", session_id=session.pk)
    registered, waitlisted = selectors.session_counts(session=session)
    context = {"circle": session.circle, "session": session, "registered": registered, "waitlisted": waitlisted}
    return _render_form(request, "circles/session_cancel.html", context, form)


# Invitations -----------------------------------------------------------------------------


@login_required
def invitations(request, circle_id: int):
    circle = _organised_circle(request, circle_id)
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        invited, skipped = services.invite(circle=circle, emails=form.cleaned_data["emails"], invited_by=request.user)
        if invited:
            messages.success(request, _("Uitnodigingen verstuurd: %(count)s.") % {"count": invited})
        if skipped:
            messages.info(request, _("Al lid, dus niet uitgenodigd: %(count)s.") % {"count": skipped})
        return redirect("circles:invitations", circle_id=circle.pk)
    context = {"circle": circle, "invitations": selectors.invitations_of(circle=circle)}
    return _render_form(request, "circles/invitations.html", context, form)


@login_required
@require_POST
def invitation_withdraw(request, circle_id: int, invitation_id: int):
    circle = _organised_circle(request, circle_id)
    if invitation_id > MAX_ID:
        raise Http404
    invitation = get_object_or_404(CircleInvitation, pk=invitation_id, circle=circle)
    if services.withdraw_invitation(invitation=invitation):
        messages.success(request, _("De uitnodiging voor %(email)s is ingetrokken.") % {"email": invitation.email})
    else:
        messages.info(request, _("Deze uitnodiging is al aangenomen."))
    return redirect("circles:invitations", circle_id=circle.pk)


# Calendars -------------------------------------------------------------------------------


@require_GET
def circle_feed(request, circle_id: int):
    circle = _circle_or_404(circle_id)
    content = calendar.circle_feed(circle, selectors.circle_feed_sessions(circle=circle))
    return _calendar_response(content, f"leerkring-{circle.slug}.ics")


@require_GET
def personal_feed(request, token: str):
    feed = selectors.feed_by_token(token=token)
    if feed is None:
        raise Http404
    with translation.override(feed.user.preferred_language or settings.LANGUAGE_CODE):
        content = calendar.personal_feed(feed.user, selectors.personal_feed_sessions(user=feed.user))
    response = _calendar_response(content, "mijn-bijeenkomsten.ics")
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


@login_required
@require_GET
def my_calendar(request):
    feed = services.calendar_feed_for(user=request.user)
    address = settings.SITE_URL + reverse("circles:personal_feed", args=[feed.token])
    context = {
        "registrations": selectors.my_sessions(user=request.user),
        "feed_url": address,
        "webcal_url": "webcal://" + address.split("://", 1)[1],
    }
    return render(request, "circles/my_calendar.html", context)


@login_required
@require_POST
def reset_feed(request):
    services.reset_calendar_feed(user=request.user)
    messages.success(
        request,
        _("Je agenda heeft een nieuw adres. Het oude werkt niet meer: abonneer je agenda-app opnieuw met het nieuwe."),
    )
    return redirect("circles:my_calendar")
