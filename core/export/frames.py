"""Checks and canonical form of the two export inputs (classified deposits, quantities).

Everything here runs before a single byte is written, so that a bad input leaves every
destination unchanged. Errors name the input, the row (1-based feature number), the column
and the offending value.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..errors import TailingsInputError
from ..message import Message
from ..schema import (
    COMMODITIES,
    DEPOSIT_FIELDS,
    DEPOSIT_KINDS,
    ESTIMATE_FIELDS,
    ESTIMATE_METHODS,
    OPTIONAL_DEPOSIT_FIELDS,
    QUANTITY_FIELDS,
    SETTINGS,
    UNFC_FIELDS,
    FieldSpec,
    all_known_specs,
    source_field_spec,
)

GEOMETRY_COLUMN = "geometry"
# Columns that only describe where a row came from inside QGIS, never deposit data.
_TRANSPORT_COLUMNS = ("_fid", "fid", "ogc_fid", "geom")
G_INCREMENTS = ("G1", "G2", "G3", "G4.1", "G4.2", "G4.3")

# Closed vocabularies of the contract (DESIGN.md, DEVELOPING.md); NULL is always allowed.
_VOCABULARIES: dict[str, tuple[str, ...]] = {
    "deposit_kind": DEPOSIT_KINDS,
    "setting": SETTINGS,
    **{f"{c}_method": ESTIMATE_METHODS for c in COMMODITIES},
}


@dataclass(frozen=True)
class ExportFrames:
    """Validated inputs in canonical column order, deposits sorted by ``deposit_id``."""

    deposits: pd.DataFrame          # canonical + extra columns, ``geometry`` as WKB bytes
    quantities: pd.DataFrame        # QUANTITY_FIELDS columns
    specs: tuple[FieldSpec, ...]    # one per deposit column except geometry, in order
    language: str = "en"            # of the field aliases written with the layers ("nb" or "en")


def deposit_specs_for(frame: pd.DataFrame) -> tuple[FieldSpec, ...]:
    """Canonical specs first (always present), then known optional ones, then extras."""
    known = all_known_specs()
    canonical = [*DEPOSIT_FIELDS, *ESTIMATE_FIELDS, *UNFC_FIELDS]
    names = {s.name for s in canonical}
    optional = [s for s in OPTIONAL_DEPOSIT_FIELDS if s.name in frame.columns and s.name not in names]
    names |= {s.name for s in optional}
    extras = []
    for column in frame.columns:
        if column in names or column == GEOMETRY_COLUMN or column in _TRANSPORT_COLUMNS:
            continue
        extras.append(known.get(column) or source_field_spec(column, _inferred_type(frame[column])))
    return (*canonical, *optional, *extras)


def _inferred_type(series: pd.Series) -> str:
    if pd.api.types.is_bool_dtype(series) or pd.api.types.is_integer_dtype(series):
        return "int"
    if pd.api.types.is_float_dtype(series):
        return "double"
    if pd.api.types.is_datetime64_any_dtype(series):
        return "datetime"
    return "string"


def _bad_value_error(frame: pd.DataFrame, bad: np.ndarray, column: str, template: str,
                     *params: object) -> TailingsInputError:
    """The error of ``template`` at the first bad row, with the number of bad rows if more than one."""
    first = int(np.flatnonzero(bad)[0])
    count = int(bad.sum())
    place = {"row": first + 1, "column": column, "value": frame[column].iloc[first]}
    if count == 1:
        return TailingsInputError(template, *params, **place)
    return TailingsInputError("{0} ({1} rows in all)", Message(template, *params), count, **place)


def _coerce(frame: pd.DataFrame, spec: FieldSpec, what: str) -> pd.Series:
    """``frame[spec.name]`` in the schema's type; a value that does not fit is an error."""
    raw = frame[spec.name]
    present = raw.notna().to_numpy() & (raw.astype(object) != "").to_numpy()
    if spec.type in ("double", "int"):
        values = pd.to_numeric(raw.where(present), errors="coerce").astype(float)
        bad = present & values.isna().to_numpy()
        if bad.any():
            raise _bad_value_error(frame, bad, spec.name, "{0}: not a number where {1} is expected", what, spec.type)
        bad = present & ~np.isfinite(values.to_numpy())
        if bad.any():
            raise _bad_value_error(frame, bad, spec.name, "{0}: infinite value", what)
        if spec.unit in ("t", "m2", "m3", "t/m3", "ppm"):
            bad = present & (values.to_numpy() < 0)
            if bad.any():
                raise _bad_value_error(frame, bad, spec.name, "{0}: negative quantity ({1})", what, spec.unit)
        if spec.type == "int":
            bad = present & (values.to_numpy() != np.round(values.to_numpy()))
            if bad.any():
                raise _bad_value_error(frame, bad, spec.name, "{0}: not a whole number", what)
            return values.round().astype("Int64")
        return values
    if spec.type == "datetime":
        values = pd.to_datetime(raw.where(present), errors="coerce", utc=True)
        bad = present & values.isna().to_numpy()
        if bad.any():
            raise _bad_value_error(frame, bad, spec.name, "{0}: not a date/time", what)
        return values.dt.tz_convert("UTC").dt.tz_localize(None)
    text = raw.where(present).astype(object)
    mask = text.notna()
    if pd.api.types.infer_dtype(text[mask], skipna=True) not in ("string", "empty"):
        text[mask] = text[mask].map(str)  # numbers or dates in a text field become their text
    vocabulary = _VOCABULARIES.get(spec.name)
    if vocabulary is not None:
        bad = mask.to_numpy() & ~text.isin(vocabulary).to_numpy()
        if bad.any():
            raise _bad_value_error(frame, bad, spec.name, "{0}: must be one of {1}", what, ", ".join(vocabulary))
    return text.where(mask, None)


