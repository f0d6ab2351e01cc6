"""The vocabulary of the platform: competencies, role profiles and the career paths
between them."""

import operator
from functools import partial

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from common.blocks import BaseStreamBlock
from common.pages import IndexPage, introduction_field


class Level(models.IntegerChoices):
    """The four-level proficiency scale every competency is described on."""

    BASIC = 1, _("1 · Basis")
    INDEPENDENT = 2, _("2 · Zelfstandig")
    ADVANCED = 3, _("3 · Gevorderd")
    EXPERT = 4, _("4 · Expert")


LEVEL_VALIDATORS = [MinValueValidator(1), MaxValueValidator(4)]
LEVEL_HELP = _("Hoe dit niveau er in het werk uitziet: wat iemand dan zelf doet.")


class Competency(index.Indexed, models.Model):
    class Cluster(models.TextChoices):
        ORGANISING = "organiseren", _("Organiseren")
        COMMUNICATING = "communiceren", _("Communiceren")
        PLANNING_AND_CONTROL = "plannen-control", _("Plannen en control")
        FINANCE = "financien", _("Financiën")
        PROCESS_IMPROVEMENT = "procesverbetering", _("Procesverbetering")
        DIGITAL = "digitaal", _("Digitale vaardigheden")
        ATTITUDE = "houding", _("Houding en samenwerking")
        METHODS = "methodieken", _("Methodieken")

    name = models.CharField(
        _("naam"),
        max_length=120,
        unique=True,
        help_text=_("Zoals de competentie in functieprofielen en zelfscans heet, bijvoorbeeld 'Notuleren'."),
    )
    slug = models.SlugField(
        _("korte naam"),
        max_length=120,
        unique=True,
        help_text=_("Voor in webadressen: kleine letters, cijfers en streepjes, bijvoorbeeld 'notuleren'."),
    )
    cluster = models.CharField(
        _("cluster"),
        max_length=32,
        choices=Cluster.choices,
        help_text=_("De groep waaronder de competentie in overzichten staat."),
    )
    description = models.TextField(
        _("omschrijving"), help_text=_("Wat iemand met deze competentie kan, in een of twee zinnen.")
    )
    level_1 = models.TextField(_("niveau 1 · basis"), help_text=LEVEL_HELP)
    level_2 = models.TextField(_("niveau 2 · zelfstandig"), help_text=LEVEL_HELP)
    level_3 = models.TextField(_("niveau 3 · gevorderd"), help_text=LEVEL_HELP)
    level_4 = models.TextField(_("niveau 4 · expert"), help_text=LEVEL_HELP)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("cluster"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("level_1"), FieldPanel("level_2"), FieldPanel("level_3"), FieldPanel("level_4")],
            heading=_("Wat elk niveau in de praktijk betekent"),
        ),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("description"), index.FilterField("cluster")]

    class Meta:
        verbose_name = _("competentie")
        verbose_name_plural = _("competenties")
        ordering = ["cluster", "name"]

    def __str__(self):
        return self.name

    def descriptor(self, level: int) -> str:
        return getattr(self, f"level_{level}", "")

    def descriptors(self) -> list[tuple[int, str, str]]:
        """(level, label, what it looks like) for levels 1 to 4."""
        return [(value, label, self.descriptor(value)) for value, label in Level.choices]


class Method(models.Model):
    """A method or framework a role holder should know, such as Prince2 or Lean."""

    name = models.CharField(_("naam"), max_length=80, unique=True, help_text=_("Bijvoorbeeld Prince2, Lean of Agile."))
    description = models.TextField(
        _("omschrijving"), blank=True, help_text=_("Wat de methode is en waarvoor je haar in deze rollen gebruikt.")
    )

    class Meta:
        verbose_name = _("methode")
        verbose_name_plural = _("methoden")
        ordering = ["name"]

    def __str__(self):
        return self.name


class RoleProfileIndexPage(IndexPage):
    """'Functieprofielen': the list of role profiles, grouped by family."""

    introduction = introduction_field(_("Staat boven het overzicht van de functieprofielen."))

    subpage_types = ["careers.RoleProfilePage"]
    template = "careers/role_profile_index_page.html"

    class Meta:
        verbose_name = _("overzicht functieprofielen")

    def get_context(self, request, *args, **kwargs):
        from careers.selectors import profiles_by_family

        context = super().get_context(request, *args, **kwargs)
        index = self.content_source
        # Read only when the list's fragment is not kept ({% fragment %}).
        context["families"] = SimpleLazyObject(lambda: profiles_by_family(index=index))
        return context


