from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import CareerPath, Competency, Method


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


class CareersViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Competenties en loopbaan")
    menu_icon = "pick"
    menu_order = 200
    items = (CompetencyViewSet, MethodViewSet, CareerPathViewSet)


register_snippet(CareersViewSetGroup)
