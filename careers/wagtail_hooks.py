from django.utils.translation import gettext_lazy as _
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from common.admin import InspectView
from people.permissions import ReadOnlyPermissionPolicy

from .models import CareerPath, Competency, DevelopmentConversation, Method

# Before any viewset asks Wagtail for the policy: a development conversation is the learner's
# request and their HR adviser's record of it, made on their own pages. The admin lists and
# inspects it, never adds, edits or deletes it.
register_permission_policy(DevelopmentConversation, ReadOnlyPermissionPolicy(DevelopmentConversation))


class CompetencyViewSet(SnippetViewSet):
    model = Competency
    icon = "pick"
    menu_label = _("Competenties")
    list_display = ["name", "cluster"]
    list_filter = ["cluster"]
    search_fields = ["name", "description"]


class MethodViewSet(SnippetViewSet):
    model = Method
    icon = "list-ul"
    menu_label = _("Methoden")
    list_display = ["name"]


class CareerPathViewSet(SnippetViewSet):
    model = CareerPath
    icon = "arrow-right"
    menu_label = _("Loopbaanpaden")
    list_display = ["from_profile", "to_profile", "kind"]
    list_filter = ["kind"]


class DevelopmentConversationViewSet(SnippetViewSet):
    """Read-only (see the permission policy): who asked whom for a conversation about which
    role, and what came of it."""

    model = DevelopmentConversation
    icon = "group"
    menu_label = _("Ontwikkelgesprekken")
    list_display = ["learner", "organisation", "target_profile", "status", "outcome", "requested_at"]
    list_filter = ["status", "outcome", "organisation"]
    inspect_view_enabled = True
    inspect_view_class = InspectView
    copy_view_enabled = False


class CareersViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Competenties en loopbaan")
    menu_icon = "pick"
    menu_order = 200
    items = (CompetencyViewSet, MethodViewSet, CareerPathViewSet, DevelopmentConversationViewSet)


register_snippet(CareersViewSetGroup)
