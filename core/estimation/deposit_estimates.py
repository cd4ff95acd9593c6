"""Deposit-level grade, tonnage and contained metal for co, cu, zn and tree.

For each deposit and commodity, in this order (docs/estimation.md explains the choices):

1. ``measured``: at least ``min_samples`` measured grades → the mean-grade estimator the
   data support (``mean_grade``: robust ROS where values are censored, the log-normal
   generalized pivotal only where a test supports log-normality, else the arithmetic
   mean); censored values enter at their detection limit, flagged, never as DL/2.
   ``x_estimator`` records the choice, ``estimate_basis`` why.
2. ``regression``: fewer measured grades, but samples lacking the element have a saved
   model's predictors → measured and predicted ln grades together; the model's error is
   propagated (a shared deposit bias drawn from the model's out-of-fold group residuals
   plus independent within-deposit error).
3. ``measured`` with a warning: 1 … min_samples−1 measured grades and no model → the
   arithmetic mean of those few, its spread from the pooled relative variance of the
   deposits with enough samples.
4. ``analogue``: no samples → the mill mass balance where head grade and recovery are
   recorded, else the predictive distribution of mean grades of sampled deposits with
   the same ore type / source commodity / mining era (falling back to broader groups).
5. ``none``: nothing to go on; numbers stay NULL.

Contained metal = tonnage × grade, combined by Monte Carlo (independent draws, fixed
seed); best = P50, ``_lo`` = 10th percentile (P90), ``_hi`` = 90th percentile (P10).
"""
from __future__ import annotations

import os
import threading
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ..errors import TailingsInputError
from ..message import Message
from ..report_style import Translate, untranslated
from ..schema import COMMODITIES, ESTIMATE_EXTRA_FIELDS, INTERVAL_LEVEL
from .censored_mle import censored_moments
from .deposit_notes import DepositNotes
from .lognormal_mean import mean_grade_draws, pooled_variance
from .mass_balance import tailings_grade
from .mean_grade import MeanGradeEstimator
from .prediction import predict_samples
from .tonnage import TonnageRanges, tonnage_basis, tonnage_draws
from .training_data import SAMPLE_ID, clean_grades, element_of

DEPOSIT_ID = "deposit_id"
# Names from the one field registry (core.schema.ESTIMATE_EXTRA_FIELDS), not retyped here.
TONNAGE_FIELDS = tuple(spec.name for spec in ESTIMATE_EXTRA_FIELDS[:3])
WARNING_FIELD, BASIS_FIELD = (spec.name for spec in ESTIMATE_EXTRA_FIELDS[3:5])
PPM_TO_FRACTION = 1e-6
LOW_Q, HIGH_Q = 0.5 - INTERVAL_LEVEL / 2.0, 0.5 + INTERVAL_LEVEL / 2.0  # P90 and P10
# Era bins for analogues: before industrial flotation, early flotation, post-war, modern.
ERA_BINS = (-np.inf, 1900, 1950, 1980, np.inf)
ERA_LABELS = ("before 1900", "1900-1949", "1950-1979", "1980 or later")
# Judgement values for the mass balance (docs/estimation.md): head-grade and recovery
# records of historic mills are uncertain, and the mass balance ignores losses/dilution.
HEAD_GRADE_LN_SD = 0.15
RECOVERY_ABS = 0.03
MASS_BALANCE_LN_SD = 0.30
MIN_ANALOGUES = 3
MC_THREADS = 2  # Monte Carlo chunks in flight at once (memory: see EstimateSettings.chunk_deposits)

CancelHook = Callable[[], None]


@dataclass(frozen=True)
class EstimateSettings:
    min_samples: int = 5
    # 1,500 stratified draws beat 2,000 plain ones on every P90/P10 error that
    # bench/bench_mc_precision.py reports (docs/benchmarks.md, 2026-12-03).
    iterations: int = 1500
    seed: int = 42
    tonnage: TonnageRanges = field(default_factory=TonnageRanges)
    # Source files (``src_file``) whose grades are proxies (e.g. pXRF Co, which reads poorly
    # because Co Kα overlaps Fe Kβ; DOMAIN.md §4): for a commodity that has a model, their
    # values are not used as measured and those samples are predicted instead. Commodities
    # without a model keep them as measured (pXRF Cu and Zn are usable).
    proxy_files: tuple[str, ...] = ()
    # Deposits per Monte Carlo chunk: memory is about 6 × chunk × iterations × 8 bytes for
    # each of the MC_THREADS chunks in flight. Each chunk is seeded by its first row, so the
    # chunk size is part of what a seed reproduces. 1,000 (it was 2,000 until 2026-12-04):
    # 0.2 GB less at national scale and no slower (docs/benchmarks.md).
    chunk_deposits: int = 1000


