"""Shapiro–Francia test of normality for every deposit at once.

W' is the squared correlation between a deposit's ordered values and the normal scores
Φ⁻¹((i − 3/8)/(n + 1/4)) (Shapiro & Francia 1972, JASA 67:215–216). Its p-value uses
Royston's approximation (1993, Stat. Med. 12:181–184), valid for 5 ≤ n ≤ 5000:
ln(1 − W') is normal with mean −1.2725 + 1.0521(v − u) and sd 1.0308 − 0.26758(v + 2/u),
u = ln n, v = ln u.

Why not ``scipy.stats.shapiro``: it tests one sample per call, and a Python loop over
100 000 deposits × 4 commodities (twice: grades and ln grades) costs tens of seconds. The
correlation form needs only one sort and a few bincounts for all deposits together; it
is cross-checked against scipy's Shapiro–Wilk in test_estimation_core.py.
"""
from __future__ import annotations

import numpy as np
from scipy.special import ndtr, ndtri

from .grouped import GroupOrder, group_sums, mean_var, sort_within_groups

MIN_N = 5  # below this Royston's approximation does not hold; no test


def shapiro_francia(groups: np.ndarray, values: np.ndarray, size: int,
                    go: GroupOrder | None = None) -> tuple[np.ndarray, np.ndarray]:
    """W' and p-value per group (NaN where n < 5 or the values do not vary). ``go``: the
    values' order within groups, if known (it is the same for grades and ln grades)."""
    go = go if go is not None else sort_within_groups(groups, values, size)
    x = values[go.order]
    n_all = np.bincount(groups, minlength=size).astype(float)
    n = n_all[go.groups]
    scores = ndtri((go.rank + 1 - 0.375) / (n + 0.25))
    _, x_mean, x_var = mean_var(go.groups, x, size)
    _, s_mean, s_var = mean_var(go.groups, scores, size)
    sxy = group_sums(go.groups, (x - x_mean[go.groups]) * (scores - s_mean[go.groups]), size)
    ok = (n_all >= MIN_N) & (x_var > 0)
    with np.errstate(invalid="ignore", divide="ignore"):
        w = np.where(ok, sxy ** 2 / ((n_all - 1) ** 2 * x_var * s_var), np.nan)
        u = np.log(n_all)
        v = np.log(u)
        mu = -1.2725 + 1.0521 * (v - u)
        sigma = 1.0308 - 0.26758 * (v + 2.0 / u)
        # W' = 1 exactly (a perfect line) is the strongest possible support for normality.
        z = (np.log(np.clip(1.0 - w, 1e-300, None)) - mu) / sigma
    return w, np.where(ok, 1.0 - ndtr(z), np.nan)
