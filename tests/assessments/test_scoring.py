"""Scoring and gaps over the edge cases, without a database."""

from assessments.scoring import Gap, compare, competency_levels, gaps_only

NAMES = {1: "Plannen", 2: "Notuleren", 3: "Risico's", 4: "Budget"}


def test_level_is_the_mean_of_the_statements():
    assert competency_levels([(1, 2), (1, 3), (2, 4)]) == {1: 2.5, 2: 4.0}


def test_a_competency_without_answers_has_no_level():
    levels = competency_levels([(1, 2), (2, None)])
    assert levels == {1: 2.0}
    rows = compare(names=NAMES, levels=levels, requirements={1: 3, 2: 3})
    not_assessed = next(r for r in rows if r.competency_id == 2)
    assert not not_assessed.assessed
    assert not_assessed.size == 0
    assert [g.competency_id for g in gaps_only(rows)] == [1]


def test_no_requirement_means_no_gap():
    rows = compare(names=NAMES, levels={1: 1.0, 2: 1.0}, requirements={1: 2})
    assert {r.competency_id: r.size for r in rows} == {1: 1.0, 2: 0.0}
    assert next(r for r in rows if r.competency_id == 2).required is None


def test_above_the_requirement_is_no_negative_gap():
    assert Gap(1, "Plannen", level=4.0, required=2).size == 0.0


def test_largest_gap_first_and_ties_by_requirement_then_name():
    rows = compare(
        names=NAMES,
        levels={1: 1.0, 2: 2.0, 3: 2.0, 4: 1.0},
        requirements={1: 3, 2: 3, 3: 3, 4: 2},
    )
    assert [(r.name, r.size) for r in gaps_only(rows)] == [
        ("Plannen", 2.0),
        ("Notuleren", 1.0),
        ("Risico's", 1.0),
        ("Budget", 1.0),
    ]


def test_requirements_of_competencies_not_asked_are_listed_as_not_assessed():
    rows = compare(names=NAMES, levels={1: 2.0}, requirements={1: 2, 3: 4})
    assert [(r.competency_id, r.assessed) for r in rows] == [(3, False), (1, True)]
    assert gaps_only(rows) == []


def test_unknown_competencies_are_ignored():
    assert compare(names=NAMES, levels={99: 2.0}, requirements={98: 3}) == []
