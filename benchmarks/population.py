"""A realistic population for the benchmarks of many organisations, on PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/spil_bench_pop \\
        .venv/bin/python -m benchmarks.population [--reset] [--scale S] [--users N] [--progress N] ...

The full size (the default, ``--scale 1``): 40 organisations of very unequal size (one ministry
with about 23% of the people, other ministries, uitvoeringsorganisaties, provincies, waterschappen
and gemeenten), 100,000 people with memberships (learner, HR adviser, circle organiser) in teams,
a current role and a career history, 200 learning tracks with about 1,500 modules, 30 learning
paths, assignments with due dates (some overdue) in batches, enrolments (some requested or
declined), 1,000,000 module-progress rows, self-assessment attempts with 300,000 answers (some
shared with the organisation), 50,000 certificates (valid, expiring, expired, superseded,
revoked) and learning circles with sessions, registrations and attendance.

- The database is the one ``DATABASE_URL`` names (PostgreSQL only: the big tables are written
  with ``COPY``). It is migrated and gets the site first. It must hold no people yet: a second
  run refuses, unless ``--reset`` drops and recreates the database (only a database whose name
  starts with ``spil_bench``) and starts over. ``hr_insights`` then reads the same database.
- Competencies, methods, role profiles, career paths, the self-assessments and the certificate
  templates are the demo's content (``demo.content``), so names and levels are real ones.
- Pages (role profiles, self-assessments, tracks, modules) are written as ``add_child`` leaves
  the tree, in bulk (``bulk_pages``), without revisions; the few index and circle pages go
  through ``add_child``. Everything else is written with ``COPY`` (``bulk_create`` for small
  tables), bypassing the services: no mail, no PDF, no signed credential (``pdf`` empty,
  ``credential`` null), so the rows are what the services would have left, not how they got
  there. Foreign keys are checked in bulk (``copy_rows``).
- Deterministic: the same ``--seed`` on the same day gives the same rows (dates count back from
  the start of the day of the run, so "overdue" and "expiring" mean the same on every run).
- ``--modules-per-track`` 7.5 (the default) gives each track 4 to 11 modules; another value
  gives each track that many.

``generate(sizes, seed=...)`` is the part the tests call on their own (test) database.
"""

from __future__ import annotations

import argparse
import base64
import bisect
import contextlib
import datetime
import gc
import itertools
import json
import math
import os
import random
import sys
import tempfile
import time
import unicodedata
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from benchmarks.harness import POSTGRES_SCHEMES, ROOT, print_table

# Sizes ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sizes:
    """How much of everything. ``scaled(s)`` multiplies the counts of people and their rows by
    ``s``; the catalogue (tracks, paths, circles) shrinks with it but not below a usable floor."""

    organisations: int = 40
    users: int = 100_000
    tracks: int = 200
    modules_per_track: float = 7.5
    paths: int = 30
    progress: int = 1_000_000
    answers: int = 300_000
    certificates: int = 50_000
    circles: int = 8
    sessions_per_circle: int = 24

    @classmethod
    def scaled(cls, scale: float, **overrides: Any) -> Sizes:
        full = cls()

        def people(n: int, floor: int) -> int:
            return max(floor, round(n * scale))

        def catalogue(n: int, floor: int) -> int:
            return max(floor, min(n, round(n * math.sqrt(scale))))

        sizes = cls(
            organisations=max(3, min(full.organisations, round(full.organisations * math.sqrt(scale)))),
            users=people(full.users, 30),
            tracks=catalogue(full.tracks, 6),
            paths=catalogue(full.paths, 2),
            progress=people(full.progress, 100),
            answers=people(full.answers, 50),
            certificates=people(full.certificates, 10),
            circles=catalogue(full.circles, 1),
            sessions_per_circle=max(
                4, min(full.sessions_per_circle, round(full.sessions_per_circle * math.sqrt(scale)))
            ),
        )
        return replace(sizes, **{name: value for name, value in overrides.items() if value is not None})


# Progress and report -------------------------------------------------------------------


class Progress:
    """A one-line progress bar on stderr: label, count, percentage, rows per second. On a
    terminal it redraws at most five times a second; otherwise it prints at each quarter."""

    def __init__(self, label: str, total: int, *, enabled: bool = True) -> None:
        self.label, self.total, self.enabled = label, max(total, 1), enabled
        self.tty = sys.stderr.isatty()
        self.start = self.last = time.perf_counter()
        self.quarter = 0
        self.count = 0

    def update(self, count: int) -> None:
        self.count = count
        if not self.enabled:
            return
        now = time.perf_counter()
        if self.tty:
            if now - self.last >= 0.2:
                self.last = now
                self._draw(end="\r")
        elif (quarter := 4 * count // self.total) > self.quarter and quarter < 4:
            self.quarter = quarter
            self._draw(end="\n")

    def done(self, count: int | None = None) -> None:
        if count is not None:
            self.count = count
        if self.enabled:
            self._draw(end="\n")

    def _draw(self, *, end: str) -> None:
        elapsed = time.perf_counter() - self.start
        width = 24
        filled = min(width, width * self.count // self.total)
        rate = self.count / elapsed if elapsed > 0 else 0.0
        bar = "#" * filled + "." * (width - filled)
        line = (
            f"  {self.label:<28} [{bar}] {self.count:>9,}/{self.total:,} "
            f"{min(100, 100 * self.count // self.total):>3}% {rate:>9,.0f}/s {elapsed:6.1f}s"
        )
        print(line.ljust(100), end=end, file=sys.stderr, flush=True)


@dataclass
class Report:
    """Rows written and seconds taken, per table (in the order they were written)."""

    rows: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    progress: bool = True

    def add(self, table: str, rows: int, seconds: float) -> None:
        self.rows[table] = self.rows.get(table, 0) + rows
        self.seconds[table] = self.seconds.get(table, 0.0) + seconds

    @contextlib.contextmanager
    def timing(self, table: str) -> Iterator[list[int]]:
        """``with report.timing("table") as rows: ... rows.append(n)``"""
        counted: list[int] = []
        start = time.perf_counter()
        yield counted
        self.add(table, sum(counted), time.perf_counter() - start)

    def print(self) -> None:
        total = sum(self.seconds.values())
        print_table(
            ["table", "rows", "seconds", "rows/s"],
            [
                [
                    name,
                    f"{self.rows[name]:,}",
                    f"{self.seconds[name]:.1f}",
                    f"{self.rows[name] / max(self.seconds[name], 1e-9):,.0f}",
                ]
                for name in self.rows
            ]
            + [["total", f"{sum(self.rows.values()):,}", f"{total:.1f}", ""]],
        )


# Writing -------------------------------------------------------------------------------


def copy_rows(model: Any, columns: Sequence[str], rows: Iterable[Sequence[Any]], *, total: int, report: Report) -> int:
    """Write ``rows`` (values in the order of ``columns``, field names) into the model's table
    with PostgreSQL ``COPY ... FROM STDIN``; the primary keys are in the rows, so the table's
    id sequence is moved past them afterwards. Returns the number of rows.

    For ``total`` from BULK_CHECKS rows on, the table's foreign keys are dropped before and
    added again after (``generate`` runs with immediate constraints): adding a foreign key
    checks every row in one join, where the trigger of each would check them one by one."""
    from django.core.management.color import no_style
    from django.db import connection
    from psycopg import sql

    table = model._meta.db_table
    given = [model._meta.get_field(name) for name in columns]
    rest = constant_columns(model, given)
    names = [f.column for f in given] + [f.column for f, _value in rest]
    if rest:
        tail = tuple(value for _f, value in rest)
        rows = (tuple(row) + tail for row in rows)
    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, names))
    )
    bar = Progress(table, total, enabled=report.progress)
    start = time.perf_counter()
    count = 0
    with connection.cursor() as cursor:
        foreign_keys = []
        if total >= BULK_CHECKS:
            cursor.execute(
                "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
                " WHERE conrelid = %s::regclass AND contype = 'f' ORDER BY conname",
                [table],
            )
            foreign_keys = cursor.fetchall()
            for name, _definition in foreign_keys:
                cursor.execute(sql.SQL("ALTER TABLE {} DROP CONSTRAINT {}").format(*map(sql.Identifier, (table, name))))
        with cursor.cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row(row)
                count += 1
                if count % 5000 == 0:
                    bar.update(count)
        for name, definition in foreign_keys:  # Checks every row now; an orphan stops the run.
            cursor.execute(
                sql.SQL("ALTER TABLE {} ADD CONSTRAINT {} ").format(*map(sql.Identifier, (table, name)))
                + sql.SQL(definition)  # As PostgreSQL printed it, from its own catalogue.
            )
        for reset in connection.ops.sequence_reset_sql(no_style(), [model]):
            cursor.execute(reset)
    bar.done(count)
    report.add(table, count, time.perf_counter() - start)
    return count


def constant_columns(model: Any, given: Sequence[Any]) -> list[tuple[Any, Any]]:
    """The model's columns that ``given`` leaves out, each with the value every row gets: the
    field's default, or now for ``auto_now(_add)``; nullable ones stay NULL. So a field added to
    a model later (with a default, as a migration needs) does not break the generator."""
    from django.db import connection
    from django.utils import timezone

    rest = []
    for f in model._meta.local_concrete_fields:  # a page type's own table holds only its own
        if f in given or f.null:
            continue
        if f.has_default():
            value = f.get_default()
        elif getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
            value = timezone.now()
        elif f.blank and f.empty_strings_allowed:
            value = ""
        else:
            raise ValueError(f"{model.__name__}.{f.name} needs a value: add it to the generator")
        rest.append((f, f.get_db_prep_save(value, connection)))
    return rest


BULK_CHECKS = 2_000  # rows from which copy_rows checks the foreign keys in bulk


def next_id(model: Any) -> int:
    from django.db.models import Max

    return (model.objects.aggregate(top=Max("pk"))["top"] or 0) + 1


