"""HR's invitation pages and the public page behind an invitation link. HTTP only: the
rules are in services and selectors."""

from urllib.parse import urlencode

from allauth.account import app_settings as account_settings
from allauth.account.utils import complete_signup
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from people.decorators import hr_adviser_required
from people.selectors import organisations_advised_by

from . import selectors, services
from .forms import AcceptForm, InviteForm, UploadForm
from .models import Invitation, InvitationImport
from .rules import account_for, owns_address

# HR ----------------------------------------------------------------------------------


def _organisations(request) -> list:
    return list(organisations_advised_by(adviser=request.user).order_by("name"))


def _list_page(request, *, invite_form=None, upload_form=None, status: int = 200):
    organisations = _organisations(request)
    query = request.GET.get("q", "").strip()[:100]
    listing = selectors.invitation_page(
        adviser=request.user,
        status_slug=request.GET.get("status", ""),
        query=query,
        page_number=request.GET.get("pagina"),
    )
    kept = {key: value for key, value in (("status", listing["status"]), ("q", query)) if value}
    context = {
        **listing,
        "query": query,
        "page_query": "&" + urlencode(kept) if kept else "",
        "invite_form": invite_form or InviteForm(organisations=organisations),
        "upload_form": upload_form or UploadForm(organisations=organisations),
        "imports": selectors.recent_imports(adviser=request.user),
        "organisations": organisations,
    }
    return render(request, "invitations/hr/list.html", context, status=status)


