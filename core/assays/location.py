"""Coordinates of samples and their link to deposits.

Coordinates come as easting/northing in EUREF89 UTM 32/33/35 (EPSG:25832/25833/25835) or
as WGS84 latitude/longitude (EPSG:4326). They are reprojected to the target CRS with
GDAL/OGR's ``osr`` (PROJ underneath; GDAL is already a dependency of QGIS, so no extra
package), all points of a column in one call.

Samples link to deposits by the deposit id written in the sheet; a sample without a
matching id but with a location links to the deposit polygon that contains it (shapely 2
STRtree, one vectorised query for all points).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import shapely

from ..errors import TailingsInputError

UTM_EPSG = {32: 25832, 33: 25833, 35: 25835}
WGS84_EPSG = 4326
DEFAULT_SOURCE_EPSG = 25833

# Plausible ranges (EPSG area-of-use is wider; these catch swapped axes and typos).
UTM_EASTING_RANGE = (100_000.0, 900_000.0)
UTM_NORTHING_RANGE = (0.0, 10_000_000.0)


@dataclass
class SourceCrs:
    epsg: int | None
    reason: str


def infer_source_crs(kind: str, zone_hints: list[int], override: str | None,
                     x: np.ndarray, y: np.ndarray) -> SourceCrs:
    """The CRS of the sheet's coordinates: override, then header hint, then the values."""
    if override:
        return SourceCrs(_epsg_of(override), f"given as SOURCE_CRS {override}")
    if kind == "latlon":
        return SourceCrs(WGS84_EPSG, "latitude/longitude columns (WGS84)")
    zones = sorted(set(zone_hints))
    if len(zones) == 1 and zones[0] in UTM_EPSG:
        return SourceCrs(UTM_EPSG[zones[0]], f"UTM zone {zones[0]} named in the header")
    finite = np.isfinite(x) & np.isfinite(y)
    if finite.any() and np.all(np.abs(x[finite]) <= 180) and np.all(np.abs(y[finite]) <= 90):
        return SourceCrs(WGS84_EPSG, "coordinate values look like degrees: WGS84 assumed")
    return SourceCrs(DEFAULT_SOURCE_EPSG, "no CRS given: EUREF89 UTM 33 (EPSG:25833) assumed, "
                     "set SOURCE_CRS if the coordinates are in another zone")


def _epsg_of(text: str) -> int | None:
    text = str(text).strip()
    if text.upper().startswith("EPSG:") and text[5:].isdigit():
        return int(text[5:])
    return None


