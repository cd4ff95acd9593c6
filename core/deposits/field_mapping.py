"""Map a source layer's field names onto the canonical deposit fields.

Field names differ between NGU exports (GeoPackage, shapefile with 10-character names,
WFS/GML) and between owners (Norwegian or English), so fields are matched by pattern, not
by one fixed list (DOMAIN.md §6). A user's ``FIELD_MAP`` always wins over the automatic
match.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pandas as pd

from ..errors import TailingsInputError
from ..field_map import parse_field_map as shared_parse_field_map
from ..message import Message
from ..schema import COMMODITIES, DEPOSIT_FIELDS, OPTIONAL_DEPOSIT_FIELDS
from .vocabulary import field_candidates, fold, id_pattern, non_canonical_names

# DBF (shapefile) field names are cut at 10 characters.
SHAPEFILE_NAME_LENGTH = 10
# A truncated name shorter than this is too vague to match on its prefix alone.
MIN_TRUNCATED_LENGTH = 5

# Fields the importer computes itself; a source cannot map onto them.
COMPUTED_FIELDS = ("tonnage_source",)

# Unit of a mill figure as written in the source, so values can be converted to the
# canonical unit: grades to ppm, recoveries to a 0-1 fraction.
PERCENT, PPM, FRACTION, UNKNOWN_UNIT = "pct", "ppm", "fraction", "unknown"


def _mill_candidates() -> dict[str, tuple[tuple[str, str], ...]]:
    """(normalised candidate, unit) for the per-commodity head grade, recovery, concentrate grade."""
    out: dict[str, tuple[tuple[str, str], ...]] = {}
    for c in COMMODITIES:
        prefixes = (c, "ree") if c == "tree" else (c,)
        head, recovery, conc = [], [], []
        for p in prefixes:
            for word in ("head", "hode", "hodegehalt", "headgrade"):
                head += [(f"{p}{word}ppm", PPM), (f"{p}{word}pct", PERCENT), (f"{p}{word}prosent", PERCENT)]
            for word in ("recovery", "utbytte", "utvinning"):
                recovery += [(f"{p}{word}pct", PERCENT), (f"{p}{word}prosent", PERCENT),
                             (f"{p}{word}fraction", FRACTION), (f"{p}{word}", UNKNOWN_UNIT)]
            for word in ("conc", "konsentrat", "concentrate", "konsentratgehalt"):
                conc += [(f"{p}{word}ppm", PPM), (f"{p}{word}pct", PERCENT), (f"{p}{word}prosent", PERCENT)]
        out[f"{c}_head_ppm"] = tuple(head)
        out[f"{c}_recovery"] = tuple(recovery)
        out[f"{c}_conc_ppm"] = tuple(conc)
    return out


_MILL_CANDIDATES = _mill_candidates()

CANONICAL_ORDER: tuple[str, ...] = tuple(
    s.name for s in (*DEPOSIT_FIELDS, *OPTIONAL_DEPOSIT_FIELDS) if s.name not in COMPUTED_FIELDS)


def normalise_name(name: str) -> str:
    """Namespace prefix dropped (``ms:navn``), a ``%`` sign read as ``pct``, then folded
    (lower case, æøå and their ASCII spellings "aa"/"oe" folded, separators removed; see
    field_names.toml)."""
    return fold(name.rsplit(":", 1)[-1].replace("%", "pct"))


@dataclass(frozen=True)
class FieldMatch:
    canonical: str
    source: str
    how: str          # "override", "exact", "truncated" or "pattern" (an id-like name, values unique)
    unit: str = ""    # for mill figures: pct, ppm, fraction or unknown


@dataclass
class FieldMapping:
    matches: dict[str, FieldMatch] = field(default_factory=dict)  # canonical -> match
    source_fields: tuple[str, ...] = ()
    # Truncated source names that fit candidates of several canonical fields (e.g. a shapefile's
    # "forekomstN" could be forekomstNavn or forekomstNummer): left unmapped, reported.
    ambiguous: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Other source fields that could have fed a canonical field, with why they were not taken.
    alternatives: dict[str, list[str]] = field(default_factory=dict)

    def source_of(self, canonical: str) -> str | None:
        m = self.matches.get(canonical)
        return m.source if m else None

    @property
    def mapped_sources(self) -> set[str]:
        return {m.source for m in self.matches.values()}

    def describe(self) -> list[str]:
        """One human-readable line per mapped field, in canonical order."""
        lines = []
        for name in CANONICAL_ORDER:
            m = self.matches.get(name)
            if m is not None:
                unit = f", unit {m.unit}" if m.unit else ""
                lines.append(f"{name} ← {m.source} ({m.how}{unit})")
        return lines


def _candidates(canonical: str) -> tuple[tuple[str, str], ...]:
    if canonical in _MILL_CANDIDATES:
        return _MILL_CANDIDATES[canonical]
    return tuple((c, "") for c in field_candidates().get(canonical, ()))


def _score(source: str, candidate: str) -> str | None:
    norm = normalise_name(source)
    if norm == candidate:
        return "exact"
    truncated = len(source.rsplit(":", 1)[-1]) == SHAPEFILE_NAME_LENGTH
    if truncated and len(norm) >= MIN_TRUNCATED_LENGTH and candidate.startswith(norm):
        return "truncated"
    return None


def _ambiguous_truncations(source_fields: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """Truncated names that are the prefix of known names belonging to different fields."""
    out: dict[str, tuple[str, ...]] = {}
    for source in source_fields:
        if len(source.rsplit(":", 1)[-1]) != SHAPEFILE_NAME_LENGTH:
            continue
        norm = normalise_name(source)
        if len(norm) < MIN_TRUNCATED_LENGTH or any(norm == c for name in CANONICAL_ORDER
                                                   for c, _ in _candidates(name)):
            continue
        owners: dict[str, str] = {}
        for name in CANONICAL_ORDER:
            for candidate, _ in _candidates(name):
                if candidate.startswith(norm):
                    owners.setdefault(name, candidate)
        for other in non_canonical_names():
            if other.startswith(norm) and other not in owners.values():
                owners.setdefault(f"(not mapped: {other})", other)
        if len(owners) > 1:
            out[source] = tuple(sorted(set(owners.values())))
    return out


def _unit_for(canonical: str, source: str) -> str:
    """Unit implied by a user-mapped source name (FIELD_MAP), for mill figures."""
    norm = normalise_name(source)
    if canonical.endswith("_recovery"):
        if norm.endswith(("pct", "prosent")):
            return PERCENT
        return UNKNOWN_UNIT
    if canonical.endswith("_ppm") and canonical in _MILL_CANDIDATES:
        return PERCENT if norm.endswith(("pct", "prosent")) else PPM
    return ""


def _non_empty(frame: pd.DataFrame | None, source: str) -> int:
    if frame is None:
        return 0
    values = frame[source]
    return int((values.notna() & (values.astype(str).str.strip() != "")).sum())


def _pick(found: list[str], frame: pd.DataFrame | None) -> tuple[str, list[str]]:
    """The source among same-named ones with most values (e.g. an empty ``gml:name`` beside a
    filled ``erl:name``); the others as alternatives."""
    if len(found) == 1:
        return found[0], []
    best = max(found, key=lambda s: _non_empty(frame, s))  # max keeps the first on ties
    return best, [Message("{0} (same name, {1} values)", s, _non_empty(frame, s)) for s in found if s != best]


def _apply_overrides(mapping: FieldMapping, overrides: dict[str, str], source_fields: Sequence[str]) -> set[str]:
    taken: set[str] = set()
    by_lower = {s.lower(): s for s in source_fields}
    for canonical, source in overrides.items():
        if not source:
            continue  # "canonical=" means: do not map this field at all
        actual = by_lower.get(source.lower())
        if actual is None:
            raise TailingsInputError("FIELD_MAP maps {0!r} to a field the layer does not have; the layer's fields "
                                     "are: {1}", canonical, ", ".join(source_fields), column=source)
        mapping.matches[canonical] = FieldMatch(canonical, actual, "override", _unit_for(canonical, actual))
        taken.add(actual)
    return taken


def _id_by_pattern(mapping: FieldMapping, source_fields: Sequence[str], taken: set[str],
                   frame: pd.DataFrame | None) -> None:
    """deposit_id from an id-like name (…nr, …nummer, …_id, id…) when no listed name matched.
    With data, only a field whose values are unique qualifies, the most complete one wins."""
    pattern = id_pattern()
    found = [s for s in source_fields if s not in taken and pattern.matches(normalise_name(s))]
    if not found:
        return
    usable, notes = [], []
    for source in found:
        if frame is None:
            usable.append(source)
            continue
        values = frame[source][frame[source].notna()].astype(str).str.strip()
        values = values[values != ""]
        repeated = int(values.duplicated().sum())
        if values.empty:
            notes.append(Message("{0} (empty)", source))
        elif repeated:
            notes.append(Message("{0} ({1} repeated values, so not an id)", source, repeated))
        else:
            usable.append(source)
    if usable:
        best = max(usable, key=lambda s: _non_empty(frame, s))
        mapping.matches["deposit_id"] = FieldMatch("deposit_id", best, "pattern")
        taken.add(best)
        notes += [Message("{0} (also id-like, {1} values)", s, _non_empty(frame, s)) for s in usable if s != best]
    if notes:
        mapping.alternatives.setdefault("deposit_id", []).extend(notes)


def match_fields(source_fields: Sequence[str], overrides: dict[str, str] | None = None,
                 frame: pd.DataFrame | None = None) -> FieldMapping:
    """Match ``source_fields`` to canonical fields: overrides first, then exact, then truncated
    names, then (deposit_id only) id-like names.

    Each source field feeds at most one canonical field. Canonical fields are served in
    schema order and, within a field, candidates in order of specificity, so an exact
    ``identRastoffobj`` beats a truncated ``forekomstN`` for ``deposit_id``. ``frame`` (the
    source's values, optional) lets the guesses be checked against the data: of two fields
    with the same name the filled one wins, and an id-like name needs unique values.
    """
    overrides = overrides or {}
    mapping = FieldMapping(source_fields=tuple(source_fields))
    taken = _apply_overrides(mapping, overrides, source_fields)
    ambiguous = _ambiguous_truncations(source_fields)
    mapping.ambiguous = {s: ambiguous[s] for s in ambiguous if s not in taken}
    taken |= set(ambiguous)
    for how in ("exact", "truncated"):
        for canonical in CANONICAL_ORDER:
            if canonical in mapping.matches or canonical in overrides:
                continue
            for candidate, unit in _candidates(canonical):
                found = [s for s in source_fields if s not in taken and _score(s, candidate) == how]
                if found:
                    best, others = _pick(found, frame)
                    mapping.matches[canonical] = FieldMatch(canonical, best, how, unit)
                    taken.add(best)
                    if others:
                        mapping.alternatives.setdefault(canonical, []).extend(others)
                    break
    if "deposit_id" not in mapping.matches and "deposit_id" not in overrides:
        _id_by_pattern(mapping, source_fields, taken, frame)
    return mapping


def parse_field_map(text: str | None, known: Iterable[str] = CANONICAL_ORDER) -> dict[str, str]:
    """Parse ``FIELD_MAP``: ``canonical=source;canonical=source`` or a JSON object (syntax in
    ``core.field_map``, shared with the assay importer).

    An empty source (``tonnage_t=``) switches the automatic match for that field off.
    """
    return shared_parse_field_map(text, known)
