from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from common.admin import InspectView
from people.permissions import ReadOnlyPermissionPolicy

from .forms import LearningPathAdminForm
from .models import AssignmentBatch, LearningPath

# Before any viewset asks Wagtail for the policy: an assignment job is HR's record of what they
# assigned, made on the HR pages and run by a worker. The admin lists and inspects it, never
# adds, edits or deletes it.
register_permission_policy(AssignmentBatch, ReadOnlyPermissionPolicy(AssignmentBatch))


class LearningPathViewSet(SnippetViewSet):
    model = LearningPath
    icon = "list-ol"
    menu_label = _("Leerpaden")
    list_display = ["title", "target_profile", "min_electives"]
    search_fields = ["title", "description"]
    edit_handler = ObjectList(LearningPath.panels, base_form_class=LearningPathAdminForm)


class AssignmentBatchViewSet(SnippetViewSet):
    """Read-only (see the permission policy): who assigned what to whom, and how the job went."""

    model = AssignmentBatch
    icon = "date"
    menu_label = _("Toewijzingen")
    list_display = [
        Column("target", label=_("Leerpad of leergang")),
        "organisation",
        "due_date",
        "status",
        "created_count",
        "created_at",
    ]
    list_filter = ["status", "organisation"]
    inspect_view_enabled = True
    inspect_view_class = InspectView
    copy_view_enabled = False
    add_to_admin_menu = False


class CurriculumViewSetGroup(SnippetViewSetGroup):
    """Paths and the assignments HR made of them. The tracks themselves are pages, under
    Pagina's > Leeraanbod, so this menu is named for what it holds."""

    menu_label = _("Leerpaden en toewijzingen")
    menu_icon = "list-ol"
    menu_order = 210
    items = (LearningPathViewSet, AssignmentBatchViewSet)


register_snippet(CurriculumViewSetGroup)


class EnrolmentRequestsMenuItem(MenuItem):
    """The platform admin decides the enrolment requests no other adviser can (an HR
    adviser's own request when the organisation has no second adviser), on the same page
    the advisers use."""

    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_admin_menu_item")
def register_enrolment_requests_menu_item():
    return EnrolmentRequestsMenuItem(
        _("Aanvragen om in te schrijven"), reverse_lazy("curriculum:requests"), icon_name="tasks", order=220
    )
