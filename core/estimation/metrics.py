"""Skill figures: R², RMSE and bias, in log space and in original units (ppm)."""
from __future__ import annotations

import numpy as np


def skill(y_log: np.ndarray, pred_log: np.ndarray) -> dict[str, float]:
    """R², RMSE and mean bias (predicted − observed) in ln space and in ppm.

    Back-transformed predictions are plain ``exp(pred)`` (the conditional median); the
    bias in ppm therefore shows the known low bias of log-space models on the mean.
    """
    out: dict[str, float] = {"n": float(len(y_log))}
    for suffix, obs, pred in (("log", y_log, pred_log), ("ppm", np.exp(y_log), np.exp(pred_log))):
        resid = pred - obs
        ss_res = float(np.sum(resid ** 2))
        ss_tot = float(np.sum((obs - obs.mean()) ** 2))
        out[f"r2_{suffix}"] = 1.0 - ss_res / ss_tot if ss_tot > 0 else float("nan")
        out[f"rmse_{suffix}"] = float(np.sqrt(np.mean(resid ** 2)))
        out[f"bias_{suffix}"] = float(np.mean(resid))
    return out
