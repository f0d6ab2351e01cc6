"""Every page type of the project previews in the Wagtail admin, new and edited.

The preview renders the page from the editor's form: an unsaved page (no primary key) with
its inline rows and many-to-many choices in memory, not in the database. The selectors a
page's template uses must show those values, never the saved ones, and never filter the
database by an unsaved page.

Each case posts the form data to the admin's preview view, as the editor's browser does,
then fetches the preview and looks for the values being edited.
"""

from dataclasses import dataclass
from typing import Any

import pytest
from django.urls import reverse
from wagtail.models import Page, get_page_models
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from curriculum.models import TrackCompetency
from people.models import User
from tests.assessments.factories import SelfAssessmentIndexPageFactory, SelfAssessmentPageFactory, StatementFactory
from tests.careers.factories import (
    CareerMapPageFactory,
    CompetencyFactory,
    MethodFactory,
    RequirementFactory,
    RoleProfileIndexPageFactory,
    RoleProfilePageFactory,
)
from tests.cms.factories import ContentPageFactory
from tests.curriculum.factories import (
    CatalogPageFactory,
    LearningTrackPageFactory,
    ModulePageFactory,
    knowledge_check,
)

pytestmark = pytest.mark.django_db

OUR_APPS = {"cms", "careers", "curriculum", "assessments"}


@dataclass
class Preview:
    """What to preview: a new page under ``parent``, or the edit of ``page``; the form data
    to post; the texts the preview must show and the ones it must no longer show."""

    data: dict[str, Any]
    shows: list[str]
    parent: Page | None = None
    page: Page | None = None
    hides: tuple[str, ...] = ()


@pytest.fixture
def editor(client):
    admin = User.objects.create_superuser(email="redactie@example.org", password="x" * 12, full_name="Redactie")
    client.force_login(admin)
    return admin


def list_block(values: list) -> dict:
    """Form data of a ListBlock, like ``streamfield`` does for a StreamField."""
    data = {str(i): {"value": value, "deleted": "", "order": str(i), "id": ""} for i, value in enumerate(values)}
    data["count"] = str(len(values))
    return data


def page_form(fields: dict, **multiple) -> dict:
    """Flat admin form data; ``multiple`` holds the many-to-many fields (lists of ids)."""
    data = nested_form_data(fields)
    data.update(multiple)
    return data


def body(text: str) -> dict:
    return streamfield([("paragraph", rich_text(f"<p>{text}</p>"))])


# One builder per page type: (world, new: bool) -> Preview. ------------------------------


def home_page(world, new):
    fields = {"title": "Welkom bij Spil", "slug": "welkom", "introduction": "Nieuwe inleiding.", "body": body("Uitleg")}
    if new:
        # There is one home page at most: a new one is made where there is none yet.
        world["home"].delete()
        root = Page.get_first_root_node()
        return Preview(parent=root, data=page_form(fields), shows=["Nieuwe inleiding.", "Uitleg"])
    fields["slug"] = "home"
    return Preview(page=world["home"], data=page_form(fields), shows=["Welkom bij Spil", "Nieuwe inleiding."])


def content_page(world, new):
    fields = {"title": "Over Spil", "slug": "over", "introduction": "Wat Spil is.", "body": body("Voor wie Spil is.")}
    if new:
        return Preview(parent=world["home"], data=page_form(fields), shows=["Wat Spil is.", "Voor wie Spil is."])
    page = ContentPageFactory(parent=world["home"], slug="over", introduction="Oude inleiding.")
    return Preview(page=page, data=page_form(fields), shows=["Wat Spil is."], hides=("Oude inleiding.",))


def role_profile_index_page(world, new):
    fields = {"title": "Functieprofielen", "slug": "functieprofielen", "introduction": "Alle rollen op een rij."}
    if new:
        fields["slug"] = "rollen"
        return Preview(parent=world["home"], data=page_form(fields), shows=["Alle rollen op een rij."])
    return Preview(page=world["profile_index"], data=page_form(fields), shows=["Alle rollen op een rij."])


