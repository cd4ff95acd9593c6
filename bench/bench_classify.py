"""Benchmark: UNFC classification of 1,000,000 deposit x commodity rows (goal >= 500,000 rows/s).

    python bench/bench_classify.py [--deposits 250000] [--repeat 3]

Builds a synthetic Estimates frame (docs/DEVELOPING.md format; 4 commodities per deposit,
so 250,000 deposits = 1,000,000 deposit x commodity rows) with mixed methods, settings,
project and permit statuses, and times ``core.unfc.classify_estimates`` on it: E, F, G,
classes, rationale (English) and the long quantities table. Best of N runs is reported, plus
the class distribution and a check that no sampled (measured/regression) pair is G4. No QGIS
needed. Figures are printed, not asserted.
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "test")]

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from unfc_support import random_estimates  # noqa: E402

from core.schema import COMMODITIES  # noqa: E402
from core.unfc import classify_estimates, load_rules  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deposits", type=int, default=250_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rules = load_rules()
    frame = random_estimates(args.deposits, seed=20261122)
    pairs = len(frame) * len(COMMODITIES)
    times, cpu_times = [], []
    result = None
    for language in ["en"] * args.repeat + ["nb"]:
        start, cpu_start = time.perf_counter(), time.process_time()
        result = classify_estimates(frame, rules, language=language)
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
        if language == "en":
            times.append(elapsed)
            cpu_times.append(cpu)
        else:
            nb_time = elapsed
    best = min(times)
    best_cpu = min(cpu_times)
    print(f"deposits: {len(frame):,}  deposit x commodity rows: {pairs:,}  quantity rows: "
          f"{len(result.quantities):,}")
    print(f"classify_estimates, best of {args.repeat}: {best:.3f} s = {pairs / best:,.0f} rows/s "
          f"(goal >= 500,000 rows/s); all runs: {', '.join(f'{t:.3f}' for t in times)} s")
    print(f"CPU time of the same runs, best: {best_cpu:.3f} s = {pairs / best_cpu:,.0f} rows/s (single-threaded; "
          "wall time is higher when other processes compete for the cores)")
    print(f"Norwegian rationale run: {nb_time:.3f} s = {pairs / nb_time:,.0f} rows/s")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB")
    print("deposits per class (headline commodity):")
    for name, count in sorted(result.class_counts.items(), key=lambda kv: -kv[1]):
        print(f"  {count:9,d}  {name}")
    # UNFC: a deposit with its own samples (measured, regression) is a known source, never G4.
    q = result.quantities
    row = pd.Index(frame["deposit_id"]).get_indexer(q["deposit_id"])
    col = q["commodity"].cat.codes.to_numpy()
    methods = np.column_stack([frame[f"{c}_method"].to_numpy(dtype=object) for c in COMMODITIES])[row, col]
    sampled = np.isin(methods, ["measured", "regression"])
    g4 = q["unfc_g"].astype(str).str.startswith("G4").to_numpy()
    print(f"quantity rows of sampled deposit x commodity pairs: {int(sampled.sum()):,}, of them G4: "
          f"{int((sampled & g4).sum())} (must be 0); analogue rows: {int((methods == 'analogue').sum()):,}, "
          f"of them G4: {int(((methods == 'analogue') & g4).sum()):,}")


if __name__ == "__main__":
    main()
