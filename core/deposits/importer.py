"""Turn a source table of deposits (any field names) into the canonical deposit schema.

Input: a frame with the source's attribute columns, ``_fid`` and WKB ``geometry`` already in
the target CRS (see algorithms/layer_frames.py). Output: accepted deposits in the hand-over
format of docs/DEVELOPING.md, and the rejected source rows with a reason each.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import shapely

from ..errors import TailingsInputError
from ..message import Message, joined
from ..schema import DEPOSIT_FIELDS, OPTIONAL_DEPOSIT_FIELDS, REJECT_REASON_FIELD, field_names
from .field_mapping import FieldMapping, match_fields
from .geometry import check_geometries, outside_extent, polygon_areas
from .tonnage import DEFAULT_DRY_DENSITY_T_M3, derive_tonnage, tonnage_disagreement
from .values import (
    KIND_WORDS,
    SETTING_WORDS,
    grade_to_ppm,
    normalise_vocabulary,
    on_distinct,
    parse_numbers,
    recovery_to_fraction,
    unrecognised_values,
)

GEOMETRY_COLUMN = "geometry"
FID_COLUMN = "_fid"
# Density outside this range (t/m³) is kept but reported: likely a unit error (kg/m³, g/cm³ typo).
PLAUSIBLE_DENSITY_T_M3 = (0.8, 5.0)

_SPECS = {s.name: s for s in (*DEPOSIT_FIELDS, *OPTIONAL_DEPOSIT_FIELDS)}
_TEXT_FIELDS = tuple(n for n, s in _SPECS.items()
                     if s.type == "string" and n not in ("deposit_id", "deposit_kind", "setting", "tonnage_source"))
_YEAR_FIELDS = ("mining_start", "mining_end")
_NON_NEGATIVE = ("area_m2", "volume_m3", "density_t_m3", "tonnage_t")


@dataclass
class DepositImport:
    deposits: pd.DataFrame
    rejects: pd.DataFrame
    mapping: FieldMapping
    warnings: list[str] = field(default_factory=list)
    repaired_ids: list[str] = field(default_factory=list)
    tonnage_sources: dict[str, int] = field(default_factory=dict)
    id_from_name: bool = False        # no id field: deposit_id is the name (fallback ids)
    name_duplicates: int = 0          # rows rejected because the name used as id repeats

    @property
    def id_description(self) -> str:
        """Where deposit_id came from, for logs and run summaries."""
        source = self.mapping.source_of("deposit_id") or self.mapping.source_of("name")
        if self.id_from_name:
            return Message("the name field {0!r} (no id field found; FALLBACK ids)", source)
        how = self.mapping.matches["deposit_id"].how
        return Message("field {0!r} ({1})", source, Message("id-like name, values unique") if how == "pattern"
                       else how)


def _text(series: pd.Series) -> pd.Series:
    """Strings stripped, blanks NULL; integral floats read as integers ("15040", not "15040.0")."""
    if pd.api.types.is_float_dtype(series):
        values = series.astype(float)
        integral = values.notna() & np.isfinite(values) & (values == np.round(values))
        out = values.astype(object).where(values.notna(), None)
        out[integral] = values[integral].astype(np.int64).astype(str)
        out[values.notna() & ~integral] = values[values.notna() & ~integral].astype(str)
        series = out
    def strip(values: pd.Series) -> pd.Series:
        text = values.astype("string").str.strip()
        return text.astype(object).where(text.notna() & (text != ""), None)
    return on_distinct(series, strip)


def _add_reason(reasons: pd.Series, mask: pd.Series | np.ndarray, text: pd.Series | str) -> None:
    """Append ``text`` to the reasons of the rows in ``mask`` (a row may collect several)."""
    mask = pd.Series(np.asarray(mask, dtype=bool), index=reasons.index)
    if not mask.any():
        return
    if not isinstance(text, str):
        text = text.reindex(reasons.index)[mask].astype(str)
    current = reasons[mask]
    reasons[mask] = np.where(current.isna(), text, current.astype(str) + "; " + text)


def _output_name_for_other(name: str, taken: set[str]) -> str:
    """Source fields kept beside the canonical ones; renamed when they would clash with one
    (GeoPackage names are case-insensitive) or with the FID column."""
    out = name
    if name.lower() in taken or name.lower() == "fid":
        out = f"src_{name}"
    while out.lower() in taken:
        out = f"src_{out}"
    return out


def import_deposits(frame: pd.DataFrame, *, field_map: dict[str, str] | None = None,
                    geometry_dimension: int | None = None, source_name: str = "input",
                    geometry_problems: pd.Series | None = None,
                    valid_extent: tuple[float, float, float, float] | None = None, extent_label: str = "",
                    cancel: Callable[[], None] | None = None) -> DepositImport:
    """Map, normalise, validate and complete deposits; see docs/deposits.md for the rules.

    ``geometry_problems``: reasons found by the caller while reading (e.g. a coordinate transform
    that failed), indexed like ``frame``, None where there was none; they replace the generic
    geometry checks for those rows. ``valid_extent`` (xmin, ymin, xmax, ymax in the frame's CRS):
    geometries reaching outside it are rejected as lying outside the area where the layer's CRS
    applies (``extent_label`` names it), the mark of coordinates in another CRS.
    """
    source_columns = [c for c in frame.columns if c not in (FID_COLUMN, GEOMETRY_COLUMN)]
    mapping = match_fields(source_columns, field_map, frame=frame)
    id_source, name_source = mapping.source_of("deposit_id"), mapping.source_of("name")
    if id_source is None and name_source is None:
        raise TailingsInputError(
            "{0}: no field looks like a deposit id or name. Fields seen: {1}. Name them with FIELD_MAP, e.g. "
            "'deposit_id=OBJ_ID;name=NAVN'.", source_name, ", ".join(source_columns) or Message("(none)"),
            file=source_name)
    if FID_COLUMN not in frame:  # frames built outside QGIS: number the rows 1..n
        frame = frame.assign(**{FID_COLUMN: np.arange(1, len(frame) + 1)})
    warnings: list[str] = [
        Message("field {0!r} is a truncated name that could be any of {1}; it is kept as it is. Map it with FIELD_MAP "
                "if it is one of the canonical fields.", src, ", ".join(options))
        for src, options in mapping.ambiguous.items()]
    index = frame.index
    reasons = pd.Series(None, index=index, dtype=object)
    out = pd.DataFrame(index=index)

    def column(canonical: str) -> pd.Series | None:
        src = mapping.source_of(canonical)
        return None if src is None else frame[src]

    # Identity.
    if id_source is None:
        alternatives = joined(mapping.alternatives.get("deposit_id", []), "; ") or Message("none")
        warnings.append(Message(
            "FALLBACK IDS: no deposit id field; the name field {0!r} is used as deposit_id, so two deposits with the "
            "same name cannot both be kept (id-like fields seen: {1}). Name the id field with FIELD_MAP, e.g. "
            "'deposit_id=<field>'.", name_source, alternatives))
        out["deposit_id"] = _text(frame[name_source])
    else:
        out["deposit_id"] = _text(frame[id_source])
    id_field = id_source or name_source
    _add_reason(reasons, out["deposit_id"].isna(), f"missing deposit_id (field {id_field!r} is empty)")

    for name in _TEXT_FIELDS:
        series = column(name)
        if series is not None:
            out[name] = _text(series)
    if cancel:
        cancel()

    # Code lists.
    kind_src = column("deposit_kind")
    if kind_src is not None:
        out["deposit_kind"] = normalise_vocabulary(kind_src, KIND_WORDS, other="other")
        odd = unrecognised_values(kind_src, KIND_WORDS)
        if odd:
            warnings.append(Message("deposit_kind: values read as 'other': {0}", ", ".join(odd)))
    setting_src = column("setting")
    if setting_src is not None:
        out["setting"] = normalise_vocabulary(setting_src, SETTING_WORDS)
        odd = unrecognised_values(setting_src, SETTING_WORDS)
        if odd:
            warnings.append(Message("setting: unrecognised values left empty (expected land, lake or sea): {0}",
                                    ", ".join(odd)))

    # Numbers: a value that is not a number, or a negative quantity, rejects the row (fix and re-run).
    numeric = [n for n in _SPECS if _SPECS[n].type in ("double", "int") and mapping.source_of(n)]
    for name in numeric:
        src = mapping.source_of(name)
        values, invalid = parse_numbers(frame[src])
        # Reason texts are built for the offending rows only (string work on every row is costly).
        if invalid.any():
            _add_reason(reasons, invalid, f"field {src!r} value '" + frame.loc[invalid, src].astype(str)
                        + "' is not a number")
        negative = values < 0
        if name in _NON_NEGATIVE and negative.any():
            _add_reason(reasons, negative, f"field {src!r} value " + values[negative].astype(str) + " is negative")
        unit = mapping.matches[name].unit
        if name.endswith("_recovery"):
            values = recovery_to_fraction(values, unit)
        elif name in _SPECS and _SPECS[name].unit == "ppm":
            values = grade_to_ppm(values, unit)
        if name in _YEAR_FIELDS:
            values = values.round().astype("Int64")
        out[name] = values
    if "density_t_m3" in out:
        low, high = PLAUSIBLE_DENSITY_T_M3
        odd = out["density_t_m3"].notna() & ~out["density_t_m3"].between(low, high)
        if odd.any():
            warnings.append(Message("density_t_m3 outside {0}-{1} t/m³ for {2} deposit(s) (unit error?): {3}", low,
                                    high, int(odd.sum()), ", ".join(out.loc[odd, "deposit_id"].astype(str))))
    if cancel:
        cancel()

    # Geometry.
    wkb = frame[GEOMETRY_COLUMN] if GEOMETRY_COLUMN in frame else pd.Series(None, index=index, dtype=object)
    checked = check_geometries(wkb, geometry_dimension)
    geom_reason = checked.reason.copy()
    if geometry_problems is not None:
        known = geometry_problems.reindex(index).notna()
        geom_reason[known] = geometry_problems.reindex(index)[known]
    if valid_extent is not None:
        outside = pd.Series(outside_extent(checked.geometries, valid_extent), index=index) & geom_reason.isna()
        geom_reason[outside] = (f"coordinates lie outside the area where {extent_label or 'the layer CRS'} "
                                "applies: is this feature in another CRS?")
    _add_reason(reasons, geom_reason.notna(), geom_reason)

    # Duplicate ids among otherwise acceptable rows: exact copies (same attributes and geometry,
    # e.g. a WFS page overlap) keep the first; conflicting ones are all rejected, since no rule
    # can tell which is right.
    ok = reasons.isna()
    ids = out["deposit_id"]
    dup_any = ok & ids.duplicated(keep=False) & ids.notna()
    if dup_any.any():
        # Content fingerprint of the (few) duplicated rows only: attributes and geometry bytes.
        dups = frame.loc[dup_any, source_columns].astype(str)
        dups["_geometry"] = wkb[dup_any].map(lambda b: b.hex() if isinstance(b, bytes | bytearray) else "")
        content = pd.util.hash_pandas_object(dups, index=False)
        first_fid = frame[FID_COLUMN][dup_any].groupby(ids[dup_any]).transform("first")
        distinct = content.groupby(ids[dup_any]).transform("nunique").reindex(index)
        # "Later" among the acceptable rows only: a rejected first copy does not cost the next one its place.
        later = ids[ok].duplicated(keep="first").reindex(index, fill_value=False)
        exact_later = dup_any & (distinct == 1) & later
        conflicting = dup_any & (distinct > 1)
        dup_ids = ids[dup_any].astype(str)
        _add_reason(reasons, exact_later, "duplicate deposit_id '" + dup_ids + "': exact copy of feature "
                    + first_fid.astype("Int64").astype(str))
        what = "name (used as deposit_id: no id field)" if id_source is None else "deposit_id"
        _add_reason(reasons, conflicting,
                    f"duplicate {what} '" + dup_ids + "' with differing attributes or geometry; all copies rejected"
                    + ("" if id_source is not None else "; map an id field with FIELD_MAP deposit_id=<field>"))
        name_duplicates = int(conflicting.sum()) if id_source is None else 0
    else:
        name_duplicates = 0

    accepted = reasons.isna().to_numpy()
    geoms = checked.geometries

    # Area from the polygon when the source has none (planar, in the target CRS).
    areas = polygon_areas(geoms)
    recorded_area = out["area_m2"] if "area_m2" in out else pd.Series(np.nan, index=index)
    out["area_m2"] = recorded_area.fillna(pd.Series(areas, index=index))

    # Tonnage.
    def numeric_or_nan(name: str) -> pd.Series:
        return out[name] if name in out else pd.Series(np.nan, index=index, dtype=float)

    kind = out["deposit_kind"] if "deposit_kind" in out else pd.Series(None, index=index, dtype=object)
    tonnage, tonnage_source = derive_tonnage(numeric_or_nan("tonnage_t"), numeric_or_nan("volume_m3"),
                                             numeric_or_nan("density_t_m3"), kind)
    disagree = tonnage_disagreement(numeric_or_nan("tonnage_t"), numeric_or_nan("volume_m3"),
                                    numeric_or_nan("density_t_m3")) & accepted
    if disagree.any():
        warnings.append(Message("recorded tonnage differs from volume × density by more than a factor 2 for: {0}",
                                ", ".join(out.loc[disagree, "deposit_id"].astype(str))))
    out["tonnage_t"], out["tonnage_source"] = tonnage, tonnage_source

    # Assemble: canonical fields, optional fields found, then the source's other fields.
    canonical = field_names(DEPOSIT_FIELDS)
    for name in canonical:
        if name not in out:
            out[name] = pd.Series(np.nan if _SPECS[name].type == "double" else None, index=index,
                                  dtype=float if _SPECS[name].type == "double" else object)
    optional = [s.name for s in OPTIONAL_DEPOSIT_FIELDS if s.name in out]
    taken = {n.lower() for n in (*canonical, *optional, REJECT_REASON_FIELD.name)}
    others: dict[str, str] = {}
    for src in source_columns:
        if src in mapping.mapped_sources:
            continue
        target = _output_name_for_other(src, taken)
        taken.add(target.lower())
        others[src] = target
    deposits = pd.concat([out[canonical + optional], frame[list(others)].rename(columns=others)], axis=1)
    # output_dimension=3 explicitly: inside QGIS (qgis_process, desktop) shapely's GEOS calls can resolve
    # to the system GEOS (3.11 on bookworm), whose WKB writer refuses shapely 2.2's default of 4.
    wkb_out = shapely.to_wkb(geoms, hex=False, output_dimension=3) if len(geoms) else np.array([], dtype=object)
    deposits[GEOMETRY_COLUMN] = pd.Series(wkb_out.tolist(), index=index, dtype=object)
    deposits[FID_COLUMN] = frame[FID_COLUMN]
    deposits = deposits[accepted]

    rejects = frame[~accepted].copy()
    rejects[REJECT_REASON_FIELD.name] = reasons[~accepted]
    repaired_ids = out.loc[checked.repaired & accepted, "deposit_id"].astype(str).tolist()
    if repaired_ids:
        warnings.append(Message("repaired invalid geometries (make_valid) of: {0}", ", ".join(repaired_ids)))
    sources = tonnage_source[accepted].value_counts().to_dict()
    if sources.get("volume_x_default_density"):
        warnings.append(Message("{0} tonnage(s) use the default dry density {1} t/m³ (tonnage_source = "
                                "volume_x_default_density)", sources["volume_x_default_density"],
                                DEFAULT_DRY_DENSITY_T_M3))
    if name_duplicates:
        warnings.append(Message("FALLBACK IDS: {0} feature(s) rejected because their name, used as deposit_id, "
                                "occurs more than once with different content", name_duplicates))
    return DepositImport(deposits=deposits, rejects=rejects, mapping=mapping, warnings=warnings,
                         repaired_ids=repaired_ids, tonnage_sources={str(k): int(v) for k, v in sources.items()},
                         id_from_name=id_source is None, name_duplicates=name_duplicates)
