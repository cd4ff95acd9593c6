"""tailingsunfc:importdeposits in-process through processing.run (real QGIS, real files)."""
from __future__ import annotations

import csv

import pytest
import shapely
from deposits_support import read_rows, translate, write_layer
from osgeo import ogr

from core.schema import DEPOSIT_FIELDS, TONNAGE_SOURCES, field_names

ALG = "tailingsunfc:importdeposits"


@pytest.fixture(scope="module")
def run_import(tailings_provider):
    import processing

    def run(tmp_path, input_source, **extra):
        params = {"INPUT": input_source, "OUTPUT": str(tmp_path / "deposits.gpkg"),
                  "REJECTS": str(tmp_path / "rejects.gpkg"), **extra}
        result = processing.run(ALG, params)
        return result, read_rows(str(tmp_path / "deposits.gpkg")), read_rows(str(tmp_path / "rejects.gpkg"))
    return run


@pytest.fixture(scope="module")
def tailings_source(sample_data) -> str:
    return f"{sample_data / 'old_tailings.gpkg'}|layername=avgangsdeponi"


@pytest.fixture(scope="module")
def ngu_source(sample_data) -> str:
    return f"{sample_data / 'ngu_mineral_deposits.gpkg'}|layername=malmforekomst"


def test_sample_tailings_every_feature_arrives_with_schema_and_aliases(run_import, tmp_path, tailings_source):
    from qgis.core import QgsVectorLayer

    source = read_rows(tailings_source)
    result, out, rejects = run_import(tmp_path, tailings_source)
    assert result["N_READ"] == len(source) == result["N_ACCEPTED"] + result["N_REJECTED"]
    assert sorted(r["deposit_id"] for r in out) == sorted(r["deponiId"] for r in source)
    assert rejects == []
    layer = QgsVectorLayer(str(tmp_path / "deposits.gpkg"), "out", "ogr")
    names = [f.name() for f in layer.fields()]
    canonical = field_names(DEPOSIT_FIELDS)
    assert names[1:len(canonical) + 1] == canonical  # after the GeoPackage fid
    assert layer.fields().field("deposit_id").alias() == "Deposit id"  # English: the test profile's locale
    assert layer.crs().authid() == "EPSG:25833"
    by_id = {r["deponiId"]: r for r in source}
    for row in out:
        src = by_id[row["deposit_id"]]
        assert row["setting"] == {"land": "land", "innsjø": "lake", "sjø": "sea"}[src["plassering"]]
        assert row["tonnage_source"] in TONNAGE_SOURCES
        if src["tonnasje_t"] is not None:
            assert row["tonnage_source"] == "recorded" and row["tonnage_t"] == src["tonnasje_t"]
        elif src["volum_m3"] is not None and src["tetthet_t_m3"] is not None:
            assert row["tonnage_t"] == pytest.approx(src["volum_m3"] * src["tetthet_t_m3"])
        if src["areal_m2"] is None:  # computed from the polygon
            assert row["area_m2"] == pytest.approx(shapely.from_wkt(src["wkt"]).area)
        if src["Cu_hode_pct"] is not None:
            assert row["cu_head_ppm"] == pytest.approx(src["Cu_hode_pct"] * 10_000)
            assert row["cu_recovery"] == pytest.approx(src["Cu_utbytte_pct"] / 100)
        assert shapely.from_wkt(row["wkt"]).equals_exact(shapely.from_wkt(src["wkt"]), 1e-6)


def test_sample_ngu_points(run_import, tmp_path, ngu_source):
    source = read_rows(ngu_source)
    result, out, _ = run_import(tmp_path, ngu_source)
    assert result["N_ACCEPTED"] == len(source) and result["N_REJECTED"] == 0
    by_id = {r["identRastoffobj"]: r for r in source}
    for row in out:
        src = by_id[row["deposit_id"]]
        assert row["name"] == src["forekomstNavn"] and row["importance"] == src["rastoffBetydning"]
        assert row["forekomstNummer"] == src["forekomstNummer"]  # other fields carried unchanged
        assert row["area_m2"] is None and row["tonnage_source"] == "none"


