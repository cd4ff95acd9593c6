"""Monte Carlo error of the deposit estimates' P90 / P10 against a 20,000-draw reference.

    python bench/bench_mc_precision.py [--deposits 1000] [--iterations 500 1000 2000]

Synthetic deposits (recorded tonnage, log-normal grades, 3-40 samples each) are estimated
with each draw count and with 20,000 draws and the same seed; prints, per output, the
median and 95th percentile of |P − P_ref| relative to the reference's P90–P10 width (the
uncertainty the interval reports), and the seconds of each run. No QGIS needed.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.estimation.deposit_estimates import EstimateSettings, estimate_deposits

REFERENCE = 20_000
OUTPUTS = (("co_ppm_lo", "co_ppm_hi", "grade"), ("co_t_lo", "co_t_hi", "contained metal"),
           ("tonnage_t_lo", "tonnage_t_hi", "tonnage"))


def workload(n: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = np.random.default_rng(3)
    ids = pd.Series(np.arange(n)).map("D{:05d}".format)
    deposits = pd.DataFrame({"deposit_id": ids, "tonnage_t": rng.uniform(1e4, 1e7, n),
                             "tonnage_source": "recorded", "ore_type": "VMS", "source_commodity": "Cu, Zn"})
    per = rng.integers(3, 41, n)
    which = np.repeat(np.arange(n), per)
    samples = pd.DataFrame({"sample_id": np.arange(len(which)).astype(str), "deposit_id": ids.to_numpy()[which],
                            "co_ppm": np.exp(rng.normal(4, 0.4, n)[which] + rng.normal(0, 0.8, len(which)))})
    return deposits, samples


def run(deposits: pd.DataFrame, samples: pd.DataFrame, iterations: int) -> tuple[pd.DataFrame, float]:
    # Chunks small enough that 20,000 draws stay within a few hundred MB.
    settings = EstimateSettings(iterations=iterations, chunk_deposits=max(100, 2_000_000 // iterations))
    start = time.perf_counter()
    frame = estimate_deposits(deposits, samples, {}, settings).frame
    return frame, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deposits", type=int, default=1000)
    parser.add_argument("--iterations", type=int, nargs="+", default=[500, 1000, 2000])
    args = parser.parse_args()
    deposits, samples = workload(args.deposits)
    ref, ref_seconds = run(deposits, samples, REFERENCE)
    print(f"{args.deposits} deposits, {len(samples)} samples; reference {REFERENCE} draws: {ref_seconds:.1f} s")
    for iterations in args.iterations:
        frame, seconds = run(deposits, samples, iterations)
        parts = []
        for lo, hi, label in OUTPUTS:
            width = (ref[hi] - ref[lo]).to_numpy()
            for column, name in ((lo, "P90"), (hi, "P10")):
                err = np.abs(frame[column].to_numpy() - ref[column].to_numpy()) / width
                ok = np.isfinite(err)
                parts.append(f"{label} {name} {np.median(err[ok]):.1%}/{np.quantile(err[ok], 0.95):.1%}")
        print(f"{iterations:>6d} draws ({seconds:5.1f} s): error / reference P90-P10 width, median/95th pct: "
              + "; ".join(parts))


if __name__ == "__main__":
    main()
