"""Speed and memory of the deposit estimate at national scale (no QGIS needed).

    python bench/bench_estimate.py [--deposits 100000] [--samples 1000000] [--iterations 1000 2000]
                                   [--censored 0.1]

Synthetic deposits (recorded tonnage) and log-normal co/cu/zn/tree grades spread at random
over them; prints seconds, deposits per second and peak RSS for each iteration count.
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.estimation.deposit_estimates import EstimateSettings, estimate_deposits  # noqa: E402
from core.schema import COMMODITIES  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deposits", type=int, default=100_000)
    parser.add_argument("--samples", type=int, default=1_000_000)
    parser.add_argument("--iterations", type=int, nargs="+", default=[1000, 2000])
    parser.add_argument("--censored", type=float, default=0.0,
                        help="share of grades below a detection limit (flagged censored, DL/2 substituted)")
    args = parser.parse_args()
    rng = np.random.default_rng(0)
    ids = pd.Series(np.arange(args.deposits)).map("D{:06d}".format)
    deposits = pd.DataFrame({"deposit_id": ids, "tonnage_t": rng.uniform(1e4, 1e7, args.deposits),
                             "tonnage_source": "recorded", "ore_type": "VMS", "source_commodity": "Cu, Zn"})
    samples = pd.DataFrame({"sample_id": np.arange(args.samples).astype(str),
                            "deposit_id": ids.to_numpy()[rng.integers(0, args.deposits, args.samples)]})
    for c in COMMODITIES:
        samples[f"{c}_ppm"] = np.exp(rng.normal(5, 1, args.samples))
    if args.censored > 0:
        # One detection limit per commodity (its quantile at the censored share), as from one lab.
        for c in COMMODITIES:
            dl = float(np.quantile(samples[f"{c}_ppm"], args.censored))
            below = samples[f"{c}_ppm"] < dl
            samples[f"{c}_flag"] = np.where(below, "censored", None)
            samples[f"{c}_dl"] = np.where(below, dl, np.nan)
            samples.loc[below, f"{c}_ppm"] = dl / 2
    print(f"{args.deposits:,} deposits, {args.samples:,} samples, {len(COMMODITIES)} commodities")
    for iterations in args.iterations:
        t0, c0 = time.perf_counter(), time.process_time()
        result = estimate_deposits(deposits, samples, {}, EstimateSettings(iterations=iterations))
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        counts = result.frame["co_method"].value_counts().to_dict()
        # CPU time beside wall time: on a shared machine the wall time follows the load.
        print(f"iterations {iterations:>5}: {seconds:6.1f} s ({cpu:6.1f} s CPU)  {args.deposits / seconds:9,.0f} "
              f"deposits/s  peak RSS {rss:,.0f} MB  co methods {counts}")


if __name__ == "__main__":
    main()
