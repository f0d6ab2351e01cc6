"""Geometry for the server-rendered SVG charts. Templates draw; this module only measures."""

from dataclasses import dataclass

from .models import CareerPath, Level, RoleProfilePage

MAX_LEVEL = len(Level.choices)


@dataclass(frozen=True)
class Bar:
    label: str
    level: int
    y: int
    width: float


def requirement_chart(requirements, *, label_width: int = 260, bar_area: int = 320, row: int = 30) -> dict:
    """A horizontal bar per required competency, its length proportional to the level."""
    bars = [
        Bar(label=r.competency.name, level=r.level, y=i * row, width=bar_area * r.level / MAX_LEVEL)
        for i, r in enumerate(requirements)
    ]
    ticks = [(level, label_width + bar_area * level / MAX_LEVEL) for level in range(MAX_LEVEL + 1)]
    return {
        "bars": bars,
        "label_width": label_width,
        "bar_area": bar_area,
        "row": row,
        "bar_height": row - 10,
        "width": label_width + bar_area + 20,
        "height": len(bars) * row + 30,
        "ticks": ticks,
    }


NODE_W, NODE_H = 230, 46
COL_GAP, ROW_GAP = 60, 34
TOP = 50


@dataclass(frozen=True)
class Node:
    profile: RoleProfilePage
    x: int
    y: int

    @property
    def cx(self) -> int:
        return self.x + NODE_W // 2

    @property
    def cy(self) -> int:
        return self.y + NODE_H // 2


@dataclass(frozen=True)
class Edge:
    path: CareerPath
    x1: float
    y1: float
    x2: float
    y2: float

    @property
    def is_lateral(self) -> bool:
        return self.path.kind == CareerPath.Kind.LATERAL


def _anchor(source: Node, target: Node) -> tuple[float, float, float, float]:
    """Connect the facing sides of two nodes: top/bottom in one column, left/right across."""
    if source.x == target.x:
        if target.y < source.y:
            return source.cx, source.y, target.cx, target.y + NODE_H
        return source.cx, source.y + NODE_H, target.cx, target.y
    if target.x > source.x:
        return source.x + NODE_W, source.cy, target.x, target.cy
    return source.x, source.cy, target.x + NODE_W, target.cy


def career_map_layout(*, columns: list[list[RoleProfilePage]], family_labels: list[str], paths) -> dict:
    """Columns of nodes per family, highest rung on top; edges between facing sides."""
    rows = max((len(c) for c in columns), default=0)
    nodes: dict[int, Node] = {}
    headings = []
    for col, profiles in enumerate(columns):
        x = 10 + col * (NODE_W + COL_GAP)
        headings.append((family_labels[col], x + NODE_W // 2))
        for i, profile in enumerate(reversed(profiles)):
            nodes[profile.pk] = Node(profile=profile, x=x, y=TOP + i * (NODE_H + ROW_GAP))
    edges = [
        Edge(p, *_anchor(nodes[p.from_profile_id], nodes[p.to_profile_id]))
        for p in paths
        if p.from_profile_id in nodes and p.to_profile_id in nodes
    ]
    by_profile = {
        pk: {
            "node": node,
            "out": [e.path for e in edges if e.path.from_profile_id == pk],
            "in": [e.path for e in edges if e.path.to_profile_id == pk],
        }
        for pk, node in nodes.items()
    }
    listing = [
        (label, [by_profile[p.pk] for p in profiles]) for label, profiles in zip(family_labels, columns, strict=True)
    ]
    return {
        "nodes": list(nodes.values()),
        "edges": edges,
        "headings": headings,
        "listing": [(label, items) for label, items in listing if items],
        "width": 20 + len(columns) * NODE_W + (len(columns) - 1) * COL_GAP,
        "height": TOP + rows * (NODE_H + ROW_GAP),
        "node_w": NODE_W,
        "node_h": NODE_H,
    }
