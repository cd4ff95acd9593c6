"""A deposit's mean grade from its samples, with the estimator the data support.

The wanted quantity is the arithmetic mean grade (contained metal = grade × tonnage;
DOMAIN.md §4). Per deposit (all deposits of one commodity fitted at once):

- censored values (``<DL``) present → robust MLE (``robust_mle``: a log-normal fitted by
  censored likelihood to the lower tail, the mean in original units of the detects and the
  censored values' expected values); where that fit cannot be made (fewer than 3 detects
  in the fitted window, fewer than ``min_samples`` samples) robust ROS
  (``censored_ros``); with too few detects for ROS, DL/2 in original units
  (``substitution``);
- otherwise the log-normal estimator (generalized pivotal, ``lognormal_mean``) only when
  a Shapiro–Francia test (``normality``) supports normality of the ln grades and rejects
  it for the grades themselves, with at least ``min_test_n`` samples, and the sd of the
  ln grades is at most ``max_ln_sd`` unless n ≥ ``max_ln_sd_n`` (US EPA ProUCL 5.1
  technical guide: log-normal limits blow up for sd > 1 at small n);
- else the arithmetic mean.

The arithmetic, ROS and substitution means get a Student t interval,
mean ± t_{m−1}·s/√m, and Monte Carlo draws mean + (s/√m)·T_{m−1} (cut at 0), with s the
sd of the (completed) values and m the number of detects (m = n without censoring). The
robust MLE mean gets the same form with its own standard error (sampling plus fitted-tail
uncertainty) and n − 1 dof.
Deposits with fewer than ``min_samples`` samples take the pooled relative variance of the
others.

The class follows scikit-learn's estimator conventions: hyper-parameters in ``__init__``,
``fit`` returns ``self``, fitted state in attributes ending in ``_`` (one entry per group).
"""
from __future__ import annotations

import numpy as np
from scipy import stats

from ..errors import TailingsInputError
from ..schema import INTERVAL_LEVEL
from . import stratified
from .censored_ros import complete_censored
from .grouped import mean_var, sort_within_groups
from .lognormal_mean import mean_grade_draws
from .normality import shapiro_francia
from .robust_mle import robust_mle_mean

T_ESTIMATORS = ("arithmetic", "robust_mle", "ros", "substitution")
CENSORED_METHODS = ("robust_mle", "ros")
# Why each estimator was chosen: one sentence per reason code (filled per deposit).
REASONS = {
    "lognormal": "log-normal mean, generalized pivotal interval: Shapiro-Francia supports log-normality "
                 "(p = {p_ln} on ln grades) and rejects normality (p = {p_raw} on grades)",
    "not_lognormal": "arithmetic mean, t interval: a log-normal fit is not supported (Shapiro-Francia "
                     "p = {p_ln} on ln grades, p = {p_raw} on grades; log-normal needs ln p >= {alpha} "
                     "and grades p < {alpha})",
    "few_to_test": "arithmetic mean, t interval: {n} samples, too few to test log-normality (< {min_test_n})",
    "wide_ln": "arithmetic mean, t interval: sd of ln grades {ln_sd} > {max_ln_sd} with n < {max_ln_sd_n}, "
               "where log-normal limits are unstable (US EPA ProUCL)",
    "robust_mle": "robust MLE (Helsel 2012) for {n_c} censored of {n}: lower tail fitted by censored "
                  "likelihood to the lowest {n_fit} samples, averaged by likelihood weight over a log-normal "
                  "({w_ln}), a log-normal within those samples only ({w_win}; high where the samples above them "
                  "look like a richer second population) and a normal law ({w_n}); each censored value at its "
                  "expected value below its limit; mean in original units, t interval with the fits' and the "
                  "averaging's uncertainty",
    "ros": "robust ROS (Helsel 2012) for {n_c} censored of {n}, tail fitted in {tail}: mean in original "
           "units of detects and imputed values, t interval on the {n_d} detects",
    "substitution": "{n_c} censored of {n}, too few detects for ROS (needs >= 2 detects and <= 80 % "
                    "censored): censored at DL/2 in original units, t interval; unreliable",
    "no_spread": "{n} sample(s) and no deposit with enough samples to pool a spread from: not estimated",
}
# Far beyond any grade (1e6 ppm is 100 %, detection limits are above 1e-6 ppm), and narrow
# enough that squares, ratios and log-normal draws neither overflow nor underflow: a value
# outside is a unit or data error, not a grade.
MIN_VALUE, MAX_VALUE = 1e-12, 1e12
POOLED_NOTE = "; spread pooled from {pooled_k} deposits with >= {min_samples} samples"


