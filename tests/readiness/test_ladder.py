"""The ladder picture: its geometry, and the SVG with its list twin. The role profiles are
never saved (a page asks the database for its content type when it is made, nothing more)."""

import re
from types import SimpleNamespace

import pytest
from django.template.loader import render_to_string

from careers.models import CareerPath, Family, PMOLevel, RoleProfilePage
from readiness.charts import COL_GAP, RUNG_W, ladder_chart


def profile(pk, title, family=Family.MANAGEMENT_SUPPORT, scale=None, pmo_level=""):
    return RoleProfilePage(pk=pk, title=title, family=family, salary_scale=scale, pmo_level=pmo_level, live=True)


@pytest.fixture
def p(db):
    profiles = {f"mo{n}": profile(n, f"MO schaal {n}", scale=n) for n in (6, 7, 8, 9)}
    profiles["support"] = profile(20, "Projectondersteuner", Family.PROJECT_SUPPORT, scale=8)
    profiles["practical"] = profile(30, "PMO praktisch", Family.PMO, pmo_level=PMOLevel.PRACTICAL)
    profiles["tactical"] = profile(31, "PMO tactisch", Family.PMO, pmo_level=PMOLevel.TACTICAL)
    return SimpleNamespace(all=list(profiles.values()), **profiles)


def column_titles(chart):
    return [(c["label"], [r.profile.title for r in c["rungs"]]) for c in chart["columns"]]


def test_one_family_highest_rung_on_top_with_the_current_role_and_the_step_marked(p):
    chart = ladder_chart(profiles=p.all, current=p.mo7, targets=[(p.mo8, CareerPath.Kind.GROWTH)])
    ladder = ["MO schaal 9", "MO schaal 8", "MO schaal 7", "MO schaal 6"]
    assert column_titles(chart) == [("Managementondersteuning", ladder)]
    marks = {r.profile.title: (r.mark, r.kind) for r in chart["rungs"]}
    assert marks["MO schaal 7"] == ("current", None)
    assert marks["MO schaal 8"] == ("target", "growth")
    assert marks["MO schaal 9"] == ("", None)
    [arrow] = chart["arrows"]
    # Within a column the arrow runs along the column's left side, clear of the rungs.
    current, target = (next(r for r in chart["rungs"] if r.mark == mark) for mark in ("current", "target"))
    assert min(x for x, _y in arrow.points) < current.x
    assert arrow.points[0] == (current.x, current.cy)
    assert arrow.points[-1] == (target.x, target.cy)
    assert not arrow.lateral


def test_a_step_into_another_family_adds_its_column_after_the_current_one(p):
    lateral = CareerPath.Kind.LATERAL
    chart = ladder_chart(profiles=p.all, current=p.mo9, targets=[(p.practical, lateral), (p.support, lateral)])
    # The current family first, then the others in the order of the career map.
    assert [label for label, _titles in column_titles(chart)] == [
        "Managementondersteuning",
        "PMO",
        "Projectondersteuning",
    ]
    to_pmo, to_support = chart["arrows"]
    assert to_pmo.lateral
    assert to_support.lateral
    first_column_end = chart["columns"][0]["rungs"][0].x + RUNG_W
    # To the next column through the gap between the two.
    assert all(first_column_end <= x <= first_column_end + COL_GAP for x, _y in to_pmo.points[1:-1])
    # To a column further on along the lane above the rungs, never across a rung.
    top = min(r.y for r in chart["rungs"])
    assert any(y < top for _x, y in to_support.points)
    assert to_support.points[-1][0] == chart["columns"][2]["rungs"][0].x


def test_without_a_current_role_only_the_target_is_marked_and_nothing_points_at_it(p):
    chart = ladder_chart(profiles=p.all, current=None, targets=[(p.tactical, None)])
    assert column_titles(chart) == [("PMO", ["PMO tactisch", "PMO praktisch"])]
    assert [(r.profile.title, r.mark) for r in chart["rungs"]] == [("PMO tactisch", "target"), ("PMO praktisch", "")]
    assert chart["arrows"] == []


def test_a_current_role_that_is_no_longer_published_still_shows(p):
    old = profile(40, "Secretaresse", scale=6)
    chart = ladder_chart(profiles=p.all, current=old, targets=[(p.mo7, None)])
    assert "Secretaresse" in column_titles(chart)[0][1]


def test_the_current_role_as_target_is_the_current_role(p):
    chart = ladder_chart(profiles=p.all, current=p.mo7, targets=[(p.mo7, None)])
    assert [r.mark for r in chart["rungs"] if r.profile == p.mo7] == ["current"]
    assert chart["arrows"] == []


def test_nothing_to_draw(p):
    assert ladder_chart(profiles=p.all, current=None, targets=[])["columns"] == []


@pytest.fixture
def rendered(p):
    chart = ladder_chart(profiles=p.all, current=p.mo7, targets=[(p.mo8, "growth"), (p.support, "lateral")])
    return render_to_string("readiness/components/ladder.html", {"ladder": chart})


def test_the_svg_is_an_image_with_a_title_and_a_description(rendered):
    svg = re.search(r"<svg[^>]*>", rendered).group(0)
    assert 'role="img"' in svg
    assert 'aria-labelledby="ladder-titel ladder-desc"' in svg
    desc = re.search(r'<desc id="ladder-desc">(.*?)</desc>', rendered, re.S).group(1)
    assert "MO schaal 7 (je huidige functie)" in desc
    assert "MO schaal 8 (volgende stap)" in desc
    assert "Projectondersteuner (volgende stap)" in desc
    assert rendered.count("<polyline") == 2
    assert rendered.count("spil-map__edge--lateral") == 1


def test_the_list_twin_says_the_same_in_words(rendered):
    twin = rendered[rendered.index("</figure>") :]
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", twin))
    assert "MO schaal 7 (schaal 7): je huidige functie" in text
    assert "MO schaal 8 (schaal 8): volgende stap (doorgroei)" in text
    assert "Projectondersteuner (schaal 8): volgende stap (zijstap)" in text
    assert "Projectondersteuning, van hoog naar laag" in text
