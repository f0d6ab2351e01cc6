"""Editors build learning paths and modules in the Wagtail admin: what they fill in is
checked as they entered it, and every label and help text is Dutch."""

import re

import pytest
from django.utils.functional import Promise
from wagtail import blocks
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from curriculum.blocks import KnowledgeCheckBlock, ModuleStreamBlock, QuestionBlock
from curriculum.models import (
    AssignmentBatch,
    CatalogPage,
    LearningPath,
    LearningPathItem,
    LearningTrackPage,
    ModulePage,
)
from people.models import User
from tests.careers.editor_fields import editor_fields, problems_of
from tests.curriculum.factories import LearningPathFactory, LearningPathItemFactory, LearningTrackPageFactory
from tests.people.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

ADD_PATH = "/admin/snippets/curriculum/learningpath/add/"


@pytest.fixture
def editor(client):
    admin = User.objects.create_superuser(email="redactie@example.org", password="x" * 12, full_name="Redactie")
    client.force_login(admin)
    return admin


@pytest.fixture
def tracks(catalog):
    return [LearningTrackPageFactory(parent=catalog, title=title) for title in ("Plannen", "Notuleren", "Excel")]


def path_form(items, *, title="Naar PMO", slug="", min_electives=1, initial=0):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "description": "Van projectondersteuner naar PMO'er.",
            "min_electives": str(min_electives),
            "items": inline_formset(items, initial=initial),
        }
    )


def item(track, *, required, **extra):
    return {"track": track.pk, **({"required": "on"} if required else {}), **extra}


# The minimum of electives is checked against the items being entered -------------------