def role_profile_page(world, new):
    planning, notes = world["planning"], world["notes"]
    fields = {
        "title": "PMO tactisch",
        "slug": "pmo-tactisch",
        "family": "pmo",
        "pmo_level": "tactical",
        "summary": "Stuurt de projectbeheersing van een programma.",
        "core_tasks": streamfield([("task", "Rapporteert over de portefeuille")]),
        "job_titles": "PMO-adviseur",
        "body": body("Meer uitleg."),
    }
    methods = {"methods": [world["prince2"].pk]}
    if new:
        fields["requirements"] = inline_formset(
            [{"competency": planning.pk, "level": "3"}, {"competency": notes.pk, "level": "1"}]
        )
        return Preview(
            parent=world["profile_index"],
            data=page_form(fields, **methods),
            shows=["Stuurt de projectbeheersing", "Planning bewaken", "3 · Gevorderd", "Notuleren", "Prince2"],
        )
    profile = world["profile"]
    requirement = profile.requirements.get()
    fields["requirements"] = inline_formset(
        [
            {"id": requirement.pk, "competency": planning.pk, "level": "4"},
            {"competency": notes.pk, "level": "1"},
        ],
        initial=1,
    )
    return Preview(
        page=profile,
        data=page_form(fields, **methods),
        shows=["PMO tactisch", "4 · Expert", "Notuleren", "1 · Basis", "Prince2"],
        hides=("2 · Zelfstandig",),
    )


def career_map_page(world, new):
    fields = {"title": "Loopbaanpaden", "slug": "loopbaanpaden", "introduction": "Van rol naar rol."}
    if new:
        return Preview(parent=world["home"], data=page_form(fields), shows=["Van rol naar rol."])
    page = CareerMapPageFactory(parent=world["home"], slug="loopbaanpaden")
    return Preview(page=page, data=page_form(fields), shows=["Van rol naar rol."])


def catalog_page(world, new):
    fields = {"title": "Leeraanbod", "slug": "leeraanbod", "introduction": "Alles wat je kunt leren."}
    if new:
        fields["slug"] = "aanbod"
        return Preview(parent=world["home"], data=page_form(fields), shows=["Alles wat je kunt leren."])
    return Preview(page=world["catalog"], data=page_form(fields), shows=["Alles wat je kunt leren."])


def learning_track_page(world, new):
    fields = {
        "title": "Notuleren en actielijsten",
        "slug": "notuleren",
        "summary": "Je leert besluiten en acties vastleggen.",
        "learning_goals": streamfield([("goal", "Een actielijst bijhouden")]),
        "format": "e-learning",
        "study_load_hours": "6",
        "body": body("Zo werkt de leergang."),
    }
    if new:
        fields["slug"] = "notuleren-2"
        fields["competencies"] = inline_formset([{"competency": world["notes"].pk, "level": "2"}])
        return Preview(
            parent=world["catalog"],
            data=page_form(fields, role_profiles=[world["profile"].pk]),
            shows=["Je leert besluiten en acties vastleggen.", "Notuleren: 2 · zelfstandig", "Managementondersteuner"],
        )
    track = world["track"]
    link = TrackCompetency.objects.get(page=track)
    fields["competencies"] = inline_formset(
        [
            {"id": link.pk, "competency": world["planning"].pk, "level": "3"},
            {"competency": world["notes"].pk, "level": "4"},
        ],
        initial=1,
    )
    return Preview(
        page=track,
        data=page_form(fields, role_profiles=[world["other_profile"].pk]),
        shows=["Planning bewaken: 3 · gevorderd", "Notuleren: 4 · expert", "Secretaresse", "Waarom notuleren"],
        hides=("Managementondersteuner",),
    )


def module_page(world, new):
    _, check = knowledge_check()
    question = check["questions"][0]
    fields = {
        "title": "De actielijst",
        "slug": "de-actielijst",
        "introduction": "Wat op een actielijst hoort.",
        "estimated_minutes": "20",
        "required": "on",
        "body": streamfield(
            [
                ("paragraph", rich_text("<p>Een actie heeft een eigenaar.</p>")),
                (
                    "knowledge_check",
                    {
                        "title": "Check de actielijst",
                        "pass_mark": "50",
                        "questions": list_block(
                            [
                                {
                                    "question": question["question"],
                                    "choices": list_block(
                                        [
                                            {"text": c["text"], **({"correct": "on"} if c["correct"] else {})}
                                            for c in question["choices"]
                                        ]
                                    ),
                                    "explanation": "Zo werkt het.",
                                }
                            ]
                        ),
                    },
                ),
            ]
        ),
    }
    shows = ["Wat op een actielijst hoort.", "Een actie heeft een eigenaar.", "Check de actielijst"]
    if new:
        return Preview(parent=world["track"], data=page_form(fields), shows=shows)
    module = world["track"].get_children().specific().get(slug="de-actielijst-oud")
    return Preview(page=module, data=page_form(fields), shows=shows)


