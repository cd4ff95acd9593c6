"""Normalise source values to the canonical vocabularies and units (vectorised)."""
from __future__ import annotations

import numpy as np
import pandas as pd

from .field_mapping import FRACTION, PERCENT, UNKNOWN_UNIT
from .vocabulary import fold, value_words

# Code-list words are data (value_words.toml), folded like field names.
SETTING_WORDS: dict[str, str] = value_words("setting")
KIND_WORDS: dict[str, str] = value_words("deposit_kind")

PPM_PER_PERCENT = 10_000.0


def on_distinct(series: pd.Series, transform) -> pd.Series:
    """Apply a vectorised string ``transform`` to the distinct values only, then spread them back:
    code lists and names repeat a lot, so 100,000 rows often hold a few dozen distinct values."""
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    done = transform(pd.Series(uniques, dtype=object)).to_numpy(dtype=object)
    out = np.full(len(series), None, dtype=object)
    present = codes >= 0
    out[present] = done[codes[present]]
    return pd.Series(out, index=series.index, dtype=object)


def _key_of_distinct(values: pd.Series) -> pd.Series:
    # Called on the distinct values only (see on_distinct), so a plain map is cheap.
    return values.map(lambda v: None if v is None or v is pd.NA or v != v else fold(str(v))).astype(object)


def _key(series: pd.Series) -> pd.Series:
    return on_distinct(series, _key_of_distinct)


def normalise_vocabulary(series: pd.Series, words: dict[str, str], other: str | None = None) -> pd.Series:
    """Map free-text values onto a code list; empty stays NULL, unknown becomes ``other``
    (or NULL when ``other`` is None). Returns an object series with None for NULL."""
    key = _key(series)
    mapped = key.map(words)
    blank = key.isna() | (key == "")
    if other is not None:
        mapped = mapped.where(blank | mapped.notna(), other)
    return mapped.astype(object).where(mapped.notna() & ~blank, None)


def unrecognised_values(series: pd.Series, words: dict[str, str]) -> list[str]:
    key = _key(series)
    bad = series[key.notna() & (key != "") & key.map(words).isna()]
    return sorted(set(bad.astype(str)))


def parse_numbers(series: pd.Series) -> tuple[pd.Series, pd.Series]:
    """(float values, mask of cells that are non-empty but not finite numbers).

    Accepts numbers, numeric strings with a decimal point or a Norwegian decimal comma, and
    space/no-break-space thousands separators ("1 250 000").
    """
    if pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series):
        values = series.astype(float)
        return values, pd.Series(~np.isfinite(values) & values.notna(), index=series.index)
    text = series.astype("string").str.strip()
    text = text.str.replace(r"[\s\u00a0\u202f]", "", regex=True).str.replace(",", ".", regex=False)
    blank = text.isna() | (text == "")
    numeric = pd.to_numeric(text.astype(object).where(~blank, None), errors="coerce").astype(float)
    invalid = ~blank & ~np.isfinite(numeric.fillna(np.inf))
    return numeric.where(~invalid), invalid


def grade_to_ppm(values: pd.Series, unit: str) -> pd.Series:
    return values * PPM_PER_PERCENT if unit == PERCENT else values


def recovery_to_fraction(values: pd.Series, unit: str) -> pd.Series:
    """Recovery as a 0-1 fraction. A name without a unit is read as percent when any value
    exceeds 1 (a recovery above 100 % does not exist), else as a fraction."""
    if unit == PERCENT:
        return values / 100.0
    if unit == FRACTION:
        return values
    if unit == UNKNOWN_UNIT and np.nanmax(np.append(values.to_numpy(dtype=float), -np.inf)) > 1.0:
        return values / 100.0
    return values
