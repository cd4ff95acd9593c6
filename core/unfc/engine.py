"""Vectorised UNFC classification of deposit estimates (the "Estimates" hand-over format).

Input: one row per deposit with ``x_ppm``, ``x_ppm_lo``, ``x_ppm_hi``, ``x_t``, ``x_t_lo``,
``x_t_hi``, ``x_n`` and ``x_method`` for every commodity x (docs/DEVELOPING.md), plus the
optional ``setting``, ``project_status``, ``permit_status``, ``resource_category`` and
``unfc_{e,f,g}_override`` fields. Output: the deposits with the UNFC fields of their headline
commodity, and the long quantities table (deposit x commodity x G increment).

Everything runs on (deposits x commodities) numpy arrays; the only Python loops are over the
fixed vocabularies (commodities, reason codes, distinct text values), never over rows.

Order of precedence per axis: expert override > CRIRSCO/PERC bridge > rules.
G increments (UNFC 2019 Part I, G axis; DOMAIN.md §5): G1 = P90 (x_t_lo), G2 = P50 - P90,
G3 = P10 - P50, or G4.1/G4.2/G4.3 for potential sources.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

import numpy as np
import pandas as pd

from ..errors import TailingsInputError
from ..schema import COMMODITIES, QUANTITY_FIELDS, SETTINGS, UNFC_FIELDS, field_names
from ..version import plugin_version
from .classes import classify
from .codes import parse_category
from .rationale import Coded, RationaleBuilder, coded
from .rules import Rules, normalise_text
from .vocabulary import load_vocabulary

METHODS = ("measured", "regression", "analogue", "none")
NONE_METHOD = 3

# Reason codes, one per rule branch (the rationale builder has one sentence per code).
G_REASONS = ("g_stats", "g_stats_fail", "g_capped", "g_analogue", "g_bridge", "g_override")
F_REASONS = ("f_status", "f_no_project", "f_no_status", "f_tech_block", "f_potential", "f_bridge", "f_bridge_open",
             "f_override")
E_REASONS = ("e_constraint_hard", "e_permit_refused", "e_no_grade", "e_no_setting", "e_low", "e_marginal",
             "e_constraint_soft", "e_e1", "e_e2_no_permit", "e_e2", "e_no_project", "e_potential", "e_bridge",
             "e_override")


@dataclass
class ClassificationResult:
    deposits: pd.DataFrame
    quantities: pd.DataFrame
    class_counts: dict[str, int] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    # Per deposit, the rule branch behind each axis of the headline commodity (names from
    # G_REASONS / F_REASONS / E_REASONS; None where the deposit has no usable estimate).
    reasons: dict[str, np.ndarray] = field(default_factory=dict)


@dataclass(frozen=True)
class ConstraintHits:
    """Which deposits one constraint layer intersects (``hits`` aligned with the deposits)."""
    layer_name: str
    hits: np.ndarray


class _Codes:
    """All UNFC category codes as small integers, so the axes are plain int arrays."""

    def __init__(self) -> None:
        self.codes = np.array(list(load_vocabulary().categories), dtype=object)
        self.index = {c: i for i, c in enumerate(self.codes)}
        self.category = np.array([self.index[c.split(".")[0]] for c in self.codes])  # F2.1 -> F2

    def __getitem__(self, code: str) -> int:
        return self.index[code]


def _text_column(frame: pd.DataFrame, name: str) -> np.ndarray:
    """A free-text column normalised (lower case, single spaces); '' where NULL or absent."""
    if name not in frame.columns:
        return np.full(len(frame), "", dtype=object)
    inverse, uniques = pd.factorize(frame[name], use_na_sentinel=True)
    normalised = np.array([normalise_text(u) for u in uniques] + [""], dtype=object)
    return normalised[inverse]  # the NULL sentinel -1 picks the trailing ""


def _raw_text_coded(frame: pd.DataFrame, name: str) -> Coded:
    """A text column as written (trimmed), coded; NULL or absent -> ''."""
    if name not in frame.columns:
        return coded(np.zeros(len(frame), dtype=np.int64), [""])
    inverse, uniques = pd.factorize(frame[name], use_na_sentinel=True)
    return coded(inverse, [str(u).strip() for u in uniques] + [""])  # NULL (-1) picks the trailing ""


def _raw_text_column(frame: pd.DataFrame, name: str) -> np.ndarray:
    text = _raw_text_coded(frame, name)
    return text.labels[text.codes]


def _lookup(values: np.ndarray, mapping: dict[str, object], column: str, frame: pd.DataFrame,
            hint: str, *, allow_empty: bool = True, missing: object = None) -> np.ndarray:
    """Map normalised text values through ``mapping``; unknown values raise with their row."""
    inverse, uniques = pd.factorize(values)
    mapped = []
    for u in uniques:
        if u == "" and allow_empty:
            mapped.append(missing)
        elif u in mapping:
            mapped.append(mapping[u])
        else:
            row = int(np.flatnonzero(values == u)[0])
            raw = frame[column].iloc[row]
            ident = frame["deposit_id"].iloc[row] if "deposit_id" in frame.columns else None
            raise TailingsInputError(f"Unrecognised {column} value for deposit {ident!r}; {hint}",
                                     row=row + 1, column=column, value=raw)
    return np.array(mapped, dtype=object)[inverse]


def _parse_override(frame: pd.DataFrame, axis: str, codes: _Codes) -> np.ndarray:
    """Per-deposit override as a code index, -1 where none."""
    column = f"unfc_{axis.lower()}_override"
    raw = _raw_text_column(frame, column)
    inverse, uniques = pd.factorize(raw)
    out = []
    for u in uniques:
        if u == "":
            out.append(-1)
            continue
        try:
            out.append(codes[parse_category(axis, u)])
        except ValueError as err:
            row = int(np.flatnonzero(raw == u)[0])
            raise TailingsInputError(f"Invalid expert override: {err}", row=row + 1, column=column, value=u) from None
    return np.array(out, dtype=np.int64)[inverse]


def _numeric(frame: pd.DataFrame, name: str) -> np.ndarray:
    if name not in frame.columns:
        return np.full(len(frame), np.nan)
    col = frame[name]
    if pd.api.types.is_numeric_dtype(col):
        return col.to_numpy(dtype=float, na_value=np.nan)
    converted = pd.to_numeric(col, errors="coerce")
    bad = converted.isna() & col.notna() & (col.astype(str).str.strip() != "")
    if bad.any():
        row = int(np.flatnonzero(bad.to_numpy())[0])
        raise TailingsInputError("Not a number", row=row + 1, column=name, value=col.iloc[row])
    return converted.to_numpy(dtype=float, na_value=np.nan)


def _bridge_index(frame: pd.DataFrame) -> np.ndarray:
    """Per deposit the row of the CRIRSCO/PERC bridge table, -1 where no category is given."""
    vocab = load_vocabulary()
    names: dict[str, int] = {}
    for i, row in enumerate(vocab.bridge):
        for name in row.names:
            names[_bridge_key(name)] = i
    values = _text_column(frame, "resource_category")
    distinct = pd.unique(values)
    mapping = {u: names[_bridge_key(u)] for u in distinct if _bridge_key(u) in names}
    accepted = "; ".join(row.source for row in vocab.bridge)
    return _lookup(values, mapping, "resource_category", frame,
                   f"use a CRIRSCO/PERC/JORC category ({accepted}) or leave it empty",
                   missing=-1).astype(np.int64)


def _bridge_key(text: str) -> str:
    words = [w for w in normalise_text(text).split(" ") if w not in ("mineral", "ore")]
    key = " ".join(words)
    return key[:-1] if key.endswith(("reserves", "resources", "results")) else key


def _snap(values: np.ndarray, quantum: np.ndarray) -> np.ndarray:
    """Round to a multiple of ``quantum`` (the float spacing of the high estimate).

    Multiples of spacing(hi) that do not exceed hi are exactly representable, so the
    increments G1, G2, G3 and every partial sum of them are exact and add up to hi bit for
    bit in any order. The change is at most half an ulp of hi.
    """
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        snapped = np.round(values / quantum) * quantum
    return np.where(np.isfinite(snapped), snapped, values)


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
    codes = _Codes()
    vocab = load_vocabulary()
    warnings: list[str] = []
    n_dep, n_com = len(frame), len(COMMODITIES)
    if not frame.index.equals(pd.RangeIndex(len(frame))):
        frame = frame.reset_index(drop=True)

    # ---- estimates as (deposit, commodity) arrays ------------------------------------------
    absent = [c for c in COMMODITIES if f"{c}_method" not in frame.columns]
    if len(absent) == n_com:
        raise TailingsInputError("The input has no estimate fields (x_method, x_t, x_t_lo, x_t_hi for "
                                 "co, cu, zn, tree): run the estimate step first", column="co_method")
    if absent:
        warnings.append(f"No estimate fields for {', '.join(absent)}: treated as x_method none.")
    method = np.full((n_dep, n_com), NONE_METHOD, dtype=np.int64)
    method_lookup = {m: i for i, m in enumerate(METHODS)}
    for j, c in enumerate(COMMODITIES):
        if c in absent:
            continue
        method[:, j] = _lookup(_text_column(frame, f"{c}_method"), method_lookup, f"{c}_method", frame,
                               "expected measured, regression, analogue or none",
                               missing=NONE_METHOD).astype(np.int64)
    lo = np.column_stack([_numeric(frame, f"{c}_t_lo") for c in COMMODITIES])
    best = np.column_stack([_numeric(frame, f"{c}_t") for c in COMMODITIES])
    hi = np.column_stack([_numeric(frame, f"{c}_t_hi") for c in COMMODITIES])
    ppm = np.column_stack([_numeric(frame, f"{c}_ppm") for c in COMMODITIES])
    n_samples = np.nan_to_num(np.column_stack([_numeric(frame, f"{c}_n") for c in COMMODITIES]), nan=0.0)
    check()

    estimated = method != NONE_METHOD
    complete = np.isfinite(lo) & np.isfinite(best) & np.isfinite(hi) & (lo >= 0) & (best >= 0) & (hi >= 0)
    valid = estimated & complete
    incomplete = estimated & ~complete
    if incomplete.any():
        warnings.append(f"{int(incomplete.sum())} deposit x commodity estimate(s) have a method but missing or "
                        "negative x_t/x_t_lo/x_t_hi: no quantities for them.")
    # Increments: clamp to lo <= best <= hi (an inverted interval cannot give non-negative
    # increments), then snap to the spacing of hi so that they sum to hi exactly.
    hi_v = np.where(valid, hi, 0.0)
    best_v = np.minimum(np.where(valid, best, 0.0), hi_v)
    lo_v = np.minimum(np.where(valid, lo, 0.0), best_v)
    reordered = valid & ((lo > best) | (best > hi))
    if reordered.any():
        warnings.append(f"{int(reordered.sum())} estimate(s) not ordered x_t_lo <= x_t <= x_t_hi: clamped.")
    quantum = np.spacing(hi_v)
    best_s = np.minimum(_snap(best_v, quantum), hi_v)
    lo_s = np.minimum(_snap(lo_v, quantum), best_s)
    inc = np.stack([lo_s, best_s - lo_s, hi_v - best_s], axis=-1)  # (dep, com, 3)

    with np.errstate(divide="ignore", invalid="ignore"):
        half_width = np.where(best_s > 0, (hi_v - lo_s) / (2.0 * best_s), np.where(hi_v > 0, np.inf, 0.0))

    # ---- G ---------------------------------------------------------------------------------
    meets = [(n_samples >= rules.min_samples[g]) & (half_width <= rules.max_half_width[g]) for g in ("G1", "G2", "G3")]
    stat_level = np.select(meets, [1, 2, 3], 4)
    cap = np.array([rules.max_confidence[m] for m in METHODS[:3]] + [4])[method]
    rule_level = np.maximum(stat_level, cap)
    g_reason = np.select([cap == 4, stat_level == 4, cap > stat_level],
                         [G_REASONS.index("g_analogue"), G_REASONS.index("g_stats_fail"), G_REASONS.index("g_capped")],
                         G_REASONS.index("g_stats"))

    bridge_row = _bridge_index(frame)
    has_bridge = bridge_row >= 0
    bridge_e = np.array([codes[b.e] for b in vocab.bridge] + [-1])[bridge_row]
    bridge_f = np.array([codes[b.f] for b in vocab.bridge] + [-1])[bridge_row]
    bridge_level = np.array([4 if b.g.startswith("G4") else int(b.g[1]) for b in vocab.bridge] + [0])[bridge_row]

    g_override = _parse_override(frame, "G", codes)
    level_of_code = np.zeros(len(codes.codes), dtype=np.int64)
    for code, i in codes.index.items():
        if code.startswith("G"):
            level_of_code[i] = 4 if code.startswith("G4") else int(code[1])
    override_level = np.where(g_override >= 0, level_of_code[np.maximum(g_override, 0)], 0)

    level = np.where(override_level[:, None] > 0, override_level[:, None],
                     np.where(has_bridge[:, None], bridge_level[:, None], rule_level))
    g_reason = np.where(has_bridge[:, None], G_REASONS.index("g_bridge"), g_reason)
    g_reason = np.where((g_override >= 0)[:, None], G_REASONS.index("g_override"), g_reason)
    check()

    # ---- F ---------------------------------------------------------------------------------
    status_norm = _text_column(frame, "project_status")
    status_f = _lookup(status_norm, {k: codes[v] for k, v in rules.project_status.items()}, "project_status",
                       frame, "add it to [f.project_status] in the rules file", missing=codes["F4"]).astype(np.int64)
    no_status = status_norm == ""
    status_cat = codes.category[status_f]
    no_project = status_cat == codes["F4"]

    setting_norm = _text_column(frame, "setting")
    setting_idx = _lookup(setting_norm, {k: SETTINGS.index(v) for k, v in rules.setting_names.items()}, "setting",
                          frame, "expected land, lake or sea, or add it to [setting_names] in the rules file",
                          missing=-1).astype(np.int64)
    known_setting = setting_idx >= 0
    steps = np.where(known_setting, np.array([rules.setting_steps[s] for s in SETTINGS] + [0])[setting_idx], 0)
    tech_base = np.array([rules.technology[c] for c in COMMODITIES])
    tech = np.minimum(tech_base[None, :] + steps[:, None], 3)
    f4_index = np.array([-1, codes["F4.1"], codes["F4.2"], codes["F4.3"]])
    tech_f = f4_index[tech]
    # A project needs a demonstrated process for the commodity; the setting only lowers the F4
    # sub-category of quantities without a project (its bar on a project is the E threshold factor).
    tech_blocks = np.broadcast_to(tech_base[None, :] > rules.min_technology_for_project, tech.shape)
    project_f12 = np.isin(status_cat, [codes["F1"], codes["F2"]])

    f_idx = np.where(no_project[:, None] | tech_blocks, tech_f, status_f[:, None])
    f_reason = np.select(
        [no_project[:, None] & no_status[:, None], no_project[:, None], tech_blocks],
        [F_REASONS.index("f_no_status"), F_REASONS.index("f_no_project"), F_REASONS.index("f_tech_block")],
        F_REASONS.index("f_status"))
    potential = (level == 4) & project_f12[:, None] & ~tech_blocks
    f_idx = np.where(potential, codes[rules.potential_source_f], f_idx)
    f_reason = np.where(potential, F_REASONS.index("f_potential"), f_reason)

    refines = has_bridge & (status_cat == bridge_f)
    bridged_f = np.where(refines, status_f, bridge_f)
    f_idx = np.where(has_bridge[:, None], bridged_f[:, None], f_idx)
    f_reason = np.where(has_bridge[:, None],
                        np.where(refines, F_REASONS.index("f_bridge"), F_REASONS.index("f_bridge_open"))[:, None],
                        f_reason)
    f_override = _parse_override(frame, "F", codes)
    f_idx = np.where((f_override >= 0)[:, None], f_override[:, None], f_idx)
    f_reason = np.where((f_override >= 0)[:, None], F_REASONS.index("f_override"), f_reason)
    check()

    # ---- E ---------------------------------------------------------------------------------
    price = np.array([rules.prices[c] for c in COMMODITIES])
    recovery = np.array([rules.recovery[c] for c in COMMODITIES])
    grade_known = estimated & np.isfinite(ppm) & (ppm >= 0)
    # In-situ value per tonne of deposit: grade (ppm = g/t) x 1e-6 t/g x price x recovery.
    per_t = np.where(grade_known, ppm, 0.0) * 1e-6 * price * recovery * rules.value_factor()
    any_grade = grade_known.any(axis=1)
    value = np.where(any_grade, per_t.sum(axis=1), np.nan)

    factor = np.where(known_setting, np.array([rules.setting_factor[s] for s in SETTINGS] + [1.0])[setting_idx], 1.0)
    permit_norm = _text_column(frame, "permit_status")
    permit = _lookup(permit_norm, rules.permit_status, "permit_status", frame,
                     "add it to [e.permit_status] in the rules file", missing="").astype(str)
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
    with np.errstate(invalid="ignore"):
        conditions = [
            hard, permit == "refused", ~any_grade, ~known_setting,
            value < rules.e3_3_max_value * factor, value < rules.e2_min_value * factor, soft,
            (value >= rules.e1_min_value * factor) & (permit == "granted"), value >= rules.e1_min_value * factor,
        ]
    screen_reasons = ["e_constraint_hard", "e_permit_refused", "e_no_grade", "e_no_setting", "e_low", "e_marginal",
                      "e_constraint_soft", "e_e1", "e_e2_no_permit"]
    screen_codes = ["E3.3", "E3.3", "E3.2", "E3.2", "E3.3", "E3.2", "E3.2", "E1.1", "E2"]
    screen_e = np.select(conditions, [codes[c] for c in screen_codes], codes["E2"])
    screen_reason = np.select(conditions, [E_REASONS.index(r) for r in screen_reasons], E_REASONS.index("e_e2"))

    e_idx = np.broadcast_to(screen_e[:, None], (n_dep, n_com)).copy()
    e_reason = np.broadcast_to(screen_reason[:, None], (n_dep, n_com)).copy()
    f_is_f4 = codes.category[f_idx] == codes["F4"]
    if rules.without_project != "screening":
        e_idx = np.where(f_is_f4, codes[rules.without_project], e_idx)
        e_reason = np.where(f_is_f4, E_REASONS.index("e_no_project"), e_reason)
    potential_e = (level == 4) & (codes.category[f_idx] == codes["F3"])
    e_idx = np.where(potential_e, codes[rules.potential_source_e], e_idx)
    e_reason = np.where(potential_e, E_REASONS.index("e_potential"), e_reason)
    e_idx = np.where(has_bridge[:, None], bridge_e[:, None], e_idx)
    e_reason = np.where(has_bridge[:, None], E_REASONS.index("e_bridge"), e_reason)
    e_override = _parse_override(frame, "E", codes)
    e_idx = np.where((e_override >= 0)[:, None], e_override[:, None], e_idx)
    e_reason = np.where((e_override >= 0)[:, None], E_REASONS.index("e_override"), e_reason)
    check()

    # ---- increments per confidence level ---------------------------------------------------
    # level 1: G1, G2, G3 | level 2: G2 = low + (best - low), G3 | level 3: G3 = high |
    # level 4: G4.1, G4.2, G4.3. Lower-confidence slots are left empty (-1).
    g_slots = np.array([
        [-1, -1, -1],
        [codes["G1"], codes["G2"], codes["G3"]],
        [codes["G2"], codes["G3"], -1],
        [codes["G3"], -1, -1],
        [codes["G4.1"], codes["G4.2"], codes["G4.3"]],
    ])[level]                                                      # (dep, com, 3)
    qty = np.where((level == 1)[..., None] | (level == 4)[..., None], inc, 0.0)
    qty[..., 0] = np.where(level == 2, best_s, np.where(level == 3, hi_v, qty[..., 0]))
    qty[..., 1] = np.where(level == 2, inc[..., 2], qty[..., 1])
    present = (g_slots >= 0) & valid[..., None]

    # ---- classes of the distinct (E, F, G) combinations ------------------------------------
    n_codes = len(codes.codes)
    combo = (e_idx[..., None] * n_codes + f_idx[..., None]) * n_codes + np.maximum(g_slots, 0)
    inverse, uniq = pd.factorize(combo[present])
    cls = [classify(codes.codes[u // (n_codes * n_codes)], codes.codes[(u // n_codes) % n_codes],
                    codes.codes[u % n_codes]) for u in uniq]
    class_names = np.array([c.class_name for c in cls] + [None], dtype=object)
    sub_names = np.array([c.sub_class for c in cls] + [None], dtype=object)
    is_other = np.array([c.is_other_combination for c in cls] + [False])
    code_names = np.array([c.code for c in cls] + [None], dtype=object)
    check()

    # ---- quantities table ------------------------------------------------------------------
    dep_ids = frame["deposit_id"].astype(object).to_numpy()
    dd, cc, kk = np.nonzero(present)
    # Text columns as pandas Categoricals built from the integer codes: no per-row strings are
    # materialised, which keeps a million-pair run fast; they convert to text on output.
    class_list = list(dict.fromkeys(class_names[:-1]))
    class_of_combo = np.array([class_list.index(c) for c in class_names[:-1]], dtype=np.int64)
    all_codes = list(codes.codes)
    quantities = pd.DataFrame({
        "deposit_id": dep_ids[dd],
        "commodity": pd.Categorical.from_codes(cc, categories=list(COMMODITIES)),
        "quantity_t": qty[dd, cc, kk],
        "unfc_e": pd.Categorical.from_codes(e_idx[dd, cc], categories=all_codes),
        "unfc_f": pd.Categorical.from_codes(f_idx[dd, cc], categories=all_codes),
        "unfc_g": pd.Categorical.from_codes(g_slots[dd, cc, kk], categories=all_codes),
        "unfc_code": pd.Categorical.from_codes(inverse, categories=list(code_names[:-1])),
        "unfc_class": pd.Categorical.from_codes(class_of_combo[inverse] if len(inverse) else inverse,
                                                categories=class_list),
    }, columns=field_names(QUANTITY_FIELDS))

    # ---- headline commodity per deposit ----------------------------------------------------
    worth = np.where(valid, best_s * price, -np.inf)
    headline = np.argmax(worth, axis=1)
    has_headline = valid.any(axis=1)
    rows = np.arange(n_dep)
    h_slots = g_slots[rows, headline]
    h_qty = qty[rows, headline]
    h_present = present[rows, headline]
    positive = h_present & (h_qty > 0)
    first_slot = np.where(positive.any(axis=1), np.argmax(positive, axis=1), 0)
    # combo index of the headline row: position of (row, headline, first_slot) among present cells
    flat_pos = np.cumsum(present.ravel()) - 1
    cell = (rows * n_com + headline) * 3 + first_slot
    h_inverse = np.where(has_headline, inverse[np.clip(flat_pos[cell], 0, max(len(inverse) - 1, 0))]
                         if len(inverse) else len(cls), len(cls))
    h_e_idx, h_f_idx = e_idx[rows, headline], f_idx[rows, headline]
    h_g_idx = np.maximum(h_slots[rows, first_slot], 0)
    h_e = np.where(has_headline, codes.codes[h_e_idx], None)
    h_f = np.where(has_headline, codes.codes[h_f_idx], None)
    h_g = np.where(has_headline, codes.codes[h_g_idx], None)

    stamp = (classified_at or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    builder = RationaleBuilder(language, rules)
    rationale = builder.build(
        has_headline=has_headline, headline=headline, worth=worth[rows, headline], best=best_s[rows, headline],
        level=level[rows, headline], g_reason=g_reason[rows, headline], n=n_samples[rows, headline],
        half_width=half_width[rows, headline], method=method[rows, headline], g_code=coded(h_g_idx, codes.codes),
        f_code=coded(h_f_idx, codes.codes), f_reason=f_reason[rows, headline],
        status=_raw_text_coded(frame, "project_status"), tech=tech_base[headline], steps=steps,
        setting_idx=setting_idx, e_code=coded(h_e_idx, codes.codes), e_reason=e_reason[rows, headline],
        screen_e=coded(screen_e, codes.codes), value=value, factor=factor,
        permit_raw=_raw_text_coded(frame, "permit_status"), hit_layer=hit_layer, hit_label=hit_label,
        bridge_row=bridge_row, category_raw=_raw_text_coded(frame, "resource_category"),
        overrides={a: _raw_text_coded(frame, f"unfc_{a.lower()}_override") for a in ("E", "F", "G")},
        is_other=is_other[h_inverse], code=coded(h_inverse, code_names),
    )
    deposits = frame.copy(deep=False)  # new columns only; the caller's frame is not modified
    unfc = {
        "unfc_e": h_e, "unfc_f": h_f, "unfc_g": h_g, "unfc_code": code_names[h_inverse],
        "unfc_class": class_names[h_inverse], "unfc_subclass": sub_names[h_inverse], "unfc_rationale": rationale,
        "rules_version": rules.version, "classified_at": pd.Timestamp(stamp),
        "plugin_version": plugin_version(),
    }
    for name in field_names(UNFC_FIELDS):
        deposits[name] = unfc[name]

    class_counts = deposits["unfc_class"].fillna("(not classified)").value_counts().to_dict()
    counts = {
        "deposits": n_dep, "pairs": n_dep * n_com, "pairs_with_estimate": int(valid.sum()),
        "pairs_without_estimate": int((~estimated).sum()), "pairs_incomplete": int(incomplete.sum()),
        "quantity_rows": len(quantities), "deposits_unclassified": int((~has_headline).sum()),
        "other_combinations": int(is_other[h_inverse][has_headline].sum()),
    }
    reasons = {
        axis: np.where(has_headline, np.array(names, dtype=object)[branch[rows, headline]], None)
        for axis, names, branch in (("E", E_REASONS, e_reason), ("F", F_REASONS, f_reason), ("G", G_REASONS, g_reason))
    }
    return ClassificationResult(deposits, quantities, class_counts, counts, warnings, reasons)
