"""HTTP behaviour: learners, HR advisers, refusals, and constant query counts."""

import datetime

import pytest
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from curriculum import services
from curriculum.grading import answer_key
from curriculum.models import Assignment, AssignmentBatch, Enrolment, LearningPath, ModulePage, ModuleProgress
from tests.curriculum.factories import (
    AssignmentFactory,
    LearningPathFactory,
    LearningPathItemFactory,
    LearningTrackPageFactory,
    ModulePageFactory,
)
from tests.people.factories import HRAdviserFactory, LearnerFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(track):
    zeist, utrecht = OrganisationFactory(slug="zeist"), OrganisationFactory(slug="utrecht")
    return {
        "zeist": zeist,
        "utrecht": utrecht,
        "anna": LearnerFactory(organisation=zeist).user,
        "bram": LearnerFactory(organisation=utrecht).user,
        "hr_zeist": HRAdviserFactory(organisation=zeist).user,
        "hr_utrecht": HRAdviserFactory(organisation=utrecht).user,
        "track": track,
    }


def modules(track):
    return list(ModulePage.objects.child_of(track).order_by("path"))


# Learners -------------------------------------------------------------------------------


def test_enrol_and_work_through_a_module_with_a_check(client, world):
    track = world["track"]
    client.force_login(world["anna"])
    response = client.post(f"/leergangen/{track.pk}/inschrijven/")
    reading, check_module, _ = modules(track)
    assert response["Location"] == reading.url
    assert client.get(reading.url).status_code == 200
    assert client.post(reading.url).status_code == 302

    block_id = check_module.knowledge_checks()[0].id
    wrong = {answer_key(block_id, 0): "0", answer_key(block_id, 1): "1"}
    response = client.post(check_module.url, wrong)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Nog niet afgerond." in html
    assert "Zo werkt het in de praktijk." in html
    assert f'id="{answer_key(block_id, 0)}-0" name="{answer_key(block_id, 0)}" value="0" checked' in html
    right = {answer_key(block_id, 0): "1", answer_key(block_id, 1): "0"}
    response = client.post(check_module.url, right)
    assert response.status_code == 302
    enrolment = Enrolment.objects.get(user=world["anna"], track=track)
    assert enrolment.status == Enrolment.Status.COMPLETED


def test_missing_answers_are_a_400_that_keeps_the_given_ones(client, world):
    track = world["track"]
    client.force_login(world["anna"])
    client.post(f"/leergangen/{track.pk}/inschrijven/")
    check_module = modules(track)[1]
    block_id = check_module.knowledge_checks()[0].id
    response = client.post(check_module.url, {answer_key(block_id, 0): "1"})
    assert response.status_code == 400
    assert "Beantwoord alle vragen." in response.content.decode()
    assert ModuleProgress.objects.get(module=check_module).answers == {answer_key(block_id, 0): "1"}


def test_reading_a_module_writes_nothing(client, world):
    track = world["track"]
    services.enrol(user=world["anna"], track=track)
    client.force_login(world["anna"])
    assert client.get(modules(track)[1].url).status_code == 200
    assert not ModuleProgress.objects.exists()
    assert Enrolment.objects.get(user=world["anna"]).last_module is None


def test_an_answer_that_is_not_a_choice_is_refused_and_nothing_is_kept(client, world):
    track = world["track"]
    services.enrol(user=world["anna"], track=track)
    check_module = modules(track)[1]
    block_id = check_module.knowledge_checks()[0].id
    client.force_login(world["anna"])
    response = client.post(check_module.url, {answer_key(block_id, 0): "7", answer_key(block_id, 1): "0"})
    html = response.content.decode()
    assert response.status_code == 400
    assert f'<div class="utrecht-form-field-error-message" id="{answer_key(block_id, 0)}-error">' in html
    assert "Kies een van de antwoorden." in html
    assert f'id="{answer_key(block_id, 1)}-0" name="{answer_key(block_id, 1)}" value="0" checked' in html
    assert not ModuleProgress.objects.exists()


