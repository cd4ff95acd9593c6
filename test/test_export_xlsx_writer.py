"""The fast xlsx writer: what it writes is what openpyxl and calamine read back."""
from __future__ import annotations

import json
import math
import zipfile

import numpy as np
import pandas as pd
import pytest
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


def test_number_formats_freeze_filter_and_widths(tmp_path):
    book = XlsxWorkbook()
    sheet = book.add_sheet("d")
    sheet.append(["title"])
    sheet.append(["id", "tonnage (t)", "grade (ppm)", "n"], bold=True)
    frame = pd.DataFrame({"id": ["a", "b", "c"], "t": [1234567.891234, 2.5, None], "g": [153.123456789, 1.0, 2.0],
                          "n": np.array([3, 4, 5], dtype="int64")})
    sheet.append_frame(frame, formats={"t": "tonnes", "g": "decimal1", "n": "integer"})
    sheet.append(["sum", 1234570.391234], formats=[None, "tonnes"])
    sheet.freeze(2, 1)
    sheet.autofilter(2, 4)
    sheet.set_widths([10, 16.5, 12, 6])
    other = book.add_sheet("plain")
    other.append(["x"])
    path = tmp_path / "f.xlsx"
    book.save(path)
    wb = load_workbook(path)
    ws = wb["d"]
    assert ws["B3"].number_format == "#,##0" and ws["C3"].number_format == "#,##0.0"
    assert ws["D3"].number_format == "0" and ws["B6"].number_format == "#,##0"
    assert ws["B3"].value == 1234567.891234  # the format rounds what is shown, not the value
    assert ws.freeze_panes == "B3"
    assert ws.auto_filter.ref == "A2:D6"
    assert ws.column_dimensions["B"].width == pytest.approx(16.5)
    workbook_xml = zipfile.ZipFile(path).read("xl/workbook.xml").decode()  # openpyxl drops this reserved name
    assert '<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">\'d\'!$A$2:$D$6' in workbook_xml
    assert wb["plain"].freeze_panes is None and wb["plain"].auto_filter.ref is None
    calamine = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("d").to_python()
    assert calamine[2][1] == pytest.approx(1234567.891234)


def test_summary_workbook_is_usable(tmp_path):
    """The export's workbook: formats with sensible decimals, frozen headers, filters,
    widths, JSON in the run sheet, known and potential totals apart."""
    from export_support import classified_frames

    from core.export.run import export_run
    from core.export.workbook import CLASS_SHEET, KNOWN_TOTAL, POTENTIAL_TOTAL, sheet_title

    deposits, quantities = classified_frames(40, seed=11)
    report = tmp_path / "summary.xlsx"
    export_run(deposits, quantities, str(tmp_path / "run.gpkg"), crs="EPSG:25833", report_path=str(report),
               run_metadata={"inputs": [{"path": "a.xlsx", "sha256": "aa"}], "notes": ["first", "second"],
                             "seeds": {"co": 42}})
    wb = load_workbook(report)
    ws = wb[sheet_title("co")]
    header = [c.value for c in ws[2]]
    assert ws.freeze_panes == "B3" and ws.auto_filter.ref.startswith("A2:")
    assert ws.auto_filter.ref.endswith(str(ws.max_row))
    assert "total (t)" not in header and KNOWN_TOTAL in header and POTENTIAL_TOTAL in header
    column = {name: i + 1 for i, name in enumerate(header)}
    first = 3
    assert ws.cell(first, column["tonnage (t)"]).number_format == "#,##0"
    assert ws.cell(first, column["contained P50 (t)"]).number_format == "#,##0.0"
    assert ws.cell(first, column["grade P50 (ppm)"]).number_format == "#,##0.0"
    assert ws.cell(first, column["samples (n)"]).number_format == "0"
    widths = {letter: ws.column_dimensions[letter].width for letter in column_letters(len(header))}
    assert all(w and w >= 8 for w in widths.values())
    assert widths["B"] >= len("Røros Kongens gruve deponi 1")  # the deposit names fit
    assert wb[CLASS_SHEET].freeze_panes == "A3" and wb["fields"].auto_filter.ref
    run = {r[0]: r[1] for r in wb["run"].iter_rows(min_row=2, values_only=True)}
    assert json.loads(run["inputs"]) == [{"path": "a.xlsx", "sha256": "aa"}]
    structured = [v for v in run.values() if isinstance(v, str) and v[:1] in "[{"]
    assert structured and all(json.loads(v) is not None for v in structured)  # JSON, not Python reprs


