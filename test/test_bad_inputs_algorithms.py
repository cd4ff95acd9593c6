"""Bad-input corpus for the algorithms other than the assay reader: each case builds a bad or
hostile input under tmp_path, runs the algorithm through in-process Processing, and checks the
exit status, a message fragment, that no traceback reaches the user, and, where the algorithm
reads rows, that read = accepted + rejected.

The table is data (CASES); a builder (BUILD[case["build"]]) makes the parameters."""
from __future__ import annotations

import json
import os
import subprocess
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from deposits_support import write_layer
from estimation_support import frame_to_layer, layer_to_gpkg, make_deposits, make_samples
from export_support import classified_frames, write_input_gpkg
from feedback_support import CollectingFeedback
from osgeo import ogr
from pipeline_support import sample_points, square, write_assays, write_deposits
from unfc_support import frame_to_polygon_layer, random_estimates

from core.schema import REJECT_REASON_FIELD
from core.unfc.rules import DEFAULT_RULES_PATH

ROWS = ("N_READ", "N_ACCEPTED", "N_REJECTED")
RULES_TEXT = DEFAULT_RULES_PATH.read_text(encoding="utf-8")

# case, algorithm, builder, expected status ("error" = QgsProcessingException, "ok" = results),
# a fragment of the error (or of the run's log for "ok"), row-count outputs to reconcile.
CASES: list[dict] = [
    # importdeposits
    {"case": "deposits_empty_layer", "alg": "importdeposits", "build": "deposits_empty", "status": "ok",
     "message": "no features", "rows": ROWS},
    {"case": "deposits_only_empty_geometries", "alg": "importdeposits", "build": "deposits_null_geometry",
     "status": "ok", "message": "no geometry", "rows": ROWS},
    {"case": "deposits_line_geometry", "alg": "importdeposits", "build": "deposits_lines", "status": "error",
     "message": "holds lines", "rows": None},
    {"case": "deposits_unknown_crs", "alg": "importdeposits", "build": "deposits_no_crs", "status": "error",
     "message": "no coordinate reference system", "rows": None},
    {"case": "deposits_duplicate_ids", "alg": "importdeposits", "build": "deposits_duplicates", "status": "ok",
     "message": "duplicate", "rows": ROWS},
    {"case": "deposits_zero_byte_gpkg", "alg": "importdeposits", "build": "deposits_zero_byte", "status": "error",
     "message": "zero.gpkg", "rows": None},
    {"case": "deposits_gpkg_not_sqlite", "alg": "importdeposits", "build": "deposits_not_sqlite",
     "status": "error", "message": "fake.gpkg", "rows": None},
    {"case": "deposits_table_without_geometry", "alg": "importdeposits", "build": "deposits_no_geometry",
     "status": "error", "message": "without geometry", "rows": None},
    {"case": "deposits_missing_file", "alg": "importdeposits", "build": "deposits_missing", "status": "error",
     "message": "does not exist", "rows": None},
    {"case": "deposits_bad_field_map", "alg": "importdeposits", "build": "deposits_bad_field_map",
     "status": "error", "message": "nosuchfield", "rows": None},
    {"case": "deposits_broken_geojson", "alg": "importdeposits", "build": "deposits_broken_geojson",
     "status": "error", "message": "broken.geojson", "rows": None},
    {"case": "deposits_geographic_target_crs", "alg": "importdeposits", "build": "deposits_target_4326",
     "status": "error", "message": "TARGET_CRS must be a projected CRS", "rows": None},
    # trainmodel
    {"case": "train_unknown_target", "alg": "trainmodel", "build": "train_target_ni", "status": "error",
     "message": "ni", "rows": None},
    {"case": "train_empty_layer", "alg": "trainmodel", "build": "train_empty", "status": "error",
     "message": "holds no values", "rows": None},
    {"case": "train_three_samples", "alg": "trainmodel", "build": "train_few", "status": "error",
     "message": "samples", "rows": None},
    {"case": "train_predictor_all_missing", "alg": "trainmodel", "build": "train_predictor_nan",
     "status": "error", "message": "a predictor missing", "rows": None},
    # estimate
    {"case": "estimate_model_is_renamed_pickle", "alg": "estimate", "build": "estimate_pickle_model",
     "status": "error", "message": "not skops", "rows": None},
    {"case": "estimate_model_untrusted_type", "alg": "estimate", "build": "estimate_untrusted_model",
     "status": "error", "message": "fractions.Fraction", "rows": None},
    {"case": "estimate_model_tampered_zip", "alg": "estimate", "build": "estimate_tampered_model",
     "status": "error", "message": "Model file", "rows": None},
    {"case": "estimate_samples_link_no_deposit", "alg": "estimate", "build": "estimate_unlinked", "status": "ok",
     "message": "not in the deposit layer", "rows": None},
    {"case": "estimate_deposits_without_id", "alg": "estimate", "build": "estimate_no_deposit_id",
     "status": "error", "message": "deposit_id", "rows": None},
    {"case": "estimate_samples_without_grades", "alg": "estimate", "build": "estimate_no_grades", "status": "ok",
     "message": "none of the grade fields co_ppm", "rows": None},
    {"case": "estimate_model_file_missing", "alg": "estimate", "build": "estimate_missing_model",
     "status": "error", "message": "nosuch.skops", "rows": None},
    # classify
    {"case": "classify_rules_nan_price", "alg": "classify", "build": "classify_rules_nan", "status": "error",
     "message": "nan", "rows": None},
    {"case": "classify_rules_unknown_key", "alg": "classify", "build": "classify_rules_unknown_key",
     "status": "error", "message": "colour_of_sky", "rows": None},
    {"case": "classify_rules_wrong_type", "alg": "classify", "build": "classify_rules_wrong_type",
     "status": "error", "message": "prices.co", "rows": None},
    {"case": "classify_rules_not_toml", "alg": "classify", "build": "classify_rules_garbage", "status": "error",
     "message": "TOML syntax error", "rows": None},
    {"case": "classify_layer_without_estimates", "alg": "classify", "build": "classify_no_estimates",
     "status": "error", "message": "no estimate fields", "rows": None},
    # export
    {"case": "export_into_missing_folder", "alg": "export", "build": "export_missing_folder", "status": "error",
     "message": "destination folder does not exist", "rows": None},
    {"case": "export_destination_with_password", "alg": "export", "build": "export_password", "status": "error",
     "message": "contains a password", "rows": None},
    {"case": "export_url_with_password", "alg": "export", "build": "export_url_password", "status": "error",
     "message": "password", "rows": None},
    {"case": "export_run_metadata_secret", "alg": "export", "build": "export_secret_metadata", "status": "error",
     "message": "api_token", "rows": None},
    {"case": "export_run_metadata_not_json", "alg": "export", "build": "export_metadata_not_json",
     "status": "error", "message": "RUN_METADATA", "rows": None},
    {"case": "export_not_a_gpkg_suffix", "alg": "export", "build": "export_wrong_suffix", "status": "error",
     "message": ".gpkg", "rows": None},
    {"case": "export_duplicate_deposit_ids", "alg": "export", "build": "export_duplicate_ids", "status": "error",
     "message": "deposit_id", "rows": None},
    {"case": "export_quantities_for_unknown_deposit", "alg": "export", "build": "export_orphan_quantities",
     "status": "error", "message": "NO-SUCH", "rows": None},
    # pipeline
    {"case": "pipeline_no_assay_links", "alg": "pipeline", "build": "pipeline_far_assays", "status": "error",
     "message": "link", "rows": None},
    {"case": "pipeline_empty_assay_file", "alg": "pipeline", "build": "pipeline_empty_assays",
     "status": "error", "message": "empty.csv", "rows": None},
    {"case": "pipeline_no_assay_file", "alg": "pipeline", "build": "pipeline_no_assays", "status": "error",
     "message": "No assay file", "rows": None},
    {"case": "pipeline_rules_unknown_key", "alg": "pipeline", "build": "pipeline_bad_rules", "status": "error",
     "message": "colour_of_sky", "rows": None},
    # checkinputs
    {"case": "checkinputs_unreadable_assay", "alg": "checkinputs", "build": "check_garbage_xlsx",
     "status": "error", "message": "broken.xlsx", "rows": None},
    {"case": "checkinputs_assay_is_a_folder", "alg": "checkinputs", "build": "check_folder_assay",
     "status": "error", "message": "folder.csv", "rows": None},
    # factsheets
    {"case": "factsheets_layer_without_unfc_fields", "alg": "factsheets", "build": "factsheets_unclassified",
     "status": "error", "message": "run Classify", "rows": None},
    {"case": "factsheets_table_without_geometry", "alg": "factsheets", "build": "factsheets_table",
     "status": "error", "message": "polygon or point layer", "rows": None},
    {"case": "checkinputs_empty_assay", "alg": "checkinputs", "build": "check_empty_assay", "status": "error",
     "message": "empty (0 bytes)", "rows": None},
]


