"""The Wagtail admin speaks Dutch in everything that comes from our own models and blocks.

As a superuser with Dutch active, the first test walks the list, add, edit and inspect screens
of every snippet and model viewset our apps register (found through Wagtail's registries), and
the add or edit form of every page type of our apps. It collects the labels, headings, column
headers, cells, help texts and StreamField block labels that our code puts there, and fails on
any common English UI word. Wagtail's own chrome is left out: only what is inside the edit
form's panels, the listing table, the inspect list and the block definitions counts, and a text
that Django's or Wagtail's own Dutch catalogue translated is theirs.

Some words are Dutch as well as English ("Document", "Link", "Status"): the deny-list cannot
tell them apart, so the second test asks the models and blocks themselves: every label they
show is an explicit gettext_lazy string (an unlabelled field or block gets an English label
made from its name), and every field an editor fills in has a help text.
"""

import functools
import gettext
import json
import re
import types
from pathlib import Path

import django
import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.urls import get_resolver, reverse
from django.utils import translation
from django.utils.functional import Promise
from wagtail.admin.panels import get_edit_handler
from wagtail.admin.viewsets import viewsets
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.permissions import policy_registry
from wagtail.snippets.models import get_snippet_models
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail.users.models import UserProfile

from certificates import services as certificate_services
from curriculum.models import AssignmentBatch
from people.models import User
from people.permissions import ReadOnlyPermissionPolicy
from tests.assessments.factories import SelfAssessmentIndexPageFactory, SelfAssessmentPageFactory, StatementFactory
from tests.careers.factories import (
    CareerMapPageFactory,
    CareerPathFactory,
    CompetencyFactory,
    DevelopmentConversationFactory,
    MethodFactory,
    RoleProfileIndexPageFactory,
    RoleProfilePageFactory,
)
from tests.circles.factories import (
    CircleIndexPageFactory,
    CircleInvitationFactory,
    CircleMemberFactory,
    LearningCirclePageFactory,
    RegistrationFactory,
    SessionFactory,
)
from tests.cms.factories import ContentPageFactory
from tests.curriculum.factories import (
    CatalogPageFactory,
    LearningPathFactory,
    LearningTrackPageFactory,
    ModulePageFactory,
)
from tests.insights.factories import ExportJobFactory
from tests.invitations.factories import InvitationFactory, InvitationImportFactory
from tests.people.factories import LearnerFactory, OrganisationFactory, OutgoingEmailFactory
from tests.provisioning.factories import ScimTokenFactory
from tests.sso.factories import IdentityProviderFactory

# The apps at the top of the project (cms, people, careers, ...), not those from site-packages.
OUR_APPS = {config.label for config in apps.get_app_configs() if Path(config.path).parent == Path(settings.BASE_DIR)}

# Common English UI words that are not Dutch words as well. Matched as whole words, in any case.
ENGLISH = set(
    re.findall(
        r"\w+",
        """
    heading callout quote assignment knowledge updated created true false title name body text image page
    description question answer answers options choice choices correct explanation level kind date due target
    profile user role language number token source key track path template issued expires expired revoked
    reason required summary introduction minutes hours study load competency competencies family scale salary
    method organisation organization email active default yes none instructions reflection prompt questions
    statement statements attempt signatory signature colour color accent full preferred joined staff superuser
    groups rendered emailed superseded processed total failed finished error audience person assigned embed
    paragraph card cards relation shared submitted started
    """,
    )
)


def our_viewsets() -> list[ModelViewSet]:
    """Every snippet and model viewset of our apps, from Wagtail's own registries."""
    get_resolver().url_patterns  # noqa: B018 - loading the URLconf populates the admin viewsets
    found = {model: model.snippet_viewset for model in get_snippet_models() if model._meta.app_label in OUR_APPS}
    for viewset in viewsets.viewsets:
        model = getattr(viewset, "model", None)
        if isinstance(viewset, ModelViewSet) and model and model._meta.app_label in OUR_APPS:
            found.setdefault(model, viewset)
    return sorted(found.values(), key=lambda viewset: viewset.model._meta.label_lower)


