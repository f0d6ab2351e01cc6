from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import AssignmentBatch, LearningPath


class LearningPathViewSet(SnippetViewSet):
    model = LearningPath
    icon = "list-ol"
    menu_label = _("Leerpaden")
    list_display = ["title", "target_profile", "min_electives"]
    search_fields = ["title", "description"]


class AssignmentBatchViewSet(SnippetViewSet):
    """Read-mostly: who assigned what to whom, and how the job went."""

    model = AssignmentBatch
    icon = "date"
    menu_label = _("Toewijzingen")
    list_display = ["target", "organisation", "due_date", "status", "created_count", "created_at"]
    list_filter = ["status", "organisation"]
    inspect_view_enabled = True
    add_to_admin_menu = False


class CurriculumViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Leeraanbod")
    menu_icon = "list-ol"
    menu_order = 210
    items = (LearningPathViewSet, AssignmentBatchViewSet)


register_snippet(CurriculumViewSetGroup)
