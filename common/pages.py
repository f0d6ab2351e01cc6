"""Page behaviour shared by the apps."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from .i18n import TranslatablePageMixin


def introduction_field(help_text: str) -> models.TextField:
    """The optional introduction above an index page's list; ``help_text`` tells the
    editor what that list is."""
    return models.TextField(_("inleiding"), blank=True, help_text=help_text)


class IndexPage(TranslatablePageMixin, Page):
    """A section of the site right under the home page (the catalogue, the role profiles,
    the self-assessments, the career map): an introduction above a list the page's own
    ``get_context`` fills. One per home page, translatable.

    A subclass sets ``subpage_types`` and ``template``, and may say in the help text of
    its introduction what it stands above: ``introduction = introduction_field(...)``."""

    introduction = introduction_field(_("Staat boven de lijst op deze pagina."))

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["cms.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True
