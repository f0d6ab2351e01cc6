"""Hostile input, property-based (hypothesis): every form of the project and every query
parameter its views read get random and hostile values (very long text, unicode with RTL
marks, emoji and combining marks, NUL bytes, numbers as text and text as numbers, dates
out of range, lists where one value is expected).

Nothing may end in an exception or a 5xx; an invalid value gets an error message that is
shown with the form; and what the person typed stays in the re-rendered form.

tests/cms/test_fuzz.py crawls the demo world with a fixed set of junk values; this file
finds the forms and parameters from the code instead, so a new one cannot hide, and lets
hypothesis search the values. Forbidden and hostile requests are logged as one line.
"""

import html
import importlib
import io
import logging
import logging.config
import re
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django import forms
from django.apps import apps
from django.conf import settings as django_settings
from django.http import QueryDict
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.people.factories import HRAdviserFactory, LearnerFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

FAST = settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Values people (and scripts) send where a form or a view expects something else.
HOSTILE = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "x" * 100_000,
    "é" * 5_000,
    "\u202eevil\u202c.pdf",  # right-to-left override
    "שלום עולם",
    "مرحبا",
    "👩\u200d💻🏳️\u200d🌈🇳🇱",
    "Z\u0351\u0367\u0300a\u0364\u0306l\u0350\u0313g\u0357\u0304o",  # combining marks
    "\ufeff\u200b\u2028\u2029",
    "\r\n\t",
    "0",
    "-1",
    "1e309",
    "NaN",
    "-0",
    "9" * 40,
    "0x1F",
    "1,5",
    "true",
    "null",
    "[]",
    '{"a": 1}',
    "0001-01-01",
    "9999-12-31",
    "2026-02-30",
    "2026-13-01",
    "0000-00-00",
    "10000-01-01",
    "31-12-2026",
    "2026-01-01T25:61",
    "9999-12-31 23:59",
    "0001-01-01 00:00",
    "javascript:alert(1)",
    "<script>alert(1)</script>",
    "//evil.example.org/",
    "' OR 1=1 --",
    "../../etc/passwd",
    "%00",
    "Anna de Vries",
    "anna@example.org",
]
SCALARS = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=30),
    st.integers().map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.dates().map(str),
    st.datetimes().map(lambda moment: moment.isoformat()),
)
# A list where one value is expected: several values under one name.
VALUES = st.one_of(SCALARS.map(lambda value: [value]), st.lists(SCALARS, min_size=2, max_size=3))


def querydict(values: dict[str, list[str]]) -> QueryDict:
    data = QueryDict(mutable=True)
    for name, items in values.items():
        data.setlist(name, items)
    return data


# Finding the forms ----------------------------------------------------------------------


def project_app_dirs() -> list[Path]:
    base = Path(django_settings.BASE_DIR).resolve()
    dirs = {Path(app.path).resolve() for app in apps.get_app_configs()}
    return sorted(path for path in dirs if base in path.parents and ".venv" not in path.parts)


def project_form_modules() -> list[str]:
    """Every forms module of the project's own apps (forms.py, also in sub-packages)."""
    base = Path(django_settings.BASE_DIR).resolve()
    modules = []
    for path in project_app_dirs():
        for file in sorted(path.rglob("forms.py")):
            if "migrations" in file.parts:
                continue
            modules.append(".".join(file.relative_to(base).with_suffix("").parts))
    return sorted(set(modules))


def project_forms() -> list[type[forms.BaseForm]]:
    found = []
    for name in project_form_modules():
        module = importlib.import_module(name)
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, forms.BaseForm) and value.__module__ == name:
                found.append(value)
    return sorted(found, key=lambda form: f"{form.__module__}.{form.__qualname__}")


def form_id(form_class) -> str:
    return f"{form_class.__module__}.{form_class.__qualname__}"


# How to build the forms that need more than their data: keyword arguments from a small
# world, made only for the form that needs it.


