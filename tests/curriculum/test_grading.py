"""Grading a module: the score of its knowledge checks, missing answers and reflections.
Pure functions, no database."""

import pytest

from curriculum.blocks import ModuleStreamBlock
from curriculum.grading import CheckResult, answer_key, grade_module, parse_choice


def check(block_id: str, *rights: int, pass_mark: int = 50) -> dict:
    """A knowledge check whose questions have three answers, the given one right."""
    return {
        "type": "knowledge_check",
        "id": block_id,
        "value": {
            "title": f"Check {block_id}",
            "pass_mark": pass_mark,
            "questions": [
                {
                    "question": f"Vraag {number}",
                    "choices": [{"text": f"Antwoord {i}", "correct": i == right} for i in range(3)],
                    "explanation": "Daarom.",
                }
                for number, right in enumerate(rights, start=1)
            ],
        },
    }


def assignment(block_id: str) -> dict:
    return {
        "type": "assignment",
        "id": block_id,
        "value": {"title": "Oefen", "instructions": "<p>Doe het.</p>", "reflection_prompt": "Hoe ging het?"},
    }


def body(*blocks: dict):
    return ModuleStreamBlock().to_python(list(blocks))


def test_the_answer_key_names_the_block_and_the_question():
    assert answer_key("abc", 0) == "abc-0"


def test_every_answer_right_passes_with_full_marks():
    result = grade_module(body=body(check("c", 1, 2)), answers={"c-0": "1", "c-1": "2"}, reflections={})
    assert result.passed
    assert result.score == 100
    assert [q.is_correct for q in result.checks[0].questions] == [True, True]
    assert not result.missing_answers


@pytest.mark.parametrize(("pass_mark", "passed"), [(50, True), (51, False)])
def test_half_right_passes_when_the_pass_mark_allows_it(pass_mark, passed):
    result = grade_module(
        body=body(check("c", 1, 2, pass_mark=pass_mark)), answers={"c-0": "1", "c-1": "0"}, reflections={}
    )
    assert result.checks[0].score == 50
    assert result.passed is passed


def test_each_question_keeps_what_was_chosen_and_what_is_right():
    result = grade_module(body=body(check("c", 2)), answers={"c-0": "0"}, reflections={})
    graded = result.checks[0].questions[0]
    assert (graded.key, graded.question, graded.chosen, graded.correct, graded.explanation) == (
        "c-0",
        "Vraag 1",
        0,
        2,
        "Daarom.",
    )
    assert graded.choices == ["Antwoord 0", "Antwoord 1", "Antwoord 2"]
    assert not graded.is_correct


@pytest.mark.parametrize("answer", [None, "", "abc", "-1", "3", "1.5"])
def test_a_missing_or_impossible_answer_counts_as_not_answered(answer):
    answers = {"c-0": "1"} if answer is None else {"c-0": "1", "c-1": answer}
    result = grade_module(body=body(check("c", 1, 1, pass_mark=0)), answers=answers, reflections={})
    assert result.missing_answers == ["c-1"]
    assert result.checks[0].questions[1].chosen is None
    assert not result.passed, "even with a pass mark of 0, every question needs an answer"


def test_an_assignment_needs_a_reflection_with_words_in_it():
    module = body(assignment("a"), assignment("b"))
    result = grade_module(body=module, answers={}, reflections={"a": "Het ging goed.", "b": "   "})
    assert set(result.reflection_errors) == {"b"}
    assert not result.passed
    assert grade_module(body=module, answers={}, reflections={"a": "Goed.", "b": "Ook goed."}).passed


def test_a_module_without_checks_has_no_score():
    result = grade_module(body=body(assignment("a")), answers={}, reflections={"a": "Klaar."})
    assert result.score is None
    assert result.passed


def test_the_score_of_a_module_is_the_mean_of_its_checks():
    answers = {"c-0": "0", "d-0": "0", "d-1": "1"}
    result = grade_module(body=body(check("c", 0), check("d", 0, 0, pass_mark=60)), answers=answers, reflections={})
    assert [c.score for c in result.checks] == [100, 50]
    assert result.score == 75
    assert not result.passed, "every check has to be passed, not their mean"


def test_answers_to_other_blocks_are_ignored():
    result = grade_module(body=body(check("c", 0)), answers={"c-0": "0", "elsewhere-0": "2"}, reflections={})
    assert result.passed
    assert [q.key for c in result.checks for q in c.questions] == ["c-0"]


def test_a_check_without_questions_is_passed():
    assert CheckResult(block_id="c", title="Leeg", pass_mark=100, questions=[]).passed


@pytest.mark.parametrize(("raw", "expected"), [("2", 2), (3, 3), ("0", 0), ("-1", None), ("x", None), (None, None)])
def test_parse_choice(raw, expected):
    assert parse_choice(raw) == expected