def weighted_picker(rng: random.Random, weights: Sequence[float]) -> Callable[[], int]:
    """A function returning an index with probability proportional to ``weights`` (O(log n))."""
    cumulative = list(itertools.accumulate(weights))
    top = cumulative[-1]
    return lambda: bisect.bisect_right(cumulative, rng.random() * top)


def moment(rng: random.Random, start: datetime.datetime, end: datetime.datetime) -> datetime.datetime:
    if end <= start:
        return start
    return start + (end - start) * rng.random()


def token(rng: random.Random) -> str:
    """A 43-character URL-safe token like ``secrets.token_urlsafe(32)``, from the seeded generator."""
    return base64.urlsafe_b64encode(rng.getrandbits(256).to_bytes(32, "big")).rstrip(b"=").decode()


DAY = datetime.timedelta(days=1)

# Names ---------------------------------------------------------------------------------

# (name, slug, kind), largest first; the first is the ministry with ~23% of the people.
ORGANISATIONS = [
    ("Ministerie van Binnenlandse Zaken en Koninkrijksrelaties", "bzk", "ministerie"),
    ("Rijkswaterstaat", "rws", "uitvoeringsorganisatie"),
    ("Gemeente Amsterdam", "amsterdam", "gemeente"),
    ("Ministerie van Financiën", "fin", "ministerie"),
    ("Gemeente Rotterdam", "rotterdam", "gemeente"),
    ("Ministerie van Justitie en Veiligheid", "jenv", "ministerie"),
    ("Gemeente Den Haag", "denhaag", "gemeente"),
    ("Ministerie van Infrastructuur en Waterstaat", "ienw", "ministerie"),
    ("Dienst Uitvoering Onderwijs", "duo", "uitvoeringsorganisatie"),
    ("Gemeente Utrecht", "utrecht", "gemeente"),
    ("Ministerie van Onderwijs, Cultuur en Wetenschap", "ocw", "ministerie"),
    ("Rijksdienst voor Ondernemend Nederland", "rvo", "uitvoeringsorganisatie"),
    ("Provincie Zuid-Holland", "zuid-holland", "provincie"),
    ("Provincie Noord-Holland", "noord-holland", "provincie"),
    ("Gemeente Eindhoven", "eindhoven", "gemeente"),
    ("Gemeente Groningen", "groningen", "gemeente"),
    ("Provincie Gelderland", "gelderland", "provincie"),
    ("Provincie Noord-Brabant", "noord-brabant", "provincie"),
    ("Gemeente Tilburg", "tilburg", "gemeente"),
    ("Gemeente Almere", "almere", "gemeente"),
    ("Gemeente Breda", "breda", "gemeente"),
    ("Gemeente Nijmegen", "nijmegen", "gemeente"),
    ("Provincie Utrecht", "provincie-utrecht", "provincie"),
    ("Centraal Bureau Rijvaardigheidsbewijzen", "cbr", "uitvoeringsorganisatie"),
    ("Provincie Overijssel", "overijssel", "provincie"),
    ("Gemeente Apeldoorn", "apeldoorn", "gemeente"),
    ("Gemeente Haarlem", "haarlem", "gemeente"),
    ("Gemeente Arnhem", "arnhem", "gemeente"),
    ("Gemeente Amersfoort", "amersfoort", "gemeente"),
    ("Gemeente Zaanstad", "zaanstad", "gemeente"),
    ("Hoogheemraadschap De Stichtse Rijnlanden", "hdsr", "waterschap"),
    ("Gemeente Zwolle", "zwolle", "gemeente"),
    ("Gemeente Leiden", "leiden", "gemeente"),
    ("Waterschap Vallei en Veluwe", "vallei-veluwe", "waterschap"),
    ("Gemeente Zeist", "zeist", "gemeente"),
    ("Gemeente Houten", "houten", "gemeente"),
    ("Gemeente Bunnik", "bunnik", "gemeente"),
    ("Gemeente Wijk bij Duurstede", "wijk-bij-duurstede", "gemeente"),
    ("Gemeente Renswoude", "renswoude", "gemeente"),
    ("Gemeente Vlieland", "vlieland", "gemeente"),
]
LARGEST_SHARE = 0.23

FIRST_NAMES = (  # noqa: SIM905 (a list of words reads better as words)
    "Anna Bram Chantal Daan Esther Fleur Gerard Hanneke Ilse Jeroen Karin Lars Marieke Noor Okke Petra "
    "Quinten Roos Sanne Thijs Ursula Vera Willem Yvonne Zoë Ahmed Fatima Mohamed Samira Youssef Priya "
    "Ravi Mei Kevin Linda Mark Sandra Peter Monique Erik Ingrid Joost Lotte Sven Femke Ruben Iris Tim "
    "Eva Jasper Nathalie Ricardo Naima Dewi Bas Wendy Hugo Maaike Kees Annelies"
).split()
INFIXES = ["", "", "", "", "", "van", "de", "van der", "van den", "ter", "van de", "den"]
LAST_NAMES = (  # noqa: SIM905 (a list of words reads better as words)
    "Jansen Bakker Visser Smit Meijer Mulder Bos Vos Peters Hendriks Dekker Brouwer Dijkstra Kok Willems "
    "Vermeulen Jacobs Schouten Hoekstra Koster Prins Huisman Kuipers Postma Vries Berg Wit Boer Graaf "
    "Veen Heuvel Linden Leeuwen Wal Maas Verhoeven Bosch Groot Scholten Sedney Kartosen Öztürk Yilmaz "
    "Amrani Bouzid Nguyen Tjon Pinas Wong Lopes Ramdin Autar Molenaar Timmermans Kramer Wouters Evers"
).split()
TEAMS = [
    "Programmabureau",
    "PMO",
    "Secretariaat directie",
    "Projectbureau",
    "Bestuursondersteuning",
    "Team Ruimte",
    "Team Sociaal Domein",
    "Informatievoorziening",
    "Financiën en control",
    "Bedrijfsvoering",
    "Team Wonen",
    "Team Mobiliteit",
    "Team Omgevingswet",
    "Directiesecretariaat",
    "Team Digitalisering",
]
# How common each role profile of the demo content is as a current role (others: 5).
PROFILE_WEIGHTS = {
    "projectondersteuner": 15,
    "project-management-assistent": 8,
    "programmaondersteuner": 6,
    "pmo-praktisch": 9,
    "pmo-tactisch": 7,
    "procesmentor": 3,
    "pmo-strategisch": 3,
    "managementondersteuner-schaal-5": 6,
    "managementondersteuner-schaal-6": 9,
    "managementondersteuner-schaal-7": 11,
    "managementondersteuner-schaal-8": 9,
    "managementondersteuner-schaal-9": 6,
    "directiesecretaris": 4,
}
TOPICS = [
    ("Notuleren en verslagleggen", "management-support"),
    ("Plannen met een Gantt-planning", "project-support"),
    ("Voortgangsrapportage", "project-support"),
    ("Risicomanagement in projecten", "pmo"),
    ("Budgetbewaking en uren", "pmo"),
    ("Prince2 Foundation", "pmo"),
    ("Agile en Scrum voor ondersteuners", "project-support"),
    ("Lean in de overheid", "pmo"),
    ("Documentbeheer en archivering", "project-support"),
    ("Stakeholdermanagement", "pmo"),
    ("Bestuurlijke besluitvorming", "management-support"),
    ("Agendabeheer voor bestuurders", "management-support"),
    ("Zakelijk schrijven", "management-support"),
    ("Excel voor rapportages", "project-support"),
    ("Projectadministratie", "project-support"),
    ("Portfoliomanagement", "pmo"),
    ("Kwaliteitsborging", "pmo"),
    ("Procesverbetering", "pmo"),
    ("Omgaan met weerstand", ""),
    ("Samenwerken in ketens", ""),
    ("Communicatie in projecten", ""),
    ("Politieke sensitiviteit", "management-support"),
    ("Informatieveiligheid en AVG", ""),
    ("Digitaal samenwerken", ""),
    ("Bijeenkomsten organiseren", "management-support"),
    ("Financiën voor niet-financials", ""),
    ("Contractmanagement", "pmo"),
    ("Aanbesteden voor ondersteuners", "project-support"),
    ("Feedback geven en ontvangen", ""),
    ("Timemanagement", ""),
    ("Secretariële ondersteuning van een directie", "management-support"),
    ("Programmamanagement voor ondersteuners", "pmo"),
    ("Datagedreven werken", "pmo"),
    ("Toegankelijk communiceren", ""),
    ("Intervisie voor ondersteuners", ""),
    ("Leerkring projectondersteuning", "project-support"),
    ("Het werk als PMO'er", "pmo"),
    ("Adviesvaardigheden", "pmo"),
    ("Persoonlijk leiderschap", ""),
    ("Loopbaan en ontwikkeling", ""),
]
LEVELS = ["basis", "verdieping", "praktijk", "masterclass", "opfrissen"]

# Generation ----------------------------------------------------------------------------


@dataclass
class World:
    """What the steps share: ids and facts kept in memory, so no step reads back what an
    earlier one wrote."""

    today: datetime.date
    anchor: datetime.datetime  # the start of today; every past moment lies before it
    organisations: list[Any] = field(default_factory=list)
    org_of: list[int] = field(default_factory=list)  # per user index: organisation index
    user_ids: list[int] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    joined: list[datetime.datetime] = field(default_factory=list)
    active: list[bool] = field(default_factory=list)
    team_of: list[str] = field(default_factory=list)
    members_of: list[list[int]] = field(default_factory=list)  # per organisation: user indexes
    advisers_of: list[list[int]] = field(default_factory=list)  # per organisation: user ids
    organisers: list[int] = field(default_factory=list)  # user ids
    profiles: list[Any] = field(default_factory=list)
    profile_of: dict[int, int] = field(default_factory=dict)  # user index -> profile id
    tracks: list[Track] = field(default_factory=list)
    paths: list[PathInfo] = field(default_factory=list)
    assigned: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))  # user index -> track ids
    completed: dict[int, dict[int, datetime.datetime]] = field(default_factory=lambda: defaultdict(dict))


