from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from careers.forms import DateInput
from careers.models import Competency, RoleProfilePage
from common.forms import ModelChoiceField
from people.models import (
    REQUEST_DECISION_DAYS_MAX,
    REQUEST_DECISION_DAYS_MIN,
    Membership,
    Organisation,
    User,
)

from .grading import ModuleResult, answer_key
from .models import AssignmentBatch, Format, LearningPath, LearningTrackPage, ModulePage, ModuleProgress
from .models.paths import check_min_electives
from .selectors import free_path_slug

CHOOSE = _("(kies)")
REFLECTION_MAX_LENGTH = 5000
NOT_A_CHOICE = _("Kies een van de antwoorden.")


def reflection_key(block_id: str) -> str:
    return f"reflection-{block_id}"


class ModuleAnswersForm(forms.Form):
    """A learner's answers to the knowledge checks of a module (field ``<block id>-<question
    index>``, the index of the chosen answer) and reflections on its assignments (field
    ``reflection-<block id>``).

    No field is required here: the answers given are kept even when some are missing, and
    grading says what is still open. The form refuses an answer that is not one of the
    question's choices and a reflection that is too long."""

    def __init__(self, *args, module: ModulePage, progress: ModuleProgress | None = None, **kwargs):
        if progress is not None:
            kwargs.setdefault(
                "initial",
                {
                    **progress.answers,
                    **{reflection_key(block_id): text for block_id, text in progress.reflections.items()},
                },
            )
        super().__init__(*args, **kwargs)
        self.module = module
        self.question_keys: list[str] = []
        self.assignment_ids: list[str] = []
        for block in module.body:
            if block.block_type == "knowledge_check":
                for index, question in enumerate(block.value["questions"]):
                    key = answer_key(block.id, index)
                    self.question_keys.append(key)
                    self.fields[key] = forms.ChoiceField(
                        label=question["question"],
                        choices=[(str(number), choice["text"]) for number, choice in enumerate(question["choices"])],
                        required=False,
                        error_messages={"invalid_choice": NOT_A_CHOICE},
                    )
            elif block.block_type == "assignment":
                self.assignment_ids.append(block.id)
                self.fields[reflection_key(block.id)] = forms.CharField(
                    label=block.value["reflection_prompt"], required=False, max_length=REFLECTION_MAX_LENGTH
                )

    def answers(self) -> dict[str, str]:
        """The answers given, of a valid form: question key -> index of the chosen answer."""
        return {key: self.cleaned_data[key] for key in self.question_keys if self.cleaned_data[key]}

    def reflections(self) -> dict[str, str]:
        """The reflections, of a valid form: block id -> text."""
        return {block_id: self.cleaned_data[reflection_key(block_id)] for block_id in self.assignment_ids}

    def blocks(self, *, result: ModuleResult | None = None) -> list[dict]:
        """Each body block for the module template, with what the learner answered, the
        form's errors and, after grading, the feedback."""
        checks = {check.block_id: check for check in result.checks} if result else {}
        reflection_errors = result.reflection_errors if result else {}
        states = []
        for block in self.module.body:
            state = {"block": block, "type": block.block_type}
            if block.block_type == "knowledge_check":
                check = checks.get(block.id)
                state["check"] = check
                state["questions"] = []
                for index, question in enumerate(block.value["questions"]):
                    field = self[answer_key(block.id, index)]
                    chosen = "" if field.value() is None else str(field.value())
                    state["questions"].append(
                        {
                            "key": field.html_name,
                            "number": index + 1,
                            "question": question,
                            "choices": [(value, text, chosen == value) for value, text in field.field.choices],
                            "error": next(iter(field.errors), None),
                            "result": check.questions[index] if check else None,
                        }
                    )
            elif block.block_type == "assignment":
                field = self[reflection_key(block.id)]
                state["reflection"] = field.value() or ""
                state["error"] = next(iter(field.errors), None) or reflection_errors.get(block.id)
            states.append(state)
        return states