@pytest.fixture(scope="module")
def base(tmp_path_factory, tailings_provider):
    """Good inputs that the builders spoil: samples, deposits, a trained model, estimates, a
    classified layer with quantities, pipeline deposits and assays."""
    import processing

    folder = tmp_path_factory.mktemp("bad_inputs_base")
    synthetic = make_samples(4, 20, seed=3)
    samples = layer_to_gpkg(frame_to_layer(synthetic.samples, "samples", "Point"), folder / "samples.gpkg")
    deposits = layer_to_gpkg(frame_to_layer(make_deposits(sorted(synthetic.samples["deposit_id"].unique())),
                                            "deposits"), folder / "deposits.gpkg")
    model = processing.run("tailingsunfc:trainmodel", {
        "INPUT": samples, "TARGET": "co", "PREDICTORS": ["s_ppm", "fe2o3_pct"], "METHOD": 0,
        "OUTPUT_MODEL": str(folder / "co.skops"), "OUTPUT_REPORT": str(folder / "co.html")})["OUTPUT_MODEL"]
    estimates = layer_to_gpkg(frame_to_polygon_layer(random_estimates(6), "estimates"), folder / "estimates.gpkg")
    classified, quantities = classified_frames(8, seed=9)
    classified_uri, quantities_uri = write_input_gpkg(folder / "classified.gpkg", classified, quantities)
    pipeline_deposits = write_deposits(folder / "pipeline_deposits.gpkg")
    return {"folder": folder, "samples": samples, "sample_frame": synthetic.samples, "deposits": deposits,
            "model": model, "estimates": estimates, "classified": classified_uri, "quantities": quantities_uri,
            "classified_frame": classified, "quantity_frame": quantities, "pipeline_deposits": pipeline_deposits}


