"""Geometry checks for imported deposits: empty, wrong type, invalid (repaired where safe)."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely

POINT, LINE, POLYGON = 0, 1, 2


@dataclass
class GeometryCheck:
    geometries: np.ndarray   # shapely geometries (None where missing), repaired where that was safe
    reason: pd.Series        # reject reason per row, None when the geometry is usable
    repaired: pd.Series      # bool: the geometry was invalid and has been repaired


def _polygonal_part(geom: shapely.Geometry) -> shapely.Geometry | None:
    """The area-bearing part of a make_valid result; None when nothing polygonal is left."""
    parts = shapely.get_parts(geom)
    polygons = parts[shapely.get_dimensions(parts) == POLYGON]
    if len(polygons) == 0:
        return None
    merged = shapely.union_all(polygons)
    return None if merged.is_empty else merged


def check_geometries(wkb: pd.Series, expected_dimension: int | None) -> GeometryCheck:
    """Decode WKB and check every geometry.

    Invalid polygons are repaired with GEOS make_valid (shapely.make_valid), which keeps all
    of the original area and only re-nodes the rings. The repair counts as safe when the
    result still has polygonal area (a bow-tie becomes two triangles); a ring that collapses
    to a line or a point has no area left and is rejected instead. Invalid points and lines
    are rejected, as there is nothing to repair without guessing.
    """
    index = wkb.index
    raw = wkb.to_numpy(dtype=object)
    missing = pd.isna(wkb).to_numpy()
    geoms = np.full(len(raw), None, dtype=object)
    if (~missing).any():
        geoms[~missing] = shapely.from_wkb(raw[~missing], on_invalid="ignore")
    unreadable = ~missing & pd.isna(pd.Series(geoms, index=index)).to_numpy()
    present = ~missing & ~unreadable
    empty = np.zeros(len(raw), dtype=bool)
    empty[present] = shapely.is_empty(geoms[present])
    usable = present & ~empty
    dims = np.full(len(raw), -1)
    dims[usable] = shapely.get_dimensions(geoms[usable])
    if expected_dimension is None:
        wrong_type = np.zeros(len(raw), dtype=bool)
    else:
        wrong_type = usable & (dims != expected_dimension)
    check_valid = usable & ~wrong_type
    invalid = np.zeros(len(raw), dtype=bool)
    invalid[check_valid] = ~shapely.is_valid(geoms[check_valid])

    reason = pd.Series(None, index=index, dtype=object)
    reason[missing] = "no geometry"
    reason[unreadable] = "geometry cannot be read (corrupt WKB)"
    reason[empty] = "empty geometry"
    if wrong_type.any():
        names = {POINT: "point", LINE: "line", POLYGON: "polygon"}
        found = pd.Series(dims[wrong_type], index=index[wrong_type]).map(names)
        reason[wrong_type] = ("geometry is a " + found + ", the layer holds "
                              + names.get(expected_dimension, "?") + "s")
    repaired = np.zeros(len(raw), dtype=bool)
    # Invalid geometries are few; the repair runs per geometry on those alone.
    for i in np.flatnonzero(invalid):
        why = shapely.is_valid_reason(geoms[i])
        if dims[i] != POLYGON:
            reason.iloc[i] = f"invalid geometry ({why}); only polygons are repaired"
            continue
        fixed = _polygonal_part(shapely.make_valid(geoms[i]))
        if fixed is None or not fixed.is_valid:
            reason.iloc[i] = f"invalid geometry ({why}) that cannot be repaired safely: no area left"
            continue
        geoms[i] = fixed
        repaired[i] = True
    return GeometryCheck(geoms, reason, pd.Series(repaired, index=index))


def polygon_areas(geoms: np.ndarray) -> np.ndarray:
    """Planar area in CRS units² (m² in a projected CRS); NaN for missing or non-polygonal geometries."""
    out = np.full(len(geoms), np.nan)
    present = ~pd.isna(pd.Series(geoms)).to_numpy()
    if present.any():
        dims = shapely.get_dimensions(geoms[present])
        areas = shapely.area(geoms[present])
        out[present] = np.where(dims == POLYGON, areas, np.nan)
    return out


def outside_extent(geoms: np.ndarray, extent: tuple[float, float, float, float]) -> np.ndarray:
    """True where a geometry's bounding box reaches outside ``extent`` (xmin, ymin, xmax, ymax)."""
    out = np.zeros(len(geoms), dtype=bool)
    present = ~pd.isna(pd.Series(geoms)).to_numpy()
    if present.any():
        bounds = shapely.bounds(geoms[present])
        xmin, ymin, xmax, ymax = extent
        out[present] = ((bounds[:, 0] < xmin) | (bounds[:, 1] < ymin) | (bounds[:, 2] > xmax)
                        | (bounds[:, 3] > ymax))
    return out