class CatalogFilterForm(forms.Form):
    all_optional = True  # a filter: no field is marked "(niet verplicht)"

    q = forms.CharField(label=_("Zoeken"), required=False, max_length=100)
    role_profile = ModelChoiceField(
        label=_("Functieprofiel"),
        queryset=RoleProfilePage.objects.live().order_by("title"),
        required=False,
        empty_label=_("Alle functieprofielen"),
    )
    competency = ModelChoiceField(
        label=_("Competentie"),
        queryset=Competency.objects.order_by("name"),
        required=False,
        empty_label=_("Alle competenties"),
    )
    format = forms.ChoiceField(
        label=_("Werkvorm"), choices=[("", _("Alle werkvormen")), *Format.choices], required=False
    )
    scale = forms.TypedChoiceField(
        label=_("Salarisschaal"),
        choices=[("", _("Alle schalen")), *[(n, str(n)) for n in range(4, 15)]],
        coerce=int,
        empty_value=None,
        required=False,
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Besluit"),
        choices=[("approve", _("Goedkeuren")), ("decline", _("Afwijzen"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reden"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Verplicht bij afwijzen; de deelnemer krijgt hem te lezen."),
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "decline" and not data.get("reason", "").strip():
            self.add_error("reason", _("Geef een reden, zodat de deelnemer weet waarom."))
        return data


class RequestDeadlineForm(forms.Form):
    """How many days HR has to decide a request: one field per organisation the adviser
    advises, named ``termijn-<organisation id>``. A submitted field of any other
    organisation is refused, not ignored."""

    PREFIX = "termijn-"

    def __init__(self, *args, organisations: list[Organisation], **kwargs):
        super().__init__(*args, **kwargs)
        self.organisations = {organisation.pk: organisation for organisation in organisations}
        limits = {"min": REQUEST_DECISION_DAYS_MIN, "max": REQUEST_DECISION_DAYS_MAX}
        range_message = _("Kies een aantal dagen van %(min)s tot en met %(max)s.") % limits
        for organisation in organisations:
            self.fields[self.field_name(organisation)] = forms.IntegerField(
                label=organisation.name,
                initial=organisation.request_decision_days,
                min_value=REQUEST_DECISION_DAYS_MIN,
                max_value=REQUEST_DECISION_DAYS_MAX,
                help_text=_("Aantal dagen, van %(min)s tot en met %(max)s.") % limits,
                error_messages={
                    "required": _("Vul het aantal dagen in."),
                    "invalid": _("Vul een heel getal in, bijvoorbeeld 14."),
                    "min_value": range_message,
                    "max_value": range_message,
                },
            )

    @classmethod
    def field_name(cls, organisation: Organisation) -> str:
        return f"{cls.PREFIX}{organisation.pk}"

    def clean(self):
        data = super().clean()
        others = [key for key in self.data if key.startswith(self.PREFIX) and key not in self.fields]
        if others:
            raise forms.ValidationError(
                _("Je stelt alleen de termijn in van organisaties waarvan je HR-adviseur bent."), code="not_advised"
            )
        return data

    @property
    def days(self) -> dict[int, int]:
        """The cleaned days per organisation id."""
        return {pk: self.cleaned_data[self.field_name(o)] for pk, o in self.organisations.items()}


TARGET_FIELD_TEMPLATE = "curriculum/hr/target_field.html"


class AssignForm(forms.Form):
    # Path and track sit together in a fieldset "Kies een leerpad of een leergang": one
    # of the two is required, so neither is marked "(niet verplicht)"; clean() checks it.
    template_name = "curriculum/hr/assign_form.html"

    organisation = ModelChoiceField(label=_("Organisatie"), queryset=Organisation.objects.none())
    path = ModelChoiceField(
        label=_("Leerpad"),
        queryset=LearningPath.objects.order_by("title"),
        required=False,
        empty_label=CHOOSE,
        template_name=TARGET_FIELD_TEMPLATE,
    )
    track = ModelChoiceField(
        label=_("Leergang"),
        queryset=LearningTrackPage.objects.live().order_by("title"),
        required=False,
        empty_label=CHOOSE,
        template_name=TARGET_FIELD_TEMPLATE,
    )
    due_date = forms.DateField(label=_("Uiterste datum"), widget=DateInput())
    audience = forms.ChoiceField(
        label=_("Voor wie"),
        choices=AssignmentBatch.Audience.choices,
        widget=forms.RadioSelect,
        initial=AssignmentBatch.Audience.ALL,
    )
    role_profile = ModelChoiceField(
        label=_("Functieprofiel"),
        queryset=RoleProfilePage.objects.live().order_by("title"),
        required=False,
        empty_label=CHOOSE,
        help_text=_("Bij 'iedereen met dit functieprofiel': het bevestigde of opgegeven huidige profiel."),
    )
    team = forms.ChoiceField(label=_("Team"), required=False)
    person = ModelChoiceField(label=_("Persoon"), queryset=User.objects.none(), required=False, empty_label=CHOOSE)

    def __init__(self, *args, organisations, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        if len(organisations) == 1:
            self.fields["organisation"].initial = organisations[0]
        self.fields["person"].queryset = people
        teams = (
            Membership.objects.filter(organisation__in=organisations, role=Membership.Role.LEARNER)
            .exclude(team="")
            .order_by("team")
            .values_list("team", flat=True)
            .distinct()
        )
        self.fields["team"].choices = [("", CHOOSE), *[(team, team) for team in teams]]

    def clean_due_date(self):
        due = self.cleaned_data["due_date"]
        if due < timezone.localdate():
            raise forms.ValidationError(_("De uiterste datum ligt in het verleden."))
        return due

    def clean(self):
        data = super().clean()
        if "path" in self.errors or "track" in self.errors:
            pass  # an unknown choice already says what is wrong
        elif not data.get("path") and not data.get("track"):
            self.add_error("path", _("Kies een leerpad of een leergang."))
        elif data.get("path") and data.get("track"):
            self.add_error("path", _("Kies een leerpad of een leergang, niet allebei."))
        needs = {
            AssignmentBatch.Audience.ROLE: ("role_profile", _("Kies het functieprofiel.")),
            AssignmentBatch.Audience.TEAM: ("team", _("Kies het team.")),
            AssignmentBatch.Audience.PERSON: ("person", _("Kies de persoon.")),
        }
        field, message = needs.get(data.get("audience"), (None, None))
        if field and not data.get(field):
            self.add_error(field, message)
        return data


class LearningPathAdminForm(WagtailAdminModelForm):
    """The admin form of a learning path. It checks the minimum of electives against the
    items being edited, not the saved ones, and fills an empty short name from the title."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False

    def clean(self):
        data = super().clean()
        if not data.get("slug") and data.get("title"):
            data["slug"] = free_path_slug(title=data["title"], path=self.instance)
        electives = self.electives_being_edited()
        if electives is not None and data.get("min_electives") is not None:
            try:
                check_min_electives(min_electives=data["min_electives"], electives=electives)
            except forms.ValidationError as error:
                self.add_error("min_electives", error)
        return data

    def electives_being_edited(self) -> int | None:
        """The electives among the items that stay, or None while the items have errors of
        their own."""
        items = self.formsets["items"]
        if not items.is_valid():
            return None
        return sum(
            1
            for form in items.forms
            if form.cleaned_data.get("track")
            and not form.cleaned_data.get("DELETE")
            and not form.cleaned_data.get("required")
        )
