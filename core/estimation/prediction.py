"""Apply a fitted model to samples: ln prediction, interval, and extrapolation flag."""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from sklearn.pipeline import Pipeline

from .training_data import predictor_matrix
from .transforms import transform_predictors


def predict_samples(pipeline: Pipeline, metadata: dict[str, Any], frame: pd.DataFrame) -> pd.DataFrame:
    """One row per row of ``frame``: ``pred_ln``, ``lo_ln``, ``hi_ln`` and the same in ppm,
    ``usable`` (all predictors present and valid for the transform) and ``extrapolated``
    (some predictor outside the training range: the interval is then not to be trusted).

    Raises TailingsInputError if a predictor column is missing.
    """
    predictors = list(metadata["predictors"])
    raw = predictor_matrix(frame, predictors)
    X = transform_predictors(raw, predictors, metadata["transform"])
    usable = ~np.isnan(X).any(axis=1)
    pred = np.full(len(frame), np.nan)
    if usable.any():
        pred[usable] = pipeline.predict(X[usable])
    lo_r = metadata["interval"]["residual_lo"]
    hi_r = metadata["interval"]["residual_hi"]
    ranges = metadata["training_range"]
    low = np.array([ranges[p][0] for p in predictors])
    high = np.array([ranges[p][1] for p in predictors])
    outside = usable & ((raw < low) | (raw > high)).any(axis=1)
    out = pd.DataFrame({
        "pred_ln": pred, "lo_ln": pred + lo_r, "hi_ln": pred + hi_r,
        "usable": usable, "extrapolated": outside,
    }, index=frame.index)
    for col in ("pred", "lo", "hi"):
        out[f"{col}_ppm"] = np.exp(out[f"{col}_ln"])
    return out
