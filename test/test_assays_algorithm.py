"""importassays through Processing (in-process) and through the qgis_process command line."""
from __future__ import annotations

import pytest
from assays_support import build_lab_workbook

pytestmark = pytest.mark.usefixtures("tailings_provider")


def _run(params):
    import processing

    return processing.run("tailingsunfc:importassays", params)


def test_lab_workbook_through_processing(tmp_path):
    case = build_lab_workbook(tmp_path / "lab.xlsx")
    report = tmp_path / "qaqc.html"
    result = _run({"INPUT": str(case.path), "OUTPUT": "memory:", "REJECTS": "memory:",
                   "QAQC_REPORT": str(report)})
    layer, rejects = result["OUTPUT"], result["REJECTS"]
    assert layer.featureCount() == case.n_samples
    assert result["ROWS_READ"] == case.n_samples + case.n_qaqc + case.n_rejected
    assert result["N_QAQC"] == case.n_qaqc
    assert result["N_REJECTED"] == case.n_rejected
    assert layer.crs().authid() == "EPSG:25833"
    names = layer.fields().names()
    for field in ("sample_id", "deposit_id", "sample_kind", "co_ppm", "co_flag", "co_dl", "fe2o3_pct",
                  "fe_ppm", "tree_ppm", "src_file", "src_sheet", "src_row", "src_hash", "x", "y"):
        assert field in names
    located = [f for f in layer.getFeatures() if not f.geometry().isNull()]
    assert len(located) == case.n_located
    row_rejects = [f for f in rejects.getFeatures() if f["reject_level"] == "row"]
    cell_rejects = [f for f in rejects.getFeatures() if f["reject_level"] == "cell"]
    assert len(row_rejects) == case.n_rejected
    assert {f["src_row"] for f in cell_rejects} >= set(case.invalid_cell_rows)
    html = report.read_text(encoding="utf-8")
    assert "CRM bias" in html and "OREAS 45e" in html


def test_deposit_linking_by_polygon(tmp_path):
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    case = build_lab_workbook(tmp_path / "lab.xlsx", deposit_column=False)
    layer = QgsVectorLayer("Polygon?crs=EPSG:25833&field=deposit_id:string", "deps", "memory")
    feature = QgsFeature(layer.fields())
    feature.setAttributes(["AVG-TEST-01"])
    x0, y0 = case.polygon_origin
    feature.setGeometry(QgsGeometry.fromWkt(
        f"POLYGON(({x0} {y0},{x0 + 1000} {y0},{x0 + 1000} {y0 + 1000},{x0} {y0 + 1000},{x0} {y0}))"))
    layer.dataProvider().addFeatures([feature])
    result = _run({"INPUT": str(case.path), "DEPOSITS": layer, "OUTPUT": "memory:", "REJECTS": "memory:"})
    out = result["OUTPUT"]
    linked = [f for f in out.getFeatures() if f["deposit_id"] == "AVG-TEST-01"]
    assert len(linked) == case.n_located
    assert all(f["link_method"] == "location" for f in linked)


def test_bad_file_gives_clean_error(tmp_path):
    from qgis.core import QgsProcessingException

    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    with pytest.raises(QgsProcessingException, match="empty"):
        _run({"INPUT": str(empty), "OUTPUT": "memory:", "REJECTS": "memory:"})


def test_field_map_and_source_crs_through_processing(tmp_path):
    from assays_support import write_xlsx

    path = write_xlsx(tmp_path / "plain.xlsx", {"D": [["Ref", "Kobber", "Øst", "Nord"],
                                                      ["R-1", 0.5, 500000, 6600000], ["R-2", 1.0, 500100, 6600100]]})
    result = _run({"INPUT": str(path), "FIELD_MAP": "sample_id=Ref; cu:%=Kobber", "SOURCE_CRS": "EPSG:25832",
                   "OUTPUT": "memory:", "REJECTS": "memory:"})
    features = list(result["OUTPUT"].getFeatures())
    assert [f["sample_id"] for f in features] == ["R-1", "R-2"]
    assert [f["cu_ppm"] for f in features] == pytest.approx([5000.0, 10000.0])
    assert result["N_SAMPLES"] == 2


@pytest.mark.parametrize(("field_map", "message"), [("sample_id", "canonical=source"),
                                                    ("sample_id=Nope", "header does not have")])
def test_bad_field_map_gives_clean_error(tmp_path, field_map, message):
    from assays_support import write_xlsx
    from qgis.core import QgsProcessingException

    path = write_xlsx(tmp_path / "p.xlsx", {"D": [["Sample ID", "Cu_ppm"], ["S-1", 5]]})
    with pytest.raises(QgsProcessingException, match=message):
        _run({"INPUT": str(path), "FIELD_MAP": field_map, "OUTPUT": "memory:", "REJECTS": "memory:"})
