"""Wagtail admin screens for users, organisations and memberships."""

from django import forms
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import IndexView as WagtailUserIndexView
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from common.admin import YesNoColumn

from .models import Membership, Organisation, User

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
    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("kind")]


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
