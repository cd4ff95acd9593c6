"""Vectorised UNFC classification of deposit estimates (the "Estimates" hand-over format).

Input: one row per deposit with ``x_ppm``, ``x_ppm_lo``, ``x_ppm_hi``, ``x_t``, ``x_t_lo``,
``x_t_hi``, ``x_n`` and ``x_method`` for every commodity x (docs/DEVELOPING.md), plus the
optional ``setting``, ``project_status``, ``permit_status``, ``resource_category`` and
``unfc_{e,f,g}_override`` fields. Output: the deposits with the UNFC fields of their headline
commodity, and the long quantities table (deposit x commodity x G increment).

The work is split along its seams, each on (deposits x commodities) numpy arrays:
``inputs`` (reading the frame), ``increments`` (low/best/high as G increments), one module
per axis (``g_axis``, ``f_axis``, ``e_axis``), ``quantities`` (classes, quantities table,
headline commodity) and ``rationale`` (sentences from one typed ``RationaleFacts`` object).
The only Python loops are over the fixed vocabularies (commodities, reason codes, distinct
text values), never over rows.

Order of precedence per axis: expert override > CRIRSCO/PERC bridge > rules.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

import numpy as np
import pandas as pd

from ..errors import TailingsInputError
from ..message import Message
from ..schema import COMMODITIES, UNFC_FIELDS, field_names
from ..version import plugin_version
from .e_axis import ConstraintHits, EAxis, classify_e
from .f_axis import FAxis, classify_f
from .facts import EFacts, FFacts, GFacts, RationaleFacts, coded
from .g_axis import GAxis, classify_g
from .increments import Increments, increments, slots
from .inputs import (
    Bridge,
    Codes,
    Estimates,
    Override,
    Setting,
    read_bridge,
    read_estimates,
    read_override,
    read_setting,
)
from .messages import E_REASONS, F_REASONS, G_REASONS, METHODS, NONE_METHOD
from .quantities import CellClasses, Headline, cell_classes, headline, quantities_table
from .rationale import RationaleBuilder
from .rules import Rules

__all__ = ["E_REASONS", "F_REASONS", "G_REASONS", "METHODS", "NONE_METHOD", "ClassificationResult",
           "ConstraintHits", "classify_estimates"]

# The key of deposits without a class in ClassificationResult.class_counts (and in the logs).
NOT_CLASSIFIED = "(not classified)"


@dataclass
class ClassificationResult:
    deposits: pd.DataFrame
    quantities: pd.DataFrame
    class_counts: dict[str, int] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    warnings: list[Message] = field(default_factory=list)
    # Per deposit, the rule branch behind each axis of the headline commodity (names from
    # G_REASONS / F_REASONS / E_REASONS; None where the deposit has no usable estimate).
    reasons: dict[str, np.ndarray] = field(default_factory=dict)


def classify_estimates(frame: pd.DataFrame, rules: Rules, *, constraints: Sequence[ConstraintHits] = (),
                       language: str = "en", classified_at: datetime | None = None,
                       cancel: Callable[[], None] | None = None) -> ClassificationResult:
    """Classify every deposit x commodity of an Estimates frame. See the module docstring."""
    if "deposit_id" not in frame.columns:
        raise TailingsInputError("The input has no deposit_id field (is it the output of the estimate step?)",
                                 column="deposit_id")
    if language not in ("en", "nb"):
        raise ValueError(f"language must be 'en' or 'nb', not {language!r}")
    check = cancel or (lambda: None)
    codes = Codes()
    warnings: list[Message] = []
    if not frame.index.equals(pd.RangeIndex(len(frame))):
        frame = frame.reset_index(drop=True)

    est = read_estimates(frame, warnings)
    incs = increments(est, warnings)
    bridge = read_bridge(frame, codes)
    overrides = {axis: read_override(frame, axis, codes) for axis in ("E", "F", "G")}
    setting = read_setting(frame, rules)
    check()
    g = classify_g(est, incs, rules, bridge, overrides["G"], codes)
    f = classify_f(frame, rules, codes, setting, g.level, bridge, overrides["F"])
    e = classify_e(frame, rules, codes, est, setting, f.index, g.level, bridge, overrides["E"], constraints,
                   language)
    check()
    sampled_g4 = g.known_set_to_g4 & est.valid
    if sampled_g4.any():
        warnings.append(Message("{0} deposit x commodity estimate(s) from the deposit's own samples were set to G4 "
                                "by an expert override or the CRIRSCO/PERC bridge: UNFC counts a sampled deposit as a "
                                "known source (G1-G3); check those overrides or categories.", int(sampled_g4.sum())))

    written = slots(g.level, incs, est.valid, codes)
    cells = cell_classes(e.index, f.index, written, codes)
    check()
    quantities = quantities_table(frame["deposit_id"].astype(object).to_numpy(), e.index, f.index, written, cells,
                                  codes)
    price = np.array([rules.prices[c] for c in COMMODITIES])
    head = headline(est.valid, incs.best, price, written, cells)
    facts = _facts(codes, est, incs, bridge, overrides, setting, g, f, e, head, cells)
    rationale = RationaleBuilder(language, rules).build(facts)

    stamp = (classified_at or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    deposits = frame.copy(deep=False)  # new columns only; the caller's frame is not modified
    dep_rows = np.arange(len(frame))
    h = head.commodity
    given = head.given
    unfc = {
        "unfc_e": np.where(given, codes.codes[e.index[dep_rows, h]], None),
        "unfc_f": np.where(given, codes.codes[f.index[dep_rows, h]], None),
        "unfc_g": np.where(given, codes.codes[head.g_index], None),
        "unfc_code": cells.code[head.combo], "unfc_class": cells.class_name[head.combo],
        "unfc_subclass": cells.sub_class[head.combo], "unfc_rationale": rationale,
        "rules_version": rules.version, "classified_at": pd.Timestamp(stamp), "plugin_version": plugin_version(),
    }
    for name in field_names(UNFC_FIELDS):
        deposits[name] = unfc[name]

    class_counts = deposits["unfc_class"].fillna(NOT_CLASSIFIED).value_counts().to_dict()
    counts = {
        "deposits": len(frame), "pairs": est.method.size, "pairs_with_estimate": int(est.valid.sum()),
        "pairs_without_estimate": int((~est.estimated).sum()), "pairs_incomplete": int(est.incomplete.sum()),
        "quantity_rows": len(quantities), "deposits_unclassified": int((~given).sum()),
        "other_combinations": int(cells.is_other[head.combo][given].sum()),
    }
    reasons = {
        axis: np.where(given, np.array(names, dtype=object)[branch[dep_rows, h]], None)
        for axis, names, branch in (("E", E_REASONS, e.reason), ("F", F_REASONS, f.reason), ("G", G_REASONS, g.reason))
    }
    return ClassificationResult(deposits, quantities, class_counts, counts, warnings, reasons)


def _facts(codes: Codes, est: Estimates, incs: Increments, bridge: Bridge, overrides: dict[str, Override],
           setting: Setting, g: GAxis, f: FAxis, e: EAxis, head: Headline, cells: CellClasses) -> RationaleFacts:
    """The facts of each deposit's headline commodity, for the rationale."""
    rows = np.arange(len(head.commodity))
    h = head.commodity
    return RationaleFacts(
        has_headline=head.given, commodity=h, worth=head.worth, best=incs.best[rows, h], bridge_row=bridge.row,
        category=bridge.raw, code=coded(head.combo, cells.code), is_other=cells.is_other[head.combo],
        g=GFacts(code=coded(head.g_index, codes.codes), reason=g.reason[rows, h], level=g.level[rows, h],
                 n=est.n_samples[rows, h], half_width=incs.half_width[rows, h], method=est.method[rows, h],
                 override=overrides["G"].raw),
        f=FFacts(code=coded(f.index[rows, h], codes.codes), reason=f.reason[rows, h], status=f.status,
                 tech=f.tech[h], steps=setting.steps, setting=setting.index, override=overrides["F"].raw),
        e=EFacts(code=coded(e.index[rows, h], codes.codes), reason=e.reason[rows, h],
                 screen=coded(e.screen, codes.codes), value=e.value, factor=setting.factor, permit=e.permit,
                 hit_layer=e.hit_layer, hit_label=e.hit_label, override=overrides["E"].raw),
    )
