"""The GeoPackage's feature tables are written by plain SQLite in one transaction
(core.export.gpkg_rows): what GDAL's triggers would have kept per row (spatial index, feature
count, extent) must be exactly what GDAL itself reads back, and the triggers must work again
for the next editor (QGIS, ogr2ogr) of the file."""
from __future__ import annotations

import sqlite3

import numpy as np
import pytest
import shapely
from export_support import classified_frames
from osgeo import ogr
from test_export_core import validate_gpkg

from core.export.run import export_run

GDAL_TRIGGERS = {"rtree_{t}_geom_insert", "rtree_{t}_geom_update1", "rtree_{t}_geom_update2",
                 "rtree_{t}_geom_update3", "rtree_{t}_geom_update4", "rtree_{t}_geom_delete",
                 "trigger_insert_feature_count_{t}", "trigger_delete_feature_count_{t}"}
LAYERS = ("deposits", "erml_mining_waste_view")


def _ogr_envelopes(path, layer_name) -> dict[int, tuple | None]:
    ds = ogr.Open(str(path))
    layer = ds.GetLayerByName(layer_name)
    out = {}
    for feature in layer:
        geometry = feature.GetGeometryRef()
        out[feature.GetFID()] = None if geometry is None or geometry.IsEmpty() else geometry.GetEnvelope()
    return out


