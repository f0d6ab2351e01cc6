"""The knowledge check an editor builds: what its blocks accept and refuse. No database."""

import pytest
from django.core.exceptions import ValidationError

from curriculum.blocks import EMPTY_CHOICE, KnowledgeCheckBlock, ModuleStreamBlock, QuestionBlock


def question(*choices: tuple[str, bool], text="Wat hoort op een actielijst?", explanation="Actie, eigenaar, datum."):
    return {
        "question": text,
        "choices": [{"text": choice, "correct": correct} for choice, correct in choices],
        "explanation": explanation,
    }


GOOD = question(("Alleen besluiten", False), ("Actie, eigenaar en datum", True), ("Het hele verslag", False))


def clean(block, raw):
    return block.clean(block.to_python(raw))


def errors_of(block, raw) -> dict:
    with pytest.raises(ValidationError) as refused:
        clean(block, raw)
    return refused.value.as_json_data()


def test_a_question_with_one_good_answer_among_several_is_accepted():
    value = clean(QuestionBlock(), GOOD)
    assert [choice["correct"] for choice in value["choices"]] == [False, True, False]


@pytest.mark.parametrize(
    "choices",
    [
        [("Ja", False), ("Nee", False)],  # no good answer
        [("Ja", True), ("Nee", True)],  # two good answers
    ],
)
def test_a_question_needs_exactly_one_good_answer(choices):
    errors = errors_of(QuestionBlock(), question(*choices))
    assert errors["blockErrors"]["choices"]["messages"] == ["Markeer precies één antwoord als het goede."]


def test_a_question_needs_at_least_two_answers():
    errors = errors_of(QuestionBlock(), question(("Het enige antwoord", True)))
    assert "choices" in errors["blockErrors"]


@pytest.mark.parametrize("field", ["question", "explanation"])
def test_a_question_needs_its_text_and_an_explanation(field):
    errors = errors_of(QuestionBlock(), {**GOOD, field: ""})
    assert set(errors["blockErrors"]) == {field}


def test_an_answer_needs_a_text():
    errors = errors_of(QuestionBlock(), question(("", True), ("Nee", False)))
    assert "choices" in errors["blockErrors"]


def test_a_new_question_starts_with_two_empty_answers():
    assert QuestionBlock().child_blocks["choices"].meta.default == [EMPTY_CHOICE, EMPTY_CHOICE]


def knowledge_check(**fields):
    return {"title": "Kennischeck actielijsten", "pass_mark": 70, "questions": [GOOD], **fields}


def test_a_knowledge_check_with_a_good_question_is_accepted():
    value = clean(KnowledgeCheckBlock(), knowledge_check())
    assert value["pass_mark"] == 70
    assert len(value["questions"]) == 1


def test_a_knowledge_check_needs_a_question():
    errors = errors_of(KnowledgeCheckBlock(), knowledge_check(questions=[]))
    assert set(errors["blockErrors"]) == {"questions"}


@pytest.mark.parametrize("pass_mark", [-1, 101])
def test_the_pass_mark_is_a_percentage(pass_mark):
    errors = errors_of(KnowledgeCheckBlock(), knowledge_check(pass_mark=pass_mark))
    assert set(errors["blockErrors"]) == {"pass_mark"}


@pytest.mark.parametrize("pass_mark", [0, 100])
def test_the_pass_mark_may_be_anything_from_0_to_100(pass_mark):
    assert clean(KnowledgeCheckBlock(), knowledge_check(pass_mark=pass_mark))["pass_mark"] == pass_mark


def test_a_wrong_question_is_pointed_out_where_it_is():
    bad = question(("Ja", False), ("Nee", False))
    errors = errors_of(KnowledgeCheckBlock(), knowledge_check(questions=[GOOD, bad]))
    question_errors = errors["blockErrors"]["questions"]["blockErrors"]
    assert set(question_errors) == {1}, "the second question, not the first"
    assert question_errors[1]["blockErrors"]["choices"]["messages"] == ["Markeer precies één antwoord als het goede."]


def test_a_module_body_holds_a_knowledge_check_and_an_assignment():
    body = ModuleStreamBlock().to_python(
        [
            {"type": "knowledge_check", "value": knowledge_check(), "id": "check"},
            {
                "type": "assignment",
                "value": {"title": "Oefen", "instructions": "<p>Doe het.</p>", "reflection_prompt": "Hoe ging het?"},
                "id": "task",
            },
        ]
    )
    assert [(block.block_type, block.id) for block in body] == [("knowledge_check", "check"), ("assignment", "task")]


def test_the_editor_sees_the_good_answer_in_the_rendered_check():
    html = KnowledgeCheckBlock().render(KnowledgeCheckBlock().to_python(knowledge_check()))
    assert "Kennischeck actielijsten" in html
    assert "Actie, eigenaar en datum (goed)" in html
    assert "Alleen besluiten (goed)" not in html


@pytest.mark.parametrize("block", [KnowledgeCheckBlock(), ModuleStreamBlock().child_blocks["assignment"]])
def test_the_blocks_tell_the_editor_what_they_are(block):
    assert block.meta.icon
    assert block.meta.template
    assert block.meta.description
