"""``unfc_rationale``: one short sentence per axis, naming the facts and thresholds used.

Sentences are built per reason code (a fixed, small set) and, within a reason, once per
distinct combination of the values they mention (numbers are rounded for reading anyway,
so a million deposits share a few thousand distinct sentences). The rows then take their
sentence by index: no Python loop over rows.
"""
from __future__ import annotations

from dataclasses import dataclass
from string import Formatter

import numpy as np
import pandas as pd

from ..schema import COMMODITIES, SETTINGS
from .messages import METHOD_WORDS, SETTING_WORDS, TEMPLATES
from .rules import Rules
from .vocabulary import load_vocabulary

_METHODS = ("measured", "regression", "analogue", "none")


@dataclass(frozen=True)
class Coded:
    """A text column as small integer codes into ``labels`` (-1 picks the last label).

    Grouping and masking work on the integers; text is only looked up for distinct values.
    """
    codes: np.ndarray
    labels: np.ndarray

    def __getitem__(self, rows: np.ndarray) -> Coded:
        return Coded(self.codes[rows], self.labels)


def coded(codes: np.ndarray, labels: list[str] | np.ndarray) -> Coded:
    return Coded(np.asarray(codes, dtype=np.int64), np.asarray(labels, dtype=object))


def _as_text(values: np.ndarray, unknown: str) -> np.ndarray:
    """Object array of text; numbers (already rounded) as whole numbers, NaN as ``unknown``."""
    if values.dtype.kind in "fi":
        as_float = values.astype(float)
        finite = np.isfinite(as_float)
        text = np.where(finite, as_float, 0).astype(np.int64).astype(str).astype(object)
        return np.where(finite, text, unknown)
    return values.astype(object)


