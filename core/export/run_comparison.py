"""Does a merged set of regional runs equal one run over the whole area?

Used by ``scripts/run_regions.py`` (issue 12, point 5) on the tables read back from PostGIS.
What must agree, and how closely, follows from how a run is computed (docs/scaling.md):

- inputs, methods, estimators, sample and censored counts, tonnage sources, the E and F
  axes and the geometry do not depend on the other deposits of a run: they must be equal;
- percentiles (P90/P50/P10 of grade, contained metal and tonnage) are Monte Carlo
  estimates whose draws depend on a deposit's position in its run's chunk, so they agree
  within the Monte Carlo error, measured as a share of the single run's P90–P10 width;
- the G axis and the class follow the percentiles, so they may differ only where the
  percentiles differ (reported, not hidden);
- two kinds of estimate depend on the other deposits of the run, so a region's smaller pool
  changes them: analogue estimates (from the run's sampled deposits) and deposits with fewer
  than MIN_SAMPLES samples (their spread is pooled from the run's deposits with enough). Those
  deposit × commodity pairs are counted and listed apart ("pool-dependent"), never hidden,
  and not held to the tolerance; a pair that lost its estimate in a region is named.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from core.schema import COMMODITIES, RUN_TIME_FIELDS

# P90–P10 width share: two independent runs (1,500 stratified draws) differ by at most about
# √2 × the 95th-percentile single-run error of 3.4 % (bench/bench_mc_precision.py), so 15 %
# leaves room for the tails of ~100 comparisons without hiding a real error (a wrong
# estimator or sample count moves a percentile by far more than its interval width).
DEFAULT_TOLERANCE = 0.15
# Text that embeds percentiles or the run time: compared only through the fields it is made of.
DERIVED_TEXT = ("unfc_rationale", "estimate_warning", "estimate_basis")
ANALOGUE_METHODS = ("analogue",)
DEFAULT_MIN_SAMPLES = 5  # the pipeline's MIN_SAMPLES default (core/estimation/deposit_estimates.py)
# A deposit's axes and class follow all its commodities: compared where none is pool-dependent.
CLASS_FIELDS = ("unfc_e", "unfc_f", "unfc_g", "unfc_code", "unfc_class", "unfc_subclass")
_PERCENTILE_SUFFIXES = ("_ppm", "_ppm_lo", "_ppm_hi", "_t", "_t_lo", "_t_hi")


@dataclass
class RunComparison:
    """The outcome; ``equal`` holds when nothing outside the stated tolerances differs."""

    n_single: int
    n_merged: int
    missing: list[str] = field(default_factory=list)   # in the single run only
    extra: list[str] = field(default_factory=list)     # in the merged regions only
    exact_differences: list[str] = field(default_factory=list)
    percentile_differences: list[str] = field(default_factory=list)
    class_differences: list[str] = field(default_factory=list)
    pool_dependent_pairs: int = 0
    deposits_class_compared: int = 0  # deposits without a pool-dependent pair
    lost_estimates: list[str] = field(default_factory=list)  # pool-dependent pairs without an estimate
    max_width_share: float = 0.0
    median_width_share: float = 0.0

    @property
    def equal(self) -> bool:
        return not (self.missing or self.extra or self.exact_differences or self.percentile_differences
                    or self.class_differences)

    def lines(self) -> list[str]:
        verdict = "EQUAL" if self.equal else "DIFFERENT"
        out = [f"merged regions vs single run: {verdict}",
               f"deposits: single {self.n_single}, merged {self.n_merged}",
               f"percentiles: median {self.median_width_share:.2%}, max {self.max_width_share:.2%} "
               f"of the single run's P90-P10 width",
               f"pool-dependent deposit x commodity pairs (analogue, or fewer than MIN_SAMPLES samples: "
               f"they depend on the run's other deposits, listed apart): {self.pool_dependent_pairs}",
               f"UNFC axes and class compared for the {self.deposits_class_compared} deposits without one"]
        for title, items in (("only in the single run", self.missing), ("only in the merged regions", self.extra),
                             ("exact fields that differ", self.exact_differences),
                             ("percentiles beyond the tolerance", self.percentile_differences),
                             ("G axis or class that differ", self.class_differences),
                             ("pool-dependent pairs with an estimate in one run only", self.lost_estimates)):
            if items:
                out.append(f"{title} ({len(items)}): " + "; ".join(items[:20]))
        return out


def percentile_columns(columns) -> list[str]:
    names = [f"{c}{s}" for c in COMMODITIES for s in _PERCENTILE_SUFFIXES]
    names += ["tonnage_t_lo", "tonnage_t_p50", "tonnage_t_hi"]
    return [n for n in names if n in columns]


def _pool_mask(frame: pd.DataFrame, min_samples: int) -> pd.DataFrame:
    """True where a deposit × commodity estimate depends on the run's other deposits:
    analogue, or measured from fewer than ``min_samples`` samples (pooled spread)."""
    mask = {}
    for c in COMMODITIES:
        if f"{c}_method" not in frame.columns:
            continue
        n = pd.to_numeric(frame.get(f"{c}_n"), errors="coerce").fillna(0)
        mask[c] = frame[f"{c}_method"].isin(ANALOGUE_METHODS) | ((n > 0) & (n < min_samples))
    return pd.DataFrame(mask, index=frame.index)


def _commodity_of(column: str) -> str | None:
    head = column.split("_", 1)[0]
    return head if head in COMMODITIES else None


def _exact_columns(frame: pd.DataFrame) -> list[str]:
    skip = set(percentile_columns(frame.columns)) | set(DERIVED_TEXT) | set(RUN_TIME_FIELDS)
    skip |= set(CLASS_FIELDS)
    return [c for c in frame.columns if c not in skip]


def _differs(a: pd.Series, b: pd.Series) -> pd.Series:
    both_null = a.isna() & b.isna()
    if pd.api.types.is_float_dtype(a) or pd.api.types.is_float_dtype(b):
        close = np.isclose(pd.to_numeric(a, errors="coerce"), pd.to_numeric(b, errors="coerce"),
                           rtol=1e-9, atol=0.0)
        return ~(both_null | close)
    return ~(both_null | (a.astype(object) == b.astype(object)))


def _exact(single: pd.DataFrame, merged: pd.DataFrame, pool: pd.DataFrame) -> list[str]:
    found = []
    for column in _exact_columns(single):
        if column not in merged.columns:
            found.append(f"{column}: missing from the merged table")
            continue
        bad = _differs(single[column], merged[column])
        commodity = _commodity_of(column)
        if commodity in pool.columns:
            bad &= ~pool[commodity]  # a lost estimate is listed under lost_estimates
        for deposit in single.index[bad][:5]:
            found.append(f"{deposit}.{column}: {single.at[deposit, column]!r} vs {merged.at[deposit, column]!r}")
    return found


def _numbers(frame: pd.DataFrame, column: str) -> pd.Series | None:
    return pd.to_numeric(frame[column], errors="coerce").astype(float) if column in frame.columns else None


def _width_shares(single: pd.DataFrame, merged: pd.DataFrame, pool: pd.DataFrame) -> pd.DataFrame:
    """|merged − single| / (single P10 − P90) for every percentile column (NaN where not compared)."""
    shares = {}
    for column in percentile_columns(single.columns):
        stem = column.removesuffix("_lo").removesuffix("_hi")
        stem = "tonnage_t" if column.startswith("tonnage_t") else stem
        lo, hi = _numbers(single, f"{stem}_lo"), _numbers(single, f"{stem}_hi")
        if lo is None or hi is None:
            continue
        width = (hi - lo).where(hi > lo)
        share = (_numbers(merged, column) - _numbers(single, column)).abs() / width
        commodity = _commodity_of(column)
        if commodity in pool.columns:
            share = share.where(~pool[commodity])
        shares[column] = share
    return pd.DataFrame(shares, index=single.index)


def compare_runs(single: pd.DataFrame, merged: pd.DataFrame, key: str = "deposit_id",
                 tolerance: float = DEFAULT_TOLERANCE, min_samples: int = DEFAULT_MIN_SAMPLES) -> RunComparison:
    """Compare the deposits tables of a single run and of the merged regional runs."""
    single, merged = single.set_index(key).sort_index(), merged.set_index(key).sort_index()
    result = RunComparison(len(single), len(merged),
                           missing=sorted(single.index.difference(merged.index)),
                           extra=sorted(merged.index.difference(single.index)))
    common = single.index.intersection(merged.index)
    single, merged = single.loc[common], merged.loc[common]
    pool = _pool_mask(single, min_samples) | _pool_mask(merged, min_samples)
    result.pool_dependent_pairs = int(pool.to_numpy().sum())
    result.lost_estimates = _lost(single, merged, pool)
    result.exact_differences = _exact(single, merged, pool)
    shares = _width_shares(single, merged, pool)
    values = shares.to_numpy().ravel()
    values = values[np.isfinite(values)]
    if values.size:
        result.max_width_share, result.median_width_share = float(values.max()), float(np.median(values))
    beyond = shares.gt(tolerance)
    for deposit, column in zip(*np.nonzero(beyond.to_numpy())):
        result.percentile_differences.append(f"{common[deposit]}.{shares.columns[column]}: "
                                             f"{shares.iat[deposit, column]:.1%} of the width")
    result.class_differences = _class_differences(single, merged, pool)
    result.deposits_class_compared = int((~pool.any(axis=1)).sum()) if len(pool.columns) else len(single)
    return result


def _lost(single: pd.DataFrame, merged: pd.DataFrame, pool: pd.DataFrame) -> list[str]:
    found = []
    for c in pool.columns:
        a, b = single[f"{c}_method"].fillna("none"), merged[f"{c}_method"].fillna("none")
        changed = pool[c] & (a.eq("none") != b.eq("none"))
        found += [f"{d}.{c}: {a[d]} (single) vs {b[d]} (region)" for d in single.index[changed]]
    return found


def _class_differences(single: pd.DataFrame, merged: pd.DataFrame, pool: pd.DataFrame) -> list[str]:
    any_pool = pool.any(axis=1) if len(pool.columns) else pd.Series(False, index=single.index)
    found = []
    for column in CLASS_FIELDS:
        if column in single.columns:
            bad = _differs(single[column], merged[column]) & ~any_pool
            found += [f"{d}.{column}: {single.at[d, column]!r} vs {merged.at[d, column]!r}"
                      for d in single.index[bad]]
    return found


def pool_dependent_pairs(frame: pd.DataFrame, key: str = "deposit_id",
                         min_samples: int = DEFAULT_MIN_SAMPLES) -> set[tuple[str, str]]:
    """(deposit, commodity) pairs whose estimate depends on the run's other deposits."""
    mask = _pool_mask(frame.set_index(key), min_samples)
    return {(d, c) for c in mask.columns for d in mask.index[mask[c]]}


def compare_quantities(single: pd.DataFrame, merged: pd.DataFrame, skip: set[tuple[str, str]]) -> list[str]:
    """Quantity rows: the same (deposit, commodity, G) keys, but for the skipped pool-dependent pairs."""
    keys = ["deposit_id", "commodity", "unfc_g"]

    def key_set(frame: pd.DataFrame) -> set[tuple]:
        rows = frame[keys].astype(str)
        kept = [pair not in skip for pair in zip(rows["deposit_id"], rows["commodity"])]
        return set(map(tuple, rows[kept].to_numpy()))

    a, b = key_set(single), key_set(merged)
    return [f"only in the single run: {k}" for k in sorted(a - b)] + \
           [f"only in the merged regions: {k}" for k in sorted(b - a)]
