"""CRS hints written in an assay sheet: ``m (UTM35)``, ``EUREF89 UTM sone 32``, ``EPSG:25832``,
``WGS84``, ``ETRS89 / UTM zone 33N``, ``mE32wgs``.

The words are data (``resources/codelists/crs_hints.toml``); the patterns below are built
from them. A hint names an EPSG code directly, or a UTM zone (with or without a datum), or
only a datum (``WGS84``: the CRS of latitude/longitude, or the datum of an unnamed zone).
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..message import Message

HINTS_PATH = Path(__file__).resolve().parent.parent.parent / "resources" / "codelists" / "crs_hints.toml"


@dataclass(frozen=True)
class CrsHint:
    epsg: int                # the CRS the hint names (a geographic CRS when only a datum is named)
    datum_only: bool         # "WGS84" alone: says the datum, not which projection
    text: str                # the text of the hint as written
    where: str               # e.g. "the header of column 'Easting (UTM32)'", "row 3, above the header"

    @property
    def crs(self) -> str:
        return f"EPSG:{self.epsg}"

    def describe(self) -> Message:
        return Message("{0!r} in {1} ({2})", self.text, self.where, self.crs)


@dataclass(frozen=True)
class _Grammar:
    epsg: re.Pattern[str]
    zone: re.Pattern[str]
    datum: re.Pattern[str]
    attached: re.Pattern[str]   # a zone number glued to a datum word: "32wgs", "wgs84 32"
    bare_code: re.Pattern[str]
    bare_zone: re.Pattern[str]    # "33N"
    datums: dict[str, str]
    codes: dict[str, dict[str, int]]
    default_datum: str


def _alternation(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"[\s_\-]*") for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=2)
def _grammar(path: Path = HINTS_PATH) -> _Grammar:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    zones = "|".join(str(z) for z in data["zones"])
    datum_words = _alternation(data["datums"])
    codes = data["datum_codes"]
    known = sorted({c["utm_prefix"] * 100 + z for c in codes.values() for z in data["zones"]}
                   | {c["geographic"] for c in codes.values()})
    return _Grammar(
        epsg=re.compile(r"epsg\s*[:#]?\s*(\d{4,5})"),
        zone=re.compile(rf"(?:{_alternation(data['zone_words'])})[\s_\-]*({zones})(?:\s*[a-z](?![a-z]))?"),
        datum=re.compile(rf"(?<![a-z])({datum_words})(?![a-z])"),
        attached=re.compile(rf"(?<!\d)({zones})[\s_\-]*(?=(?:{datum_words}))"),
        bare_code=re.compile(rf"(?<![0-9a-z.])({'|'.join(map(str, known))})(?![0-9a-z.])"),
        bare_zone=re.compile(rf"(?<![0-9a-z.])({zones})\s*n(?![a-z])"),
        datums={re.sub(r"\s+", "", k.lower()): v for k, v in data["datums"].items()},
        codes=codes, default_datum=data["default_datum"])


def _datum_key(grammar: _Grammar, word: str) -> str:
    return grammar.datums[re.sub(r"[\s_\-]+", "", word.lower()).replace("_", "")]


def find_hint(text: object, where: str) -> CrsHint | None:
    """The CRS hint in one cell's text, or None."""
    if not isinstance(text, str) or not text.strip():
        return None
    grammar = _grammar()
    low = text.lower()
    explicit = grammar.epsg.search(low) or grammar.bare_code.search(low)
    if explicit:
        return CrsHint(int(explicit.group(1)), False, text.strip(), where)
    zone_match = grammar.zone.search(low) or grammar.attached.search(low) or grammar.bare_zone.search(low)
    datum_match = grammar.datum.search(low)
    datum = _datum_key(grammar, datum_match.group(1)) if datum_match else None
    if zone_match:
        prefix = grammar.codes[datum or grammar.default_datum]["utm_prefix"]
        return CrsHint(prefix * 100 + int(zone_match.group(1)), False, text.strip(), where)
    if datum:
        return CrsHint(grammar.codes[datum]["geographic"], True, text.strip(), where)
    return None


def strip_hint(text: str) -> str:
    """``text`` without its CRS words, for reading the column's role (``Øst sone 33`` → ``Øst``)."""
    grammar = _grammar()
    out = text
    for pattern in (grammar.epsg, grammar.bare_code, grammar.zone, grammar.attached, grammar.bare_zone, grammar.datum):
        out = pattern.sub(" ", out.lower()) if pattern.search(out.lower()) else out
    return out.strip() if out != text else text