def _sinks(**params):
    return {"OUTPUT": "TEMPORARY_OUTPUT", "REJECTS": "TEMPORARY_OUTPUT", **params}


# -- importdeposits ------------------------------------------------------------------------

def _deposit_rows(n: int, ids=None) -> list[dict]:
    ids = ids or [f"D-{i}" for i in range(n)]
    return [{"deponiId": ids[i], "navn": f"Deponi {i}", "tonnasje_t": 1000.0 * (i + 1)} for i in range(n)]


def deposits_empty(base, tmp):
    path = tmp / "empty.gpkg"
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    from osgeo import osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(25833)
    layer = ds.CreateLayer("avgang", srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("deponiId", ogr.OFTString))
    ds = None
    return _sinks(INPUT=f"{path}|layername=avgang")


def deposits_null_geometry(base, tmp):
    return _sinks(INPUT=write_layer(tmp / "nullgeom.gpkg", "avgang", _deposit_rows(3), [None, None, None]))


def deposits_lines(base, tmp):
    wkts = ["LINESTRING(232000 7009000, 232400 7009400)"] * 2
    return _sinks(INPUT=write_layer(tmp / "lines.gpkg", "avgang", _deposit_rows(2), wkts,
                                    geom_type=ogr.wkbLineString))


def deposits_no_crs(base, tmp):
    return _sinks(INPUT=write_layer(tmp / "nocrs.gpkg", "avgang", _deposit_rows(2), [square(0), square(1000)],
                                    epsg=None))


def deposits_duplicates(base, tmp):
    rows = _deposit_rows(3, ids=["D-1", "D-1", "D-2"])
    return _sinks(INPUT=write_layer(tmp / "dups.gpkg", "avgang", rows, [square(0), square(1000), square(2000)]))


def deposits_zero_byte(base, tmp):
    (tmp / "zero.gpkg").write_bytes(b"")
    return _sinks(INPUT=str(tmp / "zero.gpkg"))


def deposits_not_sqlite(base, tmp):
    (tmp / "fake.gpkg").write_text("this is not an SQLite database\n" * 20)
    return _sinks(INPUT=str(tmp / "fake.gpkg"))


def deposits_no_geometry(base, tmp):
    return _sinks(INPUT=write_layer(tmp / "table.gpkg", "avgang", _deposit_rows(2), [None, None],
                                    geom_type=ogr.wkbNone))


