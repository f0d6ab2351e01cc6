"""Learning circles (leerkringen): communities of practice across organisations.

A circle is a Wagtail page under the 'Leerkringen' index; its sessions (bijeenkomsten) are
rows that the circle's organisers publish and edit on the site itself. Members register for
a session (or land on its waitlist), attend it (recorded by the organiser or by checking in
with a code), and give feedback. Attendance counts: it shows on the member's learning
history and can complete a learning track of the learning-circle format.

See ../shared/domain/leerkring-projectondersteuners.txt for how such a circle works.
"""

import uuid

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from careers.models import RoleProfilePage
from common.i18n import TranslatablePageMixin
from common.storage import private_storage
from common.tokens import new_token
from curriculum.models import LearningTrackPage
from curriculum.models.pages import Format
from people.models import Membership, User

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]
# The site's own addresses under /leerkringen/ (circles/urls.py); no circle may take them.
RESERVED_SLUGS = {"beheer", "bijeenkomsten", "agenda", "mijn", "uitnodigingen"}


class CircleIndexPage(TranslatablePageMixin, Page):
    """'Leerkringen': every learning circle."""

    # Member counts and next sessions change without an editor: kept whole for a minute at most.
    page_cache_seconds = 60

    introduction = models.TextField(
        _("inleiding"), blank=True, help_text=_("Staat boven de lijst met leerkringen: wat een leerkring is.")
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["circles.LearningCirclePage"]
    max_count_per_parent = 1
    template = "circles/circle_index_page.html"

    class Meta:
        verbose_name = _("overzicht leerkringen")

    def get_context(self, request, *args, **kwargs):
        from .selectors import circle_index_context, kept_version

        context = super().get_context(request, *args, **kwargs)
        context.update(circle_index_context(index=self, user=request.user, version=kept_version(request=request)))
        return context


class LearningCirclePageForm(WagtailAdminPageForm):
    """The admin form of a circle: its organisers are people with the organiser role. The
    choice lists those people (and whoever organises the circle already, so that someone who
    lost the role is shown, and refused, instead of dropped without a word)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "organisers" in self.fields:
            current = self.instance.organisers.all() if self.instance.pk else User.objects.none()
            self.fields["organisers"].queryset = User.objects.filter(
                models.Q(memberships__role=Membership.Role.ORGANISER) | models.Q(pk__in=current.values("pk"))
            ).distinct()

    def clean_organisers(self):
        organisers = self.cleaned_data["organisers"]
        with_role = set(
            Membership.objects.filter(
                user__in=organisers, role=Membership.Role.ORGANISER, user__is_active=True
            ).values_list("user_id", flat=True)
        )
        without = [str(user) for user in organisers if user.pk not in with_role]
        if without:
            raise ValidationError(
                _("Alleen leerkringorganisatoren kunnen een leerkring organiseren. Geen organisator: %(names)s."),
                params={"names": ", ".join(without)},
            )
        return organisers


class LearningCirclePage(Page):
    # Member counts and which sessions are still to come change without an editor (cms/pagecache.py).
    page_cache_seconds = 60

    class Membership(models.TextChoices):
        OPEN = "open", _("Open: iedereen met een account kan lid worden")
        INVITATION = "invitation", _("Op uitnodiging: een organisator laat leden toe")

    theme = models.CharField(
        _("thema"),
        max_length=200,
        help_text=_("Waar de leerkring over gaat, in een regel, bijvoorbeeld 'Het vak van projectondersteuner'."),
    )
    description = RichTextField(
        _("beschrijving"),
        features=RICH_TEXT_FEATURES,
        help_text=_("Voor wie de leerkring is, hoe een bijeenkomst verloopt en wat leden eraan hebben."),
    )
    role_profiles = ParentalManyToManyField(
        RoleProfilePage,
        verbose_name=_("functieprofielen"),
        blank=True,
        related_name="circles",
        help_text=_("De functieprofielen waarvoor de leerkring bedoeld is."),
    )
    organisers = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("organisatoren"),
        blank=True,
        related_name="organised_circles",
        help_text=_(
            "Leerkringorganisatoren die de bijeenkomsten, aanmeldingen en aanwezigheid van deze kring beheren."
        ),
    )
    membership = models.CharField(
        _("lidmaatschap"),
        max_length=16,
        choices=Membership.choices,
        default=Membership.OPEN,
        help_text=_("Of iedereen lid kan worden, of alleen wie een organisator toelaat."),
    )
    track = models.ForeignKey(
        LearningTrackPage,
        verbose_name=_("leergang"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_(
            "Een leergang in de vorm 'leerkring' die leden afronden door bijeenkomsten bij te wonen. Laat leeg als "
            "de kring niet meetelt voor een leergang."
        ),
    )
    sessions_required = models.PositiveSmallIntegerField(
        _("aantal bijeenkomsten voor de leergang"),
        default=0,
        validators=[MaxValueValidator(100)],
        help_text=_("Zoveel bijgewoonde bijeenkomsten ronden de leergang af. 0 als de kring niet meetelt."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("theme"),
        FieldPanel("description"),
        FieldPanel("role_profiles"),
        MultiFieldPanel(
            [FieldPanel("organisers", widget=forms.CheckboxSelectMultiple), FieldPanel("membership")],
            heading=_("Organisatie en lidmaatschap"),
        ),
        MultiFieldPanel(
            [FieldPanel("track"), FieldPanel("sessions_required")], heading=_("Meetellen voor een leergang")
        ),
        InlinePanel("intake_questions", heading=_("Intakevragen"), label=_("intakevraag")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("theme"), index.SearchField("description")]
    parent_page_types = ["circles.CircleIndexPage"]
    subpage_types = []
    template = "circles/learning_circle_page.html"
    base_form_class = LearningCirclePageForm

    class Meta:
        verbose_name = _("leerkring")
        verbose_name_plural = _("leerkringen")

    def get_context(self, request, *args, **kwargs):
        from .selectors import circle_page_context, kept_version

        context = super().get_context(request, *args, **kwargs)
        context.update(circle_page_context(circle=self, user=request.user, version=kept_version(request=request)))
        return context

    def clean(self):
        super().clean()
        errors = {}
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = _("Dit adres is al in gebruik door Spil zelf; kies een andere korte naam.")
        if self.track_id and self.track.format != Format.LEARNING_CIRCLE:
            errors["track"] = _("Kies een leergang in de vorm 'leerkring'.")
        if self.track_id and not self.sessions_required:
            errors["sessions_required"] = _("Geef aan hoeveel bijeenkomsten de leergang afronden.")
        if not self.track_id and self.sessions_required:
            errors["sessions_required"] = _("Kies eerst de leergang waarvoor de bijeenkomsten meetellen.")
        if errors:
            raise ValidationError(errors)


class IntakeQuestion(Orderable):
    """A question of the circle's intake poll, for example years of experience."""

    class Kind(models.TextChoices):
        CHOICE = "choice", _("Keuze uit antwoorden")
        NUMBER = "number", _("Getal")

    circle = ParentalKey(LearningCirclePage, on_delete=models.CASCADE, related_name="intake_questions")
    question = models.CharField(
        _("vraag"), max_length=200, help_text=_("Bijvoorbeeld 'Hoeveel jaar werk je als ondersteuner?'")
    )
    kind = models.CharField(
        _("soort antwoord"),
        max_length=16,
        choices=Kind.choices,
        default=Kind.CHOICE,
        help_text=_("Een keuze uit vaste antwoorden, of een getal."),
    )
    choices = models.TextField(
        _("antwoorden"),
        blank=True,
        help_text=_("Bij een keuze: elk antwoord op een eigen regel, bijvoorbeeld '0-2 jaar'."),
    )

    panels = [FieldPanel("question"), FieldPanel("kind"), FieldPanel("choices")]

    class Meta(Orderable.Meta):
        verbose_name = _("intakevraag")
        verbose_name_plural = _("intakevragen")

    def __str__(self):
        return self.question

    @property
    def choice_list(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]

    def clean(self):
        if self.kind == self.Kind.CHOICE and len(self.choice_list) < 2:
            raise ValidationError({"choices": _("Geef minstens twee antwoorden, elk op een eigen regel.")})


class IntakeAnswer(models.Model):
    # Not content: Wagtail's reference index need not track it (one write less per row).
    wagtail_reference_index_ignore = True
    question = models.ForeignKey(IntakeQuestion, on_delete=models.CASCADE, related_name="answers")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    value = models.CharField(_("antwoord"), max_length=200)
    answered_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("intakeantwoord")
        verbose_name_plural = _("intakeantwoorden")
        constraints = [models.UniqueConstraint(fields=["question", "user"], name="intake_answer_once")]

    def __str__(self):
        return f"{self.user} - {self.question}: {self.value}"


class CircleMember(models.Model):
    """Membership of a circle. Leaving keeps the row (left_at) so attendance history stays."""

    # Not content: Wagtail's reference index need not track it (one write less per row).
    wagtail_reference_index_ignore = True

    circle = models.ForeignKey(
        LearningCirclePage,
        verbose_name=_("leerkring"),
        on_delete=models.CASCADE,
        related_name="members",
        help_text=_("De leerkring waar de persoon lid van is."),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("persoon"),
        on_delete=models.CASCADE,
        related_name="circle_memberships",
        help_text=_("Het lid."),
    )
    joined_at = models.DateTimeField(_("lid sinds"), default=timezone.now, help_text=_("Wanneer de persoon lid werd."))
    left_at = models.DateTimeField(
        _("gestopt op"), null=True, blank=True, help_text=_("Wanneer de persoon stopte; leeg voor een lid.")
    )

    class Meta:
        verbose_name = _("lid van een leerkring")
        verbose_name_plural = _("leden van leerkringen")
        constraints = [models.UniqueConstraint(fields=["circle", "user"], name="circle_member_once")]
        indexes = [models.Index(fields=["circle", "left_at"])]

    def __str__(self):
        return f"{self.user} - {self.circle}"

    @property
    def is_active(self) -> bool:
        return self.left_at is None


class CircleStats(models.Model):
    """What a circle's pages show of its membership without counting its member rows: the
    active members, and a version raised with every change of membership (for what is kept
    per membership, such as the members by kind of organisation).

    A row of its own, not a field of the page: a page field set by the services would be
    overwritten when an editor publishes an older revision. ``services.count_members``
    recounts it, with the row locked, in the transaction of every change: every save and
    delete of a ``CircleMember`` (signal_handlers.py: joining, coming back, a deleted account)
    and every update of ``left_at`` (``services.leave_circle``). A circle without its row
    (members loaded in bulk) gets it at its first read (``selectors.member_stats``)."""

    # Not content: Wagtail's reference index need not track it (one write less per row).
    wagtail_reference_index_ignore = True

    circle = models.OneToOneField(LearningCirclePage, on_delete=models.CASCADE, primary_key=True, related_name="+")
    members = models.PositiveIntegerField(default=0)
    version = models.PositiveBigIntegerField(default=0)

    def __str__(self):
        return f"{self.circle_id}: {self.members}"


class CircleInvitation(models.Model):
    """For an invitation-only circle: an organiser lets someone in by email address."""

    # Not content: Wagtail's reference index need not track it (one write less per row).
    wagtail_reference_index_ignore = True

    circle = models.ForeignKey(
        LearningCirclePage,
        verbose_name=_("leerkring"),
        on_delete=models.CASCADE,
        related_name="invitations",
        help_text=_("De leerkring waarvoor de uitnodiging geldt."),
    )
    email = models.EmailField(_("e-mailadres"), help_text=_("Wie met dit geverifieerde adres inlogt, kan lid worden."))
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uitgenodigd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("De organisator die uitnodigde."),
    )
    created_at = models.DateTimeField(_("uitgenodigd op"), auto_now_add=True)
    accepted_at = models.DateTimeField(
        _("aangenomen op"), null=True, blank=True, help_text=_("Wanneer de persoon lid werd; leeg als dat nog niet is.")
    )

    class Meta:
        verbose_name = _("uitnodiging voor een leerkring")
        verbose_name_plural = _("uitnodigingen voor leerkringen")
        constraints = [models.UniqueConstraint(fields=["circle", "email"], name="circle_invitation_once")]

    def __str__(self):
        return f"{self.email} - {self.circle}"