@pytest.mark.parametrize("epsg", [4326, 25832, 25835])
def test_reprojection_to_target_crs(run_import, tmp_path, sample_data, tailings_source, epsg):
    moved = translate(sample_data / "old_tailings.gpkg", tmp_path / f"t{epsg}.gpkg", "avgangsdeponi",
                      fmt="GPKG", epsg=epsg)
    result, out, _ = run_import(tmp_path, f"{moved}|layername=avgangsdeponi")
    original = {r["deponiId"]: shapely.from_wkt(r["wkt"]) for r in read_rows(tailings_source)}
    assert result["N_ACCEPTED"] == len(original)
    for row in out:
        back = shapely.from_wkt(row["wkt"])
        # Round trip through another CRS: centroids agree to centimetres, areas to 0.1 %.
        assert back.centroid.distance(original[row["deposit_id"]].centroid) < 0.05
        assert back.area == pytest.approx(original[row["deposit_id"]].area, rel=1e-3)


def test_shapefile_truncated_names_and_field_map(run_import, tmp_path, sample_data):
    tailings_shp = translate(sample_data / "old_tailings.gpkg", tmp_path / "avg.shp", "avgangsdeponi",
                             fmt="ESRI Shapefile")
    _, out, _ = run_import(tmp_path, str(tailings_shp))
    source = {r["deponiId"]: r for r in read_rows(f"{sample_data}/old_tailings.gpkg|layername=avgangsdeponi")}
    assert sorted(r["deposit_id"] for r in out) == sorted(source)
    assert [r["density_t_m3"] for r in out] == [source[r["deposit_id"]]["tetthet_t_m3"] for r in out]
    assert [r["resource_category"] for r in out] == [source[r["deposit_id"]]["ressurskategori"] for r in out]
    assert {r["tonnage_source"] for r in out} == {"recorded", "volume_x_density", "volume_x_default_density",
                                                 "none"}
    assert any(r["cu_head_ppm"] for r in out) and any(r["project_status"] == "på vent" for r in out)

    ngu_shp = translate(sample_data / "ngu_mineral_deposits.gpkg", tmp_path / "ngu.shp", "malmforekomst",
                        fmt="ESRI Shapefile")
    shp = ogr.Open(str(ngu_shp))  # keep the data source alive while its layer is used
    defn = shp.GetLayer(0).GetLayerDefn()
    ngu_names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    shp = None
    assert "forekomstN" in ngu_names and "forekoms_1" in ngu_names  # GDAL's 10-character names
    _, out, _ = run_import(tmp_path, str(ngu_shp))
    assert all(r["name"] is None for r in out)  # ambiguous forekomstN: not guessed
    _, out, _ = run_import(tmp_path, str(ngu_shp), FIELD_MAP="name=forekoms_1")
    source = {r["identRastoffobj"]: r["forekomstNavn"] for r in read_rows(f"{sample_data}/ngu_mineral_deposits.gpkg"
                                                                           "|layername=malmforekomst")}
    assert {r["deposit_id"]: r["name"] for r in out} == source


@pytest.mark.parametrize(("fmt", "suffix"), [("GeoJSON", "geojson"), ("GML", "gml")])
def test_geojson_and_gml_inputs(run_import, tmp_path, sample_data, fmt, suffix):
    path = translate(sample_data / "old_tailings.gpkg", tmp_path / f"avg.{suffix}", "avgangsdeponi", fmt=fmt,
                     epsg=4326 if fmt == "GeoJSON" else None)
    result, out, _ = run_import(tmp_path, str(path))
    assert result["N_ACCEPTED"] == 30 and result["N_REJECTED"] == 0
    assert len({r["deposit_id"] for r in out}) == 30


