from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from people.decorators import hr_adviser_required
from people.models import User

from . import selectors, services
from .forms import CareerStepForm, ConversationRequestForm, DeclareRoleForm, OutcomeForm, PlanForm
from .models import DevelopmentConversation


@login_required
def my_career(request):
    record = selectors.own_career_record(person=request.user)
    current = record["current"]
    initial = {"profile": current.profile, "since": current.since} if current else None
    form = DeclareRoleForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.declare_current_role(user=request.user, **form.cleaned_data)
        messages.success(request, _("Je huidige functie is opgeslagen. Je HR-adviseur bevestigt hem."))
        return redirect("careers:mine")
    next_steps = selectors.next_step_links(profile_id=current.profile_id) if current else []
    request_form = ConversationRequestForm(
        auto_id="gesprek-%s",
        initial={"target_profile": next_steps[0].to_profile_id if next_steps else None, "next": request.path},
    )
    # Both forms list the same role profiles: read once, as (id, title).
    choices = selectors.profile_choices()
    for field in (form.fields["profile"], request_form.fields["target_profile"]):
        field.choices = choices if field.empty_label is None else [("", field.empty_label), *choices]
    context = {
        **record,
        "form": form,
        "next_steps": next_steps,
        "conversations": selectors.conversation_rows(learner=request.user),
        "request_form": request_form,
        "refusal": selectors.conversation_refusal(learner=request.user),
    }
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


# Development conversations: the learner's side --------------------------------------------


def _safe_next(request, url: str) -> str:
    """Where the request form came from, if it is a page of this site."""
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return ""


@login_required
def request_conversation(request):
    """Ask for a development conversation. The readiness page, a role's request form and
    'Mijn loopbaan' post here and get their page back; this page shows the form itself, with
    what was typed, when something needs fixing."""
    if request.method == "POST":
        form = ConversationRequestForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                conversation, created = services.request_conversation(
                    learner=request.user, target_profile=data["target_profile"], message=data["message"]
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                values = {"role": conversation.target_title}
                if created:
                    messages.success(
                        request,
                        _(
                            "Je aanvraag voor een ontwikkelgesprek over %(role)s is naar je HR-adviseur gestuurd. "
                            "Die neemt contact met je op om een datum af te spreken."
                        )
                        % values,
                    )
                else:
                    messages.info(
                        request,
                        _(
                            "Je hebt al een aanvraag voor een ontwikkelgesprek over %(role)s open staan. "
                            "Je HR-adviseur neemt contact met je op."
                        )
                        % values,
                    )
                return redirect(_safe_next(request, data["next"]) or "careers:conversations")
    else:
        form = ConversationRequestForm(initial={"target_profile": request.GET.get("functie", "")[:20]})
    context = {"form": form, "refusal": selectors.conversation_refusal(learner=request.user)}
    return render(request, "careers/conversations/request.html", context, status=400 if form.errors else 200)


@login_required
def my_conversations(request):
    context = {"conversations": selectors.conversations_of(learner=request.user)}
    return render(request, "careers/conversations/mine.html", context)


@login_required
@require_POST
def withdraw_conversation(request, pk: int):
    conversation = get_object_or_404(DevelopmentConversation, pk=pk, learner=request.user)
    try:
        services.withdraw_conversation(learner=request.user, conversation=conversation)
    except ValidationError:
        messages.info(request, _("Deze aanvraag was al afgesloten."))
    else:
        messages.success(request, _("Je aanvraag is ingetrokken."))
    return redirect("careers:conversations")


# Development conversations: the HR adviser's side -----------------------------------------


@hr_adviser_required
def hr_conversations(request):
    context = {
        "open_conversations": selectors.open_conversations_for(adviser=request.user),
        "closed_conversations": selectors.closed_conversations_for(adviser=request.user),
    }
    return render(request, "careers/conversations/hr_list.html", context)


def _conversation_for_adviser(request, pk: int) -> DevelopmentConversation:
    conversation = selectors.conversation_for_adviser(adviser=request.user, conversation_id=pk)
    if conversation is None:
        raise Http404
    return conversation


def _hr_conversation_page(request, conversation, *, outcome_form=None, plan_form=None, status=200):
    if conversation.is_open:
        outcome_form = outcome_form or OutcomeForm(conversation=conversation)
        plan_form = plan_form or PlanForm(initial={"planned_on": conversation.planned_on})
    context = {"conversation": conversation, "outcome_form": outcome_form, "plan_form": plan_form}
    return render(request, "careers/conversations/hr_detail.html", context, status=status)


def _closed(request, conversation):
    messages.error(request, _("Dit gesprek is al afgesloten; er is niets meer vast te leggen."))
    return redirect("careers:hr_conversation", pk=conversation.pk)


@hr_adviser_required
def hr_conversation(request, pk: int):
    conversation = _conversation_for_adviser(request, pk)
    if request.method != "POST":
        return _hr_conversation_page(request, conversation)
    if not conversation.is_open:
        return _closed(request, conversation)
    form = OutcomeForm(request.POST, conversation=conversation)
    if form.is_valid():
        try:
            services.record_outcome(adviser=request.user, conversation=conversation, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("De uitkomst is vastgelegd. De deelnemer krijgt er een e-mail over."))
            return redirect("careers:hr_conversation", pk=conversation.pk)
    return _hr_conversation_page(request, conversation, outcome_form=form, status=400)


@hr_adviser_required
@require_POST
def plan_conversation(request, pk: int):
    conversation = _conversation_for_adviser(request, pk)
    if not conversation.is_open:
        return _closed(request, conversation)
    form = PlanForm(request.POST)
    if form.is_valid():
        try:
            services.plan_conversation(adviser=request.user, conversation=conversation, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("De datum is opgeslagen. De deelnemer krijgt er een e-mail over."))
            return redirect("careers:hr_conversation", pk=conversation.pk)
    return _hr_conversation_page(request, conversation, plan_form=form, status=400)
