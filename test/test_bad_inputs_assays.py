"""Bad-input corpus for ``importassays``: hostile, corrupt and edge-case files, one table.

Each case builds its file under tmp_path, runs it through in-process Processing and
checks: no traceback in any message, the expected outcome (error / ok), the expected
fragment (in the error, or in the log and REJECTS of a successful run), and the row
accounting (read = samples + QA/QC + rejected; for ok cases also the number of rows the
builder wrote).
"""
from __future__ import annotations

import random
import struct
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest
from assays_support import _encrypted, _renamed_zip, ods_with_error_cells, ods_with_span, write_ods, write_xlsx
from feedback_support import CollectingFeedback

HEADER = ["Sample ID", "Co_ppm", "Cu_ppm"]


def _rows(n: int) -> list[list]:
    return [[f"S{i:03d}", 10.0 + i, 100.0 + i] for i in range(n)]


def _xlsx(p: Path, rows: list[list] | None = None, header: list | None = None) -> Path:
    return write_xlsx(p / "assays.xlsx", {"Assays": [header or HEADER, *(rows or _rows(10))]})


def _text(p: Path, text: str, encoding: str = "utf-8", name: str = "a.csv") -> Path:
    path = p / name
    path.write_bytes(text.encode(encoding))
    return path


def _csv_lines(n: int = 10, sep: str = ",") -> str:
    return "\n".join([sep.join(HEADER)] + [sep.join([f"S{i:03d}", str(10 + i), str(100 + i)]) for i in range(n)]) + "\n"


def _rewrite(path: Path, member: str, edit: Callable[[bytes], bytes]) -> Path:
    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    parts[member] = edit(parts[member])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def _patch_sizes(path: Path, member: str, factor: float) -> Path:
    """Zip surgery: the member's declared uncompressed size (local header and central directory) shrunk."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(member)
    declared = int(info.file_size * factor)
    struct.pack_into("<I", data, info.header_offset + 22, declared)
    position = data.find(b"PK\x01\x02")
    while position != -1:
        name_length = struct.unpack_from("<H", data, position + 28)[0]
        if data[position + 46:position + 46 + name_length].decode() == member:
            struct.pack_into("<I", data, position + 24, declared)
        position = data.find(b"PK\x01\x02", position + 4)
    path.write_bytes(bytes(data))
    return path


def _offset_past_end(p: Path) -> Path:
    """Zip surgery: the end record puts the central directory 1000 bytes further than it is, so
    every member's offset (as zipfile corrects it) points before the start of the file."""
    path = write_ods(p / "a.ods", {"Assays": [HEADER, *_rows(3)]})
    data = bytearray(path.read_bytes())
    end = data.rfind(b"PK\x05\x06")
    struct.pack_into("<I", data, end + 16, struct.unpack_from("<I", data, end + 16)[0] + 1000)
    path.write_bytes(bytes(data))
    return path


