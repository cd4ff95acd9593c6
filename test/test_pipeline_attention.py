"""The pipeline never succeeds silently (issue 10): no linked sample or no estimate fails the run,
N_DEPOSITS counts classified deposits only, every run leaves run_summary.txt, and the field maps
and the assay CRS are passed through. checkinputs predicts what the run does."""
from __future__ import annotations

import html
import sqlite3
from pathlib import Path

import pandas as pd
import pytest
from pipeline_support import reproject, sample_points, write_assays, write_deposits

from core.run_summary import SUMMARY_FILE_NAME, RunSummary


def _deposit_table(gpkg: Path) -> pd.DataFrame:
    with sqlite3.connect(gpkg) as db:
        tables = dict(db.execute("SELECT table_name, data_type FROM gpkg_contents").fetchall())
        name = next(t for t, kind in tables.items() if kind == "features" and "erml" not in t.lower())
        return pd.read_sql(f'SELECT * FROM "{name}"', db)


@pytest.fixture(scope="module")
def linked_run(tailings_provider, tmp_path_factory):
    """Deposits without an id field (names as ids), assays inside two of the three deposits."""
    import processing

    folder = tmp_path_factory.mktemp("attention")
    deposits = write_deposits(folder / "deposits.gpkg")
    assays = write_assays(folder / "assays.csv", sample_points())
    params = {"DEPOSITS": [deposits], "ASSAYS": [str(assays)], "TRAIN_MODELS": False, "ASSAY_CRS": "EPSG:25833"}
    result = processing.run("tailingsunfc:pipeline", {**params, "OUTPUT": str(folder / "out")})
    report = processing.run("tailingsunfc:checkinputs", {**params, "OUTPUT_REPORT": str(folder / "pre.txt")})
    return folder, result, report


def test_n_deposits_counts_only_classified_deposits(linked_run):
    folder, result, _ = linked_run
    deposits = _deposit_table(folder / "out" / "tailings_unfc.gpkg")
    assert len(deposits) == 3
    assert result["N_DEPOSITS"] == int(deposits["unfc_class"].notna().sum())


def test_every_run_leaves_a_summary_naming_fallback_ids(linked_run):
    folder, result, _ = linked_run
    summary = Path(result["RUN_SUMMARY"])
    assert summary == folder / "out" / SUMMARY_FILE_NAME
    text = summary.read_text(encoding="utf-8")
    assert "FALLBACK IDS" in text and "'Navn'" in text
    assert "Samples: 16 from 1 file(s), 16 linked to a deposit" in text
    # Deposit C has no samples and no analogue: said so by name.
    deposits = _deposit_table(folder / "out" / "tailings_unfc.gpkg")
    none = deposits.loc[(deposits[[f"{c}_method" for c in ("co", "cu", "zn", "tree")]] == "none").all(axis=1),
                        "deposit_id"].tolist()
    assert none and f"{len(none)} of 3: {', '.join(none)}" in text
    # ASSAY_CRS was given, so no CRS is reported as assumed.
    assert "Assumed coordinate reference systems" not in text


def test_checkinputs_predicts_the_methods_of_the_run_and_writes_nothing_else(linked_run):
    folder, _result, report = linked_run
    assert Path(report["OUTPUT_REPORT"]) == folder / "pre.txt"
    assert sorted(p.name for p in folder.iterdir()) == ["assays.csv", "deposits.gpkg", "out", "pre.txt"]
    text = (folder / "pre.txt").read_text(encoding="utf-8")
    deposits = _deposit_table(folder / "out" / "tailings_unfc.gpkg")
    for row in deposits.itertuples():
        line = " | ".join([row.deposit_id, row.co_method, row.cu_method, row.zn_method, row.tree_method])
        assert line in text
    assert "deposit_id from the name field 'Navn' (no id field found; FALLBACK ids)" in text
    assert "source_commodity ← Raastoff (exact)" in text
    assert "linked: 16 of 16 samples (100%)" in text
    # The assay column mapping with units as written in the header ("Cu ppm", "S %").
    assert "Cu ppm → cu in ppm (header), recognised" in text and "S % → s in % (header), recognised" in text
    assert report["N_LINKED"] == 16


