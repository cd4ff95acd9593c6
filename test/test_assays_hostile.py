"""Hostile and damaged assay files in core: limits, damaged sheets, lost cells, encodings, merges.

Every file is built here (openpyxl, zip surgery, bytes); expectations come from what was
written, for both spreadsheet engines where the engines differ.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest
from assays_support import ods_with_error_cells, ods_with_span, write_xlsx

from core.assays import ImportOptions, import_assays
from core.assays.sources import text_encoding
from core.assays.values import INVALID, NUMBER, parse_cells
from core.errors import TailingsInputError

ENGINES = ["calamine", "openpyxl"]


def _rewrite(path: Path, member: str, data: bytes) -> Path:
    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    parts[member] = data
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return path


def _plain(path: Path, n: int = 10) -> Path:
    return write_xlsx(path, {"Assays": [["Sample ID", "Co_ppm"], *[[f"S{i}", 10.0 + i] for i in range(n)]]})


@pytest.mark.parametrize("engine", ENGINES)
def test_error_and_boolean_cells_are_flagged(tmp_path: Path, engine: str) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Assays"
    sheet.append(["Sample ID", "Co_ppm", "Cu_ppm"])
    for i in range(5):
        sheet.append([f"S{i}", 10.0 + i, 20.0 + i])
    sheet["B3"], sheet["B4"] = "#N/A", "#DIV/0!"
    sheet["B3"].data_type = sheet["B4"].data_type = "e"
    sheet["C5"], sheet["C6"] = True, False
    path = tmp_path / "errors.xlsx"
    book.save(path)
    result = import_assays(path, ImportOptions(engine=engine))
    samples = result.samples.set_index("sample_id")
    assert samples.loc[["S1", "S2"], "co_flag"].tolist() == ["invalid", "invalid"]
    assert samples.loc[["S1", "S2"], "co_ppm"].isna().all()
    assert samples.loc[["S3", "S4"], "cu_flag"].tolist() == ["invalid", "invalid"]
    assert samples.loc[["S3", "S4"], "cu_ppm"].isna().all()  # never 1.0 / 0.0
    assert samples.loc["S0", "co_ppm"] == pytest.approx(10.0)
    issues = result.cell_issues.set_index("src_row")
    assert "Excel error cell #N/A" in issues.loc[3, "reject_reason"]
    assert "Excel error cell #DIV/0!" in issues.loc[4, "reject_reason"]
    assert issues.loc[[5, 6], "value"].tolist() == ["TRUE", "FALSE"]
    assert issues.loc[[5, 6], "reject_reason"].str.contains("boolean").all()


@pytest.mark.parametrize("engine", ENGINES)
def test_merged_id_cells_filled_down_grades_not(tmp_path: Path, engine: str) -> None:
    rows = [["Sample ID", "Deposit", "Co_ppm"]]
    rows += [[f"S{i}", {0: "Løkken", 4: "Røros"}.get(i), 5.0 + i] for i in range(8)]
    rows[8][2] = None  # row 9: its Co cell lies under the merged C8:C9
    path = write_xlsx(tmp_path / "m.xlsx", {"Assays": rows}, merges={"Assays": ["B2:B5", "B6:B9", "C8:C9"]})
    result = import_assays(path, ImportOptions(engine=engine))
    by_row = result.samples.set_index("src_row")
    assert by_row.loc[2:5, "src_deposit"].tolist() == ["Løkken"] * 4
    assert by_row.loc[6:8, "src_deposit"].tolist() == ["Røros"] * 3
    assert 9 not in by_row.index  # its only grade cell was covered by a merge: not invented
    assert result.rejects.set_index("src_row").loc[9, "reject_reason"].startswith("no usable assay value")
    assert any("2 merged range(s) filled down" in n for n in result.notes)


@pytest.mark.parametrize("engine", ENGINES)
def test_damaged_sheet_xml_is_a_clear_error(tmp_path: Path, engine: str) -> None:
    path = _plain(tmp_path / "d.xlsx", 50)
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml")
    _rewrite(path, "xl/worksheets/sheet1.xml", xml[: len(xml) // 2])
    with pytest.raises(TailingsInputError) as caught:
        import_assays(path, ImportOptions(engine=engine))
    text = str(caught.value)
    assert "The sheet cannot be read" in text and "sheet 'Assays'" in text and "file d.xlsx" in text
    assert "save it again" in text


def test_ratio_and_size_refused_before_parsing(tmp_path: Path) -> None:
    path = _plain(tmp_path / "b.xlsx", 2)
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml")
    row = b'<row><c t="inlineStr"><is><t>S</t></is></c><c><v>1</v></c></row>'
    _rewrite(path, "xl/worksheets/sheet1.xml", xml.replace(b"</sheetData>", row * 300_000 + b"</sheetData>"))
    info = zipfile.ZipFile(path).getinfo("xl/worksheets/sheet1.xml")
    ratio = info.file_size / info.compress_size
    assert ratio > 200 and info.file_size > 10e6  # what the builder made: a scaled zip bomb
    with pytest.raises(TailingsInputError, match=r"compression ratio of .* above the limit of 200:1"):
        import_assays(path)
    with pytest.raises(TailingsInputError, match="MAX_SHEET_MB"):
        import_assays(path, ImportOptions(max_compression_ratio=10_000, max_sheet_mb=info.file_size / 2e6))


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_rows_and_time_budget(tmp_path: Path, fmt: str) -> None:
    if fmt == "xlsx":
        path = _plain(tmp_path / "r.xlsx", 30)
    else:
        path = tmp_path / "r.csv"
        path.write_text("Sample ID,Co_ppm\n" + "".join(f"S{i},{i}\n" for i in range(30)))
    assert import_assays(path, ImportOptions(max_rows=31, chunk_rows=4)).rows_read == 30
    with pytest.raises(TailingsInputError, match="more than 30 rows"):
        import_assays(path, ImportOptions(max_rows=30, chunk_rows=4))  # 31 with the header
    with pytest.raises(TailingsInputError, match="time budget of 1e-09 s"):
        import_assays(path, ImportOptions(time_budget_s=1e-9, chunk_rows=4))


def test_unbalanced_quote_rejects_its_line_only(tmp_path: Path) -> None:
    lines = ["Sample ID,Co_ppm"] + [f"S{i},{i + 1}" for i in range(30)]
    lines[7], lines[20] = 'S6,"7', 'S19",20'
    path = tmp_path / "q.csv"
    path.write_text("\n".join(lines) + "\n")
    result = import_assays(path)
    assert result.rows_read == 30 and result.counts_add_up
    assert result.rejects["src_row"].tolist() == [8, 21]
    assert result.rejects["reject_reason"].str.startswith("unbalanced quote").all()
    assert result.samples.set_index("sample_id").loc["S7", "co_ppm"] == pytest.approx(8.0)


@pytest.mark.parametrize(("encoding", "prefix", "expected"), [
    ("utf-16", "", "utf-16"), ("utf-16-be", "\ufeff", "utf-16"), ("utf-16-le", "", "utf-16-le"),
    ("utf-16-be", "", "utf-16-be"), ("utf-32", "", "utf-32"), ("utf-8", "", None), ("cp1252", "", None)])
def test_encoding_from_bom_and_nul_pattern(encoding: str, prefix: str, expected: str | None) -> None:
    head = (prefix + "Prøve-ID;Co_ppm\nA-1;5\n").encode(encoding)
    assert text_encoding(head) == expected


@pytest.mark.parametrize(("encoding", "logged"), [("utf-16", "utf-16"), ("utf-16-le", "utf-16-le"),
                                                  ("utf-8-sig", "utf-8-sig"), ("cp1252", "cp1252")])
def test_text_encodings_read_and_logged(tmp_path: Path, encoding: str, logged: str) -> None:
    path = tmp_path / "e.csv"
    path.write_bytes("Prøve-ID;Co_ppm\nLøkken-1;5\nRøros-2;7,5\n".encode(encoding))
    result = import_assays(path)
    assert result.samples["sample_id"].tolist() == ["Løkken-1", "Røros-2"]
    assert result.samples["co_ppm"].to_numpy() == pytest.approx([5.0, 7.5])
    assert f"encoding {logged}" in result.notes[0]


@pytest.mark.parametrize(("cell", "decimal_comma", "ambiguous"), [
    ("1,500", False, True), ("1.500", True, True), ("-2,250", False, True), ("1.500", False, False),
    ("1,500", True, False), ("0,001", False, False), ("0.001", True, False), ("1,5", False, False),
    ("12,3456", False, False), ("1,500 ppm", False, True), ("<1.500", True, True)])
def test_one_thousands_rule_for_both_decimal_marks(cell: str, decimal_comma: bool, ambiguous: bool) -> None:
    parsed = parse_cells(pd.Series([cell], dtype=object), 1.0, "ppm", decimal_comma)
    if ambiguous:
        assert parsed.code[0] == INVALID and np.isnan(parsed.number[0])
        assert "thousands separator" in parsed.detail[0]
    else:
        assert parsed.code[0] != INVALID


def test_decimal_comma_csv_flags_point_thousands(tmp_path: Path) -> None:
    path = tmp_path / "dc.csv"
    path.write_text("Sample ID;Co_ppm;Cu_ppm\nS1;1,5;1.500\nS2;2,5;3,25\n")
    result = import_assays(path)
    samples = result.samples.set_index("sample_id")
    assert samples.loc["S1", "cu_flag"] == "invalid" and np.isnan(samples.loc["S1", "cu_ppm"])
    assert samples.loc["S2", "cu_ppm"] == pytest.approx(3.25)
    assert samples.loc["S1", "co_ppm"] == pytest.approx(1.5)
    assert "'.' may be a decimal or a thousands separator" in result.cell_issues["reject_reason"].iloc[0]


def test_swapped_latlon_is_named(tmp_path: Path) -> None:
    rows = [[f"S{i}", 63.2 + i * 0.01, 10.3 + i * 0.01, 20 + i] for i in range(12)]
    path = write_xlsx(tmp_path / "s.xlsx", {"A": [["Sample ID", "Longitude", "Latitude", "Co_ppm"], *rows]})
    result = import_assays(path)
    assert any("looks like latitude and longitude are swapped" in w for w in result.warnings)
    assert np.isfinite(result.samples["x"]).all()


def test_plain_numbers_not_touched(tmp_path: Path) -> None:
    parsed = parse_cells(pd.Series([1.0, 2, "3,5", None], dtype=object), 1.0, "ppm", True)
    assert parsed.code[:3].tolist() == [NUMBER] * 3
    assert parsed.number[:3] == pytest.approx([1.0, 2.0, 3.5])


@pytest.mark.parametrize("engine", ENGINES)
def test_merged_id_cells_in_ods(tmp_path: Path, engine: str) -> None:
    result = import_assays(ods_with_span(tmp_path / "m.ods", 4), ImportOptions(engine=engine))
    assert result.samples["src_deposit"].tolist() == ["Løkken"] * 4 + ["Røros"]
    assert result.samples["src_row"].tolist() == [2, 3, 4, 5, 6]
    assert any("rows 2-5 = 'Løkken'" in n for n in result.notes)


@pytest.mark.parametrize("engine", ENGINES)
def test_ods_error_cells_are_flagged(tmp_path: Path, engine: str) -> None:
    path = ods_with_error_cells(tmp_path / "e.ods")
    result = import_assays(path, ImportOptions(engine=engine))
    assert result.samples["sample_id"].tolist() == ["S1"]  # S3's error is not a 0.0
    assert result.rejects["src_row"].tolist() == [3, 4]
    issues = result.cell_issues.set_index("src_row")["reject_reason"]
    assert issues[3].startswith("Excel error cell #DIV/0!") and issues[4].startswith("Excel error cell #N/A")


def test_a_damaged_other_sheet_is_skipped_and_noted(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "two.xlsx", {"Notes": [["a", "b"]] * 50,
                                              "Assays": [["Sample ID", "Co_ppm"], ["S1", 5.0], ["S2", 6.0]]})
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml")
    _rewrite(path, "xl/worksheets/sheet1.xml", xml[: len(xml) // 2])
    result = import_assays(path)
    assert result.sheet == "Assays" and result.rows_read == 2
    assert any(n.startswith("sheet 'Notes' skipped: The sheet cannot be read") for n in result.notes)
    with pytest.raises(TailingsInputError, match="sheet 'Notes'"):
        import_assays(path, ImportOptions(sheet="Notes"))


def test_a_quote_opened_after_a_literal_one_rejects_its_line_only(tmp_path: Path) -> None:
    # Two quotes, yet unbalanced: the first is a literal inside an unquoted field, the second
    # opens a field the line never closes (the fuzz test's find). Counting quotes missed it,
    # and the next line vanished into that field.
    lines = ["Sample ID;Co_ppm"] + [f"S{i};{i + 1}" for i in range(10)]
    lines[4] = 'S3";"'
    path = tmp_path / "q2.csv"
    path.write_text("\n".join(lines) + "\n")
    result = import_assays(path)
    assert result.rows_read == 10 and result.counts_add_up
    assert result.rejects["src_row"].tolist() == [5]
    assert result.samples.set_index("sample_id").loc["S4", "co_ppm"] == pytest.approx(5.0)
