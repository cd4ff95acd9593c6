"""tailingsunfc:classify inside QGIS (processing.run) and, on the bundled sample data, through
qgis_process after the real import and estimate steps."""
from __future__ import annotations

import json
from collections import Counter

import pytest
import shapely
from qgis_process_runner import run_qgis_process_json
from sample_layers_support import import_sample_layers
from unfc_support import estimate_row, estimates_frame, frame_to_polygon_layer

from core.schema import COMMODITIES, QUANTITY_FIELDS, UNFC_FIELDS, field_names
from core.unfc import classify, load_rules
from core.version import plugin_version


def _estimates_layer():
    rows = [
        estimate_row("T-1", cu={"t": 1000, "lo": 900, "hi": 1100, "n": 40, "ppm": 8000},
                     co={"t": 30, "lo": 20, "hi": 45, "n": 12}, project_status="studier pågår"),
        estimate_row("T-2", cu={"t": 1000, "lo": 900, "hi": 1100, "n": 40, "ppm": 8000},
                     project_status="studier pågår"),
        estimate_row("T-3", zn={"t": 500, "lo": 300, "hi": 800, "method": "analogue"}, project_status="ingen",
                     setting="sjø"),
        estimate_row("T-4"),
    ]
    frame = estimates_frame(rows)
    frame["geometry"] = [shapely.to_wkb(shapely.box(x, 7_000_000, x + 500, 7_000_500)) for x in
                         (500_000, 510_000, 520_000, 530_000)]
    return frame, frame_to_polygon_layer(frame, "estimates")


def _protected_area_layer():
    frame = estimates_frame([{"navn": "Testreservat"}])
    frame["geometry"] = [shapely.to_wkb(shapely.box(510_200, 7_000_200, 511_000, 7_001_000))]
    return frame_to_polygon_layer(frame, "Verneområder")


def test_classify_in_process(tailings_provider):
    import processing
    from tailings_unfc.algorithms.layer_frames import python_value

    frame, layer = _estimates_layer()
    result = processing.run("tailingsunfc:classify", {
        "INPUT": layer, "CONSTRAINTS": [_protected_area_layer()], "LANGUAGE": 2,
        "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_QUANTITIES": "TEMPORARY_OUTPUT"})
    out, quantities = result["OUTPUT"], result["OUTPUT_QUANTITIES"]
    assert out.featureCount() == layer.featureCount()
    assert set(field_names(UNFC_FIELDS)) <= set(out.fields().names())
    assert quantities.fields().names() == field_names(QUANTITY_FIELDS)
    rows = {f["deposit_id"]: f for f in out.getFeatures()}
    assert rows["T-1"]["unfc_code"] == "E2F2.1G1"
    assert rows["T-1"]["unfc_class"] == classify("E2", "F2.1", "G1").class_name
    assert rows["T-1"]["unfc_subclass"] == "Development Pending"
    assert rows["T-2"]["unfc_e"] == "E3.3"  # inside the protected area
    assert "verneområde (begrensningslag 'Verneområder')" in rows["T-2"]["unfc_rationale"]
    assert rows["T-3"]["unfc_code"] == "E3.3F4.2G4.1"
    assert rows["T-3"]["unfc_class"] == "Remaining products not developed from prospective projects"
    assert python_value(rows["T-4"]["unfc_code"]) is None  # no estimate (x_method none)
    assert "ikke klassifisert" in rows["T-4"]["unfc_rationale"]
    for f in rows.values():
        assert f["rules_version"] == load_rules().version and f["plugin_version"] == plugin_version()
        assert f["classified_at"].isValid() and f["classified_at"].date().year() >= 2026
        assert f["classified_at"].offsetFromUtc() == 0
        assert f.geometry().area() == pytest.approx(250_000)
    sums: dict[tuple[str, str], float] = {}
    for q in quantities.getFeatures():
        sums[(q["deposit_id"], q["commodity"])] = sums.get((q["deposit_id"], q["commodity"]), 0.0) + q["quantity_t"]
        assert q["quantity_t"] >= 0 and q["unfc_code"] == q["unfc_e"] + q["unfc_f"] + q["unfc_g"]
    expected = {(r.deposit_id, c): getattr(r, f"{c}_t_hi") for r in frame.itertuples() for c in COMMODITIES
                if getattr(r, f"{c}_method") != "none"}
    assert sums == expected
    assert json.loads(result["CLASS_COUNTS"])["Potentially viable projects"] == 1
    assert result["N_DEPOSITS"] == 4 and result["N_QUANTITY_ROWS"] == quantities.featureCount()


