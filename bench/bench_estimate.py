"""Speed and memory of the deposit estimate at national scale (no QGIS needed).

    python bench/bench_estimate.py [--deposits 100000] [--samples 1000000] [--iterations 1000 2000]

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
    args = parser.parse_args()
    rng = np.random.default_rng(0)
    ids = pd.Series(np.arange(args.deposits)).map("D{:06d}".format)
    deposits = pd.DataFrame({"deposit_id": ids, "tonnage_t": rng.uniform(1e4, 1e7, args.deposits),
                             "tonnage_source": "recorded", "ore_type": "VMS", "source_commodity": "Cu, Zn"})
    samples = pd.DataFrame({"sample_id": np.arange(args.samples).astype(str),
                            "deposit_id": ids.to_numpy()[rng.integers(0, args.deposits, args.samples)]})
    for c in COMMODITIES:
        samples[f"{c}_ppm"] = np.exp(rng.normal(5, 1, args.samples))
    print(f"{args.deposits:,} deposits, {args.samples:,} samples, {len(COMMODITIES)} commodities")
    for iterations in args.iterations:
        t0 = time.perf_counter()
        result = estimate_deposits(deposits, samples, {}, EstimateSettings(iterations=iterations))
        seconds = time.perf_counter() - t0
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        counts = result.frame["co_method"].value_counts().to_dict()
        print(f"iterations {iterations:>5}: {seconds:6.1f} s  {args.deposits / seconds:9,.0f} deposits/s  "
              f"peak RSS {rss:,.0f} MB  co methods {counts}")


if __name__ == "__main__":
    main()