def test_repeated_text_is_stored_once_across_sheets(tmp_path):
    """Text of append_frame goes to the shared-string table: a value repeated in rows and on
    several sheets is stored once, escaped once, and both readers see the same cells."""
    ids = [f"NGU-{i % 7}" for i in range(50)]
    kinds = pd.Series(["Løkken & Co <sjø>", None, "E1F1 class"] * 16 + ["", "x"])
    book = XlsxWorkbook()
    for title in ("a", "b"):
        sheet = book.add_sheet(title)
        sheet.append(["id", "kind", "n"], bold=True)
        sheet.append_frame(pd.DataFrame({"id": ids, "kind": kinds,
                                         "n": pd.array([1, None] * 25, dtype="Int64")}))
    path = tmp_path / "shared.xlsx"
    book.save(path)
    with zipfile.ZipFile(path) as archive:
        shared = archive.read("xl/sharedStrings.xml").decode()
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert shared.count("<si>") == 7 + 4  # 7 ids, 3 kinds, "" and "x"; nothing twice
    assert shared.count("Løkken &amp; Co &lt;sjø&gt;") == 1
    assert "<NA>" not in sheet_xml  # a NULL integer is an empty cell, not text in a number
    for title in ("a", "b"):
        rows = list(load_workbook(path)[title].iter_rows(min_row=2, values_only=True))
        assert [r[0] for r in rows] == ids
        assert [r[1] for r in rows[:3]] == ["Løkken & Co <sjø>", None, "E1F1 class"]
        assert [r[2] for r in rows[:2]] == [1, None]
        calamine = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(title).to_python()
        assert [r[0] for r in calamine[1:]] == ids
        assert calamine[1][1] == "Løkken & Co <sjø>" and calamine[2][1] == "" and calamine[50][1] == "x"


def test_used_range_is_declared_for_streaming_readers(tmp_path):
    """Each sheet states its used range (<dimension>), which openpyxl's read-only mode reads
    instead of parsing the whole sheet, and which the assay importer's row count uses."""
    book = XlsxWorkbook()
    sheet = book.add_sheet("d")
    sheet.append(["title"])
    sheet.append_frame(pd.DataFrame({"a": [1.0, 2.0], "b": ["x", "y"], "c": [3, 4]}))
    book.add_sheet("empty")
    path = tmp_path / "dim.xlsx"
    book.save(path)
    with zipfile.ZipFile(path) as archive:
        assert '<dimension ref="A1:C3"/><sheetData>' in archive.read("xl/worksheets/sheet1.xml").decode()
        assert '<dimension ref="A1"/>' in archive.read("xl/worksheets/sheet2.xml").decode()
    read_only = load_workbook(path, read_only=True)
    assert read_only["d"].calculate_dimension() == "A1:C3"
    assert [list(r) for r in read_only["d"].iter_rows(values_only=True)][2] == [2.0, "y", 4]


def test_a_frame_written_in_slices_equals_one_written_at_once(tmp_path, monkeypatch):
    """append_frame writes FRAME_SLICE_ROWS rows at a time (memory), and the sheet goes into
    the zip piece by piece: the cells read back the same as with one slice (only the shared
    strings' numbering differs), and the sheet in the file is the sheet's own XML."""
    from core.export import xlsx_writer
    rng = np.random.default_rng(2)
    frame = pd.DataFrame({"id": [f"D{i}" for i in range(2_503)], "cu": rng.normal(100, 10, 2_503),
                          "note": ["ø ±" if i % 7 else None for i in range(2_503)]})
    cells = {}
    for slice_rows in (10 ** 6, 1_000):
        monkeypatch.setattr(xlsx_writer, "FRAME_SLICE_ROWS", slice_rows)
        book = XlsxWorkbook()
        sheet = book.add_sheet("d")
        sheet.append(["id", "cu", "note"], bold=True)
        sheet.append_frame(frame)
        path = tmp_path / f"slices_{slice_rows}.xlsx"
        book.save(path)
        with zipfile.ZipFile(path) as archive:
            assert archive.read("xl/worksheets/sheet1.xml").decode("utf-8") == sheet.xml()
        cells[slice_rows] = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    assert cells[1_000] == cells[10 ** 6]
    assert len(cells[1_000]) == 2_504 and cells[1_000][-1][0] == "D2502" and cells[1_000][1][2] == ""