@dataclass
class LoadedModel:
    pipeline: Any
    metadata: dict[str, Any]
    source: str = ""


@dataclass
class EstimateResult:
    frame: pd.DataFrame
    messages: list[str]
    notes: DepositNotes | None = None  # the estimate_warning texts, as templates for the log

    def warning_texts(self, tr: Translate = untranslated) -> list[tuple[object, str]]:
        """(deposit_id, its warnings in the language of ``tr``) for each deposit with a warning."""
        if self.notes is None:
            return []
        text = self.notes.text(tr).to_numpy(dtype=object)
        rows = np.flatnonzero(text != "")
        return list(zip(self.frame["deposit_id"].to_numpy(dtype=object)[rows], text[rows], strict=True))


def _append(series: pd.Series, mask: pd.Series | np.ndarray, text: pd.Series | str) -> pd.Series:
    mask = pd.Series(np.asarray(mask, dtype=bool), index=series.index)
    if not mask.any():
        return series
    add = text[mask] if isinstance(text, pd.Series) else pd.Series(text, index=series.index)[mask]
    # A comprehension into a numpy array, not str.cat or .loc: each of those holds the GIL in one
    # C call for 0.5-1 s at 100,000 deposits, and core.monitored's progress thread needs it.
    values = series.to_numpy(dtype=object).copy()
    rows = np.flatnonzero(mask.to_numpy())
    values[rows] = [f"{a}; {b}" if a else str(b) for a, b in zip(values[rows], add, strict=True)]
    return pd.Series(values, index=series.index, dtype=object)


def _ln_stats(position: np.ndarray, ln_values: np.ndarray, index: pd.Index,
              ln_limit: np.ndarray | None = None) -> pd.DataFrame:
    """n, mean and variance (ddof 1) of the ln values per deposit, by deposit position.

    Values with a finite ``ln_limit`` are censored: they enter as "below the limit" (a
    censored-normal MLE in ln space), not at the importer's DL/2, which in log space is an
    outlier (DOMAIN.md §4)."""
    ln_limit = np.full(len(ln_values), np.nan) if ln_limit is None else ln_limit
    ok = ~np.isnan(ln_values) | np.isfinite(ln_limit)
    n, mean, var = censored_moments(position[ok], ln_values[ok], ln_limit[ok], len(index))
    return pd.DataFrame({"n": n, "mean": mean, "var": var}, index=index)


def _columns_used(commodity: str, model: LoadedModel | None) -> list[str]:
    """The sample columns one commodity's estimate reads (predict_samples' messages name sample_id)."""
    used = [f"{commodity}_ppm", f"{commodity}_flag", f"{commodity}_dl", "src_file", SAMPLE_ID]
    for predictor in (model.metadata["predictors"] if model is not None else ()):
        used += [predictor, f"{element_of(predictor)}_flag"]
    return list(dict.fromkeys(used))


def sample_columns_used(models: Mapping[str, LoadedModel] | None = None) -> list[str]:
    """Every sample column ``estimate_deposits`` reads with these models; a caller short of
    memory may drop the others from its sample table first."""
    models = models or {}
    return list(dict.fromkeys([DEPOSIT_ID, *(c for commodity in COMMODITIES
                                             for c in _columns_used(commodity, models.get(commodity)))]))


def _sample_sets(samples: pd.DataFrame, position: np.ndarray, commodity: str, model: LoadedModel | None,
                 index: pd.Index, proxy_files: tuple[str, ...] = (),
                 ) -> tuple[pd.DataFrame, pd.DataFrame, pd.Series]:
    """Measured ln stats, combined (measured + predicted) stats, and extrapolated counts,
    each indexed like the deposits. ``position`` is each sample's deposit row (−1: none)."""
    column = f"{commodity}_ppm"
    linked_mask = position >= 0
    # Only the columns used here: the linked rows of the whole sample table, copied per
    # commodity, cost 0.6 GB and a second each at national scale.
    used = _columns_used(commodity, model)
    linked = samples.loc[linked_mask, [c for c in used if c in samples.columns]]
    pos = position[linked_mask]
    measured = (clean_grades(linked, column) if column in linked.columns
                else pd.Series(np.nan, index=linked.index))
    censored = _censored_at_limit(linked, commodity)
    if model is not None and proxy_files and "src_file" in linked.columns:
        proxy = linked["src_file"].isin(proxy_files)
        measured, censored = measured.mask(proxy), censored.mask(proxy)
    # Censored values enter the mean-grade estimator at their limit, flagged (not as DL/2).
    at_limit = censored.notna().to_numpy()
    values = np.where(at_limit, censored.to_numpy(float), measured.to_numpy(float))
    usable = values > 0
    mset = MeasuredSet(pos[usable], values[usable], at_limit[usable])
    ln_measured = np.log(measured.where(measured > 0)).to_numpy(float)
    ln_limit = np.log(censored.to_numpy(float))  # NaN unless censored at a stated limit
    meas = _ln_stats(pos, ln_measured, index, ln_limit)
    extrapolated = pd.Series(0.0, index=index)
    combined_ln = ln_measured.copy()
    is_pred = np.zeros(len(linked), dtype=bool)
    if model is not None:
        lacking = np.flatnonzero(np.isnan(ln_measured) & ~at_limit)
        if len(lacking):
            pred = predict_samples(model.pipeline, model.metadata, linked.iloc[lacking])
            ok = pred["usable"].to_numpy()
            combined_ln[lacking[ok]] = pred["pred_ln"].to_numpy()[ok]
            is_pred[lacking[ok]] = True
            extrapolated[:] = np.bincount(pos[lacking[ok]], weights=pred["extrapolated"].to_numpy(float)[ok],
                                          minlength=len(index))
    comb = _ln_stats(pos, combined_ln, index, ln_limit)
    comb["n_pred"] = np.bincount(pos[is_pred], minlength=len(index)).astype(float)
    return meas, comb, extrapolated, mset


