"""The admin's view of learning circles: sessions, registrations, members and invitations, to
look up and inspect. All read-only: they change on the site, through the circles' services
(an organiser publishes, moves or cancels a session; members register and cancel), so that
every change reaches the waitlist, the mail and the calendars."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from common.admin import InspectView
from people.permissions import ReadOnlyPermissionPolicy

from .models import CircleInvitation, CircleMember, Registration, Session

# Before any viewset asks Wagtail for the policy.
for model in (Session, Registration, CircleMember, CircleInvitation):
    register_permission_policy(model, ReadOnlyPermissionPolicy(model))


class ReadOnlyViewSet(SnippetViewSet):
    inspect_view_enabled = True
    inspect_view_class = InspectView
    copy_view_enabled = False


class SessionViewSet(ReadOnlyViewSet):
    model = Session
    icon = "date"
    menu_label = _("Bijeenkomsten")
    list_display = [
        "theme",
        Column("circle", label=_("Leerkring"), accessor="circle"),
        "starts_at",
        "capacity",
        Column("status", label=_("Status"), accessor="get_status_display"),
    ]
    list_filter = ["status"]
    search_fields = ["theme"]
    ordering = ["-starts_at"]
    inspect_view_fields = [
        "circle",
        "theme",
        "starts_at",
        "ends_at",
        "location",
        "online_url",
        "capacity",
        "registration_deadline",
        "status",
    ]


class RegistrationViewSet(ReadOnlyViewSet):
    model = Registration
    icon = "list-ul"
    menu_label = _("Aanmeldingen")
    list_display = [
        Column("user", label=_("Deelnemer"), accessor="user"),
        Column("session", label=_("Bijeenkomst"), accessor="session"),
        Column("status", label=_("Status"), accessor="get_status_display"),
        "created_at",
    ]
    list_filter = ["status"]
    ordering = ["-created_at"]


class CircleMemberViewSet(ReadOnlyViewSet):
    model = CircleMember
    icon = "group"
    menu_label = _("Leden")
    list_display = [
        Column("user", label=_("Deelnemer"), accessor="user"),
        Column("circle", label=_("Leerkring"), accessor="circle"),
        "joined_at",
        "left_at",
    ]
    ordering = ["-joined_at"]


class CircleInvitationViewSet(ReadOnlyViewSet):
    model = CircleInvitation
    icon = "mail"
    menu_label = _("Uitnodigingen")
    list_display = [
        "email",
        Column("circle", label=_("Leerkring"), accessor="circle"),
        Column("invited_by", label=_("Uitgenodigd door"), accessor="invited_by"),
        Column("created_at", label=_("Uitgenodigd op"), accessor="created_at"),
        Column("accepted_at", label=_("Lid geworden op"), accessor="accepted_at"),
    ]
    search_fields = ["email"]
    ordering = ["-created_at"]


class CirclesGroup(SnippetViewSetGroup):
    menu_label = _("Leerkringen")
    menu_icon = "group"
    menu_order = 230
    items = (SessionViewSet, RegistrationViewSet, CircleMemberViewSet, CircleInvitationViewSet)


register_snippet(CirclesGroup)
