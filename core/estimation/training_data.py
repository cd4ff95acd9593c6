"""From a canonical sample frame to a checked training set (target, predictors, groups).

Follows the "Samples" hand-over format of docs/DEVELOPING.md: grades in ``<el>_ppm`` (NaN
when absent; censored values already replaced by half the detection limit), flags in
``<el>_flag``, detection limits in ``<el>_dl``. Every rejected input row is counted with
its reason; bad input raises :class:`TailingsInputError` with the column and value.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..errors import TailingsInputError
from ..message import Message, joined
from .transforms import TRANSFORMS, transform_predictors

CENSORED_POLICIES: tuple[str, ...] = ("substituted", "exclude")
# Flags that mean "no number here": the importer already writes NaN, we enforce it.
NO_VALUE_FLAGS = ("sentinel", "invalid")
SAMPLE_ID = "sample_id"


def grade_column(name: str, columns: Sequence[str]) -> str:
    """The column holding ``name``: ``co`` → ``co_ppm``; ``co_ppm`` or ``fe2o3_pct`` unchanged."""
    key = name.strip().lower()
    lower = {c.lower(): c for c in columns}
    for candidate in (key, f"{key}_ppm"):
        if candidate in lower:
            return lower[candidate]
    raise TailingsInputError("Target/predictor {0!r} is not a column of the sample table (looked for {1!r} and {2!r})",
                             name, key, key + "_ppm", column=name)


def element_of(column: str) -> str:
    """``co_ppm`` → ``co``; ``fe2o3_pct`` → ``fe2o3``."""
    for suffix in ("_ppm", "_pct"):
        if column.lower().endswith(suffix):
            return column[: -len(suffix)]
    return column


def clean_grades(frame: pd.DataFrame, column: str) -> pd.Series:
    """Numeric grades of ``column`` with sentinel/invalid flags forced to NaN."""
    values = pd.to_numeric(frame[column], errors="coerce").astype(float)
    flag_col = f"{element_of(column)}_flag"
    if flag_col in frame.columns:
        values = values.mask(frame[flag_col].isin(NO_VALUE_FLAGS))
    return values


def censored_mask(frame: pd.DataFrame, column: str) -> pd.Series:
    flag_col = f"{element_of(column)}_flag"
    if flag_col not in frame.columns:
        return pd.Series(False, index=frame.index)
    return frame[flag_col].eq("censored").fillna(False).astype(bool)


def _row_label(frame: pd.DataFrame, position: int) -> str:
    if SAMPLE_ID in frame.columns:
        return Message("sample {0!r}", frame[SAMPLE_ID].iloc[position])
    return Message("row {0}", position + 1)


def predictor_matrix(frame: pd.DataFrame, predictors: Sequence[str]) -> np.ndarray:
    """Raw predictor values (rows × predictors); infinities are bad input, not missing data."""
    missing = [p for p in predictors if p not in frame.columns]
    if missing:
        raise TailingsInputError("Predictor column(s) missing in the sample table: {0}. Available columns: {1}",
                                 ", ".join(missing), ", ".join(map(str, frame.columns)), column=missing[0])
    raw = np.column_stack([clean_grades(frame, p).to_numpy(dtype=float) for p in predictors]) \
        if predictors else np.empty((len(frame), 0))
    infinite = np.isinf(raw)
    if infinite.any():
        r, c = np.argwhere(infinite)[0]
        raise TailingsInputError(
            "Infinite value in predictor {0!r} at {1}: fix the source (a division by zero in a spreadsheet formula?)",
            predictors[c], _row_label(frame, int(r)), column=predictors[c], value=float(raw[r, c]))
    return raw


@dataclass
class TrainingSet:
    target_column: str
    predictors: list[str]
    transform: str
    censored_policy: str
    X: np.ndarray               # transformed predictors of the usable rows
    y: np.ndarray               # ln(target) of the usable rows
    raw: np.ndarray             # untransformed predictors of the usable rows
    groups: np.ndarray | None   # filled later by grouping
    index: pd.Index             # frame index of the usable rows
    counts: dict[str, int] = field(default_factory=dict)  # reason → rows (the data summary)


def build_training_set(frame: pd.DataFrame, target: str, predictors: Sequence[str], *,
                       transform: str = "log", censored_policy: str = "substituted") -> TrainingSet:
    """Usable rows for fitting ln(target) from transformed predictors, with counted exclusions."""
    if transform not in TRANSFORMS:
        raise TailingsInputError("Unknown transform {0!r}; use one of {1}", transform, ", ".join(TRANSFORMS),
                                 value=transform)
    if censored_policy not in CENSORED_POLICIES:
        raise TailingsInputError("Unknown censored-value policy {0!r}; use one of {1}", censored_policy,
                                 ", ".join(CENSORED_POLICIES), value=censored_policy)
    predictors = list(dict.fromkeys(predictors))
    if not predictors:
        raise TailingsInputError("Choose at least one predictor field")
    target_column = grade_column(target, frame.columns)
    if target_column in predictors:
        raise TailingsInputError("The target {0!r} is also listed as a predictor", target_column,
                                 column=target_column)
    raw_all = predictor_matrix(frame, predictors)
    y_raw = clean_grades(frame, target_column).to_numpy(dtype=float)
    if np.isinf(y_raw).any():
        r = int(np.flatnonzero(np.isinf(y_raw))[0])
        raise TailingsInputError("Infinite value in target {0!r} at {1}", target_column, _row_label(frame, r),
                                 column=target_column, value=float(y_raw[r]))
    censored = censored_mask(frame, target_column).to_numpy()
    has_target = ~np.isnan(y_raw)
    if not has_target.any():
        raise TailingsInputError("The target column {0!r} holds no values", target_column, column=target_column)
    if (censored[has_target]).all():
        raise TailingsInputError("All {0} values of the target {1!r} are censored (below detection): there is "
                                 "nothing to calibrate a model on", int(has_target.sum()), target_column,
                                 column=target_column)

    # The reasons are Messages (equal to their English text), so that the report can show them translated.
    counts = {Message("rows in"): len(frame),
              Message("no target value (not used for fitting)"): int((~has_target).sum())}
    use = has_target.copy()
    if censored_policy == "exclude":
        dropped = use & censored
        counts[Message("target censored, excluded (policy 'exclude')")] = int(dropped.sum())
        use &= ~censored
    else:
        counts[Message("target censored, half-DL substitute used")] = int((use & censored).sum())
    nonpositive = use & (y_raw <= 0)
    counts[Message("target not positive (cannot take log)")] = int(nonpositive.sum())
    use &= ~nonpositive
    nan_pred = use & np.isnan(raw_all).any(axis=1)
    counts[Message("a predictor missing (NaN)")] = int(nan_pred.sum())
    use &= ~nan_pred
    X_all = transform_predictors(raw_all, predictors, transform)
    bad_transform = use & np.isnan(X_all).any(axis=1)
    counts[Message("predictor not valid for the {0} transform (≤ 0, or parts sum over 100 %)", transform)] = \
        int(bad_transform.sum())
    use &= ~bad_transform
    n = int(use.sum())
    counts[Message("used for fitting")] = n
    p = len(predictors)
    if n <= p + 1:
        raise TailingsInputError("Only {0} usable samples for {1} predictor(s): a model needs more samples than "
                                 "predictors + 1 (exclusions: {2})", n, p, _summary(counts), column=target_column)
    X = X_all[use]
    spread = X.std(axis=0)
    constant = [predictors[i] for i in np.flatnonzero(~(spread > 1e-12))]
    if constant:
        raise TailingsInputError("Predictor(s) constant over the {0} usable samples, so they carry no information: "
                                 "{1}", n, ", ".join(constant), column=constant[0],
                                 value=float(raw_all[use][0, predictors.index(constant[0])]))
    return TrainingSet(target_column=target_column, predictors=predictors, transform=transform,
                       censored_policy=censored_policy, X=X, y=np.log(y_raw[use]), raw=raw_all[use],
                       groups=None, index=frame.index[use], counts=counts)


def _summary(counts: dict[str, int]) -> Message:
    return joined([Message("{0}: {1}", k, v) for k, v in counts.items() if v and k != "rows in"], "; ")