@dataclass(frozen=True)
class MeasuredSet:
    """One commodity's measured samples: deposit position, value (the DL where censored)."""

    position: np.ndarray
    values: np.ndarray
    censored: np.ndarray


def _censored_at_limit(linked: pd.DataFrame, commodity: str) -> pd.Series:
    """The detection limit of each censored sample that states one (``<el>_dl``), else NaN.

    A censored flag without a limit (e.g. ``tree_ppm``, a sum in which only some REE were
    below their limits) keeps its value as a detect."""
    flag, dl = f"{commodity}_flag", f"{commodity}_dl"
    if flag not in linked.columns or dl not in linked.columns:
        return pd.Series(np.nan, index=linked.index)
    limit = pd.to_numeric(linked[dl], errors="coerce").astype(float)
    return limit.where(linked[flag].eq("censored").fillna(False).astype(bool) & (limit > 0))


def _era(deposits: pd.DataFrame) -> pd.Series:
    year = pd.Series(np.nan, index=deposits.index)
    for column in ("mining_end", "mining_start"):
        if column in deposits.columns:
            year = year.fillna(pd.to_numeric(deposits[column], errors="coerce"))
    era = pd.cut(year, ERA_BINS, labels=ERA_LABELS, right=False)
    return era.astype("string")


def _norm_text(deposits: pd.DataFrame, column: str) -> pd.Series:
    if column not in deposits.columns:
        return pd.Series(pd.NA, index=deposits.index, dtype="string")
    text = deposits[column].astype("string").str.strip().str.lower()
    return text.mask(text.eq(""))


def _quantiles(draws: np.ndarray, scratch: bool = False) -> np.ndarray:
    """P90, P50, P10 (10th, 50th, 90th percentiles) per row, by one partial sort.

    Order statistics (the ⌈q·m⌉-th of m draws, "inverted CDF") rather than interpolation;
    with ≥ 1000 draws the difference is far below the Monte Carlo error. ``np.partition``
    with the three positions gives exactly the values a full sort puts there; on the numpy
    the plugin runs with inside QGIS (1.24) it is about 3× faster than a row sort, which
    was 85 % of the estimate step's time (2000 × 2000 draws; bench/bench_estimate.py).
    ``scratch``: the caller no longer needs ``draws``, which is then partitioned in place
    (without the copy: 24 MB less per chunk and thread at 2,000 deposits × 1,500 draws).
    """
    out = np.full((draws.shape[0], 3), np.nan)
    ok = ~np.isnan(draws).any(axis=1)  # +inf draws (overflow in the far tail) are legitimate
    if ok.any():
        kth = list(_order_index(draws.shape[1]))
        if scratch and ok.all():
            draws.partition(kth, axis=1)
            out[:] = draws[:, kth]
        else:
            out[ok] = np.partition(draws[ok], kth, axis=1)[:, kth]
    return out


def _order_index(m: int) -> tuple[int, int, int]:
    """0-based positions of P90, P50 and P10 among m sorted draws."""
    return tuple(max(int(np.ceil(q * m)) - 1, 0) for q in (LOW_Q, 0.5, HIGH_Q))


def _recovery(deposits: pd.DataFrame, commodity: str, notes: DepositNotes) -> pd.Series:
    column = f"{commodity}_recovery"
    if column not in deposits.columns:
        return pd.Series(np.nan, index=deposits.index)
    r = pd.to_numeric(deposits[column], errors="coerce").astype(float)
    percent = (r > 1) & (r <= 100)
    notes.add(percent, Message("{0} > 1 read as a percentage"), column)
    r = r.where(~percent, r / 100.0)
    bad = r.notna() & ((r < 0) | (r >= 1))
    notes.add(bad, Message("{0} outside 0-1 ignored"), column)
    return r.where(~bad)


