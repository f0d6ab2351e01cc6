"""The tables of the HR insights dashboard, by key: what the dashboard shows beside each chart,
and what the exports (insights.exports) write as CSV and XLSX.

A table's ``rows(scope)`` reads the database afresh (exports are never cached) and yields
plain values: str, int, float, date, None. The dashboard renders the same rows from its
(cached) ``Dashboard`` through ``dashboard_tables``, so a chart, its table and the download
always hold the same numbers."""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from people.models import User

from . import selectors
from .filters import Scope


@dataclass(frozen=True)
class Table:
    key: str  # URL-safe slug
    title: str  # translatable (lazy)
    columns: tuple  # translatable column headings (lazy)
    rows: Callable[[Scope], Iterable[tuple]]  # streams rows of plain values
    count: Callable[[Scope], int]  # number of rows, cheap (for deciding background export)


def _reading(read) -> Callable[[Scope], Iterable[tuple]]:
    """``rows`` for a selector taking (scope, adviser, today). An adviser who is gone or no
    longer active sees nothing; one who no longer advises an organisation sees nothing of
    it (the selectors ask ``people.selectors`` again)."""

    def rows(scope: Scope) -> Iterable[tuple]:
        adviser = User.objects.filter(pk=scope.adviser_id, is_active=True).first()
        if adviser is None:
            return iter(())
        return iter(read(scope=scope, adviser=adviser, today=timezone.localdate()))

    return rows


def _counting(rows: Callable[[Scope], Iterable[tuple]]) -> Callable[[Scope], int]:
    """``count`` of a table of aggregates: a few dozen rows at most, as cheap to make as to count."""
    return lambda scope: sum(1 for _row in rows(scope))


def _table(key: str, title, columns: tuple, read) -> Table:
    rows = _reading(read)
    return Table(key=key, title=title, columns=columns, rows=rows, count=_counting(rows))


def _overdue_rows(*, scope, adviser, today):
    values = selectors.overdue_assignments(scope=scope, adviser=adviser, today=today)
    return selectors.overdue_rows(values.iterator(chunk_size=1000), today=today)


def _overdue_count(scope: Scope) -> int:
    adviser = User.objects.filter(pk=scope.adviser_id, is_active=True).first()
    if adviser is None:
        return 0
    return selectors.overdue_assignments(scope=scope, adviser=adviser, today=timezone.localdate()).count()


_LIST = [
    _table(
        "kerncijfers",
        _("Kerncijfers"),
        (_("Cijfer"), _("Aantal")),
        lambda **kwargs: selectors.build_dashboard(**kwargs).figures(),
    ),
    _table(
        "per-maand",
        _("Per maand"),
        (_("Maand"), _("Afgeronde leergangen"), _("Opdrachten te laat aan het eind van de maand")),
        selectors.monthly_trend,
    ),
    _table(
        "leergangen",
        _("Afronding per leergang"),
        (_("Leergang"), _("Ingeschreven"), _("Afgerond"), _("Afgerond (%)")),
        lambda *, scope, adviser, today: selectors.track_completion(scope=scope, adviser=adviser),
    ),
    _table(
        "leerpaden",
        _("Afronding per leerpad"),
        (_("Leerpad"), _("Toegewezen"), _("Afgerond"), _("Te laat"), _("Afgerond (%)")),
        selectors.path_completion,
    ),
    Table(
        key="te-laat",
        title=_("Opdrachten te laat"),
        columns=(
            _("Naam"),
            _("E-mailadres"),
            _("Organisatie"),
            _("Opdracht"),
            _("Soort"),
            _("Uiterste datum"),
            _("Dagen te laat"),
        ),
        rows=_reading(_overdue_rows),
        count=_overdue_count,
    ),
    _table(
        "certificaten",
        _("Certificaten"),
        (_("Leergang of leerpad"), _("Uitgegeven"), _("Verloopt binnen 90 dagen"), _("Ingetrokken")),
        lambda *, scope, adviser, today: selectors.certificate_counts(scope=scope, adviser=adviser),
    ),
    _table(
        "leerkringen",
        _("Leerkringen"),
        (_("Leerkring"), _("Leden"), _("Deelnemers aanwezig"), _("Keer aanwezig"), _("Keer afwezig"), _("Uren")),
        lambda *, scope, adviser, today: selectors.circle_attendance(scope=scope, adviser=adviser),
    ),
    _table(
        "loopbaanstappen",
        _("Loopbaanstappen"),
        (_("Van"), _("Naar"), _("Aantal")),
        lambda *, scope, adviser, today: selectors.career_steps(scope=scope, adviser=adviser),
    ),
    _table(
        "competenties",
        _("Competenties uit gedeelde zelfscans"),
        (
            _("Organisatie"),
            _("Zelfscan"),
            _("Competentie"),
            _("Gemiddeld niveau"),
            _("Gevraagd niveau"),
            _("Verschil"),
        ),
        lambda *, scope, adviser, today: selectors.competency_rows(scope=scope, adviser=adviser),
    ),
]

