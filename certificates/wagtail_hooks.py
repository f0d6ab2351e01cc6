from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from common.admin import InspectView, YesNoColumn

from .models import Certificate, CertificateTemplate


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
    """Issued certificates, for looking up; they are changed only by revoking them."""

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
    # The file widget would link the PDF by its media URL: the stored file is private.
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
