"""Wagtail admin screens for users, organisations, memberships and the outgoing mail."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import BooleanColumn, Column
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
