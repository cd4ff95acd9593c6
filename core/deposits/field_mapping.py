"""Map a source layer's field names onto the canonical deposit fields.

Field names differ between NGU exports (GeoPackage, shapefile with 10-character names,
WFS/GML) and between owners (Norwegian or English), so fields are matched by pattern, not
by one fixed list (DOMAIN.md §6). A user's ``FIELD_MAP`` always wins over the automatic
match.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..errors import TailingsInputError
from ..field_map import parse_field_map as shared_parse_field_map
from ..schema import COMMODITIES, DEPOSIT_FIELDS, OPTIONAL_DEPOSIT_FIELDS

# DBF (shapefile) field names are cut at 10 characters.
SHAPEFILE_NAME_LENGTH = 10
# A truncated name shorter than this is too vague to match on its prefix alone.
MIN_TRUNCATED_LENGTH = 5

# Fields the importer computes itself; a source cannot map onto them.
COMPUTED_FIELDS = ("tonnage_source",)

_TRANSLITERATION = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "ae", "Ø": "o", "Å": "a",
                                  "ä": "a", "ö": "o", "ü": "u"})

# Candidate names per canonical field, most specific first, written in normalised form
# (lower case, æøå transliterated, no separators; see ``normalise_name``).
_BASE_CANDIDATES: dict[str, tuple[str, ...]] = {
    "deposit_id": ("depositid", "deponiid", "deponiident", "identrastoffobj", "forekomstid", "tailingsid",
                   "siteid", "lokalid", "identifikasjon", "objektid", "forekomstnummer", "id"),
    "name": ("name", "navn", "forekomstnavn", "deponinavn", "depositname", "sitename", "tailingsname",
             "objektnavn", "stedsnavn"),
    "municipality": ("municipality", "kommune", "kommunenavn", "municipalityname", "kommnavn"),
    "deposit_kind": ("depositkind", "deponitype", "deposittype", "wastetype", "avfallstype"),
    "setting": ("setting", "plassering", "deponiplassering", "storagetype", "lokalisering", "beliggenhet"),
    "source_mine": ("sourcemine", "kildegruve", "gruve", "gruvenavn", "minename", "mine"),
    "source_commodity": ("sourcecommodity", "kilderastoff", "hovedrastoff", "rastoff", "maincommodity",
                         "commodity", "commodities"),
    "status": ("status", "driftsstatus", "minestatus", "deponistatus"),
    "area_m2": ("aream2", "arealm2", "areal", "area", "areasqm"),
    "volume_m3": ("volumem3", "volumm3", "volum", "volume"),
    "density_t_m3": ("densitytm3", "tetthettm3", "tetthet", "density", "drybulkdensity", "bulkdensity",
                     "egenvekt"),
    "tonnage_t": ("tonnaget", "tonnasjet", "tonnasje", "tonnage", "tonnes", "mengdet", "tonn"),
    "importance": ("importance", "rastoffbetydning", "betydning"),
    "ore_type": ("oretype", "malmtype"),
    "mining_start": ("miningstart", "driftstart", "driftfra", "startar"),
    "mining_end": ("miningend", "driftslutt", "drifttil", "sluttar"),
    "mill_process": ("millprocess", "oppredning", "oppredningsprosess", "processingtype", "prosess"),
    "project_status": ("projectstatus", "prosjektstatus"),
    "permit_status": ("permitstatus", "tillatelse", "konsesjon"),
    "resource_category": ("resourcecategory", "ressurskategori", "perccategory", "jorccategory"),
    "unfc_e_override": ("unfceoverride", "unfceoverstyrt"),
    "unfc_f_override": ("unfcfoverride", "unfcfoverstyrt"),
    "unfc_g_override": ("unfcgoverride", "unfcgoverstyrt"),
}

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
    """Lower case, namespace prefix dropped (``ms:navn``), æøå transliterated, separators removed;
    a ``%`` sign is read as ``pct``."""
    local = name.rsplit(":", 1)[-1]
    local = local.replace("%", "pct").translate(_TRANSLITERATION).lower()
    return re.sub(r"[^a-z0-9]", "", local)


@dataclass(frozen=True)
class FieldMatch:
    canonical: str
    source: str
    how: str          # "override", "exact" or "truncated"
    unit: str = ""    # for mill figures: pct, ppm, fraction or unknown


@dataclass
class FieldMapping:
    matches: dict[str, FieldMatch] = field(default_factory=dict)  # canonical -> match
    source_fields: tuple[str, ...] = ()
    # Truncated source names that fit candidates of several canonical fields (e.g. a shapefile's
    # "forekomstN" could be forekomstNavn or forekomstNummer): left unmapped, reported.
    ambiguous: dict[str, tuple[str, ...]] = field(default_factory=dict)

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
    return tuple((c, "") for c in _BASE_CANDIDATES.get(canonical, ()))


def _score(source: str, candidate: str) -> str | None:
    norm = normalise_name(source)
    if norm == candidate:
        return "exact"
    truncated = len(source.rsplit(":", 1)[-1]) == SHAPEFILE_NAME_LENGTH
    if truncated and len(norm) >= MIN_TRUNCATED_LENGTH and candidate.startswith(norm):
        return "truncated"
    return None


# Known names that are not canonical but share prefixes with canonical candidates (NGU exports).
_NON_CANONICAL_NAMES = ("kommunenummer", "registreringstype", "objekttype", "forekomstnummer")


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
        for other in _NON_CANONICAL_NAMES:
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


def match_fields(source_fields: Sequence[str], overrides: dict[str, str] | None = None) -> FieldMapping:
    """Match ``source_fields`` to canonical fields: overrides first, then exact, then truncated names.

    Each source field feeds at most one canonical field. Canonical fields are served in
    schema order and, within a field, candidates in order of specificity, so an exact
    ``identRastoffobj`` beats a truncated ``forekomstN`` for ``deposit_id``.
    """
    overrides = overrides or {}
    mapping = FieldMapping(source_fields=tuple(source_fields))
    taken: set[str] = set()
    by_lower = {s.lower(): s for s in source_fields}
    for canonical, source in overrides.items():
        if not source:
            continue  # "canonical=" means: do not map this field at all
        actual = by_lower.get(source.lower())
        if actual is None:
            raise TailingsInputError(
                f"FIELD_MAP maps {canonical!r} to a field the layer does not have; the layer's fields are: "
                f"{', '.join(source_fields)}", column=source)
        mapping.matches[canonical] = FieldMatch(canonical, actual, "override", _unit_for(canonical, actual))
        taken.add(actual)
    ambiguous = _ambiguous_truncations(source_fields)
    mapping.ambiguous = {s: ambiguous[s] for s in ambiguous if s not in taken}
    taken |= set(ambiguous)
    for how in ("exact", "truncated"):
        for canonical in CANONICAL_ORDER:
            if canonical in mapping.matches or canonical in overrides:
                continue
            for candidate, unit in _candidates(canonical):
                found = next((s for s in source_fields if s not in taken and _score(s, candidate) == how), None)
                if found is not None:
                    mapping.matches[canonical] = FieldMatch(canonical, found, how, unit)
                    taken.add(found)
                    break
    return mapping


def parse_field_map(text: str | None, known: Iterable[str] = CANONICAL_ORDER) -> dict[str, str]:
    """Parse ``FIELD_MAP``: ``canonical=source;canonical=source`` or a JSON object (syntax in
    ``core.field_map``, shared with the assay importer).

    An empty source (``tonnage_t=``) switches the automatic match for that field off.
    """
    return shared_parse_field_map(text, known)
