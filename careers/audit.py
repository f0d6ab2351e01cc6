"""What the audit log (django-auditlog) records about careers: every development
conversation as it is asked for, planned, closed or withdrawn, with who did it (the
request's signed-in person, see ``AuditlogMiddleware``). The texts people wrote (the
learner's message, the adviser's notes) stay in the conversation itself, not in the log."""

from auditlog.registry import auditlog

from .models import DevelopmentConversation

CONVERSATION_FIELDS = [
    "learner",
    "organisation",
    "target_profile",
    "status",
    "planned_on",
    "adviser",
    "outcome",
    "held_on",
    "career_step",
]


def register() -> None:
    auditlog.register(DevelopmentConversation, include_fields=CONVERSATION_FIELDS)