def estimate_deposits(deposits: pd.DataFrame, samples: pd.DataFrame,
                      models: Mapping[str, LoadedModel] | None = None,
                      settings: EstimateSettings = EstimateSettings(), *,
                      cancel: CancelHook | None = None,
                      progress: Callable[[float], None] | None = None) -> EstimateResult:
    """The deposits with estimate fields added (see module docstring)."""
    models = dict(models or {})
    if DEPOSIT_ID not in deposits.columns:
        raise TailingsInputError("The deposit layer has no deposit_id field", column=DEPOSIT_ID)
    if DEPOSIT_ID not in samples.columns:
        raise TailingsInputError("The sample table has no deposit_id field", column=DEPOSIT_ID)
    if settings.min_samples < 1 or settings.iterations < 100:
        raise TailingsInputError("MIN_SAMPLES must be ≥ 1 and ITERATIONS ≥ 100",
                                 value=(settings.min_samples, settings.iterations))
    ids = deposits[DEPOSIT_ID].astype("string")
    if ids.isna().any() or ids.duplicated().any():
        bad = ids[ids.isna() | ids.duplicated()].iloc[0]
        raise TailingsInputError("deposit_id must be non-empty and unique in the deposit layer",
                                 column=DEPOSIT_ID, value=None if pd.isna(bad) else str(bad))
    out = deposits.copy()
    out.index = pd.Index(ids.to_numpy(dtype=object), name=None)
    sample_ids = samples[DEPOSIT_ID].astype("string")
    # Each sample's deposit row (−1 when unlinked or unknown): groupings become bincounts.
    position = out.index.get_indexer(sample_ids.fillna("\x00<none>").to_numpy(dtype=object))
    messages = []
    unlinked = int(sample_ids.isna().sum())
    unknown = int(((position < 0) & sample_ids.notna().to_numpy()).sum())
    messages.append(Message("samples: {0} read = {1} linked to a deposit + {2} unlinked + {3} with a deposit_id not "
                            "in the deposit layer (the last two are not used)", len(samples),
                            len(samples) - unlinked - unknown, unlinked, unknown))
    grade_columns = [f"{c}_ppm" for c in COMMODITIES]
    if len(samples) and not models and not set(grade_columns) & set(samples.columns):
        messages.append(Message("samples: none of the grade fields {0} is in the sample table, so no deposit is "
                                "estimated from its samples (is ASSAYS the output of importassays?)",
                                ", ".join(grade_columns)))
    for commodity, model in models.items():
        missing = [p for p in model.metadata["predictors"] if p not in samples.columns]
        if missing:
            raise TailingsInputError("The {0} model needs predictor(s) missing in the sample table: {1}", commodity,
                                     ", ".join(missing), file=model.source or None, column=missing[0])

    source, inputs, notes = tonnage_basis(out)
    basis = pd.Series("", index=out.index, dtype=object)
    notes.add(source.eq("none"), Message("no tonnage: contained metal not estimated"))
    era = _era(out)
    keys = {"ore_type": _norm_text(out, "ore_type"), "source_commodity": _norm_text(out, "source_commodity"),
            "era": era}

    # Progress: the estimator fits (and model predictions) first, then the Monte Carlo.
    fit_share = 0.2
    plans = []
    for k, commodity in enumerate(COMMODITIES):
        if cancel is not None:
            cancel()
        plan = _sampled_plan(out, samples, position, commodity, k, models.get(commodity), settings, notes)
        plans.append(plan)
        if progress is not None:
            progress(fit_share * (k + 1) / len(COMMODITIES))

    # Monte Carlo in chunks of deposits, so memory stays bounded (chunk × iterations floats);
    # a chunk's tonnage draws are regenerated from its own seed in both passes.
    n_dep = len(out)
    starts = range(0, n_dep, settings.chunk_deposits)
    tq = np.full((n_dep, 3), np.nan)
    for plan in plans:
        plan.grade_q = np.full((n_dep, 3), np.nan)
        plan.metal_q = np.full((n_dep, 3), np.nan)
    total_steps = 2 * max(len(starts), 1)

    parts = _Tally()  # commodities drawn, across the worker threads

    def sampled_chunk(start: int) -> None:
        rows = slice(start, min(start + settings.chunk_deposits, n_dep))
        tonnage = _chunk_tonnage(source, inputs, rows, start, settings)
        tq[rows] = _quantiles(tonnage)
        for plan in plans:
            _draw_chunk(plan, rows, start, tonnage, settings, analogue_pass=False)
            parts.add()

    # Progress per commodity of a chunk (each well under a second), polled from this thread.
    n_parts = max(len(starts) * len(plans), 1)
    for done in _in_threads(sampled_chunk, starts, cancel, lambda: parts.value / n_parts):
        if progress is not None:
            progress(fit_share + (1 - fit_share) * done * len(starts) / total_steps)
    for i, name in enumerate(TONNAGE_FIELDS):
        out[name] = tq[:, i]
    for plan in plans:
        _analogue_plan(out, plan, keys, notes)
    for step, start in enumerate(starts):
        if cancel is not None:
            cancel()
        rows = slice(start, min(start + settings.chunk_deposits, n_dep))
        if not any(plan.kind[rows].isin(["mass_balance", "analogue_t"]).any() for plan in plans):
            continue
        tonnage = _chunk_tonnage(source, inputs, rows, start, settings)
        for plan in plans:
            _draw_chunk(plan, rows, start, tonnage, settings, analogue_pass=True)
        if progress is not None:
            progress(fit_share + (1 - fit_share) * (len(starts) + step + 1) / total_steps)

    for plan in plans:
        c = plan.commodity
        gq, mq = plan.grade_q, plan.metal_q
        out[f"{c}_ppm"], out[f"{c}_ppm_lo"], out[f"{c}_ppm_hi"] = gq[:, 1], gq[:, 0], gq[:, 2]
        out[f"{c}_t"], out[f"{c}_t_lo"], out[f"{c}_t_hi"] = mq[:, 1], mq[:, 0], mq[:, 2]
        out[f"{c}_n"] = plan.n_used.where(plan.method.isin(["measured", "regression"]), 0).astype("int64")
        out[f"{c}_method"] = plan.method.to_numpy(dtype=object)
        estimator = plan.estimator.mask(plan.kind.eq("mass_balance"), "mass_balance")
        estimator = estimator.mask(plan.kind.eq("analogue_t"), "analogue").mask(plan.method.eq("none"), None)
        out[f"{c}_estimator"] = estimator.to_numpy(dtype=object)
        out[f"{c}_n_censored"] = np.where(plan.method.isin(["measured", "regression"]), plan.n_censored, 0
                                          ).astype("int64")
        basis = _append(basis, plan.basis.ne(""), plan.basis)
    warnings = notes.text()
    out[WARNING_FIELD] = warnings.mask(warnings.eq("")).to_numpy(dtype=object)
    out[BASIS_FIELD] = basis.mask(basis.eq("")).to_numpy(dtype=object)
    out.index = deposits.index
    for commodity in COMMODITIES:
        counts = out[f"{commodity}_method"].value_counts()
        messages.append(f"{commodity}: " + ", ".join(f"{m} {int(counts.get(m, 0))}"
                                                    for m in ("measured", "regression", "analogue", "none")))
        used = out[f"{commodity}_estimator"].value_counts()
        messages.append(Message("{0} estimators: {1}", commodity,
                                ", ".join(f"{k} {int(v)}" for k, v in used.items()) or Message("none")))
    return EstimateResult(out, messages, notes)


