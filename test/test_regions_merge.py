"""Two regions run in parallel into one PostGIS schema equal one run over the whole area
(scripts/run_regions.py; issue 12, point 5), and the comparison itself catches each kind of
difference (core/export/run_comparison.py)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from core.export.run_comparison import DEFAULT_TOLERANCE, compare_quantities, compare_runs, pool_dependent_pairs

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "sample_data"


def _frame() -> pd.DataFrame:
    """A deposits table as the export writes it: two commodities, percentiles, methods."""
    n = 6
    rng = np.random.default_rng(7)
    mean = rng.uniform(100, 1000, n)
    frame = pd.DataFrame({
        "deposit_id": [f"D{i}" for i in range(n)], "geom_md5": [f"g{i}" for i in range(n)],
        "co_ppm": mean, "co_ppm_lo": mean * 0.8, "co_ppm_hi": mean * 1.2,
        "co_n": [12] * n, "co_method": ["measured"] * n, "co_estimator": ["lognormal"] * n,
        "cu_ppm": mean / 2, "cu_ppm_lo": mean * 0.4, "cu_ppm_hi": mean * 0.6,
        "cu_n": [0, 0, 0, 12, 12, 3], "cu_method": ["analogue"] * 3 + ["measured"] * 3,
        "cu_estimator": [None] * 3 + ["arithmetic"] * 3,
        "unfc_e": ["E3.3"] * n, "unfc_g": ["G2"] * n, "unfc_class": ["Remaining products"] * n,
        "unfc_rationale": ["text"] * n,
        "classified_at": pd.Timestamp("2026-12-01"),
    })
    return frame


def _noise(frame: pd.DataFrame, share: float) -> pd.DataFrame:
    """Shift every percentile by ``share`` of its P90–P10 width, as a Monte Carlo would."""
    out = frame.copy()
    for c in ("co", "cu"):
        width = frame[f"{c}_ppm_hi"] - frame[f"{c}_ppm_lo"]
        for s in ("_ppm", "_ppm_lo", "_ppm_hi"):
            out[f"{c}{s}"] = frame[f"{c}{s}"] + share * width
    return out


def _set(frame: pd.DataFrame, row: int, column: str, value) -> pd.DataFrame:
    out = frame.copy()
    out.loc[row, column] = value
    return out


# (case, merged table from the single one, expected: attribute of the result that must be non-empty or None)
CASES = [
    ("identical", lambda f: f.copy(), None),
    ("monte carlo noise within the tolerance", lambda f: _noise(f, DEFAULT_TOLERANCE * 0.5), None),
    ("other run time and rationale text", lambda f: _set(_set(f, 0, "unfc_rationale", "x"), 1, "classified_at",
                                                         pd.Timestamp("2027-01-01")), None),
    ("order of rows", lambda f: f.iloc[::-1].reset_index(drop=True), None),
    ("analogue estimate from a smaller pool", lambda f: _set(f, 0, "cu_ppm", 1e6), None),
    ("noise beyond the tolerance", lambda f: _noise(f, DEFAULT_TOLERANCE * 2), "percentile_differences"),
    ("a sample count", lambda f: _set(f, 2, "co_n", 11), "exact_differences"),
    ("an estimator", lambda f: _set(f, 2, "co_estimator", "arithmetic"), "exact_differences"),
    ("a geometry", lambda f: _set(f, 3, "geom_md5", "other"), "exact_differences"),
    ("a G axis", lambda f: _set(f, 4, "unfc_g", "G3"), "class_differences"),
    ("a deposit missing", lambda f: f.drop(index=3).reset_index(drop=True), "missing"),
    ("a deposit too many", lambda f: pd.concat([f, _set(f, 0, "deposit_id", "EXTRA").iloc[:1]]), "extra"),
    ("an E axis", lambda f: _set(f, 4, "unfc_e", "E2"), "class_differences"),
]


@pytest.mark.parametrize(("case", "make", "expected"), CASES, ids=[c[0] for c in CASES])
def test_comparison_cases(case, make, expected):
    single = _frame()
    result = compare_runs(single, make(single))
    if expected is None:
        assert result.equal, result.lines()
    else:
        assert not result.equal
        assert getattr(result, expected), result.lines()
    assert result.pool_dependent_pairs == 4  # three analogue cu pairs and one cu from 3 samples


def test_lost_pool_dependent_estimate_is_named_not_hidden():
    """A deposit with 3 samples whose region has no deposit with enough samples to pool a
    spread from gets no estimate there: listed as lost, not counted as an own-sample difference."""
    single = _frame()
    merged = _set(_set(single, 5, "cu_method", "none"), 5, "cu_n", 0)
    result = compare_runs(single, merged)
    assert result.lost_estimates == ["D5.cu: measured (single) vs none (region)"]
    assert result.equal
    assert any(line.startswith("pool-dependent pairs with an estimate in one run only") for line in result.lines())


def test_quantity_keys_compared_outside_pool_dependent_pairs():
    single = pd.DataFrame({"deposit_id": ["D0", "D0", "D1"], "commodity": ["co", "co", "cu"],
                           "unfc_g": ["G1", "G2", "G3"]})
    assert compare_quantities(single, single.iloc[:2], {("D1", "cu")}) == []
    assert compare_quantities(single, single.iloc[1:], set()) == ["only in the single run: ('D0', 'co', 'G1')"]
    assert pool_dependent_pairs(_frame()) == {("D0", "cu"), ("D1", "cu"), ("D2", "cu"), ("D5", "cu")}


@pytest.fixture
def postgis_service(tmp_path):
    from postgis_support import running_postgis_server

    with running_postgis_server() as server:
        service = tmp_path / "pg_service.conf"
        service.write_text(f"[tailings_regions]\nhost={server.host}\nport={server.port}\n"
                           f"dbname={server.dbname}\nuser={server.user}\n")
        password = tmp_path / "pgpass"
        password.write_text(f"{server.host}:{server.port}:{server.dbname}:{server.user}:{server.password}\n")
        password.chmod(0o600)
        yield {"PGSERVICEFILE": str(service), "PGPASSFILE": str(password)}, server


def _gpkg_counts(path: Path, column: str) -> dict[str, int]:
    from osgeo import ogr

    source = ogr.Open(str(path))  # keep the data source alive while its layer is read
    layer = source.GetLayerByName("deposits")
    return {f.GetField("deposit_id"): f.GetField(column) for f in layer}


def test_two_regions_in_parallel_equal_a_single_run(postgis_service, tmp_path):
    env, server = postgis_service
    work, report = tmp_path / "runs", tmp_path / "report.json"
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "run_regions.py"),
         "--deposits", f"{SAMPLE / 'old_tailings.gpkg'}|layername=avgangsdeponi", "--region-field", "kommune",
         "--assays", str(SAMPLE / "assays_lab.xlsx"), "--proxy-assays", str(SAMPLE / "pxrf_field.csv"),
         "--service", "tailings_regions", "--work", str(work), "--report", str(report)],
        env={**os.environ, **env}, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=900)
    assert done.returncode == 0, done.stdout + done.stderr
    assert server.password not in done.stdout + done.stderr
    result = json.loads(report.read_text())
    assert result["equal"] is True
    assert result["rows_before"] == result["rows_after"]  # re-export of a region changed nothing
    assert result["rows_after"]["deposits"] == 30
    assert 0 < result["max_width_share"] <= DEFAULT_TOLERANCE  # percentiles differ by MC error only
    # Each region's run holds only its own deposits, and together they are the whole layer.
    region_ids = [set(_gpkg_counts(work / r / "tailings_unfc.gpkg", "co_n")) for r in ("region1", "region2")]
    single_n = _gpkg_counts(work / "single" / "tailings_unfc.gpkg", "cu_n")
    assert region_ids[0].isdisjoint(region_ids[1])
    assert region_ids[0] | region_ids[1] == set(single_n)
    # A lost estimate is named, and only for deposits whose spread is pooled (fewer than 5 samples).
    lost = [line for line in result["lines"] if line.startswith("pool-dependent pairs with an estimate")]
    for item in (lost[0].split(": ", 1)[1].split("; ") if lost else []):
        deposit, commodity = item.split(":")[0].split(".")
        assert 0 < _gpkg_counts(work / "single" / "tailings_unfc.gpkg", f"{commodity}_n")[deposit] < 5