class Session(models.Model):
    """A bijeenkomst: one date of its own (circles meet irregularly)."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Gepland")
        CANCELLED = "cancelled", _("Afgelast")

    circle = models.ForeignKey(
        LearningCirclePage,
        verbose_name=_("leerkring"),
        on_delete=models.CASCADE,
        related_name="sessions",
        help_text=_("De leerkring van de bijeenkomst."),
    )
    theme = models.CharField(
        _("centraal thema"), max_length=200, help_text=_("Het onderwerp van deze bijeenkomst, in een regel.")
    )
    agenda = RichTextField(
        _("agenda"), features=RICH_TEXT_FEATURES, blank=True, help_text=_("Het programma: wat er wanneer gebeurt.")
    )
    starts_at = models.DateTimeField(_("begint om"), help_text=_("Datum en begintijd, Nederlandse tijd."))
    ends_at = models.DateTimeField(_("eindigt om"), help_text=_("Datum en eindtijd, Nederlandse tijd."))
    online_url = models.URLField(
        _("link naar de online bijeenkomst"),
        max_length=500,
        blank=True,
        help_text=_("Alleen zichtbaar voor wie zich heeft aangemeld."),
    )
    location = models.CharField(
        _("locatie"), max_length=300, blank=True, help_text=_("Adres en zaal, als de bijeenkomst op locatie is.")
    )
    capacity = models.PositiveIntegerField(
        _("aantal plaatsen"),
        validators=[MinValueValidator(1), MaxValueValidator(10000)],
        help_text=_("Wie zich aanmeldt als het vol is, komt op de wachtlijst."),
    )
    registration_deadline = models.DateTimeField(
        _("aanmelden kan tot"), null=True, blank=True, help_text=_("Laat leeg om aanmelden tot de start toe te staan.")
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=Status.choices,
        default=Status.SCHEDULED,
        help_text=_("Gepland, of afgelast (wie zich had aangemeld, kreeg bericht)."),
    )
    # iCalendar: one UID for the life of the session, SEQUENCE raised on every change that
    # matters to a calendar (time, place, cancellation).
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0, editable=False)
    checkin_code = models.CharField(_("aanwezigheidscode"), max_length=12, blank=True, editable=False)
    report = RichTextField(
        _("verslag"), features=RICH_TEXT_FEATURES, blank=True, help_text=_("Wat er besproken is; alleen voor leden.")
    )
    report_published_at = models.DateTimeField(
        _("verslag gepubliceerd op"), null=True, blank=True, help_text=_("Leeg zolang het verslag een concept is.")
    )
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aangemaakt door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("De organisator die de bijeenkomst aanmaakte."),
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("bijeenkomst")
        verbose_name_plural = _("bijeenkomsten")
        ordering = ["starts_at"]
        indexes = [models.Index(fields=["circle", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="session_ends_after_start"
            )
        ]

    def __str__(self):
        return f"{self.theme} ({timezone.localtime(self.starts_at):%d-%m-%Y})"

    def clean(self):
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("Het einde ligt na het begin.")
        if self.registration_deadline and self.starts_at and self.registration_deadline > self.starts_at:
            errors["registration_deadline"] = _("Aanmelden sluit uiterlijk bij de start.")
        if not self.online_url and not self.location:
            errors["location"] = _("Geef een link naar de online bijeenkomst of een locatie.")
        if errors:
            raise ValidationError(errors)

    @property
    def hours(self) -> float:
        return round((self.ends_at - self.starts_at).total_seconds() / 3600, 2)

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED


class SessionMaterial(models.Model):
    """A file or link the organiser shares after a session; members only."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="materials")
    title = models.CharField(_("titel"), max_length=200)
    file = models.FileField(_("bestand"), storage=private_storage, upload_to="circles/%Y/", blank=True)
    url = models.URLField(_("link"), max_length=500, blank=True)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("materiaal")
        verbose_name_plural = _("materialen")

    def __str__(self):
        return self.title

    def clean(self):
        if bool(self.file) == bool(self.url):
            raise ValidationError(_("Voeg een bestand of een link toe, niet allebei."))


