"""SCIM filters (RFC 7644 §3.4.2.2) as Django queries over ``selectors.provisioned_people``.

scim2-models parses and validates the filter against the published schema; this visitor
turns its syntax tree into a ``Q``, so filtering and paging happen in the database."""

import uuid
from typing import Any

from django.db.models import Q
from scim2_models import InvalidFilterException, ScimFilter
from scim2_models.path import (
    CompareOperator,
    Comparison,
    FilterVisitor,
    LogicalExpr,
    LogicalOperator,
    Not,
    Present,
    ValuePath,
    coerce_value,
)

from .resources import EnterpriseUser

NOTHING = Q(pk__in=[])
# No stored string is longer (external_id). A longer operand cannot match eq, co, sw or ew,
# and SQLite refuses LIKE patterns past 50,000 bytes.
LONGEST_STORED = 255
MATCHING_OPERATORS = {CompareOperator.eq, CompareOperator.co, CompareOperator.sw, CompareOperator.ew}

# (attribute, sub-attribute) -> the field compared, and whether the comparison ignores case.
STRING_FIELDS = {
    ("user_name", None): ("user__email", False),
    ("display_name", None): ("user__full_name", False),
    ("name", "formatted"): ("user__full_name", False),
    ("external_id", None): ("external_id", True),
    ("department", None): ("team", False),
}
# The lowercase form that ordering operators compare, for the fields that ignore case.
ORDERING_KEYS = {"user__email": "user__email", "user__full_name": "full_name_key", "team": "team_key"}
DATE_FIELDS = {("meta", "created"): "created_at", ("meta", "last_modified"): "updated_at"}
LOOKUPS = {
    CompareOperator.eq: "exact",
    CompareOperator.co: "contains",
    CompareOperator.sw: "startswith",
    CompareOperator.ew: "endswith",
    CompareOperator.gt: "gt",
    CompareOperator.ge: "gte",
    CompareOperator.lt: "lt",
    CompareOperator.le: "lte",
}
PRESENT = {
    ("user_name", None): Q(),
    ("id", None): Q(),
    ("meta", None): Q(),
    ("meta", "created"): Q(),
    ("meta", "last_modified"): Q(),
    ("meta", "resource_type"): Q(),
    ("display_name", None): ~Q(user__full_name=""),
    ("name", None): ~Q(user__full_name=""),
    ("name", "formatted"): ~Q(user__full_name=""),
    ("external_id", None): ~Q(external_id=""),
    ("department", None): ~Q(team=""),
    # ``active`` is unassigned only while the organisation never said and the account is on.
    ("active", None): ~Q(active__isnull=True, user__is_active=True),
}
IS_ACTIVE = Q(active=True, user__is_active=True)
IS_INACTIVE = Q(active=False) | Q(user__is_active=False)


def filter_query(scim_filter: ScimFilter[Any]) -> Q:
    """The ``Q`` that selects the people the filter matches.

    :raises InvalidFilterException: for a filter Spil cannot evaluate.
    """
    return _Visitor(scim_filter).visit(scim_filter.ast)


class _Visitor(FilterVisitor[Q]):
    def __init__(self, scim_filter: ScimFilter[Any]):
        self.scim_filter = scim_filter

    def _attribute(self, node: Comparison | Present) -> tuple[tuple[str, str | None], Any]:
        binding = self.scim_filter.resolve_comparison(node.attr_path, strict=True)
        if binding is None:
            raise InvalidFilterException(detail=f"Unknown attribute {node.attr_path}")
        if issubclass(binding.model, EnterpriseUser):
            return (binding.field_name, None), binding
        return (binding.field_name, binding.sub_field_name), binding

    def visit_logical_expr(self, node: LogicalExpr) -> Q:
        terms = [self.visit(term) for term in node.terms]
        query = terms[0]
        for term in terms[1:]:
            query = query & term if node.op == LogicalOperator.and_ else query | term
        return query

    def visit_not(self, node: Not) -> Q:
        return ~self.visit(node.expr)

    def visit_present(self, node: Present) -> Q:
        key, _binding = self._attribute(node)
        if key not in PRESENT:
            raise InvalidFilterException(detail=f"Spil cannot filter on {node.attr_path}")
        return PRESENT[key]

    def visit_value_path(self, node: ValuePath) -> Q:
        raise InvalidFilterException(detail=f"Spil keeps no multi-valued attribute such as {node.attr_path}")

    def visit_comparison(self, node: Comparison) -> Q:
        key, binding = self._attribute(node)
        if node.op == CompareOperator.ne:
            return ~self._compare(key, binding, CompareOperator.eq, node.value)
        return self._compare(key, binding, node.op, node.value)

    def _compare(self, key, binding, op: CompareOperator, raw: Any) -> Q:
        value = coerce_value(binding, raw, op)
        if isinstance(value, str) and "\x00" in value:
            return NOTHING  # no stored value holds one (and PostgreSQL cannot compare it)
        if isinstance(value, str) and len(value) > LONGEST_STORED and op in MATCHING_OPERATORS:
            return NOTHING
        if key == ("active", None) and op == CompareOperator.eq:
            return IS_ACTIVE if value else IS_INACTIVE
        if key == ("id", None) and op == CompareOperator.eq:
            try:
                return Q(scim_id=uuid.UUID(str(value)))
            except ValueError:
                return NOTHING
        if key == ("meta", "resource_type") and op == CompareOperator.eq:
            return Q() if str(value).lower() == "user" else NOTHING
        if key in DATE_FIELDS:
            return Q(**{f"{DATE_FIELDS[key]}__{LOOKUPS[op]}": value})
        if key in STRING_FIELDS:
            field, case_exact = STRING_FIELDS[key]
            lookup = LOOKUPS[op]
            if case_exact:
                return Q(**{f"{field}__{lookup}": value})
            if lookup in ("gt", "gte", "lt", "lte"):
                return Q(**{f"{ORDERING_KEYS[field]}__{lookup}": str(value).lower()})
            return Q(**{f"{field}__i{lookup}": value})
        raise InvalidFilterException(detail=f"Spil cannot filter on {binding.urn} with {op.value}")