def _flip_compressed_byte(path: Path, member: str) -> Path:
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(member)
    name_length, extra_length = struct.unpack_from("<HH", data, info.header_offset + 26)
    start = info.header_offset + 30 + name_length + extra_length
    data[start + info.compress_size // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    return path


def _bomb(p: Path, rows: int) -> Path:
    """A small xlsx whose sheet inflates ~1000:1: the same row repeated (``r`` is optional in the XML)."""
    path = _xlsx(p, _rows(2))
    row = b'<row><c t="inlineStr"><is><t>S</t></is></c><c><v>1</v></c></row>'

    def inflate(xml: bytes) -> bytes:
        return xml.replace(b"</sheetData>", row * rows + b"</sheetData>")
    return _rewrite(path, "xl/worksheets/sheet1.xml", inflate)


def _error_cells(p: Path) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in _rows(6):
        sheet.append(row)
    for cell, text in (("B3", "#N/A"), ("B4", "#DIV/0!"), ("C5", "#VALUE!")):
        sheet[cell] = text
        sheet[cell].data_type = "e"
    path = p / "errors.xlsx"
    book.save(path)
    return path


def _booleans(p: Path) -> Path:
    rows = _rows(5)
    rows[1][1], rows[2][2] = True, False
    return _xlsx(p, rows)


def _merged_deposit(p: Path) -> Path:
    rows = [[f"S{i}", "Løkken" if i in (0, 5) else None, 10 + i] for i in range(10)]
    return write_xlsx(p / "merged.xlsx", {"Assays": [["Sample ID", "Deposit", "Co_ppm"], *rows]},
                      merges={"Assays": ["B2:B6", "B7:B11"]})


def _swapped_latlon(p: Path) -> Path:
    # Latitude values in the longitude column and vice versa: Trøndelag read as the Arabian Sea.
    rows = [[f"S{i}", 63.2 + i * 0.01, 10.3 + i * 0.01, 20 + i] for i in range(12)]
    return write_xlsx(p / "swapped.xlsx", {"Assays": [["Sample ID", "Longitude", "Latitude", "Co_ppm"], *rows]})


def _unbalanced_quote(p: Path) -> Path:
    lines = _csv_lines(30).splitlines()
    lines[6] = 'S005,"15,105'
    return _text(p, "\n".join(lines) + "\n")


def _bytes_tail(p: Path, body: str) -> Path:
    """Valid UTF-8 for more than the sniffed first 256 kB, then a byte no UTF-8 has."""
    path = p / "tail.csv"
    path.write_bytes(body.encode() + b"S999,1\xff,2\n")
    return path


def _truncated_zip(p: Path) -> Path:
    path = _xlsx(p)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    return path


def _random_bytes(p: Path) -> Path:
    path = p / "noise.csv"
    path.write_bytes(random.Random(7).randbytes(4096) + b"\x00\x01")
    return path


def _entity_sheet(p: Path) -> Path:
    # A billion-laughs DOCTYPE in the sheet XML: never expanded.
    lol = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">'
           b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;">]>')
    return _rewrite(_xlsx(p), "xl/worksheets/sheet1.xml",
                    lambda xml: lol + xml.split(b"?>")[-1].replace(b"<t>S000</t>", b"<t>&lol3;</t>"))


def _xlsm_with_macro(p: Path) -> Path:
    path = _xlsx(p)
    macro = path.with_suffix(".xlsm")
    path.rename(macro)
    with zipfile.ZipFile(macro, "a") as archive:
        archive.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0 not run")
    return macro


def _ods_damaged(p: Path) -> Path:
    path = write_ods(p / "a.ods", {"Assays": [HEADER, *_rows(5)]})
    return _rewrite(path, "content.xml", lambda xml: xml[: len(xml) // 2])


def _sheet_xml_truncated(p: Path) -> Path:
    return _rewrite(_xlsx(p), "xl/worksheets/sheet1.xml", lambda xml: xml[: len(xml) * 2 // 3])


def _damaged_other_sheet(p: Path) -> Path:
    path = write_xlsx(p / "two.xlsx", {"Notes": [["a", "b"]] * 50, "Assays": [HEADER, *_rows(4)]})
    return _rewrite(path, "xl/worksheets/sheet1.xml", lambda xml: xml[: len(xml) // 2])


def _swapped_xy_degrees(p: Path) -> Path:
    rows = [[f"S{i}", 69.6 + i * 0.01, 18.9 + i * 0.01, 20 + i] for i in range(9)]  # Tromsø, columns exchanged
    return write_xlsx(p / "xy.xlsx", {"Assays": [["Sample ID", "X", "Y", "Co_ppm"], *rows]})


@dataclass(frozen=True)
class Case:
    name: str
    build: Callable[[Path], Path]
    outcome: str            # "error" or "ok"
    fragment: str           # in the error message, or in the run's log / REJECTS reasons
    rows: int | None = None  # ok: rows read, as written by the builder
    params: tuple = ()


def _c(name, build, outcome, fragment, rows=None, **params) -> Case:
    return Case(name, build, outcome, fragment, rows, tuple(params.items()))


CASES = [
    # --- not a readable file at all
    _c("empty", lambda p: _text(p, ""), "error", "empty (0 bytes)"),
    _c("random_bytes", _random_bytes, "error", "neither a spreadsheet"),
    _c("zip_not_spreadsheet", _renamed_zip, "error", "not a spreadsheet"),
    _c("truncated_zip", _truncated_zip, "error", "damaged"),
    _c("zip_offset_past_end", _offset_past_end, "error", "ZIP archive but is damaged"),
    _c("encrypted", _encrypted, "error", "password-protected"),
    _c("text_only_comments", lambda p: _text(p, "# lab export\n# nothing\n"), "error", "no table"),
    # --- a workbook that opens, a sheet that does not
    _c("sheet_xml_truncated", _sheet_xml_truncated, "error", "The sheet cannot be read"),
    _c("member_larger_than_declared",
       lambda p: _patch_sizes(_xlsx(p), "xl/worksheets/sheet1.xml", 0.5), "error", "compressed sheet data is corrupt"),
    _c("member_crc_damaged", lambda p: _flip_compressed_byte(_xlsx(p, _rows(200)), "xl/worksheets/sheet1.xml"),
       "error", "The sheet cannot be read"),
    _c("ods_content_truncated", _ods_damaged, "error", "cannot be read"),
    _c("entity_expansion", _entity_sheet, "error", "cannot be read"),
    # --- resource limits
    _c("zip_bomb_ratio", lambda p: _bomb(p, 400_000), "error", "compression ratio"),
    _c("sheet_too_large", lambda p: _xlsx(p, _rows(3000)), "error", "MAX_SHEET_MB", MAX_SHEET_MB=0.05),
    _c("too_many_rows_xlsx", lambda p: _xlsx(p, _rows(50)), "error", "MAX_ROWS", MAX_ROWS=20),
    _c("too_many_rows_csv", lambda p: _text(p, _csv_lines(50)), "error", "MAX_ROWS", MAX_ROWS=20),
    _c("time_budget", lambda p: _text(p, _csv_lines(50)), "error", "time budget", TIME_BUDGET_S=1e-9),
    _c("ratio_limit_lowered", lambda p: _bomb(p, 400_000), "error", "MAX_COMPRESSION_RATIO",
       MAX_COMPRESSION_RATIO=50),
    # --- structure
    _c("no_element_columns", lambda p: _xlsx(p, [["S1", "foo", "bar"]], ["Sample ID", "Note", "Remark"]), "error",
       "element or oxide columns"),
    _c("no_sample_id", lambda p: _xlsx(p, [[1.0, 2.0]], ["Co_ppm", "Cu_ppm"]), "error", "No sample id"),
    _c("missing_sheet", lambda p: _xlsx(p), "error", "No sheet named", SHEET="Nope"),
    _c("csv_ragged", lambda p: _text(p, _csv_lines(5) + "S9,1,2,3,4\n"), "error", "malformed"),
    _c("csv_bad_utf8_tail", lambda p: _bytes_tail(p, _csv_lines(20000)), "error", "not valid utf-8"),
    _c("nul_in_text", lambda p: _text(p, _csv_lines(5).replace("S001", "S\x00001")), "error", "neither"),
    # --- cells that must not be lost
    _c("excel_error_cells", _error_cells, "ok", "Excel error cell #N/A", rows=6),
    _c("excel_div0_cell", _error_cells, "ok", "Excel error cell #DIV/0!", rows=6),
    _c("boolean_cells", _booleans, "ok", "TRUE/FALSE (boolean)", rows=5),
    _c("unbalanced_quote", _unbalanced_quote, "ok", "unbalanced quote", rows=30),
    _c("decimal_comma_thousands", lambda p: _text(p, "Sample ID;Co_ppm;Cu_ppm\nS1;1,5;1.500\nS2;2,5;3,25\n"),
       "ok", "'.' may be a decimal or a thousands separator", rows=2),
    _c("decimal_point_thousands", lambda p: _xlsx(p, [["S1", "1,500", 2.0], ["S2", 3.0, 4.0]]), "ok",
       "',' may be a decimal or a thousands separator", rows=2),
    _c("formula_text_in_grade", lambda p: _text(p, _csv_lines(4) + "S9,=1+2,5\n"), "ok", "text in a numeric column",
       rows=5),
    _c("huge_cell", lambda p: _text(p, _csv_lines(3) + "S9," + "9" * 100_000 + "x,5\n"), "ok",
       "text in a numeric column", rows=4),
    _c("nan_inf_text", lambda p: _text(p, _csv_lines(3) + "S8,nan,5\nS9,inf,6\n"), "ok", "text in a numeric column",
       rows=5),
    # --- encodings, read and named
    _c("utf16_bom", lambda p: _text(p, _csv_lines(8, ";"), "utf-16"), "ok", "encoding utf-16", rows=8),
    _c("utf16_be_bom", lambda p: _text(p, "\ufeff" + _csv_lines(8, "\t"), "utf-16-be"), "ok", "encoding utf-16",
       rows=8),
    _c("utf16_le_no_bom", lambda p: _text(p, _csv_lines(8, ";"), "utf-16-le"), "ok", "encoding utf-16-le", rows=8),
    _c("utf8_bom", lambda p: _text(p, "\ufeff" + _csv_lines(7, ";"), "utf-8"), "ok", "encoding utf-8-sig", rows=7),
    _c("cp1252", lambda p: _text(p, "Prøve-ID;Co_ppm\nLøkken-1;5\nRøros-2;7\n", "cp1252"), "ok", "encoding cp1252",
       rows=2),
    # --- layout
    _c("merged_deposit", _merged_deposit, "ok", "2 merged range(s) filled down", rows=10),
    _c("swapped_latlon", _swapped_latlon, "ok", "latitude and longitude are swapped", rows=12),
    _c("merged_deposit_ods", lambda p: ods_with_span(p / "m.ods", 4), "ok", "1 merged range(s) filled down", rows=5),
    _c("ods_error_cells", lambda p: ods_with_error_cells(p / "e.ods"), "ok", "Excel error cell #DIV/0!", rows=3),
    _c("damaged_other_sheet", _damaged_other_sheet, "ok", "sheet 'Notes' skipped", rows=4),
    _c("damaged_sheet_chosen", _damaged_other_sheet, "error", "The sheet cannot be read", SHEET="Notes"),
    _c("swapped_xy_in_degrees", _swapped_xy_degrees, "ok", "latitude and longitude are swapped", rows=9),
    _c("xlsm_macro_ignored", _xlsm_with_macro, "ok", "reading sheet 'Assays'", rows=10),
    _c("blank_lines", lambda p: _text(p, _csv_lines(4).replace("\nS002", "\n\n\nS002")), "ok", "blank row(s)",
       rows=4),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input(case: Case, tmp_path: Path, tailings_provider) -> None:
    import processing
    from qgis.core import QgsProcessingException

    path = case.build(tmp_path)
    rejects = tmp_path / "rejects.csv"
    params = {"INPUT": str(path), "OUTPUT": str(tmp_path / "samples.gpkg"), "REJECTS": str(rejects),
              **dict(case.params)}
    log = CollectingFeedback()
    try:
        result = processing.run("tailingsunfc:importassays", params, feedback=log)
        error = None
    except QgsProcessingException as err:
        result, error = None, str(err)
    everything = "\n".join([*log.texts, error or ""])
    assert "Traceback" not in everything
    if case.outcome == "error":
        assert error is not None, f"{case.name}: expected an error, the run succeeded"
        assert case.fragment.casefold() in error.casefold(), error
        return
    assert error is None, error
    assert result["ROWS_READ"] == result["N_SAMPLES"] + result["N_QAQC"] + result["N_REJECTED"]
    assert result["ROWS_READ"] == case.rows
    reasons = pd.read_csv(rejects)["reject_reason"].dropna().tolist() if rejects.stat().st_size else []
    assert case.fragment in "\n".join([everything, *reasons]), everything


def test_corpus_size() -> None:
    outcomes = pd.Series([c.outcome for c in CASES]).value_counts()
    assert len(CASES) >= 35 and outcomes["ok"] >= 15 and outcomes["error"] >= 15