@dataclass
class _Plan:
    """Per-deposit parameters of one commodity's grade distribution (vectors over deposits)."""

    commodity: str
    index: int
    method: pd.Series
    kind: pd.Series          # measured, lognormal (regression), mass_balance, analogue_t or none
    n_used: pd.Series
    mean: np.ndarray
    s2: np.ndarray
    dof: np.ndarray
    n_pred: np.ndarray
    basis: pd.Series
    model: LoadedModel | None = None
    params: dict[str, np.ndarray] = field(default_factory=dict)
    fit: MeanGradeEstimator | None = None  # measured deposits' mean-grade estimator
    estimator: pd.Series | None = None     # x_estimator per deposit (NULL without samples)
    n_censored: np.ndarray | None = None
    grade_q: np.ndarray | None = None
    metal_q: np.ndarray | None = None


def _sampled_plan(out: pd.DataFrame, samples: pd.DataFrame, position: np.ndarray, commodity: str, k: int,
                  model: LoadedModel | None, settings: EstimateSettings,
                  notes: DepositNotes) -> _Plan:
    meas, comb, extrapolated, mset = _sample_sets(samples, position, commodity, model, out.index,
                                                  settings.proxy_files)
    # iterations = 0: the Monte Carlo below draws from the fitted estimator chunk by chunk.
    fit = MeanGradeEstimator(min_samples=settings.min_samples, iterations=0, random_state=settings.seed).fit(
        mset.position, mset.values, mset.censored, len(out.index))
    n_meas = pd.Series(fit.n_, index=out.index)
    n_comb = comb["n"].reindex(out.index).fillna(0).astype(int)
    n_pred = comb["n_pred"].reindex(out.index).fillna(0).astype(int)
    method = pd.Series(np.select(
        [n_meas >= settings.min_samples, n_pred > 0, n_meas >= 1],
        ["measured", "regression", "measured"], "analogue"), index=out.index)
    use_comb = method.eq("regression")
    n_used = n_comb.where(use_comb, n_meas)
    n_pred = n_pred.where(use_comb, 0)
    s2, dof = _regression_spread(comb, meas, n_used, use_comb, settings.min_samples)
    no_spread = (method.eq("measured") & (fit.estimator_ == "none")) | (use_comb & ~np.isfinite(s2))
    method = method.mask(no_spread, "none")
    notes.add(no_spread, Message("{0}: too few samples anywhere to estimate the spread"), commodity)
    sampled = method.isin(["measured", "regression"])
    few = (n_used < settings.min_samples) & (n_used > 0)
    notes.add(few & sampled, Message("{0}: only {1} samples (< MIN_SAMPLES {2}); spread from pooled deposits"),
              commodity, n_used, settings.min_samples)
    share = (n_pred / n_used.where(n_used > 0, 1)).to_numpy(float)
    params: dict[str, np.ndarray] = {}
    if model is not None and use_comb.any():
        within_sd = float(model.metadata["interval"]["within_sd"])
        params["group_bias"] = np.asarray(model.metadata["interval"]["group_bias"], dtype=float)
        params["within_sd"] = np.array(within_sd)
        # Predicted values scatter less than true ones by the model's within-deposit error.
        s2 = np.where(use_comb, s2 + share * within_sd ** 2, s2)
        if extrapolated.any():
            ex = extrapolated.astype(int)
            notes.add((ex > 0) & use_comb, Message("{0}: {1} of {2} predicted samples outside the model's "
                                                    "training range"), commodity, ex, n_pred)
    measured = method.eq("measured")
    basis = pd.Series("", index=out.index, dtype=object)
    if measured.any():
        basis[measured] = f"{commodity}: measured, " + pd.Series(fit.rationale(), index=out.index)[measured]
    basis = basis.where(~use_comb, f"{commodity}: regression (" + n_pred.astype(str) + " predicted + "
                        + (n_used - n_pred).astype(str) + " measured), log-space model mean")
    kind = pd.Series(np.select([measured, use_comb & sampled, method.eq("analogue")],
                               ["measured", "lognormal", "analogue"], "none"), index=out.index)
    estimator = pd.Series(np.select([measured, use_comb & sampled], [fit.estimator_, "log_regression"], None),
                          index=out.index, dtype=object)
    mean = comb["mean"].reindex(out.index).to_numpy(float)
    n_censored = np.where(sampled, fit.n_censored_, 0)
    plan = _Plan(commodity, k, method, kind, n_used, mean, s2, dof, n_pred.to_numpy(float), basis, model, params,
                 fit=fit, estimator=estimator, n_censored=n_censored)
    return plan


