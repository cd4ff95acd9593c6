"""Fit, cross-validate and calibrate one proxy-regression model (the core of ``trainmodel``)."""
from __future__ import annotations

import hashlib
import platform
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import clone
from sklearn.exceptions import ConvergenceWarning
from sklearn.inspection import permutation_importance
from sklearn.pipeline import Pipeline

from ..errors import TailingsInputError
from ..message import Message
from ..schema import INTERVAL_LEVEL
from ..version import plugin_version
from .conformal import conformal_bounds, held_out_coverage, residual_structure
from .grouping import Grouping, grouped_splits, make_grouping, random_splits
from .methods import AUTO, METHOD_LABELS, check_size, json_params, make_pipeline
from .metrics import fold_r2_spread, skill
from .selection import LINEAR, MAX_NONLINEAR_FIT_ROWS, evaluation_rows, select_method
from .training_data import TrainingSet, build_training_set
from .transforms import feature_names

FORMAT_VERSION = 1
IMPORTANCE_MAX_ROWS = 20_000
CancelHook = Callable[[], None]
ProgressHook = Callable[[float], None]


@dataclass
class ModelSpec:
    target: str
    predictors: Sequence[str]
    method: str = "ols"
    transform: str = "log"
    group_field: str | None = None
    cv_folds: int = 5
    seed: int = 42
    censored_policy: str = "substituted"
    interval_level: float = INTERVAL_LEVEL


@dataclass
class TrainedModel:
    pipeline: Pipeline
    metadata: dict[str, Any]
    training: TrainingSet
    grouping: Grouping
    oof_pred: np.ndarray
    fold_of: np.ndarray
    notes: list[str] = field(default_factory=list)

    @property
    def cv_r2(self) -> float:
        return float(self.metadata["cv"]["grouped"]["r2_log"])

    @property
    def cv_rmse(self) -> float:
        return float(self.metadata["cv"]["grouped"]["rmse_log"])

    @property
    def cv_r2_fold_mean(self) -> float:
        return float(self.metadata["cv"]["fold_r2_mean"])

    @property
    def cv_r2_fold_sd(self) -> float:
        return float(self.metadata["cv"]["fold_r2_sd"])

    @property
    def coverage(self) -> float:
        return float(self.metadata["cv"]["coverage"])


def package_versions() -> dict[str, str]:
    import matplotlib
    import scipy
    import sklearn
    import skops

    return {"python": platform.python_version(), "numpy": np.__version__, "pandas": pd.__version__,
            "scikit-learn": sklearn.__version__, "scipy": scipy.__version__,
            "skops": skops.__version__, "matplotlib": matplotlib.__version__,
            "tailings_unfc": plugin_version()}


def training_hash(training: TrainingSet, groups: np.ndarray) -> str:
    """sha256 of exactly what the model saw: names, raw predictors, target and groups."""
    digest = hashlib.sha256()
    digest.update("|".join([training.target_column, *training.predictors, training.transform]).encode())
    digest.update(np.ascontiguousarray(training.raw, dtype="<f8").tobytes())
    digest.update(np.ascontiguousarray(training.y, dtype="<f8").tobytes())
    digest.update("\x1f".join(map(str, groups)).encode())
    return digest.hexdigest()


def _cross_validate(pipeline: Pipeline, X: np.ndarray, y: np.ndarray,
                    splits: list[tuple[np.ndarray, np.ndarray]], cancel: CancelHook | None,
                    progress: ProgressHook | None, share: tuple[float, float]) -> tuple[np.ndarray, np.ndarray]:
    oof = np.full(len(y), np.nan)
    fold_of = np.full(len(y), -1)
    start, width = share
    for k, (train, test) in enumerate(splits):
        if cancel is not None:
            cancel()
        model = clone(pipeline).fit(X[train], y[train])
        oof[test] = model.predict(X[test])
        fold_of[test] = k
        if progress is not None:
            progress(start + width * (k + 1) / len(splits))
    return oof, fold_of


