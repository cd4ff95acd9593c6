"""Regression quality and speed: sample data, real laterite data, national-scale cost (no QGIS).

    python bench/bench_regression.py [--target co] [--predictors s_ppm fe2o3_pct] [--seed 42]
                                     [--real] [--scale 300000]

Prints, for the target model, the grouped-CV (by deposit) R² (pooled out-of-fold, and mean ±
SD over folds), RMSE and interval coverage of every plugin method, ``auto`` included, beside
plain scikit-learn baselines (OLS, random forest and gradient boosting, default settings)
evaluated on exactly the same folds, the random K-fold R² for comparison, and fit times; then
runs the deposit estimate on the sample deposits and prints method counts.

``--real`` prints the same table for the CSIRO-AGE laterite data in test/data/real (REAL,
public; CV groups are 0.5° cells). ``--scale N`` times training with METHOD=ols (the old
default) and METHOD=auto (the new one) on N synthetic rows drawn like the national workload's
lab samples (bench/national_data.py), and applying each model to 1,000,000 rows.

The samples are read with the plugin's own importer (core.assays) when it is available,
and the deposits with core.deposits; the GeoPackage is read with sqlite3, so GDAL/QGIS are
not needed.
"""
from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.base import clone
from sklearn.ensemble import GradientBoostingRegressor, RandomForestRegressor
from sklearn.linear_model import LinearRegression

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.estimation.conformal import held_out_coverage  # noqa: E402
from core.estimation.deposit_estimates import EstimateSettings, LoadedModel, estimate_deposits  # noqa: E402
from core.estimation.fitting import ModelSpec, train_model  # noqa: E402
from core.estimation.grouping import grouped_splits, random_splits  # noqa: E402
from core.estimation.methods import METHODS  # noqa: E402
from core.estimation.metrics import fold_r2_spread, skill  # noqa: E402
from core.estimation.prediction import predict_samples  # noqa: E402
from core.schema import INTERVAL_LEVEL  # noqa: E402

SAMPLE_DATA = ROOT / "resources" / "sample_data"
REAL_LATERITE = ROOT / "test" / "data" / "real" / "csiro_age_laterite_co.csv"
# CSV column -> canonical sample column (test/data/real/SOURCES.md).
LATERITE_COLUMNS = {"SampNo": "sample_id", "Co_ppm": "co_ppm", "Fe2O3": "fe2o3_pct", "Mn_ppm": "mn_ppm",
                    "Cu_ppm": "cu_ppm", "Zn_ppm": "zn_ppm", "Ni_ppm": "ni_ppm", "Cr_ppm": "cr_ppm"}


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


def read_laterite() -> pd.DataFrame:
    raw = pd.read_csv(REAL_LATERITE)
    frame = raw[list(LATERITE_COLUMNS)].rename(columns=LATERITE_COLUMNS)
    cells = [np.floor(raw[c] / 0.5).astype(int).astype(str) for c in ("LATITUDE", "LONGITUDE")]
    return frame.assign(cell=cells[0] + "_" + cells[1])


def baseline(estimator, X: np.ndarray, y: np.ndarray, splits) -> tuple[dict, float, float, tuple]:
    t0 = time.perf_counter()
    oof = np.full(len(y), np.nan)
    for train, test in splits:
        oof[test] = clone(estimator).fit(X[train], y[train]).predict(X[test])
    seconds = time.perf_counter() - t0
    coverage, _ = held_out_coverage(y, oof, splits, INTERVAL_LEVEL)
    return skill(y, oof), coverage, seconds, fold_r2_spread(y, oof, splits)


def _row(name: str, grouped: dict, spread: tuple, coverage: float, randomised: float, seconds: float) -> dict:
    return {"model": name, "grouped R2 (ln) pooled": grouped["r2_log"], "fold mean": spread[0],
            "fold sd": spread[1], "grouped RMSE (ln)": grouped["rmse_log"], "grouped R2 (ppm)": grouped["r2_ppm"],
            "coverage": coverage, "random-KFold R2 (ln)": randomised, "seconds (CV+fit)": seconds}