def test_a_path_with_one_required_one_elective_and_a_minimum_of_one_saves(client, editor, tracks):
    plannen, notuleren, _ = tracks
    data = path_form([item(plannen, required=True), item(notuleren, required=False)], slug="naar-pmo")
    response = client.post(ADD_PATH, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    path = LearningPath.objects.get(slug="naar-pmo")
    assert path.min_electives == 1
    assert [(i.track, i.required) for i in path.items.order_by("sort_order")] == [(plannen, True), (notuleren, False)]


def test_a_minimum_above_the_electives_entered_is_refused_in_plain_dutch(client, editor, tracks):
    plannen, notuleren, _ = tracks
    data = path_form([item(plannen, required=True), item(notuleren, required=False)], min_electives=2)
    response = client.post(ADD_PATH, data)
    assert response.status_code == 200
    assert "Dit leerpad heeft 1 keuzeleergang, maar vraagt er minimaal 2." in response.content.decode()
    assert not LearningPath.objects.exists()


def test_editing_checks_the_items_as_edited_not_as_saved(client, editor, tracks):
    plannen, notuleren, excel = tracks
    path = LearningPathFactory(min_electives=1)
    required = LearningPathItemFactory(path=path, track=plannen, required=True, sort_order=0)
    elective = LearningPathItemFactory(path=path, track=notuleren, required=False, sort_order=1)
    url = f"/admin/snippets/curriculum/learningpath/edit/{path.pk}/"
    saved = [
        item(plannen, required=True, id=required.pk),
        item(notuleren, required=False, id=elective.pk),
    ]

    more = path_form(
        [*saved, item(excel, required=False)], title=path.title, slug=path.slug, min_electives=2, initial=2
    )
    assert client.post(url, more).status_code == 302
    path.refresh_from_db()
    assert (path.min_electives, path.items.filter(required=False).count()) == (2, 2)

    saved = [item(plannen, required=True, id=required.pk), item(notuleren, required=False, id=elective.pk)]
    extra = path.items.get(track=excel)
    dropped = path_form(
        [*saved, item(excel, required=False, id=extra.pk, DELETE="on")],
        title=path.title,
        slug=path.slug,
        min_electives=2,
        initial=3,
    )
    response = client.post(url, dropped)
    assert response.status_code == 200, "the deleted elective does not count"
    assert "Dit leerpad heeft 1 keuzeleergang" in response.content.decode()
    assert LearningPathItem.objects.filter(path=path).count() == 3


# The short name ------------------------------------------------------------------------


def test_an_empty_short_name_is_made_from_the_title_and_kept_unique(client, editor, tracks):
    LearningPathFactory(slug="van-ondersteuner-naar-pmoer")
    data = path_form([item(tracks[0], required=True)], title="Van ondersteuner naar PMO'er", min_electives=0)
    assert client.post(ADD_PATH, data).status_code == 302
    assert client.post(ADD_PATH, data).status_code == 302
    slugs = set(LearningPath.objects.values_list("slug", flat=True))
    assert slugs == {"van-ondersteuner-naar-pmoer", "van-ondersteuner-naar-pmoer-2", "van-ondersteuner-naar-pmoer-3"}


def test_a_short_name_given_is_kept_and_a_taken_one_refused(client, editor, tracks):
    LearningPathFactory(slug="bezet")
    data = path_form([item(tracks[0], required=True)], slug="bezet", min_electives=0)
    assert client.post(ADD_PATH, data).status_code == 200
    data["slug"] = "eigen-naam"
    assert client.post(ADD_PATH, data).status_code == 302
    assert LearningPath.objects.filter(slug="eigen-naam").exists()


# Words in the admin --------------------------------------------------------------------


def test_the_menu_is_named_for_the_paths_and_assignments_it_holds(client, editor):
    html = client.get("/admin/").content.decode()
    assert "Leerpaden en toewijzingen" in html
    assert "Leeraanbod" not in html, "the tracks are under Pagina's, not in this menu"


def test_the_assignment_jobs_list_speaks_dutch(client, editor, tracks):
    AssignmentBatch.objects.create(
        organisation=OrganisationFactory(), track=tracks[0], due_date="2030-01-01", audience="all"
    )
    html = client.get("/admin/snippets/curriculum/assignmentbatch/").content.decode()
    for header in ["Leerpad of leergang", "Organisatie", "Nieuw toegewezen", "Aangemaakt op"]:
        assert header in html
    for english in ["Target", "Organisation", "Created count", "Created at"]:
        assert not re.search(rf">\s*{english}\s*<", html), english


@pytest.mark.parametrize("view", ["add/", "edit/{pk}/", "delete/{pk}/", "copy/{pk}/"])
def test_assignment_jobs_are_not_added_edited_or_deleted_in_the_admin(client, editor, tracks, view):
    batch = AssignmentBatch.objects.create(
        organisation=OrganisationFactory(), track=tracks[0], due_date="2030-01-01", audience="all"
    )
    listing = "/admin/snippets/curriculum/assignmentbatch/"
    url = listing + view.format(pk=batch.pk)
    assert url not in client.get(listing).content.decode()
    for response in [client.get(url), client.post(url, {"due_date": "2031-01-01", "audience": "team"})]:
        assert response.status_code in (302, 403, 404), url
    assert AssignmentBatch.objects.get() == batch
    batch.refresh_from_db()
    assert batch.audience == "all"
    assert client.get(f"{listing}inspect/{batch.pk}/").status_code == 200


@pytest.mark.parametrize("model", [CatalogPage, LearningTrackPage, ModulePage, LearningPath])
def test_every_field_an_editor_fills_has_a_dutch_label_and_a_help_text(model):
    fields = editor_fields(model)
    assert fields
    assert [problem for field in fields for problem in problems_of(field)] == []


# Blocks ----------------------------------------------------------------------------------


def named_blocks(block, path="body"):
    """(path, block) for every block inside ``block``, depth first."""
    children = getattr(block, "child_blocks", None) or {}
    for name, child in children.items():
        yield f"{path}.{name}", child
        yield from named_blocks(child, f"{path}.{name}")
    if isinstance(block, blocks.ListBlock):
        yield f"{path}[]", block.child_block
        yield from named_blocks(block.child_block, f"{path}[]")


def test_every_block_label_is_dutch_and_translatable():
    """A label Wagtail makes from a block's name ("Knowledge check") is English; ours are
    set, in Dutch, through gettext."""
    untranslated = [path for path, block in named_blocks(ModuleStreamBlock()) if not isinstance(block.label, Promise)]
    assert untranslated == []


def test_every_field_of_the_module_blocks_has_a_help_text():
    ours = {"document", "assignment", "knowledge_check"}
    missing = [
        path
        for path, block in named_blocks(ModuleStreamBlock())
        if path.split(".")[1] in ours and isinstance(block, blocks.FieldBlock) and not block.field.help_text
    ]
    assert missing == []


def test_the_knowledge_check_title_has_its_own_label():
    assert KnowledgeCheckBlock().child_blocks["title"].label == "Titel van de kennischeck"


def test_a_new_question_starts_with_two_empty_answers():
    """Two is the minimum: a new question may not start with an error about it."""
    question = QuestionBlock()
    choices = question.get_default()["choices"]
    assert [dict(choice) for choice in choices] == [{"text": "", "correct": False}] * 2
    assert len(choices) >= question.child_blocks["choices"].meta.min_num
    first_question = KnowledgeCheckBlock().get_default()["questions"][0]
    assert len(first_question["choices"]) == 2


def test_questions_and_answers_are_headed_by_what_they_say():
    """The admin heads each question and answer with its label and its text, not with the
    'Nee' of the first checkbox it finds."""
    question = QuestionBlock()
    assert (str(question.label), question.meta.label_format) == ("Meerkeuzevraag", "{question}")
    answer = question.child_blocks["choices"].child_block
    assert (str(answer.label), answer.meta.label_format) == ("Antwoordmogelijkheid", "{text}")
