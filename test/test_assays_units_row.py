"""A data row of junk text directly below the header is data (rejected with a reason), not a
units row: found by the derandomized property test, where ``,,???,???`` vanished silently."""
from __future__ import annotations

import pytest

from core.assays import ImportOptions, import_assays
from core.assays.header import is_units_row


@pytest.mark.parametrize(("cells", "units"), [
    ([None, None, "???", "???"], False),
    (["-", "-", "-"], False),
    (["", "°", "ppm", "ppm"], True),
    ([None, "m", "ppm", "%"], True),
    ([None, "m (UTM32)", "ppm", "ppm"], True),
])
def test_units_row_needs_real_units(cells, units):
    assert is_units_row(cells) is units


def test_junk_row_below_the_header_is_read_and_rejected(tmp_path):
    path = tmp_path / "junk.csv"
    path.write_text("Sample ID,Co_ppm,Cu_ppm,Zn_ppm\n,,???,???\nS-1,5,6,7\n", encoding="utf-8")
    result = import_assays(path, ImportOptions())
    assert result.rows_read == 2 == len(result.samples) + len(result.qaqc) + len(result.rejects)
    assert result.rejects["src_row"].tolist() == [2]


def test_over_range_mark_without_a_positive_limit_is_invalid():
    """'>-1' and '>0' are no method limit: flagged invalid, never a negative grade."""
    import pandas as pd

    from core.assays.chemistry import canonical_unit
    from core.assays.values import finalise, parse_cells

    parsed = parse_cells(pd.Series([">-1", ">0", ">10000", "12"], dtype=object), 1.0, canonical_unit("ppm"), False)
    done = finalise(parsed, "half_dl", 1e6)
    assert list(done.flag) == ["invalid", "invalid", "over_range", None]
    assert pd.isna(done.value[0]) and pd.isna(done.value[1])