def _statements():
    from tests.assessments.factories import StatementFactory

    first = StatementFactory()
    return {"statements": [first, StatementFactory(page=first.page)]}


def _heatmap():
    from assessments.models import SelfAssessmentPage
    from tests.assessments.factories import SelfAssessmentPageFactory

    SelfAssessmentPageFactory()
    return {"assessments": SelfAssessmentPage.objects.all()}


def _conversation():
    from tests.careers.factories import DevelopmentConversationFactory

    return {"conversation": DevelopmentConversationFactory()}


def _session():
    from tests.circles.factories import SessionFactory

    return {"session": SessionFactory(), "registered": 3}


def _module():
    from tests.curriculum.factories import ModulePageFactory, knowledge_check

    return {"module": ModulePageFactory(body=[knowledge_check()])}


def _organisations():
    return {"organisations": [OrganisationFactory(), OrganisationFactory()]}


def _assign():
    from people.models import Organisation, User

    HRAdviserFactory()
    return {"organisations": Organisation.objects.all(), "people": User.objects.all()}


def _intake():
    from circles.models import IntakeQuestion
    from tests.circles.factories import IntakeQuestionFactory

    choice = IntakeQuestionFactory()
    number = IntakeQuestionFactory(circle=choice.circle, kind=IntakeQuestion.Kind.NUMBER, choices="")
    return {"questions": [choice, number], "answers": {}}


def _admin_user():
    from people.models import User

    admin = User.objects.filter(email="beheer@example.org").first()
    return {"for_user": admin or User.objects.create_superuser(email="beheer@example.org", password="x" * 12)}


def _current_user():
    return {"user": UserFactory()}


BUILDERS = {
    "assessments.forms.LevelsForm": _statements,
    "assessments.forms.HeatmapForm": _heatmap,
    "careers.forms.OutcomeForm": _conversation,
    "circles.forms.SessionEditForm": _session,
    "curriculum.forms.ModuleAnswersForm": _module,
    "curriculum.forms.RequestDeadlineForm": _organisations,
    "curriculum.forms.AssignForm": _assign,
    "insights.forms.FilterForm": lambda: {"teams": ["P&O", "Financiën"], "profiles": [(1, "Projectondersteuner")]},
    "invitations.forms.InviteForm": _organisations,
    "invitations.forms.UploadForm": _organisations,
    "invitations.forms.AcceptForm": lambda: {"email": "anna@example.org"},
    "people.forms.PeopleFilterForm": lambda: {"teams": ["P&O", "Financiën"]},
    "circles.organiser.forms.IntakeForm": _intake,
    "curriculum.forms.LearningPathAdminForm": _admin_user,
    "sso.forms.IdentityProviderForm": _admin_user,
    "sso.forms.AddEmailForm": _current_user,
}
# Input widgets whose typed value is shown again as typed. Passwords are never shown again.
KEEPS_WHAT_WAS_TYPED = (forms.TextInput, forms.EmailInput, forms.URLInput, forms.NumberInput, forms.Textarea)


def _admin_form(viewset_path: str, model_path: str):
    """The form class Wagtail builds from a viewset's panels on the project's base form."""

    def form_class():
        viewset = importlib.import_module(viewset_path.rsplit(".", 1)[0])
        viewset = getattr(viewset, viewset_path.rsplit(".", 1)[1])
        model = apps.get_model(model_path)
        return viewset.edit_handler.bind_to_model(model).get_form_class()

    return form_class


# Base forms of the Wagtail admin: tested as the form the admin builds on them.
ADMIN_FORMS = {
    "curriculum.forms.LearningPathAdminForm": _admin_form(
        "curriculum.wagtail_hooks.LearningPathViewSet", "curriculum.LearningPath"
    ),
    "sso.forms.IdentityProviderForm": _admin_form("sso.viewsets.IdentityProviderViewSet", "sso.IdentityProvider"),
}