def out_of_range(epsg: int | None, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Points whose coordinates cannot be right for the source CRS."""
    finite = np.isfinite(x) & np.isfinite(y)
    if epsg == WGS84_EPSG:
        bad = (np.abs(x) > 180) | (np.abs(y) > 90)
    elif epsg in UTM_EPSG.values():
        bad = ((x < UTM_EASTING_RANGE[0]) | (x > UTM_EASTING_RANGE[1])
               | (y < UTM_NORTHING_RANGE[0]) | (y > UTM_NORTHING_RANGE[1]))
    else:
        bad = np.zeros(len(x), dtype=bool)
    return finite & bad


def reproject(x: np.ndarray, y: np.ndarray, source: str, target: str) -> tuple[np.ndarray, np.ndarray]:
    """Transform coordinate arrays (NaN stays NaN); ``source``/``target`` as EPSG:n or WKT."""
    if str(source).strip().upper() == str(target).strip().upper():
        return x.copy(), y.copy()
    from osgeo import osr  # imported here: only needed when a transformation is

    src, dst = osr.SpatialReference(), osr.SpatialReference()
    for ref, text in ((src, source), (dst, target)):
        if ref.SetFromUserInput(str(text)) != 0:
            raise TailingsInputError(f"Unknown coordinate reference system {text!r}")
        # x = easting/longitude, y = northing/latitude, whatever the CRS's official axis order.
        ref.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    if src.IsSame(dst):
        return x.copy(), y.copy()
    out_x, out_y = np.full(len(x), np.nan), np.full(len(y), np.nan)
    finite = np.isfinite(x) & np.isfinite(y)
    if finite.any():
        transform = osr.CoordinateTransformation(src, dst)
        points = np.column_stack([x[finite], y[finite]])
        result = np.asarray(transform.TransformPoints(points), dtype=float)
        out_x[finite], out_y[finite] = result[:, 0], result[:, 1]
    return out_x, out_y


@dataclass
class LinkResult:
    deposit_id: np.ndarray      # object: canonical id or None
    method: np.ndarray          # object: "id", "location", "sheet" or None
    notes: list[str] = field(default_factory=list)
    unknown_ids: np.ndarray = field(default_factory=lambda: np.array([], dtype=bool))


def link_to_deposits(sheet_ids: pd.Series, x: np.ndarray, y: np.ndarray,
                     deposits: pd.DataFrame | None) -> LinkResult:
    """Deposit of each sample: by id, else by the polygon containing the point.

    ``deposits`` has ``deposit_id`` and (optionally) ``geometry`` as WKB in the samples'
    CRS. Without it, the sheet's own deposit text is taken as the id ("sheet").
    """
    n = len(sheet_ids)
    ids = sheet_ids.where(sheet_ids.notna(), None).astype(object).to_numpy()
    has_id = pd.notna(ids)
    if deposits is None:
        return LinkResult(ids, np.where(has_id, "sheet", None).astype(object),
                          unknown_ids=np.zeros(n, dtype=bool))
    if "deposit_id" not in deposits.columns:
        raise TailingsInputError("The DEPOSITS layer has no deposit_id field (run importdeposits first)")
    canonical = deposits["deposit_id"].dropna().astype(str)
    by_key = dict(zip(canonical.str.strip().str.casefold(), canonical))
    keys = pd.Series(ids, dtype=object).astype("string").str.strip().str.casefold()
    matched = keys.map(by_key).astype(object).to_numpy()
    matched = np.where(pd.isna(matched), None, matched).astype(object)
    method = np.where(pd.notna(matched), "id", None).astype(object)
    unknown = has_id & pd.isna(matched)
    notes = []
    if unknown.any():
        missing = sorted({str(v) for v in ids[unknown]})
        notes.append(f"{int(unknown.sum())} sample(s) name a deposit that is not in DEPOSITS: "
                     + ", ".join(missing[:10]) + (" ..." if len(missing) > 10 else ""))
    need = pd.isna(matched) & np.isfinite(x) & np.isfinite(y)
    if need.any() and "geometry" in deposits.columns:
        geoms = shapely.from_wkb(deposits["geometry"].to_numpy(dtype=object), on_invalid="ignore")
        polygonal = np.isin(shapely.get_type_id(geoms), (3, 6))  # Polygon, MultiPolygon
        if polygonal.any():
            poly_index = np.flatnonzero(polygonal)
            tree = shapely.STRtree(geoms[poly_index])
            wanted = np.flatnonzero(need)
            points = shapely.points(x[wanted], y[wanted])
            sample_pos, tree_pos = tree.query(points, predicate="within")
            # Overlapping polygons: the first deposit in layer order wins (stable, documented).
            order = np.lexsort((tree_pos, sample_pos))
            sample_pos, tree_pos = sample_pos[order], tree_pos[order]
            first = np.r_[True, sample_pos[1:] != sample_pos[:-1]] if len(sample_pos) else np.array([], bool)
            overlapping = len(sample_pos) - int(first.sum())
            if overlapping:
                notes.append(f"{overlapping} point(s) fall in more than one deposit polygon; "
                             "the first in layer order was used")
            hit_rows = wanted[sample_pos[first]]
            hit_ids = deposits["deposit_id"].to_numpy(dtype=object)[poly_index[tree_pos[first]]]
            matched[hit_rows] = hit_ids
            method[hit_rows] = "location"
    return LinkResult(matched, method, notes, unknown)