class Registration(models.Model):
    """Aanmelden voor een bijeenkomst: a place, or a place on the waitlist (first come,
    first promoted: ``created_at`` orders the line)."""

    # Not content: Wagtail's reference index need not track it (one write less per row).
    wagtail_reference_index_ignore = True

    class Status(models.TextChoices):
        REGISTERED = "registered", _("Aangemeld")
        WAITLISTED = "waitlisted", _("Op de wachtlijst")
        CANCELLED = "cancelled", _("Afgemeld")

    session = models.ForeignKey(
        Session,
        verbose_name=_("bijeenkomst"),
        on_delete=models.CASCADE,
        related_name="registrations",
        help_text=_("De bijeenkomst waarvoor de persoon zich aanmeldde."),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("persoon"),
        on_delete=models.CASCADE,
        related_name="session_registrations",
        help_text=_("Wie zich aanmeldde."),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, help_text=_("Aangemeld, op de wachtlijst of afgemeld.")
    )
    created_at = models.DateTimeField(
        _("aangemeld op"), default=timezone.now, help_text=_("Bepaalt de volgorde op de wachtlijst.")
    )
    promoted_at = models.DateTimeField(
        _("van de wachtlijst op"), null=True, blank=True, help_text=_("Wanneer de persoon een plaats kreeg.")
    )
    cancelled_at = models.DateTimeField(
        _("afgemeld op"), null=True, blank=True, help_text=_("Wanneer de persoon zich afmeldde.")
    )
    reminder_sent_at = models.DateTimeField(
        _("herinnering verstuurd op"),
        null=True,
        blank=True,
        help_text=_("Wanneer de herinnering van de dag ervoor ging."),
    )

    class Meta:
        verbose_name = _("aanmelding")
        verbose_name_plural = _("aanmeldingen")
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["session", "user"], name="registration_once")]
        indexes = [models.Index(fields=["session", "status", "created_at"])]

    def __str__(self):
        return f"{self.user} - {self.session} ({self.get_status_display()})"


