"""Coordinates of samples and their link to deposits.

Coordinates come as easting/northing in EUREF89 UTM 32/33/35 (EPSG:25832/25833/25835) or
as WGS84 latitude/longitude (EPSG:4326), or in any CRS the user names. A point is
plausible when it lies in the CRS's area of use from PROJ's database (or in Norway, for
the CRSs Norwegian data come in). They are reprojected to the target CRS with
GDAL/OGR's ``osr`` (PROJ underneath; GDAL is already a dependency of QGIS, so no extra
package), all points of a column in one call.

Samples link to deposits by the deposit id written in the sheet; a sample without a
matching id but with a location links to the deposit polygon that contains it (shapely 2
STRtree, one vectorised query for all points).
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import shapely

from ..errors import TailingsInputError
from ..message import Message

WGS84 = "EPSG:4326"
DEFAULT_SOURCE_CRS = "EPSG:25833"
HINTS_PATH = Path(__file__).resolve().parent.parent.parent / "resources" / "codelists" / "crs_hints.toml"


@dataclass(frozen=True)
class Extent:
    """A longitude/latitude box in degrees (west may exceed east across the antimeridian)."""
    west: float
    south: float
    east: float
    north: float

    def contains(self, lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
        in_lon = (lon >= self.west) & (lon <= self.east) if self.west <= self.east else \
            (lon >= self.west) | (lon <= self.east)
        return in_lon & (lat >= self.south) & (lat <= self.north)


def _spatial_ref(text: str):
    from osgeo import osr  # imported here: only needed when coordinates are

    ref = osr.SpatialReference()
    if ref.SetFromUserInput(str(text)) != 0:
        raise TailingsInputError("Unknown coordinate reference system {0!r}", text)
    # x = easting/longitude, y = northing/latitude, whatever the CRS's official axis order.
    ref.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return ref


@lru_cache(maxsize=64)
def area_of_use(crs: str) -> Extent | None:
    """The CRS's area of use as PROJ's database states it (None when PROJ has none)."""
    area = _spatial_ref(crs).GetAreaOfUse()
    if area is None:
        return None
    return Extent(area.west_lon_degree, area.south_lat_degree, area.east_lon_degree, area.north_lat_degree)


@lru_cache(maxsize=1)
def _norway() -> tuple[tuple[Extent, ...], frozenset[int]]:
    data = tomllib.loads(HINTS_PATH.read_text(encoding="utf-8"))["norway"]
    mainland = area_of_use(f"EPSG:{data['extent_epsg']}")
    return (mainland, Extent(*data["svalbard"])), frozenset(data["national_crs"])


def trial_crs() -> list[str]:
    """The CRSs tried when few samples link (Norwegian EUREF89 zones and WGS84)."""
    data = tomllib.loads(HINTS_PATH.read_text(encoding="utf-8"))["norway"]
    return [f"EPSG:{code}" for code in data["trial_crs"]]


def _inside_boxes(extents: tuple[Extent, ...], crs: str, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Points of ``crs`` inside any of the lon/lat boxes.

    For a projected CRS the boxes are drawn as polygons in that CRS (edges densified every
    0.5°, a few hundred vertices transformed once) and tested with shapely's vectorised
    ``contains_xy``: transforming every sample to degrees would cost more than the whole
    import of a large sheet. Where PROJ cannot draw a box, the points are transformed.
    """
    if _spatial_ref(crs).IsGeographic():
        inside = np.zeros(len(x), dtype=bool)
        for extent in extents:
            inside |= extent.contains(x, y)
        return inside
    region = _region(extents, crs)
    if region is None:
        lon, lat = to_lonlat(x, y, crs)
        return _inside_boxes(extents, WGS84, lon, lat)
    return shapely.contains_xy(region, x, y)


@lru_cache(maxsize=64)
def _region(extents: tuple[Extent, ...], crs: str):
    parts = []
    for extent in extents:
        if extent.west > extent.east:
            return None  # across the antimeridian: not drawn
        lon, lat = _ring(extent)
        x, y = reproject(lon, lat, WGS84, crs)
        if not (np.isfinite(x).all() and np.isfinite(y).all()):
            return None
        parts.append(shapely.make_valid(shapely.Polygon(np.column_stack([x, y]))))
    region = shapely.union_all(parts)
    shapely.prepare(region)
    return region


