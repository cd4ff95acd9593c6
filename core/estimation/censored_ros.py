"""Robust regression on order statistics (ROS) for left-censored grades (``<DL``).

Helsel (2012), *Statistics for Censored Environmental Data Using Minitab and R*, 2nd ed.,
ch. 6: the detects' ln values are regressed on the normal scores of their plotting
positions; each censored value is imputed from that line at its own plotting position,
and the mean is then taken in original units over detects and imputed values together.
Only the shape of the lower tail is borrowed from the log-normal, so the mean stays
robust when the grades are not log-normal.

Two paths, same method:
- one detection limit per deposit, at or below every detect (one lab, one limit: by far
  the common case): the Hirsch–Stedinger plotting positions reduce to closed form and
  every such deposit is done at once with numpy;
- anything else (several limits, detects below a limit): ``statsmodels.imputation.ros.
  impute_ros``, one deposit per call. It is a pandas routine (milliseconds per call), too
  slow for the common case at national scale, but it handles every limit layout.
The fast path is checked against ``impute_ros`` in test_estimation_core.py.

Tail shape (fast path): Helsel's robust ROS fits the line to ln grades. Where the detects'
probability plot is straighter in original units (normal or uniform-like grades), and that
line stays above 0 ppm over the censored range, the line in original units is used
instead (``impute_ros`` with identity transforms gives the same values): the simulation
study (bench/bench_mean_grade.py) shows a log line extrapolated below the limit biases
such deposits low by 5-9 % at 30-50 % censored. The slow path keeps the ln line.

Where ROS cannot fit a line (fewer than 2 detects, or more than 80 % censored: the
``impute_ros`` defaults) the censored values are set to DL/2 in original units, which is
``impute_ros``'s own fallback, and the estimate is labelled ``substitution``.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.special import ndtri
from statsmodels.imputation.ros import impute_ros

from .grouped import line_fit, sort_within_groups

MIN_DETECTS = 2
MAX_CENSORED_FRACTION = 0.8
SUBSTITUTION_FRACTION = 0.5


@dataclass(frozen=True)
class CompletedSamples:
    """Detects plus imputed censored values, flat, with their group; per group, ``how`` is
    ``""`` (nothing censored), ``ros`` or ``substitution``, and ``log_tail`` says whether the
    ROS line was fitted to ln grades (else to grades in original units)."""

    groups: np.ndarray
    values: np.ndarray
    how: np.ndarray
    log_tail: np.ndarray


def complete_censored(groups: np.ndarray, values: np.ndarray, censored: np.ndarray,
                      size: int, skip: np.ndarray | None = None) -> CompletedSamples:
    """Impute every group's censored values; ``values`` holds the DL where censored.

    ``skip``: groups whose ROS is not wanted (estimated otherwise); those needing the slow
    path keep DL/2 instead of a call to ``impute_ros``."""
    n = np.bincount(groups, minlength=size)
    n_c = np.bincount(groups, weights=censored, minlength=size).astype(int)
    n_d = n - n_c
    has_c = n_c > 0
    rosable = has_c & (n_d >= MIN_DETECTS) & (n_c <= MAX_CENSORED_FRACTION * n)
    single = rosable & _one_limit_below_detects(groups, values, censored, size)
    how = np.where(rosable, "ros", np.where(has_c, "substitution", "")).astype(object)
    log_tail = np.ones(size, bool)
    if not has_c.any():
        return CompletedSamples(groups, values, how, log_tail)
    go = sort_within_groups(groups, values, size, first=censored)
    g, v, c = go.groups, values[go.order], censored[go.order]
    out = np.where(c & ~rosable[g], v * SUBSTITUTION_FRACTION, v)
    fast = single[g]
    if fast.any():
        out[fast & c], log_tail = _single_limit_ros(g[fast], v[fast], c[fast], go.rank[fast], n, n_c, size)
    slow_all = rosable & ~single
    log_tail[slow_all] = True
    if skip is not None:
        out = np.where(c & (slow_all & skip)[g], v * SUBSTITUTION_FRACTION, out)
        slow_all &= ~skip
    slow = np.flatnonzero(slow_all)
    if not len(slow):
        return CompletedSamples(g, out, how, log_tail)
    keep = ~np.isin(g, slow)
    parts_g, parts_v = [g[keep]], [out[keep]]
    for k in slow:
        rows = slice(go.start[k], go.start[k] + n[k])
        final = np.asarray(impute_ros(v[rows], c[rows]), dtype=float)
        parts_g.append(np.full(len(final), k))
        parts_v.append(final)
    return CompletedSamples(np.concatenate(parts_g), np.concatenate(parts_v), how, log_tail)


def _one_limit_below_detects(groups: np.ndarray, values: np.ndarray, censored: np.ndarray,
                             size: int) -> np.ndarray:
    dl_max = np.full(size, -np.inf)
    dl_min = np.full(size, np.inf)
    low_detect = np.full(size, np.inf)
    np.maximum.at(dl_max, groups[censored], values[censored])
    np.minimum.at(dl_min, groups[censored], values[censored])
    np.minimum.at(low_detect, groups[~censored], values[~censored])
    return (dl_max == dl_min) & (dl_max <= low_detect)


def _single_limit_ros(g: np.ndarray, v: np.ndarray, c: np.ndarray, rank: np.ndarray, n: np.ndarray,
                      n_c: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """Imputed values of the censored samples (sorted censored-first within each group), and
    per group whether the line was fitted in ln units.

    With one limit below every detect, the probability of exceeding it is n_d / n; the
    censored get positions (1 − p_e)·i/(n_c + 1) and the detects (1 − p_e) + p_e·j/(n_d + 1).
    """
    n_g, nc_g = n[g].astype(float), n_c[g].astype(float)
    nd_g = n_g - nc_g
    p_e = nd_g / n_g
    position = np.where(c, (1 - p_e) * (rank + 1) / (nc_g + 1),
                        (1 - p_e) + p_e * (rank + 1 - nc_g) / (nd_g + 1))
    z = ndtri(position)
    d, gc = ~c, g[c]
    a_ln, b_ln, r2_ln = line_fit(g[d], z[d], np.log(v[d]), size)
    a_raw, b_raw, r2_raw = line_fit(g[d], z[d], v[d], size)
    from_ln = np.exp(a_ln[gc] + b_ln[gc] * z[c])
    from_raw = a_raw[gc] + b_raw[gc] * z[c]
    # A line in original units that reaches 0 ppm within the censored range is the wrong tail.
    lowest = np.full(size, np.inf)
    np.minimum.at(lowest, gc, from_raw)
    use_raw = (r2_raw > r2_ln) & (lowest > 0) & np.isfinite(lowest)
    return np.where(use_raw[gc], from_raw, from_ln), ~use_raw