def _regression_spread(comb: pd.DataFrame, meas: pd.DataFrame, n_used: pd.Series, use_comb: pd.Series,
                       min_samples: int) -> tuple[np.ndarray, np.ndarray]:
    """ln variance and its dof for the regression estimate (measured + predicted ln grades);
    with fewer than MIN_SAMPLES, the pooled within-deposit ln variance of the measured."""
    index = n_used.index
    var = comb["var"].reindex(index)
    meas_var = meas["var"].reindex(index)
    n_ln = meas["n"].reindex(index).fillna(0)
    enough = n_ln >= min_samples
    pooled_s2, pooled_dof = pooled_variance(n_ln[enough].to_numpy(float), meas_var[enough].to_numpy(float))
    if not np.isfinite(pooled_s2):
        pooled_s2, pooled_dof = pooled_variance(n_ln.to_numpy(float), meas_var.to_numpy(float))
    few = (n_used < min_samples) & (n_used > 0)
    s2 = np.where(use_comb, var.where(~few, pooled_s2).to_numpy(float), np.nan)
    dof = np.where(few, pooled_dof, n_used - 1).astype(float)
    return s2, dof


class _Tally:
    """A count the Monte Carlo workers advance and the calling thread reads for progress."""

    def __init__(self) -> None:
        self.value = 0
        self._lock = threading.Lock()

    def add(self) -> None:
        with self._lock:
            self.value += 1