@dataclass
class Track:
    id: int
    title: str
    modules: list[tuple[int, bool]]  # (module id, required)
    certificate_target: int | None  # the track a completion certifies
    validity_months: int | None
    approval: bool
    format: str
    study_load_hours: int
    summary: str
    competencies: list[str] = field(default_factory=list)


@dataclass
class PathInfo:
    id: int
    title: str
    description: str
    items: list[tuple[int, bool]]  # (track id, required)
    min_electives: int
    certificate: bool
    validity_months: int | None


def generate(sizes: Sizes, *, seed: int = 2026, progress: bool = True) -> Report:
    """Write the whole population into the current (migrated, empty of people) database.
    Returns the report of rows and seconds per table."""
    from django.db import connection, transaction
    from django.utils import timezone

    if connection.vendor != "postgresql":
        raise RuntimeError(f"the population is written with PostgreSQL's COPY; this database is {connection.vendor}")
    report = Report(progress=progress)
    today = timezone.localdate()
    anchor = timezone.make_aware(datetime.datetime.combine(today, datetime.time.min)).astimezone(datetime.UTC)
    world = World(today=today, anchor=anchor)

    def rng(step: str) -> random.Random:
        return random.Random(f"{seed}:{step}")  # noqa: S311 (test data, not secrets)

    start = time.perf_counter()
    # Millions of small objects stay alive until the end: the cyclic garbage collector would
    # walk them over and over for nothing (there are no cycles to find among them).
    collecting = gc.isenabled()
    gc.disable()
    try:
        with transaction.atomic():
            # Django's foreign keys are DEFERRABLE INITIALLY DEFERRED: left so, the checks of
            # two million rows would pile up until the commit. Immediate, they run per statement,
            # and copy_rows can drop and re-add the keys of a big table around its COPY.
            with connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            content(world, sizes, rng("content"), report)
            people(world, sizes, rng("people"), report)
            second_factors(world, rng("second factors"), report)
            careers(world, rng("careers"), report)
            catalogue(world, sizes, rng("catalogue"), report)
            paths(world, sizes, rng("paths"), report)
            assignments(world, rng("assignments"), report)
            enrolments = learning(world, sizes, rng("learning"), report)
            certificates(world, sizes, enrolments, rng("certificates"), report)
            self_assessments(world, sizes, rng("assessments"), report)
            circles(world, sizes, rng("circles"), report)
            assignment_status(report)
            with connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")  # back to Django's default
            written = time.perf_counter()
        report.add("(commit)", 0, time.perf_counter() - written)
    finally:
        if collecting:
            gc.enable()
    # What the tables' own lines leave out: choosing the rows in Python.
    report.add("(planning in Python)", 0, time.perf_counter() - start - sum(report.seconds.values()))
    return report


# Content from the demo: competencies, role profiles, career paths, self-assessments, templates.


def content(world: World, sizes: Sizes, rng: random.Random, report: Report) -> None:
    """The demo's own content (``demo.content``): competencies, methods, role profiles with
    their requirements, career paths, the two self-assessments and the certificate templates.
    Written in bulk (pages through ``bulk_pages``, without revisions), as the demo's seeders
    would leave them but some twenty times faster than publishing page by page."""
    from assessments.models import SelfAssessmentIndexPage, SelfAssessmentPage, Statement
    from careers.models import CareerPath, Competency, Method, RoleProfileIndexPage, RoleProfilePage
    from careers.models import RoleProfileRequirement as Requirement
    from certificates.models import CertificateTemplate
    from cms.models import HomePage
    from demo.content import assessments as assessment_content
    from demo.content import careers as career_content
    from demo.content import certificates as certificate_content

    start, counted = time.perf_counter(), sum(report.seconds.values())
    home = HomePage.objects.filter(depth=2).first()
    competencies = {
        c.slug: c for c in Competency.objects.bulk_create(Competency(**data) for data in career_content.COMPETENCIES)
    }
    methods = {
        m.name: m
        for m in Method.objects.bulk_create(
            Method(name=name, description=description) for name, description in career_content.METHODS
        )
    }
    index = home.add_child(instance=RoleProfileIndexPage(**career_content.INDEX_PAGE))
    fields_ = ["slug", "title", "family", "pmo_level", "salary_scale", "phasing_out", "summary", "job_titles"]
    profiles = [
        RoleProfilePage(
            **{name: data[name] for name in fields_},
            core_tasks=[("task", task) for task in data["core_tasks"]],
            first_published_at=world.anchor - datetime.timedelta(days=1500),
        )
        for data in career_content.PROFILES
    ]
    bulk_pages([(index, page) for page in profiles], rng=rng, report=report, label="role profiles")
    by_slug = {page.slug: page for page in profiles}
    Requirement.objects.bulk_create(
        Requirement(page=by_slug[data["slug"]], competency=competencies[slug], level=level, sort_order=position)
        for data in career_content.PROFILES
        for position, (slug, level) in enumerate(data["requirements"].items())
    )
    through = RoleProfilePage.methods.through
    through.objects.bulk_create(
        through(roleprofilepage_id=by_slug[data["slug"]].pk, method_id=methods[name].pk)
        for data in career_content.PROFILES
        for name in data["methods"]
    )
    CareerPath.objects.bulk_create(
        CareerPath(from_profile=by_slug[a], to_profile=by_slug[b], kind=kind, description=description)
        for a, b, kind, description in career_content.PATHS
    )
    index = home.add_child(instance=SelfAssessmentIndexPage(**assessment_content.INDEX_PAGE))
    fields_ = ["slug", "title", "introduction", "minutes"]
    assessments = [
        SelfAssessmentPage(**{name: data[name] for name in fields_}) for data in assessment_content.ASSESSMENTS
    ]
    bulk_pages([(index, page) for page in assessments], rng=rng, report=report, label="self-assessments")
    Statement.objects.bulk_create(
        Statement(page=page, competency=competencies[slug], text=text, sort_order=position)
        for page, data in zip(assessments, assessment_content.ASSESSMENTS, strict=True)
        for position, (slug, text) in enumerate(data["statements"])
    )
    through = SelfAssessmentPage.role_profiles.through
    through.objects.bulk_create(
        through(selfassessmentpage_id=page.pk, roleprofilepage_id=by_slug[slug].pk)
        for page, data in zip(assessments, assessment_content.ASSESSMENTS, strict=True)
        for slug in data["role_profiles"]
    )
    CertificateTemplate.objects.bulk_create(
        CertificateTemplate(**data, is_default=True) for data in certificate_content.TEMPLATES
    )
    world.profiles = profiles
    rows = len(competencies) + len(methods) + len(profiles) + len(assessments) + len(career_content.PATHS)
    own = time.perf_counter() - start - (sum(report.seconds.values()) - counted)  # less the page lines
    report.add("demo content (competencies, profiles, ...)", rows, own)


# People: organisations, users, memberships -----------------------------------------------


def organisation_sizes(total: int, count: int) -> list[int]:
    """People per organisation: the first gets LARGEST_SHARE, the others a Zipf share of the
    rest (exponent 1.1), rounded by largest remainder; each at least 3."""
    rest = [1 / (rank**1.1) for rank in range(1, count)]
    shares = [LARGEST_SHARE] + [(1 - LARGEST_SHARE) * w / sum(rest) for w in rest]
    exact = [total * share for share in shares]
    sizes = [int(x) for x in exact]
    for i in sorted(range(count), key=lambda i: exact[i] - sizes[i], reverse=True)[: total - sum(sizes)]:
        sizes[i] += 1
    for i in range(count):  # Small runs: every organisation has someone to advise and to be advised.
        while sizes[i] < 3:
            sizes[i] += 1
            sizes[sizes.index(max(sizes))] -= 1
    return sizes