def concrete(form_class):
    return ADMIN_FORMS[form_id(form_class)]() if form_id(form_class) in ADMIN_FORMS else form_class


def arguments(form_class) -> dict:
    return BUILDERS.get(form_id(form_class), dict)()


def build(form_class, data, kwargs=None):
    """The form bound to ``data`` as a view gets it: NUL characters are removed by
    cms.middleware.StripNulMiddleware before any view sees a value."""
    from cms.middleware import _without_nul

    if kwargs is None:
        kwargs = arguments(form_class)
    data = _without_nul(data) if data is not None else None
    return concrete(form_class)(data=data, **kwargs)


def test_every_form_of_the_project_is_found_and_can_be_built():
    """A new form that needs arguments to be built fails here until BUILDERS knows it."""
    found = project_forms()
    assert len(found) >= 35, [form_id(form) for form in found]
    unbuildable = []
    for form_class in found:
        try:
            build(form_class, QueryDict())
        except TypeError as error:
            unbuildable.append(f"{form_id(form_class)}: {error}")
    assert not unbuildable, "add these to BUILDERS:\n" + "\n".join(unbuildable)
    assert set(BUILDERS) <= {form_id(form) for form in found}, "BUILDERS names a form that is gone"


def rendered(form) -> str:
    return html.unescape(str(form))


@pytest.mark.parametrize("form_class", project_forms(), ids=form_id)
def test_every_form_survives_hostile_input_says_what_is_wrong_and_keeps_what_was_typed(form_class):
    kwargs = arguments(form_class)
    unbound = build(form_class, None, kwargs)
    # The names as the browser sends them (with the form's prefix, if it has one).
    fields = {unbound.add_prefix(name): name for name in unbound.fields}
    # Wagtail's chooser widgets look the raw value up when they render, and fail on a value
    # that is no id (" "): upstream behaviour, reachable by editors only. The admin forms
    # are checked for validation, not rendering.
    renders = form_id(form_class) not in ADMIN_FORMS

    @FAST
    @given(
        data=st.fixed_dictionaries({}, optional=dict.fromkeys(fields, VALUES)),
        extra=st.dictionaries(SCALARS, VALUES, max_size=2),
    )
    def check(data, extra):
        form = build(form_class, querydict({**extra, **data}), kwargs)
        valid = form.is_valid()
        if not renders:
            assert valid or form.errors or any(formset.errors for formset in form.formsets.values())
            return
        page = rendered(form)
        if not valid:
            assert form.errors
            for name, errors in form.errors.items():
                for message in errors:
                    assert isinstance(message, str), (name, message)
                    assert message.strip(), name
                    assert message in page, (name, message)
        for key, values in data.items():
            name = fields[key]
            field = form.fields.get(name)
            if field is None or not isinstance(field.widget, KEEPS_WHAT_WAS_TYPED) or field.disabled:
                continue
            if isinstance(field.widget, forms.PasswordInput):
                continue
            typed = values[-1].replace("\x00", "")
            assert typed in page, f"{name}: what was typed is gone from the re-rendered form"

    check()


# Query parameters of the views ---------------------------------------------------------

# Every view that reads the query string, the people who can open it, and the parameters it
# reads (forms bound to request.GET add their fields). tests below check that every
# ``request.GET`` read in the project's code is here.
GET_VIEWS = [
    ("hr", "/hr/", ["q", "pagina", "team", "functieprofiel", "periode", "van", "tot"]),
    ("hr", "/hr/mensen/", ["q", "pagina", "team"]),
    ("hr", "/hr/uitnodigingen/", ["q", "status", "pagina"]),
    ("hr", "/hr/aanvragen/", ["status", "pagina"]),
    ("hr", "/hr/uitnodigingen/import/{import}/", ["toon", "pagina"]),
    ("hr", "/hr/zelfscans/", ["zelfscan", "doel"]),
    ("hr", "/hr/export/mensen/csv/", ["team", "functieprofiel", "periode", "van", "tot"]),
    ("learner", "/mijn/gesprekken/aanvragen/", ["functie"]),
    ("learner", "/leeraanbod/", ["q", "role_profile", "competency", "format", "scale"]),
    ("anonymous", "/certificates/verify/", ["number", "surname", "download"]),
    ("anonymous", "/admin/login/", ["next"]),
    ("learner", "/admin/login/", ["next"]),
]
GET_READ = re.compile(r"request\.GET\.get\(\s*[\"']([^\"']+)[\"']")


