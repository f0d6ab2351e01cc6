"""The intake poll: members answer on the site; the aggregated answers show as a chart with
its table, and only once five or more members answered."""

import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.template import Context, Template
from django.test import RequestFactory

from circles import attendance
from circles.models import IntakeAnswer, IntakeQuestion
from tests.circles.factories import IntakeAnswerFactory, IntakeQuestionFactory
from tests.circles.organiser_factories import member, organised_circle
from tests.people.factories import LearnerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(home_page):
    organiser, circle = organised_circle()
    years = IntakeQuestionFactory(circle=circle, question="Hoeveel jaar werk je als ondersteuner?", sort_order=1)
    projects = IntakeQuestionFactory(
        circle=circle,
        question="Hoeveel projecten ondersteun je?",
        kind=IntakeQuestion.Kind.NUMBER,
        choices="",
        sort_order=2,
    )
    return {"organiser": organiser, "circle": circle, "years": years, "projects": projects, "anna": member(circle)}


def answer(world, count: int, value: str = "0-5 jaar"):
    for _ in range(count):
        IntakeAnswerFactory(question=world["years"], user=member(world["circle"]), value=value)


def test_a_result_shows_from_five_answers(world):
    answer(world, 4)
    years, projects = attendance.intake_results(circle=world["circle"])
    assert (years.count, years.shown, years.rows) == (4, False, [])
    assert (projects.count, projects.shown) == (0, False)
    answer(world, 1, "Meer dan 10 jaar")
    years = attendance.intake_results(circle=world["circle"])[0]
    assert years.shown
    assert years.rows == [("0-5 jaar", 4), ("5-10 jaar", 0), ("Meer dan 10 jaar", 1)]
    assert years.rows_with_percent[0] == ("0-5 jaar", 4, 80)


def test_numbers_are_grouped_and_give_a_median(world):
    for value in ("3", "25", "1", "4", "12", "7"):
        IntakeAnswerFactory(question=world["projects"], user=member(world["circle"]), value=value)
    projects = attendance.intake_results(circle=world["circle"])[1]
    assert projects.median == 5.5
    assert sum(n for _label, n in projects.rows) == 6
    assert projects.rows[0] == ("1-5", 3)
    few = [int(v) for v in ("2", "3", "3", "5", "4")]
    assert attendance._number_rows(few) == [("2", 1), ("3", 2), ("4", 1), ("5", 1)]


def test_a_member_answers_changes_and_takes_back_answers(world):
    anna, circle = world["anna"], world["circle"]
    attendance.save_intake_answers(
        user=anna, circle=circle, answers={world["years"].pk: "5-10 jaar", world["projects"].pk: "12"}
    )
    assert attendance.intake_answers_of(user=anna, circle=circle) == {
        world["years"].pk: "5-10 jaar",
        world["projects"].pk: "12",
    }
    attendance.save_intake_answers(user=anna, circle=circle, answers={world["years"].pk: "0-5 jaar"})
    assert attendance.intake_answers_of(user=anna, circle=circle) == {world["years"].pk: "0-5 jaar"}


def test_answers_must_be_one_of_the_choices_or_a_whole_number(world):
    with pytest.raises(ValidationError):
        attendance.save_intake_answers(user=world["anna"], circle=world["circle"], answers={world["years"].pk: "veel"})
    with pytest.raises(ValidationError):
        attendance.save_intake_answers(user=world["anna"], circle=world["circle"], answers={world["projects"].pk: "-3"})


def test_only_members_answer(world):
    with pytest.raises(PermissionDenied):
        attendance.save_intake_answers(user=LearnerFactory().user, circle=world["circle"], answers={})


def test_the_intake_page_for_a_member(client, world):
    client.force_login(world["anna"])
    url = f"/leerkringen/mijn/intake/{world['circle'].pk}/"
    html = client.get(url).content.decode()
    assert "Hoeveel jaar werk je als ondersteuner?" in html
    assert re.search(r'<input type="radio" name="question-\d+" value="0-5 jaar"', html)
    assert "Pas als minstens 5 leden deze vraag beantwoordden" in html
    response = client.post(url, {f"question-{world['years'].pk}": "5-10 jaar", f"question-{world['projects'].pk}": "8"})
    assert response.status_code == 302
    assert IntakeAnswer.objects.filter(user=world["anna"]).count() == 2
    response = client.post(url, {f"question-{world['projects'].pk}": "nee"})
    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.content.decode()
    assert "Antwoorden bijwerken" in client.get(url).content.decode()


def test_the_intake_page_shows_the_chart_and_table_once_five_answered(client, world):
    answer(world, 5)
    client.force_login(world["anna"])
    html = client.get(f"/leerkringen/mijn/intake/{world['circle'].pk}/").content.decode()
    svg = re.search(r'<svg role="img" aria-labelledby="([^"]+)"[^>]*>(.*?)</svg>', html, re.S)
    assert svg
    for label_id in svg.group(1).split():
        assert f'id="{label_id}"' in svg.group(2)
    assert "<title" in svg.group(2)
    assert "0-5 jaar: 5" in svg.group(2)
    table = re.search(r"<table.*?</table>", html, re.S).group(0)
    assert "0-5 jaar" in table
    assert "100%" in table
    # One question reached five answers, the other did not.
    assert html.count('<svg role="img"') == 1


def test_outsiders_get_403_and_anonymous_visitors_the_login(client, world):
    url = f"/leerkringen/mijn/intake/{world['circle'].pk}/"
    assert client.get(url)["Location"].startswith("/accounts/login/")
    client.force_login(LearnerFactory().user)
    assert client.get(url).status_code == 403
    assert client.post(url, {f"question-{world['years'].pk}": "0-5 jaar"}).status_code == 403


def test_organisers_see_the_results_but_do_not_answer(client, world):
    answer(world, 5)
    client.force_login(world["organiser"])
    url = f"/leerkringen/mijn/intake/{world['circle'].pk}/"
    html = client.get(url).content.decode()
    assert "<svg" in html
    assert "Antwoorden opslaan" not in html
    assert client.post(url, {f"question-{world['years'].pk}": "0-5 jaar"}).status_code == 403


def test_a_circle_without_questions_has_no_intake_page(client, world):
    world["years"].delete()
    world["projects"].delete()
    client.force_login(world["anna"])
    assert client.get(f"/leerkringen/mijn/intake/{world['circle'].pk}/").status_code == 404


def test_the_intake_summary_tag_for_the_circle_page(world):
    answer(world, 5)
    template = Template("{% load circles_after %}{% intake_summary circle %}")

    def render(user):
        request = RequestFactory().get("/")
        request.user = user
        return template.render(Context({"request": request, "circle": world["circle"]}))

    html = render(world["anna"])
    assert "Beantwoord de intakevragen" in html
    assert "<svg" in html
    assert render(LearnerFactory().user).strip() == ""