def our_page_models() -> list[type[Page]]:
    return sorted(
        (model for model in apps.get_models() if issubclass(model, Page) and model._meta.app_label in OUR_APPS),
        key=lambda model: model._meta.label_lower,
    )


def _allows(policy, user, action: str) -> bool:
    try:
        return policy.user_has_permission(user, action)
    except AttributeError:  # a policy that needs a real user: Wagtail's model permissions
        return True


def screens() -> list:
    params = []
    for viewset in our_viewsets():
        # Records that change only through their services (certificates, batches, mail) are
        # read-only in the admin: no add or edit screen to walk (tested where they live).
        policy = policy_registry.get_by_type(viewset.model)
        read_only = isinstance(policy, ReadOnlyPermissionPolicy)
        views = ["index"] if read_only else ["index", "add", "edit"]
        # A policy may allow adding for the platform admin but no editing (SCIM keys): ask it.
        superuser = types.SimpleNamespace(is_active=True, is_superuser=True)
        if hasattr(policy, "user_has_permission") and not read_only:
            views = ["index"] + [
                view for view, action in (("add", "add"), ("edit", "change")) if _allows(policy, superuser, action)
            ]
        if viewset.inspect_view_enabled:
            views.append("inspect")
        for view in views:
            params.append(("viewset", viewset.model._meta.label_lower, view))
    for model in our_page_models():
        # A page type allowed once exists in the tree already: its edit form has the same panels.
        for view in ("edit",) if 1 in (model.max_count, model.max_count_per_parent) else ("add", "edit"):
            params.append(("page", model._meta.label_lower, view))
    return [pytest.param(*param, id=":".join(param[1:])) for param in params]


@pytest.fixture
def admin_client(client, db):
    admin = User.objects.create_superuser(
        email="redactie@example.org", password="x" * 12, full_name="Redactie Spil", preferred_language="nl"
    )
    profile = UserProfile.get_for_user(admin)
    profile.preferred_language = "nl"
    profile.save()
    client.force_login(admin)
    return client


@pytest.fixture
def world(home_page):
    """One instance of every model the admin shows, in a page tree with every page type."""
    content = ContentPageFactory(parent=home_page)
    profiles = RoleProfileIndexPageFactory(parent=home_page)
    profile, next_profile = RoleProfilePageFactory(parent=profiles), RoleProfilePageFactory(parent=profiles)
    career_map = CareerMapPageFactory(parent=home_page)
    catalog = CatalogPageFactory(parent=home_page)
    track = LearningTrackPageFactory(parent=catalog, leads_to_certificate=True, certificate_validity_months=24)
    module = ModulePageFactory(parent=track)
    assessments = SelfAssessmentIndexPageFactory(parent=home_page)
    assessment = SelfAssessmentPageFactory(parent=assessments)
    competency = CompetencyFactory()
    StatementFactory(page=assessment, competency=competency)
    membership = LearnerFactory(organisation=OrganisationFactory(name="Gemeente Zeist"))
    certificate = certificate_services.issue(user=membership.user, track=track, source_key="admin-taal")
    circles = CircleIndexPageFactory(parent=home_page)
    circle = LearningCirclePageFactory(parent=circles)
    session = SessionFactory(circle=circle)
    provider = IdentityProviderFactory()
    instances = [
        home_page,
        circles,
        circle,
        session,
        CircleMemberFactory(circle=circle, user=membership.user),
        CircleInvitationFactory(circle=circle),
        RegistrationFactory(session=session, user=membership.user),
        OutgoingEmailFactory(),
        content,
        profiles,
        profile,
        career_map,
        catalog,
        track,
        module,
        assessments,
        assessment,
        competency,
        MethodFactory(),
        CareerPathFactory(from_profile=profile, to_profile=next_profile),
        DevelopmentConversationFactory(membership=membership, target_profile=next_profile),
        LearningPathFactory(),
        AssignmentBatch.objects.create(
            organisation=membership.organisation,
            track=track,
            due_date="2026-09-01",
            audience=AssignmentBatch.Audience.ALL,
        ),
        certificate.template,
        certificate,
        membership.organisation,
        membership,
        membership.user,
        ScimTokenFactory(organisation=membership.organisation),
        provider,
        provider.allowed_domains.get(),
        InvitationFactory(organisation=membership.organisation),
        InvitationImportFactory(organisation=membership.organisation),
        ExportJobFactory(),
    ]
    return {type(instance)._meta.label_lower: instance for instance in instances}


