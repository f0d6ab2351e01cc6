"""What the audit log (django-auditlog) records about people.

Every change to a membership (added, removed, another role, team or organisation) and to a
person's account status, name, email address or admin groups is logged with who did it,
wherever it happens: the HR pages, the Wagtail admin, provisioning or a shell.
``AuditlogMiddleware`` sets the actor of a request; ``audit`` copies each entry into the one
audit log admins read. Passwords, tokens, login times and the rest of the account are
never logged: the person is registered with an explicit list of fields.

Saves that skip Django's signals (``QuerySet.update()``, ``bulk_create()``) are not logged:
code that changes memberships saves them one by one.
"""

from auditlog.registry import auditlog

from .models import Membership, User

MEMBERSHIP_FIELDS = ["user", "organisation", "role", "team"]
USER_FIELDS = ["is_active", "full_name", "email"]


def register() -> None:
    # The full membership is stored with every entry (``serialized_data``): who and which
    # organisation, also after the membership is gone, so each HR adviser can be shown the
    # entries of their own organisation only.
    auditlog.register(Membership, include_fields=MEMBERSHIP_FIELDS, serialize_data=True)
    # The Wagtail groups (editors, moderators) are a person's roles in the admin: each one
    # given or taken is an entry of its own.
    auditlog.register(User, include_fields=USER_FIELDS, m2m_fields={"groups"})
