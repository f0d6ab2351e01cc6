"""Every model of the project's apps has a factory in its app's ``tests/<app>/factories.py``,
and every factory builds a valid object, so later tests can rely on them. Pages stand where
the page tree allows them. A model added without a factory makes this module fail."""

import importlib
import inspect
from pathlib import Path

import factory
import pytest
from django.apps import apps
from django.conf import settings
from wagtail.models import Page

from tests.cms.factories import ContentPageFactory
from tests.curriculum.factories import CatalogPageFactory, LearningTrackPageFactory

pytestmark = pytest.mark.django_db


def project_app_configs():
    """The apps of this project (a folder beside ``manage.py``), not Django's, Wagtail's or a
    library's, nor an app config of ours that extends one of theirs."""
    return [config for config in apps.get_app_configs() if Path(config.path).parent == Path(settings.BASE_DIR)]


def project_models() -> list:
    return [model for config in project_app_configs() for model in config.get_models()]


def factories_of(config) -> list[type[factory.django.DjangoModelFactory]]:
    """The model factories that ``tests/<app>/factories.py`` defines (not those it imports)."""
    name = f"tests.{config.label}.factories"
    try:
        module = importlib.import_module(name)
    except ModuleNotFoundError as error:
        if error.name not in (name, name.rpartition(".")[0]):  # an import inside the module failed
            raise
        return []
    return [
        value
        for value in vars(module).values()
        if inspect.isclass(value)
        and issubclass(value, factory.django.DjangoModelFactory)
        and value.__module__ == name
        and not value._meta.abstract
    ]


FACTORIES = [model_factory for config in project_app_configs() for model_factory in factories_of(config)]


def assert_in_its_place(page: Page) -> None:
    """The page may stand under its parent, its parent's language, and no more of its kind
    than ``max_count`` and ``max_count_per_parent`` allow."""
    model, parent = type(page), page.get_parent()
    where = f"{model.__name__} {page.title!r} under {parent.specific_class.__name__} {parent.title!r}"
    assert model.can_exist_under(parent), f"{where}: the page tree does not allow it"
    assert parent.depth == 1 or page.locale_id == parent.locale_id, f"{where}: in another language"
    if model.max_count is not None:
        assert model.objects.count() <= model.max_count, f"{where}: more than {model.max_count}"
    if model.max_count_per_parent is not None:
        assert parent.get_children().type(model).count() <= model.max_count_per_parent, f"{where}: too many"


def test_the_project_apps_are_found():
    """A guard for the discovery below: if it found nothing, the other tests would pass."""
    labels = {config.label for config in project_app_configs()}
    assert {"cms", "people", "careers", "curriculum", "assessments", "certificates"} <= labels
    assert len(project_models()) > 40


def test_every_model_has_a_factory_in_its_app():
    missing = [
        model._meta.label
        for config in project_app_configs()
        for model in config.get_models()
        if model not in {model_factory._meta.model for model_factory in factories_of(config)}
    ]
    assert not missing, "No factory in tests/<app>/factories.py for: " + ", ".join(missing)


@pytest.mark.parametrize("model_factory", FACTORIES, ids=lambda model_factory: model_factory.__name__)
def test_factory_builds_a_valid_object(model_factory):
    obj = model_factory()
    assert obj.pk is not None, "the factory does not save what it builds"
    obj.full_clean()
    # The pages it made along the way, not only its own, stand where the tree allows them.
    page_types = [model for model in project_models() if issubclass(model, Page)]
    for page in Page.objects.type(*page_types).specific():
        assert_in_its_place(page)


def test_content_page_factory_builds_under_the_home_page(home_page):
    page = ContentPageFactory(parent=home_page)
    page.full_clean()
    assert page.get_parent().specific == home_page


def test_a_page_factory_reuses_the_one_index_its_parent_may_have(home_page):
    catalog = CatalogPageFactory(parent=home_page)
    first, second = LearningTrackPageFactory(), LearningTrackPageFactory()
    assert first.get_parent().specific == catalog
    assert second.get_parent().specific == catalog
