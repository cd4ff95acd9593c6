"""Finding the header row and recognising what each column holds.

A header cell names a sample id, a deposit, a sample type, a coordinate, an element or an
oxide. Elements and oxides carry a unit from the header (``Co_ppm``, ``Co (ppm)``,
``Co [ppm]``, ``Cu %``, ``Au_ppb``), from a units row under the header, or by rule (an oxide
without unit is wt %). Lab-method parts (``Co_ICP_ppm``, ``Cu-AA62``) are kept as the
column's method and ignored for the element name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .chemistry import ELEMENT_BY_LOWER, UNIT_ALTERNATION, UNIT_TO_PPM, Oxide, canonical_unit, parse_oxide

HEADER_SEARCH_ROWS = 60

# Symbols that clash with ordinary header words or coordinates and are never assayed as
# such in this domain; they are not read as elements.
_NOT_ELEMENTS = {"n", "o", "h", "i", "no", "he", "ne", "ar", "kr", "xe", "rn"}

ROLE_PATTERNS: dict[str, re.Pattern[str]] = {
    "sample_id": re.compile(
        r"^(sample|prøve|prove|pr\u00f8ve)?[\s_\-.]*(id|no|nr|nummer|number|name|navn|code|kode)$"
        r"|^(sample|prøve|prove|sample\s*ref|field\s*id|lab\s*id|client\s*id)$"),
    "deposit": re.compile(
        r"^(deposit|deponi|forekomst|tailings|site|lokalitet|avgangsdeponi)([\s_\-.]*(id|name|navn|nr))?$"
        r"|^(deponiid|deposit_id|depositid)$"),
    "sample_type": re.compile(
        r"^((sample|prøve)[\s_\-.]*(type|kind|class)|type|qc|qaqc|qa/qc|qc[\s_\-.]*type|prøvetype|kind)$"),
    "easting": re.compile(r"^(easting|east|x|øst|ost|utm[\s_\-.]*e|e|x[\s_\-.]*coord\w*|euref89[\s_\-.]*x)$"),
    "northing": re.compile(r"^(northing|north|y|nord|utm[\s_\-.]*n|n|y[\s_\-.]*coord\w*|euref89[\s_\-.]*y)$"),
    "latitude": re.compile(r"^(lat|latitude|breddegrad|lat[\s_\-.]*wgs84|wgs84[\s_\-.]*lat)$"),
    "longitude": re.compile(r"^(lon|long|lng|longitude|lengdegrad|lon[\s_\-.]*wgs84|wgs84[\s_\-.]*lon)$"),
}
_ZONE_HINT = re.compile(r"(?:utm|sone|zone)\s*[-_ ]?\s*(3[235])|258(3[235])|\b(3[235])\s*n\b", re.IGNORECASE)
_BRACKETED = re.compile(r"[\(\[]\s*([^\)\]]*)\s*[\)\]]")
_UNIT_TOKEN = re.compile(rf"(?:(?<=^)|(?<=[\s_\-\(\[]))({UNIT_ALTERNATION})(?=$|[\s_\-\)\]])", re.IGNORECASE)
_SPLIT = re.compile(r"[\s_\-\(\)\[\]:]+")


@dataclass
class Column:
    """What one source column holds."""
    index: int
    header: str
    role: str                  # sample_id, deposit, sample_type, easting, ..., element, oxide, other
    element: str | None = None  # element symbol (for oxides: the cation)
    oxide: Oxide | None = None
    unit: str | None = None     # "ppm", "ppb" or "%" once known
    unit_source: str = ""       # "header", "units row", "rule (oxide)", "assumed"
    method: str = ""            # lab method tokens, e.g. "ICP"
    zone_hint: int | None = None
    name: str = ""              # output field name

    @property
    def to_ppm(self) -> float:
        return UNIT_TO_PPM[self.unit or "ppm"]


def clean_header(value: object) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    text = str(value).replace("\n", " ").strip()
    return re.sub(r"\s+", " ", text)


def _split_unit(header: str) -> tuple[str, str | None]:
    """``Co (ppm)`` → (``Co``, ``ppm``); the header with the unit removed, and the unit."""
    for match in _BRACKETED.finditer(header):
        unit = canonical_unit(match.group(1))
        if unit:
            return (header[:match.start()] + " " + header[match.end():]).strip(), unit
    spaced = header.replace("%", " % ")
    match = _UNIT_TOKEN.search(spaced)
    if match:
        unit = canonical_unit(match.group(1))
        return (spaced[:match.start()] + " " + spaced[match.end():]).strip(), unit
    return header, None


def recognise(header: str, index: int) -> Column:
    """The role of one header cell, from its text alone (no units row yet)."""
    text = clean_header(header)
    low = text.lower()
    zone_match = _ZONE_HINT.search(text)
    zone = int(next(g for g in zone_match.groups() if g)) if zone_match else None
    bare_role_text = _BRACKETED.sub("", low).strip()
    for role in ("sample_id", "deposit", "sample_type", "latitude", "longitude"):
        if ROLE_PATTERNS[role].match(bare_role_text):
            return Column(index, text, role, zone_hint=zone)
    stripped, unit = _split_unit(text)
    tokens = [t for t in _SPLIT.split(stripped) if t]
    if tokens:
        first = tokens[0]
        method = " ".join(tokens[1:])
        symbol = ELEMENT_BY_LOWER.get(first.lower()) if first.lower() not in _NOT_ELEMENTS else None
        if symbol:
            return Column(index, text, "element", element=symbol, unit=unit,
                          unit_source="header" if unit else "", method=method)
        oxide = parse_oxide(first)
        if oxide is not None:
            return Column(index, text, "oxide", element=oxide.element, oxide=oxide, unit=unit or "%",
                          unit_source="header" if unit else "rule (oxide)", method=method)
    for role in ("easting", "northing"):
        if ROLE_PATTERNS[role].match(bare_role_text):
            return Column(index, text, role, zone_hint=zone)
    return Column(index, text, "other" if text else "empty")


def header_score(cells: list[object]) -> int:
    columns = [recognise(c, i) for i, c in enumerate(cells)]
    analytes = sum(c.role in ("element", "oxide") for c in columns)
    keys = sum(c.role in ("sample_id", "deposit", "sample_type", "easting", "northing",
                          "latitude", "longitude") for c in columns)
    numbers = sum(isinstance(c, (int, float)) and not isinstance(c, bool) for c in cells)
    return analytes * 2 + keys * 3 - numbers * 2 if analytes else 0


def is_units_row(cells: list[object]) -> bool:
    texts = [clean_header(c) for c in cells]
    filled = [t for t in texts if t]
    return bool(filled) and sum(canonical_unit(t) is not None for t in filled) >= max(1, len(filled) // 2 + 1)


@dataclass
class HeaderLayout:
    header_offset: int            # row offset (0-based) of the header within the head block
    units_offset: int | None
    columns: list[Column]
    notes: list[str]


def find_header(head: pd.DataFrame) -> HeaderLayout | None:
    """The best header row among the first rows of a sheet; None when no row names an element."""
    rows = head.head(HEADER_SEARCH_ROWS).astype(object).where(head.head(HEADER_SEARCH_ROWS).notna(), None)
    cell_rows = rows.values.tolist()
    scores = [header_score(r) for r in cell_rows]
    if not scores or max(scores) <= 0:
        return None
    offset = int(np.argmax(scores))
    header_cells = list(cell_rows[offset])
    units_offset = offset + 1 if offset + 1 < len(cell_rows) and is_units_row(cell_rows[offset + 1]) else None
    notes: list[str] = []
    units_cells = cell_rows[units_offset] if units_offset is not None else [None] * len(header_cells)
    # Merged header cells: only the top-left cell of a merged range holds the text, the
    # others read empty. A blank header above a unit in the units row belongs to the merged
    # cell on its left.
    for i, cell in enumerate(header_cells):
        if not clean_header(cell) and i > 0 and canonical_unit(clean_header(units_cells[i]) or "-"):
            header_cells[i] = header_cells[i - 1]
            notes.append(f"column {i + 1}: empty header under a merged cell, "
                         f"taken as {clean_header(header_cells[i])!r}")
    columns = [recognise(c, i) for i, c in enumerate(header_cells)]
    for column in columns:
        if units_offset is not None and column.role in ("element", "oxide"):
            unit = canonical_unit(clean_header(units_cells[column.index]) or "-")
            if unit and column.unit_source in ("", "rule (oxide)"):
                column.unit, column.unit_source = unit, "units row"
            elif unit and unit != column.unit:
                notes.append(f"column {column.header!r}: header says {column.unit}, units row says {unit}; "
                             "the header wins")
    _resolve_coordinate_words(columns)
    for column in columns:
        if column.role == "element" and column.unit is None:
            column.unit, column.unit_source = "ppm", "assumed"
            notes.append(f"column {column.header!r}: no unit given, assumed ppm")
    return HeaderLayout(offset, units_offset, columns, notes)


def _resolve_coordinate_words(columns: list[Column]) -> None:
    """``Y`` is yttrium unless the sheet has an ``X`` column and ``Y`` carries no unit."""
    has_x = any(c.role == "easting" and c.header.strip().lower().startswith("x") for c in columns)
    has_other_northing = any(c.role == "northing" for c in columns)
    for column in columns:
        bare = column.header.strip().lower()
        if (column.role == "element" and column.element == "Y" and bare in ("y",) and has_x
                and not has_other_northing and column.unit is None):
            column.role, column.element, column.unit, column.unit_source = "northing", None, None, ""


def snake(text: str) -> str:
    out = re.sub(r"[^0-9a-zA-Z]+", "_", text.lower().replace("ø", "o").replace("æ", "ae").replace("å", "a"))
    out = out.strip("_") or "column"
    return f"c_{out}" if out[0].isdigit() else out
