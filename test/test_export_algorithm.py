"""tailingsunfc:export in QGIS: the exported layer opens styled (categorised UNFC renderer,
labels, aliases), ERML layer and workbook exist, cancel leaves nothing, and one run through
the qgis_process command line."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from export_support import classified_frames, write_input_gpkg
from qgis_process_runner import run_qgis_process_json

from core.export.styles import OTHER_COMBINATIONS, UNFC_CLASS_COLOURS

VALIDATOR = Path("/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py")


def _validate(path: Path) -> None:
    proc = subprocess.run([sys.executable, str(VALIDATOR), str(path)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.fixture(scope="module")
def polygon_inputs(tmp_path_factory):
    deposits, quantities = classified_frames(80, seed=5)
    return (deposits, quantities,
            *write_input_gpkg(tmp_path_factory.mktemp("alg") / "classified.gpkg", deposits, quantities))


@pytest.mark.parametrize("points", [False, True])
def test_export_opens_styled_in_qgis(tailings_provider, tmp_path, points):
    import processing
    from qgis.core import QgsVectorLayer, QgsWkbTypes

    deposits, quantities = classified_frames(60, seed=9, points=points)
    deposit_uri, quantity_uri = write_input_gpkg(tmp_path / "in.gpkg", deposits, quantities)
    target = tmp_path / "national.gpkg"
    results = processing.run("tailingsunfc:export", {
        "INPUT": deposit_uri, "QUANTITIES": quantity_uri, "DESTINATION": str(target),
        "OUTPUT_REPORT": str(tmp_path / "summary.xlsx"), "ERML": True})
    assert results["DESTINATION"] == str(target) and Path(results["OUTPUT_REPORT"]).exists()
    _validate(target)
    layer = QgsVectorLayer(f"{target}|layername=deposits", "deposits", "ogr")
    assert layer.isValid() and layer.featureCount() == len(deposits)
    expected_geometry = QgsWkbTypes.PointGeometry if points else QgsWkbTypes.PolygonGeometry
    assert layer.geometryType() == expected_geometry
    renderer = layer.renderer()
    assert renderer.type() == "categorizedSymbol"
    assert renderer.classAttribute() == "unfc_class"
    values = [c.value() for c in renderer.categories()]
    assert values[:-1] == [c[0] for c in (*UNFC_CLASS_COLOURS, OTHER_COMBINATIONS)]
    assert values[-1] in ("", None)  # "all other values"
    colours = {c.value(): c.symbol().color().name() for c in renderer.categories()}
    assert colours["Viable projects"] == UNFC_CLASS_COLOURS[0][2]
    assert all(c.symbol().type() == (0 if points else 2) for c in renderer.categories())  # marker / fill
    assert layer.labelsEnabled()
    assert "unfc_code" in layer.labeling().settings().fieldName
    field = layer.fields().field("tonnage_t")
    assert field.alias() == "Tonnage (t)"  # English: the test profile's locale
    erml = QgsVectorLayer(f"{target}|layername=erml_mining_waste_view", "erml", "ogr")
    assert erml.isValid() and erml.featureCount() == len(deposits)
    assert {f["classificationMethodUsed"] for f in erml.getFeatures()} == {"UNFCCode"}


def test_cancel_writes_nothing(tailings_provider, polygon_inputs, tmp_path):
    import processing
    from qgis.core import QgsProcessingFeedback

    _, _, deposit_uri, quantity_uri = polygon_inputs
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    results = processing.run("tailingsunfc:export", {
        "INPUT": deposit_uri, "QUANTITIES": quantity_uri, "DESTINATION": str(tmp_path / "x.gpkg"),
        "OUTPUT_REPORT": str(tmp_path / "x.xlsx")}, feedback=feedback)
    assert not results.get("DEPOSITS_WRITTEN")
    assert list(tmp_path.iterdir()) == []


def test_duplicate_id_refused_through_qgis(tailings_provider, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    deposits, quantities = classified_frames(30, seed=2)
    deposits.loc[12, "deposit_id"] = deposits.loc[3, "deposit_id"]
    quantities = quantities[quantities.deposit_id != "NGU-0000012"]
    deposit_uri, quantity_uri = write_input_gpkg(tmp_path / "in.gpkg", deposits, quantities)
    with pytest.raises(QgsProcessingException, match=r"deposit_id occurs more than once.*row 13.*NGU-0000003"):
        processing.run("tailingsunfc:export", {"INPUT": deposit_uri, "QUANTITIES": quantity_uri,
                                               "DESTINATION": str(tmp_path / "out.gpkg")})
    assert not (tmp_path / "out.gpkg").exists()


@pytest.mark.qgis_process
def test_export_through_qgis_process(polygon_inputs, tmp_path):
    deposits, quantities, deposit_uri, quantity_uri = polygon_inputs
    target = tmp_path / "cli.gpkg"
    report = tmp_path / "cli.xlsx"
    out = run_qgis_process_json("tailingsunfc:export", {
        "INPUT": deposit_uri, "QUANTITIES": quantity_uri, "DESTINATION": str(target),
        "OUTPUT_REPORT": str(report), "ERML": False, "TABLE_PREFIX": "run1_",
        "RUN_METADATA": '{"run_id": "cli-run-1", "inputs": [{"path": "x.csv", "sha256": "ff"}]}'})
    results = out["results"]
    assert results["RUN_ID"] == "cli-run-1"
    assert results["DEPOSITS_WRITTEN"] == len(deposits)
    assert results["QUANTITIES_WRITTEN"] == len(quantities)
    assert report.exists()
    _validate(target)
    import sqlite3

    with sqlite3.connect(target) as connection:
        names = {r[0] for r in connection.execute("SELECT table_name FROM gpkg_contents")}
        run_id = connection.execute('SELECT run_id FROM "run1_export_runs"').fetchone()[0]
    assert {"run1_deposits", "run1_quantities", "run1_export_runs", "run1_field_dictionary",
            "layer_styles"} <= names
    assert "run1_erml_mining_waste_view" not in names
    assert run_id == "cli-run-1"