def test_bad_features_go_to_rejects_with_reasons(run_import, tmp_path):
    square = "POLYGON ((300000 7000000, 300100 7000000, 300100 7000100, 300000 7000100, 300000 7000000))"
    bowtie = "POLYGON ((300000 7000000, 300100 7000100, 300100 7000000, 300000 7000100, 300000 7000000))"
    rows = [{"deponiId": "OK", "volum_m3": "100"}, {"deponiId": "BOW", "volum_m3": "100"},
            {"deponiId": "EMPTY", "volum_m3": "100"}, {"deponiId": None, "volum_m3": "100"},
            {"deponiId": "DUP", "volum_m3": "1"}, {"deponiId": "DUP", "volum_m3": "2"},
            {"deponiId": "TXT", "volum_m3": "ca. 100"}]
    wkts = [square, bowtie, "POLYGON EMPTY", square, square, square, square]
    source = write_layer(tmp_path / "bad.gpkg", "bad", rows, wkts)
    result, out, rejects = run_import(tmp_path, source)
    assert result["N_READ"] == 7 and result["N_ACCEPTED"] == 2 and result["N_REJECTED"] == 5
    assert sorted(r["deposit_id"] for r in out) == ["BOW", "OK"]
    bow = next(r for r in out if r["deposit_id"] == "BOW")
    assert shapely.from_wkt(bow["wkt"]).is_valid and shapely.from_wkt(bow["wkt"]).area == pytest.approx(5000)
    reasons = {(r["deponiId"], r["volum_m3"]): r["reject_reason"] for r in rejects}
    assert reasons[("EMPTY", "100")] in ("empty geometry", "no geometry")
    assert "missing deposit_id" in reasons[(None, "100")]
    assert "differing attributes" in reasons[("DUP", "1")] and "differing attributes" in reasons[("DUP", "2")]
    assert "'ca. 100' is not a number" in reasons[("TXT", "ca. 100")]


def test_invalid_geometries_are_not_dropped_by_the_context_filter(tailings_provider, tmp_path):
    """Even with 'skip invalid features' set in the Processing context, the bow-tie arrives repaired."""
    import processing
    from qgis.core import QgsFeatureRequest, QgsProcessingContext

    bowtie = "POLYGON ((300000 7000000, 300100 7000100, 300100 7000000, 300000 7000100, 300000 7000000))"
    source = write_layer(tmp_path / "bow.gpkg", "bow", [{"deponiId": "BOW"}], [bowtie])
    context = QgsProcessingContext()
    context.setInvalidGeometryCheck(QgsFeatureRequest.GeometrySkipInvalid)
    result = processing.run(ALG, {"INPUT": source, "OUTPUT": "TEMPORARY_OUTPUT", "REJECTS": "TEMPORARY_OUTPUT"},
                            context=context)
    assert result["N_ACCEPTED"] == 1
    assert context.invalidGeometryCheck() == QgsFeatureRequest.GeometrySkipInvalid  # restored


def test_features_in_another_crs_are_rejected_not_misplaced(run_import, tmp_path):
    # A UTM33 layer with one point typed in as lon/lat, and a lon/lat layer with one point in UTM metres.
    utm = write_layer(tmp_path / "utm.gpkg", "utm", [{"deponiId": "OK"}, {"deponiId": "LATLON"}],
                      ["POINT (270340 7038407)", "POINT (10.4 63.4)"], epsg=25833, geom_type=ogr.wkbPoint)
    result, out, rejects = run_import(tmp_path, utm)
    assert [r["deposit_id"] for r in out] == ["OK"] and result["N_REJECTED"] == 1
    assert "outside the area where EPSG:25833 applies" in rejects[0]["reject_reason"]
    lonlat = write_layer(tmp_path / "ll.gpkg", "ll", [{"deponiId": "OK"}, {"deponiId": "METRES"}],
                         ["POINT (10.4 63.4)", "POINT (570000 7034000)"], epsg=4326, geom_type=ogr.wkbPoint)
    result, out, rejects = run_import(tmp_path, lonlat)
    assert [r["deposit_id"] for r in out] == ["OK"]
    assert rejects[0]["deponiId"] == "METRES"
    assert "(570000, 7.034e+06) cannot be transformed from EPSG:4326" in rejects[0]["reject_reason"]


def _error(tailings_provider, params) -> str:
    import processing
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as info:
        processing.run(ALG, {"OUTPUT": "TEMPORARY_OUTPUT", "REJECTS": "TEMPORARY_OUTPUT", **params})
    return str(info.value)


def test_no_id_or_name_field_is_refused_naming_the_fields(tailings_provider, tmp_path):
    source = write_layer(tmp_path / "anon.gpkg", "anon", [{"farge": "rød", "verdi": 3}],
                         ["POINT (300000 7000000)"], geom_type=ogr.wkbPoint)
    message = _error(tailings_provider, {"INPUT": source})
    assert "no field looks like a deposit id or name" in message
    assert "farge" in message and "verdi" in message and "FIELD_MAP" in message


