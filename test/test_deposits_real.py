"""Real public deposit layers nobody on the team wrote (test/data/real/SOURCES.md): every feature
accounted for, and values spot-checked against the raw file read independently with OGR."""
from __future__ import annotations

from pathlib import Path

import pytest
from deposits_support import read_rows
from osgeo import ogr, osr

REAL = Path(__file__).resolve().parent / "data" / "real"
GA_MINES = REAL / "ga_mines_ausgin_2020_first300.csv"
NICKEL = REAL / "criticalmaas_nickel_sites_first200.geojson"
SPOT_CHECKS = 25  # features compared value by value, spread over the file


def _raw(path: Path, **open_options: str) -> list[dict]:
    """Every feature as GDAL reads it: attributes, lon/lat (None without geometry)."""
    ds = gdal_open(path, open_options)
    layer = ds.GetLayer(0)
    defn = layer.GetLayerDefn()
    names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    rows = []
    for feature in layer:
        geom = feature.GetGeometryRef()
        point = (geom.GetX(), geom.GetY()) if geom is not None and not geom.IsEmpty() else None
        rows.append({**{n: feature.GetField(n) for n in names}, "_lonlat": point})
    return rows


def gdal_open(path: Path, open_options: dict[str, str]):
    from osgeo import gdal

    return gdal.OpenEx(str(path), gdal.OF_VECTOR, open_options=[f"{k}={v}" for k, v in open_options.items()])


def _to_lonlat(wkt: str) -> tuple[float, float]:
    src, dst = osr.SpatialReference(), osr.SpatialReference()
    src.ImportFromEPSG(25833)
    dst.ImportFromEPSG(4326)
    dst.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    src.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    geom = ogr.CreateGeometryFromWkt(wkt)
    geom.Transform(osr.CoordinateTransformation(src, dst))
    return geom.GetX(), geom.GetY()


def _import(layer_or_path, tmp_path: Path, field_map: str | None = None) -> tuple[dict, list[dict], list[dict]]:
    import processing

    result = processing.run("tailingsunfc:importdeposits", {
        "INPUT": layer_or_path, "FIELD_MAP": field_map, "OUTPUT": str(tmp_path / "out.gpkg"),
        "REJECTS": str(tmp_path / "rejects.gpkg")})
    return result, read_rows(f"{tmp_path / 'out.gpkg'}|layername=out"), \
        read_rows(f"{tmp_path / 'rejects.gpkg'}|layername=rejects")


def _ga_layer():
    from qgis.core import QgsVectorLayer

    # How a QGIS user opens the CSV: Add Delimited Text Layer, geometry from the WKT column.
    uri = f"file://{GA_MINES}?type=csv&delimiter=,&wktField=erl:shape&crs=EPSG:4326&detectTypes=yes"
    layer = QgsVectorLayer(uri, "ga_mines", "delimitedtext")
    assert layer.isValid()
    return layer


def test_ga_mines_every_feature_accounted_for_and_values_match(tailings_provider, tmp_path):
    raw = _raw(GA_MINES, GEOM_POSSIBLE_NAMES="erl:shape", KEEP_GEOM_COLUMNS="NO")
    result, out, rejects = _import(_ga_layer(), tmp_path)
    assert result["N_READ"] == len(raw) == 300
    assert result["N_READ"] == result["N_ACCEPTED"] + result["N_REJECTED"] == len(out) + len(rejects)
    # Every raw point has a geometry and a unique identifier: nothing should be rejected.
    assert all(r["_lonlat"] for r in raw) and len({r["erl:identifier"] for r in raw}) == len(raw)
    assert rejects == []
    # No hand mapping: the id is the EarthResourceML identifier, the name the filled erl:name
    # (not the empty gml:name), the status erl:status.
    assert result["ID_SOURCE"] == "field 'erl:identifier' (exact)" and result["ID_FROM_NAME"] == 0
    by_id = {row["deposit_id"]: row for row in out}
    step = max(len(raw) // SPOT_CHECKS, 1)
    for source in raw[::step]:
        row = by_id[source["erl:identifier"]]
        assert row["name"] == source["erl:name"]
        assert row["status"] == source["erl:status"]
        assert _to_lonlat(row["wkt"]) == pytest.approx(source["_lonlat"], abs=1e-7)
        assert row["tonnage_source"] == "none"


def test_ga_mines_short_id_with_a_field_map(tailings_provider, tmp_path):
    raw = _raw(GA_MINES, GEOM_POSSIBLE_NAMES="erl:shape", KEEP_GEOM_COLUMNS="NO")
    result, out, _ = _import(_ga_layer(), tmp_path, field_map="deposit_id=gml:id")
    assert result["ID_SOURCE"] == "field 'gml:id' (override)"
    assert sorted(r["deposit_id"] for r in out) == sorted(r["gml:id"] for r in raw)


def test_criticalmaas_nickel_sites_every_feature_accounted_for(tailings_provider, tmp_path):
    raw = _raw(NICKEL)
    result, out, rejects = _import(str(NICKEL), tmp_path)
    assert result["N_READ"] == len(raw) == 200
    assert result["N_READ"] == result["N_ACCEPTED"] + result["N_REJECTED"] == len(out) + len(rejects)
    # From the raw file: features without geometry, and one latitude beyond the pole.
    no_geometry = {r["idx"] for r in raw if r["_lonlat"] is None}
    impossible = {r["idx"] for r in raw if r["_lonlat"] is not None and abs(r["_lonlat"][1]) > 90}
    assert len(impossible) == 1
    assert {r["idx"] for r in rejects} == no_geometry | impossible
    reasons = {r["idx"]: r["reject_reason"] for r in rejects}
    assert all(reasons[i] == "no geometry" for i in no_geometry)
    assert all("cannot be transformed" in reasons[i] and "another CRS" in reasons[i] for i in impossible)
    # The id: "idx" (id-like, unique), not "source_id" (id-like, but it repeats).
    assert result["ID_SOURCE"] == "field 'idx' (id-like name, values unique)"
    source_ids = [r["source_id"] for r in raw if r["idx"] not in no_geometry]
    assert len(set(source_ids)) < len(source_ids)
    by_id = {row["deposit_id"]: row for row in out}
    kept = [r for r in raw if r["idx"] not in no_geometry | impossible]
    assert sorted(by_id) == sorted(r["idx"] for r in kept)
    for source in kept[::max(len(kept) // SPOT_CHECKS, 1)]:
        row = by_id[source["idx"]]
        assert row["name"] == source["name"]
        assert row["source_id"] == source["source_id"]  # carried unchanged
        assert _to_lonlat(row["wkt"]) == pytest.approx(source["_lonlat"], abs=1e-7)
        assert source["_lonlat"] == pytest.approx((source["longitude"], source["latitude"]), abs=1e-9)
