"""Geometry for the circles' SVG bar charts. Templates draw; this module only measures.

One shape serves every chart of a circle (registrations per session, members by kind of
organisation, feedback scores, intake answers): a row per label with a horizontal bar per
series, the number written at the end of each bar, so the chart reads without colour. Each
chart stands beside a table with the same numbers (templates/circles/organiser/components/).
"""

import math
from dataclasses import dataclass

from django.utils.translation import gettext as _

LABEL_W, AREA_W, VALUE_W = 240, 320, 48
BAR_H, BAR_GAP, ROW_GAP, AXIS_H = 14, 3, 14, 26
# The look of each series, in order: (class, style). The theme has two bar colours; the light
# one gets an outline so it stands out against the page, the third series is green.
SERIES_LOOKS = (
    ("spil-chart__bar", ""),
    ("spil-chart__bar spil-chart__bar--second", ""),
    ("spil-chart__bar spil-chart__bar--third", ""),
)
MAX_LABEL = 32


@dataclass(frozen=True)
class Bar:
    series: str
    css_class: str
    style: str
    value: float
    y: int
    width: float

    @property
    def text_x(self) -> float:
        return LABEL_W + self.width + 6

    @property
    def text_y(self) -> int:
        return self.y + BAR_H - 3


@dataclass(frozen=True)
class Row:
    label: str
    short_label: str
    y: int
    label_y: int
    bars: list[Bar]


@dataclass(frozen=True)
class Legend:
    series: str
    css_class: str
    style: str
    x: int


def _nice_step(maximum: float) -> int:
    """A round step for at most five grid lines (1, 2, 5, 10, 20, 50, ...)."""
    raw = max(maximum / 5, 1)
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * power:
            return int(factor * power)
    return int(10 * power)


def _shorten(label: str) -> str:
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1].rstrip() + "…"


def bar_chart(*, rows: list[tuple[str, list[float]]], series: list[str]) -> dict:
    """``rows``: (label, one value per series). Returns the rows with their bars, the grid
    and a legend (when there is more than one series), sized for a viewBox."""
    maximum = max((value for _label, values in rows for value in values), default=0)
    step = _nice_step(maximum)
    top = math.ceil(maximum / step) * step if maximum else step
    legend_h = 28 if len(series) > 1 else 0
    row_h = len(series) * (BAR_H + BAR_GAP) - BAR_GAP + ROW_GAP
    chart_rows = []
    for index, (label, values) in enumerate(rows):
        y = legend_h + index * row_h
        bars = [
            Bar(
                series=name,
                css_class=SERIES_LOOKS[n % len(SERIES_LOOKS)][0],
                style=SERIES_LOOKS[n % len(SERIES_LOOKS)][1],
                value=value,
                y=y + n * (BAR_H + BAR_GAP),
                width=AREA_W * value / top,
            )
            for n, (name, value) in enumerate(zip(series, values, strict=True))
        ]
        label_y = y + (row_h - ROW_GAP) // 2 + 5
        chart_rows.append(Row(label=label, short_label=_shorten(label), y=y, label_y=label_y, bars=bars))
    plot_bottom = legend_h + len(rows) * row_h
    return {
        "rows": chart_rows,
        "series": series,
        "legend": [
            Legend(
                series=name,
                css_class=SERIES_LOOKS[n % len(SERIES_LOOKS)][0],
                style=SERIES_LOOKS[n % len(SERIES_LOOKS)][1],
                x=LABEL_W + n * 110,
            )
            for n, name in enumerate(series)
        ]
        if legend_h
        else [],
        "x0": LABEL_W,
        "top": legend_h,
        "bottom": plot_bottom,
        "bar_h": BAR_H,
        "width": LABEL_W + AREA_W + VALUE_W,
        "height": plot_bottom + AXIS_H,
        "ticks": [(value, LABEL_W + AREA_W * value / top) for value in range(0, top + 1, step)],
    }


def intake_charts(results) -> list[tuple]:
    """Each intake result (circles.attendance.IntakeResult) with its chart."""
    series = [_("Antwoorden")]
    return [(result, bar_chart(rows=[(label, [n]) for label, n in result.rows], series=series)) for result in results]


def rating_chart(summary) -> dict:
    """The ratings of a circles.attendance.FeedbackSummary, 5 down to 1."""
    return bar_chart(rows=[(str(rating), [count]) for rating, count in summary.distribution], series=[_("Aantal")])
