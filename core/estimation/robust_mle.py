"""Robust MLE of a deposit's mean grade when some values are censored (``<DL``).

Helsel (2012, ch. 6) after Kroll & Stedinger (1996): a distribution is fitted by censored
maximum likelihood only to say what the censored values are likely to be; the mean is then
taken in original units over the detects as measured and the censored values' expected
values. Only the lower tail is borrowed from the model, so the mean stays close to the
data when the grades are not log-normal. For every deposit at once:

1. **Lower-tail fit.** A log-normal is fitted (``censored_mle``) to the lowest
   ``upper_share`` of the samples; larger detects count only as "above" the largest fitted
   one (right-censored). The tail below a limit is then shaped by the values near it, not
   by a rich second population at the top (mixtures: the bench shows a whole-sample fit,
   like ROS's line, biases such deposits 7-10 % at 30-50 % censored).
2. **Mean.** (Σ detects + Σ E[X | X < DL_j]) / n, each censored value at its own limit.
3. **Standard error.** se² = s²/n + gᵀVg/n²: s² is the variance of the completed sample
   (detects, and the censored values' conditional means and variances), V the fit's
   covariance and g the gradient of Σ E[X | X < DL_j] in (μ, ln σ); the second term is the
   uncertainty of the fitted tail. The interval is Student t with n − 1 dof.

The study in bench/bench_mean_grade.py chose these settings against ROS and
whole-sample MLE fits (log-normal, normal, chosen by likelihood or by probability-plot
correlation).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.special import log_ndtr

from .censored_mle import CensoredSample, fit_censored_normal
from .grouped import mean_var, sort_within_groups

UPPER_SHARE = 0.75
MIN_EXACT = 3  # exact (fitted) detects a deposit needs
DERIVATIVE_STEP = 1e-5


@dataclass(frozen=True)
class RobustMleMean:
    """Per group: mean, variance of the completed sample, standard error of the mean, the
    number of samples fitted (``window``) and whether the estimate exists (``ok``: censored
    values, enough detects, fit converged)."""

    mean: np.ndarray
    var: np.ndarray
    se: np.ndarray
    window: np.ndarray
    ok: np.ndarray


def robust_mle_mean(groups: np.ndarray, values: np.ndarray, censored: np.ndarray, size: int,
                    upper_share: float = UPPER_SHARE) -> RobustMleMean:
    """``values`` > 0, the detection limit where ``censored``; groups 0 … size − 1."""
    n = np.bincount(groups, minlength=size)
    n_c = np.bincount(groups, weights=censored, minlength=size).astype(int)
    go = sort_within_groups(groups, values, size, first=censored)
    # Only deposits with censored values are fitted (usually a minority of them).
    keep = (n_c > 0)[go.groups]
    g, v, c, rank = go.groups[keep], values[go.order][keep], censored[go.order][keep], go.rank[keep]
    # The fitted window: the lowest upper_share of the samples, widened to hold MIN_EXACT detects.
    window = np.minimum(np.maximum(np.ceil(upper_share * n).astype(int), n_c + MIN_EXACT), n)
    inside = rank < window[g]
    exact = ~c & inside
    top = np.full(size, np.nan)
    top[g[exact]] = v[exact]  # sorted ascending: the last write is the largest fitted detect
    above = ~c & ~inside
    ln_v = np.log(v)
    data = CensoredSample(g[exact], ln_v[exact], np.concatenate([g[c], g[above]]),
                          np.concatenate([ln_v[c], np.log(top[g[above]])]),
                          np.concatenate([np.ones(int(c.sum())), -np.ones(int(above.sum()))]), size)
    n_exact, mu0, var0 = mean_var(data.exact_groups, data.exact, size)
    wanted = (n_c > 0) & (n_exact >= MIN_EXACT) & (var0 > 0)
    fit = fit_censored_normal(data, np.where(wanted, mu0, np.nan), np.sqrt(np.where(wanted, var0, np.nan)))
    ok = wanted & fit.ok
    mean, var, se = _completed_mean(g, v, c, n, fit, size)
    ok &= np.isfinite(mean) & np.isfinite(se)
    return RobustMleMean(np.where(ok, mean, np.nan), np.where(ok, var, np.nan), np.where(ok, se, np.nan), window, ok)


def _completed_mean(g: np.ndarray, v: np.ndarray, c: np.ndarray, n: np.ndarray, fit,
                    size: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    gc, limit = g[c], np.log(v[c])
    mu, tau = fit.mu[gc], np.log(fit.sigma[gc])
    expected, variance = _below(mu, tau, limit)
    h = DERIVATIVE_STEP
    d_mu = (_below(mu + h, tau, limit)[0] - _below(mu - h, tau, limit)[0]) / (2 * h)
    d_tau = (_below(mu, tau + h, limit)[0] - _below(mu, tau - h, limit)[0]) / (2 * h)
    with np.errstate(invalid="ignore", divide="ignore"):
        n_f = n.astype(float)
        detect_sum = np.bincount(g[~c], weights=v[~c], minlength=size)
        mean = (detect_sum + np.bincount(gc, weights=expected, minlength=size)) / n_f
        squares = (np.bincount(g[~c], weights=(v[~c] - mean[g[~c]]) ** 2, minlength=size)
                   + np.bincount(gc, weights=(expected - mean[gc]) ** 2 + variance, minlength=size))
        s2 = squares / (n_f - 1.0)
        grad_mu = np.bincount(gc, weights=d_mu, minlength=size)
        grad_tau = np.bincount(gc, weights=d_tau, minlength=size)
        tail_var = (grad_mu ** 2 * fit.var_mu + 2 * grad_mu * grad_tau * fit.cov_mu_tau
                    + grad_tau ** 2 * fit.var_tau)
        se = np.sqrt(s2 / n_f + tail_var / n_f ** 2)
    return mean, s2, se


def _below(mu: np.ndarray, tau: np.ndarray, ln_limit: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Mean and variance of a log-normal(μ, σ) grade X given X < limit (σ = e^τ)."""
    s = np.exp(tau)
    w = (ln_limit - mu) / s
    norm = log_ndtr(w)
    with np.errstate(over="ignore", invalid="ignore"):
        first = np.exp(mu + s * s / 2 + log_ndtr(w - s) - norm)
        second = np.exp(2 * mu + 2 * s * s + log_ndtr(w - 2 * s) - norm)
    # E[X | X < L] is below L; the clip only guards rounding in the far tail.
    first = np.minimum(first, np.exp(ln_limit))
    return first, np.maximum(second - first ** 2, 0.0)
