"""Per-deposit statistics of samples, for every deposit at once.

Samples arrive as flat arrays with each sample's deposit position (0 … groups − 1);
sums become ``np.bincount`` and orderings one ``np.lexsort``, so no Python loop runs over
deposits (there are 100 000 of them at national scale).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


def group_sums(groups: np.ndarray, weights: np.ndarray, size: int) -> np.ndarray:
    return np.bincount(groups, weights=weights, minlength=size)


def mean_var(groups: np.ndarray, values: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """n, mean and variance (ddof 1; NaN for n < 2) per group."""
    n = np.bincount(groups, minlength=size).astype(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(n > 0, group_sums(groups, values, size) / n, np.nan)
        # Σ(v − mean)² from a second pass, not Σv² − (Σv)²/n, to avoid cancellation.
        squares = group_sums(groups, (values - mean[groups]) ** 2, size)
        var = np.where(n > 1, squares / (n - 1), np.nan)
    return n, mean, var


@dataclass(frozen=True)
class GroupOrder:
    """Samples sorted by group, then by ``first`` (e.g. censored first), then by value."""

    order: np.ndarray   # indices into the original arrays
    groups: np.ndarray  # group of each sorted sample
    rank: np.ndarray    # 0-based rank of each sorted sample inside its group
    start: np.ndarray   # position of each group's first sample in the sorted arrays


def sort_within_groups(groups: np.ndarray, values: np.ndarray, size: int,
                       first: np.ndarray | None = None) -> GroupOrder:
    # Stable argsorts, least significant key first: numpy radix-sorts the integer keys, about
    # 3x faster than np.lexsort on a million samples.
    order = np.argsort(values, kind="stable")
    if first is not None:
        order = order[np.argsort(~first[order], kind="stable")]
    order = order[np.argsort(groups[order], kind="stable")]
    sorted_groups = groups[order]
    counts = np.bincount(groups, minlength=size)
    start = np.concatenate(([0], np.cumsum(counts)[:-1]))
    rank = np.arange(len(order)) - start[sorted_groups]
    return GroupOrder(order, sorted_groups, rank, start)


def line_fit(groups: np.ndarray, x: np.ndarray, y: np.ndarray,
             size: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Least-squares intercept, slope and r² of y on x per group (NaN where x does not vary)."""
    _, x_mean, _ = mean_var(groups, x, size)
    _, y_mean, _ = mean_var(groups, y, size)
    dx, dy = x - x_mean[groups], y - y_mean[groups]
    sxx = group_sums(groups, dx * dx, size)
    sxy = group_sums(groups, dx * dy, size)
    syy = group_sums(groups, dy * dy, size)
    with np.errstate(invalid="ignore", divide="ignore"):
        slope = np.where(sxx > 0, sxy / sxx, np.nan)
        r2 = np.where((sxx > 0) & (syy > 0), sxy ** 2 / (sxx * syy), 1.0)
    return y_mean - slope * x_mean, slope, r2
