"""The same inputs give the same results on any CPU (issue: the suite failed on an AVX2 machine).

numpy picks SIMD code paths for exp/log/sin at run time (AVX-512 here, AVX2 or plain SSE
elsewhere), and their results differ in the last bit. ``NPY_DISABLE_CPU_FEATURES`` switches
every dispatched path off, which gives the plain-C results another machine may compute. The
pipeline must then export the same figures (within float tolerance) and the same content hash.
"""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from core.export.frames import ExportFrames
from core.export.provenance import content_hash

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "sample_data"


def _dispatched_features() -> str:
    from numpy.core._multiarray_umath import __cpu_dispatch__
    return " ".join(__cpu_dispatch__)


def _run_pipeline(out: Path, extra_env: dict[str, str]) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **extra_env}
    params = {"DEPOSITS": [f"{SAMPLE / 'old_tailings.gpkg'}|layername=avgangsdeponi"],
              "ASSAYS": [str(SAMPLE / "assays_lab.xlsx")], "PROXY_ASSAYS": [str(SAMPLE / "pxrf_field.csv")],
              "OUTPUT": str(out)}
    proc = subprocess.run(["qgis_process", "--json", "run", "tailingsunfc:pipeline", "-"],
                          input=json.dumps({"inputs": params}), capture_output=True, text=True,
                          timeout=900, env=env)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]


def _export(folder: Path) -> tuple[pd.DataFrame, pd.DataFrame, str]:
    with sqlite3.connect(folder / "tailings_unfc.gpkg") as db:
        deposits = pd.read_sql('SELECT * FROM "deposits"', db).drop(columns=["fid", "geom", "classified_at"])
        quantities = pd.read_sql('SELECT * FROM "quantities"', db).drop(columns=["fid"], errors="ignore")
        hashes = [r[0] for r in db.execute('SELECT content_hash FROM "export_runs"')]
    assert len(hashes) == 1
    key = ["deposit_id"]
    qkey = [c for c in ("deposit_id", "commodity", "unfc_g") if c in quantities.columns]
    return (deposits.sort_values(key).reset_index(drop=True),
            quantities.sort_values(qkey).reset_index(drop=True), hashes[0])


@pytest.fixture(scope="module")
def two_cpu_paths(tmp_path_factory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("cpu_paths")
    _run_pipeline(base / "dispatched", {})
    _run_pipeline(base / "plain_c", {"NPY_DISABLE_CPU_FEATURES": _dispatched_features()})
    return base / "dispatched", base / "plain_c"


def test_pipeline_figures_agree_across_simd_paths(two_cpu_paths):
    (dep_a, qty_a, _), (dep_b, qty_b, _) = (_export(p) for p in two_cpu_paths)
    assert len(dep_a) == len(dep_b) > 0 and len(qty_a) == len(qty_b) > 0
    for a, b in ((dep_a, dep_b), (qty_a, qty_b)):
        assert list(a.columns) == list(b.columns)
        numeric = a.select_dtypes(include="number").columns
        # Exact for text (ids, classes, codes, rationale); tolerance for arithmetic results.
        pd.testing.assert_frame_equal(a.drop(columns=numeric), b.drop(columns=numeric))
        np.testing.assert_allclose(a[numeric].to_numpy(float), b[numeric].to_numpy(float),
                                   rtol=1e-9, atol=1e-9, equal_nan=True)


def test_content_hash_is_the_same_across_simd_paths(two_cpu_paths):
    hash_a, hash_b = (_export(p)[2] for p in two_cpu_paths)
    assert len(hash_a) == 64 and hash_a == hash_b


def _frames(values: np.ndarray, stamp: str, shift: float = 0.0) -> ExportFrames:
    import shapely
    points = shapely.points(np.array([[500_000.0 + shift, 7_000_000.0], [510_000.0, 7_010_000.0 + shift]]))
    deposits = pd.DataFrame({"deposit_id": ["A", "B"], "co_ppm": values,
                             "classified_at": pd.to_datetime([stamp, stamp]),
                             "geometry": list(shapely.to_wkb(points))})
    quantities = pd.DataFrame({"deposit_id": ["A", "B"], "quantity_t": values * 10})
    return ExportFrames(deposits=deposits, quantities=quantities, specs=())


def test_content_hash_covers_content_not_run_time_or_last_bits():
    values = np.array([1234.5678, 0.0123456])
    reference = content_hash(_frames(values, "2026-01-01T00:00:00"))
    # Another run's time, and values one ulp away (what another CPU computes): same hash.
    assert content_hash(_frames(values, "2026-12-01T12:34:56")) == reference
    assert content_hash(_frames(np.nextafter(values, np.inf), "2026-01-01T00:00:00")) == reference
    assert content_hash(_frames(values, "2026-01-01T00:00:00", shift=1e-9)) == reference
    # A change a reader could see in the figures or on the map: another hash.
    assert content_hash(_frames(values * (1 + 1e-4), "2026-01-01T00:00:00")) != reference
    assert content_hash(_frames(values, "2026-01-01T00:00:00", shift=0.01)) != reference


def test_rerun_into_the_same_folder_is_idempotent(two_cpu_paths):
    """Same inputs, same folder: the deposits and the one export_runs row are replaced, not
    added to, because the run id derives from the content hash (which leaves out the time)."""
    folder = two_cpu_paths[0]
    before_deposits, before_quantities, before_hash = _export(folder)
    _run_pipeline(folder, {})
    after_deposits, after_quantities, after_hash = _export(folder)  # asserts one export_runs row
    assert after_hash == before_hash
    assert len(after_deposits) == len(before_deposits) and len(after_quantities) == len(before_quantities)