@hr_adviser_required
def invitation_list(request):
    """The adviser's invitations with their status, and the forms to invite one person or a file."""
    if request.method != "POST":
        return _list_page(request)
    form = InviteForm(request.POST, organisations=_organisations(request))
    if form.is_valid():
        try:
            invitation = services.invite(
                adviser=request.user,
                organisation=form.chosen_organisation(),
                email=form.cleaned_data["email"],
                full_name=form.cleaned_data["full_name"],
                team=form.cleaned_data["team"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("De uitnodiging voor %(name)s is verstuurd naar %(email)s.")
                % {"name": invitation.full_name, "email": invitation.email},
            )
            return redirect("invitations:list")
    return _list_page(request, invite_form=form, status=400)


@hr_adviser_required
@require_POST
def upload(request):
    """Read a file and show its preview; nothing is invited yet."""
    form = UploadForm(request.POST, request.FILES, organisations=_organisations(request))
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            job = services.preview_import(
                adviser=request.user,
                organisation=form.chosen_organisation(),
                data=upload.read(),
                file_name=upload.name or "",
            )
        except ValidationError as error:
            form.add_error("file", error)
        else:
            return redirect("invitations:import", job_id=job.pk)
    return _list_page(request, upload_form=form, status=400)


@hr_adviser_required
def example_file(request):
    """A CSV file with the right header and one example row, to fill in."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="uitnodigingen-voorbeeld.csv"'
    response.write("\ufeffnaam;e-mail;team;rol\r\n")
    response.write(_("Sanne de Boer;sanne.deboer@voorbeeld.nl;Programmabureau;deelnemer") + "\r\n")
    return response


def _advised_invitation(request, invitation_id: int) -> Invitation:
    invitation = selectors.advised_invitation(adviser=request.user, invitation_id=invitation_id)
    if invitation is None:
        raise Http404
    return invitation


@hr_adviser_required
@require_POST
def resend(request, invitation_id: int):
    invitation = _advised_invitation(request, invitation_id)
    try:
        services.resend(adviser=request.user, invitation_id=invitation.pk)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("De uitnodiging is opnieuw verstuurd naar %(email)s. De vorige link werkt niet meer.")
            % {"email": invitation.email},
        )
    return redirect("invitations:list")


@hr_adviser_required
@require_POST
def revoke(request, invitation_id: int):
    invitation = _advised_invitation(request, invitation_id)
    try:
        services.revoke(adviser=request.user, invitation_id=invitation.pk)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("De uitnodiging voor %(name)s is ingetrokken. De link werkt niet meer.") % {"name": invitation.full_name},
        )
    return redirect("invitations:list")


def _advised_import(request, job_id: int) -> InvitationImport:
    job = selectors.advised_import(adviser=request.user, job_id=job_id)
    if job is None:
        raise Http404
    return job


@hr_adviser_required
def import_detail(request, job_id: int, *, error: str = "", status: int = 200):
    """The preview of a file (its rows and their problems) or, once confirmed, its progress."""
    job = _advised_import(request, job_id)
    show = request.GET.get("toon", "")
    only_problems = show != "alle" and job.problem_count > 0
    context = {
        "job": job,
        "rows_page": selectors.import_rows_page(
            job=job, only_problems=only_problems, page_number=request.GET.get("pagina")
        ),
        "only_problems": only_problems,
        "page_query": "&toon=alle" if show == "alle" else "",
        "error": error,
    }
    return render(request, "invitations/hr/import.html", context, status=status)


@hr_adviser_required
@require_POST
def import_confirm(request, job_id: int):
    job = _advised_import(request, job_id)
    try:
        services.confirm_import(adviser=request.user, job_id=job.pk)
    except ValidationError as error:
        return import_detail(request, job.pk, error=" ".join(error.messages), status=400)
    return redirect("invitations:import", job_id=job.pk)


@hr_adviser_required
@require_POST
def import_discard(request, job_id: int):
    job = _advised_import(request, job_id)
    if services.discard_import(adviser=request.user, job_id=job.pk):
        messages.success(request, _("Het bestand is weggegooid. Er is niemand uitgenodigd."))
        return redirect("invitations:list")
    return redirect("invitations:import", job_id=job.pk)


@hr_adviser_required
@require_POST
def import_retry(request, job_id: int):
    job = _advised_import(request, job_id)
    services.retry_import(adviser=request.user, job_id=job.pk)
    return redirect("invitations:import", job_id=job.pk)


@hr_adviser_required
def import_progress(request, job_id: int):
    job = _advised_import(request, job_id)
    return JsonResponse(job.progress(invited=job.invited_count))


# The link ----------------------------------------------------------------------------


def _refusal(request, reason: str, invitation: Invitation | None = None):
    """The page for a link that does not bring this person in, with what to do about it."""
    status = {"unknown": 404, "wrong_account": 403, "member_elsewhere": 403}.get(reason, 410)
    return render(request, "invitations/refused.html", {"reason": reason, "invitation": invitation}, status=status)


def accept(request, token: str):
    """Accept an invitation. A signed-in person confirms with a button; a person without an
    account makes one here; a person with an account signs in first, through allauth."""
    invitation = selectors.invitation_by_token(token=token)
    if invitation is None:
        return _refusal(request, "unknown")
    if not invitation.is_usable:
        return _refusal(request, {"accepted": "used"}.get(invitation.status, invitation.status), invitation)
    if request.user.is_authenticated:
        return _accept_signed_in(request, token, invitation)
    if account_for(email=invitation.email) is not None:
        messages.info(
            request,
            _("Je hebt al een account op Spil. Log in; daarna neem je de uitnodiging van %(organisation)s aan.")
            % {"organisation": invitation.organisation.name},
        )
        return redirect_to_login(request.get_full_path())
    form = AcceptForm(
        request.POST if request.method == "POST" else None,
        email=invitation.email,
        initial={"full_name": invitation.full_name},
    )
    if request.method == "POST" and form.is_valid():
        try:
            user = services.accept_with_new_account(
                token=token,
                full_name=form.cleaned_data["full_name"],
                password=form.cleaned_data["password1"],
                language=translation.get_language() or "",
            )
        except services.InvitationRefused as refused:
            if refused.reason == "account_exists":
                return redirect_to_login(request.get_full_path())
            return _refusal(request, refused.reason, invitation)
        messages.success(
            request,
            _("Welkom bij Spil! Je account is klaar en je hoort nu bij %(organisation)s.")
            % {"organisation": invitation.organisation.name},
        )
        return complete_signup(
            request,
            user,
            email_verification=account_settings.EMAIL_VERIFICATION,
            success_url=reverse("learner_dashboard"),
        )
    context = {"invitation": invitation, "form": form, "login_url": _login_url(request)}
    return render(request, "invitations/accept.html", context, status=400 if form.errors else 200)


def _login_url(request) -> str:
    return redirect_to_login(request.get_full_path()).url


def _accept_signed_in(request, token: str, invitation: Invitation):
    if request.method == "POST":
        try:
            services.accept(user=request.user, token=token)
        except services.InvitationRefused as refused:
            return _refusal(request, refused.reason, invitation)
        messages.success(
            request, _("Welkom! Je hoort nu bij %(organisation)s.") % {"organisation": invitation.organisation.name}
        )
        return redirect("learner_dashboard")
    if not owns_address(user=request.user, email=invitation.email):
        return _refusal(request, "wrong_account", invitation)
    return render(request, "invitations/accept_signed_in.html", {"invitation": invitation})