def test_missing_crs_is_refused(tailings_provider, tmp_path):
    source = write_layer(tmp_path / "nocrs.shp", "nocrs", [{"deponiId": "A"}], ["POINT (300000 7000000)"],
                         epsg=None, geom_type=ogr.wkbPoint, driver="ESRI Shapefile")
    message = _error(tailings_provider, {"INPUT": source})
    assert "no coordinate reference system" in message and "nocrs.shp" in message


def test_nonexistent_path_non_spatial_table_and_wrong_layer(tailings_provider, tmp_path, sample_data):
    message = _error(tailings_provider, {"INPUT": str(tmp_path / "missing.gpkg")})
    assert "does not exist" in message and "missing.gpkg" in message
    table = tmp_path / "table.csv"
    with table.open("w", newline="") as handle:
        csv.writer(handle).writerows([["deponiId", "navn"], ["A", "x"]])
    message = _error(tailings_provider, {"INPUT": str(table)})
    assert "table without geometry" in message
    message = _error(tailings_provider, {"INPUT": f"{sample_data / 'old_tailings.gpkg'}|layername=avgang"})
    assert "has no layer 'avgang'; its layers are: avgangsdeponi" in message


def test_bad_parameters_are_refused(tailings_provider, tailings_source):
    assert "projected CRS in metres" in _error(tailings_provider, {"INPUT": tailings_source,
                                                                   "TARGET_CRS": "EPSG:4326"})
    assert "unknown canonical field" in _error(tailings_provider, {"INPUT": tailings_source,
                                                                   "FIELD_MAP": "deposit=deponiId"})
    assert "does not have" in _error(tailings_provider, {"INPUT": tailings_source, "FIELD_MAP": "name=NAVN_X"})


def test_whole_layer_read_column_wise_and_selection_feature_by_feature(tailings_provider, tmp_path, tailings_source,
                                                                        monkeypatch):
    """A whole GeoPackage layer goes through GDAL's Arrow stream, with the same output as the
    QgsFeature path; a selection (or a feature limit) keeps the feature path and reads only
    those features."""
    import processing
    from qgis.core import QgsProcessingFeatureSourceDefinition, QgsProject, QgsVectorLayer
    from tailings_unfc.algorithms import layer_frames

    taken = []
    columns = layer_frames.ogr_layer_columns

    def recording(source, *args, **kwargs):
        found = columns(source, *args, **kwargs)
        taken.append(found is not None)
        return found

    monkeypatch.setattr(layer_frames, "ogr_layer_columns", recording)  # a spy: the real reader runs
    layer = QgsVectorLayer(tailings_source, "avgangsdeponi", "ogr")
    arrow = processing.run(ALG, {"INPUT": layer, "OUTPUT": str(tmp_path / "a.gpkg"), "REJECTS": "TEMPORARY_OUTPUT"})
    assert taken == [True]
    monkeypatch.setattr(layer_frames, "ogr_layer_columns", lambda *a, **k: None)  # force the feature path
    features = processing.run(ALG, {"INPUT": layer, "OUTPUT": str(tmp_path / "f.gpkg"),
                                    "REJECTS": "TEMPORARY_OUTPUT"})
    assert arrow["N_ACCEPTED"] == features["N_ACCEPTED"] == layer.featureCount()
    assert read_rows(str(tmp_path / "a.gpkg")) == read_rows(str(tmp_path / "f.gpkg"))

    monkeypatch.setattr(layer_frames, "ogr_layer_columns", recording)
    taken.clear()
    QgsProject.instance().addMapLayer(layer)  # "selected features only" names a project layer by its id
    try:
        layer.selectByIds(sorted(layer.allFeatureIds())[:3])
        selected = processing.run(ALG, {"INPUT": QgsProcessingFeatureSourceDefinition(layer.id(), True),
                                        "OUTPUT": "TEMPORARY_OUTPUT", "REJECTS": "TEMPORARY_OUTPUT"})
    finally:
        QgsProject.instance().removeMapLayer(layer.id())
    assert selected["N_READ"] == 3 and taken in ([], [False])
    limited = QgsProcessingFeatureSourceDefinition(tailings_source, False, 2)
    assert processing.run(ALG, {"INPUT": limited, "OUTPUT": "TEMPORARY_OUTPUT",
                                "REJECTS": "TEMPORARY_OUTPUT"})["N_READ"] == 2
