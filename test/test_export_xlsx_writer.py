"""The fast xlsx writer: what it writes is what openpyxl and calamine read back."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from core.export.xlsx_writer import XlsxWorkbook, column_letters


def _write(tmp_path, frame: pd.DataFrame, header: list[str] | None = None):
    book = XlsxWorkbook()
    sheet = book.add_sheet("data & co - kobolt")
    if header:
        sheet.append(header, bold=True)
    sheet.append_frame(frame)
    path = tmp_path / "out.xlsx"
    book.save(path)
    return path


def test_values_types_and_nulls_round_trip(tmp_path):
    frame = pd.DataFrame({
        "text": ["Løkken & Co <sjø>", None, "tab\there", 'quote "x"', "bell\x07gone"],
        "float": [1.5, float("nan"), -0.000123, 1e300, 2.0],
        "int": np.array([1, 2, 3, 4, 5], dtype="int64"),
        "bool": [True, False, True, False, True],
        "nullable": pd.array([1, None, 3, None, 5], dtype="Int64").astype("float"),
    })
    path = _write(tmp_path, frame, header=["Tekst", "Tall", "Heltall", "Sann", "Kanskje"])
    ws = load_workbook(path)["data & co - kobolt"]
    assert ws["A1"].value == "Tekst" and ws["A1"].font.b
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert rows[0] == ("Løkken & Co <sjø>", 1.5, 1, True, 1)
    assert rows[1][0] is None and rows[1][1] is None and rows[1][4] is None
    assert rows[2][0] == "tab\there" and rows[2][1] == -0.000123
    assert rows[3][0] == 'quote "x"' and rows[3][1] == 1e300
    assert rows[4][0] == "bellgone"  # a control character XML cannot hold is dropped
    assert isinstance(rows[0][2], int) and isinstance(rows[0][1], float)
    calamine = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    assert calamine[1][0] == "Løkken & Co <sjø>" and calamine[1][1] == 1.5


def test_rows_follow_each_other(tmp_path):
    book = XlsxWorkbook()
    sheet = book.add_sheet("s")
    sheet.append(["title"])
    sheet.append([])
    sheet.append_frame(pd.DataFrame({"a": [1.0, 2.0]}))
    sheet.append(["total", 3.0])
    path = tmp_path / "s.xlsx"
    book.save(path)
    values = list(load_workbook(path)["s"].iter_rows(values_only=True))
    assert values == [("title", None), (None, None), (1.0, None), (2.0, None), ("total", 3.0)]


def test_column_letters():
    letters = column_letters(800)
    assert letters[:3] == ["A", "B", "C"] and letters[25:28] == ["Z", "AA", "AB"] and letters[701:703] == ["ZZ", "AAA"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.floats(allow_nan=True, allow_infinity=False, width=64), min_size=1, max_size=30),
       st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12), min_size=1, max_size=30))
def test_numbers_and_text_round_trip_exactly(tmp_path_factory, numbers, texts):
    n = min(len(numbers), len(texts))
    frame = pd.DataFrame({"x": numbers[:n], "t": texts[:n]})
    path = _write(tmp_path_factory.mktemp("rt"), frame)
    got = list(load_workbook(path).active.iter_rows(values_only=True))
    expected_rows = len(frame)
    # Rows whose every cell is empty are not written at all; pad like a reader would.
    got += [(None, None)] * (expected_rows - len(got))
    for (x, t), row in zip(frame.itertuples(index=False), got):
        if math.isnan(x):
            assert row[0] is None
        else:
            assert row[0] == x
        cleaned = "".join(ch for ch in t if ch in "\t\n\r" or (ord(ch) >= 0x20 and ch not in "\ufffe\uffff"))
        assert (row[1] or "") == cleaned.replace("\r\n", "\n").replace("\r", "\n") or (row[1] or "") == cleaned
