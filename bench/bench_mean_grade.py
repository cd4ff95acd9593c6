"""Simulation study of the deposit mean-grade estimator, old (log-normal) beside new.

    python bench/bench_mean_grade.py [--deposits-per-cell 1000] [--seed 1] [--out table.md]

Synthetic deposits of known population mean (100 ppm) from four families, for every
n ∈ {3, 5, 10, 20, 50, 150} and censored fraction ∈ {0, 10, 30, 50 %} (the detection limit
is the population quantile at that fraction, so the number censored varies as it does in
a lab). Per cell it prints the median and 90th percentile of |relative error| of the best
estimate and the coverage of the 80 % interval, for:

- old: today's estimator before issue 11 (DL/2 substituted, log-normal generalized
  pivotal for every deposit, best = P50 of the draws);
- new: ``core.estimation.mean_grade.MeanGradeEstimator``;
- oracle (the noise floor): the plain mean of the *uncensored* true values with its t
  interval, i.e. the sampling noise of n samples that no estimator beats on average.

Goal (issue 11): median |error| ≤ 5 % and coverage 75–85 % for n ≥ 10 in every cell. Each
cell with n ≥ 10 gets a verdict per estimator: "met" (the goal), "met relative to floor"
(median |error| ≤ max(5 %, oracle's + 1 point) and coverage 75–85 %: no estimator can pin
the mean closer than n samples allow) or "not met".
"""
from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import stats

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.estimation.lognormal_mean import mean_grade_draws  # noqa: E402
from core.estimation.mean_grade import MeanGradeEstimator  # noqa: E402

TRUE_MEAN = 100.0
SIZES = (3, 5, 10, 20, 50, 150)
CENSORED = (0.0, 0.1, 0.3, 0.5)
LEVEL = 0.8
GOAL_ERROR, GOAL_COVERAGE, GOAL_MIN_N = 0.05, (0.75, 0.85), 10
FLOOR_MARGIN = 0.01  # "met relative to floor": within 1 point of the oracle's median error
VERDICTS = ("met", "met relative to floor", "not met")


@dataclass(frozen=True)
class Family:
    """A population of grades with mean TRUE_MEAN: a sampler and its quantile function."""

    name: str
    draw: Callable[[np.random.Generator, tuple[int, int]], np.ndarray]
    quantile: Callable[[float], float]


def _lognormal(sigma: float) -> Family:
    mu = np.log(TRUE_MEAN) - sigma ** 2 / 2
    return Family(f"lognormal (sd ln {sigma})", lambda rng, shape: np.exp(rng.normal(mu, sigma, shape)),
                  lambda q: float(np.exp(mu + sigma * stats.norm.ppf(q))))


def _normal(cv: float) -> Family:
    sd = cv * TRUE_MEAN
    return Family(f"normal (cv {cv})", lambda rng, shape: rng.normal(TRUE_MEAN, sd, shape),
                  lambda q: float(stats.norm.ppf(q, TRUE_MEAN, sd)))


def _uniform(half_width: float) -> Family:
    lo = TRUE_MEAN * (1 - half_width)
    width = 2 * half_width * TRUE_MEAN
    return Family(f"uniform ({lo:g}-{lo + width:g})", lambda rng, shape: rng.uniform(lo, lo + width, shape),
                  lambda q: lo + q * width)


def _mixture(share_high: float, ratio: float, sigma: float) -> Family:
    """Two log-normal populations (e.g. two ore types in one deposit), overall mean TRUE_MEAN."""
    low_mean = TRUE_MEAN / (1 - share_high + share_high * ratio)
    mus = np.log(np.array([low_mean, low_mean * ratio])) - sigma ** 2 / 2

    def draw(rng: np.random.Generator, shape: tuple[int, int]) -> np.ndarray:
        high = rng.random(shape) < share_high
        return np.exp(rng.normal(np.where(high, mus[1], mus[0]), sigma))

    def quantile(q: float) -> float:
        cdf = lambda x: (1 - share_high) * stats.norm.cdf((np.log(x) - mus[0]) / sigma) \
            + share_high * stats.norm.cdf((np.log(x) - mus[1]) / sigma)  # noqa: E731
        from scipy.optimize import brentq
        return float(brentq(lambda x: cdf(x) - q, 1e-9, 1e6))

    return Family(f"mixture ({share_high:.0%} x{ratio:g})", draw, quantile)


