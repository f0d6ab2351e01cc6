"""Wagtail admin screens for users, organisations, memberships, the outgoing mail and the
audit log."""

import django_filters
from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django import forms
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db import models
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.filters import ContentTypeFilter, DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permissions import register_permission_policy
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import IndexView as WagtailUserIndexView
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from common.admin import InspectView, YesNoColumn

from . import services
from .models import Membership, Organisation, OutgoingEmail, User
from .permissions import ReadOnlyPermissionPolicy

# Before the viewset asks Wagtail for the policy: mail is sent by Spil, never written or
# deleted in the admin; a mail that could not be sent can be sent again.
register_permission_policy(OutgoingEmail, ReadOnlyPermissionPolicy(OutgoingEmail))
# The audit log is written by django-auditlog alone; nobody edits or deletes an entry.
register_permission_policy(LogEntry, ReadOnlyPermissionPolicy(LogEntry))

USER_FIELDS = ["email", "full_name", "preferred_language", "is_superuser", "groups"]


class SpilUserCreationForm(UserCreationForm):
    first_name = None
    last_name = None

    class Meta(UserCreationForm.Meta):
        fields = USER_FIELDS
        widgets = {"groups": forms.CheckboxSelectMultiple}


class SpilUserEditForm(UserEditForm):
    first_name = None
    last_name = None

    class Meta(UserEditForm.Meta):
        fields = [*USER_FIELDS, "is_active"]
        widgets = {"groups": forms.CheckboxSelectMultiple}


class UserIndexView(WagtailUserIndexView):
    @cached_property
    def columns(self):
        """Wagtail's columns, with 'Ja' or 'Nee' where its icon column reads 'True' or 'False'."""
        return [
            YesNoColumn(
                column.name,
                label=column.label,
                sort_key=column.sort_key,
                classname=column.classname,
                width=column.width,
            )
            if isinstance(column, BooleanColumn)
            else column
            for column in super().columns
        ]


class UserViewSet(WagtailUserViewSet):
    index_view_class = UserIndexView
    create_template_name = "people/admin/user_create.html"
    edit_template_name = "people/admin/user_edit.html"

    def get_form_class(self, for_update=False):
        return SpilUserEditForm if for_update else SpilUserCreationForm


class UserChooserViewSet(ChooserViewSet):
    model = User
    icon = "user"
    choose_one_text = _("Kies een persoon")
    choose_another_text = _("Kies een ander persoon")
    edit_item_text = _("Bewerk deze persoon")
    url_filter_parameters = []


user_chooser_viewset = UserChooserViewSet("user_chooser")


class OrganisationViewSet(ModelViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisaties")
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name"]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("request_decision_days"),
        FieldPanel("leaver_retention_days"),
        FieldPanel("audit_retention_days"),
        FieldPanel("erasure_certificates"),
    ]


class MembershipViewSet(ModelViewSet):
    model = Membership
    icon = "user"
    menu_label = _("Lidmaatschappen")
    list_display = ["user", "organisation", "role", "team"]
    list_filter = ["organisation", "role"]
    search_fields = ["user__full_name", "user__email", "team"]
    panels = [
        FieldPanel("user", widget=user_chooser_viewset.widget_class),
        FieldPanel("organisation"),
        FieldPanel("role"),
        FieldPanel("team"),
    ]


class PeopleViewSetGroup(ModelViewSetGroup):
    menu_label = _("Mensen")
    menu_icon = "group"
    menu_order = 250
    items = (OrganisationViewSet("organisations"), MembershipViewSet("memberships"))


class OutgoingEmailInspectView(InspectView):
    template_name = "people/admin/outgoing_email_inspect.html"
    retry_url_name = None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.object.status == OutgoingEmail.Status.FAILED and self.request.user.is_superuser:
            context["retry_url"] = reverse(self.retry_url_name, args=[self.object.pk])
        return context


@require_POST
def retry_email(request, pk: int):
    """Send a mail whose delivery gave up once more: for the platform admin."""
    if not request.user.is_superuser:
        raise PermissionDenied
    email = get_object_or_404(OutgoingEmail, pk=pk)
    if services.retry_email(email_id=email.pk):
        messages.success(request, _("De e-mail staat weer in de wachtrij om verzonden te worden."))
    return redirect(outgoing_email_viewset.get_url_name("inspect"), email.pk)


class OutgoingEmailViewSet(ModelViewSet):
    """The mail Spil sent or tried to send: read-only (see the permission policy), with a
    retry for a mail whose delivery gave up."""

    model = OutgoingEmail
    icon = "mail"
    menu_label = _("Uitgaande e-mails")
    add_to_settings_menu = True
    list_display = [
        "subject",
        "to",
        Column("status", label=_("Status"), accessor="get_status_display"),
        "created_at",
        "attempts",
    ]
    list_filter = ["status"]
    search_fields = ["to", "subject"]
    inspect_view_enabled = True
    inspect_view_class = OutgoingEmailInspectView
    inspect_view_fields_exclude = ["body_html"]
    copy_view_enabled = False
    # Wagtail builds the form class even where nobody may add or edit.
    form_fields = ["to", "subject", "body_text"]

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(retry_url_name=self.get_url_name("retry"), **kwargs)

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("retry/<int:pk>/", retry_email, name="retry")]