def train_model(frame: pd.DataFrame, spec: ModelSpec, *, cancel: CancelHook | None = None,
                progress: ProgressHook | None = None) -> TrainedModel:
    """Fit ``spec`` on ``frame``; grouped CV (+ random K-fold for comparison) and intervals.

    Optimiser convergence warnings (Gaussian-process kernels, mostly) become report notes
    instead of console noise inside QGIS.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ConvergenceWarning)
        model = _train_model(frame, spec, cancel, progress)
    messages = sorted({str(w.message).split(".")[0] for w in caught if issubclass(w.category, ConvergenceWarning)})
    for w in caught:
        if not issubclass(w.category, ConvergenceWarning):
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    for message in messages:
        model.notes.append(Message("Optimiser warning during fitting: {0}.", message))
    return model


def _prepare(frame: pd.DataFrame, spec: ModelSpec) -> tuple[TrainingSet, Grouping, list[str]]:
    if spec.cv_folds < 2:
        raise TailingsInputError("CV_FOLDS must be at least 2, got {0}", spec.cv_folds, value=spec.cv_folds)
    training = build_training_set(frame, spec.target, spec.predictors, transform=spec.transform,
                                  censored_policy=spec.censored_policy)
    grouping = make_grouping(frame.loc[training.index], spec.group_field, spec.cv_folds)
    training.groups = grouping.labels
    notes: list[str] = []
    n = len(training.y)
    if n < 30:
        # DOMAIN.md §4: warn below about 30 samples.
        notes.append(Message("Only {0} training samples (fewer than about 30): treat the model as indicative.", n))
    return training, grouping, notes


def _subset(training: TrainingSet, grouping: Grouping, rows: np.ndarray) -> tuple[TrainingSet, Grouping]:
    """The training rows at positions ``rows`` (and their groups), with the cut counted."""
    counts = dict(training.counts)
    counts["not used: auto fits a non-linear winner on a seeded sample"] = len(training.y) - len(rows)
    counts["used for fitting"] = len(rows)
    part = replace(training, X=training.X[rows], y=training.y[rows], raw=training.raw[rows],
                   groups=grouping.labels[rows], index=training.index[rows], counts=counts)
    return part, replace(grouping, labels=grouping.labels[rows])


def _train_model(frame: pd.DataFrame, spec: ModelSpec, cancel: CancelHook | None,
                 progress: ProgressHook | None) -> TrainedModel:
    training, grouping, notes = _prepare(frame, spec)
    if spec.method == AUTO:
        return _train_auto(training, grouping, notes, spec, cancel, progress)
    check_size(spec.method, len(training.y))
    return _fit(training, grouping, notes, spec, cancel, progress)


def _train_auto(training: TrainingSet, grouping: Grouping, notes: list[str], spec: ModelSpec,
                cancel: CancelHook | None, progress: ProgressHook | None) -> TrainedModel:
    """Select on the same grouped folds, then fit the winner as if it had been asked for."""
    share = (lambda f: progress(0.3 * f)) if progress is not None else None
    selection = select_method(training.X, training.y, grouping.labels, spec.cv_folds, spec.seed, cancel, share)
    chosen = replace(spec, method=selection.method)
    n = len(training.y)
    if selection.method not in LINEAR and n > MAX_NONLINEAR_FIT_ROWS:
        # A forest or boosting fit (x11 with both CVs) on all rows of a national run would
        # take minutes; a seeded sample bounds it. Ask for the method to fit every row.
        training, grouping = _subset(training, grouping, evaluation_rows(n, spec.seed, MAX_NONLINEAR_FIT_ROWS))
        notes.append(Message("auto: {0} fitted on a seeded sample of {1} of the {2} usable rows; choose METHOD={0} to "
                             "fit them all.", selection.method, MAX_NONLINEAR_FIT_ROWS, n))
    if selection.n_rows < n:
        notes.append(Message("auto: candidates compared on a seeded sample of {0} of the {1} usable rows.",
                             selection.n_rows, n))
    rest = (lambda f: progress(0.3 + 0.7 * f)) if progress is not None else None
    model = _fit(training, grouping, notes, chosen, cancel, rest)
    model.metadata["method_requested"] = AUTO
    model.metadata["selection"] = selection.as_metadata()
    return model


def _n_groups(labels: np.ndarray) -> int:
    return int(pd.unique(pd.Series(labels, dtype=object)).size)  # hashing: no sort of 10⁵ strings


def _cv_summary(y: np.ndarray, oof: np.ndarray, oof_random: np.ndarray, splits: list,
                grouping: Grouping, level: float) -> dict[str, Any]:
    """The metadata's ``cv`` block: pooled and per-fold skill, and held-out coverage."""
    coverage, coverage_per_fold = held_out_coverage(y, oof, splits, level)
    fold_mean, fold_sd = fold_r2_spread(y, oof, splits)
    folds = []
    for k, (_train, test) in enumerate(splits):
        row = skill(y[test], oof[test])
        row.update(fold=k + 1, groups=_n_groups(grouping.labels[test]), coverage=coverage_per_fold[k])
        folds.append(row)
    return {"grouping": grouping.kind, "grouping_description": grouping.description,
            "block_size_m": grouping.block_size_m,
            "n_groups": _n_groups(grouping.labels), "n_folds": len(splits),
            "grouped": skill(y, oof), "random_kfold": skill(y, oof_random),
            "fold_r2_mean": fold_mean, "fold_r2_sd": fold_sd,
            "folds": folds, "coverage": coverage, "coverage_per_fold": coverage_per_fold}