def _round_sig(values: np.ndarray, digits: int = 3) -> np.ndarray:
    """Round to ``digits`` significant figures (estimates are not known better than that)."""
    values = np.asarray(values, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        magnitude = np.where(values > 0, 10.0 ** (np.floor(np.log10(np.abs(values))) - digits + 1), 1.0)
        return np.where(np.isfinite(values), np.round(values / magnitude) * magnitude, np.nan)


def _group_codes(arrays: list[np.ndarray]) -> np.ndarray:
    """One integer per distinct combination of the given columns (hash factorisation)."""
    key = np.zeros(len(arrays[0].codes if isinstance(arrays[0], Coded) else arrays[0]) if arrays else 0,
                   dtype=np.int64)
    for arr in arrays:
        codes, uniques = pd.factorize(arr.codes if isinstance(arr, Coded) else arr, use_na_sentinel=True)
        key = key * (len(uniques) + 1) + (codes + 1)
        key = pd.factorize(key)[0].astype(np.int64)
    return key


def fill(template: str, columns: dict[str, object], rows: np.ndarray, unknown: str) -> np.ndarray:
    """``template`` filled for the rows selected by the boolean mask ``rows``."""
    pieces = list(Formatter().parse(template))
    names = [name for _, name, _, _ in pieces if name is not None]
    arrays = {n: columns[n][rows] for n in names if isinstance(columns[n], np.ndarray | Coded)}
    size = int(rows.sum())
    if not arrays:
        group = np.zeros(size, dtype=np.int64)
    else:
        group = _group_codes(list(arrays.values()))
    n_groups = int(group.max()) + 1 if size else 0
    first = np.full(n_groups, -1, dtype=np.int64)
    first[group[::-1]] = np.arange(size)[::-1]  # first row of each group
    text = np.full(n_groups, "", dtype=object)
    for literal, name, _spec, _conv in pieces:
        if literal:
            text = text + literal
        if name is not None:
            value = columns[name]
            if name not in arrays:
                text = text + str(value)
            elif isinstance(arrays[name], Coded):
                text = text + arrays[name].labels[arrays[name].codes[first]]
            else:
                text = text + _as_text(arrays[name][first], unknown)
    return text[group]


class RationaleBuilder:
    def __init__(self, language: str, rules: Rules) -> None:
        self.language = language
        self.rules = rules
        self.t = TEMPLATES[language]

    def _by_reason(self, reasons: np.ndarray, names: tuple[str, ...], columns: dict[str, object],
                   mask: np.ndarray, suffix: str = "") -> np.ndarray:
        out = np.full(len(reasons), "", dtype=object)
        for code, name in enumerate(names):
            rows = mask & (reasons == code)
            if rows.any():
                out[rows] = fill(self.t[name] + suffix, columns, rows, self.t["unknown"])
        return out

    def build(self, *, has_headline, headline, worth, best, level, g_reason, n, half_width, method, g_code, f_code,
              f_reason, status, tech, steps, setting_idx, e_code, e_reason, screen_e, value, factor, permit_raw,
              hit_layer, hit_label, bridge_row, category_raw, overrides, is_other, code) -> np.ndarray:
        from .engine import E_REASONS, F_REASONS, G_REASONS

        rules, lang, t = self.rules, self.language, self.t
        size = len(has_headline)
        vocab = load_vocabulary()
        commodity = coded(headline, COMMODITIES)
        setting_words = coded(setting_idx, [SETTING_WORDS[lang][s] for s in SETTINGS] + [t["setting_unknown"]])
        bridge_text = coded(bridge_row, [f"{b.source} → {b.e} {b.f} {b.g}" for b in vocab.bridge] + [""])
        bridge_f = coded(bridge_row, [b.f for b in vocab.bridge] + [""])
        status_text = Coded(status.codes, np.where(status.labels == "", t["none"], status.labels))

        # G: thresholds of the level reached and of the next-higher level.
        g_names = ["", "G1", "G2", "G3", "G4"]
        lim_n = np.array([0] + [rules.min_samples[g] for g in ("G1", "G2", "G3")] + [rules.min_samples["G3"]])
        lim_hw = np.array([0.0] + [rules.max_half_width[g] for g in ("G1", "G2", "G3")] +
                          [rules.max_half_width["G3"]])
        next_level = np.maximum(level - 1, 1)
        g_columns = {
            "g": g_code, "n": np.round(n), "hw": np.round(half_width * 100),
            "n_lim": lim_n[level], "hw_lim": np.round(lim_hw[level] * 100),
            "g_next": coded(next_level, g_names), "n_next": lim_n[next_level],
            "hw_next": np.round(lim_hw[next_level] * 100),
            "method": coded(method, [METHOD_WORDS[lang].get(m, m) for m in _METHODS]),
            "category": category_raw, "bridge": bridge_text, "value": overrides["G"],
        }
        with_next = (g_reason == G_REASONS.index("g_stats")) & (level > 1)
        g_text = self._by_reason(g_reason, G_REASONS, g_columns, has_headline & ~with_next)
        if (has_headline & with_next).any():
            rows = has_headline & with_next
            g_text[rows] = fill(t["g_stats_next"], g_columns, rows, t["unknown"])

        # F
        # "lowered n step(s) for a sea deposit": one label per (steps, setting) combination.
        n_settings = len(SETTINGS) + 1
        words = [*(SETTING_WORDS[lang][s] for s in SETTINGS), t["setting_unknown"]]
        step_labels = [""] * n_settings + [t["steps"].format(n=n, setting=words[k])
                                           for n in range(1, int(steps.max(initial=0)) + 1) for k in range(n_settings)]
        step_text = coded(np.where(steps > 0, steps * n_settings + (setting_idx % n_settings), 0), step_labels)
        f_columns = {
            "f": f_code, "status": status_text, "commodity": commodity,
            "tech": coded(tech, ["", "F4.1", "F4.2", "F4.3"]), "steps": step_text,
            "tech_min": f"F4.{rules.min_technology_for_project}", "bridge_f": bridge_f, "category": category_raw,
            "value": overrides["F"],
        }
        f_text = self._by_reason(f_reason, F_REASONS, f_columns, has_headline, " ")

        # E: the limit a sentence quotes depends on the branch taken.
        limit = np.select(
            [e_reason == E_REASONS.index("e_low"), np.isin(e_reason, [E_REASONS.index("e_marginal"),
                                                                        E_REASONS.index("e_e2")])],
            [rules.e3_3_max_value * factor, rules.e2_min_value * factor], rules.e1_min_value * factor)
        e_columns = {
            "e": e_code, "cur": rules.value_currency, "value": np.round(value),
            "limit_lo": np.round(rules.e3_3_max_value * factor), "limit": np.round(limit),
            "setting": setting_words, "label": hit_label, "layer": hit_layer, "permit": permit_raw,
            "screen": screen_e, "category": category_raw, "bridge": bridge_text,
        }
        e_text = self._by_reason(e_reason, E_REASONS, e_columns, has_headline & (e_reason != E_REASONS.index(
            "e_override")), " ")
        override_rows = has_headline & (e_reason == E_REASONS.index("e_override"))
        if override_rows.any():
            e_text[override_rows] = fill(t["e_override"] + " ", dict(e_columns, value=overrides["E"]), override_rows,
                                         t["unknown"])

        million = " mill." if lang == "nb" else " M"
        worth_sig = _round_sig(worth, 2)
        in_millions = worth_sig >= 1e6
        head = np.full(size, "", dtype=object)
        if has_headline.any():
            head[has_headline] = fill(t["headline"] + " ", {"commodity": commodity, "tonnes": _round_sig(best, 3),
                                                      "cur": rules.price_currency,
                                                      "worth": np.round(np.where(in_millions, worth_sig / 1e6,
                                                                                 worth_sig)),
                                                      "unit": coded(in_millions.astype(np.int64), ["", million])},
                                      has_headline, t["unknown"])
        text = head + e_text + f_text + g_text
        other_rows = is_other & has_headline
        if other_rows.any():
            text[other_rows] = text[other_rows] + " " + fill(t["other"], {"code": code}, other_rows, t["unknown"])
        text[~has_headline] = t["no_estimate"]
        return text
