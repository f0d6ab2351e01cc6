"""Editors build the framework in the Wagtail admin, without touching code."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from careers.models import CareerMapPage, CareerPath, Competency, Method, RoleProfileIndexPage, RoleProfilePage
from people.models import User
from tests.careers.editor_fields import editor_fields, problems_of
from tests.careers.factories import CompetencyFactory, RoleProfilePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    admin = User.objects.create_superuser(email="redactie@example.org", password="x" * 12, full_name="Redactie")
    client.force_login(admin)
    return admin


def test_editor_creates_a_competency(client, editor):
    response = client.post(
        "/admin/snippets/careers/competency/add/",
        {
            "name": "Notuleren",
            "slug": "notuleren",
            "cluster": "communiceren",
            "description": "Legt besluiten en acties vast.",
            "level_1": "Maakt een verslag met hulp.",
            "level_2": "Notuleert een teamoverleg zelfstandig.",
            "level_3": "Notuleert een stuurgroep en bewaakt de actielijst.",
            "level_4": "Leert anderen notuleren en zet de standaard.",
        },
    )
    assert response.status_code == 302, response.content.decode()[:500]
    assert Competency.objects.get(slug="notuleren").descriptor(3).startswith("Notuleert een stuurgroep")


def test_editor_creates_a_role_profile_with_requirements(client, editor, profile_index):
    planning, notes = CompetencyFactory(), CompetencyFactory()
    data = nested_form_data(
        {
            "title": "PMO tactisch",
            "slug": "pmo-tactisch",
            "family": "pmo",
            "pmo_level": "tactical",
            "salary_scale": "10",
            "summary": "Stuurt de projectbeheersing van een programma.",
            "core_tasks": streamfield([("task", "Rapporteert over de portefeuille")]),
            "job_titles": "PMO-adviseur, programmacontroller",
            "requirements": inline_formset(
                [{"competency": planning.pk, "level": 3}, {"competency": notes.pk, "level": 2}]
            ),
            "body": streamfield([("paragraph", rich_text("<p>Meer uitleg.</p>"))]),
            "action-publish": "publish",
        }
    )
    response = client.post(f"/admin/pages/add/careers/roleprofilepage/{profile_index.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    page = RoleProfilePage.objects.get(slug="pmo-tactisch")
    assert page.live
    assert {(r.competency_id, r.level) for r in page.requirements.all()} == {(planning.pk, 3), (notes.pk, 2)}


def test_a_pmo_profile_without_level_is_refused_with_a_message(client, editor, profile_index):
    data = nested_form_data(
        {
            "title": "PMO zonder niveau",
            "slug": "pmo-zonder-niveau",
            "family": "pmo",
            "summary": "x",
            "core_tasks": streamfield([]),
            "requirements": inline_formset([]),
            "body": streamfield([]),
            "action-publish": "publish",
        }
    )
    response = client.post(f"/admin/pages/add/careers/roleprofilepage/{profile_index.pk}/", data)
    assert response.status_code == 200
    assert "Kies het PMO-niveau" in response.content.decode()
    assert not RoleProfilePage.objects.filter(slug="pmo-zonder-niveau").exists()


def test_editor_creates_a_career_path(client, editor, profile_index):
    low, high = RoleProfilePageFactory(parent=profile_index), RoleProfilePageFactory(parent=profile_index)
    response = client.post(
        "/admin/snippets/careers/careerpath/add/",
        {"from_profile": low.pk, "to_profile": high.pk, "kind": "growth", "description": "Meer regie."},
    )
    assert response.status_code == 302
    assert CareerPath.objects.filter(from_profile=low, to_profile=high).exists()


def test_a_profile_cannot_be_added_outside_the_index(client, editor, home_page):
    response = client.get(f"/admin/pages/add/careers/roleprofilepage/{home_page.pk}/")
    assert response.status_code in (302, 403)
    assert not response.get("Location", "").startswith("/admin/pages/add/")
    assert not RoleProfilePage.objects.exists()


def test_learners_cannot_reach_the_snippets(client, profile_index):
    client.force_login(User.objects.create_user(email="anna@example.org", password="x" * 12, full_name="Anna"))
    assert client.get("/admin/snippets/careers/competency/").status_code in (302, 403)


@pytest.mark.parametrize(
    "model", [Competency, Method, RoleProfileIndexPage, RoleProfilePage, CareerPath, CareerMapPage]
)
def test_every_field_an_editor_fills_has_a_dutch_label_and_a_help_text(model):
    fields = editor_fields(model)
    assert fields
    assert [problem for field in fields for problem in problems_of(field)] == []
