"""Grading a module's knowledge checks and checking its reflections. Pure functions."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _


def answer_key(block_id: str, question_index: int) -> str:
    return f"{block_id}-{question_index}"


@dataclass
class QuestionResult:
    key: str
    question: str
    choices: list[str]
    chosen: int | None
    correct: int
    explanation: str

    @property
    def is_correct(self) -> bool:
        return self.chosen == self.correct


@dataclass
class CheckResult:
    block_id: str
    title: str
    pass_mark: int
    questions: list[QuestionResult]

    @property
    def score(self) -> int:
        if not self.questions:
            return 100
        return round(100 * sum(q.is_correct for q in self.questions) / len(self.questions))

    @property
    def passed(self) -> bool:
        return self.score >= self.pass_mark


@dataclass
class ModuleResult:
    checks: list[CheckResult] = field(default_factory=list)
    reflection_errors: dict[str, str] = field(default_factory=dict)
    missing_answers: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.reflection_errors and not self.missing_answers and all(c.passed for c in self.checks)

    @property
    def score(self) -> int | None:
        if not self.checks:
            return None
        return round(sum(c.score for c in self.checks) / len(self.checks))


def parse_choice(raw) -> int | None:
    try:
        value = int(raw)
    except (TypeError, ValueError):
        return None
    return value if value >= 0 else None


def grade_module(*, body, answers: dict, reflections: dict) -> ModuleResult:
    """Grade every knowledge check in ``body`` against ``answers`` (answer_key -> choice index)
    and require a reflection for every on-the-job assignment."""
    result = ModuleResult()
    for block in body:
        if block.block_type == "knowledge_check":
            questions = []
            for index, question in enumerate(block.value["questions"]):
                key = answer_key(block.id, index)
                choices = [choice["text"] for choice in question["choices"]]
                correct = next(i for i, choice in enumerate(question["choices"]) if choice["correct"])
                chosen = parse_choice(answers.get(key))
                if chosen is not None and chosen >= len(choices):
                    chosen = None
                if chosen is None:
                    result.missing_answers.append(key)
                questions.append(
                    QuestionResult(key, question["question"], choices, chosen, correct, question["explanation"])
                )
            result.checks.append(CheckResult(block.id, block.value["title"], block.value["pass_mark"], questions))
        elif block.block_type == "assignment" and not str(reflections.get(block.id, "")).strip():
            result.reflection_errors[block.id] = _("Schrijf je reflectie op om deze opdracht af te ronden.")
    return result