def _in_threads(work: Callable[[int], None], starts: range, cancel: CancelHook | None,
                fraction: Callable[[], float]):
    """Run ``work`` on every chunk start, two at a time; yields ``fraction()`` (the share of
    the work done, which the workers advance) at least every half second, and 1.0 at the end.

    Chunks are independent (each has its own seed and writes only its own rows), and
    numpy's draws and partitions release the GIL, so the two cores of a laptop share the
    Monte Carlo; the results are the same as one chunk after another. Progress and the
    cancel check stay in the calling thread (QGIS's feedback is not called from a worker).
    """
    workers = min(MC_THREADS, os.cpu_count() or 1, max(len(starts), 1))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        pending = [pool.submit(work, start) for start in starts]
        try:
            for future in pending:
                while True:
                    if cancel is not None:
                        cancel()
                    try:
                        future.result(timeout=0.5)
                        break
                    except FutureTimeout:
                        yield min(fraction(), 1.0)
                yield min(fraction(), 1.0)
            yield 1.0
        finally:
            for future in pending:
                future.cancel()


def _chunk_tonnage(source: pd.Series, inputs: pd.DataFrame, rows: slice, start: int,
                   settings: EstimateSettings) -> np.ndarray:
    rng = np.random.default_rng([settings.seed, 0, start])
    return tonnage_draws(source.to_numpy()[rows], inputs.iloc[rows], settings.iterations, rng, settings.tonnage)


def _draw_chunk(plan: _Plan, rows: slice, start: int, tonnage: np.ndarray, settings: EstimateSettings,
                analogue_pass: bool) -> None:
    kinds = plan.kind.to_numpy()[rows]
    wanted = np.isin(kinds, ["mass_balance", "analogue_t"] if analogue_pass else ["measured", "lognormal"])
    if not wanted.any():
        return
    iterations = settings.iterations
    rng = np.random.default_rng([settings.seed, plan.index + 1, start, int(analogue_pass)])
    local = np.flatnonzero(wanted)
    idx = np.arange(rows.start, rows.stop)[local]
    if not analogue_pass:
        grade, grade_q = _sampled_draws(plan, idx, kinds[local], iterations, rng)
    else:
        grade = _analogue_draws(plan, idx, kinds[local], iterations, rng)
        grade_q = np.full((len(idx), 3), np.nan)
    unknown = np.isnan(grade_q).any(axis=1)
    grade_q[unknown] = _quantiles(grade[unknown])
    plan.grade_q[idx] = grade_q
    del grade_q
    with np.errstate(invalid="ignore", over="ignore"):
        metal = tonnage[local]  # (a copy) in place: the same products as t × g × c, without two temporaries
        metal *= grade
        del grade
        metal *= PPM_TO_FRACTION
    plan.metal_q[idx] = _quantiles(metal, scratch=True)


