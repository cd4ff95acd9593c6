"""Low / best / high estimates as UNFC increments, and the quantities per confidence level.

UNFC 2019 (Part I, G axis; DOMAIN.md §5): for a known source the low estimate is G1, the
best estimate G1+G2 and the high estimate G1+G2+G3; for a potential source the same
increments are G4.1, G4.2 and G4.3. P90 -> low (x_t_lo), P50 -> best (x_t), P10 -> high
(x_t_hi).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..message import Message
from .inputs import Codes, Estimates


@dataclass(frozen=True)
class Increments:
    lo: np.ndarray           # snapped low estimate (0 where not valid)
    best: np.ndarray         # snapped best estimate
    hi: np.ndarray           # high estimate
    inc: np.ndarray          # (dep, com, 3): low, best - low, high - best
    half_width: np.ndarray   # relative 80 % half-width (hi - lo) / (2 best)


def _snap(values: np.ndarray, quantum: np.ndarray) -> np.ndarray:
    """Round to a multiple of ``quantum`` (the float spacing of the high estimate).

    Multiples of spacing(hi) that do not exceed hi are exactly representable, so the
    increments G1, G2, G3 and every partial sum of them are exact and add up to hi bit for
    bit in any order. The change is at most half an ulp of hi.
    """
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        snapped = np.round(values / quantum) * quantum
    return np.where(np.isfinite(snapped), snapped, values)


def increments(est: Estimates, warnings: list[Message]) -> Increments:
    """Clamp to lo <= best <= hi (an inverted interval cannot give non-negative increments),
    then snap to the spacing of hi so that the increments sum to hi exactly."""
    valid = est.valid
    hi_v = np.where(valid, est.hi, 0.0)
    best_v = np.minimum(np.where(valid, est.best, 0.0), hi_v)
    lo_v = np.minimum(np.where(valid, est.lo, 0.0), best_v)
    reordered = valid & ((est.lo > est.best) | (est.best > est.hi))
    if reordered.any():
        warnings.append(Message("{0} estimate(s) not ordered x_t_lo <= x_t <= x_t_hi: clamped.", int(reordered.sum())))
    quantum = np.spacing(hi_v)
    best_s = np.minimum(_snap(best_v, quantum), hi_v)
    lo_s = np.minimum(_snap(lo_v, quantum), best_s)
    inc = np.stack([lo_s, best_s - lo_s, hi_v - best_s], axis=-1)
    with np.errstate(divide="ignore", invalid="ignore"):
        half_width = np.where(best_s > 0, (hi_v - lo_s) / (2.0 * best_s), np.where(hi_v > 0, np.inf, 0.0))
    return Increments(lo_s, best_s, hi_v, inc, half_width)


@dataclass(frozen=True)
class Slots:
    """The quantity rows of each deposit x commodity: up to three G increments."""
    g: np.ndarray            # (dep, com, 3) G code index per slot, -1 empty
    qty: np.ndarray          # (dep, com, 3) tonnes per slot
    present: np.ndarray      # (dep, com, 3) the slot is written (valid estimate, slot used)


def slots(level: np.ndarray, incs: Increments, valid: np.ndarray, codes: Codes) -> Slots:
    """Quantities per confidence level reached.

    level 1: G1, G2, G3 | level 2: G2 = low + (best - low), G3 | level 3: G3 = high |
    level 4: G4.1, G4.2, G4.3. Lower-confidence slots are left empty (-1).
    """
    g_slots = np.array([
        [-1, -1, -1],
        [codes["G1"], codes["G2"], codes["G3"]],
        [codes["G2"], codes["G3"], -1],
        [codes["G3"], -1, -1],
        [codes["G4.1"], codes["G4.2"], codes["G4.3"]],
    ])[level]
    inc = incs.inc
    qty = np.where((level == 1)[..., None] | (level == 4)[..., None], inc, 0.0)
    qty[..., 0] = np.where(level == 2, incs.best, np.where(level == 3, incs.hi, qty[..., 0]))
    qty[..., 1] = np.where(level == 2, inc[..., 2], qty[..., 1])
    present = (g_slots >= 0) & valid[..., None]
    return Slots(g_slots, qty, present)
