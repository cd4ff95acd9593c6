"""Finding the header row and recognising what each column holds.

A header cell names a sample id, a deposit, a sample type, a coordinate, an element or an
oxide. Elements and oxides carry a unit from the header (``Co_ppm``, ``Co (ppm)``,
``Co [ppm]``, ``Cu %``, ``Au_ppb``), from a units row under the header, or by rule (an oxide
without unit is wt %). Lab-method parts (``Co_ICP_ppm``, ``Cu-AA62``) are kept as the
column's method and ignored for the element name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..errors import TailingsInputError
from ..message import Message
from .chemistry import ELEMENT_BY_LOWER, UNIT_ALTERNATION, UNIT_TO_PPM, Oxide, canonical_unit, parse_oxide
from .crs_hints import CrsHint, find_hint, strip_hint
from .overrides import Override
from .vocabulary import closest_cells, coordinate_units, fold, role_of

HEADER_SEARCH_ROWS = 60

# Symbols that clash with ordinary header words or coordinates and are never assayed as
# such in this domain; they are not read as elements.
_NOT_ELEMENTS = {"n", "o", "h", "i", "no", "he", "ne", "ar", "kr", "xe", "rn"}

KEY_ROLES = ("sample_id", "deposit", "sample_type", "easting", "northing", "latitude", "longitude",
             "hole_id", "depth_from", "depth_to")
_BRACKETED = re.compile(r"[\(\[]\s*([^\)\]]*)\s*[\)\]]")
_UNIT_TOKEN = re.compile(rf"(?:(?<=^)|(?<=[\s_\-\(\[]))({UNIT_ALTERNATION})(?=$|[\s_\-\)\]])", re.IGNORECASE)
_SPLIT = re.compile(r"[\s_\-\(\)\[\]:]+")

# How a column's unit was decided, in words for the notes (the keys are the values of Column.unit_source).
UNIT_SOURCE_TEXT = {"header": Message("header"), "units row": Message("units row"),
                    "rule (oxide)": Message("rule (oxide)"), "assumed": Message("assumed")}


@dataclass
class Column:
    """What one source column holds."""
    index: int
    header: str
    role: str                  # sample_id, deposit, sample_type, easting, ..., element, oxide, other
    element: str | None = None  # element symbol (for oxides: the cation)
    oxide: Oxide | None = None
    unit: str | None = None     # "ppm", "ppb" or "%" once known
    unit_source: str = ""       # "header", "units row", "rule (oxide)", "assumed", "FIELD_MAP"
    method: str = ""            # lab method tokens, e.g. "ICP"
    crs_hints: list[CrsHint] = field(default_factory=list)  # from the header cell and the units row
    name: str = ""              # output field name
    overridden: bool = False    # role set by FIELD_MAP

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


def recognise(header: object, index: int) -> Column:
    """The role of one header cell, from its text alone (no units row yet)."""
    text = clean_header(header)
    hint = find_hint(text, Message("the header of column {0!r}", text))
    hints = [hint] if hint else []
    role_text = strip_hint(_BRACKETED.sub(" ", text))
    role = role_of(role_text, before_elements=True)
    if role:
        return Column(index, text, role, crs_hints=hints)
    analyte = _analyte(text, index)
    if analyte is not None:
        return analyte
    role = role_of(role_text, before_elements=False)
    if role:
        return Column(index, text, role, crs_hints=hints)
    return Column(index, text, "other" if text else "empty")


def _analyte(text: str, index: int) -> Column | None:
    """An element or oxide column (``Co_ICP_ppm``, ``Fe2O3``), or None."""
    stripped, unit = _split_unit(text)
    tokens = [t for t in _SPLIT.split(stripped) if t]
    if not tokens:
        return None
    first, method = tokens[0], " ".join(tokens[1:])
    symbol = ELEMENT_BY_LOWER.get(first.lower()) if first.lower() not in _NOT_ELEMENTS else None
    if symbol:
        return Column(index, text, "element", element=symbol, unit=unit, unit_source="header" if unit else "",
                      method=method)
    oxide = parse_oxide(first)
    if oxide is not None:
        return Column(index, text, "oxide", element=oxide.element, oxide=oxide, unit=unit or "%",
                      unit_source="header" if unit else "rule (oxide)", method=method)
    return None


def header_score(cells: list[object], named: frozenset[str] = frozenset()) -> int:
    """How much a row looks like the header; ``named`` are FIELD_MAP columns (case-folded)."""
    columns = [recognise(c, i) for i, c in enumerate(cells)]
    analytes = sum(c.role in ("element", "oxide") for c in columns)
    keys = sum(c.role in KEY_ROLES for c in columns)
    mapped = sum(clean_header(c).casefold() in named for c in cells) if named else 0
    numbers = sum(isinstance(c, (int, float)) and not isinstance(c, bool) for c in cells)
    return (analytes * 2 + keys * 3 + mapped * 3 - numbers * 2) if (analytes or mapped) else 0


def is_units_row(cells: list[object]) -> bool:
    texts = [clean_header(c) for c in cells]
    filled = [t for t in texts if t]
    return bool(filled) and sum(_is_unit_cell(t) for t in filled) >= max(1, len(filled) // 2 + 1)


def _is_unit_cell(text: str) -> bool:
    """A concentration unit, or a coordinate unit with or without a CRS hint (``m (UTM32)``)."""
    if canonical_unit(text) is not None:
        return True
    if find_hint(text, "") is not None:
        return True
    return fold(_BRACKETED.sub(" ", text)) in coordinate_units()


@dataclass
class HeaderLayout:
    header_offset: int            # row offset (0-based) of the header within the head block
    units_offset: int | None
    columns: list[Column]
    notes: list[str]
    sheet_hints: list[CrsHint] = field(default_factory=list)  # CRS hints in the metadata rows above the header

    def assumed_units(self) -> str | None:
        """The warning for element columns whose unit was assumed (ppm), or None."""
        assumed = [c for c in self.columns if c.role == "element" and c.unit_source == "assumed"]
        if not assumed:
            return None
        listed = ", ".join(repr(c.header) for c in assumed[:12]) + (" ..." if len(assumed) > 12 else "")
        return Message("No unit given for {0} element column(s), assumed ppm: {1}. Set the unit with FIELD_MAP if it "
                       "is another, e.g. {2}:%={3}", len(assumed), listed, assumed[0].element.lower(),
                       assumed[0].header)


def find_header(head: pd.DataFrame, overrides: list[Override] = (), first_row: int = 1) -> HeaderLayout | None:
    """The best header row among the first rows of a sheet; None when no row names an element.

    ``first_row`` is the sheet row number of ``head``'s first row (for messages).
    """
    block = head.head(HEADER_SEARCH_ROWS)
    cell_rows = block.astype(object).where(block.notna(), None).values.tolist()
    named = frozenset(o.column.casefold() for o in overrides if o.column)
    scores = [header_score(r, named) for r in cell_rows]
    if not scores or max(scores) <= 0:
        return None
    offset = int(np.argmax(scores))
    header_cells = list(cell_rows[offset])
    units_offset = offset + 1 if offset + 1 < len(cell_rows) and is_units_row(cell_rows[offset + 1]) else None
    notes: list[str] = []
    units_cells = cell_rows[units_offset] if units_offset is not None else [None] * len(header_cells)
    _fill_merged(header_cells, units_cells, notes)
    columns = [recognise(c, i) for i, c in enumerate(header_cells)]
    notes.extend(apply_overrides(columns, overrides))
    _apply_units_row(columns, units_cells, units_offset, first_row, notes)
    _resolve_coordinate_words(columns)
    assumed = [c for c in columns if c.role == "element" and c.unit is None]
    for column in assumed:
        column.unit, column.unit_source = "ppm", "assumed"
    sheet_hints = [h for r, row in enumerate(cell_rows[:offset]) for h in
                   (find_hint(clean_header(c), Message("row {0}, above the header", first_row + r)) for c in row) if h]
    return HeaderLayout(offset, units_offset, columns, notes, sheet_hints)


def _fill_merged(header_cells: list[object], units_cells: list[object], notes: list[str]) -> None:
    """Merged header cells: only the top-left cell of a merged range holds the text, the
    others read empty. A blank header above a unit in the units row belongs to the merged
    cell on its left."""
    for i, cell in enumerate(header_cells):
        if not clean_header(cell) and i > 0 and canonical_unit(clean_header(units_cells[i]) or "-"):
            header_cells[i] = header_cells[i - 1]
            notes.append(Message("column {0}: empty header under a merged cell, taken as {1!r}", i + 1,
                                 clean_header(header_cells[i])))


def _apply_units_row(columns: list[Column], units_cells: list[object], units_offset: int | None,
                     first_row: int, notes: list[str]) -> None:
    if units_offset is None:
        return
    for column in columns:
        text = clean_header(units_cells[column.index])
        if column.role in ("easting", "northing", "latitude", "longitude"):
            hint = find_hint(text, f"the units row (row {first_row + units_offset}), column {column.header!r}")
            if hint:
                column.crs_hints.append(hint)
        if column.role not in ("element", "oxide"):
            continue
        unit = canonical_unit(text or "-")
        if unit and column.unit_source in ("", "rule (oxide)"):
            column.unit, column.unit_source = unit, "units row"
        elif unit and unit != column.unit:
            notes.append(Message("column {0!r}: header says {1}, units row says {2}; the {3} wins", column.header,
                                 column.unit, unit, UNIT_SOURCE_TEXT.get(column.unit_source, column.unit_source)))


def apply_overrides(columns: list[Column], overrides: list[Override]) -> list[str]:
    """Set the roles FIELD_MAP names; TailingsInputError for a column the sheet does not have."""
    notes = []
    by_header = {c.header.casefold(): c for c in columns if c.header}
    for override in overrides:
        if not override.column:
            for column in columns:
                if not column.overridden and override.matches(column.role, column.element):
                    notes.append(Message("FIELD_MAP {0}= : column {1!r} not read as {0}", override.target,
                                         column.header))
                    column.role, column.element, column.oxide = "other", None, None
            continue
        column = _column_named(columns, by_header, override.column)
        if column is None:
            raise TailingsInputError(
                "FIELD_MAP names column {0!r} (for {1}), which the header does not have. {2}", override.column,
                override.target, seen_and_closest([c.header for c in columns], override.role),
                column=override.column)
        notes.append(Message("column {0!r} read as {1} (FIELD_MAP)", column.header or "#" + str(column.index + 1),
                             override.target))
        _take_role(columns, column, override)
    return notes


def _column_named(columns: list[Column], by_header: dict[str, Column], name: str) -> Column | None:
    """The column a FIELD_MAP entry names: by its header text, or ``#3`` for the third column
    (for a column whose header cell is empty)."""
    number = re.fullmatch(r"#\s*(\d+)", name.strip())
    if number:
        index = int(number.group(1)) - 1
        return columns[index] if 0 <= index < len(columns) else None
    return by_header.get(clean_header(name).casefold())


def _take_role(columns: list[Column], column: Column, override: Override) -> None:
    single = override.role not in ("element", "oxide", "off")
    for other in columns:
        if other is not column and single and other.role == override.role and not other.overridden:
            other.role = "other"
    column.overridden = True
    if override.role == "off":
        column.role, column.element, column.oxide = "other", None, None
        return
    column.role, column.element, column.oxide = override.role, override.element, override.oxide
    if override.role in ("element", "oxide"):
        header_unit = _split_unit(column.header)[1]
        column.unit = override.unit or header_unit or (column.unit if override.role == "oxide" else None)
        column.unit_source = "FIELD_MAP" if override.unit else ("header" if header_unit else column.unit_source)
        if override.role == "oxide" and column.unit is None:
            column.unit, column.unit_source = "%", "rule (oxide)"


def seen_and_closest(cells: list[str], role: str) -> Message:
    """The header cells seen and those closest to ``role``'s vocabulary, for an error message."""
    shown = [c for c in cells if c]
    seen = ", ".join(repr(c) for c in shown[:40]) + (" ..." if len(shown) > 40 else "")
    close = [] if role in ("element", "oxide", "off") else closest_cells(shown, role)
    if not close:
        return Message("Header cells seen: {0}", seen)
    return Message("Header cells seen: {0}. Closest: {1}", seen, ", ".join(map(repr, close)))


def _resolve_coordinate_words(columns: list[Column]) -> None:
    """``Y`` is yttrium unless the sheet has an ``X`` column and ``Y`` carries no unit."""
    has_x = any(c.role == "easting" and c.header.strip().lower().startswith("x") for c in columns)
    has_other_northing = any(c.role == "northing" for c in columns)
    for column in columns:
        bare = column.header.strip().lower()
        if (column.role == "element" and column.element == "Y" and bare in ("y",) and has_x and not column.overridden
                and not has_other_northing and column.unit is None):
            column.role, column.element, column.unit, column.unit_source = "northing", None, None, ""


def snake(text: str) -> str:
    out = re.sub(r"[^0-9a-zA-Z]+", "_", text.lower().replace("ø", "o").replace("æ", "ae").replace("å", "a"))
    out = out.strip("_") or "column"
    return f"c_{out}" if out[0].isdigit() else out
