"""Every link from any model (the project's, Django's, Wagtail's, allauth's, auditlog's…) to the
user model is declared in privacy.registry, with what the export and the erasure do with it. A
new model with a user field, in any app, fails here until it is declared."""

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models

from privacy import registry


def user_links() -> set[tuple[str, str]]:
    """(model, field) for every field declared on a model that points to the user model:
    foreign keys, one-to-ones and many-to-manys (an inherited field counts once, on the
    model that declares it; Django's automatic many-to-many tables are their model's field)."""
    user_model = get_user_model()
    links = set()
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if not field.is_relation or field.auto_created or field.related_model is not user_model:
                continue
            if getattr(field, "model", None) is not model:
                continue
            links.add((model._meta.label, field.name))
    return links


def test_the_walk_finds_links_in_every_kind_of_app():
    links = user_links()
    # The project's, the libraries', and a many-to-many, so the walk itself cannot go blind.
    for expected in [
        ("curriculum.Enrolment", "user"),
        ("mfa.Authenticator", "user"),
        ("auditlog.LogEntry", "actor"),
        ("wagtailcore.Page", "owner"),
        ("circles.LearningCirclePage", "organisers"),
        ("usersessions.UserSession", "user"),
        ("audit.AuditEvent", "actor"),
    ]:
        assert expected in links


@pytest.mark.parametrize("link", sorted(user_links()), ids="{0[0]}.{0[1]}".format)
def test_every_link_to_the_user_is_covered_by_export_and_erasure(link):
    model, field = link
    found = [entry for entry in registry.entries() if (entry.model, entry.link) == link]
    assert found, f"{model}.{field} points to the user: declare its export and erasure in privacy/registry.py"
    for entry in found:
        assert isinstance(entry.export, str) or (isinstance(entry.export, registry.Skip) and entry.export.why)
        assert callable(entry.erase) or (isinstance(entry.erase, registry.Keep) and entry.erase.why)


def test_indirect_models_are_declared_through_their_parent():
    declared = {entry.model for entry in registry.entries()}
    for model, parent in registry.INDIRECT.items():
        assert model in declared
        assert parent in declared
        related = {
            field.related_model._meta.label
            for field in apps.get_model(model)._meta.concrete_fields
            if field.is_relation
        }
        assert parent in related


@pytest.mark.django_db
def test_every_entry_finds_rows_without_error(django_user_model):
    from tests.people.factories import UserFactory

    user = UserFactory()
    for entry in registry.entries():
        assert isinstance(entry.rows(user=user).count(), int), entry
        for name in entry.exclude + entry.fields:
            assert isinstance(entry.model_class._meta.get_field(name), models.Field)
