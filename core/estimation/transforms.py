"""Predictor transforms for compositional geochemical data.

Grades are parts of a whole (a composition), so ratios carry the information, not the raw
numbers (Aitchison 1986, *The Statistical Analysis of Compositional Data*, ch. 4–5).
Three transforms are offered:

- ``log``: natural log of each predictor (the usual geochemical practice; DOMAIN.md §4).
- ``alr``: additive log-ratio against the *rest* of the composition: every part is
  converted to ppm (``_pct`` × 10 000), the rest is 10⁶ ppm minus the sum of the chosen
  parts, and ``alr_i = ln(x_i / rest)`` (Aitchison 1986, eq. 4.3, with the filler part as
  the divisor so that no measured element is singled out).
- ``clr``: centred log-ratio over the chosen parts plus the rest:
  ``clr_i = ln x_i − mean_j ln x_j`` (Aitchison 1986, eq. 4.6); the rest's own clr
  coordinate is dropped because the coordinates sum to zero.

The target is always modelled as ``ln(target ppm)``.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

TRANSFORMS: tuple[str, ...] = ("log", "alr", "clr")
PPM_PER_PERCENT = 10_000.0  # DOMAIN.md §2: 1 % = 10 000 ppm
PPM_WHOLE = 1_000_000.0


def to_ppm(values: np.ndarray, columns: Sequence[str]) -> np.ndarray:
    """Columns named ``*_pct`` scaled to ppm; everything else is taken as ppm already."""
    scale = np.array([PPM_PER_PERCENT if c.lower().endswith("_pct") else 1.0 for c in columns])
    return values * scale


def valid_rows(values: np.ndarray, columns: Sequence[str], transform: str) -> np.ndarray:
    """Rows the transform can take: all parts finite and > 0 (and, for log-ratios, a positive rest)."""
    ok = np.isfinite(values).all(axis=1) & (values > 0).all(axis=1)
    if transform in ("alr", "clr"):
        with np.errstate(invalid="ignore"):
            rest = PPM_WHOLE - to_ppm(values, columns).sum(axis=1)
        ok &= rest > 0
    return ok


def transform_predictors(values: np.ndarray, columns: Sequence[str], transform: str) -> np.ndarray:
    """The design matrix for ``values`` (rows × predictors); invalid rows become NaN rows."""
    if transform not in TRANSFORMS:
        raise ValueError(f"unknown transform {transform!r}; use one of {', '.join(TRANSFORMS)}")
    values = np.asarray(values, dtype=float)
    out = np.full(values.shape, np.nan)
    ok = valid_rows(values, columns, transform)
    if not ok.any():
        return out
    good = values[ok]
    if transform == "log":
        out[ok] = np.log(good)
        return out
    ppm = to_ppm(good, columns)
    log_parts = np.log(ppm)
    log_rest = np.log(PPM_WHOLE - ppm.sum(axis=1))
    if transform == "alr":
        out[ok] = log_parts - log_rest[:, None]
    else:
        centre = (log_parts.sum(axis=1) + log_rest) / (ppm.shape[1] + 1)
        out[ok] = log_parts - centre[:, None]
    return out


def feature_names(columns: Sequence[str], transform: str) -> list[str]:
    prefix = {"log": "ln", "alr": "alr", "clr": "clr"}[transform]
    return [f"{prefix}({c})" for c in columns]
