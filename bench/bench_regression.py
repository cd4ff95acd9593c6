"""Regression quality and speed on the bundled sample data (no QGIS needed).

    python bench/bench_regression.py [--target co] [--predictors s_ppm fe2o3_pct] [--seed 42]

Prints, for the target model, the grouped-CV (by deposit) R², RMSE and interval coverage of
every plugin method beside plain scikit-learn baselines (OLS and random forest, default
settings) evaluated on exactly the same folds, the random K-fold R² for comparison, and fit
times; then runs the deposit estimate on the sample deposits and prints method counts.

The samples are read with the plugin's own importer (core.assays) when it is available,
and the deposits with core.deposits; the GeoPackage is read with sqlite3, so GDAL/QGIS are
not needed.
"""
from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.base import clone
from sklearn.ensemble import RandomForestRegressor
from sklearn.linear_model import LinearRegression

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.estimation.conformal import held_out_coverage  # noqa: E402
from core.estimation.deposit_estimates import EstimateSettings, LoadedModel, estimate_deposits  # noqa: E402
from core.estimation.fitting import ModelSpec, train_model  # noqa: E402
from core.estimation.grouping import grouped_splits, random_splits  # noqa: E402
from core.estimation.methods import METHODS  # noqa: E402
from core.estimation.metrics import skill  # noqa: E402
from core.schema import INTERVAL_LEVEL  # noqa: E402

SAMPLE_DATA = ROOT / "resources" / "sample_data"


def read_samples() -> pd.DataFrame:
    from core.assays.importer import import_assays

    lab = import_assays(SAMPLE_DATA / "assays_lab.xlsx").samples
    pxrf = import_assays(SAMPLE_DATA / "pxrf_field.csv").samples
    return pd.concat([lab, pxrf], ignore_index=True)


def _gpkg_wkb(blob: bytes) -> bytes:
    # GeoPackage binary header (OGC 12-128r18 §2.1.3): 8 bytes + envelope sized by flag bits 1-3.
    envelope = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[(blob[3] >> 1) & 7]
    return bytes(blob[8 + envelope:])


def read_deposits() -> pd.DataFrame:
    from core.deposits.importer import import_deposits

    with sqlite3.connect(SAMPLE_DATA / "old_tailings.gpkg") as con:
        raw = pd.read_sql("select * from avgangsdeponi", con)
    raw["geometry"] = raw.pop("geom").map(_gpkg_wkb)
    return import_deposits(raw, geometry_dimension=2).deposits


def baseline(estimator, X: np.ndarray, y: np.ndarray, splits) -> tuple[dict, float, float]:
    t0 = time.perf_counter()
    oof = np.full(len(y), np.nan)
    for train, test in splits:
        oof[test] = clone(estimator).fit(X[train], y[train]).predict(X[test])
    seconds = time.perf_counter() - t0
    coverage, _ = held_out_coverage(y, oof, splits, INTERVAL_LEVEL)
    return skill(y, oof), coverage, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", default="co")
    parser.add_argument("--predictors", nargs="+", default=["s_ppm", "fe2o3_pct"])
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--apply-predictors", nargs="+", default=["s_ppm", "mn_ppm"],
                        help="predictors of the model applied in the estimate: present in lab and pXRF samples")
    parser.add_argument("--proxy-files", nargs="*", default=["pxrf_field.csv"],
                        help="src_file names whose target grades are proxies, not measurements")
    args = parser.parse_args()

    t0 = time.perf_counter()
    samples = read_samples()
    deposits = read_deposits()
    print(f"read {len(samples)} samples and {len(deposits)} deposits in {time.perf_counter() - t0:.2f} s "
          "(SYNTHETIC sample data)")
    rows = []
    fitted = {}
    for method in METHODS:
        t = time.perf_counter()
        model = train_model(samples, ModelSpec(args.target, args.predictors, method=method, seed=args.seed,
                                               cv_folds=args.folds))
        seconds = time.perf_counter() - t
        md = model.metadata["cv"]
        rows.append({"model": f"plugin {method}", "grouped R2 (ln)": md["grouped"]["r2_log"],
                     "grouped RMSE (ln)": md["grouped"]["rmse_log"], "grouped R2 (ppm)": md["grouped"]["r2_ppm"],
                     "coverage": md["coverage"], "random-KFold R2 (ln)": md["random_kfold"]["r2_log"],
                     "seconds (CV+fit)": seconds})
        fitted[method] = model
    ref = fitted["ols"]
    X, y = ref.training.X, ref.training.y
    splits = grouped_splits(ref.grouping.labels, args.folds)
    rsplits = random_splits(len(y), args.folds, args.seed)
    for name, estimator in (("sklearn OLS (baseline)", LinearRegression()),
                            ("sklearn RF (baseline)", RandomForestRegressor(random_state=args.seed, n_jobs=1))):
        grouped, coverage, seconds = baseline(estimator, X, y, splits)
        randomised, _, _ = baseline(estimator, X, y, rsplits)
        rows.append({"model": name, "grouped R2 (ln)": grouped["r2_log"], "grouped RMSE (ln)": grouped["rmse_log"],
                     "grouped R2 (ppm)": grouped["r2_ppm"], "coverage": coverage,
                     "random-KFold R2 (ln)": randomised["r2_log"], "seconds (CV+fit)": seconds})
    table = pd.DataFrame(rows)
    print(f"\ntarget ln({ref.training.target_column}) from {', '.join(args.predictors)} "
          f"({ref.metadata['transform']}); n = {len(y)}; {ref.grouping.description}, {len(splits)} folds; "
          f"nominal interval {INTERVAL_LEVEL:.0%}; baselines on the same folds, coverage from their own "
          "out-of-fold residuals")
    print(table.to_string(index=False, float_format=lambda v: f"{v:.3f}"))

    applied = train_model(samples, ModelSpec(args.target, args.apply_predictors, seed=args.seed, cv_folds=args.folds))
    print(f"\napplied model: ln({args.target}) from {', '.join(args.apply_predictors)} (OLS): grouped R2 = "
          f"{applied.cv_r2:.3f}, coverage = {applied.coverage:.3f}; proxy files: {', '.join(args.proxy_files)}")
    t = time.perf_counter()
    result = estimate_deposits(deposits, samples, {args.target: LoadedModel(applied.pipeline, applied.metadata)},
                               EstimateSettings(seed=args.seed, proxy_files=tuple(args.proxy_files)))
    seconds = time.perf_counter() - t
    print(f"\nestimate: {len(deposits)} deposits × 4 commodities in {seconds:.2f} s (2000 Monte Carlo draws)")
    for message in result.messages:
        print("  " + message)
    out = result.frame
    print(out[["deposit_id", f"{args.target}_method", f"{args.target}_n", f"{args.target}_ppm",
               f"{args.target}_t_lo", f"{args.target}_t", f"{args.target}_t_hi"]].to_string(
        index=False, float_format=lambda v: f"{v:,.1f}"))


if __name__ == "__main__":
    main()
