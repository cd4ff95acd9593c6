"""source_to_frame reads OGR file layers column-wise (GDAL's Arrow stream) with exactly the rows,
values, types, NULLs, fids and WKB that QGIS's features give; other sources keep the feature path."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "sample_data"

# name, OGR type, values (None = NULL); polygons of different vertex counts; one feature without geometry.
FIELDS = (("navn", "OFTString", ["Løkken 1", None, "", "Grong «nord»"]),
          ("antall", "OFTInteger", [3, None, -7, 0]),
          ("stor", "OFTInteger64", [2**40, 1, None, 5]),
          ("volum", "OFTReal", [1.5, None, float("nan"), 1e12]),
          ("dato", "OFTDate", [dt.date(1987, 6, 1), None, dt.date(2001, 1, 31), None]))
WKT = ["POLYGON((0 0,10 0,10 10,0 0))", "POLYGON((0 0,20 0,20 20,0 20,0 0))", None,
       "MULTIPOLYGON(((0 0,1 0,1 1,0 0)),((5 5,6 5,6 6,5 5)))"]


def _write(path: Path, driver: str) -> Path:
    from osgeo import ogr, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(25833)
    ds = ogr.GetDriverByName(driver).CreateDataSource(str(path))
    layer = ds.CreateLayer("deponi", srs, ogr.wkbUnknown)
    for name, kind, _values in FIELDS:
        layer.CreateField(ogr.FieldDefn(name, getattr(ogr, kind)))
    for i, wkt in enumerate(WKT):
        feature = ogr.Feature(layer.GetLayerDefn())
        for name, _kind, values in FIELDS:
            value = values[i]
            if isinstance(value, dt.date):
                feature.SetField(name, value.year, value.month, value.day, 0, 0, 0, 0)
            elif value is not None:
                feature.SetField(name, value)
        if wkt is not None:
            feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    ds = None
    return path


@pytest.mark.parametrize("driver, suffix", [("GPKG", ".gpkg"), ("FlatGeobuf", ".fgb")])
@pytest.mark.parametrize("with_geometry", [True, False])
def test_arrow_read_equals_the_feature_read(qgis_app, tmp_path, driver, suffix, with_geometry):
    from qgis.core import QgsVectorLayer
    from tailings_unfc.algorithms.layer_arrow import ogr_layer_columns
    from tailings_unfc.algorithms.layer_frames import feature_frame, source_to_frame

    layer = QgsVectorLayer(str(_write(tmp_path / f"deponi{suffix}", driver)), "deponi", "ogr")
    assert layer.isValid()
    assert ogr_layer_columns(layer, with_geometry) is not None  # the column-wise path is taken
    columnar = source_to_frame(layer, with_geometry=with_geometry)
    by_feature = feature_frame(layer, with_geometry=with_geometry)
    pd.testing.assert_frame_equal(columnar, by_feature)
    if driver == "GPKG":  # FlatGeobuf drops the feature without geometry and reorders by its index
        assert columnar["navn"].tolist() == FIELDS[0][2]
        assert columnar["antall"].isna().tolist() == [False, True, False, False]
    else:
        assert len(columnar) == len(WKT) - 1


def test_arrow_read_of_the_sample_deposit_layer(qgis_app):
    from qgis.core import QgsVectorLayer
    from tailings_unfc.algorithms.layer_frames import feature_frame, source_to_frame

    layer = QgsVectorLayer(f"{SAMPLE / 'old_tailings.gpkg'}|layername=avgangsdeponi", "avgangsdeponi", "ogr")
    pd.testing.assert_frame_equal(source_to_frame(layer), feature_frame(layer))


def test_filtered_memory_and_shapefile_layers_keep_the_feature_path(qgis_app, tmp_path):
    from qgis.core import QgsVectorLayer
    from tailings_unfc.algorithms.layer_arrow import ogr_layer_columns
    from tailings_unfc.algorithms.layer_frames import source_to_frame

    path = _write(tmp_path / "deponi.gpkg", "GPKG")
    filtered = QgsVectorLayer(str(path), "deponi", "ogr")
    filtered.setSubsetString('"antall" >= 0')
    memory = QgsVectorLayer("Polygon?crs=EPSG:25833&field=navn:string", "m", "memory")
    shapefile = QgsVectorLayer(str(_write(tmp_path / "deponi.shp", "ESRI Shapefile")), "s", "ogr")
    for layer in (filtered, memory, shapefile):
        assert layer.isValid()
        assert ogr_layer_columns(layer, True) is None
    assert sorted(source_to_frame(filtered)["antall"].tolist()) == [0, 3]
