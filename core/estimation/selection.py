"""``METHOD=auto``: compare the candidate methods on the same grouped folds, pick one.

Every candidate is cross-validated on exactly the same held-out groups, so their scores
differ only by the method. The score is the pooled out-of-fold R² in ln space (the figure
``trainmodel`` reports as ``CV_R2``). Of the candidates within
:data:`PARSIMONY_TOLERANCE` of the best, the cheapest to apply is taken (the order of
:data:`methods.CANDIDATES`): a forest that beats least squares by a rounding error is
not worth its prediction cost on a million samples (the "one standard error" idea of
Hastie, Tibshirani & Friedman 2009, *Elements of Statistical Learning*, §7.10, with a
fixed margin).

Cost is bounded whatever the size of the training set: above :data:`MAX_EVALUATION_ROWS`
the comparison runs on a seeded random subsample of rows (their group labels kept, so
the folds are still grouped); a Gaussian process is a candidate only up to
:data:`GAUSSIAN_PROCESS_MAX_ROWS` rows (its fit grows with n³); and the forest and the
Gaussian process are fitted only when gradient boosting has shown that a curved model
gains over the straight lines.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from sklearn.base import clone

from ..message import Message
from .grouping import grouped_splits
from .methods import CANDIDATES, make_pipeline
from .metrics import fold_r2_spread, skill

MAX_EVALUATION_ROWS = 1000
GAUSSIAN_PROCESS_MAX_ROWS = 800
PARSIMONY_TOLERANCE = 0.005
LINEAR = ("ols", "ridge")
NON_LINEAR_GATED = ("random_forest", "gaussian_process")
# A non-linear winner of auto is fitted on at most this many rows (see fitting._train_auto).
MAX_NONLINEAR_FIT_ROWS = 5000


@dataclass
class Selection:
    method: str
    n_rows: int                 # rows the candidates were compared on
    n_available: int            # usable training rows
    n_folds: int
    candidates: list[dict[str, Any]] = field(default_factory=list)

    def as_metadata(self) -> dict[str, Any]:
        return {"selected": self.method, "score": Message("pooled grouped out-of-fold R² (ln)"),
                "tolerance": PARSIMONY_TOLERANCE, "n_rows": self.n_rows, "n_available": self.n_available,
                "subsampled": self.n_rows < self.n_available, "n_folds": self.n_folds,
                "candidates": self.candidates}


def evaluation_rows(n: int, seed: int, limit: int | None = None) -> np.ndarray:
    """Row positions to use: all ``n``, or a seeded sample of ``limit`` (default
    :data:`MAX_EVALUATION_ROWS`, the rows the candidates are compared on)."""
    limit = MAX_EVALUATION_ROWS if limit is None else limit
    if n <= limit:
        return np.arange(n)
    return np.sort(np.random.default_rng(seed).choice(n, size=limit, replace=False))


def _score(method: str, X: np.ndarray, y: np.ndarray, splits: list, seed: int,
           cancel: Callable[[], None] | None, fold_done: Callable[[float], None] | None = None) -> dict[str, Any]:
    pipeline = make_pipeline(method, X.shape[1], seed)
    oof = np.full(len(y), np.nan)
    for k, (train, test) in enumerate(splits):
        if cancel is not None:
            cancel()
        oof[test] = clone(pipeline).fit(X[train], y[train]).predict(X[test])
        if fold_done is not None:  # a candidate's folds take seconds together: report each
            fold_done((k + 1) / len(splits))
    pooled = skill(y, oof)
    mean, sd = fold_r2_spread(y, oof, splits)
    return {"method": method, "status": Message("compared"), "r2_log": pooled["r2_log"], "rmse_log": pooled["rmse_log"],
            "fold_r2_mean": mean, "fold_r2_sd": sd}


def _pick(scored: list[dict[str, Any]]) -> str:
    best = max(c["r2_log"] for c in scored)
    # ``scored`` follows CANDIDATES, cheapest first.
    return next(c["method"] for c in scored if c["r2_log"] >= best - PARSIMONY_TOLERANCE)


def _skip_reason(method: str, n_rows: int, scored: list[dict[str, Any]]) -> str | None:
    """Why ``method`` is not compared, or None. Gradient boosting is the cheapest method
    that bends; when it gains nothing over the straight lines, the dearer forest and
    Gaussian process are not fitted either (at national scale that is most of the cost)."""
    if method == "gaussian_process" and n_rows > GAUSSIAN_PROCESS_MAX_ROWS:
        return Message("not compared: more than {0} rows (its cost grows with n³)", GAUSSIAN_PROCESS_MAX_ROWS)
    by_method = {c["method"]: c["r2_log"] for c in scored}
    if method in NON_LINEAR_GATED and "gradient_boosting" in by_method:
        linear = max(by_method[m] for m in LINEAR)
        if by_method["gradient_boosting"] <= linear + PARSIMONY_TOLERANCE:
            return Message("not compared: gradient boosting gained nothing over the linear fits")
    return None


def select_method(X: np.ndarray, y: np.ndarray, groups: np.ndarray, n_folds: int, seed: int,
                  cancel: Callable[[], None] | None = None,
                  progress: Callable[[float], None] | None = None) -> Selection:
    """Score every candidate on the same grouped folds of (a bounded sample of) the rows."""
    rows = evaluation_rows(len(y), seed)
    Xs, ys = X[rows], y[rows]
    splits = grouped_splits(groups[rows], n_folds)
    candidates: list[dict[str, Any]] = []
    for k, method in enumerate(CANDIDATES):
        reason = _skip_reason(method, len(rows), [c for c in candidates if "r2_log" in c])
        within = (lambda f, k=k: progress((k + f) / len(CANDIDATES))) if progress is not None else None
        candidates.append({"method": method, "status": reason} if reason
                          else _score(method, Xs, ys, splits, seed, cancel, within))
        if progress is not None:
            progress((k + 1) / len(CANDIDATES))
    chosen = _pick([c for c in candidates if c["status"] == "compared"])
    for c in candidates:
        if c["method"] == chosen:
            c["status"] = Message("selected")
    return Selection(chosen, len(rows), len(y), len(splits), candidates)