class Family(models.TextChoices):
    PROJECT_SUPPORT = "project-support", _("Projectondersteuning")
    PMO = "pmo", _("PMO")
    MANAGEMENT_SUPPORT = "management-support", _("Managementondersteuning")


class PMOLevel(models.TextChoices):
    PRACTICAL = "practical", _("Praktisch")
    TACTICAL = "tactical", _("Tactisch")
    STRATEGIC = "strategic", _("Strategisch")


PMO_RANK = {PMOLevel.PRACTICAL: 1, PMOLevel.TACTICAL: 2, PMOLevel.STRATEGIC: 3}


# What careers.selectors.profile_page_data gives the role profile's template.
PROFILE_PAGE_DATA = ("requirements", "chart", "methods", "paths_in", "paths_out")


class RoleProfilePage(Page):
    family = models.CharField(
        _("functiefamilie"),
        max_length=32,
        choices=Family.choices,
        help_text=_("De familie waarin het functieprofiel op de loopbaankaart staat."),
    )
    pmo_level = models.CharField(
        _("PMO-niveau"),
        max_length=16,
        choices=PMOLevel.choices,
        blank=True,
        help_text=_("Alleen voor de familie PMO: praktisch, tactisch of strategisch."),
    )
    salary_scale = models.PositiveSmallIntegerField(
        _("salarisschaal"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(18)],
        help_text=_("Van 1 tot en met 18. Leeg als de schaal per organisatie verschilt."),
    )
    phasing_out = models.BooleanField(
        _("wordt uitgefaseerd"), default=False, help_text=_("Toon dat dit profiel op termijn verdwijnt.")
    )
    summary = models.TextField(
        _("samenvatting"),
        help_text=_("Wat iemand in deze rol doet, in twee of drie zinnen. Staat bovenaan het functieprofiel."),
    )
    core_tasks = StreamField(
        [("task", blocks.CharBlock(label=_("Taak"), max_length=300))],
        verbose_name=_("kerntaken"),
        blank=True,
        help_text=_("Eén taak per blok, kort en in de doe-vorm, bijvoorbeeld 'Bewaakt de planning'."),
    )
    job_titles = models.CharField(
        _("gangbare functienamen"),
        max_length=500,
        blank=True,
        help_text=_("Namen waaronder deze functie in vacatures voorkomt, gescheiden door komma's."),
    )
    methods = ParentalManyToManyField(
        Method,
        verbose_name=_("methoden"),
        blank=True,
        related_name="profiles",
        help_text=_("De methoden die iemand in deze rol kent."),
    )
    body = StreamField(
        BaseStreamBlock(),
        verbose_name=_("verdere toelichting"),
        blank=True,
        help_text=_("Meer over de rol; staat onder de competenties en de loopbaanstappen."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("family"), FieldRowPanel([FieldPanel("pmo_level"), FieldPanel("salary_scale")])],
            heading=_("Plaats in het functiehuis"),
        ),
        FieldPanel("phasing_out"),
        FieldPanel("summary"),
        FieldPanel("core_tasks"),
        FieldPanel("job_titles"),
        FieldPanel("methods", widget=forms.CheckboxSelectMultiple),
        InlinePanel(
            "requirements",
            heading=_("Vereiste competentieniveaus"),
            label=_("Competentie"),
            help_text=_("Per competentie het niveau dat deze rol vraagt. De zelfscan vergelijkt hiermee."),
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("job_titles"),
        index.FilterField("family"),
    ]
    parent_page_types = ["careers.RoleProfileIndexPage"]
    subpage_types = []
    template = "careers/role_profile_page.html"

    class Meta:
        verbose_name = _("functieprofiel")
        verbose_name_plural = _("functieprofielen")

    def clean(self):
        super().clean()
        errors = {}
        if self.family == Family.PMO and not self.pmo_level:
            errors["pmo_level"] = _("Kies het PMO-niveau: praktisch, tactisch of strategisch.")
        if self.family != Family.PMO and self.pmo_level:
            errors["pmo_level"] = _("Een PMO-niveau hoort alleen bij de familie PMO.")
        if errors:
            raise ValidationError(errors)

    @property
    def level_label(self) -> str:
        if self.pmo_level:
            return self.get_pmo_level_display()
        if self.salary_scale:
            return _("schaal %(scale)s") % {"scale": self.salary_scale}
        return ""

    @property
    def rank(self) -> int:
        """Height on the career ladder within the family, for ordering and the map."""
        if self.pmo_level:
            return PMO_RANK[self.pmo_level]
        return self.salary_scale or 0

    def job_title_list(self) -> list[str]:
        return [title.strip() for title in self.job_titles.split(",") if title.strip()]

    def get_context(self, request, *args, **kwargs):
        from careers.selectors import profile_page_data

        context = super().get_context(request, *args, **kwargs)
        # Computed only when the page's fragment is not kept already ({% fragment %}).
        data = SimpleLazyObject(lambda: profile_page_data(profile=self))
        for name in PROFILE_PAGE_DATA:
            context[name] = SimpleLazyObject(partial(operator.getitem, data, name))
        return context


