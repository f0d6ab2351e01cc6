"""What an HR adviser's dashboard (and each export of it) covers: the scope.

A scope is built only by ``scope_for``, from the adviser's own organisations and GET-like
data checked against what those organisations hold. A value that does not belong there (a
team name or a profile id of another organisation, a date that is no date) is an error on
the form and filters nothing, so it can never narrow the figures to, or name, anything of
another organisation."""

import datetime
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlencode

from django.utils import timezone

from people.models import Organisation, User
from people.selectors import organisations_advised_by

from . import selectors
from .forms import EVERYTHING, OWN, FilterForm


@dataclass(frozen=True)
class Scope:
    adviser_id: int
    organisation_ids: tuple[int, ...]  # only organisations the adviser advises
    team: str = ""  # "" = all teams
    profile_id: int | None = None  # role profile filter
    start: datetime.date | None = None  # period, first day
    end: datetime.date | None = None  # period, last day

    def as_query(self) -> dict[str, str]:
        """The GET parameters that reproduce this scope (JSON-safe). A preset period is
        written as its dates, so the scope stays the same on a later day."""
        query = {}
        if self.team:
            query["team"] = self.team
        if self.profile_id is not None:
            query["functieprofiel"] = str(self.profile_id)
        if self.start is None and self.end is None:
            query["periode"] = EVERYTHING
        else:
            query["periode"] = OWN
            if self.start is not None:
                query["van"] = self.start.isoformat()
            if self.end is not None:
                query["tot"] = self.end.isoformat()
        return query

    @property
    def narrowed(self) -> bool:
        """Whether a team or a role profile narrows the people."""
        return bool(self.team) or self.profile_id is not None

    @property
    def cache_key(self) -> str:
        """The organisations and filters, for a cache key: never the same for two sets of
        organisations or two sets of filters."""
        organisations = ",".join(str(pk) for pk in sorted(self.organisation_ids))
        filters = hashlib.sha256(urlencode(sorted(self.as_query().items())).encode()).hexdigest()[:32]
        return f"{organisations}:{filters}"


def scope_for(
    *, adviser: User, data: Mapping[str, str], organisations: list[Organisation] | None = None
) -> tuple[Scope, FilterForm]:
    """Validate GET-like data against what the adviser may see; return the scope (falling back to
    unfiltered for invalid fields) and the bound form (with errors to show).

    ``organisations``: the adviser's organisations (``organisations_advised_by``) when the
    caller has them already; otherwise they are read here. No data at all gives the default
    period (this year) and no other filter."""
    if organisations is None:
        organisations = list(organisations_advised_by(adviser=adviser))
    teams, profiles = selectors.filter_choices(adviser=adviser, organisations=organisations)
    form = FilterForm(data or None, teams=teams, profiles=profiles)
    start, end = form.chosen_period(today=timezone.localdate())
    scope = Scope(
        adviser_id=adviser.pk,
        organisation_ids=tuple(sorted(organisation.pk for organisation in organisations)),
        team=form.chosen_team(),
        profile_id=form.chosen_profile_id(),
        start=start,
        end=end,
    )
    return scope, form