FAMILIES = (_lognormal(0.5), _normal(0.3), _uniform(0.5), _mixture(0.25, 3.0, 0.25))


@dataclass(frozen=True)
class CellResult:
    family: str
    n: int
    censored: float
    censored_share: float
    errors: dict[str, np.ndarray]    # relative error of the best estimate, per estimator
    covered: dict[str, np.ndarray]   # interval contains the population mean
    estimators: dict[str, float]     # share of deposits per new estimator


def old_estimate(values: np.ndarray, censored: np.ndarray, dl: float, rng: np.random.Generator,
                 iterations: int = 2000) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The estimator before issue 11: DL/2 in ln space, generalized pivotal for all deposits."""
    ln = np.log(np.where(censored, dl / 2.0, values))
    n = ln.shape[1]
    draws = mean_grade_draws(ln.mean(axis=1), ln.var(axis=1, ddof=1), np.full(len(ln), n - 1.0),
                             np.full(len(ln), float(n)), iterations, rng)
    lo, mid, hi = np.quantile(draws, [0.5 - LEVEL / 2, 0.5, 0.5 + LEVEL / 2], axis=1)
    return mid, lo, hi


def run_cell(family: Family, n: int, fraction: float, deposits: int, seed: int,
             censored_method: str = "robust_mle") -> CellResult:
    rng = np.random.default_rng([seed, SIZES.index(n), CENSORED.index(fraction), FAMILIES.index(family)])
    # Grades are positive: redraw the rare non-positive normal draws (cv 0.3: 4e-4 of draws).
    truth = family.draw(rng, (deposits, n))
    while (bad := truth <= 0).any():
        truth[bad] = family.draw(rng, (int(bad.sum()), 1))[:, 0]
    dl = family.quantile(fraction) if fraction > 0 else 0.0
    censored = truth < dl
    values = np.where(censored, dl, truth)
    fit = MeanGradeEstimator(level=LEVEL, random_state=seed, censored_method=censored_method).fit(
        np.repeat(np.arange(deposits), n), values.ravel(), censored.ravel(), deposits)
    old_mid, old_lo, old_hi = old_estimate(values, censored, dl, rng)
    true_mean = truth.mean(axis=1)
    half = stats.t.ppf(0.5 + LEVEL / 2, n - 1) * truth.std(axis=1, ddof=1) / np.sqrt(n)
    errors = {"old": old_mid / TRUE_MEAN - 1, "new": fit.mean_ / TRUE_MEAN - 1,
              "floor": true_mean / TRUE_MEAN - 1}
    covered = {"old": (old_lo <= TRUE_MEAN) & (old_hi >= TRUE_MEAN),
               "new": (fit.lo_ <= TRUE_MEAN) & (fit.hi_ >= TRUE_MEAN),
               "floor": np.abs(true_mean - TRUE_MEAN) <= half}
    kinds, counts = np.unique(fit.estimator_.astype(str), return_counts=True)
    return CellResult(family.name, n, fraction, float(censored.mean()), errors, covered,
                      dict(zip(kinds, counts / deposits)))


def run_study(deposits: int, seed: int, families=FAMILIES, sizes=SIZES, fractions=CENSORED,
              censored_method: str = "robust_mle") -> list[CellResult]:
    return [run_cell(f, n, c, deposits, seed, censored_method) for f in families for c in fractions for n in sizes]


def summary(cell: CellResult, which: str) -> tuple[float, float, float]:
    """Median |error|, 90th percentile |error| and coverage of ``which`` (old, new, floor)."""
    e = np.abs(cell.errors[which])
    return float(np.nanmedian(e)), float(np.nanquantile(e, 0.9)), float(cell.covered[which].mean())


def verdict(cell: CellResult, which: str = "new") -> str:
    """One of VERDICTS for ``which`` in ``cell`` (n ≥ GOAL_MIN_N; "-" below)."""
    if cell.n < GOAL_MIN_N:
        return "-"
    med, _, cover = summary(cell, which)
    if not GOAL_COVERAGE[0] <= cover <= GOAL_COVERAGE[1]:
        return "not met"
    if med <= GOAL_ERROR:
        return "met"
    return "met relative to floor" if med <= summary(cell, "floor")[0] + FLOOR_MARGIN else "not met"


def meets_goal(cell: CellResult, which: str = "new") -> bool:
    """The goal as absolute or relative to the oracle floor."""
    return verdict(cell, which) in VERDICTS[:2]


def markdown(cells: list[CellResult]) -> str:
    head = ("| family | n | cens. | floor med | floor cov | old med | old p90 | old cov | old verdict "
            "| new med | new p90 | new cov | new verdict | new estimators |\n"
            "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    rows = [head]
    for c in cells:
        old, new, floor = summary(c, "old"), summary(c, "new"), summary(c, "floor")
        mix = ", ".join(f"{k} {v:.0%}" for k, v in sorted(c.estimators.items(), key=lambda kv: -kv[1]))
        rows.append(f"| {c.family} | {c.n} | {c.censored:.0%} ({c.censored_share:.0%}) | {floor[0]:.1%} | "
                    f"{floor[2]:.0%} | {old[0]:.1%} | {old[1]:.1%} | {old[2]:.0%} | {verdict(c, 'old')} | "
                    f"{new[0]:.1%} | {new[1]:.1%} | {new[2]:.0%} | {verdict(c, 'new')} | {mix} |")
    return "\n".join(rows)


def verdict_counts(cells: list[CellResult], which: str) -> str:
    big = [verdict(c, which) for c in cells if c.n >= GOAL_MIN_N]
    return f"{which}: " + ", ".join(f"{v} {big.count(v)}" for v in VERDICTS) + f" (of {len(big)})"


def pooled_line(cells: list[CellResult], which: str) -> str:
    e = np.abs(np.concatenate([c.errors[which] for c in cells]))
    cover = np.concatenate([c.covered[which] for c in cells]).mean()
    return f"{which}: median |error| {np.nanmedian(e):.1%}, coverage {cover:.1%}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deposits-per-cell", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, help="also write the table to this markdown file")
    parser.add_argument("--censored-method", default="robust_mle", choices=("robust_mle", "ros"),
                        help="the new estimator's method for censored deposits (ros: as before the robust MLE)")
    args = parser.parse_args()
    t0 = time.perf_counter()
    cells = run_study(args.deposits_per_cell, args.seed, censored_method=args.censored_method)
    total = args.deposits_per_cell * len(cells)
    table = markdown(cells)
    big = [c for c in cells if c.n >= GOAL_MIN_N]
    lines = [f"{total:,} synthetic deposits ({len(cells)} cells x {args.deposits_per_cell}), seed {args.seed}, "
             f"censored method {args.censored_method}, "
             f"{time.perf_counter() - t0:.1f} s", "",
             "cens. = censored fraction asked (share of samples actually censored); med / p90 = median / "
             "90th percentile of |relative error| of the best estimate; cov = share of deposits whose 80 % "
             "interval holds the population mean; floor = the oracle: the mean of the true, uncensored "
             "values with its t interval (sampling noise)", "", table, "",
             "All cells pooled: " + pooled_line(cells, "old") + "; " + pooled_line(cells, "new"),
             f"n >= {GOAL_MIN_N}, verdicts: " + verdict_counts(cells, "old") + "; " + verdict_counts(cells, "new"),
             f"floor median |error| > 5 % in {sum(summary(c, 'floor')[0] > GOAL_ERROR for c in big)} of "
             f"{len(big)} cells"]
    text = "\n".join(lines)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