def test_modules_are_for_enrolled_learners_only(client, world):
    reading = modules(world["track"])[0]
    response = client.get(reading.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    client.force_login(world["bram"])
    response = client.get(reading.url)
    assert response["Location"] == world["track"].url
    assert client.post(reading.url).status_code == 302
    assert not ModuleProgress.objects.exists()


def test_a_learner_never_sees_another_learners_answers(client, world):
    track = world["track"]
    services.enrol(user=world["anna"], track=track)
    check_module = modules(track)[1]
    block_id = check_module.knowledge_checks()[0].id
    enrolment = Enrolment.objects.get(user=world["anna"])
    services.complete_module(
        enrolment=enrolment, module=check_module, answers={answer_key(block_id, 0): "2"}, reflections={}
    )
    client.force_login(world["bram"])
    services.enrol(user=world["bram"], track=track)
    html = client.get(check_module.url).content.decode()
    assert "checked" not in html


def test_enrol_needs_login_and_post(client, world):
    url = f"/leergangen/{world['track'].pk}/inschrijven/"
    assert client.post(url)["Location"].startswith("/accounts/login/")
    client.force_login(world["anna"])
    assert client.get(url).status_code == 405
    assert client.post("/leergangen/987654/inschrijven/").status_code == 404


def test_catalogue_filters_and_search(client, world, catalog):
    other = LearningTrackPageFactory(
        parent=catalog, title="Agile werken in projecten", format="klassikaal", scale_min=9
    )
    other.summary = "Scrum en kanban in de praktijk"
    other.save_revision().publish()
    html = client.get(catalog.url, {"format": "klassikaal"}).content.decode()
    assert "Agile werken in projecten" in html
    assert "Notuleren en actielijsten" not in html
    html = client.get(catalog.url, {"scale": "8"}).content.decode()
    assert "Agile werken in projecten" not in html
    assert "Notuleren en actielijsten" in html
    html = client.get(catalog.url, {"q": "scrum"}).content.decode()
    assert "Agile werken in projecten" in html
    response = client.get(catalog.url, {"scale": "niet-een-getal", "role_profile": "abc"})
    assert response.status_code == 200


@pytest.mark.parametrize("size", [3, 20])
def test_catalogue_queries_are_constant(client, world, catalog, size, django_assert_max_num_queries):
    for _ in range(size):
        track = LearningTrackPageFactory(parent=catalog)
        Enrolment.objects.create(user=world["anna"], track=track)
    client.force_login(world["anna"])
    client.get(catalog.url)
    # 17: one of them is Wagtail's own, finding the home page in the reader's language.
    with django_assert_max_num_queries(17):
        response = client.get(catalog.url)
    assert response.content.decode().count('class="spil-card"') == size + 1


@pytest.mark.parametrize("size", [2, 15])
def test_learner_dashboard_queries_are_constant(client, world, catalog, size, django_assert_max_num_queries):
    path = LearningPathFactory()
    for n in range(size):
        track = LearningTrackPageFactory(parent=catalog)
        module = ModulePageFactory(parent=track)
        enrolment = Enrolment.objects.create(user=world["anna"], track=track, status=Enrolment.Status.ACTIVE)
        ModuleProgress.objects.create(enrolment=enrolment, module=module, completed_at=timezone.now())
        LearningPathItemFactory(path=path, track=track, required=n % 2 == 0)
        AssignmentFactory(user=world["anna"], organisation=world["zeist"], track=track)
    AssignmentFactory(user=world["anna"], organisation=world["zeist"], track=None, path=path)
    client.force_login(world["anna"])
    client.get("/mijn/")
    # 17: one of them reads the learner's learning-circle sessions and hours.
    with django_assert_max_num_queries(17):
        response = client.get("/mijn/")
    html = response.content.decode()
    assert html.count("<progress") == size
    assert "1 van 1 verplichte modules afgerond" in html


def test_overdue_assignments_stand_out_on_the_dashboard(client, world):
    AssignmentFactory(
        user=world["anna"], organisation=world["zeist"], track=world["track"], due_date=datetime.date(2020, 1, 1)
    )
    client.force_login(world["anna"])
    html = client.get("/mijn/").content.decode()
    assert "spil-row--late" in html
    assert "Te laat" in html


# HR ------------------------------------------------------------------------------------


def assign_all(client, world, **extra):
    data = {
        "organisation": world["zeist"].pk,
        "track": world["track"].pk,
        "due_date": (datetime.date.today() + datetime.timedelta(days=30)).isoformat(),
        "audience": "all",
        **extra,
    }
    return client.post("/hr/toewijzen/", data)


def test_hr_assigns_to_everyone_and_sees_the_status_table(client, world, django_capture_on_commit_callbacks):
    for _ in range(3):
        LearnerFactory(organisation=world["zeist"])
    client.force_login(world["hr_zeist"])
    with django_capture_on_commit_callbacks(execute=True):
        response = assign_all(client, world)
    batch = AssignmentBatch.objects.get()
    assert response["Location"] == f"/hr/toewijzingen/{batch.pk}/"
    assert client.get(response["Location"]).status_code == 200
    progress = client.get(f"/hr/toewijzingen/{batch.pk}/voortgang/").json()
    assert progress == {
        "status": "done",
        "status_label": "Klaar",
        "processed": 4,
        "total": 4,
        "created": 4,
        "percent": 100,
    }
    table = client.get(f"/hr/opdrachten/zeist/leergang/{world['track'].pk}/")
    assert table.status_code == 200
    assert "Niet begonnen (4)" in table.content.decode()
    assert Assignment.objects.filter(organisation=world["zeist"]).count() == 4
    assert client.get(f"/hr/opdrachten/zeist/iets-anders/{world['track'].pk}/").status_code == 404
    assert client.get("/hr/opdrachten/zeist/leergang/987654/").status_code == 404


def test_hr_of_another_organisation_gets_404(client, world, django_capture_on_commit_callbacks):
    client.force_login(world["hr_zeist"])
    with django_capture_on_commit_callbacks(execute=True):
        assign_all(client, world)
    batch = AssignmentBatch.objects.get()
    client.force_login(world["hr_utrecht"])
    assert client.get(f"/hr/toewijzingen/{batch.pk}/").status_code == 404
    assert client.get(f"/hr/toewijzingen/{batch.pk}/voortgang/").status_code == 404
    assert client.get(f"/hr/opdrachten/zeist/leergang/{world['track'].pk}/").status_code == 404
    response = assign_all(client, world)
    assert response.status_code == 400, "the form only offers the adviser's own organisations"
    client.force_login(world["anna"])
    assert client.get(f"/hr/toewijzingen/{batch.pk}/").status_code == 404
    assert client.get("/hr/toewijzen/").status_code == 403
    assert client.get("/hr/aanvragen/").status_code == 403


def test_assign_form_errors_keep_the_input(client, world):
    client.force_login(world["hr_zeist"])
    response = assign_all(client, world, due_date="2001-01-01", audience="team")
    assert response.status_code == 400
    html = response.content.decode()
    assert "De uiterste datum ligt in het verleden." in html
    assert "Kies het team." in html
    assert 'value="2001-01-01"' in html
    assert not AssignmentBatch.objects.exists()


@pytest.mark.parametrize("size", [5, 60])
def test_status_table_queries_are_constant(client, world, size, django_assert_max_num_queries):
    for n in range(size):
        person = LearnerFactory(organisation=world["zeist"]).user
        AssignmentFactory(user=person, organisation=world["zeist"], track=world["track"])
        if n % 3 == 0:
            Enrolment.objects.create(user=person, track=world["track"], status=Enrolment.Status.COMPLETED)
    client.force_login(world["hr_zeist"])
    url = f"/hr/opdrachten/zeist/leergang/{world['track'].pk}/"
    client.get(url)
    with django_assert_max_num_queries(14):
        response = client.get(url)
    html = response.content.decode()
    assert f"Afgerond ({len(range(0, size, 3))})" in html


@pytest.mark.parametrize("size", [3, 30])
def test_hr_dashboard_queries_stay_constant_with_assignments(client, world, size, django_assert_max_num_queries):
    for _ in range(size):
        person = LearnerFactory(organisation=world["zeist"]).user
        AssignmentFactory(user=person, organisation=world["zeist"], track=world["track"])
    client.force_login(world["hr_zeist"])
    client.get("/hr/")
    # 19: one of them reads the organisation's learning-circle participation.
    with django_assert_max_num_queries(20):
        assert client.get("/hr/").status_code == 200


def test_hr_approves_and_declines_requests(client, world):
    track = world["track"]
    track.requires_approval = True
    track.save()
    enrolment = services.enrol(user=world["anna"], track=track)
    client.force_login(world["hr_utrecht"])
    assert client.post(f"/hr/aanvragen/{enrolment.pk}/", {f"{enrolment.pk}-decision": "approve"}).status_code == 404
    client.force_login(world["hr_zeist"])
    assert world["anna"].full_name in client.get("/hr/aanvragen/").content.decode()
    response = client.post(f"/hr/aanvragen/{enrolment.pk}/", {f"{enrolment.pk}-decision": "decline"})
    assert response.status_code == 400
    assert "Geef een reden" in response.content.decode()
    response = client.post(
        f"/hr/aanvragen/{enrolment.pk}/", {f"{enrolment.pk}-decision": "decline", f"{enrolment.pk}-reason": "Te vol"}
    )
    assert response.status_code == 302
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.DECLINED


def test_editors_manage_learning_paths_in_the_admin(client, world):
    from people.models import User

    admin = User.objects.create_superuser(email="redactie@example.org", password="x" * 12, full_name="Redactie")
    client.force_login(admin)
    assert client.get("/admin/snippets/curriculum/learningpath/").status_code == 200
    assert client.get("/admin/snippets/curriculum/learningpath/add/").status_code == 200
    data = nested_form_data(
        {
            "title": "Van projectondersteuner naar PMO'er",
            "slug": "naar-pmo",
            "description": "Drie stappen.",
            "min_electives": "1",
            "items": inline_formset([{"track": world["track"].pk, "required": "on"}]),
        }
    )
    response = client.post("/admin/snippets/curriculum/learningpath/add/", data)
    assert response.status_code == 200, "one elective is asked for, but the path has none"
    assert "keuzeleergangen" in response.content.decode()
    data["min_electives"] = "0"
    assert client.post("/admin/snippets/curriculum/learningpath/add/", data).status_code == 302
    assert LearningPath.objects.get(slug="naar-pmo").items.get().track == world["track"]
    client.force_login(world["hr_zeist"])
    assert client.get("/admin/snippets/curriculum/learningpath/").status_code in (302, 403)
