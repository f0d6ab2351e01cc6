"""The mails about development conversations, each rendered in its recipient's language."""

from django.conf import settings
from django.urls import reverse

from people.services import send_templated_email

from . import selectors
from .models import DevelopmentConversation


def conversation_requested(*, conversation: DevelopmentConversation) -> None:
    """Every active HR adviser of the learner's organisations hears of the request."""
    url = settings.SITE_URL + reverse("careers:hr_conversation", args=[conversation.pk])
    for adviser in selectors.conversation_advisers(learner=conversation.learner):
        send_templated_email(
            to=adviser,
            template="careers/email/conversation_requested",
            context={"conversation": conversation, "url": url},
        )


def conversation_planned(*, conversation: DevelopmentConversation) -> None:
    send_templated_email(
        to=conversation.learner,
        template="careers/email/conversation_planned",
        context={"conversation": conversation, "url": settings.SITE_URL + reverse("careers:conversations")},
    )


def outcome_recorded(*, conversation: DevelopmentConversation) -> None:
    send_templated_email(
        to=conversation.learner,
        template="careers/email/outcome_recorded",
        context={"conversation": conversation, "url": settings.SITE_URL + reverse("careers:conversations")},
    )


def conversation_withdrawn(*, conversation: DevelopmentConversation) -> None:
    """The adviser who planned the conversation hears that it is off."""
    send_templated_email(
        to=conversation.adviser,
        template="careers/email/conversation_withdrawn",
        context={"conversation": conversation, "url": settings.SITE_URL + reverse("careers:hr_conversations")},
    )
