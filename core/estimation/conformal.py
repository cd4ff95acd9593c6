"""Prediction intervals from out-of-fold log residuals (cross-conformal).

Each training sample gets an out-of-fold residual r = ln(y) − ŷ from the grouped CV.
A new sample's interval is ŷ(x) + [Q_lo, Q_hi] of those residuals, with the conformal
finite-sample quantile levels ⌊(n+1)α/2⌋/n and ⌈(n+1)(1−α/2)⌉/n (Lei et al. 2018, JASA
113:1094–1111, split conformal; Barber et al. 2021, Ann. Statist. 49:486–507, CV+ and
jackknife+, which use out-of-fold residuals in the same way). Nominal coverage is the
project's 80 % central interval (P90–P10, core.schema.INTERVAL_LEVEL). Because the folds
are whole deposits or blocks, the residuals include the between-deposit error, which is
what a new deposit will see.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def conformal_bounds(residuals: np.ndarray, level: float) -> tuple[float, float]:
    """Lower and upper residual quantiles for a central interval of nominal ``level``."""
    r = np.sort(np.asarray(residuals, dtype=float))
    n = len(r)
    alpha = 1.0 - level
    k_lo = int(np.floor((n + 1) * alpha / 2.0))
    k_hi = int(np.ceil((n + 1) * (1.0 - alpha / 2.0)))
    lo = r[max(k_lo, 1) - 1] if n else -np.inf
    hi = r[min(k_hi, n) - 1] if n else np.inf
    if k_lo < 1:
        lo = -np.inf
    if k_hi > n:
        hi = np.inf
    return float(lo), float(hi)


def held_out_coverage(y: np.ndarray, oof_pred: np.ndarray,
                      splits: Sequence[tuple[np.ndarray, np.ndarray]], level: float) -> tuple[float, list[float]]:
    """Empirical coverage on each held-out fold, its interval calibrated on the other folds only."""
    residuals = y - oof_pred
    covered = np.zeros(len(y), dtype=bool)
    per_fold: list[float] = []
    for _train, test in splits:
        others = np.ones(len(y), dtype=bool)
        others[test] = False
        lo, hi = conformal_bounds(residuals[others], level)
        hit = (residuals[test] >= lo) & (residuals[test] <= hi)
        covered[test] = hit
        per_fold.append(float(hit.mean()))
    return float(covered.mean()), per_fold


def residual_structure(residuals: np.ndarray, groups: np.ndarray) -> tuple[list[float], float]:
    """Per-group mean residuals (shared bias of a deposit) and the pooled within-group SD.

    The estimate step draws a deposit's shared model error from the group means and adds
    independent within-deposit error, so that predicted samples of one deposit are not
    treated as independent (they share the deposit's offset).
    """
    frame_groups, inverse = np.unique(groups.astype(str), return_inverse=True)
    sums = np.bincount(inverse, weights=residuals)
    counts = np.bincount(inverse)
    means = sums / counts
    within = residuals - means[inverse]
    dof = max(len(residuals) - len(frame_groups), 1)
    within_sd = float(np.sqrt(np.sum(within ** 2) / dof))
    return [float(m) for m in means], within_sd
