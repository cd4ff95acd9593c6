"""trainmodel and estimate inside QGIS (processing.run) and through qgis_process."""
from __future__ import annotations

from pathlib import Path

import pytest
from estimation_support import frame_to_layer, layer_to_gpkg, make_deposits, make_samples
from qgis_process_runner import run_qgis_process_json

from core.estimation.model_file import load_model
from core.schema import COMMODITIES, commodity_fields


@pytest.fixture(scope="module")
def layers():
    syn = make_samples(n_deposits=8, per_deposit=25, seed=21)
    samples = syn.samples.copy()
    # DEP-002 has lab Co on 3 samples only, the rest are proxy-only: the estimate predicts them.
    proxy_only = (samples["deposit_id"] == "DEP-002") & (samples.groupby("deposit_id").cumcount() >= 3)
    samples.loc[proxy_only, "co_ppm"] = float("nan")
    sample_layer = frame_to_layer(samples, "samples", "Point")
    deposit_layer = frame_to_layer(make_deposits([f"DEP-{i:03d}" for i in range(8)] + ["NEW-1"]), "deposits")
    return samples, sample_layer, deposit_layer


def _train(tmp_path: Path, sample_layer, method: int = 0) -> dict:
    import processing

    return processing.run("tailingsunfc:trainmodel", {
        "INPUT": sample_layer, "TARGET": "co", "PREDICTORS": ["s_ppm", "fe2o3_pct"], "METHOD": method,
        "OUTPUT_MODEL": str(tmp_path / "co.skops"), "OUTPUT_REPORT": str(tmp_path / "co.html")})


def test_trainmodel_then_estimate_in_process(tailings_provider, tmp_path, layers):
    import processing

    samples, sample_layer, deposit_layer = layers
    result = _train(tmp_path, sample_layer)
    assert result["N_SAMPLES"] == int(samples["co_ppm"].notna().sum())
    assert 0.5 < result["CV_R2"] < 1.0 and 0.6 < result["COVERAGE"] < 1.0 and result["CV_RMSE"] > 0
    _, metadata = load_model(result["OUTPUT_MODEL"])
    assert metadata["cv"]["grouped"]["r2_log"] == pytest.approx(result["CV_R2"])
    per_fold = [f["r2_log"] for f in metadata["cv"]["folds"]]
    assert result["CV_R2_FOLD_MEAN"] == pytest.approx(sum(per_fold) / len(per_fold))
    assert 0 < result["CV_R2_FOLD_SD"] < 1
    assert "data:image/png;base64," in Path(result["OUTPUT_REPORT"]).read_text(encoding="utf-8")
    assert (tmp_path / "co.log").is_file()

    out = processing.run("tailingsunfc:estimate", {
        "DEPOSITS": deposit_layer, "ASSAYS": sample_layer, "MODELS": [result["OUTPUT_MODEL"]],
        "MIN_SAMPLES": 5, "SEED": 1, "ITERATIONS": 1000, "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    assert out.featureCount() == deposit_layer.featureCount()
    names = set(out.fields().names())
    for c in COMMODITIES:
        assert {f.name for f in commodity_fields(c)} <= names
    rows = {f["deposit_id"]: f for f in out.getFeatures()}
    assert rows["DEP-002"]["co_method"] == "regression"
    assert rows["DEP-003"]["co_method"] == "measured"
    assert rows["NEW-1"]["co_method"] == "analogue"
    assert rows["DEP-003"]["co_t_lo"] < rows["DEP-003"]["co_t"] < rows["DEP-003"]["co_t_hi"]


def test_trainmodel_method_defaults_to_auto_and_keeps_old_numbers(tailings_provider):
    param = tailings_provider.algorithm("trainmodel").parameterDefinition("METHOD")
    options = param.options()
    assert options[int(param.defaultValue())] == "auto"
    # Scripts that pass METHOD=0..4 keep getting the method they asked for.
    assert options[:5] == ["ols", "ridge", "random_forest", "gradient_boosting", "gaussian_process"]


def test_estimate_accepts_semicolon_model_list_and_refuses_bad_model(tailings_provider, tmp_path, layers):
    import processing
    from qgis.core import QgsProcessingException

    _, sample_layer, deposit_layer = layers
    model = _train(tmp_path, sample_layer)["OUTPUT_MODEL"]
    out = processing.run("tailingsunfc:estimate", {
        "DEPOSITS": deposit_layer, "ASSAYS": sample_layer, "MODELS": f"{model};",
        "ITERATIONS": 500, "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    assert {f["co_method"] for f in out.getFeatures()} >= {"regression", "measured"}
    broken = tmp_path / "broken.skops"
    broken.write_bytes(Path(model).read_bytes()[:200])
    with pytest.raises(QgsProcessingException, match=r"broken\.skops"):
        processing.run("tailingsunfc:estimate", {
            "DEPOSITS": deposit_layer, "ASSAYS": sample_layer, "MODELS": [str(broken)],
            "OUTPUT": "TEMPORARY_OUTPUT"})


def test_trainmodel_bad_input_is_a_clean_processing_error(tailings_provider, tmp_path, layers):
    import processing
    from qgis.core import QgsProcessingException

    _, sample_layer, _ = layers
    with pytest.raises(QgsProcessingException, match="not a column"):
        processing.run("tailingsunfc:trainmodel", {
            "INPUT": sample_layer, "TARGET": "ni", "PREDICTORS": ["s_ppm"],
            "OUTPUT_MODEL": str(tmp_path / "x.skops"), "OUTPUT_REPORT": str(tmp_path / "x.html")})


@pytest.mark.qgis_process
def test_trainmodel_and_estimate_through_qgis_process(tmp_path, layers):
    samples, sample_layer, deposit_layer = layers
    # conftest enables the plugin in pytest-qgis's own QGIS profile for qgis_process.
    samples_gpkg = layer_to_gpkg(sample_layer, tmp_path / "samples.gpkg")
    deposits_gpkg = layer_to_gpkg(deposit_layer, tmp_path / "deposits.gpkg")
    trained = run_qgis_process_json("tailingsunfc:trainmodel", {
        "INPUT": samples_gpkg, "TARGET": "co", "PREDICTORS": ["s_ppm", "fe2o3_pct"], "METHOD": 1,
        "SEED": 7, "OUTPUT_MODEL": str(tmp_path / "co.skops"), "OUTPUT_REPORT": str(tmp_path / "co.html")})
    results = trained["results"]
    assert results["N_SAMPLES"] == int(samples["co_ppm"].notna().sum())
    assert 0.5 < results["CV_R2"] < 1.0 and 0.6 < results["COVERAGE"] < 1.0
    _, metadata = load_model(results["OUTPUT_MODEL"])
    assert metadata["method"] == "ridge" and metadata["seed"] == 7
    estimated = run_qgis_process_json("tailingsunfc:estimate", {
        "DEPOSITS": deposits_gpkg, "ASSAYS": samples_gpkg, "MODELS": [results["OUTPUT_MODEL"]],
        "ITERATIONS": 500, "OUTPUT": str(tmp_path / "estimates.gpkg")})
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(estimated["results"]["OUTPUT"], "estimates", "ogr")
    assert layer.isValid() and layer.featureCount() == deposit_layer.featureCount()
    methods = {f["deposit_id"]: f["co_method"] for f in layer.getFeatures()}
    assert methods["DEP-002"] == "regression" and methods["NEW-1"] == "analogue"
