"""Cross-validation groups: by deposit (or any field), or automatic spatial blocks.

Random K-fold overstates skill on clustered geochemical data (Roberts et al. 2017,
Ecography 40:913–929, "Cross-validation strategies for data with temporal, spatial,
hierarchical, or phylogenetic structure"; DOMAIN.md §4), so held-out folds are whole
groups. Random K-fold is computed only to be reported beside the grouped figure.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.model_selection import GroupKFold, KFold

from ..errors import TailingsInputError
from ..message import Message

DEPOSIT_FIELD = "deposit_id"
X_FIELD, Y_FIELD = "x", "y"


@dataclass(frozen=True)
class Grouping:
    labels: np.ndarray   # one label (string) per training row
    kind: str            # "field:<name>", "spatial_blocks" or "random"
    description: str
    block_size_m: float | None = None


def _labels_from_field(values: pd.Series) -> np.ndarray:
    # Rows without a group value each form their own group: they cannot leak into a sibling.
    text = values.astype("string").reset_index(drop=True)
    missing = text.isna() | text.str.strip().eq("")
    own = "<none:" + pd.Series(np.arange(len(text)), dtype="string") + ">"
    return text.mask(missing.fillna(True), own).to_numpy(dtype=object)


def spatial_blocks(x: np.ndarray, y: np.ndarray, min_blocks: int) -> tuple[np.ndarray, float]:
    """Square blocks, the largest size (halving from the full extent) that gives ≥ ``min_blocks``."""
    located = np.isfinite(x) & np.isfinite(y)
    if located.sum() < 2:
        raise TailingsInputError("No group field and fewer than 2 samples with x/y coordinates: "
                                 "cannot form spatial cross-validation blocks")
    extent = max(np.ptp(x[located]), np.ptp(y[located]), 1.0)
    size = extent
    x0, y0 = x[located].min(), y[located].min()
    while True:
        with np.errstate(invalid="ignore"):
            ix = pd.Series(np.floor((x - x0) / size)).astype("Int64").astype("string")
            iy = pd.Series(np.floor((y - y0) / size)).astype("Int64").astype("string")
        labels = (ix + "_" + iy).fillna("<no xy>").to_numpy(dtype=object)
        if len(np.unique(labels[located])) >= min_blocks or size < extent / 4096:
            return labels, float(size)
        size /= 2.0


def make_grouping(frame: pd.DataFrame, group_field: str | None, n_folds: int) -> Grouping:
    """Groups for ``frame`` (the usable training rows): the field, else deposit_id, else x/y blocks."""
    if group_field:
        if group_field not in frame.columns:
            raise TailingsInputError("Group field {0!r} is not in the sample table", group_field,
                                     column=group_field)
        labels = _labels_from_field(frame[group_field])
        return Grouping(labels, f"field:{group_field}", Message("grouped by {0!r}", group_field))
    if DEPOSIT_FIELD in frame.columns and frame[DEPOSIT_FIELD].notna().sum() > 0 \
            and frame[DEPOSIT_FIELD].nunique() >= 2:
        labels = _labels_from_field(frame[DEPOSIT_FIELD])
        return Grouping(labels, f"field:{DEPOSIT_FIELD}", Message("grouped by {0!r}", DEPOSIT_FIELD))
    if X_FIELD in frame.columns and Y_FIELD in frame.columns:
        x = pd.to_numeric(frame[X_FIELD], errors="coerce").to_numpy(dtype=float)
        y = pd.to_numeric(frame[Y_FIELD], errors="coerce").to_numpy(dtype=float)
        labels, size = spatial_blocks(x, y, min_blocks=3 * n_folds)
        return Grouping(labels, "spatial_blocks", Message("automatic spatial blocks of {0:,.0f} m", size), size)
    raise TailingsInputError("No group field, no deposit_id and no x/y coordinates: grouped or "
                             "spatial cross-validation is impossible. Choose GROUP_FIELD.")


def grouped_splits(groups: np.ndarray, n_folds: int) -> list[tuple[np.ndarray, np.ndarray]]:
    n_groups = pd.unique(pd.Series(groups, dtype=object)).size
    if n_groups < 2:
        raise TailingsInputError(
            "Only {0} cross-validation group: grouped CV needs at least 2 groups (deposits or spatial blocks)",
            n_groups)
    folds = min(n_folds, n_groups)
    # GroupKFold is deterministic (balances group sizes), so no seed is needed here. It is
    # given integer codes in the sorted order of the labels: the same folds as the labels
    # themselves, without sorting 10⁵ strings in every split (2 s on a national run).
    codes = pd.factorize(pd.Series(groups, dtype=object), sort=True)[0]
    return list(GroupKFold(n_splits=folds).split(np.zeros(len(groups)), groups=codes))


def random_splits(n: int, n_folds: int, seed: int) -> list[tuple[np.ndarray, np.ndarray]]:
    return list(KFold(n_splits=min(n_folds, n), shuffle=True, random_state=seed).split(np.zeros(n)))
