"""Turning assay cells into numbers, flags and detection limits, a whole column at a time.

Cell forms (DOMAIN.md §3): plain numbers; censored values (``<5``, ``< 0.01``, ``b.d.l.``,
``n.d.``, ``<LOD``, and the lab convention of a negative number meaning "below its absolute
value"); over-range values (``>10000``); sentinels (9999, -9999, -99, ...); text that is
no value at all. Numbers stored as text, with a decimal comma, or with their own unit
(``0.5 %`` in a ppm column) are read too.

The work is split so that chunked reading gives the same result as reading at once:
``parse_cells`` classifies each cell of one chunk (no context needed); ``finalise``
decides what needs the whole column (positive sentinels judged against the column's
typical values, censored cells without a stated limit, the substitution).
"""
from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..message import Message
from .chemistry import UNIT_ALTERNATION, UNIT_TO_PPM, canonical_unit

# Cell codes (int8), chosen so that "usable" is 1..3.
EMPTY, NUMBER, CENSORED, OVER_RANGE, SENTINEL, INVALID, SENTINEL_CANDIDATE = 0, 1, 2, 3, 4, 5, 6
FLAG_BY_CODE = {CENSORED: "censored", OVER_RANGE: "over_range", SENTINEL: "sentinel", INVALID: "invalid"}

SUBSTITUTIONS = ("half_dl", "dl", "zero", "null")

# Lookup tables indexed by cell code (faster than np.isin on every column).
_FLAG_TABLE = np.array([None, None, "censored", "over_range", "sentinel", "invalid", None], dtype=object)
_USABLE = np.array([False, True, True, True, False, False, False])
_HAS_VALUE = np.array([False, True, False, True, False, False, False])

# Common "no data" codes of lab and field software. A negative one is always a sentinel
# (no lab reports a detection limit of 9999); a positive one only when it lies far outside
# the column's values (SENTINEL_RATIO × the median), since 9999 ppm Cu can be a real grade.
SENTINEL_VALUES = np.array([-999999.0, -99999.0, -9999.0, -999.0, -99.0, 9999.0, 99999.0, 999999.0])
SENTINEL_RATIO = 100.0

_NUMBER = r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?"
_CELL = rf"^(?P<op><=?|>=?|≤|≥)?\s*(?P<num>{_NUMBER})\s*(?P<unit>{UNIT_ALTERNATION})?$"
_CENSORED_WORDS = (
    r"^(?:b\.?\s*d\.?\s*l\.?|n\.?\s*d\.?|<\s*l\.?o\.?d\.?|<\s*d\.?l\.?|l\.?o\.?d\.?|bdl|"
    r"below\s+(?:detection(?:\s+limit)?|dl|lod)|under\s+deteksjonsgrense|u\.?\s*d\.?\s*g\.?|<\s*dg)$"
)
# "1,500" may be 1.5 or 1500 ("1.500" in a decimal-comma file likewise); "0,001" may not: a
# thousands group never follows a leading zero.
_THOUSANDS_LOOKALIKE = r"^[+-]?[1-9]\d{{0,2}}{mark}\d{{3}}$"
# What Excel shows in a cell whose formula failed (stored as error cells, t="e").
EXCEL_ERRORS = frozenset(("#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!",
                          "#CALC!", "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!"))
_BOOL_TYPES = (bool, np.bool_)
BOOLEAN_CELL = "a TRUE/FALSE (boolean) cell, not a value"


@dataclass
class ParsedCells:
    """One chunk of one column: number in the output unit, code, detail and raw text."""
    number: np.ndarray   # float64: the value, the detection limit (censored) or the limit (over-range)
    code: np.ndarray     # int8 cell code
    detail: np.ndarray   # object: None or an explanation (why invalid, unit converted, ...)
    raw: np.ndarray      # object: None for clean numeric cells, else the cell as text

    def take(self, mask: np.ndarray) -> ParsedCells:
        return ParsedCells(self.number[mask], self.code[mask], self.detail[mask], self.raw[mask])

    @staticmethod
    def concat(parts: list[ParsedCells]) -> ParsedCells:
        if not parts:
            empty = np.array([], dtype=object)
            return ParsedCells(np.array([], dtype=float), np.array([], dtype=np.int8), empty, empty.copy())
        return ParsedCells(np.concatenate([p.number for p in parts]), np.concatenate([p.code for p in parts]),
                           np.concatenate([p.detail for p in parts]), np.concatenate([p.raw for p in parts]))


