"""Learning paths, their assignment by HR with a due date, and the reminders sent."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, TitleFieldPanel
from wagtail.admin.widgets import SlugInput
from wagtail.models import Orderable
from wagtail.search import index

from careers.models import RoleProfilePage
from common.jobs import BackgroundJob
from people.models import Organisation

from .pages import LearningTrackPage


class LearningPath(index.Indexed, ClusterableModel):
    """An ordered set of tracks, some required, some elective (at least N of them)."""

    title = models.CharField(
        _("titel"),
        max_length=200,
        help_text=_("De naam van het leerpad, zoals HR-adviseurs en deelnemers die zien."),
    )
    slug = models.SlugField(
        _("korte naam"),
        max_length=200,
        unique=True,
        help_text=_("Voor in webadressen en exports. Leeg: Spil maakt hem uit de titel."),
    )
    description = models.TextField(
        _("omschrijving"), help_text=_("Voor wie het leerpad is en waar het toe leidt, in een paar zinnen.")
    )
    target_profile = models.ForeignKey(
        RoleProfilePage,
        verbose_name=_("bereidt voor op"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="learning_paths",
        help_text=_("Het functieprofiel waar het leerpad naartoe leidt. Leeg: geen bepaald functieprofiel."),
    )
    min_electives = models.PositiveSmallIntegerField(
        _("minimaal aantal keuzeleergangen"),
        default=0,
        help_text=_("Hoeveel keuzeleergangen de deelnemer minstens afrondt, naast alle verplichte leergangen."),
    )
    leads_to_certificate = models.BooleanField(
        _("leidt tot een certificaat"), default=False, help_text=_("Wie het leerpad afrondt, krijgt een certificaat.")
    )
    certificate_validity_months = models.PositiveSmallIntegerField(
        _("certificaat geldig (maanden)"), null=True, blank=True, help_text=_("Leeg: het certificaat verloopt niet.")
    )

    panels = [
        TitleFieldPanel("title", placeholder=False),
        FieldPanel("slug", widget=SlugInput(attrs={"data-w-slug-allow-unicode-value": "false"})),
        FieldPanel("description"),
        FieldPanel("target_profile"),
        FieldPanel("min_electives"),
        FieldPanel("leads_to_certificate"),
        FieldPanel("certificate_validity_months"),
        InlinePanel(
            "items",
            heading=_("Leergangen in volgorde"),
            label=_("Leergang"),
            min_num=1,
            help_text=_("In de volgorde waarin de deelnemer ze volgt. Zet 'verplicht' uit voor een keuzeleergang."),
        ),
    ]
    search_fields = [index.SearchField("title"), index.SearchField("description")]

    class Meta:
        verbose_name = _("leerpad")
        verbose_name_plural = _("leerpaden")
        ordering = ["title"]

    def __str__(self):
        return self.title


def check_min_electives(*, min_electives: int, electives: int) -> None:
    """A path asks for no more electives than it holds. The admin form checks the items
    being edited with it; the model cannot, as its unsaved items are not in the database."""
    if min_electives > electives:
        raise ValidationError(
            ngettext(
                "Dit leerpad heeft %(count)s keuzeleergang, maar vraagt er minimaal %(min)s. "
                "Zet 'verplicht' uit bij meer leergangen of verlaag het minimum.",
                "Dit leerpad heeft %(count)s keuzeleergangen, maar vraagt er minimaal %(min)s. "
                "Zet 'verplicht' uit bij meer leergangen of verlaag het minimum.",
                electives,
            )
            % {"count": electives, "min": min_electives}
        )


class LearningPathItem(Orderable):
    path = ParentalKey(LearningPath, on_delete=models.CASCADE, related_name="items")
    track = models.ForeignKey(
        LearningTrackPage,
        verbose_name=_("leergang"),
        on_delete=models.CASCADE,
        related_name="path_items",
        help_text=_("Een leergang uit het leeraanbod."),
    )
    required = models.BooleanField(
        _("verplicht"),
        default=True,
        help_text=_("Uit: een keuzeleergang. De deelnemer kiest dan zelf uit de keuzeleergangen."),
    )

    panels = [FieldPanel("track"), FieldPanel("required")]

    class Meta(Orderable.Meta):
        verbose_name = _("leergang in leerpad")
        verbose_name_plural = _("leergangen in leerpad")
        constraints = [models.UniqueConstraint(fields=["path", "track"], name="pathitem_unique_track")]

    def __str__(self):
        return self.track.title


def exactly_one_target(prefix: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=(Q(path__isnull=False, track__isnull=True) | Q(path__isnull=True, track__isnull=False)),
        name=f"{prefix}_path_xor_track",
    )


class AssignmentBatch(BackgroundJob):
    """One 'assign to these people' action by HR, carried out by a Celery task; ``total``
    and ``processed`` count people."""

    class Audience(models.TextChoices):
        ALL = "all", _("Iedereen in de organisatie")
        ROLE = "role", _("Iedereen met dit functieprofiel")
        TEAM = "team", _("Iedereen in dit team")
        PERSON = "person", _("Eén persoon")

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="assignment_batches",
        help_text=_("De organisatie waarvan de HR-adviseur de mensen een opdracht gaf."),
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("toegewezen door"),
        help_text=_("De HR-adviseur die de opdracht gaf."),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    path = models.ForeignKey(
        LearningPath,
        verbose_name=_("leerpad"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Het leerpad dat is toegewezen; leeg als het om één leergang gaat."),
    )
    track = models.ForeignKey(
        LearningTrackPage,
        verbose_name=_("leergang"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("De leergang die is toegewezen; leeg als het om een leerpad gaat."),
    )
    due_date = models.DateField(_("uiterste datum"), help_text=_("Vóór deze datum rondt de deelnemer de opdracht af."))
    audience = models.CharField(
        _("voor wie"),
        max_length=16,
        choices=Audience.choices,
        help_text=_("Welke mensen van de organisatie de opdracht kregen."),
    )
    role_profile = models.ForeignKey(
        RoleProfilePage,
        verbose_name=_("functieprofiel"),
        help_text=_("Bij 'iedereen met dit functieprofiel': het functieprofiel."),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    team = models.CharField(_("team"), max_length=120, blank=True, help_text=_("Bij 'iedereen in dit team': het team."))
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("persoon"),
        help_text=_("Bij 'één persoon': de deelnemer."),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    total = models.PositiveIntegerField(
        _("aantal personen"), default=0, help_text=_("Zoveel mensen vielen onder de keuze.")
    )
    processed = models.PositiveIntegerField(_("verwerkt"), default=0, help_text=_("Zoveel mensen zijn al verwerkt."))
    created_count = models.PositiveIntegerField(
        _("nieuw toegewezen"),
        default=0,
        help_text=_("Zoveel mensen kregen de opdracht nieuw; de anderen hadden hem al."),
    )

    class Meta(BackgroundJob.Meta):
        verbose_name = _("toewijzing in bulk")
        verbose_name_plural = _("toewijzingen in bulk")
        constraints = [exactly_one_target("batch")]

    def __str__(self):
        return f"{self.target} → {self.organisation} ({self.get_status_display()})"

    @property
    def target(self):
        return self.path or self.track


class Assignment(models.Model):
    """A path or a track that a person has to finish by a date. One per person and target."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("deelnemer"), on_delete=models.CASCADE, related_name="assignments"
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisatie"), on_delete=models.CASCADE, related_name="assignments"
    )
    path = models.ForeignKey(
        LearningPath,
        verbose_name=_("leerpad"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="assignments",
    )
    track = models.ForeignKey(
        LearningTrackPage,
        verbose_name=_("leergang"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="assignments",
    )
    due_date = models.DateField(_("uiterste datum"))
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("toegewezen door"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    batch = models.ForeignKey(
        AssignmentBatch,
        verbose_name=_("toewijzing in bulk"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    # Kept by curriculum.status from the learner's enrolments; never edited by hand.
    finished_at = models.DateTimeField(
        _("afgerond op"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Wanneer de deelnemer de opdracht afrondde. Spil houdt dit zelf bij uit de afgeronde leergangen."),
    )

    class Meta:
        verbose_name = _("opdracht")
        verbose_name_plural = _("opdrachten")
        constraints = [
            exactly_one_target("assignment"),
            models.UniqueConstraint(
                fields=["user", "path"], condition=Q(path__isnull=False), name="assignment_one_path"
            ),
            models.UniqueConstraint(
                fields=["user", "track"], condition=Q(track__isnull=False), name="assignment_one_track"
            ),
        ]
        indexes = [
            models.Index(fields=["organisation", "path"]),
            models.Index(fields=["organisation", "track"]),
            models.Index(fields=["due_date"]),
            # The HR dashboard's period and overdue figures of one organisation.
            models.Index(fields=["organisation", "due_date"]),
            # Unfinished assignments past their date: reminders, digests and "te laat".
            models.Index(fields=["due_date"], condition=Q(finished_at__isnull=True), name="assignment_open_due"),
        ]

    def __str__(self):
        return f"{self.user} - {self.target} ({self.due_date})"

    @property
    def target(self):
        return self.path or self.track


class ReminderSent(models.Model):
    """Proof that a reminder went out, so the daily job sends each one once."""

    class Kind(models.TextChoices):
        DUE_14 = "due-14", _("14 dagen voor de uiterste datum")
        DUE_3 = "due-3", _("3 dagen voor de uiterste datum")
        OVERDUE = "overdue", _("Uiterste datum verstreken")

    assignment = models.ForeignKey(
        Assignment, verbose_name=_("opdracht"), on_delete=models.CASCADE, related_name="reminders"
    )
    kind = models.CharField(_("soort"), max_length=16, choices=Kind.choices)
    sent_at = models.DateTimeField(_("verstuurd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("verstuurde herinnering")
        verbose_name_plural = _("verstuurde herinneringen")
        constraints = [models.UniqueConstraint(fields=["assignment", "kind"], name="reminder_once")]

    def __str__(self):
        return f"{self.assignment_id}: {self.kind}"


class DigestSent(models.Model):
    """Proof that an adviser got the weekly overdue digest of an organisation for a week."""

    adviser = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("HR-adviseur"), on_delete=models.CASCADE, related_name="+"
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisatie"), on_delete=models.CASCADE, related_name="+"
    )
    week = models.CharField(_("week"), max_length=10, help_text=_("ISO-week, bijvoorbeeld 2026-W48."))
    sent_at = models.DateTimeField(_("verstuurd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("verstuurd weekoverzicht")
        verbose_name_plural = _("verstuurde weekoverzichten")
        constraints = [models.UniqueConstraint(fields=["adviser", "organisation", "week"], name="digest_once")]

    def __str__(self):
        return f"{self.adviser_id}/{self.organisation_id}: {self.week}"