TABLES: dict[str, Table] = {item.key: item for item in _LIST}


def table(key: str) -> Table | None:
    return TABLES.get(key)


# On the dashboard ------------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    text: str
    numeric: bool = False
    css_class: str = ""


@dataclass(frozen=True)
class Shown:
    """A table as the dashboard shows it: the table (its key, title and columns, for the
    caption and the download links) and its rows as cells."""

    table: Table
    rows: list[list[Cell]]

    @property
    def headings(self) -> list[tuple[str, bool]]:
        """Per column: its heading, and whether it holds numbers (the heading aligns with them)."""
        numeric = [False] * len(self.table.columns)
        for row in self.rows:
            for index, shown in enumerate(row):
                numeric[index] = numeric[index] or shown.numeric
        return list(zip(self.table.columns, numeric, strict=True))


def cell(value) -> Cell:
    if value is None:
        return Cell("\u2013")  # an en dash: no value
    if isinstance(value, bool):
        return Cell(str(value))
    if isinstance(value, int):
        return Cell(formats.number_format(value, force_grouping=True), numeric=True)
    if isinstance(value, float):
        return Cell(formats.number_format(value, decimal_pos=1, force_grouping=True), numeric=True)
    if isinstance(value, datetime.date):
        return Cell(formats.date_format(value, "j F Y"))
    return Cell(str(value))


def _heat(gap) -> str:
    """The colour of a gap in the competency table, as on the self-assessment overview."""
    if gap is None:
        return ""
    if gap >= 1:
        return "spil-heat--high"
    return "spil-heat--mid" if gap > 0 else "spil-heat--ok"


def cells(key: str, row: tuple) -> list[Cell]:
    shown = [cell(value) for value in row]
    if key == "per-maand":
        shown[0] = Cell(formats.date_format(row[0], "F Y"))
    elif key == "competenties":
        shown[5] = Cell(shown[5].text, numeric=True, css_class=_heat(row[5]))
    elif key == "te-laat":
        shown[6] = Cell(shown[6].text, numeric=True, css_class="spil-late")
    return shown


def dashboard_tables(dashboard: selectors.Dashboard) -> dict[str, Shown]:
    """Every table of the dashboard from its figures, by key with "_" for "-" (for template
    lookups). The overdue assignments are the first ``selectors.OVERDUE_ROWS``; the
    download has them all."""
    rows = {
        "kerncijfers": dashboard.figures(),
        "per-maand": dashboard.months,
        "leergangen": dashboard.tracks,
        "leerpaden": dashboard.paths,
        "te-laat": dashboard.overdue_rows,
        "certificaten": dashboard.certificates,
        "leerkringen": dashboard.circles,
        "loopbaanstappen": dashboard.steps,
        "competenties": dashboard.competency_rows,
    }
    return {key.replace("-", "_"): Shown(TABLES[key], [cells(key, row) for row in rows[key]]) for key in TABLES}