# Text columns at least this long are parsed once per distinct cell text (see parse_cells).
_DISTINCT_MIN_CELLS = 2048


def parse_cells(cells: pd.Series, out_per_ppm: float, column_unit: str, decimal_comma: bool) -> ParsedCells:
    """Classify every cell of one column chunk.

    ``out_per_ppm`` converts ppm to the output unit (1 for ppm, 1e-4 for wt %);
    ``column_unit`` is the unit the column's plain numbers are in.

    A text file's column (every cell a string or empty) repeats the same few thousand
    texts over a million rows (grades at lab precision): it is parsed once per distinct
    text and the result spread back, which gives the same cells at a fraction of the cost.
    Columns holding Python numbers or booleans are parsed cell by cell, because hashing
    would merge ``True``, ``1`` and ``1.0``, which this parser tells apart.
    """
    cells = cells.reset_index(drop=True)
    if len(cells) >= _DISTINCT_MIN_CELLS and cells.dtype == object \
            and _only_text_or_missing(cells, cell_types(cells.to_numpy())):
        which, uniques = pd.factorize(cells, use_na_sentinel=True)
        if 0 < len(uniques) * 4 <= len(cells):
            return _spread(_parse_each(pd.Series(uniques, dtype=object), out_per_ppm, column_unit,
                                       decimal_comma), which)
    return _parse_each(cells, out_per_ppm, column_unit, decimal_comma)


def _only_text_or_missing(cells: pd.Series, types: np.ndarray) -> bool:
    """Strings, None and NaN only (a float cell that is not NaN is a number, not missing)."""
    is_float = np.equal(types, float)
    if not (np.equal(types, str) | np.equal(types, type(None)) | is_float).all():
        return False
    return bool(pd.isna(cells.to_numpy()[is_float]).all())


def _spread(distinct: ParsedCells, which: np.ndarray) -> ParsedCells:
    """Per-cell arrays from the distinct texts' results; -1 (an empty cell) stays empty."""
    empty = which < 0
    take = np.where(empty, 0, which)
    number, code = distinct.number[take], distinct.code[take]
    detail, raw = distinct.detail[take], distinct.raw[take]
    number[empty], code[empty], detail[empty], raw[empty] = np.nan, EMPTY, None, None
    return ParsedCells(number, code, detail, raw)