def deposits_missing(base, tmp):
    return _sinks(INPUT=str(tmp / "nowhere" / "deposits.gpkg"))


def deposits_bad_field_map(base, tmp):
    source = write_layer(tmp / "ok.gpkg", "avgang", _deposit_rows(2), [square(0), square(1000)])
    return _sinks(INPUT=source, FIELD_MAP="deposit_id=nosuchfield")


def deposits_broken_geojson(base, tmp):
    (tmp / "broken.geojson").write_text('{"type": "FeatureCollection", "features": [{"type": "Feat')
    return _sinks(INPUT=str(tmp / "broken.geojson"))


def deposits_target_4326(base, tmp):
    source = write_layer(tmp / "ok.gpkg", "avgang", _deposit_rows(2), [square(0), square(1000)])
    return _sinks(INPUT=source, TARGET_CRS="EPSG:4326")


# -- trainmodel ------------------------------------------------------------------------------

def _train(samples, tmp, target="co", predictors=("s_ppm", "fe2o3_pct")):
    return {"INPUT": samples, "TARGET": target, "PREDICTORS": list(predictors), "METHOD": 0,
            "OUTPUT_MODEL": str(tmp / "m.skops"), "OUTPUT_REPORT": str(tmp / "m.html")}


def _samples_gpkg(frame: pd.DataFrame, tmp: Path, name: str) -> str:
    return layer_to_gpkg(frame_to_layer(frame, name, "Point"), tmp / f"{name}.gpkg")


def train_target_ni(base, tmp):
    return _train(base["samples"], tmp, target="ni")


def train_empty(base, tmp):
    return _train(_samples_gpkg(base["sample_frame"].iloc[:0], tmp, "nosamples"), tmp)


def train_few(base, tmp):
    return _train(_samples_gpkg(base["sample_frame"].iloc[:3], tmp, "three"), tmp)


def train_predictor_nan(base, tmp):
    frame = base["sample_frame"].assign(s_ppm=float("nan"))
    return _train(_samples_gpkg(frame, tmp, "nan_s"), tmp)


# -- estimate --------------------------------------------------------------------------------

def _estimate(base, **more):
    return {"DEPOSITS": base["deposits"], "ASSAYS": base["samples"], "ITERATIONS": 200,
            "OUTPUT": "TEMPORARY_OUTPUT", **more}


def estimate_pickle_model(base, tmp):
    import pickle

    path = tmp / "model.skops"
    path.write_bytes(pickle.dumps({"pipeline": "not a model"}))
    return _estimate(base, MODELS=[str(path)])


def estimate_untrusted_model(base, tmp):
    import fractions

    import skops.io as sio

    path = tmp / "untrusted.skops"
    sio.dump({"format_version": 1, "metadata_json": "{}", "pipeline": fractions.Fraction(1, 3)}, path)
    return _estimate(base, MODELS=[str(path)])


def estimate_tampered_model(base, tmp):
    path = tmp / "tampered.skops"
    data = bytearray(Path(base["model"]).read_bytes())
    with zipfile.ZipFile(base["model"]) as archive:
        info = max(archive.infolist(), key=lambda i: i.compress_size)
    middle = info.header_offset + 30 + len(info.filename) + len(info.extra) + info.compress_size // 2
    data[middle] ^= 0xFF
    path.write_bytes(bytes(data))
    return _estimate(base, MODELS=[str(path)])


def estimate_unlinked(base, tmp):
    frame = base["sample_frame"].assign(deposit_id="NO-SUCH-DEPOSIT")
    return _estimate(base, ASSAYS=_samples_gpkg(frame, tmp, "unlinked"))


def estimate_no_deposit_id(base, tmp):
    frame = make_deposits(["A", "B"]).drop(columns="deposit_id")
    return _estimate(base, DEPOSITS=layer_to_gpkg(frame_to_layer(frame, "noid"), tmp / "noid.gpkg"))


def estimate_no_grades(base, tmp):
    frame = base["sample_frame"].drop(columns=["co_ppm", "co_flag", "s_ppm", "fe2o3_pct", "mn_ppm"])
    return _estimate(base, ASSAYS=_samples_gpkg(frame, tmp, "nogrades"))


def estimate_missing_model(base, tmp):
    return _estimate(base, MODELS=[str(tmp / "nosuch.skops")])


# -- classify --------------------------------------------------------------------------------

