"""The geometry of the circles' bar charts (circles/charts.py), without a database."""

from circles import charts


def test_bars_are_proportional_to_a_round_top_of_the_scale():
    chart = charts.bar_chart(rows=[("Gemeente", [7]), ("Provincie", [3])], series=["Leden"])
    gemeente, provincie = chart["rows"]
    assert [value for value, _x in chart["ticks"]] == [0, 2, 4, 6, 8]
    assert gemeente.bars[0].width == charts.AREA_W * 7 / 8
    assert provincie.bars[0].width == charts.AREA_W * 3 / 8
    assert chart["legend"] == []
    assert chart["height"] == chart["bottom"] + charts.AXIS_H


def test_several_series_get_a_legend_and_a_look_each():
    chart = charts.bar_chart(
        rows=[("12-03-2026 Het takenpakket", [30, 4, 25])], series=["Aangemeld", "Wachtlijst", "Aanwezig"]
    )
    assert [item.series for item in chart["legend"]] == ["Aangemeld", "Wachtlijst", "Aanwezig"]
    bars = chart["rows"][0].bars
    assert len({(bar.css_class, bar.style) for bar in bars}) == 3
    assert bars[0].y < bars[1].y < bars[2].y
    assert chart["top"] > 0


def test_long_labels_are_shortened_in_the_chart_only():
    label = "01-12-2026 Functie- en taakbeschrijving van de projectondersteuner"
    row = charts.bar_chart(rows=[(label, [1])], series=["Aantal"])["rows"][0]
    assert row.label == label
    assert len(row.short_label) == charts.MAX_LABEL
    assert row.short_label.endswith("…")


def test_an_empty_or_all_zero_chart_still_has_a_scale():
    assert charts.bar_chart(rows=[], series=["Aantal"])["ticks"] == [
        (0, charts.LABEL_W),
        (1, charts.LABEL_W + charts.AREA_W),
    ]
    zero = charts.bar_chart(rows=[("5", [0])], series=["Aantal"])
    assert zero["rows"][0].bars[0].width == 0


def test_large_numbers_get_round_steps():
    chart = charts.bar_chart(rows=[("Aangemeld", [118])], series=["Aantal"])
    assert [value for value, _x in chart["ticks"]] == [0, 50, 100, 150]