def _sampled_draws(plan: _Plan, idx: np.ndarray, kinds: np.ndarray, iterations: int,
                   rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Mean-grade draws: the measured deposits' chosen estimator, or the regression's
    log-space mean with the model's error; and their P90/P50/P10 where known unsorted."""
    grade = np.full((len(idx), iterations), np.nan)
    grade_q = np.full((len(idx), 3), np.nan)
    measured = kinds == "measured"
    if measured.any():
        grade[measured], grade_q[measured] = plan.fit.sample(idx[measured], iterations, rng,
                                                             _order_index(iterations))
    idx = idx[~measured]
    if len(idx):
        extra = None
        n_pred = plan.n_pred[idx]
        if "group_bias" in plan.params and (n_pred > 0).any():
            n_used = plan.n_used.to_numpy(float)[idx]
            share = (n_pred / np.maximum(n_used, 1))[:, None]
            bias = plan.params["group_bias"]
            shared = rng.choice(bias, size=(len(idx), iterations)) if len(bias) else 0.0
            noise = rng.standard_normal((len(idx), iterations)) * float(plan.params["within_sd"]) \
                * (np.sqrt(n_pred) / np.maximum(n_used, 1))[:, None]
            extra = np.where((n_pred > 0)[:, None], share * shared + noise, 0.0)
        grade[~measured] = mean_grade_draws(plan.mean[idx], plan.s2[idx], plan.dof[idx],
                                            plan.n_used.to_numpy(float)[idx], iterations, rng, extra)
    return grade, grade_q


def _analogue_draws(plan: _Plan, idx: np.ndarray, kinds: np.ndarray, iterations: int,
                    rng: np.random.Generator) -> np.ndarray:
    grade = np.full((len(idx), iterations), np.nan)
    mb = kinds == "mass_balance"
    if mb.any():
        p = {name: values[idx][mb] for name, values in plan.params.items() if name.startswith("mb_")}
        f = p["mb_head"][:, None] * np.exp(rng.normal(0, HEAD_GRADE_LN_SD, (int(mb.sum()), iterations)))
        r = np.clip(p["mb_recovery"][:, None]
                    + rng.uniform(-RECOVERY_ABS, RECOVERY_ABS, (int(mb.sum()), iterations)), 0.0, 0.999)
        t = tailings_grade(f, r, np.broadcast_to(p["mb_conc"][:, None], f.shape))
        grade[mb] = t * np.exp(rng.normal(0, MASS_BALANCE_LN_SD, (int(mb.sum()), iterations)))
    an = ~mb
    if an.any():
        k = plan.params["an_k"][idx][an]
        # Predictive distribution of a new deposit's ln mean grade: μ + s·√(1 + 1/k)·t_{k−1}.
        t = rng.standard_t(np.maximum(k - 1, 1)[:, None], (int(an.sum()), iterations))
        scale = plan.params["an_sd"][idx][an] * np.sqrt(1.0 + 1.0 / k)
        grade[an] = np.exp(plan.params["an_mu"][idx][an][:, None] + scale[:, None] * t)
    return grade


def _analogue_plan(out: pd.DataFrame, plan: _Plan, keys: dict[str, pd.Series],
                   notes: DepositNotes) -> None:
    """Choose mass balance or analogue distribution for deposits without samples."""
    commodity = plan.commodity
    analogue = plan.method.eq("analogue")
    if not analogue.any():
        return
    todo = analogue.copy()
    # (a) Mass balance from mill records.
    head_col, conc_col = f"{commodity}_head_ppm", f"{commodity}_conc_ppm"
    if head_col in out.columns:
        head = pd.to_numeric(out[head_col], errors="coerce").astype(float)
        recovery = _recovery(out, commodity, notes)
        conc = (pd.to_numeric(out[conc_col], errors="coerce").astype(float) if conc_col in out.columns
                else pd.Series(np.nan, index=out.index))
        mb = todo & (head > 0) & recovery.notna()
        if mb.any():
            plan.params.update(mb_head=head.to_numpy(float), mb_recovery=recovery.to_numpy(float),
                               mb_conc=conc.to_numpy(float))
            plan.kind = plan.kind.mask(mb, "mass_balance")
            plan.basis = plan.basis.mask(mb, f"{commodity}: analogue, mass balance t = f(1-R)/(1-R*f/c) "
                                             "from mill records")
            todo &= ~mb
    # (b) Analogue distribution of sampled deposits' mean grades, finest matching group first.
    sampled = plan.method.isin(["measured", "regression"]) & np.isfinite(plan.grade_q[:, 1])
    ln_grade = pd.Series(np.log(plan.grade_q[:, 1]), index=out.index).where(sampled)
    levels = (("ore_type", "source_commodity", "era"), ("ore_type", "source_commodity"), ("ore_type",),
              ("source_commodity",), ("era",), ())
    mu = pd.Series(np.nan, index=out.index)
    sd = pd.Series(np.nan, index=out.index)
    kk = pd.Series(np.nan, index=out.index)
    label = pd.Series("", index=out.index, dtype=object)
    for level in levels:
        pending = todo & mu.isna()
        if not pending.any():
            break
        if level:
            parts = [keys[name].astype("string") for name in level]
            key = parts[0]
            for part in parts[1:]:
                key = key + "|" + part  # NA anywhere makes the key NA: no match at this level
        else:
            key = pd.Series("all", index=out.index, dtype="string")
        pool = pd.DataFrame({"key": key, "v": ln_grade}).dropna().groupby("key")["v"]
        stats = pd.DataFrame({"k": pool.size(), "mu": pool.mean(), "sd": pool.std(ddof=1)})
        stats = stats[stats["k"] >= MIN_ANALOGUES]
        matched = key.map(stats["k"]).where(pending)
        hit = matched.notna()
        mu = mu.where(~hit, key.map(stats["mu"]))
        sd = sd.where(~hit, key.map(stats["sd"]))
        kk = kk.where(~hit, matched)
        name = " + ".join(level) if level else "all sampled deposits"
        label = label.where(~hit, f"{commodity}: analogue, {name} (k = " + matched.astype("Int64").astype(str) + ")")
    found = todo & mu.notna()
    if found.any():
        plan.params.update(an_mu=mu.to_numpy(float), an_sd=sd.to_numpy(float), an_k=kk.to_numpy(float))
        plan.kind = plan.kind.mask(found, "analogue_t")
        plan.basis = plan.basis.mask(found, label)
        todo &= ~found
    notes.add(analogue & ~todo, Message("{0}: no samples, analogue estimate (low confidence, UNFC G4)"), commodity)
    plan.method = plan.method.mask(todo, "none")
    plan.kind = plan.kind.mask(todo, "none")
    notes.add(todo, Message("{0}: no samples and too few analogues (< {1})"), commodity, MIN_ANALOGUES)