def people(world: World, sizes: Sizes, rng: random.Random, report: Report) -> None:
    from django.contrib.auth.hashers import make_password

    from people.models import Membership, Organisation, User

    if sizes.organisations > len(ORGANISATIONS):
        raise ValueError(f"at most {len(ORGANISATIONS)} organisations")
    anchor = world.anchor
    with report.timing(Organisation._meta.db_table) as rows:
        world.organisations = Organisation.objects.bulk_create(
            Organisation(name=name, slug=slug, kind=kind) for name, slug, kind in ORGANISATIONS[: sizes.organisations]
        )
        rows.append(len(world.organisations))
    count = sizes.users
    per_org = organisation_sizes(count, sizes.organisations)
    org_of = [i for i, n in enumerate(per_org) for _ in range(n)]
    rng.shuffle(org_of)  # The organisations' people joined interleaved, not one after another.
    world.org_of = org_of
    first_id = next_id(User)
    world.user_ids = list(range(first_id, first_id + count))
    world.members_of = [[] for _ in world.organisations]
    for u, o in enumerate(org_of):
        world.members_of[o].append(u)
    teams_of_org = [
        [
            f"{TEAMS[t % len(TEAMS)]}{'' if t < len(TEAMS) else f' {t // len(TEAMS) + 1}'}"
            for t in range(max(1, min(60, n // 150)))
        ]
        for n in per_org
    ]
    unusable = make_password(None)
    four_years = anchor - datetime.timedelta(days=4 * 365)
    for u in range(count):
        first, infix, last = rng.choice(FIRST_NAMES), rng.choice(INFIXES), rng.choice(LAST_NAMES)
        world.names.append(" ".join(part for part in (first, infix, last) if part))
        world.joined.append(moment(rng, four_years, anchor - DAY))
        world.active.append(rng.random() > 0.02)
        teams = teams_of_org[org_of[u]]
        world.team_of.append("" if rng.random() < 0.1 else rng.choice(teams))

    def user_rows() -> Iterator[tuple]:
        for u, user_id in enumerate(world.user_ids):
            name = world.names[u]
            local = unicodedata.normalize("NFKD", name.lower()).encode("ascii", "ignore").decode().replace(" ", ".")
            email = f"{local}.{user_id}@{world.organisations[org_of[u]].slug}.example.org"
            language = "en" if rng.random() < 0.05 else "nl"
            yield (user_id, unusable, None, False, email, name, language, False, world.active[u], world.joined[u])

    copy_rows(
        User,
        [
            "id",
            "password",
            "last_login",
            "is_superuser",
            "email",
            "full_name",
            "preferred_language",
            "is_staff",
            "is_active",
            "date_joined",
        ],
        user_rows(),
        total=count,
        report=report,
    )

    # Memberships: everyone a learner of their organisation; 1% also of a second one (seconded);
    # about one in 250 (at least one per organisation) HR adviser too; a few circle organisers.
    memberships: list[tuple] = []
    for o, members in enumerate(world.members_of):
        active = [u for u in members if world.active[u]] or members
        advisers = rng.sample(active, min(len(active), max(1, round(len(members) / 250))))
        world.advisers_of.append([world.user_ids[u] for u in advisers])
        for u in advisers:
            memberships.append((u, o, Membership.Role.HR, "HR-advies"))
    organisers = rng.sample(range(count), min(count, max(2, sizes.circles * 2)))
    world.organisers = [world.user_ids[u] for u in organisers]
    for u in organisers:
        memberships.append((u, world.org_of[u], Membership.Role.ORGANISER, world.team_of[u]))
    for u in range(count):
        memberships.append((u, org_of[u], Membership.Role.LEARNER, world.team_of[u]))
        if len(world.organisations) > 1 and rng.random() < 0.01:
            other = rng.randrange(len(world.organisations) - 1)
            other += other >= org_of[u]
            memberships.append((u, other, Membership.Role.LEARNER, ""))
    first_membership = next_id(Membership)
    copy_rows(
        Membership,
        ["id", "user", "organisation", "role", "team", "created_at"],
        (
            (first_membership + i, world.user_ids[u], world.organisations[o].pk, role, team, world.joined[u])
            for i, (u, o, role, team) in enumerate(memberships)
        ),
        total=len(memberships),
        report=report,
    )


def second_factors(world: World, rng: random.Random, report: Report) -> None:
    """An authenticator app (TOTP) for every HR adviser and organiser: with SPIL_REQUIRE_MFA
    (on in production and in benchmarks.settings) they reach nothing before they set one up."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.utils import encrypt

    users = sorted({user_id for advisers in world.advisers_of for user_id in advisers} | set(world.organisers))
    with report.timing(Authenticator._meta.db_table) as rows:
        created = Authenticator.objects.bulk_create(
            Authenticator(
                user_id=user_id,
                type=Authenticator.Type.TOTP,
                data={"secret": encrypt(base64.b32encode(rng.getrandbits(160).to_bytes(20, "big")).decode())},
                created_at=world.anchor - DAY,
            )
            for user_id in users
        )
        rows.append(len(created))


def adviser_of(world: World, rng: random.Random, u: int) -> int:
    return rng.choice(world.advisers_of[world.org_of[u]])


# Careers: current role and career steps --------------------------------------------------


def careers(world: World, rng: random.Random, report: Report) -> None:
    from careers.models import CareerPath, CareerStep, CurrentRole

    profiles = world.profiles
    by_id = {p.pk: p for p in profiles}
    pick = weighted_picker(rng, [PROFILE_WEIGHTS.get(p.slug, 5) for p in profiles])
    came_from: dict[int, list[int]] = defaultdict(list)
    for from_id, to_id in CareerPath.objects.values_list("from_profile_id", "to_profile_id"):
        came_from[to_id].append(from_id)
    same_family: dict[str, list[int]] = defaultdict(list)
    for p in profiles:
        same_family[p.family].append(p.pk)
    anchor = world.anchor
    roles: list[tuple] = []
    steps: list[tuple] = []
    for u, user_id in enumerate(world.user_ids):
        if rng.random() >= 0.85:
            continue
        profile = profiles[pick()].pk
        world.profile_of[u] = profile
        # A fifth changed role in the last year; the others earlier.
        if rng.random() < 0.2:
            since = moment(rng, anchor - datetime.timedelta(days=365), anchor - DAY)
        else:
            since = moment(rng, anchor - datetime.timedelta(days=8 * 365), anchor - datetime.timedelta(days=366))
        confirmed = rng.random() < 0.6
        adviser = adviser_of(world, rng, u)
        declared = max(since, world.joined[u])
        roles.append(
            (
                len(roles),
                user_id,
                profile,
                since.date(),
                declared,
                adviser if confirmed else None,
                moment(rng, declared, anchor) if confirmed else None,
            )
        )
        # The history leading here: the step into this role for most, and up to three before it.
        if rng.random() < 0.3:
            continue
        history = [(profile, since)]
        current, date = profile, since
        for _ in range(rng.choices([0, 1, 2, 3], [35, 35, 20, 10])[0]):
            options = came_from.get(current) or [p for p in same_family[by_id[current].family] if p != current]
            if not options:
                break
            current = rng.choice(options)
            date = date - datetime.timedelta(days=rng.randint(400, 1400))
            history.append((current, date))
        history.reverse()
        for position, (to_profile, step_date) in enumerate(history):
            from_profile = history[position - 1][0] if position else None
            recorded_by = adviser  # Only HR records a step (careers.services.record_step).
            steps.append(
                (user_id, from_profile, to_profile, step_date.date(), recorded_by, step_date + rng.randint(0, 20) * DAY)
            )
    first_role = next_id(CurrentRole)
    copy_rows(
        CurrentRole,
        ["id", "user", "profile", "since", "declared_at", "confirmed_by", "confirmed_at"],
        ((first_role + i, *row[1:]) for i, row in enumerate(roles)),
        total=len(roles),
        report=report,
    )
    first_step = next_id(CareerStep)
    copy_rows(
        CareerStep,
        ["id", "user", "from_profile", "to_profile", "date", "note", "recorded_by", "recorded_at"],
        (
            (first_step + i, user_id, from_p, to_p, date, "", recorded_by, min(recorded_at, world.anchor))
            for i, (user_id, from_p, to_p, date, recorded_by, recorded_at) in enumerate(steps)
        ),
        total=len(steps),
        report=report,
    )


# The catalogue: tracks and modules (Wagtail pages) ------------------------------------------


def bulk_pages(children: Sequence[tuple[Any, Any]], *, rng: random.Random, report: Report, label: str) -> None:
    """Add unsaved pages under saved parents, as ``add_child`` would leave the tree (path,
    depth, url_path, numchild, locale, live), written with ``COPY``: one stream for the
    ``wagtailcore_page`` rows and one per page type for its own table. ``children`` holds
    (parent, page) pairs; each page gets its primary key. Direct subclasses of ``Page`` only.
    The pages get no revision, and go into the search index in one bulk call."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    first = next_id(Page)
    steps: dict[int, int] = {}
    parents: dict[int, Any] = {}
    for parent, _page in children:
        if parent.pk not in steps:
            last = parent.get_last_child()
            steps[parent.pk] = Page._str2int(last.path[-Page.steplen :]) if last else 0
            parents[parent.pk] = parent
    by_class: dict[type, list[Any]] = defaultdict(list)
    for number, (parent, page) in enumerate(children):
        if page._meta.get_parent_list() != [Page]:
            raise TypeError(f"{type(page).__name__} is not a direct subclass of Page")
        steps[parent.pk] += 1
        page.id = page.page_ptr_id = first + number
        page.path = Page._get_path(parent.path, parent.depth + 1, steps[parent.pk])
        page.depth = parent.depth + 1
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.locale_id = parent.locale_id
        page.content_type = ContentType.objects.get_for_model(type(page))
        page.draft_title = page.title
        page.translation_key = uuid.UUID(int=rng.getrandbits(128), version=4)
        page.live, page.has_unpublished_changes = True, False
        page.last_published_at = page.first_published_at
        by_class[type(page)].append(page)

    def rows(pages: Iterable[Any], fields_: Sequence[Any]) -> Iterator[tuple]:
        for page in pages:
            yield tuple(f.get_db_prep_save(getattr(page, f.attname), connection) for f in fields_)

    base_fields = Page._meta.concrete_fields
    copy_rows(
        Page,
        [f.name for f in base_fields],
        rows((page for _parent, page in children), base_fields),
        total=len(children),
        report=report,
    )
    for model, pages in by_class.items():
        own = list(model._meta.local_concrete_fields)
        copy_rows(model, [f.name for f in own], rows(pages, own), total=len(pages), report=report)
    for parent_id, parent in parents.items():
        added = sum(1 for p, _page in children if p.pk == parent_id)
        Page.objects.filter(pk=parent_id).update(numchild=parent.numchild + added)
        parent.numchild += added
    index_start = time.perf_counter()
    backend = get_search_backend()
    for model, pages in by_class.items():
        backend.add_bulk(model, pages)
    report.add(f"search index ({label})", len(children), time.perf_counter() - index_start)


def catalogue(world: World, sizes: Sizes, rng: random.Random, report: Report) -> None:
    from careers.models import Competency
    from cms.models import HomePage
    from curriculum.models import CatalogPage, Format, LearningTrackPage, ModulePage, TrackCompetency

    home = HomePage.objects.filter(depth=2).first()
    catalog = CatalogPage.objects.child_of(home).first() or home.add_child(
        instance=CatalogPage(title="Leeraanbod", slug="leeraanbod", introduction="Alle leergangen.")
    )
    competencies = list(Competency.objects.order_by("pk").values_list("pk", "name"))
    titles = [(f"{topic} ({level})", family, level) for level in LEVELS for topic, family in TOPICS]
    titles = titles[: sizes.tracks]
    formats = [Format.ELEARNING] * 10 + [Format.CLASSROOM] * 4 + [Format.INTERVISION] * 2 + [Format.ON_THE_JOB] * 2
    pages_rng = random.Random(rng.getrandbits(64))  # noqa: S311 (test data)
    base_of_topic: dict[str, Any] = {}  # topic -> the track page a refresher renews
    tracks: list[tuple[Any, Any]] = []
    refreshes: list[Any] = []  # per track: the page it renews, or None
    for number, (title, family, level) in enumerate(titles):
        topic = title.rsplit(" (", 1)[0]
        refresher_of = base_of_topic.get(topic) if level == "opfrissen" else None
        certificate = refresher_of is None and rng.random() < 0.55
        page = LearningTrackPage(
            title=title,
            slug=f"leergang-{number + 1}",
            summary=f"In deze leergang leer je meer over {topic.lower()}, op het niveau {level}.",
            format=Format.LEARNING_CIRCLE if topic.startswith("Leerkring") else rng.choice(formats),
            study_load_hours=rng.choice([4, 8, 12, 16, 24, 40, 80]),
            scale_min=rng.choice([None, 5, 6, 7]),
            scale_max=rng.choice([None, 9, 10, 11]),
            family=family,
            leads_to_certificate=certificate,
            certificate_validity_months=rng.choice([None, 24, 36, 60]) if certificate else None,
            renews_id=None,
            requires_approval=rng.random() < 0.12,
            first_published_at=world.anchor - datetime.timedelta(days=rng.randint(400, 1500)),
        )
        tracks.append((catalog, page))
        refreshes.append(refresher_of)
        if level != "opfrissen":
            base_of_topic.setdefault(topic, page)
    bulk_pages(tracks, rng=pages_rng, report=report, label="tracks")
    for (_catalog, page), refresher_of in zip(tracks, refreshes, strict=True):
        if refresher_of is not None:  # Set now that the renewed track has its id.
            page.renews_id = refresher_of.pk
    LearningTrackPage.objects.bulk_update(
        [page for (_c, page), r in zip(tracks, refreshes, strict=True) if r], ["renews"]
    )

    modules: list[tuple[Any, Any]] = []
    for _catalog, track in tracks:
        topic = track.title.rsplit(" (", 1)[0]
        count = rng.randint(4, 11) if sizes.modules_per_track >= 7.5 else max(2, round(sizes.modules_per_track))
        for m in range(count):
            module = ModulePage(
                title=f"{topic}: deel {m + 1}",
                slug=f"deel-{m + 1}",
                required=m < 2 or rng.random() < 0.85,
                estimated_minutes=rng.choice([15, 30, 45, 60, 90]),
                body=[("paragraph", f"<p>De stof van deel {m + 1} over {topic.lower()}.</p>")],
                first_published_at=track.first_published_at,
            )
            modules.append((track, module))
    bulk_pages(modules, rng=pages_rng, report=report, label="modules")
    modules_of: dict[int, list[tuple[int, bool]]] = defaultdict(list)
    for track, module in modules:
        modules_of[track.pk].append((module.pk, module.required))

    track_links: list[Any] = []
    profile_links: list[tuple[int, int]] = []
    for (_catalog, page), base in zip(tracks, refreshes, strict=True):
        chosen = rng.sample(competencies, min(len(competencies), rng.randint(1, 3)))
        for position, (competency_id, _name) in enumerate(chosen):
            track_links.append(
                TrackCompetency(
                    page_id=page.pk, competency_id=competency_id, level=rng.randint(1, 4), sort_order=position
                )
            )
        for profile in rng.sample(world.profiles, min(len(world.profiles), rng.randint(0, 3))):
            profile_links.append((page.pk, profile.pk))
        certified = base if base is not None else page  # A refresher renews the certificate of its base.
        info = Track(
            id=page.pk,
            title=page.title,
            modules=modules_of[page.pk],
            certificate_target=certified.pk if certified.leads_to_certificate else None,
            validity_months=certified.certificate_validity_months,
            approval=page.requires_approval,
            format=page.format,
            study_load_hours=page.study_load_hours,
            summary=page.summary,
            competencies=[name for _id, name in chosen],
        )
        world.tracks.append(info)
    with report.timing(TrackCompetency._meta.db_table) as rows:
        rows.append(len(TrackCompetency.objects.bulk_create(track_links)))
    through = LearningTrackPage.role_profiles.through
    source, target = (f.name for f in through._meta.get_fields() if f.is_relation and f.many_to_one)
    with report.timing(through._meta.db_table) as rows:
        created = through.objects.bulk_create(
            through(**{f"{source}_id": t, f"{target}_id": p}) for t, p in profile_links
        )
        rows.append(len(created))


def paths(world: World, sizes: Sizes, rng: random.Random, report: Report) -> None:
    from curriculum.models import LearningPath, LearningPathItem

    names = ["Leerpad", "Rijksleergang", "Traject", "Opleidingsroute"]
    with report.timing(LearningPath._meta.db_table) as rows:
        created = []
        for number in range(sizes.paths):
            profile = world.profiles[number % len(world.profiles)]
            certificate = rng.random() < 0.35
            created.append(
                LearningPath(
                    title=f"{names[number % len(names)]} {profile.title} {number + 1}",
                    slug=f"leerpad-{number + 1}",
                    description=f"De leergangen die je voorbereiden op de rol {profile.title}.",
                    target_profile=profile,
                    min_electives=0,
                    leads_to_certificate=certificate,
                    certificate_validity_months=rng.choice([None, 36, 60]) if certificate else None,
                )
            )
        created = LearningPath.objects.bulk_create(created)
        rows.append(len(created))
    items = []
    for learning_path in created:
        tracks = rng.sample(world.tracks, min(len(world.tracks), rng.randint(3, 7)))
        electives = [t for t in tracks[2:] if rng.random() < 0.3]
        min_electives = min(len(electives), rng.choice([0, 1, 1, 2]))
        if min_electives:
            LearningPath.objects.filter(pk=learning_path.pk).update(min_electives=min_electives)
        path_items = [(t.id, t not in electives) for t in tracks]
        for position, (track_id, required) in enumerate(path_items):
            items.append(
                LearningPathItem(path=learning_path, track_id=track_id, required=required, sort_order=position)
            )
        world.paths.append(
            PathInfo(
                id=learning_path.pk,
                title=learning_path.title,
                description=learning_path.description,
                items=path_items,
                min_electives=min_electives,
                certificate=learning_path.leads_to_certificate,
                validity_months=learning_path.certificate_validity_months,
            )
        )
    with report.timing(LearningPathItem._meta.db_table) as rows:
        rows.append(len(LearningPathItem.objects.bulk_create(items)))


# Assignments (in batches, and one by one) --------------------------------------------------


def assignments(world: World, rng: random.Random, report: Report) -> None:
    from curriculum.models import Assignment, AssignmentBatch

    anchor = world.anchor
    batches: list[AssignmentBatch] = []
    batch_members: list[list[int]] = []
    taken: set[tuple[int, str, int]] = set()  # (user index, "p"/"t", target id)
    rows: list[tuple] = []  # (user index, org, path, track, due, assigned_by, batch index, created)
    for o, members in enumerate(world.members_of):
        learners = [u for u in members if world.active[u]]
        if not learners:
            continue
        by_team: dict[str, list[int]] = defaultdict(list)
        by_profile: dict[int, list[int]] = defaultdict(list)
        for u in learners:
            by_team[world.team_of[u]].append(u)
            if u in world.profile_of:
                by_profile[world.profile_of[u]].append(u)
        budget = round(len(members) * 0.9)  # about 0.9 assignments per person, most in batches
        number = 0
        while budget > 0 or number < 2:  # Every organisation assigns a path and a track at least once.
            number += 1
            kind = rng.choices(["team", "role", "all", "person"], [55, 25, 5, 15])[0]
            if kind == "all" and len(learners) > 2000:
                kind = "team"
            if kind == "team":
                team = rng.choice(sorted(by_team))
                audience, chosen = AssignmentBatch.Audience.TEAM, by_team[team]
            elif kind == "role" and by_profile:
                profile = rng.choice(sorted(by_profile))
                audience, chosen = AssignmentBatch.Audience.ROLE, by_profile[profile]
            elif kind == "all":
                audience, chosen = AssignmentBatch.Audience.ALL, learners
            else:
                audience, chosen = AssignmentBatch.Audience.PERSON, [rng.choice(learners)]
            if (number == 1 or (number > 2 and rng.random() < 0.6)) and world.paths:
                path, track = rng.choice(world.paths).id, None
            else:
                path, track = None, rng.choice(world.tracks).id
            created = moment(rng, anchor - datetime.timedelta(days=3 * 365), anchor - DAY)
            due = created.date() + datetime.timedelta(days=rng.randint(30, 365))
            adviser = rng.choice(world.advisers_of[o])
            index = len(batches)
            new = 0
            for u in chosen:
                key = (u, "p" if path else "t", path or track)
                if key in taken:
                    continue
                taken.add(key)
                rows.append((u, o, path, track, due, adviser, index, created))
                new += 1
            batches.append(
                AssignmentBatch(
                    organisation=world.organisations[o],
                    assigned_by_id=adviser,
                    path_id=path,
                    track_id=track,
                    due_date=due,
                    audience=audience,
                    role_profile_id=profile if audience == AssignmentBatch.Audience.ROLE else None,
                    team=team if audience == AssignmentBatch.Audience.TEAM else "",
                    person_id=world.user_ids[chosen[0]] if audience == AssignmentBatch.Audience.PERSON else None,
                    status=AssignmentBatch.Status.DONE,
                    total=len(chosen),
                    processed=len(chosen),
                    created_count=new,
                    finished_at=created + datetime.timedelta(seconds=rng.randint(1, 90)),
                )
            )
            batch_members.append(chosen)
            budget -= max(1, len(chosen))
    with report.timing(AssignmentBatch._meta.db_table) as counted:
        batches = AssignmentBatch.objects.bulk_create(batches, batch_size=2000)
        counted.append(len(batches))
    # created_at is auto_now_add: set it to when the batch ran, in one statement.
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {AssignmentBatch._meta.db_table} AS b SET created_at = v.created "  # noqa: S608 (own table)
            "FROM unnest(%s::bigint[], %s::timestamptz[]) AS v(id, created) WHERE b.id = v.id",
            [[b.pk for b in batches], [b.finished_at - datetime.timedelta(seconds=1) for b in batches]],
        )
    first = next_id(Assignment)
    paths_by_id = {p.id: p for p in world.paths}
    for u, _o, path, track, *_rest in rows:
        if track:
            world.assigned[u].add(track)
        else:
            for track_id, required in paths_by_id[path].items:
                if required or rng.random() < 0.5:
                    world.assigned[u].add(track_id)
    copy_rows(
        Assignment,
        ["id", "user", "organisation", "path", "track", "due_date", "assigned_by", "batch", "created_at"],
        (
            (first + i, world.user_ids[u], world.organisations[o].pk, path, track, due, adviser, batches[b].pk, created)
            for i, (u, o, path, track, due, adviser, b, created) in enumerate(rows)
        ),
        total=len(rows),
        report=report,
    )


def assignment_status(report: Report) -> None:
    """``Assignment.finished_at``, which the services keep as enrolments complete (COPY sends
    no signals): worked out for every assignment at once by ``curriculum.status``."""
    from curriculum.models import Assignment
    from curriculum.status import refresh_finished

    with report.timing("curriculum_assignment (finished_at)") as counted:
        counted.append(refresh_finished(Assignment.objects.all()))


# Learning: enrolments and module progress -----------------------------------------------------


@dataclass
class Enrolled:
    id: int
    user: int  # user index
    track: Track
    status: str
    requested: datetime.datetime
    started: datetime.datetime | None
    completed: datetime.datetime | None
    opened: int  # progress rows
    finished: int  # of which completed (the first ``finished`` of the opened modules)
    decided_by: int | None = None


def plan_enrolment(world: World, rng: random.Random, u: int, track: Track) -> Enrolled:
    """One enrolment of user ``u`` in ``track`` with its status, moments and progress size
    (its id comes later)."""
    from curriculum.models import Enrolment

    anchor = world.anchor
    requested = moment(rng, max(world.joined[u], anchor - datetime.timedelta(days=3 * 365)), anchor - DAY)
    decided_by = None
    if track.approval:
        decided_by = adviser_of(world, rng, u)
        roll = rng.random()
        if roll < 0.15 and requested > anchor - datetime.timedelta(days=60):
            return Enrolled(0, u, track, Enrolment.Status.REQUESTED, requested, None, None, 0, 0)
        if roll < 0.22:
            return Enrolled(0, u, track, Enrolment.Status.DECLINED, requested, None, None, 0, 0, decided_by)
    started = requested + datetime.timedelta(hours=rng.randint(0, 72) if not track.approval else rng.randint(24, 400))
    started = min(started, anchor - datetime.timedelta(hours=1))
    age_days = (anchor - started).days
    count = len(track.modules)
    if rng.random() < (0.62 if age_days > 180 else 0.3 if age_days > 30 else 0.05):
        # Completed: every required module, and some of the optional ones.
        opened = count
        for position in range(count - 1, -1, -1):
            if track.modules[position][1] or rng.random() < 0.5:
                break
            opened -= 1
        span = datetime.timedelta(days=rng.randint(3, max(4, min(age_days, 200))))
        completed = min(started + span, anchor - datetime.timedelta(minutes=5))
        return Enrolled(
            0, u, track, Enrolment.Status.COMPLETED, requested, started, completed, opened, opened, decided_by
        )
    opened = rng.randint(0, count - 1)
    finished = max(0, opened - (1 if rng.random() < 0.5 else 0))
    return Enrolled(0, u, track, Enrolment.Status.ACTIVE, requested, started, None, opened, finished, decided_by)


def learning(world: World, sizes: Sizes, rng: random.Random, report: Report) -> list[Enrolled]:
    """Enrolments until the progress rows reach ``sizes.progress`` exactly: assigned tracks
    first (most are taken up), then free choices among popular tracks."""
    from curriculum.models import Enrolment, ModuleProgress

    tracks = world.tracks
    popularity = [1 / (rank**0.8) for rank in range(1, len(tracks) + 1)]
    order = list(range(len(tracks)))
    rng.shuffle(order)
    pick = weighted_picker(rng, popularity)
    by_id = {t.id: t for t in tracks}
    users = list(range(len(world.user_ids)))
    enrolments: list[Enrolled] = []
    seen: set[tuple[int, int]] = set()

    def plan(u: int, track: Track) -> Enrolled | None:
        if (u, track.id) in seen:
            return None
        seen.add((u, track.id))
        enrolled = plan_enrolment(world, rng, u, track)
        enrolments.append(enrolled)
        return enrolled

    # Everyone's wishes first: most assigned tracks, and a few free choices among popular ones.
    for u in users:
        for track_id in sorted(world.assigned.get(u, ())):
            if rng.random() < 0.8:
                plan(u, by_id[track_id])
        for _ in range(min(len(tracks), int(rng.expovariate(1 / 1.5) + 0.5))):
            plan(u, tracks[order[pick()]])
    # Then exactly ``sizes.progress`` rows, the same for everyone: too many, and enrolments
    # picked at random go; too few, and random people take another popular track (the last
    # one with just the rows that are left).
    rows = sum(e.opened for e in enrolments)
    rng.shuffle(enrolments)
    while rows > sizes.progress:
        dropped = enrolments.pop()
        seen.discard((dropped.user, dropped.track.id))
        rows -= dropped.opened
    for _attempt in range(100 * sizes.progress):
        if rows >= sizes.progress:
            break
        enrolled = plan(rng.choice(users), tracks[order[pick()]])
        if enrolled is None:
            continue
        if rows + enrolled.opened > sizes.progress:
            enrolled.status, enrolled.completed = Enrolment.Status.ACTIVE, None
            enrolled.opened = sizes.progress - rows
            enrolled.finished = max(0, enrolled.opened - 1)
        rows += enrolled.opened
    if rows != sizes.progress:
        raise ValueError(f"could not make {sizes.progress} progress rows from these people and tracks")
    # Ids in the order the enrolments were made, as a live system numbers them.
    enrolments.sort(key=lambda e: (e.requested, e.user, e.track.id))
    first = next_id(Enrolment)
    for number, e in enumerate(enrolments):
        e.id = first + number

    for e in enrolments:
        if e.status == Enrolment.Status.COMPLETED:
            world.completed[e.user][e.track.id] = e.completed

    def enrolment_rows() -> Iterator[tuple]:
        for e in enrolments:
            decided_at = None
            if e.decided_by is not None:
                decided_at = e.started or e.requested + datetime.timedelta(days=2)
            last_module = e.track.modules[e.opened - 1][0] if e.opened else None
            yield (
                e.id,
                world.user_ids[e.user],
                e.track.id,
                e.status,
                e.requested,
                e.decided_by,
                decided_at,
                "Past nu niet in de planning." if e.status == Enrolment.Status.DECLINED else "",
                e.started,
                e.completed,
                last_module,
            )

    copy_rows(
        Enrolment,
        [
            "id",
            "user",
            "track",
            "status",
            "requested_at",
            "decided_by",
            "decided_at",
            "decision_reason",
            "started_at",
            "completed_at",
            "last_module",
        ],
        enrolment_rows(),
        total=len(enrolments),
        report=report,
    )

    scored = {module_id for t in tracks for module_id, _r in t.modules if module_id % 5 < 2}
    first_progress = next_id(ModuleProgress)

    def progress_rows() -> Iterator[tuple]:
        pk = first_progress
        for e in enrolments:
            if not e.opened:
                continue
            end = e.completed or world.anchor - datetime.timedelta(minutes=1)
            step = (end - e.started) / (e.opened + 1)
            for position in range(e.opened):
                module_id = e.track.modules[position][0]
                opened_at = e.started + step * position
                done = position < e.finished
                completed_at = (
                    (e.completed if position == e.opened - 1 and e.completed else opened_at + step / 2)
                    if done
                    else None
                )
                score = (55 + (pk * 7919) % 46) if done and module_id in scored else None
                yield (pk, e.id, module_id, opened_at, completed_at, "{}", "{}", score)
                pk += 1

    copy_rows(
        ModuleProgress,
        ["id", "enrolment", "module", "opened_at", "completed_at", "answers", "reflections", "score"],
        progress_rows(),
        total=sizes.progress,
        report=report,
    )
    return enrolments


# Certificates -----------------------------------------------------------------------------------


def certificates(world: World, sizes: Sizes, enrolments: list[Enrolled], rng: random.Random, report: Report) -> None:
    """Exactly ``sizes.certificates``: one per completed certificate-bearing track or path (a
    sample when there are more), and earlier ones that a renewal superseded. About 2% of the
    current ones revoked; expiry follows the validity, so some expired and some expire soon."""
    from types import SimpleNamespace

    from certificates.models import Certificate, CertificateTemplate
    from certificates.services import add_months, number_for
    from curriculum.models import Enrolment

    template = CertificateTemplate.objects.filter(is_default=True, language="nl").first()
    by_id = {t.id: t for t in world.tracks}
    candidates: list[tuple[int, str, int, datetime.datetime]] = []  # (user index, "track"/"path", id, when)
    for e in enrolments:
        if e.status == Enrolment.Status.COMPLETED and e.track.certificate_target:
            candidates.append((e.user, "track", e.track.certificate_target, e.completed))
    for p in world.paths:
        if not p.certificate:
            continue
        required = [t for t, r in p.items if r]
        electives = [t for t, r in p.items if not r]
        for u, done in world.completed.items():
            if all(t in done for t in required) and sum(t in done for t in electives) >= p.min_electives:
                candidates.append((u, "path", p.id, max(done[t] for t in required + electives if t in done)))
    if not candidates:
        raise ValueError("no completed certificate-bearing tracks: raise --progress or --tracks")
    rng.shuffle(candidates)
    # About 3% (or whatever the completions leave short) are earlier certificates of the same
    # holder and achievement that a renewal superseded, one to three years before.
    renewed = max(round(0.03 * sizes.certificates), sizes.certificates - len(candidates))
    chosen = candidates[: sizes.certificates - renewed]
    items = [(u, kind, target, when + datetime.timedelta(minutes=1)) for u, kind, target, when in chosen]
    for _ in range(renewed):
        u, kind, target, when = rng.choice(chosen)
        items.append((u, kind, target, when - datetime.timedelta(days=rng.randint(400, 1200))))
    # In the order of issue, each one superseded by the next of the same holder and achievement
    # (a refresher's completion certifies its base track again, so those pairs come naturally).
    items.sort(key=lambda item: item[3])
    successor: dict[int, datetime.datetime] = {}
    latest: dict[tuple[int, str, int], int] = {}
    for position, (u, kind, target, issued) in enumerate(items):
        if (key := (u, kind, target)) in latest:
            successor[latest[key]] = issued
        latest[key] = position
    first = next_id(Certificate)
    paths_by_id = {p.id: p for p in world.paths}
    counts: dict[tuple[int, str, int], int] = defaultdict(int)

    def certificate_rows() -> Iterator[tuple]:
        pk = first
        for position, (u, kind, target, issued) in enumerate(items):
            key = (u, kind, target)
            superseded_at = successor.get(position)
            if kind == "track":
                track = by_id[target]
                achievement, description, hours, competencies = (
                    track.title,
                    track.summary,
                    track.study_load_hours,
                    track.competencies,
                )
                months = track.validity_months
            else:
                path = paths_by_id[target]
                achievement, description, hours, competencies = path.title, path.description, None, []
                months = path.validity_months
            expires = add_months(issued, months) if months else None
            revoked = superseded_at is None and rng.random() < 0.02
            secret = token(rng)
            number = number_for(SimpleNamespace(token=secret, issued_at=issued, pk=pk))
            n = counts[key]
            counts[key] += 1
            source = (
                f"track:{target}:user:{world.user_ids[u]}:at:{issued:%Y%m%dT%H%M%S.%f}"
                if kind == "track"
                else f"path:{target}:user:{world.user_ids[u]}:n:{n}"
            )
            organisation = world.organisations[world.org_of[u]]
            yield (
                pk,
                number,
                secret,
                source[:120],
                world.user_ids[u],
                target if kind == "track" else None,
                target if kind == "path" else None,
                template.pk,
                world.names[u],
                achievement[:255],
                description,
                hours,
                json.dumps(competencies),
                template.organisation_name,
                organisation.pk,
                organisation.name,
                issued,
                expires,
                superseded_at,
                moment(rng, issued, world.anchor) if revoked else None,
                adviser_of(world, rng, u) if revoked else None,
                "Ten onrechte uitgegeven." if revoked else "",
                None,
                None,
                None,
                "",
                None,
                issued + datetime.timedelta(minutes=2),
            )
            pk += 1

    copy_rows(
        Certificate,
        [
            "id",
            "number",
            "token",
            "source_key",
            "user",
            "track",
            "path",
            "template",
            "holder_name",
            "achievement",
            "achievement_description",
            "study_load_hours",
            "competencies",
            "issuing_organisation",
            "organisation",
            "organisation_name",
            "issued_at",
            "expires_at",
            "superseded_at",
            "revoked_at",
            "revoked_by",
            "revocation_reason",
            "credential",
            "status_list",
            "status_index",
            "pdf",
            "rendered_at",
            "emailed_at",
        ],
        certificate_rows(),
        total=sizes.certificates,
        report=report,
    )


# Self-assessments -------------------------------------------------------------------------------


def self_assessments(world: World, sizes: Sizes, rng: random.Random, report: Report) -> None:
    """Attempts until the answers reach ``sizes.answers`` exactly; 85% submitted (every
    statement answered), the rest drafts; a third of the submitted ones shared with the organisation."""
    from assessments.models import Answer, Attempt, SelfAssessmentPage, Statement
    from careers.models import RoleProfileRequirement

    assessments = list(SelfAssessmentPage.objects.order_by("pk"))
    statements = {
        a.pk: list(Statement.objects.filter(page=a).order_by("sort_order", "pk").values_list("pk", "competency_id"))
        for a in assessments
    }
    assessments = [a for a in assessments if statements[a.pk]]
    if not assessments:
        raise ValueError("no self-assessments with statements (the demo content is missing)")
    for_profile: dict[int, list[int]] = defaultdict(list)
    for a in assessments:
        for profile_id in a.role_profiles.values_list("pk", flat=True):
            for_profile[profile_id].append(a.pk)
    required = {(r.page_id, r.competency_id): r.level for r in RoleProfileRequirement.objects.all()}
    anchor = world.anchor
    attempts: list[tuple] = []
    answers: list[tuple[int, int, int]] = []
    remaining = sizes.answers
    first_attempt = next_id(Attempt)
    people = list(range(len(world.user_ids)))
    rng.shuffle(people)
    for u in itertools.cycle(people):
        if remaining <= 0:
            break
        profile = world.profile_of.get(u)
        options = for_profile.get(profile) or [a.pk for a in assessments]
        assessment = rng.choice(options)
        lines = statements[assessment]
        submitted = rng.random() < 0.85 and len(lines) <= remaining
        count = len(lines) if submitted else min(remaining, rng.randint(1, max(1, len(lines) - 1)))
        started = moment(rng, max(world.joined[u], anchor - datetime.timedelta(days=3 * 365)), anchor - DAY)
        submitted_at = started + datetime.timedelta(minutes=rng.randint(8, 60)) if submitted else None
        shared = (
            submitted_at + datetime.timedelta(days=rng.randint(0, 30)) if submitted and rng.random() < 0.33 else None
        )
        attempt_id = first_attempt + len(attempts)
        attempts.append(
            (
                attempt_id,
                world.user_ids[u],
                assessment,
                "submitted" if submitted else "draft",
                profile,
                started,
                submitted_at,
                min(shared, anchor) if shared else None,
            )
        )
        skill = rng.choice([-1, 0, 0, 1])
        for statement_id, competency_id in lines[:count]:
            target = required.get((profile, competency_id), 2)
            answers.append((attempt_id, statement_id, min(4, max(1, target + skill + rng.choice([-1, 0, 0, 1])))))
        remaining -= count
    copy_rows(
        Attempt,
        [
            "id",
            "user",
            "assessment",
            "status",
            "target_profile",
            "started_at",
            "submitted_at",
            "shared_with_organisation_at",
        ],
        attempts,
        total=len(attempts),
        report=report,
    )
    first_answer = next_id(Answer)
    copy_rows(
        Answer,
        ["id", "attempt", "statement", "level"],
        ((first_answer + i, *row) for i, row in enumerate(answers)),
        total=len(answers),
        report=report,
    )


# Learning circles -------------------------------------------------------------------------------


def circles(world: World, sizes: Sizes, rng: random.Random, report: Report) -> None:
    from circles.models import Attendance, CircleIndexPage, CircleMember, LearningCirclePage, Registration, Session
    from circles.selectors import member_numbers
    from cms.models import HomePage
    from curriculum.models import Format

    home = HomePage.objects.filter(depth=2).first()
    start = time.perf_counter()
    index = CircleIndexPage.objects.child_of(home).first() or home.add_child(
        instance=CircleIndexPage(title="Leerkringen", slug="leerkringen", introduction="Leren van collega's.")
    )
    circle_track = next((t for t in world.tracks if t.format == Format.LEARNING_CIRCLE), None)
    themes = [
        "Projectondersteuning",
        "PMO in de praktijk",
        "Managementondersteuning bij het Rijk",
        "Directiesecretarissen",
        "Agile ondersteunen",
        "Plannen en rapporteren",
        "Ondersteuning in het sociaal domein",
        "Programmabureaus",
    ]
    pages = []
    for number in range(sizes.circles):
        theme = themes[number % len(themes)]
        linked = circle_track if number == 0 else None
        page = index.add_child(
            instance=LearningCirclePage(
                title=f"Leerkring {theme.lower()}{'' if number < len(themes) else f' {number // len(themes) + 1}'}",
                slug=f"leerkring-{number + 1}",
                theme=theme,
                description=f"<p>Collega's uit het hele land over {theme.lower()}.</p>",
                membership=LearningCirclePage.Membership.OPEN,
                track_id=linked.id if linked else None,
                sessions_required=3 if linked else 0,
            )
        )
        pages.append(page)
    through = LearningCirclePage.organisers.through
    source, target = (f.name for f in through._meta.get_fields() if f.is_relation and f.many_to_one)
    through.objects.bulk_create(
        through(**{f"{source}_id": page.pk, f"{target}_id": organiser})
        for number, page in enumerate(pages)
        for organiser in world.organisers[2 * number % len(world.organisers) :][:2]
    )
    report.add("circle pages and organisers", len(pages), time.perf_counter() - start)

    anchor = world.anchor
    members: list[tuple] = []
    sessions: list[tuple] = []
    registrations: list[tuple] = []
    attendance: list[tuple] = []
    member_total = max(len(pages) * 5, round(len(world.user_ids) * 0.06))
    share = [1 / (rank**0.7) for rank in range(1, len(pages) + 1)]
    first_member, first_session = next_id(CircleMember), next_id(Session)
    first_registration, first_attendance = next_id(Registration), next_id(Attendance)
    for number, page in enumerate(pages):
        size = min(len(world.user_ids), max(5, round(member_total * share[number] / sum(share))))
        chosen = rng.sample(range(len(world.user_ids)), size)
        circle_members = []
        for u in chosen:
            joined = moment(rng, max(world.joined[u], anchor - datetime.timedelta(days=4 * 365)), anchor - DAY)
            left = moment(rng, joined, anchor) if rng.random() < 0.1 else None
            members.append((first_member + len(members), page.pk, world.user_ids[u], joined, left))
            if world.active[u]:
                circle_members.append((u, joined, left))
        organiser = world.organisers[2 * number % len(world.organisers)]
        count = sizes.sessions_per_circle
        for s in range(count):
            # Every two months or so over four years; the last two still to come.
            starts = anchor - datetime.timedelta(days=(count - 2 - s) * 60 - rng.randint(-10, 10), hours=-14)
            ends = starts + datetime.timedelta(minutes=90)
            cancelled = rng.random() < 0.05
            session_id = first_session + len(sessions)
            capacity = rng.choice([40, 60, 80, 120, 150])
            past = starts < anchor
            sessions.append(
                (
                    session_id,
                    page.pk,
                    f"Bijeenkomst {s + 1}: {page.theme}",
                    "",
                    starts,
                    ends,
                    "https://vergaderen.example.org/leerkring",
                    "",
                    capacity,
                    None,
                    "cancelled" if cancelled else "scheduled",
                    uuid.UUID(int=rng.getrandbits(128), version=4),
                    0,
                    "",
                    "<p>Wat we bespraken.</p>" if past and not cancelled else "",
                    ends + datetime.timedelta(days=2) if past and not cancelled and ends + 2 * DAY < anchor else None,
                    None,
                    organiser,
                    starts - datetime.timedelta(days=30),
                    starts - datetime.timedelta(days=30),
                )
            )
            eligible = [(u, j) for u, j, left in circle_members if j < starts and (left is None or left > starts)]
            wanting = [u for u, _j in eligible if rng.random() < 0.45]
            for position, u in enumerate(wanting):
                created = starts - datetime.timedelta(hours=rng.randint(24, 24 * 28))
                if rng.random() < 0.05:
                    status, cancelled_at = "cancelled", created + DAY
                else:
                    status, cancelled_at = ("registered" if position < capacity else "waitlisted"), None
                registrations.append(
                    (
                        first_registration + len(registrations),
                        session_id,
                        world.user_ids[u],
                        status,
                        created,
                        None,
                        cancelled_at,
                        None,
                    )
                )
                if past and not cancelled and status == "registered":
                    roll = rng.random()
                    if roll < 0.9:
                        method = "check_in" if rng.random() < 0.6 else "organiser"
                        attendance.append(
                            (
                                first_attendance + len(attendance),
                                session_id,
                                world.user_ids[u],
                                "",
                                "",
                                "present" if roll < 0.8 else "absent",
                                method,
                                organiser,
                                ends,
                            )
                        )
            if past and not cancelled:
                for w in range(rng.randint(0, 3)):
                    name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
                    email = f"binnenloper{session_id}-{w}@example.org"
                    attendance.append(
                        (
                            first_attendance + len(attendance),
                            session_id,
                            None,
                            name,
                            email,
                            "present",
                            "walk_in",
                            organiser,
                            ends,
                        )
                    )
    copy_rows(
        CircleMember, ["id", "circle", "user", "joined_at", "left_at"], members, total=len(members), report=report
    )
    # Rows copied in bulk send no signal: the stored member counts (circles.models.CircleStats)
    # are made here in one count, as a circle's first read would.
    member_numbers(circle_ids=[page.pk for page in pages])
    copy_rows(
        Session,
        [
            "id",
            "circle",
            "theme",
            "agenda",
            "starts_at",
            "ends_at",
            "online_url",
            "location",
            "capacity",
            "registration_deadline",
            "status",
            "uid",
            "sequence",
            "checkin_code",
            "report",
            "report_published_at",
            "reminder_sent_at",
            "created_by",
            "created_at",
            "updated_at",
        ],
        sessions,
        total=len(sessions),
        report=report,
    )
    copy_rows(
        Registration,
        ["id", "session", "user", "status", "created_at", "promoted_at", "cancelled_at", "reminder_sent_at"],
        registrations,
        total=len(registrations),
        report=report,
    )
    copy_rows(
        Attendance,
        ["id", "session", "user", "name", "email", "status", "method", "recorded_by", "recorded_at"],
        attendance,
        total=len(attendance),
        report=report,
    )


# The database and the command line ---------------------------------------------------------------


def database_url(url: str | None) -> str:
    """The PostgreSQL URL to write to; SQLite and other engines are refused with the reason."""
    url = url or os.environ.get("DATABASE_URL", "")
    scheme = urlsplit(url).scheme
    if scheme not in POSTGRES_SCHEMES:
        what = "SQLite (the default without DATABASE_URL)" if not url or scheme.startswith("sqlite") else repr(scheme)
        raise SystemExit(
            f"The population needs PostgreSQL, not {what}: its big tables are written with COPY and the HR "
            "benchmark compares against PostgreSQL's own plans. Create a database of your own and name it, e.g.\n"
            "  psql -h 127.0.0.1 -U postgres -c 'CREATE DATABASE spil_bench_pop'\n"
            "  DATABASE_URL=postgres://postgres@127.0.0.1:5432/spil_bench_pop .venv/bin/python -m benchmarks.population"
        )
    return url


def recreate_database(url: str) -> None:
    """Drop and create the database of ``url`` (``--reset``); only a ``spil_bench*`` database."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if not name.startswith("spil_bench"):
        raise SystemExit(f"--reset drops the database; it only does that to a spil_bench* database, not {name!r}.")
    maintenance = urlunsplit(parts._replace(scheme="postgresql", path="/postgres"))
    with psycopg.connect(maintenance, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def holds_people(url: str) -> bool:
    """Whether the database already has people, asked before anything (a migration) touches it."""
    import psycopg

    parts = urlsplit(url)
    with psycopg.connect(urlunsplit(parts._replace(scheme="postgresql")), autocommit=True) as conn:
        if conn.execute("SELECT to_regclass('people_user')").fetchone()[0] is None:
            return False
        return bool(conn.execute("SELECT EXISTS (SELECT 1 FROM people_user)").fetchone()[0])


def setup_django(url: str, *, migrate: bool = True) -> None:
    """Django with ``benchmarks.settings`` against ``url``; files into a temporary directory
    (the pages write none, but nothing may land in the project's media/)."""
    tmp = Path(tempfile.mkdtemp(prefix="spil-population-"))
    os.environ.update(
        DJANGO_SETTINGS_MODULE="benchmarks.settings",
        DATABASE_URL=url,
        MEDIA_ROOT=str(tmp / "media"),
        PRIVATE_MEDIA_ROOT=str(tmp / "private"),
        STATIC_ROOT=str(tmp / "static"),
        REDIS_URL="",
        LOG_LEVEL="WARNING",
    )
    (tmp / "static").mkdir()
    import django

    django.setup()
    if migrate:
        from django.core.management import call_command

        from cms.services import ensure_site

        call_command("migrate", interactive=False, verbosity=0)
        ensure_site()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--database-url", help="PostgreSQL URL (default: DATABASE_URL)")
    parser.add_argument("--reset", action="store_true", help="drop and recreate the (spil_bench*) database first")
    parser.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every default count (default 1 = full size)")
    parser.add_argument("--quiet", action="store_true", help="no progress bars")
    for spec in fields(Sizes):
        parser.add_argument(
            f"--{spec.name.replace('_', '-')}", type=type(spec.default), help=f"default {spec.default:,} at --scale 1"
        )
    args = parser.parse_args(argv)
    url = database_url(args.database_url)
    sizes = Sizes.scaled(args.scale, **{spec.name: getattr(args, spec.name) for spec in fields(Sizes)})
    if args.reset:
        recreate_database(url)
    elif holds_people(url):
        raise SystemExit("This database already holds people: run with --reset for a fresh population.")
    start = time.perf_counter()
    print(f"Migrating {urlsplit(url).path.lstrip('/')} ...", flush=True)
    setup_django(url)
    from django.db import connection

    from people.models import User

    if User.objects.exists():
        raise SystemExit("This database already holds people: run with --reset for a fresh population.")
    migrated = time.perf_counter() - start
    print(
        f"Generating (seed {args.seed}): "
        + ", ".join(f"{spec.name} {getattr(sizes, spec.name):,}" for spec in fields(Sizes)),
        flush=True,
    )
    report = generate(sizes, seed=args.seed, progress=not args.quiet)
    start_analyze = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    report.add("VACUUM ANALYZE", 0, time.perf_counter() - start_analyze)
    print()
    report.print()
    total = sum(report.seconds.values())
    print(f"Migrations and site {migrated:.1f} s; generated in {total:.1f} s ({total / 60:.1f} min).")
    results = ROOT / "benchmarks" / "results"
    results.mkdir(exist_ok=True)
    (results / "population.json").write_text(
        json.dumps(
            {
                "scenario": "population",
                "finished_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
                "seed": args.seed,
                "sizes": {spec.name: getattr(sizes, spec.name) for spec in fields(Sizes)},
                "cpu_count": os.cpu_count(),
                "tables": {
                    name: {"rows": report.rows[name], "seconds": round(report.seconds[name], 2)} for name in report.rows
                },
                "total_seconds": round(total, 1),
            },
            indent=2,
        )
        + "\n"
    )
    print("Wrote benchmarks/results/population.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
