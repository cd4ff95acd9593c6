"""``unfc_rationale``: one short sentence per axis, naming the facts and thresholds used.

Sentences are built per reason code (a fixed, small set) and, within a reason, once per
distinct combination of the values they mention (numbers are rounded for reading anyway,
so a million deposits share a few thousand distinct sentences). The rows then take their
sentence by index: no Python loop over rows.
"""
from __future__ import annotations

from string import Formatter

import numpy as np
import pandas as pd

from ..schema import COMMODITIES, SETTINGS
from .facts import Coded, RationaleFacts, coded
from .messages import E_REASONS, F_REASONS, G_REASONS, METHOD_WORDS, METHODS, SETTING_WORDS, TEMPLATES
from .rules import Rules
from .vocabulary import load_vocabulary


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

    def build(self, facts: RationaleFacts) -> np.ndarray:
        """One rationale per deposit: headline, then the E, F and G sentences."""
        has_headline = facts.has_headline
        text = self._headline(facts) + self._e(facts) + self._f(facts) + self._g(facts)
        other_rows = facts.is_other & has_headline
        if other_rows.any():
            text[other_rows] = text[other_rows] + " " + fill(self.t["other"], {"code": facts.code}, other_rows,
                                                             self.t["unknown"])
        text[~has_headline] = self.t["no_estimate"]
        return text

    def _bridge_text(self, facts: RationaleFacts) -> Coded:
        vocab = load_vocabulary()
        return coded(facts.bridge_row, [f"{b.source} → {b.e} {b.f} {b.g}" for b in vocab.bridge] + [""])

    def _headline(self, facts: RationaleFacts) -> np.ndarray:
        t, has_headline = self.t, facts.has_headline
        million = " mill." if self.language == "nb" else " M"
        worth_sig = _round_sig(facts.worth, 2)
        in_millions = worth_sig >= 1e6
        head = np.full(len(has_headline), "", dtype=object)
        if has_headline.any():
            head[has_headline] = fill(t["headline"] + " ", {
                "commodity": coded(facts.commodity, COMMODITIES), "tonnes": _round_sig(facts.best, 3),
                "cur": self.rules.price_currency,
                "worth": np.round(np.where(in_millions, worth_sig / 1e6, worth_sig)),
                "unit": coded(in_millions.astype(np.int64), ["", million])}, has_headline, t["unknown"])
        return head

    def _g(self, facts: RationaleFacts) -> np.ndarray:
        """The thresholds of the level reached and of the next-higher level."""
        rules, lang, t, g = self.rules, self.language, self.t, facts.g
        g_names = ["", "G1", "G2", "G3", "G4"]
        lim_n = np.array([0] + [rules.min_samples[k] for k in ("G1", "G2", "G3")] + [rules.min_samples["G3"]])
        lim_hw = np.array([0.0] + [rules.max_half_width[k] for k in ("G1", "G2", "G3")] +
                          [rules.max_half_width["G3"]])
        next_level = np.maximum(g.level - 1, 1)
        columns = {
            "g": g.code, "n": np.round(g.n), "hw": np.round(g.half_width * 100),
            "n_lim": lim_n[g.level], "hw_lim": np.round(lim_hw[g.level] * 100),
            "g_next": coded(next_level, g_names), "n_next": lim_n[next_level],
            "hw_next": np.round(lim_hw[next_level] * 100),
            "method": coded(g.method, [METHOD_WORDS[lang].get(m, m) for m in METHODS]),
            "category": facts.category, "bridge": self._bridge_text(facts), "value": g.override,
        }
        with_next = (g.reason == G_REASONS.index("g_stats")) & (g.level > 1)
        text = self._by_reason(g.reason, G_REASONS, columns, facts.has_headline & ~with_next)
        rows = facts.has_headline & with_next
        if rows.any():
            text[rows] = fill(t["g_stats_next"], columns, rows, t["unknown"])
        return text

    def _f(self, facts: RationaleFacts) -> np.ndarray:
        rules, lang, t, f = self.rules, self.language, self.t, facts.f
        vocab = load_vocabulary()
        # "lowered n step(s) for a sea deposit": one label per (steps, setting) combination.
        n_settings = len(SETTINGS) + 1
        words = [*(SETTING_WORDS[lang][s] for s in SETTINGS), t["setting_unknown"]]
        step_labels = [""] * n_settings + [t["steps"].format(n=n, setting=words[k])
                                           for n in range(1, int(f.steps.max(initial=0)) + 1)
                                           for k in range(n_settings)]
        step_text = coded(np.where(f.steps > 0, f.steps * n_settings + (f.setting % n_settings), 0), step_labels)
        columns = {
            "f": f.code, "status": Coded(f.status.codes, np.where(f.status.labels == "", t["none"], f.status.labels)),
            "commodity": coded(facts.commodity, COMMODITIES),
            "tech": coded(f.tech, ["", "F4.1", "F4.2", "F4.3"]), "steps": step_text,
            "tech_min": f"F4.{rules.min_technology_for_project}",
            "bridge_f": coded(facts.bridge_row, [b.f for b in vocab.bridge] + [""]), "category": facts.category,
            "value": f.override,
        }
        return self._by_reason(f.reason, F_REASONS, columns, facts.has_headline, " ")

    def _e(self, facts: RationaleFacts) -> np.ndarray:
        """The limit a sentence quotes depends on the branch taken."""
        rules, lang, t, e = self.rules, self.language, self.t, facts.e
        limit = np.select(
            [e.reason == E_REASONS.index("e_low"), np.isin(e.reason, [E_REASONS.index("e_marginal"),
                                                                      E_REASONS.index("e_e2")])],
            [rules.e3_3_max_value * e.factor, rules.e2_min_value * e.factor], rules.e1_min_value * e.factor)
        columns = {
            "e": e.code, "cur": rules.value_currency, "value": np.round(e.value),
            "limit_lo": np.round(rules.e3_3_max_value * e.factor), "limit": np.round(limit),
            "setting": coded(facts.f.setting, [SETTING_WORDS[lang][s] for s in SETTINGS] + [t["setting_unknown"]]),
            "label": e.hit_label, "layer": e.hit_layer, "permit": e.permit,
            "screen": e.screen, "category": facts.category, "bridge": self._bridge_text(facts),
        }
        is_override = e.reason == E_REASONS.index("e_override")
        text = self._by_reason(e.reason, E_REASONS, columns, facts.has_headline & ~is_override, " ")
        override_rows = facts.has_headline & is_override
        if override_rows.any():
            text[override_rows] = fill(t["e_override"] + " ", dict(columns, value=e.override), override_rows,
                                       t["unknown"])
        return text