def _parse_each(cells: pd.Series, out_per_ppm: float, column_unit: str, decimal_comma: bool) -> ParsedCells:
    n = len(cells)
    column_factor = UNIT_TO_PPM[column_unit] * out_per_ppm
    ambiguous = thousands_ambiguous(cells, decimal_comma)
    booleans = boolean_cells(cells)
    if decimal_comma:
        # Text tables in a decimal-comma locale: "0,5" is a half; thousands separators are
        # not used in such exports.
        cells = _comma_to_point(cells)
    numeric = _exact_numeric(cells)
    number = numeric.to_numpy(dtype=float, copy=True)
    code = np.where(np.isfinite(number), NUMBER, EMPTY).astype(np.int8)
    detail = np.full(n, None, dtype=object)
    raw = np.full(n, None, dtype=object)
    number[~np.isfinite(number)] = np.nan
    with np.errstate(over="ignore"):  # a 1e308 cell becomes inf, refused later as impossible
        number *= column_factor

    rest_positions = np.flatnonzero(code == EMPTY)
    if len(rest_positions):
        rest = cells.iloc[rest_positions]
        text = rest.where(rest.notna(), "").astype(str).str.strip()
        filled = (text != "").to_numpy()
        if filled.any():
            positions = rest_positions[filled]
            text = text[filled]
            raw[positions] = text.to_numpy(dtype=object)
            # Lab sheets repeat the same few texts ("<0.5", "b.d.l.", "n.a."): parse each
            # distinct text once and spread the result.
            which, uniques = pd.factorize(text)
            n_unique = len(uniques)
            u_number, u_code = np.full(n_unique, np.nan), np.zeros(n_unique, dtype=np.int8)
            u_detail = np.full(n_unique, None, dtype=object)
            _parse_text(pd.Series(uniques, dtype=object), np.arange(n_unique), u_number, u_code, u_detail,
                        column_factor, out_per_ppm, column_unit, decimal_comma)
            number[positions], code[positions], detail[positions] = u_number[which], u_code[which], u_detail[which]

    # Plain numbers: negative → censored at |x| (lab convention), unless a sentinel code.
    plain = code == NUMBER
    in_cell_units = np.where(plain, number / column_factor, np.nan)
    with np.errstate(over="ignore", invalid="ignore"):  # rounding near 1e308 overflows; not a sentinel
        is_sentinel_value = plain & np.isin(np.round(in_cell_units, 6), SENTINEL_VALUES)
    negative = plain & (number < 0)
    code[is_sentinel_value & negative] = SENTINEL
    code[is_sentinel_value & ~negative] = SENTINEL_CANDIDATE
    censored_negative = negative & ~is_sentinel_value
    code[censored_negative] = CENSORED
    number[censored_negative] = -number[censored_negative]
    detail[censored_negative] = "negative value read as below detection limit"
    needs_raw = (code != NUMBER) & (code != EMPTY) & np.equal(raw, None)
    if needs_raw.any():
        # Numeric cells: the same text whatever engine read them (1001 and 1001.0 alike).
        raw[needs_raw] = numeric.iloc[np.flatnonzero(needs_raw)].map("{:.15g}".format).to_numpy(dtype=object)
    for mask, why in ((ambiguous, "ambiguous number: '{}' may be a decimal or a thousands separator (a ×1000 "
                       "risk)".format("." if decimal_comma else ",")), (booleans, BOOLEAN_CELL)):
        if mask.any():
            code[mask], number[mask], detail[mask] = INVALID, np.nan, why
            raw[mask] = cells[mask].map(lambda v: str(v).strip().upper() if isinstance(v, (bool, np.bool_))
                                        else str(v).strip()).to_numpy(dtype=object)
    return ParsedCells(number, code, detail, raw)


def thousands_ambiguous(cells: pd.Series, decimal_comma: bool) -> np.ndarray:
    """Text cells whose number may carry a thousands separator, one rule for every format.

    ``1,500`` in a decimal-point sheet and ``1.500`` in a decimal-comma text file are
    each 1.5 or 1500. Judged on the cell as written, before any decimal mark is converted.
    """
    mark = "." if decimal_comma else ","
    out = np.zeros(len(cells), dtype=bool)
    is_text = np.equal(cell_types(cells.to_numpy()), str)
    if not is_text.any():
        return out
    text = cells[is_text].astype(str).str.strip()
    has_mark = text.str.contains(mark, regex=False).to_numpy(dtype=bool)
    if not has_mark.any():
        return out
    digits = text[has_mark].str.extract(_CELL, flags=re.IGNORECASE)["num"]
    hit = digits.str.match(_THOUSANDS_LOOKALIKE.format(mark=re.escape(mark)), na=False).to_numpy(dtype=bool)
    out[np.flatnonzero(is_text)[has_mark][hit]] = True
    return out


def boolean_cells(cells: pd.Series) -> np.ndarray:
    """TRUE/FALSE cells: a spreadsheet's boolean is not a grade (not 1.0 nor 0.0)."""
    return pd.Series(cell_types(cells.to_numpy()), dtype=object).isin(_BOOL_TYPES).to_numpy(dtype=bool)


# The Python type of every cell, in one C loop (a numpy ufunc over the object array).
cell_types = np.frompyfunc(type, 1, 1)


