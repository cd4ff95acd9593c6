"""Maximum likelihood of a normal law from censored values, for every deposit at once.

Each deposit's values y (grades or ln grades) are exact, left-censored (only y < limit is
known: ``<DL``) or right-censored (only y > limit is known). The log-likelihood is

    Σ_exact [−ln σ − z²/2] + Σ_left ln Φ(w) + Σ_right ln Φ(−w),   z, w = (y − μ)/σ,

each censored term optionally weighted (a limit row of weight −m at c is the truncation
term of m values known to lie below c: the likelihood is then conditional on y < c),

maximised over (μ, ln σ) by Newton steps with step halving, all deposits together: every
sum is one ``np.bincount``. The covariance of (μ, ln σ) is the inverse observed
information at the maximum.

Why not scipy: ``scipy.stats.CensoredData`` with ``norm.fit`` (scipy ≥ 1.11) is the library
route, but the plugin runs on the scipy QGIS is built against (Debian bookworm: 1.10.1,
which has no ``CensoredData``), and one ``fit`` call per deposit would be a Python loop
over 100 000 deposits × 4 commodities. The likelihood is the textbook one (Helsel 2012,
ch. 6; Cohen 1959); the test suite checks the result against ``scipy.optimize.minimize``
on the same likelihood.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.special import log_ndtr

from .grouped import mean_var

LOG_SQRT_2PI = 0.5 * np.log(2.0 * np.pi)
MAX_ITERATIONS = 60
MAX_HALVINGS = 20
TOLERANCE = 1e-9


@dataclass(frozen=True)
class CensoredSample:
    """Flat arrays: exact values with their group, censored limits with their group and
    side (+1 left-censored, −1 right-censored), and optionally each limit's weight in the
    likelihood (1 by default; −m for a truncation of m values below the limit)."""

    exact_groups: np.ndarray
    exact: np.ndarray
    limit_groups: np.ndarray
    limits: np.ndarray
    side: np.ndarray
    size: int
    weight: np.ndarray | None = None


@dataclass(frozen=True)
class NormalFit:
    """Per group: μ, σ, covariance of (μ, ln σ), whether the maximum was found, and the
    log-likelihood there (without the constant −ln √(2π) per exact value)."""

    mu: np.ndarray
    sigma: np.ndarray
    var_mu: np.ndarray
    cov_mu_tau: np.ndarray
    var_tau: np.ndarray
    ok: np.ndarray
    loglik: np.ndarray | None = None


def fit_censored_normal(data: CensoredSample, mu0: np.ndarray, sigma0: np.ndarray) -> NormalFit:
    """Censored-normal MLE per group, started at (mu0, sigma0) (e.g. the exact values' mean
    and sd); groups with a non-finite start are not fitted (``ok`` False)."""
    ok = np.isfinite(mu0) & np.isfinite(sigma0) & (sigma0 > 0)
    data_all, good_start = data, ok
    data = _only(data, ok)
    mu = np.where(ok, mu0, 0.0)
    tau = np.log(np.where(ok, sigma0, 1.0))
    n_exact = np.bincount(data.exact_groups, minlength=data.size).astype(float)
    parts = _derivatives(mu, tau, data, n_exact)
    hessian = parts[3:]
    active = ok.copy()
    for _ in range(MAX_ITERATIONS):
        d_mu, d_tau = _newton_step(parts)
        step = np.ones(data.size)
        for _ in range(MAX_HALVINGS):
            mu_new = np.where(active, mu + step * d_mu, mu)
            tau_new = np.where(active, tau + step * d_tau, tau)
            new = _derivatives(mu_new, tau_new, data, n_exact)
            worse = active & ~(new[0] >= parts[0] - 1e-10 * np.abs(parts[0]))
            if not worse.any():
                break
            step = np.where(worse, step / 2.0, step)
        mu, tau, parts = mu_new, tau_new, new
        hessian = tuple(np.where(active, h, kept) for h, kept in zip(parts[3:], hessian))
        done = (np.abs(step * d_mu) < TOLERANCE * (1.0 + np.abs(mu))) & (np.abs(step * d_tau) < TOLERANCE)
        active &= ~done
        if not active.any():
            break
        # Most deposits converge in a few steps: the later ones only work on the rest.
        data = _only(data, active)
    h_mm, h_mt, h_tt = hessian
    full = _only(data_all, good_start)
    loglik = _derivatives(mu, tau, full, n_exact)[0]
    det = h_mm * h_tt - h_mt ** 2
    good = ok & ~active & (det > 0) & (h_mm < 0) & np.isfinite(mu) & np.isfinite(tau)
    det = np.where(good, det, 1.0)
    return NormalFit(mu, np.exp(tau), np.where(good, -h_tt / det, np.nan), np.where(good, h_mt / det, np.nan),
                     np.where(good, -h_mm / det, np.nan), good, np.where(good, loglik, np.nan))


def _only(data: CensoredSample, groups: np.ndarray) -> CensoredSample:
    """The values of the wanted groups only (the others are not fitted)."""
    e, lim = groups[data.exact_groups], groups[data.limit_groups]
    return CensoredSample(data.exact_groups[e], data.exact[e], data.limit_groups[lim], data.limits[lim],
                          data.side[lim], data.size, None if data.weight is None else data.weight[lim])


def _newton_step(parts: tuple[np.ndarray, ...]) -> tuple[np.ndarray, np.ndarray]:
    _, g_m, g_t, h_mm, h_mt, h_tt = parts
    det = h_mm * h_tt - h_mt ** 2
    newton = (det > 0) & (h_mm < 0)  # concave there: a Newton step goes uphill
    det = np.where(newton, det, 1.0)
    # Elsewhere (far from the maximum) a scaled gradient step; ln σ moves at most 1 a step.
    d_mu = np.where(newton, -(h_tt * g_m - h_mt * g_t) / det, g_m / np.maximum(np.abs(h_mm), 1e-12))
    d_tau = np.where(newton, -(h_mm * g_t - h_mt * g_m) / det, g_t / np.maximum(np.abs(h_tt), 1e-12))
    return d_mu, np.clip(d_tau, -1.0, 1.0)


def _derivatives(mu: np.ndarray, tau: np.ndarray, data: CensoredSample,
                 n_exact: np.ndarray) -> tuple[np.ndarray, ...]:
    """Log-likelihood, its gradient and Hessian in (μ, τ = ln σ), per group."""
    # A trial step far off can overflow; its likelihood is then not finite and the step is halved.
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        return _derivatives_unchecked(mu, tau, data, n_exact)


def _derivatives_unchecked(mu: np.ndarray, tau: np.ndarray, data: CensoredSample,
                           n_exact: np.ndarray) -> tuple[np.ndarray, ...]:
    size, ge, gl = data.size, data.exact_groups, data.limit_groups
    s = np.exp(tau)
    z = (data.exact - mu[ge]) / s[ge]
    w = (data.limits - mu[gl]) / s[gl]
    log_p = log_ndtr(data.side * w)
    # h = ln Φ(side·w): h' = side·φ(w)/Φ(side·w), h'' = −side·h'·w − h'².
    h1 = data.side * np.exp(-0.5 * w * w - LOG_SQRT_2PI - log_p)
    h2 = -data.side * h1 * w - h1 * h1
    if data.weight is not None:
        log_p, h1, h2 = log_p * data.weight, h1 * data.weight, h2 * data.weight

    def total(g: np.ndarray, x: np.ndarray) -> np.ndarray:
        return np.bincount(g, weights=x, minlength=size)

    a, b = total(ge, z), total(ge, z * z)
    g1, g1w = total(gl, h1), total(gl, h1 * w)
    g2, g2w, g2ww = total(gl, h2), total(gl, h2 * w), total(gl, h2 * w * w)
    loglik = -n_exact * tau - 0.5 * b + total(gl, log_p)
    d_mu = (a - g1) / s
    d_sigma = (-n_exact + b - g1w) / s
    d_mm = (-n_exact + g2) / s ** 2
    d_ms = (-2.0 * a + g2w + g1) / s ** 2
    d_ss = (n_exact - 3.0 * b + g2ww + 2.0 * g1w) / s ** 2
    # Chain rule to τ = ln σ: ∂/∂τ = σ ∂/∂σ.
    return loglik, d_mu, s * d_sigma, d_mm, s * d_ms, s * s * d_ss + s * d_sigma


def censored_moments(groups: np.ndarray, y: np.ndarray, limit: np.ndarray,
                     size: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """n, mean and variance (ddof 1 scale) of a normal law per group, from values ``y`` of
    which those with a finite ``limit`` are left-censored there (their ``y`` is ignored).

    Groups without censored values get the plain moments. Groups with some get the
    censored-normal MLE, μ and σ²·n/(n − 1); where it cannot be fitted (fewer than 2
    exact values, no spread, no convergence) mean and variance are NaN."""
    cens = np.isfinite(limit)
    n, mean, var = _plain_moments(groups, y, size)
    if not cens.any():
        return n, mean, var
    exact = ~cens
    n_exact, mu0, var0 = _plain_moments(groups[exact], y[exact], size)
    has = np.bincount(groups[cens], minlength=size) > 0
    start = has & (n_exact >= 2) & (var0 > 0)
    data = CensoredSample(groups[exact], y[exact], groups[cens], limit[cens], np.ones(int(cens.sum())), size)
    fit = fit_censored_normal(data, np.where(start, mu0, np.nan), np.sqrt(np.where(start, var0, np.nan)))
    with np.errstate(invalid="ignore", divide="ignore"):
        fitted_var = fit.sigma ** 2 * n / (n - 1.0)
    mean = np.where(has, np.where(fit.ok, fit.mu, np.nan), mean)
    var = np.where(has, np.where(fit.ok, fitted_var, np.nan), var)
    return n, mean, var


def _plain_moments(groups: np.ndarray, y: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    return mean_var(groups, y, size)