outgoing_email_viewset = OutgoingEmailViewSet("outgoing_emails")


# The audit log (django-auditlog, see people/audit.py): read-only, for the platform admin.
# auditlog brings no Dutch, so every label here is our own.

AUDIT_ACTIONS = [
    (LogEntry.Action.CREATE, _("Toegevoegd")),
    (LogEntry.Action.UPDATE, _("Gewijzigd")),
    (LogEntry.Action.DELETE, _("Verwijderd")),
]


def audited_content_types(request=None):
    content_types = ContentType.objects.get_for_models(*auditlog.get_models()).values()
    return ContentType.objects.filter(pk__in=[content_type.pk for content_type in content_types])


def audit_actors(request=None):
    return User.objects.filter(pk__in=LogEntry.objects.exclude(actor=None).values("actor")).order_by(
        "full_name", "email"
    )


class ActorChoiceField(django_filters.fields.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.get_full_name()} ({obj.email})"


class ActorFilter(django_filters.ModelChoiceFilter):
    field_class = ActorChoiceField


class AuditLogFilterSet(WagtailFilterSet):
    content_type = ContentTypeFilter(label=_("Soort"), queryset=audited_content_types, empty_label=_("Alle soorten"))
    action = django_filters.ChoiceFilter(
        label=_("Actie"), choices=AUDIT_ACTIONS, widget=forms.RadioSelect, empty_label=_("Alle acties")
    )
    actor = ActorFilter(label=_("Door"), queryset=audit_actors, empty_label=_("Iedereen"))
    timestamp = django_filters.DateFromToRangeFilter(label=_("Datum"), widget=DateRangePickerWidget)

    class Meta:
        model = LogEntry
        fields = []


def _shown_value(field, value) -> str:
    if value in (None, "None", ""):
        return "-"
    choices = dict(getattr(field, "flatchoices", None) or [])
    if value in choices:
        return str(choices[value])
    if isinstance(field, models.BooleanField):
        return str(_("Ja")) if value == "True" else str(_("Nee"))
    return str(value)


def audit_changes(entry: LogEntry) -> str:
    """'Team of afdeling: Programmabureau → Projectbureau; Rol: Deelnemer → HR-adviseur',
    with the labels of the model's own fields (no query)."""
    model = entry.content_type.model_class()
    parts = []
    for name, values in (entry.changes or {}).items():
        try:
            field = model._meta.get_field(name)
        except (AttributeError, FieldDoesNotExist):
            field, label = None, name
        else:
            label = capfirst(field.verbose_name)
        old, new = [*values, None, None][:2] if isinstance(values, list | tuple) else (None, values)
        if entry.action == LogEntry.Action.CREATE:
            parts.append(f"{label}: {_shown_value(field, new)}")
        elif entry.action == LogEntry.Action.DELETE:
            parts.append(f"{label}: {_shown_value(field, old)}")
        else:
            parts.append(f"{label}: {_shown_value(field, old)} → {_shown_value(field, new)}")
    return "; ".join(parts)


def audit_timestamp(entry: LogEntry) -> str:
    """The exact moment, not Wagtail's 'zojuist' or '3 dagen geleden'."""
    return date_format(localtime(entry.timestamp), "j F Y H:i:s")


def audit_actor(entry: LogEntry) -> str:
    if entry.actor is not None:
        return f"{entry.actor.get_full_name()} ({entry.actor.email})"
    return entry.actor_email or str(_("Spil (automatisch)"))


class AuditLogIndexView(IndexView):
    page_title = _("Auditlog")

    @cached_property
    def verbose_name_plural(self):
        return _("wijzigingen")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": _("Auditlog")}]

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("actor", "content_type")


class AuditLogViewSet(ModelViewSet):
    """Who changed which membership or account, when: every entry of the audit log, newest
    first, filtered by kind, action, who and date. Nobody edits or deletes an entry."""

    model = LogEntry
    icon = "history"
    menu_label = _("Wijzigingen in gegevens")
    menu_name = "auditlog"
    add_to_settings_menu = True
    index_view_class = AuditLogIndexView
    list_display = [
        Column("timestamp", label=_("Wanneer"), sort_key="timestamp", accessor=audit_timestamp),
        Column("action", label=_("Actie"), accessor=lambda entry: dict(AUDIT_ACTIONS).get(entry.action, "")),
        Column("content_type", label=_("Soort"), accessor=lambda entry: capfirst(entry.content_type.name)),
        Column("object_repr", label=_("Wie of wat"), sort_key="object_repr"),
        Column("changes", label=_("Wijzigingen"), accessor=audit_changes),
        Column("actor", label=_("Door"), accessor=audit_actor),
    ]
    filterset_class = AuditLogFilterSet
    search_fields = ["object_repr", "actor_email"]
    search_backend_name = None
    list_per_page = 50
    copy_view_enabled = False
    # An entry refers to nothing that Wagtail's "used by" screens need to know about.
    add_to_reference_index = False
    # Wagtail builds the form class even where nobody may add or edit.
    form_fields = ["object_repr"]


audit_log_viewset = AuditLogViewSet("audit_log")