def _fit(training: TrainingSet, grouping: Grouping, notes: list[str], spec: ModelSpec,
         cancel: CancelHook | None, progress: ProgressHook | None) -> TrainedModel:
    n = len(training.y)
    splits = grouped_splits(grouping.labels, spec.cv_folds)
    if len(splits) < spec.cv_folds:
        notes.append(Message("Only {0} groups, so {0} folds instead of {1}.", len(splits), spec.cv_folds))
    pipeline = make_pipeline(spec.method, len(training.predictors), spec.seed)
    X, y = training.X, training.y
    oof, fold_of = _cross_validate(pipeline, X, y, splits, cancel, progress, (0.0, 0.45))
    rsplits = random_splits(n, spec.cv_folds, spec.seed)
    oof_random, _ = _cross_validate(pipeline, X, y, rsplits, cancel, progress, (0.45, 0.35))
    if cancel is not None:
        cancel()
    final = clone(pipeline).fit(X, y)
    if progress is not None:
        progress(0.85)
    residuals = y - oof
    lo, hi = conformal_bounds(residuals, spec.interval_level)
    group_bias, within_sd = residual_structure(residuals, grouping.labels)
    cv = _cv_summary(y, oof, oof_random, splits, grouping, spec.interval_level)
    if cancel is not None:
        cancel()
    # Importance is a mean drop in R²: a seeded sample of rows estimates it as well as all
    # 300,000 rows of a national run would, in a tenth of the time.
    sample = evaluation_rows(n, spec.seed, IMPORTANCE_MAX_ROWS)
    importance = permutation_importance(final, X[sample], y[sample], n_repeats=5, random_state=spec.seed, n_jobs=1)
    names = feature_names(training.predictors, training.transform)
    if progress is not None:
        progress(1.0)
    metadata: dict[str, Any] = {
        "format_version": FORMAT_VERSION,
        "target": spec.target,
        "target_column": training.target_column,
        "predictors": list(training.predictors),
        "features": names,
        "transform": training.transform,
        "target_transform": "ln(ppm)",
        "method": spec.method,
        "method_requested": spec.method,
        "method_label": Message(METHOD_LABELS[spec.method]),
        "hyperparameters": json_params(final),
        "seed": int(spec.seed),
        "censored_policy": training.censored_policy,
        "n_samples": int(n),
        "data_counts": dict(training.counts),
        "training_range": {p: [float(training.raw[:, i].min()), float(training.raw[:, i].max())]
                           for i, p in enumerate(training.predictors)},
        "training_sha256": training_hash(training, grouping.labels),
        "interval": {
            "level": float(spec.interval_level),
            "method": Message("cross-conformal on grouped out-of-fold ln residuals"),
            "residual_lo": lo, "residual_hi": hi,
            "group_bias": group_bias, "within_sd": within_sd,
        },
        "cv": cv,
        "feature_importance": {name: float(v) for name, v in zip(names, importance.importances_mean)},
        "feature_importance_sd": {name: float(v) for name, v in zip(names, importance.importances_std)},
        "feature_importance_rows": len(sample),
        "package_versions": package_versions(),
        "created_utc": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "notes": notes,
    }
    return TrainedModel(final, metadata, training, grouping, oof, fold_of, notes)