def test_every_query_parameter_read_in_the_code_is_fuzzed():
    fuzzed = {name for _, _, names in GET_VIEWS for name in names}
    missing = set()
    for app_dir in project_app_dirs():
        for file in app_dir.rglob("*.py"):
            if "migrations" in file.parts:
                continue
            missing |= set(GET_READ.findall(file.read_text())) - fuzzed
    # Read by the SCIM library's filter parser (tests/provisioning) and the dev-only 404 page.
    missing -= {"debug-404"}
    assert not missing, f"query parameters read but not fuzzed: {sorted(missing)}"


@pytest.fixture
def people(home_page):
    from tests.curriculum.factories import CatalogPageFactory

    CatalogPageFactory(parent=home_page)
    from tests.invitations.factories import ImportRowFactory, InvitationImportFactory

    hr = HRAdviserFactory()
    learner = LearnerFactory(organisation=hr.organisation)
    job = InvitationImportFactory(organisation=hr.organisation, uploaded_by=hr.user)
    ImportRowFactory(job=job)
    return {"hr": hr.user, "learner": learner.user, "anonymous": None, "urls": {"import": job.pk}}


@pytest.mark.parametrize(("who", "url", "names"), GET_VIEWS, ids=[f"{who}:{url}" for who, url, _ in GET_VIEWS])
def test_no_query_string_gets_a_server_error(people, settings, who, url, names):
    settings.SPIL_RATE_LIMITS = {}
    url = url.format(**people["urls"])
    client = Client(raise_request_exception=True)
    if people[who]:
        client.force_login(people[who])

    @FAST
    @given(params=st.dictionaries(st.sampled_from(names), VALUES, max_size=len(names)))
    def check(params):
        query = urlencode([(name, value) for name, values in params.items() for value in values])
        response = client.get(f"{url}?{query}")
        assert response.status_code < 500, (url, query[:200])

    check()


# Forms submitted to their views: nothing typed is lost -----------------------------------


@pytest.fixture
def organiser_session(home_page):
    from tests.circles.factories import LearningCirclePageFactory

    organiser = UserFactory()
    circle = LearningCirclePageFactory(organisers=[organiser])
    return organiser, circle


SESSION_FORM = {
    "theme": "Plannen met de hele afdeling",
    "agenda": "Welkom en kennismaken",
    "date": "2030-03-14",
    "start_time": "10:00",
    "end_time": "11:30",
    "online_url": "https://meet.example.org/leerkring",
    "capacity": "25",
}


def test_a_session_form_with_hostile_values_keeps_the_rest_of_what_was_typed(organiser_session, settings):
    settings.SPIL_RATE_LIMITS = {}
    organiser, circle = organiser_session
    client = Client(raise_request_exception=True)
    client.force_login(organiser)
    url = f"/leerkringen/bijeenkomsten/nieuw/{circle.pk}/"
    page = client.get(url)
    assert page.status_code == 200
    names = [name for name in SESSION_FORM if f'name="{name}"' in page.content.decode()]
    assert "theme" in names

    @FAST
    @given(name=st.sampled_from(names), value=st.sampled_from(HOSTILE))
    def check(name, value):
        response = client.post(url, {**SESSION_FORM, name: value})
        assert response.status_code < 500
        if response.status_code in (302, 303):
            return
        text = html.unescape(response.content.decode())
        assert "utrecht-form-field-error-message" in text or "utrecht-alert--error" in text
        for other in names:
            if other != name:
                assert SESSION_FORM[other] in text, f"{other} was lost after a wrong {name}"

    check()


