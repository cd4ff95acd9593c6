"""The one-shot pipeline: the README's main-job command, accounting, reconciliation, errors."""
from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parent.parent
VALIDATOR = Path("/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py")
SAMPLE = ROOT / "resources" / "sample_data"


def _table(gpkg: Path, name: str) -> pd.DataFrame:
    with sqlite3.connect(gpkg) as db:
        return pd.read_sql(f'SELECT * FROM "{name}"', db)


def _gpkg_tables(gpkg: Path) -> dict[str, str]:
    with sqlite3.connect(gpkg) as db:
        return dict(db.execute("SELECT table_name, data_type FROM gpkg_contents").fetchall())


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory) -> tuple[Path, str]:
    """The README's main-job command, exactly as a user types it, into a fresh folder."""
    out = tmp_path_factory.mktemp("sample_run")
    proc = subprocess.run(["bash", str(ROOT / "scripts" / "run_sample.sh"), str(out)], capture_output=True,
                          text=True, timeout=900, stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return out, proc.stdout


def test_main_job_leaves_every_product_in_one_folder(sample_run):
    out, stdout = sample_run
    for name in ("tailings_unfc.gpkg", "tailings_unfc_summary.xlsx", "models/model_co.skops",
                 "models/model_co.html", "models/model_tree.html", "ngu_deposits.gpkg", "pipeline.log"):
        assert (out / name).is_file(), name
    assert f"GeoPackage: {out / 'tailings_unfc.gpkg'}" in stdout
    assert "Results in" in stdout


def test_main_job_geopackage_is_valid_and_complete(sample_run):
    out, _ = sample_run
    gpkg = out / "tailings_unfc.gpkg"
    proc = subprocess.run([sys.executable, str(VALIDATOR), str(gpkg)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    tables = _gpkg_tables(gpkg)
    deposit_table = next(t for t, kind in tables.items() if kind == "features" and "erml" not in t.lower())
    deposits = _table(gpkg, deposit_table)
    # Every sample deposit is either exported or in the deposit rejects, with a reason.
    rejects = pd.read_csv(out / "rejects" / "deposits_1.csv")
    assert len(deposits) + len(rejects) == 30
    assert deposits["deposit_id"].is_unique
    assert deposits["unfc_code"].notna().sum() >= 20
    quantity_table = next(t for t in tables if "quantit" in t.lower())
    quantities = _table(gpkg, quantity_table)
    # Reconciliation: per deposit and commodity the G increments add up to the high estimate.
    sums = quantities.groupby(["deposit_id", "commodity"])["quantity_t"].sum()
    for (dep, commodity), total in sums.items():
        high = deposits.loc[deposits["deposit_id"] == dep, f"{commodity}_t_hi"].iloc[0]
        assert total == pytest.approx(high, rel=1e-9), (dep, commodity)


def test_main_job_used_models_for_pxrf_cobalt(sample_run):
    out, _ = sample_run
    log = (out / "pipeline.log").read_text(encoding="utf-8")
    assert "co_ppm readings not used (field/pXRF file" in log
    assert "Training co from" in log
    deposits = _table(out / "tailings_unfc.gpkg", next(t for t, k in _gpkg_tables(out / "tailings_unfc.gpkg").items()
                                                         if k == "features" and "erml" not in t.lower()))
    methods = set(deposits["co_method"].dropna())
    assert {"measured", "analogue"} <= methods or {"regression", "analogue"} <= methods


def test_main_job_summary_workbook_has_numbers(sample_run):
    out, _ = sample_run
    book = load_workbook(out / "tailings_unfc_summary.xlsx", read_only=True)
    assert len(book.sheetnames) >= 5  # one per commodity + run metadata
    numbers = [c for row in book[book.sheetnames[0]].iter_rows(values_only=True) for c in row
               if isinstance(c, (int, float))]
    assert numbers and np.isfinite(numbers).all()


def test_pipeline_refuses_a_missing_assay_file(tailings_provider, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="does not exist"):
        processing.run("tailingsunfc:pipeline", {
            "DEPOSITS": [f"{SAMPLE / 'old_tailings.gpkg'}|layername=avgangsdeponi"],
            "ASSAYS": [str(tmp_path / "no_such_file.xlsx")], "OUTPUT": str(tmp_path / "out")})


def test_pipeline_in_process_is_deterministic(tailings_provider, tmp_path):
    import processing

    def run(folder: Path) -> pd.DataFrame:
        processing.run("tailingsunfc:pipeline", {
            "DEPOSITS": [f"{SAMPLE / 'old_tailings.gpkg'}|layername=avgangsdeponi"],
            "ASSAYS": [str(SAMPLE / "assays_lab.xlsx")], "PROXY_ASSAYS": [str(SAMPLE / "pxrf_field.csv")],
            "SEED": 3, "OUTPUT": str(folder)})
        tables = _gpkg_tables(folder / "tailings_unfc.gpkg")
        name = next(t for t, k in tables.items() if k == "features" and "erml" not in t.lower())
        frame = _table(folder / "tailings_unfc.gpkg", name)
        return frame.drop(columns=[c for c in frame.columns if c in ("classified_at", "fid", "geom")])

    first, second = run(tmp_path / "a"), run(tmp_path / "b")
    pd.testing.assert_frame_equal(first.sort_values("deposit_id").reset_index(drop=True),
                                  second.sort_values("deposit_id").reset_index(drop=True))
