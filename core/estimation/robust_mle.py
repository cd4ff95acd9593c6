"""Robust MLE of a deposit's mean grade when some values are censored (``<DL``).

Helsel (2012, ch. 6) after Kroll & Stedinger (1996): a distribution is fitted by censored
maximum likelihood only to say what the censored values are likely to be; the mean is then
taken in original units over the detects as measured and the censored values' expected
values. Only the lower tail is borrowed from a model, so the mean stays close to the data
when the grades are not log-normal. For every deposit at once:

1. **Window.** The lowest ``upper_share`` of the samples (widened to hold ``MIN_EXACT``
   detects). The tail below a limit is then shaped by the values near it, not by a rich
   second population at the top (mixtures: a whole-sample fit, like ROS's line, biases
   such deposits 7-10 % at 30-50 % censored).
2. **Three candidate tails**, each fitted by censored likelihood (``censored_mle``):
   - *log-normal*, the detects above the window counted only as "above it" (right-censored);
   - *log-normal within the window* (truncated at its top): the share of samples above the
     window is left free, so a richer population there does not widen the fitted tail;
   - *normal* in grade units, right-censored as the first (symmetric grades: normal,
     uniform-like, where a log-normal tail biased the mean 1-3 % at 50 % censored).
3. **Weights** (model averaging, Burnham & Anderson 2002, ch. 4):
   - within-window vs right-censored log-normal: the first adds one parameter (the share
     above), so its weight is the Hannan-Quinn weight of the likelihood gain (penalty
     ln ln n per parameter, between AIC's 1 and BIC's ½ ln n): about 0 for one log-normal
     population, near 1 where the samples above the window are too many for its tail;
   - normal vs log-normal: the Akaike weight of the two laws fitted by censored likelihood
     to the *whole* sample (same number of parameters; the log-normal density in grade
     units carries the Jacobian 1/x). The whole sample tells the shape apart far better
     than the window's few detects. The normal law takes part only with at least
     ``MIN_NORMAL_DETECTS`` detects and less than Φ(−``NEGATIVE_MASS_Z``) ≈ 0.1 % of it
     below zero grade.
4. **Mean.** Per candidate (Σ detects + Σ E[X | X < DL_j]) / n, each censored value at its
   own limit, then the weighted mean of the candidates.
5. **Standard error.** Per candidate se² = s²/n + gᵀVg/n²: s² is the variance of the
   completed sample (detects, and the censored values' conditional means and variances),
   V the fit's covariance and g the gradient of Σ E[X | X < DL_j] in (μ, ln σ). The average
   takes Buckland et al.'s (1997) se = Σ wᵢ √(seᵢ² + (meanᵢ − mean)²), which adds the
   spread between the candidates. The interval is Student t with n − 1 dof.

bench/bench_mean_grade.py chose these settings against ROS, whole-sample fits, a hard
choice of one law, narrower windows and AIC / BIC weights (docs/estimation.md).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.special import expit, log_ndtr

from .censored_mle import LOG_SQRT_2PI, CensoredSample, NormalFit, fit_censored_normal
from .grouped import mean_var, sort_within_groups

UPPER_SHARE = 0.75
MIN_EXACT = 3  # exact (fitted) detects a deposit needs
DERIVATIVE_STEP = 1e-5
MIN_NORMAL_DETECTS = 4
NEGATIVE_MASS_Z = 3.0


@dataclass(frozen=True)
class RobustMleMean:
    """Per group: mean, variance of the completed sample, standard error of the mean, the
    number of samples in the window (``window``), whether the estimate exists (``ok``:
    censored values, enough detects, fit converged), and the weights of the normal tail
    (``normal_weight``) and of the within-window log-normal among the log-normal tails
    (``window_weight``), both 0 where that candidate was not fitted."""

    mean: np.ndarray
    var: np.ndarray
    se: np.ndarray
    window: np.ndarray
    ok: np.ndarray
    normal_weight: np.ndarray
    window_weight: np.ndarray


@dataclass(frozen=True)
class _Samples:
    """The censored deposits' samples, sorted (censored first, then ascending) per group,
    with the window's masks: ``exact`` (detects in it), ``above`` (detects above it) and
    per group ``top`` (its largest detect) and ``cut``, the geometric midpoint between
    ``top`` and the next value."""

    g: np.ndarray
    v: np.ndarray
    c: np.ndarray
    exact: np.ndarray
    above: np.ndarray
    top: np.ndarray
    cut: np.ndarray
    n: np.ndarray
    size: int


@dataclass(frozen=True)
class _Tail:
    """Per censored value: E[X | X < DL] and Var[X | X < DL] under the fitted tail, and the
    derivatives of E in (μ, ln σ); per group the fit (its covariance and log-likelihood)."""

    expected: np.ndarray
    variance: np.ndarray
    d_mu: np.ndarray
    d_tau: np.ndarray
    fit: NormalFit


@dataclass(frozen=True)
class _Estimate:
    """Per group: mean, completed-sample variance and standard error under one tail (or an average)."""

    mean: np.ndarray
    var: np.ndarray
    se: np.ndarray


def robust_mle_mean(groups: np.ndarray, values: np.ndarray, censored: np.ndarray, size: int,
                    upper_share: float = UPPER_SHARE) -> RobustMleMean:
    """``values`` > 0, the detection limit where ``censored``; groups 0 … size − 1."""
    n = np.bincount(groups, minlength=size)
    n_c = np.bincount(groups, weights=censored, minlength=size).astype(int)
    window = _window(n, n_c, upper_share)
    s = _samples(groups, values, censored, n, n_c, window, size)
    lognormal = _fit_tail(s, s.exact, s.above, np.log, _below_lognormal)
    within = _fit_tail(s, s.exact, s.above, np.log, _below_lognormal, truncate=True)
    w_window = _window_weight(s, lognormal.fit, within.fit)
    log_tail = _average(_estimate(s, lognormal), _estimate(s, within), w_window)
    w_normal, normal = _normal_weight(s)
    est = _average(log_tail, _estimate(s, normal), w_normal)
    ok = lognormal.fit.ok & np.isfinite(est.mean) & np.isfinite(est.se)
    return RobustMleMean(*(np.where(ok, x, np.nan) for x in (est.mean, est.var, est.se)), window, ok,
                         np.where(ok, w_normal, 0.0), np.where(ok, w_window, 0.0))


def _window(n: np.ndarray, n_c: np.ndarray, upper_share: float) -> np.ndarray:
    return np.minimum(np.maximum(np.ceil(upper_share * n).astype(int), n_c + MIN_EXACT), n)


def _samples(groups, values, censored, n, n_c, window, size) -> _Samples:
    go = sort_within_groups(groups, values, size, first=censored)
    # Only deposits with censored values are fitted (usually a minority of them).
    keep = (n_c > 0)[go.groups]
    g, v, c, rank = go.groups[keep], values[go.order][keep], censored[go.order][keep], go.rank[keep]
    inside = rank < window[g]
    exact, above = ~c & inside, ~c & ~inside
    top = np.full(size, np.nan)
    top[g[exact]] = v[exact]  # sorted ascending: the last write is the largest fitted detect
    following = np.full(size, np.nan)
    first_above, at = np.unique(g[above], return_index=True)
    following[first_above] = v[above][at]  # sorted ascending: the smallest detect above the window
    return _Samples(g, v, c, exact, above, top, np.sqrt(top * following), n, size)


def _fit_tail(s: _Samples, exact: np.ndarray, above: np.ndarray, scale, below,
              only: np.ndarray | None = None, truncate: bool = False) -> _Tail:
    """The censored-likelihood fit of a normal law to ``scale(values)`` (the ``exact`` ones
    exactly, the censored ones below their limits), in the groups ``only`` (all by default),
    and the censored values' conditional moments under it. The ``above`` detects count as
    right-censored at ``top`` (the weakest statement the data make: at n = 10 the next value
    may lie far up in a second population) or, with ``truncate``, not at all: the
    likelihood is then conditional on a value lying below the cut (one limit per group with
    weight −m, m the values below it; cut, not top, as a truncation at the sample's own
    largest value would bias the fit)."""
    g, c = s.g, s.c
    y = scale(s.v)
    if truncate:
        cut_groups = np.flatnonzero(np.bincount(g[above], minlength=s.size) > 0)
        m = np.bincount(g[exact | c], minlength=s.size)[cut_groups].astype(float)
        limit_groups, limits = cut_groups, scale(s.cut[cut_groups])
        side = np.ones(len(cut_groups))
        weight = np.concatenate([np.ones(int(c.sum())), -m])
    else:
        limit_groups, limits = g[above], scale(s.top[g[above]])
        side, weight = -np.ones(int(above.sum())), None  # every limit counts once
    data = CensoredSample(g[exact], y[exact], np.concatenate([g[c], limit_groups]), np.concatenate([y[c], limits]),
                          np.concatenate([np.ones(int(c.sum())), side]), s.size, weight)
    n_exact, mu0, var0 = mean_var(data.exact_groups, data.exact, s.size)
    wanted = (n_exact >= MIN_EXACT) & (var0 > 0) & (np.bincount(g[c], minlength=s.size) > 0)
    if only is not None:
        wanted &= only
    fit = fit_censored_normal(data, np.where(wanted, mu0, np.nan), np.sqrt(np.where(wanted, var0, np.nan)))
    return _conditional(fit, g[c], y[c], below)


def _conditional(fit: NormalFit, gc: np.ndarray, limit: np.ndarray, below) -> _Tail:
    mu, tau = fit.mu[gc], np.log(fit.sigma[gc])
    expected, variance = below(mu, tau, limit)
    h = DERIVATIVE_STEP
    d_mu = (below(mu + h, tau, limit)[0] - below(mu - h, tau, limit)[0]) / (2 * h)
    d_tau = (below(mu, tau + h, limit)[0] - below(mu, tau - h, limit)[0]) / (2 * h)
    return _Tail(expected, variance, d_mu, d_tau, fit)


def _window_weight(s: _Samples, censored_fit: NormalFit, within_fit: NormalFit) -> np.ndarray:
    """Hannan-Quinn weight of the within-window log-normal plus a free share above the window
    (the binomial likelihood of that share) against the right-censored log-normal."""
    n_above = np.bincount(s.g[s.above], minlength=s.size).astype(float)
    m = s.n - n_above
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(n_above > 0, n_above * np.log(n_above / s.n) + m * np.log(m / s.n), 0.0)
        gain = within_fit.loglik + share - censored_fit.loglik - np.log(np.log(s.n))
    return np.where(within_fit.ok & censored_fit.ok & (n_above > 0), expit(np.nan_to_num(gain, nan=-50.0)), 0.0)


def _normal_weight(s: _Samples) -> tuple[np.ndarray, _Tail]:
    """The normal tail (fitted to the window) and its Akaike weight against the log-normal,
    both laws fitted to the whole sample."""
    detects, nothing = ~s.c, np.zeros(len(s.c), bool)
    enough = np.bincount(s.g[detects], minlength=s.size) >= MIN_NORMAL_DETECTS
    whole_ln = _fit_tail(s, detects, nothing, np.log, _below_lognormal, only=enough).fit
    whole_n = _fit_tail(s, detects, nothing, lambda x: x, _below_normal, only=enough).fit
    windowed = enough & (np.bincount(s.g[s.exact], minlength=s.size) >= MIN_NORMAL_DETECTS)
    normal = _fit_tail(s, s.exact, s.above, lambda x: x, _below_normal, only=windowed)
    ln_x = np.bincount(s.g[detects], weights=np.log(s.v[detects]), minlength=s.size)
    with np.errstate(invalid="ignore"):
        admissible = (whole_n.ok & whole_ln.ok & normal.fit.ok & (whole_n.mu > NEGATIVE_MASS_Z * whole_n.sigma)
                      & (normal.fit.mu > NEGATIVE_MASS_Z * normal.fit.sigma))
        gain = whole_n.loglik - (whole_ln.loglik - ln_x)
    return np.where(admissible, expit(np.nan_to_num(gain, nan=-50.0)), 0.0), normal


def _average(a: _Estimate, b: _Estimate, w: np.ndarray) -> _Estimate:
    """(1 − w)·a + w·b, with Buckland et al.'s standard error; b may be NaN where w = 0."""
    def part(x: np.ndarray) -> np.ndarray:
        return np.where(w > 0, x, 0.0)

    mean = (1 - w) * a.mean + w * part(b.mean)
    var = (1 - w) * a.var + w * part(b.var)
    se = ((1 - w) * np.sqrt(a.se ** 2 + (a.mean - mean) ** 2)
          + w * np.sqrt(part(b.se) ** 2 + (part(b.mean) - mean) ** 2))
    return _Estimate(mean, var, se)


def _estimate(s: _Samples, tail: _Tail) -> _Estimate:
    g, v, c, fit, size = s.g, s.v, s.c, tail.fit, s.size
    gc = g[c]
    with np.errstate(invalid="ignore", divide="ignore"):
        n_f = s.n.astype(float)
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
    return _Estimate(mean, s2, se)


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
    # A grade is positive and below its limit (the weight already requires little mass below 0).
    return np.clip(first, 0.0, limit), np.maximum(variance, 0.0)
