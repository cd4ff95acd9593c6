"""Property-based tests: for generated sheets, rows in = samples + QA/QC + rejected, and numbers round-trip."""
from __future__ import annotations

import tempfile
from pathlib import Path

from assays_support import write_text, write_xlsx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.assays import ImportOptions, import_assays

ELEMENTS = ("Co_ppm", "Cu_ppm", "Zn_ppm")
SENTINELS = {9999.0, 99999.0, 999999.0}

numbers = st.floats(min_value=1e-3, max_value=1e5, allow_nan=False, allow_infinity=False).filter(
    lambda v: v not in SENTINELS)
# Spreadsheets keep 15 significant digits (Excel's precision; openpyxl writes 16), so numbers
# for xlsx are drawn at that precision; CSV carries every digit of repr().
excel_numbers = numbers.map(lambda v: float(f"{v:.15g}"))


def cells_with(number_strategy):
    return st.one_of(
        number_strategy.map(lambda v: ("number", v)),
        st.sampled_from([0.5, 1, 5, 10]).map(lambda dl: ("censored", f"<{dl}")),
        st.sampled_from(["n.a.", "see note", "???"]).map(lambda t: ("invalid", t)),
        st.just(("empty", None)),
        st.just(("sentinel", -9999)),
    )


ids = st.one_of(
    st.integers(0, 50).map(lambda i: ("sample", f"S-{i}")),
    st.just(("crm", "OREAS 45e")),
    st.integers(0, 9).map(lambda i: ("blank", f"BLK-{i:02d}")),
    st.integers(0, 50).map(lambda i: ("duplicate", f"S-{i} DUP")),
    st.just((None, None)),
)


def rows_with(number_strategy):
    cells = cells_with(number_strategy)
    return st.lists(st.tuples(ids, st.tuples(*[cells] * len(ELEMENTS))), min_size=1, max_size=25)


def _check(generated, path_for) -> None:
    table = [[sid, *(value for _, value in row_cells)] for (_, sid), row_cells in generated]
    with tempfile.TemporaryDirectory() as folder:
        path = path_for(Path(folder), [["Sample ID", *ELEMENTS], *table])
        result = import_assays(path, ImportOptions())
    non_blank = [(i + 2, g) for i, g in enumerate(generated)
                 if g[0][1] is not None or any(v is not None for _, v in g[1])]
    # A row whose only cells are empty is a blank row, not data; only blank rows between data count.
    assert result.rows_read == len(non_blank)
    assert result.rows_read == len(result.samples) + len(result.qaqc) + len(result.rejects)
    expected_rejects = {row for row, ((kind, _), row_cells) in non_blank
                        if kind is None or not any(c in ("number", "censored") for c, _ in row_cells)}
    assert set(result.rejects["src_row"]) == expected_rejects
    expected_kinds = {row: kind for row, ((kind, _), _) in non_blank if row not in expected_rejects}
    got_kinds = dict(zip(result.samples["src_row"], result.samples["sample_kind"]))
    got_kinds.update(zip(result.qaqc["src_row"], result.qaqc["sample_kind"]))
    assert got_kinds == expected_kinds
    kept = {**{r: s for r, s in zip(result.samples["src_row"], result.samples.to_dict("records"))},
            **{r: s for r, s in zip(result.qaqc["src_row"], result.qaqc.to_dict("records"))}}
    for row, (_, row_cells) in non_blank:
        if row in expected_rejects:
            continue
        for name, (cls, value) in zip(ELEMENTS, row_cells):
            field = name.lower()
            if cls == "number":
                assert kept[row][field] == value  # exact round trip
                assert kept[row][field.replace("_ppm", "_flag")] is None
            elif cls in ("invalid", "sentinel"):
                assert kept[row][field.replace("_ppm", "_flag")] == cls


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows_with(numbers))
def test_csv_rows_accounted_and_numbers_round_trip(generated):
    _check(generated, lambda folder, table: write_text(folder / "gen.csv", table, ","))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows_with(excel_numbers))
def test_xlsx_rows_accounted_and_numbers_round_trip(generated):
    _check(generated, lambda folder, table: write_xlsx(folder / "gen.xlsx", {"Data": table}))