def method_table(samples: pd.DataFrame, spec: ModelSpec) -> None:
    """Every plugin method (auto too) and the plain baselines, on the same grouped folds."""
    rows, fitted = [], {}
    for method in METHODS:
        t = time.perf_counter()
        model = train_model(samples, replace(spec, method=method))
        seconds = time.perf_counter() - t
        cv = model.metadata["cv"]
        name = f"plugin {method}" + (f" -> {model.metadata['method']}" if method == "auto" else "")
        rows.append(_row(name, cv["grouped"], (cv["fold_r2_mean"], cv["fold_r2_sd"]), cv["coverage"],
                         cv["random_kfold"]["r2_log"], seconds))
        fitted[method] = model
    ref = fitted["ols"]
    X, y = ref.training.X, ref.training.y
    splits = grouped_splits(ref.grouping.labels, spec.cv_folds)
    rsplits = random_splits(len(y), spec.cv_folds, spec.seed)
    for name, estimator in (("sklearn OLS (baseline)", LinearRegression()),
                            ("sklearn RF (baseline)", RandomForestRegressor(random_state=spec.seed, n_jobs=1)),
                            ("sklearn GB (baseline)", GradientBoostingRegressor(random_state=spec.seed))):
        grouped, coverage, seconds, spread = baseline(estimator, X, y, splits)
        randomised = baseline(estimator, X, y, rsplits)[0]["r2_log"]
        rows.append(_row(name, grouped, spread, coverage, randomised, seconds))
    print(f"\ntarget ln({ref.training.target_column}) from {', '.join(spec.predictors)} "
          f"({ref.metadata['transform']}); n = {len(y)}; {ref.grouping.description}, {len(splits)} folds; "
          f"nominal interval {INTERVAL_LEVEL:.0%}; baselines on the same folds, coverage from their own "
          "out-of-fold residuals; pooled = one R² over all held-out predictions, fold mean/sd = of the "
          "per-fold R²")
    print(pd.DataFrame(rows).to_string(index=False, float_format=lambda v: f"{v:.3f}"))


def national_like(n: int, seed: int) -> pd.DataFrame:
    """Lab rows drawn like bench/national_data.py's (same Co law, ~3 samples per deposit)."""
    rng = np.random.default_rng(seed)
    s, fe = np.exp(rng.normal(0.3, 0.6, n)), np.exp(rng.normal(2.3, 0.3, n))
    frame = pd.DataFrame({"deposit_id": (rng.integers(0, max(n // 3, 2), n)).astype(str),
                          "s_ppm": s * 1e4, "fe_ppm": fe * 1e4,
                          "co_ppm": np.exp(3.5 + 0.9 * np.log(s) + 0.3 * np.log(fe) + rng.normal(0, 0.25, n))})
    for name, (mu, sd) in {"ca_ppm": (10.2, 0.4), "p_ppm": (6.5, 0.4), "mn_ppm": (7, 0.3),
                           "cu_ppm": (6.5, 0.6), "zn_ppm": (7, 0.6)}.items():
        frame[name] = np.exp(rng.normal(mu, sd, n))
    return frame


def scale_timing(n: int, seed: int) -> None:
    frame = national_like(n, seed)
    predictors = ["s_ppm", "fe_ppm", "p_ppm", "ca_ppm", "mn_ppm", "cu_ppm", "zn_ppm"]
    apply_to = national_like(1_000_000, seed + 1)
    print(f"\nnational-scale cost: {n} training rows, {len(predictors)} predictors, applied to {len(apply_to)} rows")
    for method in ("ols", "auto"):
        t, cpu = time.perf_counter(), time.process_time()
        model = train_model(frame, ModelSpec("co", predictors, method=method, group_field="deposit_id", seed=seed))
        train_s, train_cpu = time.perf_counter() - t, time.process_time() - cpu
        t = time.perf_counter()
        predict_samples(model.pipeline, model.metadata, apply_to)
        predict_s = time.perf_counter() - t
        print(f"  METHOD={method:4s} -> {model.metadata['method']:17s} train {train_s:6.2f} s ({train_cpu:.2f} s CPU), "
              f"apply {predict_s:5.2f} s, pooled R2 {model.cv_r2:.3f}, "
              f"per fold {model.cv_r2_fold_mean:.3f} ± {model.cv_r2_fold_sd:.3f}")


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
    parser.add_argument("--real", action="store_true", help="also the table on the real CSIRO-AGE laterite data")
    parser.add_argument("--scale", type=int, default=0, help="also time ols vs auto on this many synthetic rows")
    args = parser.parse_args()

    t0 = time.perf_counter()
    samples = read_samples()
    deposits = read_deposits()
    print(f"read {len(samples)} samples and {len(deposits)} deposits in {time.perf_counter() - t0:.2f} s "
          "(SYNTHETIC sample data)")
    method_table(samples, ModelSpec(args.target, args.predictors, seed=args.seed, cv_folds=args.folds))
    if args.real:
        print(f"\nREAL data: {REAL_LATERITE.relative_to(ROOT)} (CSIRO-AGE laterites, CC BY 4.0)")
        method_table(read_laterite(), ModelSpec("co", list(LATERITE_COLUMNS.values())[2:], group_field="cell",
                                                seed=args.seed, cv_folds=args.folds))
    if args.scale:
        scale_timing(args.scale, args.seed)

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