def _classify(base, tmp, rules_text=None, source=None):
    params = {"INPUT": source or base["estimates"], "OUTPUT": "TEMPORARY_OUTPUT",
              "OUTPUT_QUANTITIES": "TEMPORARY_OUTPUT"}
    if rules_text is not None:
        (tmp / "rules.toml").write_text(rules_text, encoding="utf-8")
        params["RULES"] = str(tmp / "rules.toml")
    return params


def _rules_with(line_old: str, line_new: str) -> str:
    assert line_old in RULES_TEXT
    return RULES_TEXT.replace(line_old, line_new, 1)


def classify_rules_nan(base, tmp):
    return _classify(base, tmp, _rules_with("co = 33000.0", "co = nan"))


def classify_rules_unknown_key(base, tmp):
    return _classify(base, tmp, _rules_with("co = 33000.0", "co = 33000.0\ncolour_of_sky = 1"))


def classify_rules_wrong_type(base, tmp):
    return _classify(base, tmp, _rules_with("co = 33000.0", 'co = "expensive"'))


def classify_rules_garbage(base, tmp):
    return _classify(base, tmp, "version = \n[[[ not toml")


def classify_no_estimates(base, tmp):
    frame = make_deposits(["A", "B"])
    return _classify(base, tmp, source=layer_to_gpkg(frame_to_layer(frame, "plain"), tmp / "plain.gpkg"))


# -- export ----------------------------------------------------------------------------------

def _export(base, **more):
    return {"INPUT": base["classified"], "QUANTITIES": base["quantities"], **more}


def export_missing_folder(base, tmp):
    return _export(base, DESTINATION=str(tmp / "not" / "yet" / "there.gpkg"))


def export_password(base, tmp):
    return _export(base, DESTINATION="host=127.0.0.1 port=1 dbname=x user=u password=hunter2 schema=s")


def export_url_password(base, tmp):
    return _export(base, DESTINATION="postgres://u:hunter2@127.0.0.1:1/x?schema=s")


def export_secret_metadata(base, tmp):
    return _export(base, DESTINATION=str(tmp / "out.gpkg"), RUN_METADATA=json.dumps({"api_token": "abc123"}))


def export_metadata_not_json(base, tmp):
    return _export(base, DESTINATION=str(tmp / "out.gpkg"), RUN_METADATA="{not json")


def export_wrong_suffix(base, tmp):
    return _export(base, DESTINATION=str(tmp / "out.txt"))


def export_duplicate_ids(base, tmp):
    classified = base["classified_frame"]
    doubled = pd.concat([classified, classified.iloc[:2]], ignore_index=True)
    uri, q_uri = write_input_gpkg(tmp / "dup.gpkg", doubled, base["quantity_frame"])
    return {"INPUT": uri, "QUANTITIES": q_uri, "DESTINATION": str(tmp / "out.gpkg")}


def export_orphan_quantities(base, tmp):
    quantities = base["quantity_frame"].copy()
    quantities.loc[quantities.index[0], "deposit_id"] = "NO-SUCH"
    uri, q_uri = write_input_gpkg(tmp / "orphan.gpkg", base["classified_frame"], quantities)
    return {"INPUT": uri, "QUANTITIES": q_uri, "DESTINATION": str(tmp / "out.gpkg")}


# -- pipeline and checkinputs ----------------------------------------------------------------

def _pipeline(base, tmp, assays):
    return {"DEPOSITS": [base["pipeline_deposits"]], "ASSAYS": assays, "OUTPUT": str(tmp / "run")}


def pipeline_far_assays(base, tmp):
    far = write_assays(tmp / "far.csv", sample_points(shift_x=80_000.0))
    return _pipeline(base, tmp, [str(far)])


def pipeline_empty_assays(base, tmp):
    (tmp / "empty.csv").write_bytes(b"")
    return _pipeline(base, tmp, [str(tmp / "empty.csv")])


def pipeline_bad_rules(base, tmp):
    near = write_assays(tmp / "near.csv", sample_points())
    (tmp / "rules.toml").write_text(_rules_with("co = 33000.0", "co = 33000.0\ncolour_of_sky = 1"))
    return {**_pipeline(base, tmp, [str(near)]), "RULES": str(tmp / "rules.toml")}


def pipeline_no_assays(base, tmp):
    return _pipeline(base, tmp, [])


def _check(base, tmp, assays):
    return {"DEPOSITS": [base["pipeline_deposits"]], "ASSAYS": assays, "OUTPUT_REPORT": str(tmp / "report.html")}


