"""The platform admin's screen for SCIM tokens: create (the secret is shown once), look up,
revoke. A token is never edited or deleted."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import CreateView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from common.admin import InspectView

from . import services
from .models import ScimToken

GRANTED = frozenset({"add", "view"})


class PlatformAdminPermissionPolicy(BasePermissionPolicy):
    """Only the platform admin (a superuser) makes and revokes tokens; nobody edits or
    deletes one, so what a token did stays traceable to it."""

    def user_has_permission(self, user, action):
        return action in GRANTED and user.is_active and user.is_superuser

    def users_with_any_permission(self, actions):
        if GRANTED.isdisjoint(actions):
            return get_user_model().objects.none()
        return get_user_model().objects.filter(is_active=True, is_superuser=True)


# Before the viewset asks Wagtail for the policy.
register_permission_policy(ScimToken, PlatformAdminPermissionPolicy(ScimToken))


def endpoint_url(token: ScimToken) -> str:
    """The address to give the identity provider (Microsoft Entra ID's 'Tenant URL')."""
    return settings.SITE_URL + reverse("provisioning:base", args=[token.organisation.slug])


class TokenCreateView(CreateView):
    """Makes the token through the service and shows its secret, this once, instead of
    redirecting: the secret goes into no message, session or log."""

    created_template_name = "provisioning/admin/token_created.html"

    def save_instance(self):
        token, self.secret = services.create_token(
            organisation=self.form.cleaned_data["organisation"],
            description=self.form.cleaned_data["description"],
            created_by=self.request.user,
        )
        return token

    def save_action(self):
        context = self.get_context_data(form=self.form)
        context.update(token=self.object, secret=self.secret, endpoint_url=endpoint_url(self.object))
        return self.response_class(
            request=self.request, template=[self.created_template_name], context=context, using=self.template_engine
        )


class TokenInspectView(InspectView):
    template_name = "provisioning/admin/token_inspect.html"
    revoke_url_name = None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["endpoint_url"] = endpoint_url(self.object)
        if self.object.is_active:
            context["revoke_url"] = reverse(self.revoke_url_name, args=[self.object.pk])
        return context


@require_POST
def revoke_token(request, pk: int):
    if not request.user.is_superuser:
        raise PermissionDenied
    token = get_object_or_404(ScimToken, pk=pk)
    if services.revoke_token(token=token, revoked_by=request.user):
        messages.success(request, _("De sleutel is ingetrokken: het identiteitsbeheer kan er niets meer mee."))
    return redirect(scim_token_viewset.get_url_name("inspect"), token.pk)


class ScimTokenViewSet(ModelViewSet):
    model = ScimToken
    icon = "key"
    menu_label = _("SCIM-sleutels")
    add_to_settings_menu = True
    list_display = [
        "description",
        "organisation",
        Column("prefix", label=_("Begint met")),
        "created_at",
        "last_used_at",
        Column("status", label=_("Status"), accessor="get_status_display"),
    ]
    list_filter = ["organisation"]
    search_fields = ["description", "organisation__name", "prefix"]
    panels = [FieldPanel("organisation"), FieldPanel("description")]
    add_view_class = TokenCreateView
    inspect_view_enabled = True
    inspect_view_class = TokenInspectView
    inspect_view_fields = [
        "organisation",
        "description",
        "prefix",
        "created_at",
        "created_by",
        "last_used_at",
        "revoked_at",
    ]
    copy_view_enabled = False

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(revoke_url_name=self.get_url_name("revoke"), **kwargs)

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("revoke/<int:pk>/", revoke_token, name="revoke")]


scim_token_viewset = ScimTokenViewSet("scim_tokens")
