from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from common.blocks import BaseStreamBlock
from common.i18n import TranslatablePageMixin


class BasePage(TranslatablePageMixin, Page):
    """Shared behaviour of the site's pages: an introduction and a searchable body."""

    introduction = models.TextField(
        _("inleiding"),
        blank=True,
        help_text=_("Een of twee zinnen onder de titel die zeggen wat je op de pagina vindt."),
    )
    body = StreamField(
        BaseStreamBlock(),
        verbose_name=_("inhoud"),
        blank=True,
        help_text=_("Bouw de pagina op uit blokken: alinea's, tussenkoppen, afbeeldingen, kaders en meer."),
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("introduction"), index.SearchField("body")]

    class Meta:
        abstract = True


class HomePage(BasePage):
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "cms.ContentPage",
        "careers.RoleProfileIndexPage",
        "careers.CareerMapPage",
        "curriculum.CatalogPage",
        "assessments.SelfAssessmentIndexPage",
        "circles.CircleIndexPage",
    ]
    max_count = 1
    template = "cms/home_page.html"

    class Meta:
        verbose_name = _("startpagina")


class ContentPage(BasePage):
    """A plain page: about, the accessibility statement, help."""

    parent_page_types = ["cms.HomePage", "cms.ContentPage"]
    subpage_types = ["cms.ContentPage"]
    template = "cms/content_page.html"

    class Meta:
        verbose_name = _("inhoudspagina")