def _check_index_count_extent(path, layer_name) -> None:
    envelopes = _ogr_envelopes(path, layer_name)
    with sqlite3.connect(path) as connection:
        rtree = {r[0]: r[1:] for r in connection.execute(f'SELECT * FROM "rtree_{layer_name}_geom"')}
        count = connection.execute("SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = ?",
                                   (layer_name,)).fetchone()[0]
        extent = connection.execute("SELECT min_x, min_y, max_x, max_y FROM gpkg_contents WHERE table_name = ?",
                                    (layer_name,)).fetchone()
        triggers = {r[0] for r in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", (layer_name,))}
    present = {fid: env for fid, env in envelopes.items() if env is not None}
    assert set(rtree) == set(present)
    boxes = np.array([present[f] for f in sorted(present)])
    index = np.array([rtree[f] for f in sorted(present)])
    # The R*Tree stores 32-bit floats rounded outwards: within a float32 step, never inside.
    step = np.abs(boxes) * 2.0 ** -22 + 1e-9
    assert (index[:, [0, 2]] <= boxes[:, [0, 2]]).all() and (index[:, [1, 3]] >= boxes[:, [1, 3]]).all()
    np.testing.assert_array_less(np.abs(index - boxes), step)
    assert count == len(envelopes)
    assert extent[0] <= boxes[:, 0].min() and extent[1] <= boxes[:, 2].min()
    assert extent[2] >= boxes[:, 1].max() and extent[3] >= boxes[:, 3].max()
    assert triggers == {t.format(t=layer_name) for t in GDAL_TRIGGERS}


def test_new_file_index_count_and_exact_extent(tmp_path):
    deposits, quantities = classified_frames(500, seed=21)
    target = tmp_path / "bulk.gpkg"
    export_run(deposits, quantities, str(target), crs="EPSG:25833")
    validate_gpkg(target)
    bounds = shapely.bounds(shapely.from_wkb(deposits["geometry"].tolist()))
    for layer_name in LAYERS:
        _check_index_count_extent(target, layer_name)
        with sqlite3.connect(target) as connection:
            extent = connection.execute("SELECT min_x, min_y, max_x, max_y FROM gpkg_contents "
                                        "WHERE table_name = ?", (layer_name,)).fetchone()
        np.testing.assert_allclose(extent, [bounds[:, 0].min(), bounds[:, 1].min(), bounds[:, 2].max(),
                                            bounds[:, 3].max()], rtol=1e-12)
        ds = ogr.Open(str(target))
        layer = ds.GetLayerByName(layer_name)
        assert layer.GetGeomType() == ogr.wkbMultiPolygon
        assert {ogr.GT_Flatten(f.GetGeometryRef().GetGeometryType()) for f in layer} == {ogr.wkbMultiPolygon}


def test_upsert_moves_index_entries_and_keeps_fids(tmp_path):
    deposits, quantities = classified_frames(300, seed=22)
    target = tmp_path / "bulk.gpkg"
    export_run(deposits, quantities, str(target), crs="EPSG:25833")
    moved = deposits.iloc[:50].copy()  # 50 deposits move 10 km east, 20 new ones arrive
    moved["geometry"] = shapely.to_wkb(shapely.transform(shapely.from_wkb(moved["geometry"].tolist()),
                                                         lambda xy: xy + np.array([10_000.0, 0.0]))).tolist()
    extra, extra_q = classified_frames(20, seed=23)
    extra["deposit_id"] = [f"NEW-{i:03d}" for i in range(20)]
    extra_q["deposit_id"] = extra_q["deposit_id"].map(dict(zip(classified_frames(20, seed=23)[0]["deposit_id"],
                                                               extra["deposit_id"])))
    both = moved._append(extra, ignore_index=True)
    both_q = quantities[quantities.deposit_id.isin(moved.deposit_id)]._append(extra_q, ignore_index=True)
    before = {fid: env for fid, env in _ogr_envelopes(target, "deposits").items()}
    export_run(both, both_q, str(target), crs="EPSG:25833")
    validate_gpkg(target)
    for layer_name in LAYERS:
        _check_index_count_extent(target, layer_name)
    after = _ogr_envelopes(target, "deposits")
    assert len(after) == 320
    assert set(before) < set(after) and min(set(after) - set(before)) > max(before)  # new fids continue
    ds = ogr.Open(str(target))
    layer = ds.GetLayerByName("deposits")
    fid_of = {f.GetField("deposit_id"): f.GetFID() for f in layer}
    for deposit_id in moved["deposit_id"].iloc[:5]:
        fid = fid_of[deposit_id]
        np.testing.assert_allclose(np.array(after[fid]) - np.array(before[fid]), [1e4, 1e4, 0, 0], atol=1e-6)


def test_triggers_work_for_the_next_editor(tmp_path):
    deposits, quantities = classified_frames(40, seed=24)
    target = tmp_path / "bulk.gpkg"
    export_run(deposits, quantities, str(target), crs="EPSG:25833")
    ds = ogr.Open(str(target), update=1)
    layer = ds.GetLayerByName("deposits")
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetField("deposit_id", "ADDED-BY-OGR")
    feature.SetGeometry(ogr.CreateGeometryFromWkt("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)))"))
    assert layer.CreateFeature(feature) == 0
    victim = next(iter(layer)).GetFID()
    layer.ResetReading()
    assert layer.DeleteFeature(victim) == 0
    ds = None
    with sqlite3.connect(target) as connection:
        assert connection.execute('SELECT count(*) FROM "rtree_deposits_geom" WHERE maxx <= 1').fetchone()[0] == 1
        assert connection.execute('SELECT count(*) FROM "rtree_deposits_geom" WHERE id = ?',
                                  (victim,)).fetchone()[0] == 0
        count = connection.execute("SELECT feature_count FROM gpkg_ogr_contents "
                                   "WHERE table_name = 'deposits'").fetchone()[0]
    assert count == 40  # +1 -1, kept by the restored triggers


def _gdal_written_blob(tmp_path, wkt: str, layer_type: int) -> bytes:
    """The blob GDAL's own GeoPackage writer makes for one geometry."""
    from osgeo import gdal, osr
    path = tmp_path / "gdal_reference.gpkg"
    ds = gdal.GetDriverByName("GPKG").Create(str(path), 0, 0, 0, gdal.GDT_Unknown)
    reference = osr.SpatialReference()
    reference.ImportFromEPSG(25833)
    layer = ds.CreateLayer("t", reference, layer_type, options=["GEOMETRY_NAME=geom"])
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
    layer.CreateFeature(feature)
    ds = None
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT geom FROM t").fetchone()[0]


@pytest.mark.parametrize("points", [False, True])
def test_null_and_empty_geometries(tmp_path, points):
    deposits, quantities = classified_frames(30, seed=25, points=points)
    empty = shapely.Point() if points else shapely.Polygon()
    geometry = deposits["geometry"].astype(object)
    geometry.iloc[3] = None
    deposits["geometry"] = geometry
    target = tmp_path / "bulk.gpkg"
    export_run(deposits, quantities, str(target), crs="EPSG:25833")
    validate_gpkg(target)  # with a NULL geometry

    # GDAL 3.6's validate_gpkg.py reads the empty flag from bit 3 of the header flags, where
    # OGC 12-128r15 §2.1.3.1.1 (Table 5) and GDAL's own writer put it at bit 4; it refuses
    # every empty geometry GDAL itself writes. So the empty row is checked against GDAL's
    # writer, byte for byte, and read back through OGR, instead of by that validator.
    geometry.iloc[4] = shapely.to_wkb(empty)
    deposits["geometry"] = geometry
    export_run(deposits, quantities, str(target), crs="EPSG:25833")
    for layer_name in LAYERS:
        _check_index_count_extent(target, layer_name)
    layer_type, wkt = (ogr.wkbPoint, "POINT EMPTY") if points else (ogr.wkbMultiPolygon, "MULTIPOLYGON EMPTY")
    with sqlite3.connect(target) as connection:
        written = connection.execute("SELECT geom FROM deposits WHERE deposit_id = ?",
                                     (deposits["deposit_id"].iloc[4],)).fetchone()[0]
    assert written == _gdal_written_blob(tmp_path, wkt, layer_type)
    ds = ogr.Open(str(target))
    layer = ds.GetLayerByName("deposits")
    geometries = {f.GetField("deposit_id"): f.GetGeometryRef() and f.GetGeometryRef().Clone() for f in layer}
    assert geometries[deposits["deposit_id"].iloc[3]] is None
    assert geometries[deposits["deposit_id"].iloc[4]].IsEmpty()
    source = shapely.from_wkb(deposits["geometry"].iloc[7])
    written = shapely.from_wkb(bytes(geometries[deposits["deposit_id"].iloc[7]].ExportToIsoWkb()))
    assert shapely.equals(source, written)


def test_progress_rises_through_every_step_and_ends_at_100(tmp_path):
    """The export reports after its checks, its metadata, each chunk of rows and each workbook
    sheet, never backwards; the 25,000 deposits give three 10,000-row chunks per layer."""
    deposits, quantities = classified_frames(25_000, seed=5)
    reports: list[float] = []
    export_run(deposits, quantities, str(tmp_path / "p.gpkg"), crs="EPSG:25833",
               report_path=str(tmp_path / "p.xlsx"), progress=reports.append)
    assert reports == sorted(reports) and reports[-1] == 100.0
    assert reports[0] <= 5.0  # before the first write
    assert len([r for r in reports if 5.0 < r < 85.0]) >= 6  # chunks of the deposits and ERML layers
    assert len([r for r in reports if 85.0 < r < 100.0]) >= 4  # the workbook's sheets
    assert max(np.diff([0.0, *reports])) <= 45.0  # no step takes most of the bar in one jump