class MeanGradeEstimator:
    """Mean grade and its uncertainty for many deposits (groups) at once.

    ``censored_method``: ``robust_mle`` (default) or ``ros`` for deposits with censored
    values (ROS is also the fallback where the robust MLE fit cannot be made).

    Fitted attributes (arrays with one entry per group): ``estimator_`` (lognormal,
    robust_mle, ros, substitution, arithmetic or none), ``mle_window_`` (samples in the
    robust MLE window), ``mle_normal_weight_`` and ``mle_window_weight_`` (the weights of
    its normal tail and of its within-window log-normal, ``robust_mle``),
    ``reason_`` (a key of REASONS), ``n_``,
    ``n_censored_``, ``mean_`` (best estimate), ``lo_`` and ``hi_`` (the central ``level``
    interval), ``ros_log_tail_`` (ROS line fitted to ln grades), ``p_normal_`` and
    ``p_lognormal_`` (Shapiro–Francia p-values, NaN where untested), ``pooled_`` (spread
    from other deposits); the draw parameters ``se_`` and
    ``dof_`` (t estimators) and ``ln_mean_`` / ``ln_var_`` (log-normal). With
    ``iterations = 0`` the log-normal groups' ``mean_``, ``lo_`` and ``hi_`` stay NaN.
    """

    def __init__(self, level: float = INTERVAL_LEVEL, alpha: float = 0.05, min_test_n: int = 8,
                 max_ln_sd: float = 1.0, max_ln_sd_n: int = 30, min_samples: int = 2,
                 iterations: int = 1500, random_state: int | np.random.Generator | None = None,
                 censored_method: str = "robust_mle") -> None:
        self.level = level
        self.alpha = alpha
        self.min_test_n = min_test_n
        self.max_ln_sd = max_ln_sd
        self.max_ln_sd_n = max_ln_sd_n
        self.min_samples = min_samples
        self.iterations = iterations
        self.random_state = random_state
        self.censored_method = censored_method

    def fit(self, groups: np.ndarray, values: np.ndarray, censored: np.ndarray | None = None,
            n_groups: int | None = None) -> MeanGradeEstimator:
        """``values`` > 0 per sample (the detection limit where ``censored``), ``groups`` the
        sample's group 0 … n_groups − 1."""
        groups = np.asarray(groups, dtype=np.intp)
        values = np.asarray(values, dtype=float)
        censored = np.zeros(len(values), bool) if censored is None else np.asarray(censored, bool)
        _check_values(values)
        if self.censored_method not in CENSORED_METHODS:
            raise ValueError(f"censored_method must be one of {CENSORED_METHODS}, not {self.censored_method!r}")
        size = int(n_groups if n_groups is not None else (groups.max() + 1 if len(groups) else 0))
        self.n_ = np.bincount(groups, minlength=size)
        self.n_censored_ = np.bincount(groups, weights=censored, minlength=size).astype(int)
        robust, use = None, np.zeros(size, bool)
        if self.censored_method == "robust_mle" and censored.any():
            robust = robust_mle_mean(groups, values, censored, size)
            use = robust.ok & (self.n_ >= max(self.min_samples, 2))
        done = complete_censored(groups, values, censored, size, skip=use)
        n, mean, var = mean_var(done.groups, done.values, size)
        if robust is not None:  # its own completed sample: detects and expected censored values
            mean, var = np.where(use, robust.mean, mean), np.where(use, robust.var, var)
        self.ros_log_tail_ = done.log_tail
        how = np.where(use, "robust_mle", done.how).astype(object)
        self.mle_window_ = robust.window if robust is not None else np.zeros(size, int)
        zero = np.zeros(size)
        self.mle_normal_weight_ = np.where(use, robust.normal_weight, 0.0) if robust is not None else zero
        self.mle_window_weight_ = np.where(use, robust.window_weight, 0.0) if robust is not None else zero
        self._choose(groups, values, size, how)
        self._t_parameters(n, mean, var)
        if robust is not None:
            rows = self.estimator_ == "robust_mle"
            self.se_ = np.where(rows, robust.se, self.se_)
            self.dof_ = np.where(rows, self.n_ - 1.0, self.dof_)
        self._interval()
        return self

    def _choose(self, groups: np.ndarray, values: np.ndarray, size: int, how: np.ndarray) -> None:
        ln = np.log(values)
        go = sort_within_groups(groups, values, size)
        _, self.p_normal_ = shapiro_francia(groups, values, size, go)
        _, self.p_lognormal_ = shapiro_francia(groups, ln, size, go)
        _, self.ln_mean_, self.ln_var_ = mean_var(groups, ln, size)
        n = self.n_
        plain = (self.n_censored_ == 0) & (n > 0)
        testable = plain & (n >= max(self.min_test_n, self.min_samples))
        self.p_normal_ = np.where(testable, self.p_normal_, np.nan)
        self.p_lognormal_ = np.where(testable, self.p_lognormal_, np.nan)
        shape_ok = (self.p_lognormal_ >= self.alpha) & (self.p_normal_ < self.alpha)
        calm = (np.sqrt(self.ln_var_) <= self.max_ln_sd) | (n >= self.max_ln_sd_n)
        lognormal = testable & shape_ok & calm
        kinds = ["robust_mle", "ros", "substitution"]
        by_how = [how == k for k in kinds]
        self.estimator_ = np.select([lognormal, *by_how, n > 0], ["lognormal", *kinds, "arithmetic"],
                                    "none").astype(object)
        self.reason_ = np.select(
            [lognormal, *by_how, testable & shape_ok, testable, plain],
            ["lognormal", *kinds, "wide_ln", "not_lognormal", "few_to_test"], "no_spread",
        ).astype(object)

    def _t_parameters(self, n: np.ndarray, mean: np.ndarray, var: np.ndarray) -> None:
        is_t = np.isin(self.estimator_, T_ESTIMATORS)
        own = is_t & (n >= max(self.min_samples, 2))
        rel = np.where(own & (mean > 0), var / np.where(mean > 0, mean, 1.0) ** 2, np.nan)
        ok = own & np.isfinite(rel)
        dof_pool = float(np.sum(n[ok] - 1))
        self.pooled_k_ = int(ok.sum())
        pooled_rel = float(np.sum((n[ok] - 1) * rel[ok]) / dof_pool) if dof_pool > 0 else np.nan
        self.pooled_ = is_t & ~own & np.isfinite(pooled_rel)
        with np.errstate(invalid="ignore", divide="ignore"):
            # A censored value tells only that it lies below its limit: the standard error
            # counts the detects (n_eff = n − n_censored; the simulation study shows that the
            # full n gives ROS intervals too narrow, e.g. 70 % coverage for 80 %).
            n_eff = np.maximum(n - self.n_censored_, 1)
            se_own = np.sqrt(var / n_eff)
            se_pool = mean * np.sqrt(pooled_rel / n)
        self.se_ = np.where(own, se_own, np.where(self.pooled_, se_pool, np.nan))
        self.dof_ = np.where(own, np.maximum(n_eff - 1, 1), np.where(self.pooled_, dof_pool, np.nan))
        self._t_mean = mean
        no_spread = is_t & ~own & ~self.pooled_
        self.estimator_ = np.where(no_spread, "none", self.estimator_).astype(object)
        self.reason_ = np.where(no_spread, "no_spread", self.reason_).astype(object)

    def _interval(self) -> None:
        lo_q, hi_q = 0.5 - self.level / 2.0, 0.5 + self.level / 2.0
        is_t = np.isin(self.estimator_, T_ESTIMATORS)
        # t quantiles per distinct dof (few), not per deposit (scipy's ppf is slow per value).
        distinct, which = np.unique(np.where(is_t & np.isfinite(self.dof_), self.dof_, 1.0), return_inverse=True)
        half = stats.t.ppf(hi_q, distinct)[which] * self.se_
        self.mean_ = np.where(is_t, self._t_mean, np.nan)
        self.lo_ = np.where(is_t, np.maximum(self._t_mean - half, 0.0), np.nan)
        self.hi_ = np.where(is_t, self._t_mean + half, np.nan)
        ln_rows = np.flatnonzero(self.estimator_ == "lognormal")
        # The log-normal interval has no closed form: it comes from draws (skipped with
        # iterations = 0, when the caller makes its own draws in chunks).
        if len(ln_rows) and self.iterations > 0:
            rng = np.random.default_rng(self.random_state)
            q = np.quantile(self.draws(ln_rows, self.iterations, rng), [lo_q, 0.5, hi_q], axis=1)
            self.lo_[ln_rows], self.mean_[ln_rows], self.hi_[ln_rows] = q

    def draws(self, rows: np.ndarray, iterations: int, rng: np.random.Generator) -> np.ndarray:
        """(len(rows) × iterations) draws of the mean grade of the groups ``rows``."""
        return self.sample(rows, iterations, rng, ())[0]

    def sample(self, rows: np.ndarray, iterations: int, rng: np.random.Generator,
               kth: tuple[int, ...]) -> tuple[np.ndarray, np.ndarray]:
        """Draws as ``draws``, and their order statistics ``kth`` (0-based) per row where
        they are known without sorting the row (t estimators), NaN elsewhere.

        A t row is mean + se·T with T shared by every row of the same dof (common random
        numbers), an increasing map: its order statistics are those of T, sorted once per
        dof instead of once per deposit."""
        rows = np.asarray(rows, dtype=np.intp)
        out = np.full((len(rows), iterations), np.nan)
        order_stats = np.full((len(rows), len(kth)), np.nan)
        kind = self.estimator_[rows]
        ln = kind == "lognormal"
        if ln.any():
            r = rows[ln]
            out[ln] = mean_grade_draws(self.ln_mean_[r], self.ln_var_[r], self.n_[r] - 1.0,
                                       self.n_[r].astype(float), iterations, rng)
        t = np.isin(kind, T_ESTIMATORS)
        if t.any():
            r = rows[t]
            shared, which = t_draws(self.dof_[r], iterations, rng)
            mean, se = self._t_mean[r, None], self.se_[r, None]
            out[t] = np.maximum(mean + se * shared[which], 0.0)
            if kth:
                order_stats[t] = np.maximum(mean + se * np.sort(shared, axis=1)[:, list(kth)][which], 0.0)
        return out, order_stats

    def rationale(self) -> np.ndarray:
        """Why each group's estimator was chosen (one sentence per group, from REASONS)."""
        out = np.empty(len(self.estimator_), dtype=object)
        settings = {"alpha": self.alpha, "min_test_n": self.min_test_n, "max_ln_sd": self.max_ln_sd,
                    "max_ln_sd_n": self.max_ln_sd_n, "min_samples": self.min_samples,
                    "pooled_k": self.pooled_k_}
        columns = {"n": self.n_, "n_c": self.n_censored_, "p_ln": _p_text(self.p_lognormal_),
                   "p_raw": _p_text(self.p_normal_), "ln_sd": np.round(np.sqrt(self.ln_var_), 2),
                   "n_d": self.n_ - self.n_censored_, "n_fit": self.mle_window_,
                   "tail": np.where(self.ros_log_tail_, "ln units", "original units"),
                   **_tail_weights(self.mle_normal_weight_, self.mle_window_weight_)}
        for code, template in REASONS.items():
            hit = np.flatnonzero(self.reason_ == code)
            if not len(hit):
                continue
            needed = [k for k in columns if "{" + k + "}" in template]
            out[hit] = [template.format(**settings, **dict(zip(needed, row)))
                        for row in zip(*(columns[k][hit] for k in needed))] if needed else template.format(**settings)
        pooled = np.flatnonzero(self.pooled_)
        if len(pooled):
            out[pooled] = out[pooled] + POOLED_NOTE.format(**settings)
        return out