def _check_ids(frame: pd.DataFrame, what: str) -> pd.Series:
    if "deposit_id" not in frame.columns:
        raise TailingsInputError("{0}: the field deposit_id is missing", what, column="deposit_id")
    ids = frame["deposit_id"]
    empty = (ids.isna() | (ids.astype(str).str.strip() == "")).to_numpy()
    if empty.any():
        raise _bad_value_error(frame, empty, "deposit_id", "{0}: deposit_id is NULL or empty", what)
    return ids.astype(str)


def _check_names(columns: list[str], what: str) -> None:
    # SQLite (GeoPackage) compares column names case-insensitively.
    lowered: dict[str, str] = {}
    for column in columns:
        if column.lower() in lowered:
            raise TailingsInputError("{0}: two fields differ only in letter case: {1!r} and {2!r}", what,
                                     lowered[column.lower()], column, column=column)
        lowered[column.lower()] = column


def prepare_export_frames(deposits: pd.DataFrame, quantities: pd.DataFrame, *,
                          deposits_name: str = "deposits",
                          quantities_name: str = "quantities") -> ExportFrames:
    """Validate both inputs and return them in canonical form; raises TailingsInputError."""
    ids = _check_ids(deposits, deposits_name)
    duplicated = ids.duplicated(keep="first").to_numpy()
    if duplicated.any():
        raise _bad_value_error(deposits, duplicated, "deposit_id", "{0}: deposit_id occurs more than once",
                               deposits_name)
    specs = deposit_specs_for(deposits)
    _check_names([s.name for s in specs], deposits_name)
    frame = deposits.copy()
    frame["deposit_id"] = ids
    columns: dict[str, pd.Series] = {}
    for spec in specs:
        if spec.name not in frame.columns:
            columns[spec.name] = pd.Series([None] * len(frame), index=frame.index, dtype=object)
            if spec.type in ("double",):
                columns[spec.name] = columns[spec.name].astype(float)
            continue
        columns[spec.name] = _coerce(frame, spec, deposits_name)
    geometry = (frame[GEOMETRY_COLUMN] if GEOMETRY_COLUMN in frame.columns
                else pd.Series([None] * len(frame), index=frame.index, dtype=object))
    columns[GEOMETRY_COLUMN] = geometry.astype(object)
    clean = pd.DataFrame(columns, index=frame.index)
    clean = clean.sort_values("deposit_id", kind="stable").reset_index(drop=True)

    missing = [s.name for s in QUANTITY_FIELDS if s.name not in quantities.columns]
    if missing:
        raise TailingsInputError("{0}: required fields missing: {1}", quantities_name, ", ".join(missing),
                                 column=missing[0])
    q_ids = _check_ids(quantities, quantities_name)
    unknown = ~q_ids.isin(set(clean["deposit_id"])).to_numpy()
    if unknown.any():
        raise _bad_value_error(quantities, unknown, "deposit_id",
                               "{0}: quantity row for a deposit that is not in the deposits input", quantities_name)
    q = quantities.copy()
    q["deposit_id"] = q_ids
    q_columns = {spec.name: _coerce(q, spec, quantities_name) for spec in QUANTITY_FIELDS}
    q_clean = pd.DataFrame(q_columns, index=q.index)
    for column, vocabulary in (("commodity", COMMODITIES), ("unfc_g", G_INCREMENTS)):
        bad = ~q_clean[column].isin(vocabulary).to_numpy()
        if bad.any():
            raise _bad_value_error(q, bad, column, "{0}: must be one of {1}", quantities_name, ", ".join(vocabulary))
    bad = q_clean["quantity_t"].isna().to_numpy()
    if bad.any():
        raise _bad_value_error(q, bad, "quantity_t", "{0}: quantity_t is NULL", quantities_name)
    key = ["deposit_id", "commodity", "unfc_g"]
    duplicated = q_clean.duplicated(key, keep="first").to_numpy()
    if duplicated.any():
        raise _bad_value_error(q, duplicated, "unfc_g", "{0}: the same deposit, commodity and G increment occurs twice",
                               quantities_name)
    order = {g: i for i, g in enumerate(G_INCREMENTS)}
    q_clean = (q_clean.assign(_g=q_clean["unfc_g"].map(order))
               .sort_values(["deposit_id", "commodity", "_g"], kind="stable")
               .drop(columns="_g").reset_index(drop=True))
    return ExportFrames(clean, q_clean, tuple(specs))
