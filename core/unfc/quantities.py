"""Classes of the written quantity rows, the long quantities table, and the headline commodity."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..schema import COMMODITIES, QUANTITY_FIELDS, field_names
from .classes import classify
from .increments import Slots
from .inputs import Codes


@dataclass(frozen=True)
class CellClasses:
    """The class of every written quantity row, through its distinct (E, F, G) combination."""
    inverse: np.ndarray      # per present cell (in np.nonzero order): index of its combination
    code: np.ndarray         # per combination (+ a trailing None for "no combination")
    class_name: np.ndarray
    sub_class: np.ndarray
    is_other: np.ndarray

    @property
    def n(self) -> int:
        return len(self.code) - 1


def cell_classes(e_index: np.ndarray, f_index: np.ndarray, slots: Slots, codes: Codes) -> CellClasses:
    """Classify each distinct combination once (``classify`` is cached), then index."""
    n_codes = len(codes)
    combo = (e_index[..., None] * n_codes + f_index[..., None]) * n_codes + np.maximum(slots.g, 0)
    inverse, uniq = pd.factorize(combo[slots.present])
    cls = [classify(codes.codes[u // (n_codes * n_codes)], codes.codes[(u // n_codes) % n_codes],
                    codes.codes[u % n_codes]) for u in uniq]
    return CellClasses(
        inverse=inverse,
        code=np.array([c.code for c in cls] + [None], dtype=object),
        class_name=np.array([c.class_name for c in cls] + [None], dtype=object),
        sub_class=np.array([c.sub_class for c in cls] + [None], dtype=object),
        is_other=np.array([c.is_other_combination for c in cls] + [False]),
    )


def quantities_table(deposit_ids: np.ndarray, e_index: np.ndarray, f_index: np.ndarray, slots: Slots,
                     cells: CellClasses, codes: Codes) -> pd.DataFrame:
    """One row per deposit x commodity x G increment.

    Text columns are pandas Categoricals built from the integer codes: no per-row strings are
    materialised, which keeps a million-pair run fast; they convert to text on output.
    """
    dd, cc, kk = np.nonzero(slots.present)
    class_list = list(dict.fromkeys(cells.class_name[:-1]))
    class_of_combo = np.array([class_list.index(c) for c in cells.class_name[:-1]], dtype=np.int64)
    all_codes = list(codes.codes)
    inverse = cells.inverse
    return pd.DataFrame({
        "deposit_id": deposit_ids[dd],
        "commodity": pd.Categorical.from_codes(cc, categories=list(COMMODITIES)),
        "quantity_t": slots.qty[dd, cc, kk],
        "unfc_e": pd.Categorical.from_codes(e_index[dd, cc], categories=all_codes),
        "unfc_f": pd.Categorical.from_codes(f_index[dd, cc], categories=all_codes),
        "unfc_g": pd.Categorical.from_codes(slots.g[dd, cc, kk], categories=all_codes),
        "unfc_code": pd.Categorical.from_codes(inverse, categories=list(cells.code[:-1])),
        "unfc_class": pd.Categorical.from_codes(class_of_combo[inverse] if len(inverse) else inverse,
                                                categories=class_list),
    }, columns=field_names(QUANTITY_FIELDS))


@dataclass(frozen=True)
class Headline:
    """Per deposit: the commodity whose best estimate is worth most, and its first G row."""
    commodity: np.ndarray    # index into COMMODITIES
    given: np.ndarray        # the deposit has a valid estimate for some commodity
    worth: np.ndarray        # best estimate x price of the headline commodity
    g_index: np.ndarray      # G code index of the first increment with a quantity > 0
    combo: np.ndarray        # index into CellClasses (cells.n where none)


def headline(valid: np.ndarray, best: np.ndarray, price: np.ndarray, slots: Slots,
             cells: CellClasses) -> Headline:
    n_dep, n_com = valid.shape
    worth = np.where(valid, best * price, -np.inf)
    commodity = np.argmax(worth, axis=1)
    given = valid.any(axis=1)
    rows = np.arange(n_dep)
    h_slots = slots.g[rows, commodity]
    positive = slots.present[rows, commodity] & (slots.qty[rows, commodity] > 0)
    first_slot = np.where(positive.any(axis=1), np.argmax(positive, axis=1), 0)
    # combination of the headline row: position of (row, headline, first_slot) among present cells
    inverse = cells.inverse
    flat_pos = np.cumsum(slots.present.ravel()) - 1
    cell = (rows * n_com + commodity) * 3 + first_slot
    combo = np.where(given, inverse[np.clip(flat_pos[cell], 0, max(len(inverse) - 1, 0))]
                     if len(inverse) else cells.n, cells.n)
    g_index = np.maximum(h_slots[rows, first_slot], 0)
    return Headline(commodity, given, worth[rows, commodity], g_index, combo)