def screen_url(kind: str, label: str, view: str, world: dict) -> str:
    model = apps.get_model(label)
    if kind == "page":
        if view == "edit":
            assert label in world, f"the world fixture has no {label}: add one"
            return reverse("wagtailadmin_pages:edit", args=[world[label].pk])
        parent = next(page for page in world.values() if isinstance(page, Page) and model.can_create_at(page))
        return reverse("wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk])
    viewset = next(viewset for viewset in our_viewsets() if viewset.model is model)
    view_name = "list" if view == "index" and isinstance(viewset, SnippetViewSet) else view
    if view in ("index", "add"):
        return reverse(viewset.get_url_name(view_name))
    assert label in world, f"the world fixture has no {label}: add one"
    return reverse(viewset.get_url_name(view_name), args=[world[label].pk])


def telepath_values(data):
    """Unpack Wagtail's telepath JSON: {"_val": x, "_id": n} and later {"_ref": n}."""
    seen = {}

    def collect(node):
        if isinstance(node, dict):
            if "_id" in node:
                seen[node["_id"]] = node.get("_val", node)
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    def resolve(node):
        if isinstance(node, dict):
            if "_ref" in node:
                return seen.get(node["_ref"])
            if "_val" in node:
                return resolve(node["_val"])
            if "_dict" in node:
                return resolve(node["_dict"])
            if "_list" in node:
                return resolve(node["_list"])
            return {key: resolve(value) for key, value in node.items()}
        if isinstance(node, list):
            return [resolve(value) for value in node]
        return node

    collect(data)
    return resolve(data)


def block_labels(definition) -> list[str]:
    """The label, help text and description of every block in a StreamField definition;
    widgets (Draftail's toolbar and the like) are Wagtail's own and are skipped."""
    texts = []
    if isinstance(definition, dict):
        kind = definition.get("_type", "")
        if kind.startswith("wagtail.widgets") or kind.startswith("wagtail.images.widgets"):
            return texts
        if kind.startswith("wagtail.") and "_args" in definition:
            for arg in definition["_args"]:
                if isinstance(arg, dict) and "_type" not in arg:
                    texts += [str(arg[key]) for key in ("label", "helpText", "description") if arg.get(key)]
                else:
                    texts += block_labels(arg)
            return texts
        for value in definition.values():
            texts += block_labels(value)
    elif isinstance(definition, list):
        for value in definition:
            texts += block_labels(value)
    return texts


def visible_labels(html: str) -> list[tuple[str, str]]:
    """(where, text) for every label of ours on an admin screen."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for form in soup.select("form[data-edit-form]"):
        for tab in form.select("[role=tab]"):
            found.append(("tab", tab.get_text(" ", strip=True)))
        for panel in form.select("section.w-panel"):
            for element in panel.select("label, legend, h2, h3, th, option, .w-field__help, .help"):
                found.append((element.name, element.get_text(" ", strip=True)))
        for block in form.select("[data-w-block-data-value]"):
            definition = telepath_values(json.loads(block["data-w-block-data-value"]))
            found += [("block", text) for text in block_labels(definition)]
    for table in soup.select("main table"):
        for cell in table.select("th, td"):
            found.append((cell.name, cell.get_text(" ", strip=True)))
    for item in soup.select("main dl dt, main dl dd"):
        found.append((item.name, item.get_text(" ", strip=True)))
    for heading in soup.select("main h1, main h2"):
        if not heading.find_parent("form"):
            found.append((heading.name, heading.get_text(" ", strip=True)))
    return [(where, text) for where, text in found if text]


@functools.cache
def third_party_dutch() -> frozenset[str]:
    """Every Dutch translation in the catalogues of Django, Wagtail and the other libraries: a
    label that is one of these is their chrome, not ours. Only true translations count (a
    msgstr that differs from its English msgid), so an English word kept as is stays visible."""
    directories = [Path(django.__file__).parent / "conf" / "locale"]
    directories += [Path(config.path) / "locale" for config in apps.get_app_configs() if config.label not in OUR_APPS]
    translations = set()
    for directory in directories:
        catalogue = directory / "nl" / "LC_MESSAGES" / "django.mo"
        if catalogue.exists():
            with catalogue.open("rb") as handle:
                for msgid, msgstr in gettext.GNUTranslations(handle)._catalog.items():
                    english = msgid[0] if isinstance(msgid, tuple) else msgid
                    if msgstr and msgstr != english:
                        translations.add(msgstr)
    return frozenset(translations)


def english_words(text: str) -> list[str]:
    label = text.removesuffix("*").strip()
    if label in third_party_dutch():
        return []
    return [word for word in re.findall(r"[A-Za-z]+", label) if word.lower() in ENGLISH]


@pytest.mark.parametrize(("kind", "label", "view"), screens())
def test_the_admin_shows_our_labels_in_dutch(admin_client, world, kind, label, view):
    url = screen_url(kind, label, view, world)
    with translation.override("nl"):
        response = admin_client.get(url)
    assert response.status_code == 200, f"{url}: {response.status_code}"
    labels = visible_labels(response.content.decode())
    assert labels, f"{url}: nothing collected, the selectors no longer match Wagtail's markup"
    english = sorted(
        {f"{where} {text!r}: {', '.join(english_words(text))}" for where, text in labels if english_words(text)}
    )
    assert not english, f"English on {url}:\n" + "\n".join(english)


def admin_forms() -> list:
    """(model label, form class, list columns) of every admin form of our apps."""
    forms = [
        (viewset.model._meta.label_lower, viewset.get_form_class(), list_fields(viewset)) for viewset in our_viewsets()
    ]
    forms += [(model._meta.label_lower, get_edit_handler(model).get_form_class(), []) for model in our_page_models()]
    return [pytest.param(*form, id=form[0]) for form in forms]


def list_fields(viewset) -> list[str]:
    """The model fields among a listing's columns (Wagtail's user listing defines none)."""
    columns = viewset.list_display if isinstance(viewset.list_display, list | tuple) else []
    names = {field.name for field in viewset.model._meta.get_fields()}
    return [column for column in columns if isinstance(column, str) and column in names]


def model_form_fields(form_class):
    """(model field, form field name) of a model form and of its inline formsets."""
    model = form_class._meta.model
    for name in form_class.base_fields:
        try:
            yield model._meta.get_field(name), name
        except FieldDoesNotExist:
            continue  # a form-only field, such as a password
    for formset in getattr(form_class, "formsets", {}).values():
        yield from model_form_fields(formset.form)


def unlabelled_blocks(block, path: str) -> list[str]:
    """Every block below ``block`` whose label is no gettext_lazy string (Wagtail made it from
    the block's name, in English)."""
    found = []
    children = list(getattr(block, "child_blocks", {}).items())
    if getattr(block, "child_block", None) is not None:
        children.append(("item", block.child_block))
    for name, child in children:
        where = f"{path}.{name}"
        if child.label and not isinstance(child.label, Promise):
            found.append(f"block {where}: label {child.label!r} is not a gettext_lazy string")
        found += unlabelled_blocks(child, where)
    return found


@pytest.mark.parametrize(("label", "form_class", "columns"), admin_forms())
def test_our_fields_and_blocks_have_translatable_labels_and_help(label, form_class, columns):
    model = apps.get_model(label)
    problems = []
    for field in [model._meta.get_field(name) for name in columns]:
        if not isinstance(field.verbose_name, Promise):
            problems.append(f"list column {field.name}: label {field.verbose_name!r} is not a gettext_lazy string")
    for field, name in model_form_fields(form_class):
        if field.model._meta.app_label not in OUR_APPS:
            continue  # Wagtail's own page fields: title, slug, ...
        where = f"{field.model._meta.label_lower}.{name}"
        if not isinstance(field.verbose_name, Promise):
            problems.append(f"field {where}: label {field.verbose_name!r} is not a gettext_lazy string")
        if not isinstance(field.help_text, Promise) or not str(field.help_text).strip():
            problems.append(f"field {where}: no translatable help text")
        if isinstance(field, StreamField):
            problems += unlabelled_blocks(field.stream_block, where)
    assert not problems, f"{label}:\n" + "\n".join(problems)
