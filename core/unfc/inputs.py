"""Reading an Estimates frame into the arrays the axes work on.

Text columns are matched through ``pd.factorize`` (normalised once per distinct value), so
no Python code runs per row; an unknown value stops the run naming its deposit, row, column
and value.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..errors import TailingsInputError
from ..message import Message, cause_of
from ..schema import COMMODITIES, SETTINGS
from .codes import parse_category
from .facts import Coded, coded
from .messages import METHODS, NONE_METHOD
from .rules import Rules, normalise_text
from .vocabulary import load_vocabulary


class Codes:
    """All UNFC category codes as small integers, so the axes are plain int arrays."""

    def __init__(self) -> None:
        self.codes = np.array(list(load_vocabulary().categories), dtype=object)
        self.index = {c: i for i, c in enumerate(self.codes)}
        self.category = np.array([self.index[c.split(".")[0]] for c in self.codes])  # F2.1 -> F2
        # Confidence level of each G code: 1, 2, 3, 4 for G4.x; 0 for E and F codes.
        self.g_level = np.array([(4 if c.startswith("G4") else int(c[1])) if c.startswith("G") else 0
                                 for c in self.codes], dtype=np.int64)

    def __getitem__(self, code: str) -> int:
        return self.index[code]

    def __len__(self) -> int:
        return len(self.codes)


def text_column(frame: pd.DataFrame, name: str) -> np.ndarray:
    """A free-text column normalised (lower case, single spaces); '' where NULL or absent."""
    if name not in frame.columns:
        return np.full(len(frame), "", dtype=object)
    inverse, uniques = pd.factorize(frame[name], use_na_sentinel=True)
    normalised = np.array([normalise_text(u) for u in uniques] + [""], dtype=object)
    return normalised[inverse]  # the NULL sentinel -1 picks the trailing ""


def raw_text_coded(frame: pd.DataFrame, name: str) -> Coded:
    """A text column as written (trimmed), coded; NULL or absent -> ''."""
    if name not in frame.columns:
        return coded(np.zeros(len(frame), dtype=np.int64), [""])
    inverse, uniques = pd.factorize(frame[name], use_na_sentinel=True)
    return coded(inverse, [str(u).strip() for u in uniques] + [""])  # NULL (-1) picks the trailing ""


def raw_text_column(frame: pd.DataFrame, name: str) -> np.ndarray:
    text = raw_text_coded(frame, name)
    return text.labels[text.codes]


def lookup(values: np.ndarray, mapping: dict[str, object], column: str, frame: pd.DataFrame,
           hint: Message, *, allow_empty: bool = True, missing: object = None) -> np.ndarray:
    """Map normalised text values through ``mapping``; unknown values raise with their row and ``hint``."""
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
            raise TailingsInputError("Unrecognised {0} value for deposit {1!r}; {2}", column, ident, hint,
                                     row=row + 1, column=column, value=raw)
    return np.array(mapped, dtype=object)[inverse]


def numeric(frame: pd.DataFrame, name: str) -> np.ndarray:
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


@dataclass(frozen=True)
class Override:
    """An expert override column: code index per deposit (-1 none) and the text as written."""
    index: np.ndarray
    raw: Coded

    @property
    def given(self) -> np.ndarray:
        return self.index >= 0


def read_override(frame: pd.DataFrame, axis: str, codes: Codes) -> Override:
    column = f"unfc_{axis.lower()}_override"
    raw = raw_text_coded(frame, column)
    text = raw.labels[raw.codes]
    inverse, uniques = pd.factorize(text)
    out = []
    for u in uniques:
        if u == "":
            out.append(-1)
            continue
        try:
            out.append(codes[parse_category(axis, u)])
        except ValueError as err:
            row = int(np.flatnonzero(text == u)[0])
            raise TailingsInputError("Invalid expert override: {0}", cause_of(err), row=row + 1, column=column,
                                     value=u) from None
    return Override(np.array(out, dtype=np.int64)[inverse], raw)


@dataclass(frozen=True)
class Estimates:
    """The estimate fields as (deposit, commodity) arrays."""
    method: np.ndarray       # index into METHODS
    lo: np.ndarray           # x_t_lo (P90)
    best: np.ndarray         # x_t (P50)
    hi: np.ndarray           # x_t_hi (P10)
    ppm: np.ndarray          # x_ppm
    n_samples: np.ndarray    # x_n (NULL -> 0)
    estimated: np.ndarray    # x_method is not none
    valid: np.ndarray        # estimated, with complete non-negative figures
    incomplete: np.ndarray   # estimated, but figures missing or negative


def read_estimates(frame: pd.DataFrame, warnings: list[Message]) -> Estimates:
    n_dep, n_com = len(frame), len(COMMODITIES)
    absent = [c for c in COMMODITIES if f"{c}_method" not in frame.columns]
    if len(absent) == n_com:
        raise TailingsInputError("The input has no estimate fields (x_method, x_t, x_t_lo, x_t_hi for "
                                 "co, cu, zn, tree): run the estimate step first", column="co_method")
    if absent:
        warnings.append(Message("No estimate fields for {0}: treated as x_method none.", ", ".join(absent)))
    method = np.full((n_dep, n_com), NONE_METHOD, dtype=np.int64)
    method_lookup = {m: i for i, m in enumerate(METHODS)}
    for j, c in enumerate(COMMODITIES):
        if c in absent:
            continue
        method[:, j] = lookup(text_column(frame, f"{c}_method"), method_lookup, f"{c}_method", frame,
                              Message("expected measured, regression, analogue or none"),
                              missing=NONE_METHOD).astype(np.int64)
    lo = np.column_stack([numeric(frame, f"{c}_t_lo") for c in COMMODITIES])
    best = np.column_stack([numeric(frame, f"{c}_t") for c in COMMODITIES])
    hi = np.column_stack([numeric(frame, f"{c}_t_hi") for c in COMMODITIES])
    ppm = np.column_stack([numeric(frame, f"{c}_ppm") for c in COMMODITIES])
    n_samples = np.nan_to_num(np.column_stack([numeric(frame, f"{c}_n") for c in COMMODITIES]), nan=0.0)
    estimated = method != NONE_METHOD
    complete = np.isfinite(lo) & np.isfinite(best) & np.isfinite(hi) & (lo >= 0) & (best >= 0) & (hi >= 0)
    valid = estimated & complete
    incomplete = estimated & ~complete
    if incomplete.any():
        warnings.append(Message("{0} deposit x commodity estimate(s) have a method but missing or negative "
                                "x_t/x_t_lo/x_t_hi: no quantities for them.", int(incomplete.sum())))
    return Estimates(method, lo, best, hi, ppm, n_samples, estimated, valid, incomplete)


@dataclass(frozen=True)
class Bridge:
    """Per deposit the CRIRSCO/PERC bridge row (-1 none) and the codes it gives."""
    row: np.ndarray
    e: np.ndarray            # code index, -1 without bridge
    f: np.ndarray
    level: np.ndarray        # confidence level 1..4, 0 without bridge
    raw: Coded               # resource_category as written

    @property
    def given(self) -> np.ndarray:
        return self.row >= 0


def _bridge_key(text: str) -> str:
    words = [w for w in normalise_text(text).split(" ") if w not in ("mineral", "ore")]
    key = " ".join(words)
    return key[:-1] if key.endswith(("reserves", "resources", "results")) else key


def read_bridge(frame: pd.DataFrame, codes: Codes) -> Bridge:
    vocab = load_vocabulary()
    names: dict[str, int] = {}
    for i, row in enumerate(vocab.bridge):
        for name in row.names:
            names[_bridge_key(name)] = i
    values = text_column(frame, "resource_category")
    distinct = pd.unique(values)
    mapping = {u: names[_bridge_key(u)] for u in distinct if _bridge_key(u) in names}
    accepted = "; ".join(row.source for row in vocab.bridge)
    index = lookup(values, mapping, "resource_category", frame,
                   Message("use a CRIRSCO/PERC/JORC category ({0}) or leave it empty", accepted),
                   missing=-1).astype(np.int64)
    e = np.array([codes[b.e] for b in vocab.bridge] + [-1])[index]
    f = np.array([codes[b.f] for b in vocab.bridge] + [-1])[index]
    level = np.array([codes.g_level[codes[b.g]] for b in vocab.bridge] + [0])[index]
    return Bridge(index, e, f, level, raw_text_coded(frame, "resource_category"))


@dataclass(frozen=True)
class Setting:
    """Per deposit: index into SETTINGS (-1 unknown) and the rules that follow from it."""
    index: np.ndarray
    known: np.ndarray
    steps: np.ndarray        # technology steps (0 where unknown)
    factor: np.ndarray       # E threshold factor (1 where unknown)


def read_setting(frame: pd.DataFrame, rules: Rules) -> Setting:
    idx = lookup(text_column(frame, "setting"), {k: SETTINGS.index(v) for k, v in rules.setting_names.items()},
                 "setting", frame,
                 Message("expected land, lake or sea, or add it to [setting_names] in the rules file"),
                 missing=-1).astype(np.int64)
    known = idx >= 0
    steps = np.where(known, np.array([rules.setting_steps[s] for s in SETTINGS] + [0])[idx], 0)
    factor = np.where(known, np.array([rules.setting_factor[s] for s in SETTINGS] + [1.0])[idx], 1.0)
    return Setting(idx, known, steps, factor)
