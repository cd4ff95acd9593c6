"""UNFC E × F matrix, cell selection and contained metal by class (core, pandas only)."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from core.export.matrix import KNOWN, POTENTIAL, cell_deposits, contained_by_class, ef_matrix, g_group

# deposit, commodity, quantity, E, F, G, class
ROWS = [
    ("A", "co", 10.0, "E3.3", "F4", "G1", "Remaining products not developed from identified projects"),
    ("A", "co", 5.0, "E3.3", "F4", "G2", "Remaining products not developed from identified projects"),
    ("A", "co", 2.0, "E3.3", "F4", "G3", "Remaining products not developed from identified projects"),
    ("B", "co", 7.0, "E3.3", "F4", "G1", "Remaining products not developed from identified projects"),
    ("C", "co", 3.0, "E3.3", "F4", "G4.1", "Remaining products not developed from prospective projects"),
    ("C", "co", 1.5, "E3.3", "F4", "G4.2", "Remaining products not developed from prospective projects"),
    ("D", "co", 4.0, "E2", "F2.1", "G1", "Potentially viable projects"),
    ("D", "cu", 40.0, "E2", "F2.1", "G1", "Potentially viable projects"),
    ("E", "co", 1.0, "E3.2", "F3", "G4.1", "Prospective projects"),
    ("F", "co", 6.0, "E1", "F1", "G2", "Viable projects"),
]


@pytest.fixture
def quantities() -> pd.DataFrame:
    return pd.DataFrame(ROWS, columns=["deposit_id", "commodity", "quantity_t", "unfc_e", "unfc_f", "unfc_g",
                                       "unfc_class"])


@pytest.mark.parametrize("g, expected", [("G1", KNOWN), ("G3", KNOWN), ("g2", KNOWN), ("G4.2", POTENTIAL),
                                         ("G4", POTENTIAL), ("", None), (None, None), ("G5", None)])
def test_g_group(g, expected):
    got = g_group(pd.Series([g], dtype=object)).iloc[0]
    assert (got is pd.NA and expected is None) or got == expected


def test_matrix_counts_distinct_deposits_in_unfc_order(quantities):
    m = ef_matrix(quantities, "co", KNOWN, "count")
    assert list(m.index) == ["E1", "E2", "E3.2", "E3.3"] and list(m.columns) == ["F1", "F2.1", "F3", "F4"]
    assert m.loc["E3.3", "F4"] == 2  # A (three increments) and B; C is potential
    assert m.loc["E2", "F2.1"] == 1 and m.loc["E1", "F1"] == 1 and m.loc["E3.2", "F3"] == 0
    assert int(m.to_numpy().sum()) == 4


def test_matrix_tonnes_keep_known_and_potential_apart(quantities):
    known = ef_matrix(quantities, "co", KNOWN, "tonnes")
    potential = ef_matrix(quantities, "co", POTENTIAL, "tonnes")
    assert known.loc["E3.3", "F4"] == pytest.approx(24.0)
    assert potential.loc["E3.3", "F4"] == pytest.approx(4.5) and potential.loc["E3.2", "F3"] == pytest.approx(1.0)
    assert np.isnan(potential.loc["E1", "F1"])  # nothing there: empty, not 0 t
    assert ef_matrix(quantities, "cu", KNOWN, "tonnes").loc["E2", "F2.1"] == pytest.approx(40.0)
    with pytest.raises(ValueError):
        ef_matrix(quantities, "co", KNOWN, "volume")


def test_cell_deposits(quantities):
    assert cell_deposits(quantities, "co", KNOWN, "E3.3", "F4") == ["A", "B"]
    assert cell_deposits(quantities, "co", POTENTIAL, "E3.3", "F4") == ["C"]
    assert cell_deposits(quantities, "cu", KNOWN, "E3.3", "F4") == []


def test_contained_by_class(quantities):
    table = contained_by_class(quantities)
    identified = "Remaining products not developed from identified projects"
    assert table.loc[identified, ("co", KNOWN)] == pytest.approx(24.0)
    assert np.isnan(table.loc[identified, ("co", POTENTIAL)])
    assert table.loc["Prospective projects", ("co", POTENTIAL)] == pytest.approx(1.0)
    assert table.loc["Potentially viable projects", ("cu", KNOWN)] == pytest.approx(40.0)
    assert [c for c, _g in table.columns[::2]] == ["co", "cu"]
    # every tonne lands in exactly one cell
    assert np.nansum(table.to_numpy()) == pytest.approx(quantities["quantity_t"].sum())