class Attendance(models.Model):
    """Who was there. A walk-in without an account is kept by name and email; everyone
    else by their account, never by a display name."""

    # Not content: Wagtail's reference index need not track it (one write less per row).
    wagtail_reference_index_ignore = True

    class Status(models.TextChoices):
        PRESENT = "present", _("Aanwezig")
        ABSENT = "absent", _("Afwezig")

    class Method(models.TextChoices):
        ORGANISER = "organiser", _("Door de organisator")
        CHECK_IN = "check_in", _("Zelf met de code")
        WALK_IN = "walk_in", _("Binnenloper")

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendance")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="session_attendance"
    )
    name = models.CharField(_("naam"), max_length=200, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    status = models.CharField(_("aanwezigheid"), max_length=16, choices=Status.choices)
    method = models.CharField(_("vastgelegd"), max_length=16, choices=Method.choices)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("aanwezigheid")
        verbose_name_plural = _("aanwezigheid")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"], condition=models.Q(user__isnull=False), name="attendance_once"
            ),
            models.CheckConstraint(
                condition=models.Q(user__isnull=False) | ~models.Q(name=""), name="attendance_names_someone"
            ),
        ]

    def __str__(self):
        return f"{self.user or self.name} - {self.session} ({self.get_status_display()})"


class Feedback(models.Model):
    # Not content: Wagtail's reference index need not track it (one write less per row).
    wagtail_reference_index_ignore = True
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="feedback")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    rating = models.PositiveSmallIntegerField(
        _("waardering"), validators=[MinValueValidator(1), MaxValueValidator(5)], help_text=_("1 (slecht) tot 5 (goed)")
    )
    comment = models.TextField(_("toelichting"), max_length=2000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        constraints = [
            models.UniqueConstraint(fields=["session", "user"], name="feedback_once"),
            models.CheckConstraint(condition=models.Q(rating__gte=1, rating__lte=5), name="feedback_rating_1_5"),
        ]

    def __str__(self):
        return f"{self.user} - {self.session}: {self.rating}"


class CalendarFeed(models.Model):
    """The secret address of a person's own calendar feed; resetting makes a new one."""

    # Not content: Wagtail's reference index need not track it (one write less per row).
    wagtail_reference_index_ignore = True

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed")
    token = models.CharField(max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("persoonlijke agenda")
        verbose_name_plural = _("persoonlijke agenda's")

    def __str__(self):
        return str(self.user)
