"""Self-assessments: statements per competency answered on the four-level scale, attempts,
second opinions, sharing with the organisation, and the personal development plan."""

from django import forms
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, Page

from careers.models import Competency, Level, RoleProfilePage
from common.pages import IndexPage, introduction_field
from curriculum.models import LearningTrackPage


class SelfAssessmentIndexPage(IndexPage):
    """'Zelfscans': the self-assessments a person can take."""

    introduction = introduction_field(
        _("Staat boven de lijst met zelfscans: wat een zelfscan is en wat je eraan hebt.")
    )

    subpage_types = ["assessments.SelfAssessmentPage"]
    template = "assessments/self_assessment_index_page.html"

    class Meta:
        verbose_name = _("overzicht zelfscans")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["assessments"] = self.content_source.get_children().live().specific()
        return context


class SelfAssessmentPage(Page):
    introduction = models.TextField(
        _("inleiding"),
        help_text=_(
            "Wat de zelfscan meet en wat de deelnemer met de uitkomst kan; ook te zien in de lijst met zelfscans."
        ),
    )
    role_profiles = ParentalManyToManyField(
        RoleProfilePage,
        verbose_name=_("voor functieprofielen"),
        blank=True,
        related_name="self_assessments",
        help_text=_("De functieprofielen waarvoor deze zelfscan bedoeld is."),
    )
    minutes = models.PositiveSmallIntegerField(
        _("duur (minuten)"),
        default=15,
        help_text=_("Ongeveer hoe lang de zelfscan duurt; de deelnemer ziet dit vooraf."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("minutes"),
        FieldPanel("role_profiles", widget=forms.CheckboxSelectMultiple),
        InlinePanel(
            "statements",
            heading=_("Stellingen"),
            label=_("Stelling"),
            help_text=_("Stellingen over dezelfde competentie vormen samen één stap."),
            min_num=1,
        ),
    ]
    parent_page_types = ["assessments.SelfAssessmentIndexPage"]
    subpage_types = []
    template = "assessments/self_assessment_page.html"

    class Meta:
        verbose_name = _("zelfscan")
        verbose_name_plural = _("zelfscans")

    def get_context(self, request, *args, **kwargs):
        from .selectors import assessment_page_data

        context = super().get_context(request, *args, **kwargs)
        context.update(assessment_page_data(assessment=self, user=request.user))
        return context


class Statement(Orderable):
    page = ParentalKey(SelfAssessmentPage, on_delete=models.CASCADE, related_name="statements")
    competency = models.ForeignKey(
        Competency,
        verbose_name=_("competentie"),
        on_delete=models.PROTECT,
        related_name="statements",
        help_text=_("De competentie waarover de stelling gaat."),
    )
    text = models.CharField(
        _("stelling"),
        max_length=300,
        help_text=_(
            "Een vraag over het werk van de deelnemer, met 'je', bijvoorbeeld 'Hoe houd je de documenten van je "
            "projecten op orde?'. De deelnemer antwoordt met een van de vier niveaus van de competentie."
        ),
    )

    panels = [FieldPanel("competency"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("stelling")
        verbose_name_plural = _("stellingen")

    def __str__(self):
        return self.text


class Attempt(models.Model):
    """One time a person takes a self-assessment. Results belong to the person."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Bezig")
        SUBMITTED = "submitted", _("Ingeleverd")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assessment_attempts")
    assessment = models.ForeignKey(SelfAssessmentPage, on_delete=models.CASCADE, related_name="attempts")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.DRAFT)
    target_profile = models.ForeignKey(
        RoleProfilePage,
        verbose_name=_("vergelijk met"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    started_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    shared_with_organisation_at = models.DateTimeField(_("gedeeld met mijn organisatie sinds"), null=True, blank=True)

    class Meta:
        verbose_name = _("poging")
        verbose_name_plural = _("pogingen")
        ordering = ["-started_at"]
        indexes = [models.Index(fields=["user", "assessment", "status"])]

    def __str__(self):
        return f"{self.user} - {self.assessment.title} ({self.started_at:%Y-%m-%d})"

    @property
    def is_shared(self) -> bool:
        return self.shared_with_organisation_at is not None


class Answer(models.Model):
    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="answers")
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="+")
    level = models.PositiveSmallIntegerField(choices=Level.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["attempt", "statement"], name="answer_once")]

    def __str__(self):
        return f"{self.statement_id}: {self.level}"


class Invitation(models.Model):
    """A single-use, expiring link for a manager or colleague to rate the same statements."""

    class Relation(models.TextChoices):
        MANAGER = "manager", _("Leidinggevende")
        COLLEAGUE = "colleague", _("Collega")
        OTHER = "other", _("Iemand anders")

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mailadres"))
    name = models.CharField(_("naam"), max_length=200)
    relation = models.CharField(_("relatie"), max_length=16, choices=Relation.choices)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("uitnodiging voor een tweede blik")
        verbose_name_plural = _("uitnodigingen voor een tweede blik")

    def __str__(self):
        return f"{self.name} ({self.get_relation_display()})"

    @property
    def is_usable(self) -> bool:
        return self.used_at is None and self.expires_at > timezone.now()


class RaterAnswer(models.Model):
    invitation = models.ForeignKey(Invitation, on_delete=models.CASCADE, related_name="answers")
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="+")
    level = models.PositiveSmallIntegerField(choices=Level.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["invitation", "statement"], name="rater_answer_once")]

    def __str__(self):
        return f"{self.statement_id}: {self.level}"


class DevelopmentPlan(models.Model):
    """A person's personal development plan: a target role and the tracks picked to get there."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="development_plan")
    target_profile = models.ForeignKey(
        RoleProfilePage,
        verbose_name=_("doelfunctie"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    attempt = models.ForeignKey(Attempt, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("persoonlijk ontwikkelplan")
        verbose_name_plural = _("persoonlijke ontwikkelplannen")

    def __str__(self):
        return f"{self.user}: {self.target_profile}"


class PlanItem(models.Model):
    plan = models.ForeignKey(DevelopmentPlan, on_delete=models.CASCADE, related_name="items")
    track = models.ForeignKey(LearningTrackPage, on_delete=models.CASCADE, related_name="+")
    competency = models.ForeignKey(Competency, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["plan", "track"], name="plan_item_once")]
        ordering = ["added_at"]

    def __str__(self):
        return f"{self.plan_id}: {self.track_id}"
