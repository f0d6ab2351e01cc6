from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import ListingButton
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from common.admin import InspectView, YesNoColumn
from people.permissions import ReadOnlyPermissionPolicy

from . import services
from .forms import RevokeForm
from .models import Certificate, CertificateTemplate

# Before any viewset asks Wagtail for the policy: an issued certificate is never added, edited
# or deleted in the admin. It changes only by revoking it (on its inspect page, or on HR's list).
register_permission_policy(Certificate, ReadOnlyPermissionPolicy(Certificate))


class CertificateTemplateViewSet(SnippetViewSet):
    model = CertificateTemplate
    icon = "doc-full"
    menu_label = _("Sjablonen")
    list_display = [
        "name",
        "language",
        YesNoColumn("is_default", label=_("Standaard voor deze taal"), sort_key="is_default"),
        "updated_at",
    ]


class CertificateInspectView(InspectView):
    """The certificate's facts, and the one change it allows: revoking it."""

    template_name = "certificates/admin/certificate_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not self.object.revoked_at and services.can_manage(actor=self.request.user, certificate=self.object):
            context["revoke_form"] = RevokeForm()
        return context

    def get_competencies_display_value(self):
        return ", ".join(self.object.competencies) or "-"

    def get_pdf_display_value(self):
        """The PDF through the permission-checked download, never its media URL."""
        if not self.object.pdf:
            return "-"
        return format_html(
            '<a href="{}">{}</a>', reverse("certificates:hr_pdf", args=[self.object.pk]), f"{self.object.number}.pdf"
        )


class CertificateViewSet(SnippetViewSet):
    """Issued certificates, to look up and inspect; read-only (see the permission policy)."""

    model = Certificate
    icon = "tick-inverse"
    menu_label = _("Uitgegeven")
    list_display = [
        "number",
        "holder_name",
        "organisation_name",
        "achievement",
        "issued_at",
        Column("status", label=_("Status"), accessor="get_status_display"),
    ]
    search_fields = ["number", "holder_name", "achievement"]
    inspect_view_enabled = True
    inspect_view_class = CertificateInspectView
    # The signed credential is for machines: its public JSON is a link away on the verification page.
    inspect_view_fields_exclude = ["credential", "status_list", "status_index"]
    copy_view_enabled = False
    # Nobody edits a certificate here, but Wagtail still builds its form class (checks walk
    # it): never with the file widget, which would link the private PDF by a media URL.
    exclude_form_fields = ["pdf"]


class CertificatesGroup(SnippetViewSetGroup):
    menu_label = _("Certificaten")
    menu_icon = "tick-inverse"
    menu_order = 220
    items = (CertificateTemplateViewSet, CertificateViewSet)


register_snippet(CertificatesGroup)


@hooks.register("register_snippet_listing_buttons")
def rerender_button(snippet, user, next_url=None):
    if isinstance(snippet, CertificateTemplate) and user.has_perm("certificates.change_certificatetemplate"):
        yield ListingButton(
            _("Certificaten opnieuw maken"),
            reverse("certificates:rerender", args=[snippet.pk]),
            icon_name="rotate",
            priority=90,
        )
