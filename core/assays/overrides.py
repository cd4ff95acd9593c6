"""``FIELD_MAP`` for assay sheets: name the column of any role, element or oxide, or switch a match off.

Entries are ``target=column`` in the shared syntax of ``core.field_map`` (``;``-separated
or JSON). Targets: ``sample_id``, ``deposit_id``, ``sample_type``, ``x``/``easting``,
``y``/``northing``, ``lon``, ``lat``, ``hole_id``, ``from``, ``to``, or an element or oxide
with an optional unit (``co``, ``co:ppm``, ``cu:%``, ``fe2o3``). The column-first form
``Co_ICP=co:ppm`` is read the same way. ``target=`` switches the automatic match of that
target off; ``Column=`` (a column that is no target) makes that column plain text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import TailingsInputError
from ..field_map import parse_pairs
from .chemistry import ELEMENT_BY_LOWER, Oxide, canonical_unit, parse_oxide

# FIELD_MAP target → column role (header.py).
ROLE_TARGETS: dict[str, str] = {
    "sample_id": "sample_id", "deposit_id": "deposit", "deposit": "deposit", "sample_type": "sample_type",
    "x": "easting", "easting": "easting", "y": "northing", "northing": "northing",
    "lon": "longitude", "longitude": "longitude", "lat": "latitude", "latitude": "latitude",
    "hole_id": "hole_id", "from": "depth_from", "to": "depth_to",
}
TARGET_HELP = ("sample_id, deposit_id, sample_type, x, y, lon, lat, hole_id, from, to, or an element or oxide "
               "with an optional unit (co, co:ppm, cu:%, fe2o3)")
_OXIDE_WORD = re.compile(r"^([a-z]{1,2}?)(\d*)o(\d*)$")


@dataclass(frozen=True)
class Override:
    target: str                 # as written, e.g. "co:ppm"
    role: str                   # a column role, "element", "oxide" or "off" (column made plain text)
    column: str                 # header text of the column; "" switches the target's match off
    element: str | None = None
    oxide: Oxide | None = None
    unit: str | None = None

    def matches(self, role: str, element: str | None) -> bool:
        """Whether an automatically recognised column is the one this target names."""
        if self.role in ("element", "oxide"):
            return role in ("element", "oxide") and element == self.element
        return role == self.role


def _oxide(name: str) -> Oxide | None:
    match = _OXIDE_WORD.match(name.lower())
    if not match:
        return parse_oxide(name)
    symbol, cations, oxygens = match.groups()
    return parse_oxide(f"{symbol.capitalize()}{cations}O{oxygens}")


def parse_target(text: str) -> Override | None:
    """The target part of an entry (``co:ppm``), without its column; None when it is no target."""
    name, _, unit_text = text.strip().partition(":")
    key = name.strip().lower()
    unit = canonical_unit(unit_text) if unit_text.strip() else None
    if unit_text.strip() and unit is None:
        raise TailingsInputError("FIELD_MAP: {0!r} is not a unit (use ppm, ppb, %, g/t, ...)", unit_text.strip(),
                                 column="FIELD_MAP", value=text)
    if key in ROLE_TARGETS and not unit_text:
        return Override(text.strip(), ROLE_TARGETS[key], "")
    if key in ELEMENT_BY_LOWER:
        return Override(text.strip(), "element", "", element=ELEMENT_BY_LOWER[key], unit=unit)
    oxide = _oxide(name.strip())
    if oxide is not None:
        return Override(text.strip(), "oxide", "", element=oxide.element, oxide=oxide, unit=unit or "%")
    return None


def parse_assay_field_map(text: str | None) -> list[Override]:
    """The entries of an assay ``FIELD_MAP``, in order; TailingsInputError for a bad entry."""
    out = []
    for key, value in parse_pairs(text).items():
        target = parse_target(key)
        if target is not None:
            out.append(Override(target.target, target.role, value, target.element, target.oxide, target.unit))
            continue
        flipped = parse_target(value) if value else None
        if flipped is not None:  # column-first form: Co_ICP=co:ppm
            out.append(Override(flipped.target, flipped.role, key, flipped.element, flipped.oxide, flipped.unit))
        elif not value:
            out.append(Override(key, "off", key))
        else:
            raise TailingsInputError("FIELD_MAP entry {0}={1}: neither side is a known target ({2})", key, value,
                                     TARGET_HELP, column="FIELD_MAP", value=f"{key}={value}")
    return out