def test_a_conversation_request_with_hostile_values_keeps_the_message(home_page, settings):
    from tests.careers.factories import RoleProfilePageFactory

    settings.SPIL_RATE_LIMITS = {}
    profile = RoleProfilePageFactory()
    client = Client(raise_request_exception=True)
    client.force_login(LearnerFactory().user)
    url = "/mijn/gesprekken/aanvragen/"
    message = "Ik wil graag praten over de stap naar PMO'er.\nLiefst in maart."

    @FAST
    @given(name=st.sampled_from(["target_profile", "preferred_date", "preferred_from", "format"]), value=SCALARS)
    def check(name, value):
        response = client.post(url, {"target_profile": profile.pk, "message": message, name: value})
        assert response.status_code < 500
        if response.status_code in (302, 303):
            return
        text = html.unescape(response.content.decode())
        assert message.replace("\n", "\r\n") in text.replace("\r\n", "\n").replace("\n", "\r\n")

    check()


# Forbidden and hostile requests are one line in the log --------------------------------


# Each record of the console log starts with the time (cms.settings.base LOGGING's format).
RECORD_START = re.compile(r"^(?=\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} )", re.MULTILINE)


@pytest.fixture
def site_log():
    """What the site's console handler (with its filter) writes, as text."""
    logging.config.dictConfig(django_settings.LOGGING)
    handler = next(handler for handler in logging.getLogger().handlers if handler.filters)
    stream = io.StringIO()
    previous = handler.setStream(stream)
    yield stream
    handler.setStream(previous)


@pytest.mark.parametrize(
    ("who", "method", "url", "extra", "status", "line"),
    [
        ("learner", "get", "/hr/", {}, 403, "Forbidden (Permission denied): /hr/"),
        ("learner", "get", "/hr/certificaten/999999/pdf/", {}, 404, "Not Found: /hr/certificaten/999999/pdf/"),
        ("anonymous", "get", "/bestaat-niet/", {}, 404, "Not Found: /bestaat-niet/"),
        ("anonymous", "get", "/", {"HTTP_HOST": "evil.example.org"}, 400, "Invalid HTTP_HOST header"),
        ("learner", "put", "/i18n/setlang/", {}, 405, "Method Not Allowed (PUT): /i18n/setlang/"),
        (
            "anonymous",
            "post",
            "/i18n/setlang/",
            {"content_type": "multipart/form-data; boundary=", "data": b"--\r\n"},
            400,
            "/i18n/setlang/",
        ),
        ("anonymous", "post", "/i18n/setlang/", {"limited": True}, 429, "Too Many Requests: /i18n/setlang/"),
    ],
    ids=["403", "404-view", "404-url", "400-host", "405", "400-body", "429"],
)
def test_a_refused_request_is_one_line_in_the_log(people, settings, site_log, who, method, url, extra, status, line):
    settings.ALLOWED_HOSTS = ["testserver"]
    extra = dict(extra)
    if extra.pop("limited", False):
        settings.SPIL_RATE_LIMITS = {"form": {"per_account": 0, "per_address": 0, "window": 600}}
    client = Client()
    if people[who]:
        client.force_login(people[who])
    response = getattr(client, method)(url, **extra)
    assert response.status_code == status
    # The records of Django's request and security loggers (other parts may log too).
    records = [record for record in RECORD_START.split(site_log.getvalue()) if record.strip()]
    records = [record for record in records if record.split(" ", 4)[3].startswith("django.")]
    assert len(records) == 1, records
    assert line in records[0]
    assert "\n" not in records[0].strip(), "more than one line: a traceback"