def test_classify_rerun_on_its_own_output_is_idempotent(tailings_provider):
    import processing

    _, layer = _estimates_layer()
    first = processing.run("tailingsunfc:classify", {"INPUT": layer, "LANGUAGE": 1, "OUTPUT": "TEMPORARY_OUTPUT",
                                                     "OUTPUT_QUANTITIES": "TEMPORARY_OUTPUT"})
    second = processing.run("tailingsunfc:classify", {"INPUT": first["OUTPUT"], "LANGUAGE": 1,
                                                      "OUTPUT": "TEMPORARY_OUTPUT",
                                                      "OUTPUT_QUANTITIES": "TEMPORARY_OUTPUT"})
    assert second["OUTPUT"].fields().names() == first["OUTPUT"].fields().names()
    keep = ["deposit_id", "unfc_code", "unfc_class", "unfc_subclass", "unfc_rationale"]
    assert [[f[k] for k in keep] for f in second["OUTPUT"].getFeatures()] == \
        [[f[k] for k in keep] for f in first["OUTPUT"].getFeatures()]


def test_classify_refuses_bad_rules_file_with_line(tailings_provider, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    from core.unfc.rules import DEFAULT_RULES_PATH

    text = DEFAULT_RULES_PATH.read_text(encoding="utf-8").replace("[g.G2]", "[g.G2]\nminimum = 3", 1)
    bad = tmp_path / "rules.toml"
    bad.write_text(text, encoding="utf-8")
    line = text.splitlines().index("minimum = 3") + 1
    _, layer = _estimates_layer()
    with pytest.raises(QgsProcessingException) as err:
        processing.run("tailingsunfc:classify", {"INPUT": layer, "RULES": str(bad), "OUTPUT": "TEMPORARY_OUTPUT",
                                                 "OUTPUT_QUANTITIES": "TEMPORARY_OUTPUT"})
    assert "unknown key 'g.G2.minimum'" in str(err.value) and f"line {line}" in str(err.value)


@pytest.mark.qgis_process
def test_sample_data_classifies_end_to_end(tailings_provider, sample_data, tmp_path):
    """importdeposits -> importassays -> estimate (in process) -> classify (qgis_process)."""
    import processing
    from qgis.core import QgsVectorLayer

    deposits, samples = import_sample_layers(sample_data, tmp_path)
    estimates = processing.run("tailingsunfc:estimate", {
        "DEPOSITS": deposits, "ASSAYS": samples, "ITERATIONS": 300, "SEED": 1,
        "OUTPUT": str(tmp_path / "estimates.gpkg")})["OUTPUT"]
    result = run_qgis_process_json("tailingsunfc:classify", {
        "INPUT": estimates, "LANGUAGE": 1, "OUTPUT": str(tmp_path / "classified.gpkg"),
        "OUTPUT_QUANTITIES": str(tmp_path / "quantities.gpkg")})["results"]
    source = QgsVectorLayer(estimates, "estimates", "ogr")
    out = QgsVectorLayer(result["OUTPUT"], "classified", "ogr")
    quantities = QgsVectorLayer(result["OUTPUT_QUANTITIES"], "quantities", "ogr")
    assert out.isValid() and quantities.isValid()
    assert out.featureCount() == source.featureCount() == 30
    from tailings_unfc.algorithms.layer_frames import python_value

    # Pairs with a method but no contained-tonnes figures (deposits without a tonnage) are
    # "incomplete": they get no quantity rows, like x_method none.
    highs = {(f["deposit_id"], c): f[f"{c}_t_hi"] for f in source.getFeatures() for c in COMMODITIES
             if python_value(f[f"{c}_method"]) not in (None, "none") and python_value(f[f"{c}_t_hi"]) is not None}
    assert len(highs) >= 60
    sums: dict[tuple[str, str], float] = {}
    for q in quantities.getFeatures():
        key = (q["deposit_id"], q["commodity"])
        sums[key] = sums.get(key, 0.0) + q["quantity_t"]
    assert sums == highs
    # UNFC: a deposit with its own samples is a known source, so no sampled quantity is G4.
    methods = {(f["deposit_id"], c): python_value(f[f"{c}_method"]) for f in source.getFeatures() for c in COMMODITIES}
    sampled_g = {q["unfc_g"] for q in quantities.getFeatures()
                 if methods[(q["deposit_id"], q["commodity"])] in ("measured", "regression")}
    assert sampled_g and sampled_g <= {"G1", "G2", "G3"}
    analogue_g = {q["unfc_g"] for q in quantities.getFeatures()
                  if methods[(q["deposit_id"], q["commodity"])] == "analogue"}
    assert analogue_g <= {"G4.1", "G4.2", "G4.3"}
    classes = Counter(f["unfc_class"] for f in out.getFeatures())
    assert json.loads(result["CLASS_COUNTS"]) == {(k or "(not classified)"): v for k, v in classes.items()}
    assert all(f["unfc_rationale"] for f in out.getFeatures())
    print("\nUNFC classes of the sample deposits (headline commodity):")
    for name, count in classes.most_common():
        print(f"  {count:3d}  {python_value(name) or '(not classified: no usable estimate)'}")
