from django import template

from careers import selectors
from careers.forms import ConversationRequestForm

register = template.Library()


@register.filter
def descriptor(competency, level: int) -> str:
    """What ``level`` of ``competency`` looks like in practice."""
    return competency.descriptor(level)


@register.simple_tag(takes_context=True)
def conversation_request(context, profile) -> dict:
    """For ``careers/_conversation_request.html``: the signed-in learner's open request about
    ``profile``, or else why they cannot ask (whom to contact), or else the form to ask with.
    One query when a request is open, two otherwise; none for a visitor."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or profile is None or not getattr(profile, "pk", None):
        return {}
    state = selectors.conversation_request_state(learner=user, profile=profile)
    if state["conversation"] is None and not state["refusal"]:
        state["form"] = ConversationRequestForm(
            fixed_profile=profile,
            auto_id=f"gesprek-{profile.pk}-%s",
            initial={"next": request.get_full_path()},
        )
    return state
