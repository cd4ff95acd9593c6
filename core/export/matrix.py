"""UNFC aggregations for the results panel and the summary workbook (pure pandas).

* the E × F matrix of one commodity: deposits counted, or contained tonnes summed, per E
  and F category, for the known (G1–G3) or potential (G4) quantities;
* the deposits behind one matrix cell;
* contained metal by UNFC class and commodity, known and potential apart.

Known and potential are never added together: in UNFC, G1–G3 are quantities of a known
source (direct evidence) and G4 those of a potential source (analogues, indirect evidence;
see DOMAIN.md, "G: degree of confidence"); one total over both would mix the two.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..schema import COMMODITIES

KNOWN, POTENTIAL = "known", "potential"
G_GROUPS = (KNOWN, POTENTIAL)
G_GROUP_TITLES = {KNOWN: "G1–G3 known", POTENTIAL: "G4 potential"}
MEASURES = ("count", "tonnes")


def g_group(unfc_g: pd.Series) -> pd.Series:
    """``known`` for G1, G2, G3 (and their sums such as G1+G2), ``potential`` for G4.x, NULL else."""
    text = unfc_g.astype("string").str.strip().str.upper()
    out = pd.Series(pd.NA, index=unfc_g.index, dtype="string")
    out[text.str.startswith("G4").fillna(False)] = POTENTIAL
    out[text.str.match(r"G[123]").fillna(False)] = KNOWN
    return out


def _category_key(values: pd.Index) -> list[str]:
    """E1 < E2 < E3.1 < … in the UNFC order (text order of the numbers, which is that order)."""
    return sorted((str(v) for v in values), key=lambda v: (v[:1], [int(p) if p.isdigit() else p
                                                                    for p in v[1:].split(".")]))


def _selection(quantities: pd.DataFrame, commodity: str, group: str) -> pd.DataFrame:
    q = quantities[quantities["commodity"] == commodity]
    return q[g_group(q["unfc_g"]).eq(group).fillna(False).to_numpy(dtype=bool)]


def ef_matrix(quantities: pd.DataFrame, commodity: str, group: str = KNOWN, measure: str = "count") -> pd.DataFrame:
    """E (rows) × F (columns) for one commodity and G group: distinct deposits, or tonnes.

    ``quantities`` has ``core.schema.QUANTITY_FIELDS``. Rows and columns are the categories
    that occur for this commodity in either group, so switching G keeps the layout.
    """
    if measure not in MEASURES:
        raise ValueError(f"measure must be one of {MEASURES}, not {measure!r}")
    every = quantities[quantities["commodity"] == commodity]
    rows = _category_key(pd.Index(every["unfc_e"].dropna().unique()))
    columns = _category_key(pd.Index(every["unfc_f"].dropna().unique()))
    q = _selection(quantities, commodity, group)
    if measure == "count":
        table = q.groupby(["unfc_e", "unfc_f"])["deposit_id"].nunique()
    else:
        table = q.groupby(["unfc_e", "unfc_f"])["quantity_t"].sum(min_count=1)
    matrix = table.unstack("unfc_f") if len(table) else pd.DataFrame()
    matrix = matrix.reindex(index=rows, columns=columns)
    if measure == "count":
        matrix = matrix.fillna(0).astype(np.int64)
    matrix.index.name, matrix.columns.name = "E", "F"
    return matrix


def cell_deposits(quantities: pd.DataFrame, commodity: str, group: str, e: str, f: str) -> list[str]:
    """Deposit ids behind one cell of ``ef_matrix`` (sorted, unique)."""
    q = _selection(quantities, commodity, group)
    hit = q[(q["unfc_e"] == e).to_numpy() & (q["unfc_f"] == f).to_numpy()]
    return sorted(hit["deposit_id"].astype(str).unique().tolist())


def contained_by_class(quantities: pd.DataFrame) -> pd.DataFrame:
    """Contained tonnes per UNFC class (rows) and commodity × G group (columns).

    Known is G1+G2+G3, the high (P10) estimate of contained metal; potential is G4.
    """
    q = quantities.assign(group=g_group(quantities["unfc_g"]).to_numpy()).dropna(subset=["group"])
    table = q.pivot_table(index="unfc_class", columns=["commodity", "group"], values="quantity_t",
                          aggfunc="sum", dropna=True)
    present = [c for c in COMMODITIES if c in set(q["commodity"])]
    wanted = pd.MultiIndex.from_product([present, list(G_GROUPS)], names=["commodity", "group"])
    table = table.reindex(columns=wanted)
    table.index.name = "unfc_class"
    return table.sort_index()