class RoleProfileRequirement(Orderable):
    page = ParentalKey(RoleProfilePage, on_delete=models.CASCADE, related_name="requirements")
    competency = models.ForeignKey(
        Competency,
        verbose_name=_("competentie"),
        on_delete=models.CASCADE,
        related_name="requirements",
        help_text=_("Een competentie die deze rol vraagt."),
    )
    level = models.PositiveSmallIntegerField(
        _("vereist niveau"),
        choices=Level.choices,
        validators=LEVEL_VALIDATORS,
        help_text=_("Het niveau dat iemand in deze rol minstens heeft."),
    )

    panels = [FieldPanel("competency"), FieldPanel("level")]

    class Meta(Orderable.Meta):
        verbose_name = _("vereist competentieniveau")
        verbose_name_plural = _("vereiste competentieniveaus")
        constraints = [
            models.UniqueConstraint(fields=["page", "competency"], name="requirement_unique_competency"),
        ]

    def __str__(self):
        return f"{self.competency} ≥ {self.level}"


class CareerPath(models.Model):
    """A step from one role profile to another, with what changes."""

    class Kind(models.TextChoices):
        GROWTH = "growth", _("Doorgroei")
        LATERAL = "lateral", _("Zijstap")

    from_profile = models.ForeignKey(
        RoleProfilePage,
        verbose_name=_("van"),
        on_delete=models.CASCADE,
        related_name="paths_out",
        help_text=_("Het functieprofiel waar de stap begint."),
    )
    to_profile = models.ForeignKey(
        RoleProfilePage,
        verbose_name=_("naar"),
        on_delete=models.CASCADE,
        related_name="paths_in",
        help_text=_("Het functieprofiel waar de stap naartoe gaat."),
    )
    kind = models.CharField(
        _("soort stap"),
        max_length=16,
        choices=Kind.choices,
        default=Kind.GROWTH,
        help_text=_("Doorgroei is een stap omhoog; een zijstap gaat naar een andere rol op ongeveer hetzelfde niveau."),
    )
    description = models.TextField(
        _("wat er verandert"),
        help_text=_("Wat er in het werk verandert en wat je erbij leert. Staat bij de stap op beide functieprofielen."),
    )

    panels = [FieldPanel("from_profile"), FieldPanel("to_profile"), FieldPanel("kind"), FieldPanel("description")]

    class Meta:
        verbose_name = _("loopbaanpad")
        verbose_name_plural = _("loopbaanpaden")
        ordering = ["from_profile__title", "to_profile__title"]
        constraints = [
            models.UniqueConstraint(fields=["from_profile", "to_profile"], name="careerpath_unique_step"),
            models.CheckConstraint(
                condition=~models.Q(from_profile=models.F("to_profile")), name="careerpath_not_to_itself"
            ),
        ]

    def __str__(self):
        return f"{self.from_profile.title} → {self.to_profile.title}"

    def clean(self):
        if self.from_profile_id and self.from_profile_id == self.to_profile_id:
            raise ValidationError({"to_profile": _("Een stap gaat naar een ander profiel.")})


class CareerMapPage(IndexPage):
    """'Loopbaanpaden': the whole map of role profiles and the steps between them."""

    introduction = introduction_field(_("Staat boven de kaart met de loopbaanpaden."))

    subpage_types = []
    template = "careers/career_map_page.html"

    class Meta:
        verbose_name = _("loopbaankaart")

    def get_context(self, request, *args, **kwargs):
        from careers.selectors import career_map

        context = super().get_context(request, *args, **kwargs)
        # Computed only when the map's fragment is not kept already ({% fragment %}).
        context["map"] = SimpleLazyObject(career_map)
        return context