def _exact_numeric(cells: pd.Series) -> pd.Series:
    """Cells as float (NaN where not a number), text parsed with correct rounding.

    Cells that already hold numbers (what the spreadsheet engines return for numeric
    cells) are taken directly; only the others go through ``pd.to_numeric``, whose fast
    text parser may be one unit in the last place off (90072.95185284533 → …532), so the
    text cells it could read are converted again with Python's correctly rounded ``float``.
    """
    if cells.dtype != object:
        return pd.to_numeric(cells, errors="coerce").astype(float)
    raw = cells.to_numpy()
    types = cell_types(raw)
    is_number = np.equal(types, float) | np.equal(types, int)
    out = np.full(len(raw), np.nan)
    if is_number.any():
        out[is_number] = raw[is_number].astype(float)
    other = ~is_number & ~np.equal(types, type(None)) & ~pd.Series(types, dtype=object).isin(_BOOL_TYPES).to_numpy()
    if other.any():
        rest = cells[other]
        numeric = pd.to_numeric(rest, errors="coerce").astype(float)
        found = numeric.notna().to_numpy()
        if found.any():
            # A form float() does not read (rare): keep pandas' value.
            with contextlib.suppress(TypeError, ValueError):
                numeric[found] = rest[found].astype(float).to_numpy()
        out[other] = numeric.to_numpy()
    return pd.Series(out, index=cells.index)


def _comma_to_point(cells: pd.Series) -> pd.Series:
    as_text = cells.astype("string")
    replaced = as_text.str.replace(",", ".", regex=False)
    return replaced.astype(object).where(replaced.notna(), None)


def _parse_text(text: pd.Series, positions: np.ndarray, number: np.ndarray, code: np.ndarray,
                detail: np.ndarray, column_factor: float, out_per_ppm: float, column_unit: str,
                decimal_comma: bool) -> None:
    parts = text.str.extract(_CELL, flags=2)  # re.IGNORECASE
    matched = parts["num"].notna().to_numpy()
    digits = parts["num"].fillna("")
    values = _exact_numeric(digits.str.replace(",", ".", regex=False)).to_numpy(dtype=float)
    unit_names = parts["unit"].map(canonical_unit, na_action="ignore")
    has_unit = unit_names.notna().to_numpy()
    cell_factor = np.full(len(text), column_factor)
    if has_unit.any():
        cell_factor[has_unit] = unit_names[has_unit].map(UNIT_TO_PPM).to_numpy(dtype=float) * out_per_ppm
    ops = parts["op"].fillna("").to_numpy(dtype=object)
    ok = matched & np.isfinite(values)
    with np.errstate(over="ignore"):
        number[positions[ok]] = values[ok] * cell_factor[ok]
    is_less = ok & np.isin(ops, ["<", "<=", "≤"])
    is_more = ok & np.isin(ops, [">", ">=", "≥"])
    converted = ok & has_unit & (unit_names != column_unit).to_numpy()
    if converted.any():
        detail[positions[converted]] = ("value in " + unit_names[converted] + f" in a {column_unit} column, "
                                        "converted").to_numpy(dtype=object)
    code[positions[ok & ~is_less & ~is_more]] = NUMBER
    code[positions[is_less]] = CENSORED
    code[positions[is_more]] = OVER_RANGE
    # ">-1" or ">0" names no upper limit of a method: text, not a value (found by fuzzing).
    no_limit = is_more & ~(values > 0)
    code[positions[no_limit]] = INVALID
    number[positions[no_limit]] = np.nan
    detail[positions[no_limit]] = "an over-range mark with a limit that is not positive, not a value"
    number[positions[is_less]] = np.abs(number[positions[is_less]])
    words = ~ok & text.str.match(_CENSORED_WORDS, case=False).to_numpy()
    code[positions[words]] = CENSORED
    number[positions[words]] = np.nan  # limit not stated: filled from the column in finalise()
    detail[positions[words]] = "below detection limit, limit not stated in the cell"
    bad = ~ok & ~words
    code[positions[bad]] = INVALID
    detail[positions[bad]] = "text in a numeric column, not a value"
    errors = bad & text.str.strip().str.upper().isin(EXCEL_ERRORS).to_numpy(dtype=bool)
    if errors.any():
        detail[positions[errors]] = ("Excel error cell " + text[errors].str.strip().str.upper()
                                     + " (a formula without a result), not a value").to_numpy(dtype=object)


