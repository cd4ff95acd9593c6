"""Tailings grade from mill records: the two-product mass balance.

With head grade f, recovery R (fraction of the metal reporting to concentrate) and
concentrate grade c, the tailings grade is t = f(1 − R) / (1 − R·f/c), tending to
f(1 − R) when c ≫ f (DOMAIN.md §4; e.g. Wills & Finch, *Wills' Mineral Processing
Technology*, 8th ed., 2016, §1.9 "two-product formula").
"""
from __future__ import annotations

import numpy as np


def tailings_grade(head: np.ndarray, recovery: np.ndarray, concentrate: np.ndarray | None = None) -> np.ndarray:
    head = np.asarray(head, dtype=float)
    recovery = np.asarray(recovery, dtype=float)
    if concentrate is None:
        return head * (1.0 - recovery)
    conc = np.asarray(concentrate, dtype=float)
    ratio = np.where(np.isfinite(conc) & (conc > 0), head / np.where(conc > 0, conc, 1.0), 0.0)
    return head * (1.0 - recovery) / (1.0 - recovery * ratio)
