"""The audit log in the Wagtail admin: every event (sign-ins, refusals, role and membership
changes, assignments, revocations, exports, erasures), newest first, filtered by organisation,
event, who and date. For the platform admin, read-only: nobody adds, edits or deletes an entry."""

import django_filters
from django import forms
from django.core.exceptions import FieldDoesNotExist
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.timezone import localtime
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from people.models import Organisation, User
from people.permissions import ReadOnlyPermissionPolicy
from people.viewsets import audit_changes

from .models import Action, AuditEvent

# Before the viewset asks Wagtail for the policy.
register_permission_policy(AuditEvent, ReadOnlyPermissionPolicy(AuditEvent))

DETAIL_LABELS = {
    "known_account": _("bestaand account"),
    "method": _("verzoek"),
    "status": _("antwoord"),
    "change": _("wijziging"),
    "batch": _("opdracht"),
    "track": _("leergang"),
    "people": _("aantal personen"),
    "audience": _("doelgroep"),
    "reason": _("reden"),
    "number": _("nummer"),
    "table": _("tabel"),
    "format": _("formaat"),
    "rows": _("rijen"),
}
CHANGE_LABELS = {
    "create": _("toegevoegd"),
    "update": _("gewijzigd"),
    "delete": _("verwijderd"),
    "access": _("bekeken"),
}


def _detail_value(key: str, value) -> str:
    if isinstance(value, bool):
        return gettext("ja") if value else gettext("nee")
    if key == "change":
        return str(CHANGE_LABELS.get(value, value))
    if isinstance(value, dict):
        return str(value.get("label", value))
    if isinstance(value, list):
        return ", ".join(_detail_value(key, item) for item in value)
    return str(value)


def m2m_changes(entry) -> str:
    """'Groepen erbij: Editors' for a change to a many-to-many field (the admin groups)."""
    model = entry.content_type.model_class()
    parts = []
    for name, change in entry.changes.items():
        try:
            label = capfirst(model._meta.get_field(name).verbose_name)
        except (AttributeError, FieldDoesNotExist):
            label = name
        words = gettext("erbij") if change.get("operation") == "add" else gettext("eraf")
        parts.append(f"{label} {words}: {', '.join(str(item) for item in change.get('objects', []))}")
    return "; ".join(parts)


def event_details(event: AuditEvent) -> str:
    """What changed (for a copied model change) or the event's own details, in Dutch."""
    if event.log_entry_id is not None and event.log_entry is not None:
        entry = event.log_entry
        if any(isinstance(change, dict) and change.get("type") == "m2m" for change in (entry.changes or {}).values()):
            return m2m_changes(entry)
        return audit_changes(entry)
    return "; ".join(
        f"{DETAIL_LABELS.get(key, key)}: {_detail_value(key, value)}" for key, value in sorted(event.details.items())
    )


def event_timestamp(event: AuditEvent) -> str:
    return date_format(localtime(event.created_at), "j F Y H:i:s")


def event_actor(event: AuditEvent) -> str:
    if event.actor is not None:
        return f"{event.actor.get_full_name()} ({event.actor.email})"
    return event.actor_label or gettext("Spil of onbekend")


def event_subject(event: AuditEvent) -> str:
    if not event.subject_label:
        return event.path
    kind = event.subject_type.name if event.subject_type is not None else ""
    return f"{kind[:1].upper()}{kind[1:]}: {event.subject_label}" if kind else event.subject_label


def audit_actors(request=None):
    return User.objects.filter(pk__in=AuditEvent.objects.exclude(actor=None).values("actor")).order_by(
        "full_name", "email"
    )


class ActorChoiceField(django_filters.fields.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.get_full_name()} ({obj.email})"


class ActorFilter(django_filters.ModelChoiceFilter):
    field_class = ActorChoiceField


class AuditEventFilterSet(WagtailFilterSet):
    organisation = django_filters.ModelChoiceFilter(
        label=_("Organisatie"), queryset=Organisation.objects.order_by("name"), empty_label=_("Alle organisaties")
    )
    action = django_filters.MultipleChoiceFilter(
        label=_("Gebeurtenis"), choices=Action.choices, widget=forms.CheckboxSelectMultiple
    )
    actor = ActorFilter(label=_("Door"), queryset=audit_actors, empty_label=_("Iedereen"))
    created_at = django_filters.DateFromToRangeFilter(label=_("Datum"), widget=DateRangePickerWidget)

    class Meta:
        model = AuditEvent
        fields = []


class AuditEventIndexView(IndexView):
    page_title = _("Auditlog")

    @cached_property
    def verbose_name_plural(self):
        return _("gebeurtenissen")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": _("Auditlog")}]

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("actor", "organisation", "subject_type", "log_entry", "log_entry__content_type")
        )


class AuditEventViewSet(ModelViewSet):
    """Who did what, to what, for which organisation, when: newest first."""

    model = AuditEvent
    icon = "history"
    menu_label = _("Auditlog")
    menu_name = "audit_events"
    add_to_settings_menu = True
    index_view_class = AuditEventIndexView
    list_display = [
        Column("created_at", label=_("Wanneer"), sort_key="created_at", accessor=event_timestamp),
        Column("action", label=_("Gebeurtenis"), accessor="get_action_display"),
        Column("organisation", label=_("Organisatie"), accessor=lambda event: event.organisation or "-"),
        Column("actor", label=_("Door"), accessor=event_actor),
        Column("subject", label=_("Waarover"), accessor=event_subject),
        Column("details", label=_("Details"), accessor=event_details),
        Column("ip_prefix", label=_("Netwerk"), accessor=lambda event: event.ip_prefix or "-"),
    ]
    filterset_class = AuditEventFilterSet
    search_fields = ["actor_label", "subject_label", "path"]
    search_backend_name = None
    list_per_page = 50
    copy_view_enabled = False
    add_to_reference_index = False
    # Wagtail builds the form class even where nobody may add or edit.
    form_fields = ["subject_label"]


audit_event_viewset = AuditEventViewSet("audit")