@dataclass
class ColumnValues:
    """A finished column: output value, flag, detection limit, and the cells to report."""
    value: np.ndarray
    flag: np.ndarray
    dl: np.ndarray
    usable: np.ndarray
    issue_positions: np.ndarray
    issue_reasons: np.ndarray
    issue_raw: np.ndarray
    notes: list[str]


def finalise(parsed: ParsedCells, substitution: str, max_in_output_unit: float) -> ColumnValues:
    """Decide what needs the whole column, substitute censored values, make flags."""
    if substitution not in SUBSTITUTIONS:
        raise ValueError(f"censored substitution must be one of {SUBSTITUTIONS}")
    number, code, detail = parsed.number.copy(), parsed.code.copy(), parsed.detail.copy()
    notes: list[str] = []
    candidates = code == SENTINEL_CANDIDATE
    if candidates.any():
        ordinary = (code == NUMBER) & (number > 0)
        typical = float(np.median(number[ordinary])) if ordinary.any() else np.nan
        far = number > SENTINEL_RATIO * typical if np.isfinite(typical) else np.zeros_like(candidates)
        impossible = number > max_in_output_unit
        sentinel = candidates & (far | impossible)
        code[sentinel] = SENTINEL
        code[candidates & ~sentinel] = NUMBER
    is_sentinel = code == SENTINEL
    if is_sentinel.any():
        detail[is_sentinel] = "no-data code (sentinel), not a value"
    with np.errstate(invalid="ignore"):
        too_big = ((code == NUMBER) | (code == OVER_RANGE)) & (number > max_in_output_unit)
    if too_big.any():
        code[too_big] = INVALID
        detail[too_big] = "more than 100 % (1 000 000 ppm): impossible"
    censored = code == CENSORED
    unknown_limit = censored & ~np.isfinite(number)
    if unknown_limit.any():
        known = number[censored & np.isfinite(number)]
        if len(known):
            limits, counts = np.unique(known, return_counts=True)
            modal = float(limits[np.argmax(counts)])
            number[unknown_limit] = modal
            notes.append(Message("{0} censored cell(s) without a stated limit given the column's most common "
                                 "detection limit {1:g}", int(unknown_limit.sum()), modal))
    dl = np.where(censored, number, np.nan)
    value = np.where(_HAS_VALUE[code], number, np.nan)
    if censored.any():
        substituted = {"half_dl": dl / 2.0, "dl": dl, "zero": np.where(censored, 0.0, np.nan),
                       "null": np.full_like(dl, np.nan)}[substitution]
        value = np.where(censored, substituted, value)
    flag = _FLAG_TABLE[code]
    converted_unit = np.zeros(len(code), dtype=bool)
    with_detail = np.flatnonzero(np.not_equal(detail, None))
    if len(with_detail):
        converted_unit[with_detail] = pd.Series(detail[with_detail], dtype=object).str.startswith(
            "value in", na=False).to_numpy(dtype=bool)
    report = (code == SENTINEL) | (code == INVALID) | converted_unit
    positions = np.flatnonzero(report)
    return ColumnValues(value, flag, dl, _USABLE[code], positions,
                        detail[positions], parsed.raw[positions], notes)


def parse_plain_numbers(cells: pd.Series, decimal_comma: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Coordinates and other plain numbers: (values, bad-cell mask, raw text of bad cells)."""
    cells = cells.reset_index(drop=True)
    if decimal_comma:
        cells = _comma_to_point(cells)
    numbers = _exact_numeric(cells).to_numpy(dtype=float, copy=True)
    numbers[~np.isfinite(numbers)] = np.nan
    missing = np.flatnonzero(np.isnan(numbers))
    text = cells.iloc[missing]
    text = text.where(text.notna(), "").astype(str).str.strip()
    filled = (text != "").to_numpy()
    bad = np.zeros(len(numbers), dtype=bool)
    bad[missing[filled]] = True
    raw = text.to_numpy(dtype=object)[filled]
    return numbers, bad, raw
