"""Learning paths, their assignment by HR with a due date, and the reminders sent."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable
from wagtail.search import index

from careers.models import RoleProfilePage
from people.models import Organisation

from .pages import LearningTrackPage


class LearningPath(index.Indexed, ClusterableModel):
    """An ordered set of tracks, some required, some elective (at least N of them)."""

    title = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(_("korte naam"), max_length=200, unique=True)
    description = models.TextField(_("omschrijving"))
    target_profile = models.ForeignKey(
        RoleProfilePage,
        verbose_name=_("bereidt voor op"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="learning_paths",
    )
    min_electives = models.PositiveSmallIntegerField(
        _("minimaal aantal keuzeleergangen"), default=0, help_text=_("Hoeveel keuzeleergangen iemand afrondt.")
    )
    leads_to_certificate = models.BooleanField(_("leidt tot een certificaat"), default=False)
    certificate_validity_months = models.PositiveSmallIntegerField(
        _("certificaat geldig (maanden)"), null=True, blank=True, help_text=_("Leeg: het certificaat verloopt niet.")
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("target_profile"),
        FieldPanel("min_electives"),
        FieldPanel("leads_to_certificate"),
        FieldPanel("certificate_validity_months"),
        InlinePanel("items", heading=_("Leergangen in volgorde"), label=_("Leergang"), min_num=1),
    ]
    search_fields = [index.SearchField("title"), index.SearchField("description")]

    class Meta:
        verbose_name = _("leerpad")
        verbose_name_plural = _("leerpaden")
        ordering = ["title"]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        electives = sum(1 for item in self.items.all() if not item.required)
        if self.min_electives > electives:
            raise ValidationError(
                {"min_electives": _("Er zijn maar %(count)s keuzeleergangen in dit pad.") % {"count": electives}}
            )


class LearningPathItem(Orderable):
    path = ParentalKey(LearningPath, on_delete=models.CASCADE, related_name="items")
    track = models.ForeignKey(
        LearningTrackPage, verbose_name=_("leergang"), on_delete=models.CASCADE, related_name="path_items"
    )
    required = models.BooleanField(_("verplicht"), default=True)

    panels = [FieldPanel("track"), FieldPanel("required")]

    class Meta(Orderable.Meta):
        verbose_name = _("leergang in pad")
        constraints = [models.UniqueConstraint(fields=["path", "track"], name="pathitem_unique_track")]

    def __str__(self):
        return self.track.title


def exactly_one_target(prefix: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=(Q(path__isnull=False, track__isnull=True) | Q(path__isnull=True, track__isnull=False)),
        name=f"{prefix}_path_xor_track",
    )


class AssignmentBatch(models.Model):
    """One 'assign to these people' action by HR, carried out by a Celery task."""

    class Audience(models.TextChoices):
        ALL = "all", _("Iedereen in de organisatie")
        ROLE = "role", _("Iedereen met dit functieprofiel")
        TEAM = "team", _("Iedereen in dit team")
        PERSON = "person", _("Eén persoon")

    class Status(models.TextChoices):
        QUEUED = "queued", _("In de wachtrij")
        RUNNING = "running", _("Bezig")
        DONE = "done", _("Klaar")
        FAILED = "failed", _("Mislukt")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="assignment_batches")
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    path = models.ForeignKey(LearningPath, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    track = models.ForeignKey(LearningTrackPage, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    due_date = models.DateField(_("uiterste datum"))
    audience = models.CharField(_("voor wie"), max_length=16, choices=Audience.choices)
    role_profile = models.ForeignKey(
        RoleProfilePage, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    team = models.CharField(_("team"), max_length=120, blank=True)
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.QUEUED)
    total = models.PositiveIntegerField(default=0)
    processed = models.PositiveIntegerField(default=0)
    created_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        verbose_name = _("toewijzing in bulk")
        verbose_name_plural = _("toewijzingen in bulk")
        ordering = ["-created_at"]
        constraints = [exactly_one_target("batch")]

    def __str__(self):
        return f"{self.target} → {self.organisation} ({self.get_status_display()})"

    @property
    def target(self):
        return self.path or self.track

    @property
    def percent(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        return int(100 * self.processed / self.total) if self.total else 0


class Assignment(models.Model):
    """A path or a track that a person has to finish by a date. One per person and target."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assignments")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="assignments")
    path = models.ForeignKey(LearningPath, on_delete=models.CASCADE, null=True, blank=True, related_name="assignments")
    track = models.ForeignKey(
        LearningTrackPage, on_delete=models.CASCADE, null=True, blank=True, related_name="assignments"
    )
    due_date = models.DateField(_("uiterste datum"))
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    batch = models.ForeignKey(AssignmentBatch, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

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

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("verstuurde herinnering")
        verbose_name_plural = _("verstuurde herinneringen")
        constraints = [models.UniqueConstraint(fields=["assignment", "kind"], name="reminder_once")]

    def __str__(self):
        return f"{self.assignment_id}: {self.kind}"


class DigestSent(models.Model):
    """Proof that an adviser got the weekly overdue digest of an organisation for a week."""

    adviser = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    week = models.CharField(max_length=10, help_text="ISO week, e.g. 2026-W48")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["adviser", "organisation", "week"], name="digest_once")]

    def __str__(self):
        return f"{self.adviser_id}/{self.organisation_id}: {self.week}"
