"""Uncertainty of a deposit's mean grade, aware that grades are log-normal.

The mean of a log-normal population is exp(μ + σ²/2). Its uncertainty is drawn with the
generalized pivotal quantities of Krishnamoorthy & Mathew (2003), "Inferences on the
means of lognormal distributions using generalized p-values and generalized confidence
intervals", J. Statist. Plann. Inference 115:103–121:

    T_σ² = ν s² / U,  U ~ χ²_ν;     T_μ = m − Z √(T_σ² / n),  Z ~ N(0, 1);
    θ = exp(T_μ + T_σ² / 2)

with m, s² the mean and variance of the n ln grades and ν = n − 1 (or, for deposits
with too few samples, s² and ν of the pooled within-deposit ln variance). The
percentiles of θ are the interval on the mean grade; the draws feed the Monte Carlo of
contained metal directly.
"""
from __future__ import annotations

import numpy as np

from . import stratified


def mean_grade_draws(m: np.ndarray, s2: np.ndarray, dof: np.ndarray, n: np.ndarray,
                     iterations: int, rng: np.random.Generator,
                     extra_mu: np.ndarray | None = None) -> np.ndarray:
    """(deposits × iterations) draws of the mean grade (ppm). ``extra_mu`` adds draws to T_μ
    (e.g. a model's shared bias for predicted samples)."""
    # Common random numbers: one Z vector for all deposits and one χ² vector per distinct ν.
    # Each deposit's draws keep exactly the right distribution (only its own percentiles are
    # reported, never sums over draws across deposits), at a fraction of the RNG cost.
    dof = np.maximum(dof, 1)
    distinct, which = np.unique(dof, return_inverse=True)
    chi2 = stratified.chi_squares(rng, distinct, iterations)[which]
    z = stratified.normals(rng, iterations)[None, :]
    t_s2 = dof[:, None] * s2[:, None] / chi2
    t_mu = m[:, None] - z * np.sqrt(t_s2 / n[:, None])
    if extra_mu is not None:
        t_mu = t_mu + extra_mu
    # With few samples a χ² draw near 0 makes T_σ² huge: exp overflows to inf in the far
    # tail, which the 10th/90th percentiles never reach.
    with np.errstate(over="ignore"):
        return np.exp(t_mu + t_s2 / 2.0)


def pooled_variance(n: np.ndarray, s2: np.ndarray) -> tuple[float, float]:
    """Pooled within-group variance and its degrees of freedom over groups with n ≥ 2."""
    ok = (n >= 2) & np.isfinite(s2)
    dof = float(np.sum(n[ok] - 1))
    if dof <= 0:
        return float("nan"), 0.0
    return float(np.sum((n[ok] - 1) * s2[ok]) / dof), dof