def _check_values(values: np.ndarray) -> None:
    bad = np.flatnonzero(~((values >= MIN_VALUE) & (values <= MAX_VALUE)))  # NaN fails both
    if len(bad):
        raise TailingsInputError(
            "Mean grade: {0} value(s) are not between {1:g} and {2:g} (zero, negative, missing or infinite grades and "
            "detection limits must be left out before estimating)", len(bad), MIN_VALUE, MAX_VALUE,
            row=int(bad[0]), value=float(values[bad[0]]))


def t_draws(dof: np.ndarray, iterations: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Student t draws: one row per distinct ν, and each entry of ``dof``'s row in it.

    Common random numbers, as in ``lognormal_mean``: one normal vector and one χ² vector
    per distinct ν, so each row has exactly the t_ν distribution at a fraction of the RNG
    cost (only each row's own percentiles are used)."""
    distinct, which = np.unique(np.maximum(dof, 1.0), return_inverse=True)
    z = stratified.normals(rng, iterations)
    chi2 = stratified.chi_squares(rng, distinct, iterations)
    return z / np.sqrt(chi2 / distinct[:, None]), which


def _tail_weights(normal: np.ndarray, window: np.ndarray) -> dict[str, np.ndarray]:
    """The robust MLE's tail weights as percentages for the rationale."""
    def pct(x: np.ndarray) -> np.ndarray:
        return np.char.add(np.round(100 * x).astype(int).astype(str), " %")

    return {"w_ln": pct((1 - normal) * (1 - window)), "w_win": pct((1 - normal) * window), "w_n": pct(normal)}


def _p_text(p: np.ndarray) -> np.ndarray:
    return np.where(np.isfinite(p), np.char.mod("%.2g", np.nan_to_num(p)), "n/a")