def test_no_linked_sample_fails_with_the_diagnosis_and_a_summary(tailings_provider, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    deposits = write_deposits(tmp_path / "deposits.gpkg")
    # 150 km east of every deposit: inside Norway, outside every polygon in any UTM zone.
    assays = write_assays(tmp_path / "far.csv", sample_points(shift_x=150_000.0))
    out = tmp_path / "out"
    with pytest.raises(QgsProcessingException, match="None of the 16 samples links to any of the 3 deposits"):
        processing.run("tailingsunfc:pipeline", {"DEPOSITS": [deposits], "ASSAYS": [str(assays)],
                                                 "TRAIN_MODELS": False, "OUTPUT": str(out)})
    text = (out / SUMMARY_FILE_NAME).read_text(encoding="utf-8")
    assert text.count("RUN FAILED") == 1 and "ASSAY_CRS" in text
    assert "far.csv: 16 of 16 samples" in text  # under "not linked"
    assert not (out / "tailings_unfc.gpkg").exists()


def test_a_bad_deposit_field_map_fails_before_anything_runs(tailings_provider, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    deposits = write_deposits(tmp_path / "deposits.gpkg")
    assays = write_assays(tmp_path / "a.csv", sample_points())
    with pytest.raises(QgsProcessingException, match="does not have"):
        processing.run("tailingsunfc:pipeline", {"DEPOSITS": [deposits], "ASSAYS": [str(assays)],
                                                 "DEPOSIT_FIELD_MAP": "deposit_id=NoSuchField",
                                                 "OUTPUT": str(tmp_path / "out")})
    assert "NoSuchField" in (tmp_path / "out" / SUMMARY_FILE_NAME).read_text(encoding="utf-8")


def test_checkinputs_takes_the_deposit_field_map(tailings_provider, tmp_path):
    import processing

    deposits = write_deposits(tmp_path / "deposits.gpkg", with_code=True)
    assays = write_assays(tmp_path / "a.csv", sample_points())
    report = processing.run("tailingsunfc:checkinputs", {
        "DEPOSITS": [deposits], "ASSAYS": [str(assays)], "DEPOSIT_FIELD_MAP": "deposit_id=Kode",
        "OUTPUT_REPORT": str(tmp_path / "pre.html")})
    text = html.unescape(Path(report["OUTPUT_REPORT"]).read_text(encoding="utf-8"))
    assert text.startswith("<!DOCTYPE html>")
    assert "deposit_id from field 'Kode' (override)" in text
    assert "LK-3 | " in text and "3 features read = 3 accepted + 0 rejected" in text


@pytest.mark.parametrize(("items", "attention"), [
    ({}, False),
    ({"unlinked": ["a.csv: 3 of 10 samples"]}, True),
    ({"failure": "nothing links"}, True),
])
def test_summary_says_when_nothing_needs_attention(tmp_path, items, attention):
    summary = RunSummary(facts=["Samples: 10"], **items)
    path = summary.write(tmp_path)
    text = path.read_text(encoding="utf-8")
    assert summary.needs_attention is attention
    assert ("Nothing needs your attention." in text) is (not attention)
    for values in items.values():
        for value in ([values] if isinstance(values, str) else values):
            assert value in text


def test_every_exported_field_has_an_alias_and_a_description(linked_run):
    """One field registry (issue 10 point 7): each column of each exported table is in the field
    dictionary with a Norwegian alias and a real description, tonnage_t_lo and friends included."""
    from core.schema import SOURCE_FIELD_DESCRIPTION

    folder, _result, _ = linked_run
    gpkg = folder / "out" / "tailings_unfc.gpkg"
    with sqlite3.connect(gpkg) as db:
        # layer_styles is QGIS's own style table (its fields are QGIS's, not ours).
        tables = [t for (t,) in db.execute("SELECT table_name FROM gpkg_contents") if t != "layer_styles"]
        geometry_columns = {c for (c,) in db.execute("SELECT column_name FROM gpkg_geometry_columns")}
        columns = {(t, c) for t in tables for (_cid, c, *_rest) in db.execute(f'PRAGMA table_info("{t}")')
                   if c != "fid" and c not in geometry_columns}
        dictionary_table = next(t for t in tables if "dictionary" in t.lower())
        dictionary = pd.read_sql(f'SELECT * FROM "{dictionary_table}"', db)
    described = {(r.table_name, r.field_name): r for r in dictionary.itertuples()}
    assert columns <= set(described), sorted(columns - set(described))
    placeholders = {"", "Source field", "source field", "None"}
    for key in columns:
        entry = described[key]
        assert entry.alias_nb and entry.alias_nb.strip(), key
        assert entry.alias_en and entry.alias_en.strip(), key
        assert entry.description not in placeholders and len(entry.description) > 3, key
    deposit_table = next(t for t, c in columns if c == "tonnage_t_lo")
    for name, alias_nb, alias_en in (("tonnage_t_lo", "Tonnasje lav (t)", "Tonnage low (t)"),
                                     ("estimate_warning", "Estimatvarsel", "Estimate warning"),
                                     ("estimate_basis", "Estimatgrunnlag", "Estimate basis")):
        assert described[(deposit_table, name)].alias_nb == alias_nb
        assert described[(deposit_table, name)].alias_en == alias_en
    merknad = described[(deposit_table, "Merknad")]
    assert merknad.description == SOURCE_FIELD_DESCRIPTION.format(name="Merknad")


def test_assay_field_map_and_assay_crs_are_passed_through(tailings_provider, tmp_path):
    """A certificate in UTM zone 32 whose sample-id column has a name no vocabulary knows."""
    import processing
    from qgis.core import QgsProcessingException

    deposits = write_deposits(tmp_path / "deposits.gpkg")
    points = reproject(sample_points(), 25833, 25832)
    assays = write_assays(tmp_path / "zone32.csv", points, id_header="Merkelapp")
    base = {"DEPOSITS": [deposits], "ASSAYS": [str(assays)], "TRAIN_MODELS": False}
    with pytest.raises(QgsProcessingException, match="Merkelapp"):
        processing.run("tailingsunfc:pipeline", {**base, "OUTPUT": str(tmp_path / "unmapped")})
    result = processing.run("tailingsunfc:pipeline", {
        **base, "ASSAY_FIELD_MAP": "sample_id=Merkelapp", "ASSAY_CRS": "EPSG:25832", "OUTPUT": str(tmp_path / "out")})
    text = Path(result["RUN_SUMMARY"]).read_text(encoding="utf-8")
    assert "Samples: 16 from 1 file(s), 16 linked to a deposit" in text
    deposits_out = _deposit_table(tmp_path / "out" / "tailings_unfc.gpkg").set_index("deposit_id")
    assert deposits_out.loc["Løkken avgang A", "cu_n"] == 8 and deposits_out.loc["Løkken avgang B", "cu_n"] == 8


def test_checkinputs_foresees_regression_estimates(tailings_provider, tmp_path):
    """Lab samples in A and B train a Co model; field (proxy-only) samples in C get Co by regression.
    The pre-flight's per-deposit methods equal those of the real run (which fits METHOD=auto)."""
    import processing

    deposits = write_deposits(tmp_path / "deposits.gpkg")
    lab = write_assays(tmp_path / "lab.csv", sample_points(n_per_deposit=20))
    field = write_assays(tmp_path / "field.csv", sample_points(n_per_deposit=12, seed=3, where=(2,)), seed=5)
    params = {"DEPOSITS": [deposits], "ASSAYS": [str(lab)], "PROXY_ASSAYS": [str(field)], "ASSAY_CRS": "EPSG:25833"}
    processing.run("tailingsunfc:pipeline", {**params, "OUTPUT": str(tmp_path / "out")})
    processing.run("tailingsunfc:checkinputs", {**params, "OUTPUT_REPORT": str(tmp_path / "pre.txt")})
    text = (tmp_path / "pre.txt").read_text(encoding="utf-8")
    run = _deposit_table(tmp_path / "out" / "tailings_unfc.gpkg").set_index("deposit_id")
    assert run.loc["Løkken avgang C", "co_method"] == "regression"
    for deposit_id, row in run.iterrows():
        line = " | ".join([deposit_id, row.co_method, row.cu_method, row.zn_method, row.tree_method])
        assert line in text
    assert "proxy models the run would train: co from" in text


def test_qgis_process_exits_non_zero_when_nothing_links(tmp_path):
    """The issue's case from the command line: samples outside every deposit must not exit 0."""
    from qgis_process_runner import run_qgis_process

    deposits = write_deposits(tmp_path / "deposits.gpkg")
    assays = write_assays(tmp_path / "far.csv", sample_points(shift_x=150_000.0))
    out = tmp_path / "out"
    proc = run_qgis_process("run", "tailingsunfc:pipeline", f"--DEPOSITS={deposits}", f"--ASSAYS={assays}",
                            "--TRAIN_MODELS=false", f"--OUTPUT={out}")
    assert proc.returncode != 0
    assert "None of the 16 samples links to any of the 3 deposits" in proc.stdout + proc.stderr
    assert "RUN FAILED" in (out / SUMMARY_FILE_NAME).read_text(encoding="utf-8")


def test_no_estimate_at_all_fails_with_a_summary(tailings_provider, tmp_path):
    """Samples that link but carry none of Co, Cu, Zn or REE (a sulphur/iron survey)."""
    import csv

    import processing
    from qgis.core import QgsProcessingException

    deposits = write_deposits(tmp_path / "deposits.gpkg")
    path = tmp_path / "s_fe.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["Prøve-ID", "Øst", "Nord", "S %", "Fe %"])
        for i, (sample_id, x, y) in enumerate(sample_points()):
            writer.writerow([sample_id, f"{x:.1f}".replace(".", ","), f"{y:.1f}".replace(".", ","),
                             f"{1.5 + 0.1 * i:.2f}".replace(".", ","), f"{8.0 + 0.2 * i:.2f}".replace(".", ",")])
    out = tmp_path / "out"
    with pytest.raises(QgsProcessingException, match="No deposit got an estimate"):
        processing.run("tailingsunfc:pipeline", {"DEPOSITS": [deposits], "ASSAYS": [str(path)],
                                                 "ASSAY_CRS": "EPSG:25833", "OUTPUT": str(out)})
    text = (out / SUMMARY_FILE_NAME).read_text(encoding="utf-8")
    assert "RUN FAILED: No deposit got an estimate" in text
    assert "Deposits without an estimate" in text and "3 of 3:" in text


def test_a_crs_guess_that_was_switched_is_flagged_in_the_summary(tailings_provider, tmp_path):
    """The issue's zone-32 certificate without ASSAY_CRS: whatever the importer makes of it, the run
    must not pass it by quietly. If it links (the importer switched zone), the summary says so."""
    import processing

    deposits = write_deposits(tmp_path / "deposits.gpkg")
    assays = write_assays(tmp_path / "zone32.csv", reproject(sample_points(), 25833, 25832))
    result = processing.run("tailingsunfc:pipeline", {"DEPOSITS": [deposits], "ASSAYS": [str(assays)],
                                                      "TRAIN_MODELS": False, "OUTPUT": str(tmp_path / "out")})
    text = Path(result["RUN_SUMMARY"]).read_text(encoding="utf-8")
    assert "16 of 16 samples linked" in text
    assert "zone32.csv: coordinates read as EPSG:25832" in text and "NOT EPSG:25833 as first assumed" in text
    assert "set ASSAY_CRS to confirm" in text


def test_pipeline_and_checkinputs_take_the_assay_read_limits(tailings_provider, tmp_path):
    """The importassays limits (MAX_ROWS, ...) are parameters of the pipeline and checkinputs
    too, so a national file above a default can be read and a hostile one refused there."""
    import processing
    from qgis.core import QgsProcessingException

    deposits = write_deposits(tmp_path / "deposits.gpkg")
    assays = write_assays(tmp_path / "assays.csv", sample_points())
    params = {"DEPOSITS": [deposits], "ASSAYS": [str(assays)], "TRAIN_MODELS": False,
              "ASSAY_CRS": "EPSG:25833", "MAX_ROWS": 5}
    with pytest.raises(QgsProcessingException, match="MAX_ROWS") as err:
        processing.run("tailingsunfc:pipeline", {**params, "OUTPUT": str(tmp_path / "out")})
    assert "Traceback" not in str(err.value)
    with pytest.raises(QgsProcessingException, match="MAX_ROWS"):
        processing.run("tailingsunfc:checkinputs", {**params, "OUTPUT_REPORT": str(tmp_path / "pre.txt")})
    result = processing.run("tailingsunfc:pipeline", {**params, "MAX_ROWS": 1000, "OUTPUT": str(tmp_path / "ok")})
    assert result["N_DEPOSITS"] >= 1
