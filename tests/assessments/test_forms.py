"""The level-choice form the self-assessment's steps and the second opinion share."""

import pytest

from assessments.forms import CHOOSE_A_LEVEL, LevelsForm

pytestmark = pytest.mark.django_db


def test_levels_are_kept_when_others_are_missing_or_nonsense(scan):
    first, second, third = scan["statements"][:3]
    form = LevelsForm({f"statement-{first.pk}": "3", f"statement-{second.pk}": "9"}, statements=[first, second, third])
    assert not form.is_valid()
    assert form.levels == {first.pk: 3}
    assert [(statement, chosen, error) for statement, chosen, error in form.rows] == [
        (first, "3", None),
        (second, "9", CHOOSE_A_LEVEL),
        (third, "", CHOOSE_A_LEVEL),
    ]


def test_an_unbound_form_shows_the_levels_chosen_before(scan):
    first, second = scan["statements"][:2]
    form = LevelsForm(statements=[first, second], initial={f"statement-{first.pk}": 2})
    assert [chosen for _statement, chosen, _error in form.rows] == ["2", ""]
    assert not form.errors


@pytest.mark.parametrize("raw", ["0", "5", "1.0", " 2", "twee", ""])
def test_only_the_four_levels_count(scan, raw):
    statement = scan["statements"][0]
    form = LevelsForm({f"statement-{statement.pk}": raw}, statements=[statement])
    assert form.levels == {}
