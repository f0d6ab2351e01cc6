"""Wagtail admin screens for organisations' email domains and identity providers: for the
platform admin only (see the permission policy)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permissions import register_permission_policy

from common.admin import InspectView, YesNoColumn

from . import services
from .forms import IdentityProviderForm
from .models import IdentityProvider, OrganisationDomain
from .permissions import PlatformAdminOnlyPermissionPolicy

# Before the viewsets ask Wagtail for the policies.
register_permission_policy(OrganisationDomain, PlatformAdminOnlyPermissionPolicy(OrganisationDomain))
register_permission_policy(IdentityProvider, PlatformAdminOnlyPermissionPolicy(IdentityProvider))


class OrganisationDomainViewSet(ModelViewSet):
    model = OrganisationDomain
    icon = "mail"
    menu_label = _("E-maildomeinen")
    list_display = ["domain", "organisation", "created_at"]
    list_filter = ["organisation"]
    search_fields = ["domain", "organisation__name"]
    copy_view_enabled = False
    panels = [FieldPanel("organisation"), FieldPanel("domain")]


class SaveThroughService:
    """Create and edit views that hand the stored provider to the service, which keeps
    allauth's SocialApp (with the client secret) in step, in the same transaction."""

    def save_instance(self):
        instance = super().save_instance()
        return services.save_identity_provider(
            identity_provider=instance, secret=self.form.cleaned_data.get("client_secret") or ""
        )


class IdentityProviderCreateView(SaveThroughService, generic.CreateView):
    pass


class IdentityProviderEditView(SaveThroughService, generic.EditView):
    pass


class IdentityProviderInspectView(InspectView):
    def get_callback_url_display_value(self):
        return self.request.build_absolute_uri(
            reverse("openid_connect_callback", kwargs={"provider_id": self.object.provider_id})
        )

    def get_client_secret_display_value(self):
        app = self.object.social_app
        return _("opgeslagen") if app is not None and app.secret else _("ontbreekt")

    def get_allowed_domains_display_value(self):
        return ", ".join(domain.domain for domain in self.object.allowed_domains.all()) or "-"

    def get_field_label(self, field_name, field):
        labels = {"callback_url": _("Terugkeeradres (redirect URI)"), "client_secret": _("Clientgeheim")}
        return labels.get(field_name) or super().get_field_label(field_name, field)

    def get_required_display_value(self):
        return _("Ja") if self.object.required else _("Nee")

    def get_is_active_display_value(self):
        return _("Ja") if self.object.is_active else _("Nee")


class IdentityProviderViewSet(ModelViewSet):
    model = IdentityProvider
    icon = "key"
    menu_label = _("Identiteitsproviders")
    add_view_class = IdentityProviderCreateView
    edit_view_class = IdentityProviderEditView
    inspect_view_enabled = True
    inspect_view_class = IdentityProviderInspectView
    inspect_view_fields = [
        "organisation",
        "issuer",
        "client_id",
        "client_secret",
        "callback_url",
        "allowed_domains",
        "required",
        "is_active",
        "provider_id",
    ]
    copy_view_enabled = False
    list_display = [
        "organisation",
        "issuer",
        YesNoColumn("required", label=_("Verplicht")),
        YesNoColumn("is_active", label=_("In gebruik")),
    ]
    list_filter = ["required", "is_active"]
    search_fields = ["organisation__name", "issuer"]
    edit_handler = ObjectList(
        [
            FieldPanel("organisation"),
            FieldPanel("issuer"),
            FieldPanel("client_id"),
            FieldPanel("client_secret"),
            FieldPanel("allowed_domains"),
            FieldPanel("required"),
            FieldPanel("is_active"),
        ],
        base_form_class=IdentityProviderForm,
    )


class SingleSignOnViewSetGroup(ModelViewSetGroup):
    menu_label = _("Inloggen met organisatie")
    menu_icon = "key"
    menu_order = 260
    items = (OrganisationDomainViewSet("organisation_domains"), IdentityProviderViewSet("identity_providers"))
