from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permissions import register_permission_policy

from common.admin import InspectView
from people.permissions import ReadOnlyPermissionPolicy

from .models import Invitation, InvitationImport

# Before any viewset asks Wagtail for the policy: invitations and imports are HR's record of
# whom they invited, made on the HR pages. The platform admin lists and inspects them, and
# adds, edits or deletes nothing here.
register_permission_policy(Invitation, ReadOnlyPermissionPolicy(Invitation))
register_permission_policy(InvitationImport, ReadOnlyPermissionPolicy(InvitationImport))


class InvitationViewSet(ModelViewSet):
    model = Invitation
    icon = "mail"
    menu_label = _("Uitnodigingen")
    list_display = ["full_name", "email", "organisation", Column("get_status_display", label=_("Status")), "sent_at"]
    list_filter = ["organisation"]
    search_fields = ["full_name", "email", "team"]
    inspect_view_enabled = True
    inspect_view_class = InspectView
    # The token's hash opens nothing, but it is no business of anyone reading along either.
    inspect_view_fields = [
        "organisation",
        "full_name",
        "email",
        "team",
        "role",
        "invited_by",
        "import_job",
        "created_at",
        "sent_at",
        "send_count",
        "expires_at",
        "accepted_at",
        "accepted_by",
        "revoked_at",
        "revoked_by",
    ]
    copy_view_enabled = False
    form_fields = ["full_name"]  # never shown: the policy allows no add or edit


class InvitationImportViewSet(ModelViewSet):
    model = InvitationImport
    icon = "doc-full"
    menu_label = _("Imports van uitnodigingen")
    list_display = ["file_name", "organisation", "row_count", "problem_count", "status", "invited_count", "created_at"]
    list_filter = ["status", "organisation"]
    inspect_view_enabled = True
    inspect_view_class = InspectView
    inspect_view_fields = [
        "organisation",
        "uploaded_by",
        "file_name",
        "row_count",
        "problem_count",
        "confirmed_at",
        "status",
        "total",
        "processed",
        "invited_count",
        "created_at",
        "finished_at",
        "error",
    ]
    copy_view_enabled = False
    form_fields = ["file_name"]  # never shown: the policy allows no add or edit


class InvitationsViewSetGroup(ModelViewSetGroup):
    menu_label = _("Uitnodigingen")
    menu_icon = "mail"
    menu_order = 260
    items = (InvitationViewSet("invitation_admin"), InvitationImportViewSet("invitation_import_admin"))


@hooks.register("register_admin_viewset")
def register_invitation_viewsets():
    return InvitationsViewSetGroup()
