"""The catalogue ('Leeraanbod'), learning tracks and their modules."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from careers.models import Competency, Family, Level, RoleProfilePage
from common.blocks import BaseStreamBlock
from common.pages import IndexPage, introduction_field

from ..blocks import ModuleStreamBlock


class Format(models.TextChoices):
    ELEARNING = "e-learning", _("E-learning")
    CLASSROOM = "klassikaal", _("Klassikaal")
    INTERVISION = "intervisie", _("Intervisie")
    ON_THE_JOB = "on-the-job", _("Opdracht in het werk")
    LEARNING_CIRCLE = "leerkring", _("Leerkring")


# ``get_format_display`` hashes every (lazy) label on each call: a card in a list of 24 paid for
# five translations to show one.
FORMAT_LABELS = dict(Format.choices)


class CatalogPage(IndexPage):
    """'Leeraanbod': every learning track, with filters and search."""

    introduction = introduction_field(_("Staat boven het leeraanbod."))

    subpage_types = ["curriculum.LearningTrackPage"]
    template = "curriculum/catalog_page.html"

    class Meta:
        verbose_name = _("leeraanbod")

    def get_context(self, request, *args, **kwargs):
        from ..forms import CatalogFilterForm
        from ..selectors import catalog, catalog_page_number

        context = super().get_context(request, *args, **kwargs)
        form = CatalogFilterForm(request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        page_number = catalog_page_number(request.GET.get("pagina", 1))
        source, reader = self.content_source, request.user
        # Read only when needed: for a reader who is not signed in, the results are a fragment
        # kept per query string, as the pagination links carry it ({% fragment %}).
        results = SimpleLazyObject(
            lambda: catalog(catalog_page=source, user=reader, page_number=page_number, **filters)
        )
        context["tracks"] = SimpleLazyObject(lambda: results["tracks"])
        context["page_obj"] = SimpleLazyObject(lambda: results["page_obj"])
        context["query"] = filters.get("q", "")
        # A card links to its track, a child of this page: its address is this page's and its slug.
        context["track_url_prefix"] = self.get_url(request)
        context["filter_form"] = form
        return context


class LearningTrackPage(Page):
    summary = models.TextField(
        _("samenvatting"),
        help_text=_("Wat de deelnemer in deze leergang leert, in twee of drie zinnen. Staat ook in het leeraanbod."),
    )
    learning_goals = StreamField(
        [("goal", blocks.CharBlock(label=_("Leerdoel"), max_length=300))],
        verbose_name=_("leerdoelen"),
        blank=True,
        help_text=_("Eén leerdoel per blok: wat de deelnemer na afloop kan."),
    )
    format = models.CharField(
        _("werkvorm"),
        max_length=16,
        choices=Format.choices,
        default=Format.ELEARNING,
        help_text=_("Hoe de deelnemer leert. Deelnemers filteren het leeraanbod hierop."),
    )
    study_load_hours = models.PositiveSmallIntegerField(
        _("studiebelasting (uren)"),
        validators=[MinValueValidator(1), MaxValueValidator(2000)],
        help_text=_("Hoeveel uur de deelnemer in totaal aan de leergang besteedt."),
    )
    scale_min = models.PositiveSmallIntegerField(
        _("vanaf schaal"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(18)],
        help_text=_("De laagste salarisschaal waarvoor de leergang bedoeld is. Leeg: geen ondergrens."),
    )
    scale_max = models.PositiveSmallIntegerField(
        _("tot en met schaal"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(18)],
        help_text=_("De hoogste salarisschaal waarvoor de leergang bedoeld is. Leeg: geen bovengrens."),
    )
    family = models.CharField(
        _("functiefamilie"),
        max_length=32,
        choices=Family.choices,
        blank=True,
        help_text=_("De functiefamilie waarvoor de leergang bedoeld is. Leeg: voor alle families."),
    )
    role_profiles = ParentalManyToManyField(
        RoleProfilePage,
        verbose_name=_("voor functieprofielen"),
        blank=True,
        related_name="tracks",
        help_text=_("Voor welke functies de leergang bedoeld is. Deelnemers filteren het leeraanbod hierop."),
    )
    leads_to_certificate = models.BooleanField(
        _("leidt tot een certificaat"),
        default=False,
        help_text=_("Wie de leergang afrondt, krijgt een certificaat."),
    )
    certificate_validity_months = models.PositiveSmallIntegerField(
        _("certificaat geldig (maanden)"),
        null=True,
        blank=True,
        help_text=_("Leeg: het certificaat verloopt niet."),
        validators=[MinValueValidator(1), MaxValueValidator(240)],
    )
    renews = models.ForeignKey(
        "self",
        verbose_name=_("opfriscursus voor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="refreshers",
        help_text=_("Wie deze leergang afrondt, krijgt een nieuw certificaat voor die leergang."),
    )
    requires_approval = models.BooleanField(
        _("inschrijven vraagt goedkeuring van HR"),
        default=False,
        help_text=_("De HR-adviseur van de deelnemer keurt de inschrijving goed of af."),
    )
    body = StreamField(
        BaseStreamBlock(),
        verbose_name=_("toelichting"),
        blank=True,
        help_text=_("Meer over de leergang; staat onder de modules."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("learning_goals"),
        MultiFieldPanel(
            [
                FieldPanel("format"),
                FieldPanel("study_load_hours"),
                FieldRowPanel([FieldPanel("scale_min"), FieldPanel("scale_max")]),
                FieldPanel("family"),
                FieldPanel("role_profiles", widget=forms.CheckboxSelectMultiple),
                FieldPanel("leads_to_certificate"),
                FieldPanel("certificate_validity_months"),
                FieldPanel("renews"),
                FieldPanel("requires_approval"),
            ],
            heading=_("Kenmerken"),
        ),
        InlinePanel(
            "competencies",
            heading=_("Competenties die je ontwikkelt"),
            label=_("Competentie"),
            help_text=_("De zelfscan raadt de leergang aan wie een van deze niveaus nog mist."),
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("learning_goals"),
        index.SearchField("body"),
        index.FilterField("format"),
        index.FilterField("family"),
    ]
    parent_page_types = ["curriculum.CatalogPage"]
    subpage_types = ["curriculum.ModulePage"]
    template = "curriculum/learning_track_page.html"

    class Meta:
        verbose_name = _("leergang")
        verbose_name_plural = _("leergangen")

    def clean(self):
        super().clean()
        if self.scale_min and self.scale_max and self.scale_min > self.scale_max:
            raise ValidationError({"scale_max": _("De hoogste schaal ligt onder de laagste.")})

    @property
    def format_label(self) -> str:
        """``get_format_display()``, with one translation instead of one per choice."""
        label = FORMAT_LABELS.get(self.format)
        return self.format if label is None else str(label)

    @property
    def study_load_label(self) -> str:
        hours = self.study_load_hours
        return ngettext("%(hours)s uur", "%(hours)s uur", hours) % {"hours": hours}

    @property
    def scale_label(self) -> str:
        # gettext, not the lazy kind: read once per render, in the reader's language.
        if self.scale_min and self.scale_max:
            return gettext("schaal %(low)s tot en met %(high)s") % {"low": self.scale_min, "high": self.scale_max}
        if self.scale_min:
            return gettext("vanaf schaal %(low)s") % {"low": self.scale_min}
        if self.scale_max:
            return gettext("tot en met schaal %(high)s") % {"high": self.scale_max}
        return ""

    def get_context(self, request, *args, **kwargs):
        from ..selectors import track_page_data

        context = super().get_context(request, *args, **kwargs)
        context.update(track_page_data(track=self, user=request.user))
        context["members_only_certificates"] = settings.CERTIFICATES_MEMBERS_ONLY
        return context


class TrackCompetency(Orderable):
    page = ParentalKey(LearningTrackPage, on_delete=models.CASCADE, related_name="competencies")
    competency = models.ForeignKey(
        Competency,
        verbose_name=_("competentie"),
        on_delete=models.CASCADE,
        related_name="track_links",
        help_text=_("Een competentie die de deelnemer in deze leergang ontwikkelt."),
    )
    level = models.PositiveSmallIntegerField(
        _("niveau dat je bereikt"),
        choices=Level.choices,
        help_text=_("Het niveau dat de deelnemer na de leergang heeft."),
    )

    panels = [FieldPanel("competency"), FieldPanel("level")]

    class Meta(Orderable.Meta):
        verbose_name = _("ontwikkelde competentie")
        verbose_name_plural = _("ontwikkelde competenties")
        constraints = [models.UniqueConstraint(fields=["page", "competency"], name="trackcompetency_unique")]

    def __str__(self):
        return f"{self.competency} → {self.level}"


class ModulePage(Page):
    introduction = models.TextField(
        _("inleiding"), blank=True, help_text=_("Staat boven de inhoud: waar de module over gaat.")
    )
    required = models.BooleanField(
        _("verplicht"), default=True, help_text=_("De leergang is af als alle verplichte modules af zijn.")
    )
    estimated_minutes = models.PositiveSmallIntegerField(
        _("duur (minuten)"), default=30, help_text=_("Hoe lang de deelnemer ongeveer over de module doet.")
    )
    body = StreamField(
        ModuleStreamBlock(),
        verbose_name=_("inhoud"),
        help_text=_("De stof van de module: tekst, documenten, een praktijkopdracht of een kennischeck."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldRowPanel([FieldPanel("required"), FieldPanel("estimated_minutes")]),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("introduction"), index.SearchField("body")]
    parent_page_types = ["curriculum.LearningTrackPage"]
    subpage_types = []
    template = "curriculum/module_page.html"

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    def knowledge_checks(self):
        return [block for block in self.body if block.block_type == "knowledge_check"]

    def assignments(self):
        return [block for block in self.body if block.block_type == "assignment"]

    def get_context(self, request, *args, **kwargs):
        from ..selectors import module_context

        context = super().get_context(request, *args, **kwargs)
        context.update(module_context(module=self, track=self.get_parent().specific, user=request.user))
        return context

    def serve(self, request, *args, **kwargs):
        """For an enrolled learner: read, answer the checks, write the reflections, finish.
        A GET only reads; a POST grades and keeps the answers (``complete_module``)."""
        from ..forms import ModuleAnswersForm
        from ..services import complete_module

        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        context = self.get_context(request, *args, **kwargs)
        track, enrolment = context["track"], context["enrolment"]
        if enrolment is None or not enrolment.is_open:
            messages.info(request, _("Schrijf je eerst in voor deze leergang om de modules te volgen."))
            return redirect(track.url)
        result = None
        if request.method == "POST":
            form = ModuleAnswersForm(request.POST, module=self)
            if form.is_valid():
                result, context["progress"], completed_track = complete_module(
                    enrolment=enrolment, module=self, answers=form.answers(), reflections=form.reflections()
                )
                if completed_track:
                    messages.success(
                        request, _("Gefeliciteerd! Je hebt de leergang '%(track)s' afgerond.") % {"track": track.title}
                    )
                    return redirect(track.url)
                if result.passed:
                    messages.success(request, _("Module afgerond."))
                    return redirect(context["next_module"].url if context["next_module"] else track.url)
        else:
            form = ModuleAnswersForm(module=self, progress=context["progress"])
        context.update({"form": form, "result": result, "blocks": form.blocks(result=result)})
        status = 400 if form.errors or (result and result.missing_answers) else 200
        return TemplateResponse(request, self.get_template(request, *args, **kwargs), context, status=status)

    def serve_preview(self, request, mode_name):
        """Editors preview the content as written, without an enrolment."""
        return TemplateResponse(request, "curriculum/module_preview.html", {"page": self, "self": self})
