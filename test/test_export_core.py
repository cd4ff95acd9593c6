"""Export core (no QGIS objects): validation, GeoPackage (GDAL validator), upsert, idempotence,
atomicity under SIGKILL, unwritable destination, disk full, ERML mapping, summary workbook."""
from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from export_support import classified_frames
from openpyxl import load_workbook
from tmpfs_support import mounted_tmpfs

from core.errors import TailingsInputError
from core.export.erml import mining_waste_view
from core.export.frames import prepare_export_frames
from core.export.postgis import parse_destination
from core.export.run import export_run
from core.export.workbook import CLASS_SHEET, KNOWN_TOTAL, POTENTIAL_TOTAL, sheet_title

VALIDATOR = Path("/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py")
REPO = Path(__file__).resolve().parent.parent
TIMESTAMP_COLUMNS = {"exported_at", "update_time", "last_change", "timestamp", "extra_json"}


def validate_gpkg(path: Path) -> None:
    proc = subprocess.run([sys.executable, str(VALIDATOR), str(path)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def table(path: Path, name: str) -> pd.DataFrame:
    with sqlite3.connect(path) as connection:
        return pd.read_sql_query(f'SELECT * FROM "{name}"', connection)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def frames_small():
    return classified_frames(120, seed=3)


def test_gpkg_valid_and_complete(tmp_path, frames_small):
    deposits, quantities = frames_small
    target = tmp_path / "run.gpkg"
    result = export_run(deposits, quantities, str(target), crs="EPSG:25833",
                        report_path=str(tmp_path / "run.xlsx"),
                        run_metadata={"inputs": [{"path": "a.csv", "sha256": "ab" * 32}], "rules_hash": "cd" * 32})
    validate_gpkg(target)
    contents = table(target, "gpkg_contents").set_index("table_name")["data_type"].to_dict()
    assert contents["deposits"] == "features"
    assert contents["erml_mining_waste_view"] == "features"
    for name in ("quantities", "export_runs", "field_dictionary", "layer_styles"):
        assert contents[name] == "attributes"
    written = table(target, "deposits").set_index("deposit_id").sort_index()
    source = deposits.set_index("deposit_id").sort_index()
    assert list(written.index) == list(source.index)
    np.testing.assert_allclose(written["co_t_hi"].to_numpy(dtype=float), source["co_t_hi"].to_numpy(dtype=float))
    assert (written["unfc_class"] == source["unfc_class"]).all()
    q = table(target, "quantities")
    assert len(q) == len(quantities) == result.quantities_written
    runs = table(target, "export_runs")
    assert runs.loc[0, "run_id"] == result.run.run_id
    assert "a.csv" in runs.loc[0, "inputs_json"] and runs.loc[0, "rules_hash"] == "cd" * 32
    dictionary = table(target, "field_dictionary")
    tonnage = dictionary[(dictionary.table_name == "deposits") & (dictionary.field_name == "tonnage_t")].iloc[0]
    assert tonnage["unit"] == "t" and tonnage["alias_nb"] == "Tonnasje (t)" and tonnage["alias_en"] == "Tonnage (t)"
    columns = table(target, "gpkg_data_columns")
    alias = columns[(columns.table_name == "deposits") & (columns.column_name == "co_ppm")].iloc[0]
    assert alias["name"] == "Co grade (ppm)" and alias["description"].endswith("[ppm]")  # export_run's default: en
    metadata = table(target, "gpkg_metadata")
    assert (metadata["mime_type"] == "application/json").sum() == 1
    assert result.run.content_hash in metadata.loc[metadata.mime_type == "application/json", "metadata"].iloc[0]
    styles = table(target, "layer_styles")
    assert styles.loc[0, "f_table_name"] == "deposits" and styles.loc[0, "useAsDefault"] == 1
    assert "categorizedSymbol" in styles.loc[0, "styleQML"] and "StyledLayerDescriptor" in styles.loc[0, "styleSLD"]


def test_reexport_is_idempotent_and_upserts(tmp_path, frames_small):
    deposits, quantities = frames_small
    target = tmp_path / "run.gpkg"
    export_run(deposits, quantities, str(target), crs="EPSG:25833")
    first = {name: table(target, name) for name in
             ("deposits", "quantities", "export_runs", "field_dictionary", "layer_styles",
              "erml_mining_waste_view", "gpkg_data_columns")}
    time.sleep(0.01)
    export_run(deposits, quantities, str(target), crs="EPSG:25833")
    validate_gpkg(target)
    for name, before in first.items():
        after = table(target, name)
        keep = [c for c in before.columns if c not in TIMESTAMP_COLUMNS]
        pd.testing.assert_frame_equal(before[keep], after[keep], obj=name)
    assert table(target, "export_runs")["exported_at"].iloc[0] != first["export_runs"]["exported_at"].iloc[0]

    # A later run with a changed subset replaces those deposits and keeps the others.
    changed = deposits.iloc[:10].copy()
    changed["name"] = "renamed"
    changed_q = quantities[quantities.deposit_id.isin(changed.deposit_id)]
    changed_q = changed_q[changed_q.commodity == "co"]
    export_run(changed, changed_q, str(target), crs="EPSG:25833")
    validate_gpkg(target)
    after = table(target, "deposits")
    assert len(after) == len(deposits)
    assert set(after.loc[after.name == "renamed", "deposit_id"]) == set(changed.deposit_id)
    # fids of replaced deposits are kept
    fids_before = first["deposits"].set_index("deposit_id")["fid"]
    assert (after.set_index("deposit_id")["fid"].sort_index() == fids_before.sort_index()).all()
    q_after = table(target, "quantities")
    untouched = ~quantities.deposit_id.isin(changed.deposit_id)
    assert len(q_after) == untouched.sum() + len(changed_q)
    assert len(table(target, "export_runs")) == 2  # a second run id, recorded next to the first


@pytest.mark.parametrize("mutate, message", [
    (lambda d, q: d.assign(deposit_id=d.deposit_id.where(d.index != 5, None)), "NULL or empty"),
    (lambda d, q: d.assign(deposit_id=d.deposit_id.where(d.index != 7, d.deposit_id.iloc[3])), "more than once"),
    (lambda d, q: d.assign(tonnage_t=d.tonnage_t.astype(object).where(d.index != 2, "lots")), "not a number"),
    (lambda d, q: d.assign(co_t=d.co_t.where(d.index != 4, -1.0)), "negative"),
    (lambda d, q: d.assign(setting=d.setting.where(d.index != 1, "moon")), "must be one of"),
    (lambda d, q: d.assign(co_n=d.co_n.astype(float).where(d.index != 1, 2.5)), "whole number"),
])
def test_bad_deposits_refused_before_writing(tmp_path, frames_small, mutate, message):
    deposits, quantities = frames_small
    target = tmp_path / "run.gpkg"
    export_run(deposits, quantities, str(target), crs="EPSG:25833")
    before = sha256(target)
    with pytest.raises(TailingsInputError, match=message) as info:
        export_run(mutate(deposits.copy(), quantities), quantities, str(target), crs="EPSG:25833",
                   report_path=str(tmp_path / "r.xlsx"))
    assert "row" in str(info.value) and "column" in str(info.value)
    assert sha256(target) == before
    assert not (tmp_path / "r.xlsx").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["run.gpkg"]


def test_bad_quantities_refused(frames_small):
    deposits, quantities = frames_small
    orphan = quantities.copy()
    orphan.loc[0, "deposit_id"] = "NOT-THERE"
    with pytest.raises(TailingsInputError, match="not in the deposits input"):
        prepare_export_frames(deposits, orphan)
    twice = pd.concat([quantities, quantities.iloc[:1]], ignore_index=True)
    with pytest.raises(TailingsInputError, match="occurs twice"):
        prepare_export_frames(deposits, twice)
    bad_g = quantities.assign(unfc_g=quantities.unfc_g.where(quantities.index != 3, "G9"))
    with pytest.raises(TailingsInputError, match=r"row 4.*unfc_g.*G9"):
        prepare_export_frames(deposits, bad_g)


def test_unwritable_destinations(tmp_path, frames_small):
    deposits, quantities = frames_small
    a_file = tmp_path / "plain.txt"
    a_file.write_text("not a folder")
    with pytest.raises(TailingsInputError, match="not a folder"):
        export_run(deposits, quantities, str(a_file / "run.gpkg"), crs="EPSG:25833")
    with pytest.raises(TailingsInputError, match=r"Cannot write|failed"):
        export_run(deposits, quantities, "/proc/run.gpkg", crs="EPSG:25833")
    foreign = tmp_path / "notes.gpkg"
    foreign.write_text("some text, not a GeoPackage")
    with pytest.raises(TailingsInputError, match="not a GeoPackage"):
        export_run(deposits, quantities, str(foreign), crs="EPSG:25833")
    assert foreign.read_text() == "some text, not a GeoPackage"
    with pytest.raises(TailingsInputError, match=r"\.gpkg"):
        export_run(deposits, quantities, str(tmp_path / "run.shp"), crs="EPSG:25833")


@pytest.fixture
def small_tmpfs(tmp_path):
    with mounted_tmpfs(tmp_path / "small", "size=1200k") as mount_point:
        yield mount_point


def test_disk_full_leaves_previous_file(small_tmpfs, frames_small):
    deposits, quantities = frames_small
    target = small_tmpfs / "run.gpkg"
    export_run(deposits.iloc[:5], quantities[quantities.deposit_id.isin(deposits.deposit_id.iloc[:5])],
               str(target), crs="EPSG:25833")
    before = sha256(target)
    big_d, big_q = classified_frames(3000, seed=11)
    with pytest.raises(TailingsInputError, match=r"disk is full"):
        export_run(big_d, big_q, str(target), crs="EPSG:25833")
    assert sha256(target) == before
    assert [p.name for p in small_tmpfs.iterdir()] == ["run.gpkg"]  # temporary file removed
    validate_gpkg(target)


KILL_SCRIPT = """
import sys
sys.path[:0] = [{repo!r}, {test!r}]
from export_support import classified_frames
from core.export.run import export_run
deposits, quantities = classified_frames(60000, seed=5)
print("ready", flush=True)
export_run(deposits, quantities, {target!r}, crs="EPSG:25833")
print("finished", flush=True)
"""


def test_kill_mid_write_leaves_previous_file_intact(tmp_path, frames_small):
    deposits, quantities = frames_small
    target = tmp_path / "run.gpkg"
    export_run(deposits, quantities, str(target), crs="EPSG:25833")
    before = sha256(target)
    script = KILL_SCRIPT.format(repo=str(REPO), test=str(REPO / "test"), target=str(target))
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready"
    deadline = time.monotonic() + 120
    partial = []
    while time.monotonic() < deadline and proc.poll() is None:
        partial = [p for p in tmp_path.iterdir() if p.name.endswith(".partial.gpkg")]
        if partial and partial[0].stat().st_size > 4 * target.stat().st_size:
            break  # well into writing the new features
        time.sleep(0.02)
    assert proc.poll() is None, "the export finished before it could be killed; use more deposits"
    assert partial, "no temporary file seen"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert sha256(target) == before
    validate_gpkg(target)
    assert len(table(target, "deposits")) == len(deposits)
    # The next export removes what the killed one left behind.
    assert [p for p in tmp_path.iterdir() if p.name.endswith(".partial.gpkg")]
    export_run(deposits, quantities, str(target), crs="EPSG:25833")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["run.gpkg"]


def test_erml_view_mapping(frames_small):
    deposits, _ = frames_small
    frames = prepare_export_frames(deposits, classified_frames(120, seed=3)[1])
    view = mining_waste_view(frames.deposits, "test")
    assert (view["classificationMethodUsed"] == "UNFCCode").all()
    source = frames.deposits.set_index("deposit_id")
    v = view.set_index("identifier")
    sulphide_tailings = (source.deposit_kind == "tailings") & source.ore_type.fillna("").str.contains("sulphide")
    assert (v.loc[sulphide_tailings, "wasteType_ewc"] == "01 03 04*").all()
    assert v.loc[source.deposit_kind == "waste_rock", "wasteType_ewc"].eq("01 01 01").all()
    assert v.loc[source.deposit_kind == "slag", "wasteType_ewc"].isna().all()
    np.testing.assert_allclose(v["volume"].to_numpy(dtype=float), source["volume_m3"].to_numpy(dtype=float))
    assert v.loc[source.setting == "sea", "storageType"].str.contains("submarine").all()
    row = source.index[(source.co_method != "none") & (source.cu_method == "none")][0]
    assert "cobalt" in v.loc[row, "materials"] and "copper" not in v.loc[row, "materials"]


def test_summary_workbook_numbers_and_totals(tmp_path, frames_small):
    deposits, quantities = frames_small
    report = tmp_path / "summary.xlsx"
    export_run(deposits, quantities, str(tmp_path / "run.gpkg"), crs="EPSG:25833", report_path=str(report))
    wb = load_workbook(report, read_only=True)
    assert wb.sheetnames == [CLASS_SHEET] + [sheet_title(c) for c in ("co", "cu", "zn", "tree")] + ["run", "fields"]
    rows = list(wb[CLASS_SHEET].iter_rows(values_only=True))
    block = next(i for i, r in enumerate(rows) if r and r[0] == "cobalt (co)")
    header = rows[block + 1]
    assert header[0] == "UNFC class" and KNOWN_TOTAL in header and POTENTIAL_TOTAL in header
    total_row = next(r for r in rows[block:] if r and r[0] == "All classes")
    co = quantities[quantities.commodity == "co"]
    known = co.unfc_g.str.match(r"G[123]$")
    assert total_row[header.index(KNOWN_TOTAL)] == pytest.approx(co.quantity_t[known].sum())
    assert total_row[header.index(POTENTIAL_TOTAL)] == pytest.approx(co.quantity_t[~known].sum())
    rows = list(wb[sheet_title("co")].iter_rows(values_only=True))
    header_index = next(i for i, r in enumerate(rows) if r and r[0] == "deposit_id")
    header = rows[header_index]
    assert "tonnage (t)" in header and "contained P50 (t)" in header
    body = [r for r in rows[header_index + 1:] if r and r[0] and str(r[0]).startswith("NGU-")]
    expected = deposits[(deposits.co_method != "none")]
    assert len(body) == len(expected)
    tonnage = header.index("tonnage (t)")
    assert all(isinstance(r[tonnage], float) for r in body)
    by_id = {r[0]: r for r in body}
    for method, total in (("measured", KNOWN_TOTAL), ("analogue", POTENTIAL_TOTAL)):
        one = expected[expected.co_method == method].iloc[0]
        assert by_id[one.deposit_id][header.index("contained high P10 (t)")] == pytest.approx(one.co_t_hi)
        assert by_id[one.deposit_id][header.index(total)] == pytest.approx(one.co_t_hi)
        other = POTENTIAL_TOTAL if total == KNOWN_TOTAL else KNOWN_TOTAL
        row = by_id[one.deposit_id]
        assert header.index(other) >= len(row) or row[header.index(other)] is None  # read-only rows stop early
    run = {r[0]: (r[1] if len(r) > 1 else None) for r in list(wb["run"].iter_rows(values_only=True))[1:]}
    assert run["deposit_count"] == len(deposits)


@pytest.mark.parametrize("text, expected", [
    ("postgres://?authcfg=abc1234&service=ngu&schema=tailings", ("abc1234", {"service": "ngu"}, "tailings")),
    ("postgresql://db.example:5433/ngu?authcfg=x1y2z3a&schema=s2",
     ("x1y2z3a", {"host": "db.example", "port": "5433", "dbname": "ngu"}, "s2")),
    ("authcfg=k9k9k9k host=127.0.0.1 port=5432 dbname='national db' schema=t",
     ("k9k9k9k", {"host": "127.0.0.1", "port": "5432", "dbname": "national db"}, "t")),
    ("service=ngu_prod", (None, {"service": "ngu_prod"}, "tailings")),
    ("/data/out/run.gpkg", None),
])
def test_parse_destination(text, expected):
    target = parse_destination(text)
    if expected is None:
        assert target is None
        return
    authcfg, params, schema = expected
    assert (target.authcfg, target.params, target.schema) == (authcfg, params, schema)


@pytest.mark.parametrize("text", [
    "postgres://?authcfg=abc&password=hunter2",
    "postgres://bob:hunter2@localhost/ngu?authcfg=abc",
    "host=localhost dbname=ngu user=bob password=hunter2",
    "service=ngu PASSWORD='hunter2'",
])
def test_password_in_destination_refused(text):
    with pytest.raises(TailingsInputError, match="password") as info:
        parse_destination(text)
    assert "hunter2" not in str(info.value)


def test_read_only_folder_refused(tmp_path, frames_small):
    deposits, quantities = frames_small
    with mounted_tmpfs(tmp_path / "readonly", "ro,size=100k") as folder, \
            pytest.raises(TailingsInputError, match=r"Cannot write in the destination folder.*[Rr]ead-only"):
        export_run(deposits, quantities, str(folder / "run.gpkg"), crs="EPSG:25833")


def test_cancel_mid_write_leaves_previous_file(tmp_path, frames_small):
    from core.errors import OperationCancelled

    deposits, quantities = frames_small
    target = tmp_path / "run.gpkg"
    export_run(deposits.iloc[:10], quantities[quantities.deposit_id.isin(deposits.deposit_id.iloc[:10])],
               str(target), crs="EPSG:25833")
    before = sha256(target)
    big_d, big_q = classified_frames(6000, seed=4)
    calls = {"n": 0}

    def cancel_after_a_few_batches():
        calls["n"] += 1
        if calls["n"] > 3:  # the checks before writing, then two batches of features
            raise OperationCancelled()

    with pytest.raises(OperationCancelled):
        export_run(big_d, big_q, str(target), crs="EPSG:25833", cancel=cancel_after_a_few_batches,
                   report_path=str(tmp_path / "r.xlsx"))
    assert sha256(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["run.gpkg"]


def test_new_source_field_added_and_other_crs_refused(tmp_path, frames_small):
    deposits, quantities = frames_small
    target = tmp_path / "run.gpkg"
    export_run(deposits, quantities, str(target), crs="EPSG:25833")
    extended = deposits.assign(lab_batch=[f"B{i % 4}" for i in range(len(deposits))])
    export_run(extended, quantities, str(target), crs="EPSG:25833")
    validate_gpkg(target)
    written = table(target, "deposits")
    assert len(written) == len(deposits)
    assert written.set_index("deposit_id")["lab_batch"].sort_index().tolist() == \
        extended.set_index("deposit_id")["lab_batch"].sort_index().tolist()
    dictionary = table(target, "field_dictionary")
    assert "lab_batch" in set(dictionary.field_name)
    before = sha256(target)
    with pytest.raises(TailingsInputError, match="another coordinate reference system"):
        export_run(deposits, quantities, str(target), crs="EPSG:25832")
    assert sha256(target) == before


def test_run_metadata_parsing(tmp_path):
    from core.export.provenance import parse_run_metadata

    assert parse_run_metadata("") == {}
    assert parse_run_metadata('{"run_id": "r1", "seeds": {"cv": 7}}') == {"run_id": "r1", "seeds": {"cv": 7}}
    document = tmp_path / "run.json"
    document.write_text('{"inputs": [{"path": "a.xlsx", "sha256": "aa"}]}', encoding="utf-8")
    assert parse_run_metadata(str(document))["inputs"][0]["path"] == "a.xlsx"
    with pytest.raises(TailingsInputError, match=r"not valid JSON: .* line 1"):
        parse_run_metadata('{"run_id": ')
    with pytest.raises(TailingsInputError, match="neither a JSON object nor an existing"):
        parse_run_metadata(str(tmp_path / "missing.json"))
    with pytest.raises(TailingsInputError, match="must not contain secrets"):
        parse_run_metadata('{"inputs": [{"db": {"password": "x"}}]}')