def _ring(extent: Extent, step: float = 0.5) -> tuple[np.ndarray, np.ndarray]:
    """The box's outline in degrees, a vertex every ``step`` degrees (its edges curve in a projection)."""
    n_lon = max(2, int(np.ceil((extent.east - extent.west) / step)) + 1)
    n_lat = max(2, int(np.ceil((extent.north - extent.south) / step)) + 1)
    lons, lats = np.linspace(extent.west, extent.east, n_lon), np.linspace(extent.south, extent.north, n_lat)
    lon = np.concatenate([lons, np.full(n_lat, extent.east), lons[::-1], np.full(n_lat, extent.west)])
    lat = np.concatenate([np.full(n_lon, extent.south), lats, np.full(n_lon, extent.north), lats[::-1]])
    return lon, lat


def to_lonlat(x: np.ndarray, y: np.ndarray, crs: str) -> tuple[np.ndarray, np.ndarray]:
    """Longitude/latitude (WGS84) of the points; NaN where the CRS cannot place them."""
    ref = _spatial_ref(crs)
    if ref.IsGeographic():
        bad = (np.abs(x) > 180) | (np.abs(y) > 90)
        return np.where(bad, np.nan, x), np.where(bad, np.nan, y)
    lon, lat = reproject(x, y, crs, WGS84)
    bad = ~(np.isfinite(lon) & np.isfinite(lat))
    return np.where(bad, np.nan, lon), np.where(bad, np.nan, lat)


def plausibility(crs: str, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(implausible, in Norway) per point. Implausible: outside the CRS's area of use (PROJ) and,
    for the CRSs Norwegian data come in, outside Norway too (UTM 33 covers all of Norway,
    Finnmark included). Norway is tested first, so for Norwegian data one pass does both."""
    finite = np.isfinite(x) & np.isfinite(y)
    if _spatial_ref(crs).IsGeographic():
        finite &= (np.abs(x) <= 180) & (np.abs(y) <= 90)
    norway_boxes, national = _norway()
    norway = np.zeros(len(x), dtype=bool)
    norway[finite] = _inside_boxes(norway_boxes, crs, x[finite], y[finite])
    area = area_of_use(crs)
    code = _spatial_ref(crs).GetAuthorityCode(None)
    rest = finite & ~norway if code and code.isdigit() and int(code) in national else finite
    inside_area = np.zeros(len(x), dtype=bool)
    if area is None:
        inside_area[rest] = True
    elif rest.any():
        inside_area[rest] = _inside_boxes((area,), crs, x[rest], y[rest])
    implausible = rest & ~inside_area
    implausible |= np.isfinite(x) & np.isfinite(y) & ~finite  # degrees out of range
    return implausible, norway


def outside_area(crs: str, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Points that cannot be right for ``crs`` (see ``plausibility``)."""
    return plausibility(crs, x, y)[0]


def reproject(x: np.ndarray, y: np.ndarray, source: str, target: str) -> tuple[np.ndarray, np.ndarray]:
    """Transform coordinate arrays (NaN stays NaN, points PROJ cannot place become inf);
    ``source``/``target`` as EPSG:n or WKT."""
    if str(source).strip().upper() == str(target).strip().upper():
        return x.copy(), y.copy()
    from osgeo import gdal, osr

    src, dst = _spatial_ref(source), _spatial_ref(target)
    if src.IsSame(dst):
        return x.copy(), y.copy()
    out_x, out_y = np.full(len(x), np.nan), np.full(len(y), np.nan)
    finite = np.isfinite(x) & np.isfinite(y)
    if finite.any():
        transform = osr.CoordinateTransformation(src, dst)
        points = np.column_stack([x[finite], y[finite]])
        gdal.PushErrorHandler("CPLQuietErrorHandler")  # points outside the projection: inf, said by the caller
        try:
            result = np.asarray(transform.TransformPoints(points), dtype=float)
        finally:
            gdal.PopErrorHandler()
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
        notes.append(Message("{0} sample(s) name a deposit that is not in DEPOSITS: {1}", int(unknown.sum()),
                             ", ".join(missing[:10]) + (" ..." if len(missing) > 10 else "")))
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
                notes.append(Message("{0} point(s) fall in more than one deposit polygon; the first in layer order "
                                     "was used", overlapping))
            hit_rows = wanted[sample_pos[first]]
            hit_ids = deposits["deposit_id"].to_numpy(dtype=object)[poly_index[tree_pos[first]]]
            matched[hit_rows] = hit_ids
            method[hit_rows] = "location"
    return LinkResult(matched, method, notes, unknown)
