"""The record of exports in the Wagtail admin: read-only, for the platform admin. The files
themselves are not reachable here: only the adviser who asked downloads them."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from common.admin import InspectView, YesNoColumn
from people.permissions import ReadOnlyPermissionPolicy

from .models import ExportJob

# Before the viewset asks Wagtail for the policy: an export is recorded by Spil, never
# added, edited or deleted in the admin.
register_permission_policy(ExportJob, ReadOnlyPermissionPolicy(ExportJob))


class ExportJobInspectView(InspectView):
    def get_file_display_value(self):
        """Whether a file is kept, never a link to it."""
        return _("Ja") if self.object.file else _("Nee")

    def get_direct_display_value(self):
        return _("Ja") if self.object.direct else _("Nee")


class ExportJobViewSet(ModelViewSet):
    """Who exported which table of the HR dashboard, with which filters and how many rows."""

    model = ExportJob
    icon = "download"
    menu_label = _("Exports")
    add_to_settings_menu = True
    list_display = [
        "filename",
        "adviser",
        "created_at",
        "total",
        YesNoColumn("direct", label=_("Direct gedownload"), sort_key="direct"),
        Column("status", label=_("Status"), accessor="get_status_display"),
        "download_count",
    ]
    list_filter = ["status", "format", "direct"]
    search_fields = ["filename", "table_key", "adviser__email", "adviser__full_name"]
    inspect_view_enabled = True
    inspect_view_class = ExportJobInspectView
    copy_view_enabled = False
    # Nobody edits an export here, but Wagtail still builds its form class: never with the
    # file widget, which would link the private file by a media URL.
    form_fields = ["table_key", "format"]


export_job_viewset = ExportJobViewSet("exports")


@hooks.register("register_admin_viewset")
def register_export_viewset():
    return export_job_viewset