def self_assessment_index_page(world, new):
    fields = {"title": "Zelfscans", "slug": "zelfscans", "introduction": "Ontdek waar je staat."}
    if new:
        fields["slug"] = "scans"
        return Preview(parent=world["home"], data=page_form(fields), shows=["Ontdek waar je staat."])
    return Preview(page=world["scan_index"], data=page_form(fields), shows=["Ontdek waar je staat."])


def self_assessment_page(world, new):
    fields = {
        "title": "Zelfscan notuleren",
        "slug": "zelfscan-notuleren",
        "introduction": "Hoe goed notuleer je?",
        "minutes": "10",
        "statements": inline_formset([{"competency": world["notes"].pk, "text": "Ik maak een actielijst."}]),
    }
    if new:
        return Preview(parent=world["scan_index"], data=page_form(fields), shows=["Hoe goed notuleer je?"])
    return Preview(page=world["scan"], data=page_form(fields), shows=["Hoe goed notuleer je?"])


CASES = {
    "cms.HomePage": home_page,
    "cms.ContentPage": content_page,
    "careers.RoleProfileIndexPage": role_profile_index_page,
    "careers.RoleProfilePage": role_profile_page,
    "careers.CareerMapPage": career_map_page,
    "curriculum.CatalogPage": catalog_page,
    "curriculum.LearningTrackPage": learning_track_page,
    "curriculum.ModulePage": module_page,
    "assessments.SelfAssessmentIndexPage": self_assessment_index_page,
    "assessments.SelfAssessmentPage": self_assessment_page,
}


def test_every_page_type_has_a_preview_case():
    ours = {model._meta.label for model in get_page_models() if model._meta.app_label in OUR_APPS}
    assert ours == set(CASES), "add a preview case for every page type (and drop the ones that are gone)"


@pytest.fixture
def world(home_page):
    profile_index = RoleProfileIndexPageFactory(parent=home_page)
    profile = RoleProfilePageFactory(parent=profile_index, title="Managementondersteuner", slug="mo")
    other_profile = RoleProfilePageFactory(parent=profile_index, title="Secretaresse", slug="secretaresse")
    planning = CompetencyFactory(name="Planning bewaken")
    notes = CompetencyFactory(name="Notuleren")
    RequirementFactory(page=profile, competency=planning, level=2)
    catalog = CatalogPageFactory(parent=home_page)
    track = LearningTrackPageFactory(parent=catalog, title="Notuleren en actielijsten", slug="notuleren")
    track.competencies.create(competency=planning, level=1)
    track.role_profiles.add(profile)
    track.save_revision().publish()
    ModulePageFactory(parent=track, title="Waarom notuleren")
    ModulePageFactory(parent=track, title="De actielijst", slug="de-actielijst-oud", body=[knowledge_check()])
    scan_index = SelfAssessmentIndexPageFactory(parent=home_page)
    scan = SelfAssessmentPageFactory(parent=scan_index)
    StatementFactory(page=scan, competency=planning)
    return {
        "home": home_page,
        "profile_index": profile_index,
        "profile": profile,
        "other_profile": other_profile,
        "planning": planning,
        "notes": notes,
        "prince2": MethodFactory(name="Prince2"),
        "catalog": catalog,
        "track": track,
        "scan_index": scan_index,
        "scan": scan,
    }


def preview_url(case: Preview, model_label: str) -> str:
    if case.page is not None:
        return reverse("wagtailadmin_pages:preview_on_edit", args=[case.page.pk])
    app_label, model_name = model_label.lower().split(".")
    return reverse("wagtailadmin_pages:preview_on_add", args=[app_label, model_name, case.parent.pk])


@pytest.mark.parametrize("state", ["new", "edited"])
@pytest.mark.parametrize("model_label", list(CASES))
def test_preview_shows_the_values_being_edited(client, editor, world, model_label, state):
    case = CASES[model_label](world, new=state == "new")
    url = preview_url(case, model_label)

    checked = client.post(url, case.data)
    assert checked.json() == {"is_valid": True, "is_available": True}, checked.content.decode()
    response = client.get(url)

    html = response.content.decode()
    assert response.status_code == 200, html[:3000]
    assert "wagtailadmin/generic/preview_error.html" not in [t.name for t in response.templates]
    for text in case.shows:
        assert text in html, f"the preview of {model_label} ({state}) does not show {text!r}"
    for text in case.hides:
        assert text not in html, f"the preview of {model_label} ({state}) still shows the saved {text!r}"
