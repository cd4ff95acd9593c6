"""E axis: environmental-socio-economic viability (value screening, permits, constraints).

Precedence: expert override > CRIRSCO/PERC bridge > rules.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..message import Message
from ..schema import COMMODITIES
from .facts import Coded
from .inputs import Bridge, Codes, Estimates, Override, Setting, lookup, raw_text_coded, text_column
from .messages import E_REASONS
from .rules import Rules


@dataclass(frozen=True)
class ConstraintHits:
    """Which deposits one constraint layer intersects (``hits`` aligned with the deposits)."""
    layer_name: str
    hits: np.ndarray


@dataclass(frozen=True)
class EAxis:
    index: np.ndarray        # (dep, com) E code index
    reason: np.ndarray       # (dep, com) index into E_REASONS
    screen: np.ndarray       # (dep,) E code index the value screening alone gives
    value: np.ndarray        # (dep,) in-situ value per tonne (threshold currency), NaN without any grade
    permit: Coded            # permit_status as written
    hit_layer: np.ndarray    # (dep,) first constraint layer hit ('' none)
    hit_label: np.ndarray    # (dep,) its label in the rationale language


# The value screening, first matching branch wins (docs/unfc.md, "E: value screening").
_SCREEN = (("e_constraint_hard", "E3.3"), ("e_permit_refused", "E3.3"), ("e_no_grade", "E3.2"),
           ("e_no_setting", "E3.2"), ("e_low", "E3.3"), ("e_marginal", "E3.2"), ("e_constraint_soft", "E3.2"),
           ("e_e1", "E1.1"), ("e_e2_no_permit", "E2"))


def in_situ_value(est: Estimates, rules: Rules) -> np.ndarray:
    """Per deposit: sum over commodities with a grade of ppm x 1e-6 x price x recovery."""
    price = np.array([rules.prices[c] for c in COMMODITIES])
    recovery = np.array([rules.recovery[c] for c in COMMODITIES])
    grade_known = est.estimated & np.isfinite(est.ppm) & (est.ppm >= 0)
    per_t = np.where(grade_known, est.ppm, 0.0) * 1e-6 * price * recovery * rules.value_factor()
    return np.where(grade_known.any(axis=1), per_t.sum(axis=1), np.nan)


def _constraints(rules: Rules, constraints: Sequence[ConstraintHits], n_dep: int,
                 language: str) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    hard = np.zeros(n_dep, dtype=bool)
    soft = np.zeros(n_dep, dtype=bool)
    hit_layer = np.full(n_dep, "", dtype=object)
    hit_label = np.full(n_dep, "", dtype=object)
    for hits in constraints:
        rule = rules.constraint_for(hits.layer_name)
        mask = np.asarray(hits.hits, dtype=bool)
        if mask.shape != (n_dep,):
            raise ValueError(f"constraint hits for {hits.layer_name!r} do not align with the deposits")
        first = mask & (hit_layer == "") if rule.effect == "E3.2" else mask & ~hard
        hit_layer = np.where(first, hits.layer_name, hit_layer)
        hit_label = np.where(first, rule.label_nb if language == "nb" else rule.label, hit_label)
        if rule.effect == "E3.3":
            hard |= mask
        else:
            soft |= mask
    return hard, soft, hit_layer, hit_label


def classify_e(frame: pd.DataFrame, rules: Rules, codes: Codes, est: Estimates, setting: Setting,
               f_index: np.ndarray, level: np.ndarray, bridge: Bridge, override: Override,
               constraints: Sequence[ConstraintHits], language: str) -> EAxis:
    n_dep, n_com = est.method.shape
    value = in_situ_value(est, rules)
    factor = setting.factor
    permit = lookup(text_column(frame, "permit_status"), rules.permit_status, "permit_status", frame,
                    Message("add it to [e.permit_status] in the rules file"), missing="").astype(str)
    hard, soft, hit_layer, hit_label = _constraints(rules, constraints, n_dep, language)
    with np.errstate(invalid="ignore"):
        conditions = [
            hard, permit == "refused", np.isnan(value), ~setting.known,
            value < rules.e3_3_max_value * factor, value < rules.e2_min_value * factor, soft,
            (value >= rules.e1_min_value * factor) & (permit == "granted"), value >= rules.e1_min_value * factor,
        ]
    screen = np.select(conditions, [codes[c] for _, c in _SCREEN], codes["E2"])
    screen_reason = np.select(conditions, [E_REASONS.index(r) for r, _ in _SCREEN], E_REASONS.index("e_e2"))

    index = np.broadcast_to(screen[:, None], (n_dep, n_com)).copy()
    reason = np.broadcast_to(screen_reason[:, None], (n_dep, n_com)).copy()
    if rules.without_project != "screening":
        no_project = codes.category[f_index] == codes["F4"]
        index = np.where(no_project, codes[rules.without_project], index)
        reason = np.where(no_project, E_REASONS.index("e_no_project"), reason)
    potential = (level == 4) & (codes.category[f_index] == codes["F3"])
    index = np.where(potential, codes[rules.potential_source_e], index)
    reason = np.where(potential, E_REASONS.index("e_potential"), reason)
    index = np.where(bridge.given[:, None], bridge.e[:, None], index)
    reason = np.where(bridge.given[:, None], E_REASONS.index("e_bridge"), reason)
    index = np.where(override.given[:, None], override.index[:, None], index)
    reason = np.where(override.given[:, None], E_REASONS.index("e_override"), reason)
    return EAxis(index, reason, screen, value, raw_text_coded(frame, "permit_status"), hit_layer, hit_label)
