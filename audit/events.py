"""The one way to write an audit event: ``record(Action.LOGIN, actor=user, request=request)``.

Everything that happens to a person or an organisation and must be answerable later goes through
``record``: sign-ins, refusals, assignments, revocations, exports, erasures. Changes to registered
models (memberships, roles, accounts…) are logged by django-auditlog and copied into the same table
by ``audit.signal_handlers``, so admins read one list.

Nothing secret is ever stored: detail keys that name a password, token, code, secret, key or
session are dropped (also nested), the path is stored without its query string, and the client's
address is cut to its network (IPv4 /24, IPv6 /48). ``record`` never raises: an audit failure is
logged and the user's action goes on.
"""

import ipaddress
import logging
import re
from collections.abc import Iterable
from typing import Any

from django.db import models, transaction

from .models import Action, AuditEvent

__all__ = ["Action", "record"]

logger = logging.getLogger(__name__)

# A details key containing one of these fragments, or with one of these words, is never stored.
SECRET_FRAGMENTS = ("password", "passwd", "secret", "token", "credential", "cookie", "csrf", "apikey")
SECRET_WORDS = {"code", "codes", "pwd", "pin", "otp", "totp", "session", "sessionid", "signature", "salt"}
SECRET_KEY_NAMES = {"api_key", "private_key", "session_key", "secret_key", "access_key", "key"}
MAX_TEXT = 500


def is_secret_key(key: str) -> bool:
    lowered = str(key).lower()
    if lowered in SECRET_KEY_NAMES or any(part in lowered for part in SECRET_FRAGMENTS):
        return True
    return any(word in SECRET_WORDS for word in re.split(r"[^a-z0-9]+", lowered))


def clean_details(value: Any) -> Any:
    """A JSON-safe copy without secret keys; long texts are cut."""
    if isinstance(value, dict):
        return {str(k): clean_details(v) for k, v in value.items() if not is_secret_key(k)}
    if isinstance(value, list | tuple | set | frozenset):
        return [clean_details(v) for v in value]
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, models.Model):
        return {"id": value.pk, "label": str(value)[:MAX_TEXT]}
    return str(value)[:MAX_TEXT]


def network_of(address: str | None) -> str:
    """``192.0.2.17`` becomes ``192.0.2.0/24``; ``2001:db8:1:2::5`` (or its /64, as
    ``common.ratelimit.client_address`` gives it) becomes ``2001:db8:1::/48``."""
    if not address:
        return ""
    try:
        network = ipaddress.ip_network(address.strip(), strict=False)
    except ValueError:
        return ""
    prefix = 24 if network.version == 4 else 48
    return str(network.supernet(new_prefix=prefix)) if network.prefixlen > prefix else str(network)


def network_of_request(request) -> str:
    """The network of the request's client: the address the rate limits count (behind the
    site's own proxies, ``TRUSTED_PROXY_COUNT``; never a header the client wrote), cut short."""
    from common.ratelimit import client_address

    return network_of(client_address(request))


def organisation_ids(organisation) -> list[int | None]:
    """``None``, one organisation (or its id), or several: the ids, each once."""
    if organisation is None or isinstance(organisation, models.Model | int):
        organisation = [organisation]
    elif not isinstance(organisation, Iterable) or isinstance(organisation, str):
        raise TypeError(f"not an organisation: {organisation!r}")
    ids = [item.pk if isinstance(item, models.Model) else item for item in organisation]
    return list(dict.fromkeys(ids)) or [None]


def build(
    action: str, *, actor=None, organisation=None, subject=None, request=None, log_entry=None, **details
) -> list[AuditEvent]:
    """The unsaved entries ``record`` writes (one per organisation concerned)."""
    from django.contrib.contenttypes.models import ContentType

    Action(action)  # an unknown action is a programming error: fail in tests, not silently
    if actor is None and request is not None:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            actor = user
    if actor is not None and not getattr(actor, "is_authenticated", True):
        actor = None
    actor_label = details.pop("actor_label", "")
    if actor is not None:
        actor_label = getattr(actor, "email", "") or str(actor)
    subject_type = None
    subject_id = ""
    subject_label = ""
    if subject is not None:
        subject_type = ContentType.objects.get_for_model(subject, for_concrete_model=False)
        subject_id = str(subject.pk or "")
        subject_label = str(subject)[:255]
    path = ""
    ip_prefix = ""
    if request is not None:
        path = request.path[:255]
        ip_prefix = network_of_request(request)
    cleaned = clean_details(details)
    events = []
    for organisation_id in organisation_ids(organisation):
        events.append(
            AuditEvent(
                action=action,
                actor=actor,
                actor_label=str(actor_label)[:254],
                organisation_id=organisation_id,
                subject_type=subject_type,
                subject_id=subject_id,
                subject_label=subject_label,
                path=path,
                ip_prefix=ip_prefix,
                details=cleaned,
                log_entry=log_entry,
            )
        )
    return events


def record(action: str, *, actor=None, organisation=None, subject=None, request=None, **details) -> None:
    """Write one audit entry per organisation concerned (or one without organisation).

    ``actor`` defaults to ``request.user`` when signed in; ``subject`` is any model instance the
    event is about; ``details`` are extra JSON-able facts (never pass secrets — they are dropped
    by key name anyway). Inside a transaction the entry is written in a savepoint, so a failed
    audit write does not break the caller's transaction; the entry rolls back with it.
    """
    Action(action)
    try:
        events = build(action, actor=actor, organisation=organisation, subject=subject, request=request, **details)
        with transaction.atomic():
            AuditEvent.objects.bulk_create(events)
    except Exception:
        logger.exception("Could not write audit event %s", action)
