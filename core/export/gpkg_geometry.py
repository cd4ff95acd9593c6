"""GeoPackage geometry blobs (OGC 12-128r15 §2.1.3) and their envelopes, built once per export.

The deposits layer and the ERML view share one geometry column, so each geometry is parsed
once here and written to both tables by plain SQLite inserts (see ``gpkg_rows``). OGR does
the WKB work (promotion of polygons to multipolygons, ISO WKB, envelope): it is the same
code GDAL's own GeoPackage writer uses, and it sees the same geometries the QGIS layer had.
"""
from __future__ import annotations

import struct
from dataclasses import dataclass

import numpy as np
from osgeo import ogr

_MAGIC = b"GP"
_VERSION = 0
_LITTLE_ENDIAN = 0x01
_ENVELOPE_XY = 0x02     # envelope indicator 1 (minx, maxx, miny, maxy) in bits 1-3
_EMPTY = 0x10


@dataclass(frozen=True)
class GeometryBlobs:
    """One GeoPackage blob (or None for NULL) and one xy envelope per row; NaN rows have no
    entry in the spatial index (NULL or empty geometries)."""

    blobs: list[bytes | None]
    envelopes: np.ndarray   # (n, 4): minx, maxx, miny, maxy

    def extent(self) -> tuple[float, float, float, float] | None:
        """(minx, miny, maxx, maxy) of all indexed rows, None if there are none."""
        present = ~np.isnan(self.envelopes[:, 0])
        if not present.any():
            return None
        boxes = self.envelopes[present]
        return boxes[:, 0].min(), boxes[:, 2].min(), boxes[:, 1].max(), boxes[:, 3].max()


def geometry_blobs(wkb: list, layer_type: int, srs_id: int) -> GeometryBlobs:
    """Blobs for a layer of ``layer_type`` in ``srs_id``; polygons become multipolygons in a
    multipolygon layer (GeoPackage §2.1.6, as GDAL writes them)."""
    blobs: list[bytes | None] = []
    envelopes = np.full((len(wkb), 4), np.nan)
    promote = layer_type == ogr.wkbMultiPolygon
    for i, value in enumerate(wkb):
        if value is None:
            blobs.append(None)
            continue
        geometry = ogr.CreateGeometryFromWkb(bytes(value))
        if promote and ogr.GT_Flatten(geometry.GetGeometryType()) == ogr.wkbPolygon:
            # an empty polygon becomes an empty multipolygon, not one holding an empty part
            # (the validator's Req 152: the empty flag must match the content)
            geometry = ogr.Geometry(ogr.wkbMultiPolygon) if geometry.IsEmpty() else ogr.ForceToMultiPolygon(geometry)
        blobs.append(_blob(geometry, srs_id, envelopes[i]))
    return GeometryBlobs(blobs, envelopes)


def _blob(geometry: ogr.Geometry, srs_id: int, envelope_row: np.ndarray) -> bytes:
    body = geometry.ExportToIsoWkb(ogr.wkbNDR)
    if geometry.IsEmpty():
        return struct.pack("<2sBBi", _MAGIC, _VERSION, _LITTLE_ENDIAN | _EMPTY, srs_id) + body
    minx, maxx, miny, maxy = geometry.GetEnvelope()
    envelope_row[:] = (minx, maxx, miny, maxy)
    if ogr.GT_Flatten(geometry.GetGeometryType()) == ogr.wkbPoint:  # a point is its own envelope
        return struct.pack("<2sBBi", _MAGIC, _VERSION, _LITTLE_ENDIAN, srs_id) + body
    return struct.pack("<2sBBi4d", _MAGIC, _VERSION, _LITTLE_ENDIAN | _ENVELOPE_XY, srs_id,
                       minx, maxx, miny, maxy) + body
