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
   like ROS's line, biases such deposits 7-10 % at 30-50 % censored). A normal law is
   fitted to the same window in grade units, and replaces the log-normal where the window
   has at least ``MIN_TAIL_CHOICE`` detects, its likelihood (in grade units) is higher, and
   it puts almost nothing below zero: symmetric grades (normal, uniform-like) then do not
   get a log-normal tail, which biased them 1-3 % at 50 % censored.
2. **Mean.** (Σ detects + Σ E[X | X < DL_j]) / n, each censored value at its own limit.
3. **Standard error.** se² = s²/n + gᵀVg/n²: s² is the variance of the completed sample
   (detects, and the censored values' conditional means and variances), V the fit's
   covariance and g the gradient of Σ E[X | X < DL_j] in (μ, ln σ); the second term is the
   uncertainty of the fitted tail. The interval is Student t with n − 1 dof.

The study in bench/bench_mean_grade.py chose these settings against ROS and
whole-sample MLE fits (log-normal, normal, chosen by likelihood or by probability-plot
correlation); the tail choice changed no log-normal or mixture cell of it (docs/estimation.md).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.special import log_ndtr

from .censored_mle import LOG_SQRT_2PI, CensoredSample, NormalFit, fit_censored_normal
from .grouped import mean_var, sort_within_groups

UPPER_SHARE = 0.75
MIN_EXACT = 3  # exact (fitted) detects a deposit needs
DERIVATIVE_STEP = 1e-5
# The lower tail is normal instead of log-normal only where the detects say so: at least this
# many fitted detects, a log-likelihood (in grade units) higher by TAIL_MARGIN, and less than
# Φ(−NEGATIVE_MASS_Z) ≈ 0.1 % of the normal law below zero grade.
MIN_TAIL_CHOICE = 12
TAIL_MARGIN = 0.0
NEGATIVE_MASS_Z = 3.0


@dataclass(frozen=True)
class RobustMleMean:
    """Per group: mean, variance of the completed sample, standard error of the mean, the
    number of samples fitted (``window``), whether the tail is normal rather than log-normal
    (``normal_tail``) and whether the estimate exists (``ok``: censored values, enough
    detects, fit converged)."""

    mean: np.ndarray
    var: np.ndarray
    se: np.ndarray
    window: np.ndarray
    ok: np.ndarray
    normal_tail: np.ndarray


@dataclass(frozen=True)
class _Tail:
    """Per censored value: E[X | X < DL] and Var[X | X < DL] under the fitted tail, and the
    derivatives of E in (μ, ln σ); per group the fit (its covariance and log-likelihood)."""

    expected: np.ndarray
    variance: np.ndarray
    d_mu: np.ndarray
    d_tau: np.ndarray
    fit: NormalFit


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
    window = _window(n, n_c, upper_share)
    inside = rank < window[g]
    exact = ~c & inside
    top = np.full(size, np.nan)
    top[g[exact]] = v[exact]  # sorted ascending: the last write is the largest fitted detect
    above = ~c & ~inside
    # Only a window with MIN_TAIL_CHOICE detects may choose: the normal law is fitted there only.
    choosing = np.bincount(g[exact], minlength=size) >= MIN_TAIL_CHOICE
    lognormal = _fit_tail(g, v, c, exact, above, top, size, np.log, _below_lognormal)
    normal = _fit_tail(g, v, c, exact, above, top, size, lambda x: x, _below_normal, choosing)
    # The log-normal likelihood in grade units: its density carries the Jacobian 1/x.
    ln_x = np.bincount(g[exact], weights=np.log(v[exact]), minlength=size)
    with np.errstate(invalid="ignore"):
        normal_tail = (normal.fit.ok & (normal.fit.loglik > lognormal.fit.loglik - ln_x + TAIL_MARGIN)
                       & (normal.fit.mu > NEGATIVE_MASS_Z * normal.fit.sigma))
    chosen = _choose(lognormal, normal, normal_tail, g[c])
    ok = chosen.fit.ok.copy()  # a fitted group has censored values and enough detects
    mean, var, se = _completed_mean(g, v, c, n, chosen, size)
    ok &= np.isfinite(mean) & np.isfinite(se)
    return RobustMleMean(np.where(ok, mean, np.nan), np.where(ok, var, np.nan), np.where(ok, se, np.nan), window,
                         ok, normal_tail & ok)


def _window(n: np.ndarray, n_c: np.ndarray, upper_share: float) -> np.ndarray:
    return np.minimum(np.maximum(np.ceil(upper_share * n).astype(int), n_c + MIN_EXACT), n)


def _fit_tail(g, v, c, exact, above, top, size, scale, below, only: np.ndarray | None = None) -> _Tail:
    """The censored-likelihood fit of a normal law to ``scale(values)`` of the window (in the
    groups ``only``, all by default), and the censored values' conditional moments under it."""
    y = scale(v)
    data = CensoredSample(g[exact], y[exact], np.concatenate([g[c], g[above]]),
                          np.concatenate([y[c], scale(top[g[above]])]),
                          np.concatenate([np.ones(int(c.sum())), -np.ones(int(above.sum()))]), size)
    n_exact, mu0, var0 = mean_var(data.exact_groups, data.exact, size)
    wanted = (n_exact >= MIN_EXACT) & (var0 > 0) & (np.bincount(g[c], minlength=size) > 0)
    if only is not None:
        wanted &= only
    fit = fit_censored_normal(data, np.where(wanted, mu0, np.nan), np.sqrt(np.where(wanted, var0, np.nan)))
    gc, limit = g[c], y[c]
    mu, tau = fit.mu[gc], np.log(fit.sigma[gc])
    expected, variance = below(mu, tau, limit)
    h = DERIVATIVE_STEP
    d_mu = (below(mu + h, tau, limit)[0] - below(mu - h, tau, limit)[0]) / (2 * h)
    d_tau = (below(mu, tau + h, limit)[0] - below(mu, tau - h, limit)[0]) / (2 * h)
    return _Tail(expected, variance, d_mu, d_tau, fit)


def _choose(lognormal: _Tail, normal: _Tail, normal_tail: np.ndarray, gc: np.ndarray) -> _Tail:
    """Per group the chosen tail: its censored values' moments and its fit's covariance."""
    pick = normal_tail[gc]
    parts = [np.where(pick, getattr(normal, name), getattr(lognormal, name))
             for name in ("expected", "variance", "d_mu", "d_tau")]
    a, b = lognormal.fit, normal.fit
    fit = NormalFit(*(np.where(normal_tail, getattr(b, name), getattr(a, name))
                      for name in ("mu", "sigma", "var_mu", "cov_mu_tau", "var_tau", "ok")))
    return _Tail(*parts, fit)


def _completed_mean(g: np.ndarray, v: np.ndarray, c: np.ndarray, n: np.ndarray, tail: _Tail,
                    size: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    gc, fit = g[c], tail.fit
    with np.errstate(invalid="ignore", divide="ignore"):
        n_f = n.astype(float)
        detect_sum = np.bincount(g[~c], weights=v[~c], minlength=size)
        mean = (detect_sum + np.bincount(gc, weights=tail.expected, minlength=size)) / n_f
        squares = (np.bincount(g[~c], weights=(v[~c] - mean[g[~c]]) ** 2, minlength=size)
                   + np.bincount(gc, weights=(tail.expected - mean[gc]) ** 2 + tail.variance, minlength=size))
        s2 = squares / (n_f - 1.0)
        grad_mu = np.bincount(gc, weights=tail.d_mu, minlength=size)
        grad_tau = np.bincount(gc, weights=tail.d_tau, minlength=size)
        tail_var = (grad_mu ** 2 * fit.var_mu + 2 * grad_mu * grad_tau * fit.cov_mu_tau
                    + grad_tau ** 2 * fit.var_tau)
        se = np.sqrt(s2 / n_f + tail_var / n_f ** 2)
    return mean, s2, se


def _below_lognormal(mu: np.ndarray, tau: np.ndarray, ln_limit: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
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


def _below_normal(mu: np.ndarray, tau: np.ndarray, limit: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Mean and variance of a normal(μ, σ) grade X given X < limit (σ = e^τ): the inverse Mills
    ratio λ = φ(w)/Φ(w) gives E = μ − σλ and Var = σ²(1 − wλ − λ²)."""
    s = np.exp(tau)
    w = (limit - mu) / s
    with np.errstate(over="ignore", invalid="ignore"):
        mills = np.exp(-0.5 * w * w - LOG_SQRT_2PI - log_ndtr(w))
        first = mu - s * mills
        variance = s * s * (1.0 - w * mills - mills * mills)
    # A grade is positive and below its limit (the choice already requires little mass below 0).
    return np.clip(first, 0.0, limit), np.maximum(variance, 0.0)
