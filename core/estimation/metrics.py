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
        out[f"r2_{suffix}"] = r2(obs, pred)
        out[f"rmse_{suffix}"] = float(np.sqrt(np.mean(resid ** 2)))
        out[f"bias_{suffix}"] = float(np.mean(resid))
    return out


def r2(obs: np.ndarray, pred: np.ndarray) -> float:
    """Coefficient of determination about ``obs``' own mean (NaN when ``obs`` is constant)."""
    ss_tot = float(np.sum((obs - obs.mean()) ** 2))
    return 1.0 - float(np.sum((pred - obs) ** 2)) / ss_tot if ss_tot > 0 else float("nan")


def fold_r2_spread(y_log: np.ndarray, pred_log: np.ndarray,
                   splits: list[tuple[np.ndarray, np.ndarray]]) -> tuple[float, float]:
    """Mean and SD (ddof 1) over held-out folds of each fold's own R² in ln space.

    Each fold's R² is taken about that fold's mean, so it is usually below the pooled
    out-of-fold R² (which also credits the model for the differences between fold means);
    the SD shows how much skill varies from one set of held-out groups to the next.
    """
    values = np.array([r2(y_log[test], pred_log[test]) for _train, test in splits])
    values = values[np.isfinite(values)]
    if not len(values):
        return float("nan"), float("nan")
    sd = float(np.std(values, ddof=1)) if len(values) > 1 else float("nan")
    return float(values.mean()), sd