def check_garbage_xlsx(base, tmp):
    (tmp / "broken.xlsx").write_bytes(b"PK\x03\x04" + b"\x00garbage" * 50)
    return _check(base, tmp, [str(tmp / "broken.xlsx")])


def check_folder_assay(base, tmp):
    (tmp / "folder.csv").mkdir()
    return _check(base, tmp, [str(tmp / "folder.csv")])


def check_empty_assay(base, tmp):
    (tmp / "empty.csv").write_bytes(b"")
    return _check(base, tmp, [str(tmp / "empty.csv")])


def factsheets_unclassified(base, tmp):
    return {"INPUT": base["pipeline_deposits"], "OUTPUT": str(tmp / "sheets")}


def factsheets_table(base, tmp):
    return {"INPUT": base["deposits"], "OUTPUT": str(tmp / "sheets")}


BUILD = {name: value for name, value in globals().items() if callable(value) and name in
         {case["build"] for case in CASES}}


def test_every_case_has_a_builder_and_the_corpus_is_large_enough():
    assert {case["build"] for case in CASES} <= set(BUILD)
    assert len(CASES) >= 30 and len({case["case"] for case in CASES}) == len(CASES)
    assert {case["alg"] for case in CASES} >= {"importdeposits", "trainmodel", "estimate", "classify", "export",
                                               "pipeline", "checkinputs"}


def _reject_reasons(results: dict) -> list[str]:
    """The reasons in a REJECTS output: where a run says why a row was left out."""
    from qgis.core import QgsProcessingContext, QgsProcessingUtils, QgsVectorLayer

    layer = results.get("REJECTS")
    if isinstance(layer, str):
        layer = QgsProcessingUtils.mapLayerFromString(layer, QgsProcessingContext())
    if not isinstance(layer, QgsVectorLayer):
        return []
    return [str(f[REJECT_REASON_FIELD.name]) for f in layer.getFeatures()]


@pytest.mark.parametrize("case", CASES, ids=[c["case"] for c in CASES])
def test_bad_input(case, base, tmp_path, tailings_provider):
    import processing
    from qgis.core import QgsProcessingException

    params = BUILD[case["build"]](base, tmp_path)
    feedback = CollectingFeedback()
    error, results = None, None
    try:
        results = processing.run(f"tailingsunfc:{case['alg']}", params, feedback=feedback)
    except QgsProcessingException as err:
        error = str(err)
    log = "\n".join(t for t in feedback.texts if "not compatible with scratch layers" not in t)  # QGIS noise
    assert "Traceback" not in (error or "") and "Traceback" not in log, (error, log[-3000:])
    if case["status"] == "error":
        assert error is not None, f"accepted silently: {results}\n{log[-2000:]}"
        assert case["message"].lower() in error.lower(), error
        assert "There were errors executing the algorithm" not in error, log[-2000:]
    else:
        assert error is None, f"{error}\n{log[-2000:]}"
        said = log + "\n" + "\n".join(_reject_reasons(results))
        assert case["message"].lower() in said.lower(), said[-3000:]
    if case["rows"] and results is not None:
        read, accepted, rejected = (results[k] for k in case["rows"])
        assert read == accepted + rejected, results


CLI_CASES = ("deposits_zero_byte_gpkg", "classify_rules_nan_price", "export_destination_with_password",
             "deposits_duplicate_ids")


@pytest.mark.qgis_process
@pytest.mark.parametrize("name", CLI_CASES)
def test_bad_input_through_qgis_process(name, base, tmp_path):
    """The same cases on the command line: exit status, message, no traceback on stderr."""
    case = next(c for c in CASES if c["case"] == name)
    params = BUILD[case["build"]](base, tmp_path)
    proc = subprocess.run(["qgis_process", "--json", "run", f"tailingsunfc:{case['alg']}", "-"],
                          input=json.dumps({"inputs": params}), capture_output=True, text=True, timeout=300,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    said = proc.stdout + proc.stderr
    assert "Traceback" not in said, said[-3000:]
    if case["status"] == "error":
        assert proc.returncode != 0, said[-2000:]
        assert case["message"].lower() in said.lower(), said[-2000:]
    else:
        assert proc.returncode == 0, said[-2000:]
        results = json.loads(proc.stdout)["results"]
        read, accepted, rejected = (results[k] for k in case["rows"])
        assert read == accepted + rejected and rejected > 0, results
