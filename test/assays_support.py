"""Test-only builders for assay files: the corpus of cases with their expected results.

Every expected value below is derived from what the builder writes (the cell text and the
documented rules), never from a previous run of the importer.
"""
from __future__ import annotations

import csv
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl

Rows = list[list[Any]]


# --------------------------------------------------------------------------- writers
def write_xlsx(path: Path, sheets: dict[str, Rows], merges: dict[str, list[str]] | None = None,
               formulas: dict[str, dict[str, tuple[str, float]]] | None = None) -> Path:
    """xlsx/xlsm by openpyxl; ``formulas`` = {sheet: {cell: (formula, cached value)}}."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
        for cell_range in (merges or {}).get(name, []):
            sheet.merge_cells(cell_range)
        for cell, (formula, _) in (formulas or {}).get(name, {}).items():
            sheet[cell] = formula
    book.save(path)
    if formulas:
        _add_cached_values(path, list(sheets), formulas)
    return path


def _add_cached_values(path: Path, order: list[str], formulas: dict[str, dict[str, tuple[str, float]]]) -> None:
    # openpyxl cannot store a formula's cached result (Excel does); write it into the XML as
    # Excel would: <c r="C3"><f>B3*2</f><v>4</v></c>.
    with zipfile.ZipFile(path) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    for name, cells in formulas.items():
        member = f"xl/worksheets/sheet{order.index(name) + 1}.xml"
        xml = members[member].decode("utf-8")
        for cell, (_, value) in cells.items():
            xml, count = re.subn(rf'(<c r="{cell}"[^>]*>)<f>(.*?)</f><v\s*/?>(?:</v>)?',
                                 rf"\g<1><f>\g<2></f><v>{value!r}</v>", xml)
            assert count == 1, cell
        members[member] = xml.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def write_ods(path: Path, sheets: dict[str, Rows]) -> Path:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    for name, rows in sheets.items():
        table = Table(name=name)
        for row in rows:
            table_row = TableRow()
            for value in row:
                if value is None:
                    cell = TableCell()
                elif isinstance(value, (int, float)) and not isinstance(value, bool):
                    cell = TableCell(valuetype="float", value=value)
                    cell.addElement(P(text=str(value)))
                else:
                    cell = TableCell(valuetype="string")
                    cell.addElement(P(text=str(value)))
                table_row.addElement(cell)
            table.addElement(table_row)
        doc.spreadsheet.addElement(table)
    doc.save(str(path))
    return path


def write_text(path: Path, rows: Rows, separator: str = ",", decimal: str = ".", comments: list[str] = ()) -> Path:
    def render(value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, float):
            return repr(value).replace(".", decimal)
        return str(value)

    with path.open("w", encoding="utf-8", newline="") as handle:
        for line in comments:
            handle.write(line + "\n")
        writer = csv.writer(handle, delimiter=separator, lineterminator="\n")
        for row in rows:
            writer.writerow([render(v) for v in row])
    return path


# --------------------------------------------------------------------------- cases
@dataclass
class Expected:
    sample_rows: list[int]                                      # src_row of every sample, in order
    values: dict[tuple[int, str], Any] = field(default_factory=dict)  # (src_row, field) → value
    qaqc: dict[int, str] = field(default_factory=dict)         # src_row → sample_kind
    rejects: dict[int, str] = field(default_factory=dict)      # src_row → reason (substring)
    cell_issues: set[tuple[int, str]] = field(default_factory=set)  # (src_row, column header)
    blank_rows: int = 0
    fields_absent: tuple[str, ...] = ()


@dataclass
class Case:
    name: str
    build: Callable[[Path], Path]
    expected: Expected | None = None
    error: str | None = None                 # substring of the TailingsInputError message
    options: dict[str, Any] = field(default_factory=dict)
    engines: tuple[str, ...] = ("calamine", "openpyxl")


def _numbered(top: Rows, data: Rows, first_row: int = 1) -> tuple[Rows, list[int]]:
    """All rows and the 1-based row number of each data row."""
    start = first_row + len(top)
    return top + data, [start + i for i in range(len(data))]


def case_basic(fmt: str) -> Case:
    top = [["Sample ID", "Co_ppm", "Cu_ppm", "Zn_ppm"]]
    data = [["S-1", 12.5, 300, 150], ["S-2", 20, 410.25, 90], ["S-3", 8, 125, 60]]
    rows, nums = _numbered(top, data)
    values = {(nums[i], f"{el}_ppm"): float(data[i][j + 1])
              for i in range(3) for j, el in enumerate(("co", "cu", "zn"))}
    values.update({(r, "co_flag"): None for r in nums})
    writers = {
        "xlsx": lambda p: write_xlsx(p / "basic.xlsx", {"Data": rows}),
        "xlsm": lambda p: write_xlsx(p / "basic.xlsm", {"Data": rows}),
        "ods": lambda p: write_ods(p / "basic.ods", {"Data": rows}),
        "csv": lambda p: write_text(p / "basic.csv", rows, ","),
        "tsv": lambda p: write_text(p / "basic.txt", rows, "\t"),
        "pipe": lambda p: write_text(p / "basic_pipe.csv", rows, "|"),
    }
    return Case(f"basic_{fmt}", writers[fmt], Expected(nums, values),
                engines=("calamine", "openpyxl") if fmt in ("xlsx", "xlsm", "ods") else ("auto",))


def case_metadata_units_row() -> Case:
    top = [["Lab: Synthetic Labs AS"], ["Certificate: TEST-001"], ["Method: ICP-MS/ICP-OES after 4-acid digest"],
           ["Date: 2024-05-01"],
           ["Sample ID", "Deposit", "Fe2O3", "S", "Co", "Cu", "La", "Ce"],
           [None, None, "%", "%", "ppm", "ppm", "ppm", "ppm"]]
    data = [["A-1", "D1", 20.0, 2.5, 110, 900, 12, 25], ["A-2", "D1", 25.0, 3.0, 130, 1200, 10, 20]]
    rows, nums = _numbered(top, data)
    fe = 2 * 55.845 / (2 * 55.845 + 3 * 15.999)  # Fe2O3 → Fe (IUPAC weights; DOMAIN.md §2: 0.6994)
    values = {(nums[0], "s_ppm"): 25000.0, (nums[1], "s_ppm"): 30000.0, (nums[0], "fe2o3_pct"): 20.0,
              (nums[0], "fe_ppm"): 20.0 * fe * 1e4, (nums[0], "tree_ppm"): 37.0, (nums[1], "tree_ppm"): 30.0,
              (nums[0], "deposit_id"): "D1", (nums[0], "co_ppm"): 110.0}
    return Case("metadata_and_units_row", lambda p: write_xlsx(p / "meta.xlsx", {"Info": [["Synthetic"]],
                                                                               "Results": rows}),
                Expected(nums, values))


def case_header_unit_forms() -> Case:
    top = [["Sample", "Co (ppm)", "Cu [%]", "Zn %", "Au_ppb", "Ni_ICP_ppm", "Pb-AA62", "Mn_pct", "SiO2", "CaO"]]
    data = [["H-1", 10, 0.5, 1.2, 250, 40, 33, 0.1, 60.0, 5.0]]
    rows, nums = _numbered(top, data)
    r = nums[0]
    values = {(r, "co_ppm"): 10.0, (r, "cu_ppm"): 5000.0, (r, "zn_ppm"): 12000.0, (r, "au_ppm"): 0.25,
              (r, "ni_ppm"): 40.0, (r, "pb_ppm"): 33.0, (r, "mn_ppm"): 1000.0, (r, "sio2_pct"): 60.0,
              (r, "cao_pct"): 5.0, (r, "si_ppm"): 60.0 * 1e4 * 28.085 / (28.085 + 2 * 15.999),
              (r, "ca_ppm"): 5.0 * 1e4 * 40.078 / (40.078 + 15.999)}
    return Case("header_unit_forms", lambda p: write_xlsx(p / "units.xlsx", {"Assays": rows}), Expected(nums, values))


def case_censored_forms() -> Case:
    top = [["Sample ID", "Co_ppm", "Cu_ppm", "S_pct"]]
    data = [["C-1", "<5", "< 0.5", "<0.01"], ["C-2", -5, "b.d.l.", 1.5], ["C-3", "n.d.", 20, "<LOD"],
            ["C-4", 7, "-0.5", "ND"]]
    rows, nums = _numbered(top, data)
    v = {}
    for r in nums[:2]:
        v[(r, "co_ppm")], v[(r, "co_flag")], v[(r, "co_dl")] = 2.5, "censored", 5.0
    # n.d. in Co: limit not stated → the column's most common limit (5).
    v[(nums[2], "co_ppm")], v[(nums[2], "co_flag")], v[(nums[2], "co_dl")] = 2.5, "censored", 5.0
    v[(nums[3], "co_ppm")], v[(nums[3], "co_flag")] = 7.0, None
    v[(nums[0], "cu_ppm")], v[(nums[0], "cu_dl")] = 0.25, 0.5
    v[(nums[1], "cu_ppm")], v[(nums[1], "cu_flag")] = 0.25, "censored"
    v[(nums[3], "cu_ppm")], v[(nums[3], "cu_dl")] = 0.25, 0.5
    v[(nums[0], "s_ppm")], v[(nums[0], "s_dl")] = 50.0, 100.0
    v[(nums[2], "s_dl")], v[(nums[3], "s_dl")] = 100.0, 100.0
    v[(nums[1], "s_ppm")] = 15000.0
    return Case("censored_forms", lambda p: write_xlsx(p / "censored.xlsx", {"Data": rows}), Expected(nums, v))


def case_censored_substitution(option: str, expected: float | None) -> Case:
    top = [["Sample ID", "Co_ppm"]]
    data = [["C-1", "<4"], ["C-2", 10]]
    rows, nums = _numbered(top, data)
    return Case(f"censored_substitution_{option}", lambda p: write_xlsx(p / f"sub_{option}.xlsx", {"D": rows}),
                Expected(nums, {(nums[0], "co_ppm"): expected, (nums[0], "co_dl"): 4.0,
                                (nums[0], "co_flag"): "censored"}),
                options={"censored_substitution": option})


def case_over_range_and_sentinels() -> Case:
    top = [["Sample ID", "Cu_ppm", "Zn_ppm", "Co_ppm"]]
    data = [["O-1", ">10000", 5000, 10], ["O-2", 30, 9999, -9999], ["O-3", 25, 6000, -99],
            ["O-4", 9999, 7000, 12], ["O-5", 20, 4000, 9999]]
    rows, nums = _numbered(top, data)
    v = {(nums[0], "cu_ppm"): 10000.0, (nums[0], "cu_flag"): "over_range",
         # 9999 among Zn values of 4000-7000 is plausible: a real grade, kept.
         (nums[1], "zn_ppm"): 9999.0, (nums[1], "zn_flag"): None,
         (nums[1], "co_ppm"): None, (nums[1], "co_flag"): "sentinel",
         (nums[2], "co_ppm"): None, (nums[2], "co_flag"): "sentinel",
         # 9999 among Cu values of 20-30 (median 25): > 100× the median → sentinel.
         (nums[3], "cu_ppm"): None, (nums[3], "cu_flag"): "sentinel",
         (nums[4], "co_ppm"): None, (nums[4], "co_flag"): "sentinel"}
    issues = {(nums[1], "Co_ppm"), (nums[2], "Co_ppm"), (nums[3], "Cu_ppm"), (nums[4], "Co_ppm")}
    return Case("over_range_and_sentinels", lambda p: write_xlsx(p / "sentinel.xlsx", {"D": rows}),
                Expected(nums, v, cell_issues=issues))


def case_text_junk() -> Case:
    top = [["Sample ID", "Cu_ppm", "Zn_ppm"]]
    data = [["T-1", "n.a.", 100], ["T-2", "see note", 120], ["T-3", "1,500", 130], ["T-4", "12.5", "0,5"],
            ["T-5", "n.a.", "-"]]
    rows, nums = _numbered(top, data)
    v = {(nums[0], "cu_flag"): "invalid", (nums[0], "cu_ppm"): None, (nums[0], "zn_ppm"): 100.0,
         (nums[2], "cu_flag"): "invalid", (nums[3], "cu_ppm"): 12.5, (nums[3], "zn_ppm"): 0.5}
    issues = {(nums[0], "Cu_ppm"), (nums[1], "Cu_ppm"), (nums[2], "Cu_ppm"), (nums[4], "Cu_ppm"),
              (nums[4], "Zn_ppm")}
    return Case("text_in_numeric_cells", lambda p: write_xlsx(p / "junk.xlsx", {"D": rows}),
                Expected(nums[:4], v, rejects={nums[4]: "no usable assay value"}, cell_issues=issues))


def case_qaqc_by_type() -> Case:
    top = [["Sample ID", "Sample type", "Cu_ppm"]]
    data = [["Q-1", "Sample", 100], ["OREAS 45e", "STD", 709], ["B-1", "BLANK", "<5"], ["Q-1 DUP", "DUP", 104],
            ["Q-2", "sample", 200], ["X-9", "Field duplicate", 198]]
    rows, nums = _numbered(top, data)
    return Case("qaqc_by_type_column", lambda p: write_xlsx(p / "qaqc_type.xlsx", {"D": rows}),
                Expected([nums[0], nums[4]], {},
                         qaqc={nums[1]: "crm", nums[2]: "blank", nums[3]: "duplicate", nums[5]: "duplicate"}))


def case_qaqc_by_id() -> Case:
    top = [["Sample ID", "Cu_ppm"]]
    data = [["LOK-0001", 100], ["OREAS 922", 7000], ["BLK-01", 1], ["LOK-0001 DUP", 101], ["BLANK", 2],
            ["STD-3", 50], ["LOK-0002", 90]]
    rows, nums = _numbered(top, data)
    return Case("qaqc_by_id_pattern", lambda p: write_xlsx(p / "qaqc_id.xlsx", {"D": rows}),
                Expected([nums[0], nums[6]], {},
                         qaqc={nums[1]: "crm", nums[2]: "blank", nums[3]: "duplicate", nums[4]: "blank",
                               nums[5]: "crm"}))


def case_rejects() -> Case:
    top = [["Sample ID", "Co_ppm", "Cu_ppm", "Comment"]]
    data = [["R-1", 10, 20, None], [None, 11, 21, "lost label"], ["R-3", None, None, "not analysed"],
            ["R-4", -9999, "n.a.", None], ["R-5", 12, 22, "ok"]]
    rows, nums = _numbered(top, data)
    return Case("rejected_rows", lambda p: write_xlsx(p / "rejects.xlsx", {"D": rows}),
                Expected([nums[0], nums[4]], {(nums[4], "comment"): "ok"},
                         rejects={nums[1]: "no sample id", nums[2]: "no usable", nums[3]: "no usable"},
                         cell_issues={(nums[3], "Co_ppm"), (nums[3], "Cu_ppm")}))


def case_duplicate_ids() -> Case:
    top = [["Sample ID", "Co_ppm"]]
    data = [["D-1", 10], ["D-2", 11], ["D-1", 12]]
    rows, nums = _numbered(top, data)
    warning = f"duplicate sample_id (rows {nums[0]}, {nums[2]})"
    return Case("duplicate_sample_ids", lambda p: write_xlsx(p / "dupids.xlsx", {"D": rows}),
                Expected(nums, {(nums[0], "sample_warning"): warning, (nums[2], "sample_warning"): warning,
                                (nums[1], "sample_warning"): None, (nums[2], "co_ppm"): 12.0},
                         cell_issues={(nums[0], "Sample ID"), (nums[2], "Sample ID")}))


def case_duplicate_columns() -> Case:
    top = [["Sample ID", "Cu_ppm", "Cu_ppm", "Cu_XRF_%"]]
    data = [["K-1", 100, 110, 0.012]]
    rows, nums = _numbered(top, data)
    r = nums[0]
    return Case("duplicate_column_names", lambda p: write_xlsx(p / "dupcols.xlsx", {"D": rows}),
                Expected(nums, {(r, "cu_ppm"): 100.0, (r, "cu_ppm_2"): 110.0, (r, "cu_ppm_3"): 120.0}))


def case_merged_header() -> Case:
    top = [["Assay certificate 42 (merged title)", None, None, None], [None, None, None, None],
           ["Sample ID", "Cu", None, "Zn"], [None, "ppm", "%", "ppm"]]
    data = [["M-1", 150, 0.02, 80], ["M-2", 160, 0.03, 90]]
    rows, nums = _numbered(top, data)
    return Case("merged_header_cells",
                lambda p: write_xlsx(p / "merged.xlsx", {"D": rows}, merges={"D": ["A1:D1", "B3:C3"]}),
                Expected(nums, {(nums[0], "cu_ppm"): 150.0, (nums[0], "cu_ppm_2"): 200.0,
                                (nums[1], "zn_ppm"): 90.0}))


def case_formulas() -> Case:
    top = [["Sample ID", "Co_ppm", "Cu_ppm"]]
    data = [["F-1", 10, None], ["F-2", 20, None]]
    rows, nums = _numbered(top, data)
    formulas = {"D": {f"C{nums[0]}": (f"=B{nums[0]}*2", 20), f"C{nums[1]}": (f"=B{nums[1]}*2", 40)}}
    return Case("formulas_cached_values", lambda p: write_xlsx(p / "formulas.xlsx", {"D": rows}, formulas=formulas),
                Expected(nums, {(nums[0], "cu_ppm"): 20.0, (nums[1], "cu_ppm"): 40.0}))


def case_mixed_units() -> Case:
    top = [["Sample ID", "Cu_ppm"]]
    data = [["U-1", "0.5 %"], ["U-2", "350 ppm"], ["U-3", 200], ["U-4", "<0.01%"]]
    rows, nums = _numbered(top, data)
    return Case("mixed_units_in_column", lambda p: write_xlsx(p / "mixed.xlsx", {"D": rows}),
                Expected(nums, {(nums[0], "cu_ppm"): 5000.0, (nums[1], "cu_ppm"): 350.0,
                                (nums[2], "cu_ppm"): 200.0, (nums[3], "cu_dl"): 100.0, (nums[3], "cu_ppm"): 50.0},
                         cell_issues={(nums[0], "Cu_ppm"), (nums[3], "Cu_ppm")}))


def case_blank_rows() -> Case:
    top = [["Sample ID", "Co_ppm"]]
    data = [["B-1", 1], [None, None], ["B-2", 2], [None, None], [None, None], [None, None]]
    rows, nums = _numbered(top, data)
    return Case("blank_and_trailing_rows", lambda p: write_xlsx(p / "blank.xlsx", {"D": rows}),
                # Trailing blank rows are not counted (openpyxl does not even store them).
                Expected([nums[0], nums[2]], {(nums[2], "co_ppm"): 2.0}, blank_rows=1))


def case_norwegian_csv() -> Case:
    comments = ["# SYNTHETIC DATA - pXRF test"]
    top = [["Prøve-ID", "Deponi", "Øst", "Nord", "Fe %", "S %", "Cu ppm", "Co ppm"]]
    data = [["P-1", "AVG-1", 530000.5, 6990000.25, 20.5, 1.25, 300.0, "<LOD"],
            ["P-2", "AVG-1", 530010.0, 6990010.0, 18.0, 0.75, 250.0, "ND"],
            ["P-3", "AVG-1", None, None, 19.0, 1.0, "<10", 40.0]]
    rows, nums = _numbered(top, data, first_row=2)
    v = {(nums[0], "fe_ppm"): 205000.0, (nums[0], "s_ppm"): 12500.0, (nums[0], "x"): 530000.5,
         (nums[0], "y"): 6990000.25, (nums[0], "co_flag"): "censored", (nums[0], "co_ppm"): None,
         (nums[2], "cu_ppm"): 5.0, (nums[2], "x"): None, (nums[2], "co_ppm"): 40.0}
    return Case("norwegian_csv", lambda p: write_text(p / "pxrf.csv", rows, ";", ",", comments),
                Expected(nums, v), engines=("auto",))


def case_comma_csv_latlon() -> Case:
    top = [["sample_id", "lat", "lon", "Co_ppm"]]
    data = [["L-1", 63.0, 10.0, 15.0], ["L-2", 62.5, 9.5, 16.0]]
    rows, nums = _numbered(top, data)
    return Case("latlon_csv", lambda p: write_text(p / "latlon.csv", rows, ","),
                Expected(nums, {(nums[0], "co_ppm"): 15.0}), engines=("auto",))


def case_utm32_hint() -> Case:
    top = [["Sample ID", "Easting (UTM32)", "Northing (UTM32)", "Co_ppm"]]
    data = [["Z-1", 550000.0, 6950000.0, 15.0]]
    rows, nums = _numbered(top, data)
    return Case("utm32_header_hint", lambda p: write_xlsx(p / "utm32.xlsx", {"D": rows}),
                Expected(nums, {(nums[0], "co_ppm"): 15.0}))


def case_yttrium_vs_y() -> Case:
    top = [["Sample ID", "X", "Y", "Y_ppm", "La_ppm"]]
    data = [["Y-1", 600000.0, 7000000.0, 30.0, 40.0]]
    rows, nums = _numbered(top, data)
    r = nums[0]
    return Case("x_y_coordinates_and_yttrium", lambda p: write_xlsx(p / "xy.xlsx", {"D": rows}),
                Expected(nums, {(r, "x"): 600000.0, (r, "y"): 7000000.0, (r, "y_ppm"): 30.0, (r, "tree_ppm"): 70.0}))


def case_numeric_ids_and_text_numbers() -> Case:
    top = [["Sample No", "Co_ppm", "Cu_ppm"]]
    data = [[1001, "12.5", 7], [1002, "8", 9.5]]
    rows, nums = _numbered(top, data)
    return Case("numeric_ids_text_numbers", lambda p: write_xlsx(p / "numids.xlsx", {"D": rows}),
                Expected(nums, {(nums[0], "sample_id"): "1001", (nums[0], "co_ppm"): 12.5,
                                (nums[1], "sample_id"): "1002", (nums[1], "cu_ppm"): 9.5}))


def case_sheet_choice() -> Case:
    notes = [["Notes"], ["This workbook holds synthetic data"]]
    top = [["Sample ID", "Zn_ppm"]]
    data = [["SC-1", 55]]
    rows, nums = _numbered(top, data)
    return Case("sheet_choice_by_content",
                lambda p: write_xlsx(p / "choice.xlsx", {"Notes": notes, "Lab data": rows, "Empty": []}),
                Expected(nums, {(nums[0], "zn_ppm"): 55.0}))


def case_crm_certified() -> Case:
    top = [["Sample ID", "Sample type", "Cu_ppm", "Co_ppm"]]
    data = [["S-1", "Sample", 100, 10], ["OREAS 45e", "STD", 700, 30], ["OREAS 45e", "STD", 720, 32],
            ["OREAS 922", "STD", 2000, 20]]
    certified = [["CRM", "Element", "Certified value", "Unit"], ["OREAS 45e", "Cu", 700, "ppm"],
                 ["OREAS 45e", "Co", 0.0031, "%"], ["OREAS 922", "Cu", 0.2, "%"]]
    rows, nums = _numbered(top, data)
    return Case("crm_certified_sheet",
                lambda p: write_xlsx(p / "crm.xlsx", {"Results": rows, "CRM certified": certified}),
                Expected([nums[0]], {}, qaqc={nums[1]: "crm", nums[2]: "crm", nums[3]: "crm"}))


# Bad inputs: each must give a clear TailingsInputError.
def _empty(p: Path) -> Path:
    path = p / "empty.xlsx"
    path.write_bytes(b"")
    return path


def _renamed_zip(p: Path) -> Path:
    path = p / "archive.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "not a workbook")
    return path


def _binary(p: Path) -> Path:
    path = p / "image.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    return path


def _encrypted(p: Path) -> Path:
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = write_xlsx(p / "plain.xlsx", {"D": [["Sample ID", "Co_ppm"], ["E-1", 1]]})
    path = p / "protected.xlsx"
    with plain.open("rb") as source, path.open("wb") as target:
        OOXMLFile(source).encrypt("secret", target)
    return path


def _no_elements(p: Path) -> Path:
    return write_xlsx(p / "noelements.xlsx", {"D": [["Sample ID", "Comment"], ["N-1", "nothing"]]})


def _no_id(p: Path) -> Path:
    return write_xlsx(p / "noid.xlsx", {"D": [["Co_ppm", "Cu_ppm"], [1, 2]]})


def _text_no_table(p: Path) -> Path:
    path = p / "comments.csv"
    path.write_text("# only a comment\n\n", encoding="utf-8")
    return path


def _cfb_stub(p: Path) -> Path:
    # A minimal OLE/CFB header (MS-CFB §2.2: signature, minor/major version, byte order)
    # without an EncryptedPackage stream: a damaged legacy .xls, not a protected workbook.
    path = p / "old.xls"
    header = bytearray(512)
    header[0:8] = bytes.fromhex("D0CF11E0A1B11AE1")
    header[24:26] = (0x003E).to_bytes(2, "little")
    header[26:28] = (0x0003).to_bytes(2, "little")
    header[28:30] = (0xFFFE).to_bytes(2, "little")
    path.write_bytes(bytes(header))
    return path


BAD_CASES = [
    Case("empty_file", _empty, error="empty"),
    Case("renamed_zip", _renamed_zip, error="ZIP archive but not a spreadsheet"),
    Case("not_a_spreadsheet", _binary, error="neither a spreadsheet"),
    Case("password_protected", _encrypted, error="password-protected"),
    Case("no_element_columns", _no_elements, error="No sheet has element or oxide columns"),
    Case("damaged_legacy_xls", _cfb_stub, error="cannot be read"),
    Case("no_sample_id_column", _no_id, error="No sample id column"),
    Case("text_without_table", _text_no_table, error="no table"),
    Case("unknown_sheet", lambda p: write_xlsx(p / "s.xlsx", {"D": [["Sample ID", "Co_ppm"], ["A", 1]]}),
         error="No sheet named 'Nope'", options={"sheet": "Nope"}),
]


def case_header_only() -> Case:
    return Case("header_only", lambda p: write_xlsx(p / "header.xlsx", {"D": [["Sample ID", "Co_ppm"]]}),
                Expected([], {}))


def good_cases() -> list[Case]:
    return [
        *(case_basic(fmt) for fmt in ("xlsx", "xlsm", "ods", "csv", "tsv", "pipe")),
        case_metadata_units_row(), case_header_unit_forms(), case_censored_forms(),
        case_censored_substitution("dl", 4.0), case_censored_substitution("zero", 0.0),
        case_censored_substitution("null", None), case_over_range_and_sentinels(), case_text_junk(),
        case_qaqc_by_type(), case_qaqc_by_id(), case_rejects(), case_duplicate_ids(), case_duplicate_columns(),
        case_merged_header(), case_formulas(), case_mixed_units(), case_blank_rows(), case_norwegian_csv(),
        case_comma_csv_latlon(), case_utm32_hint(), case_yttrium_vs_y(), case_numeric_ids_and_text_numbers(),
        case_sheet_choice(), case_crm_certified(), case_header_only(),
    ]


# --------------------------------------------------------------------------- a lab-like workbook
@dataclass
class LabWorkbook:
    path: Path
    n_samples: int
    n_qaqc: int
    n_rejected: int
    n_located: int
    invalid_cell_rows: list[int]
    polygon_origin: tuple[float, float]


def build_lab_workbook(path: Path, deposit_column: bool = True) -> LabWorkbook:
    """A small certificate: metadata rows, units row, samples with and without coordinates,
    CRMs, a blank, a duplicate, one junk cell, one reject, trailing blank rows, certified sheet."""
    x0, y0 = 530000.0, 6990000.0
    header = ["Sample ID", *(["Deposit"] if deposit_column else []), "Sample type", "Easting", "Northing",
              "Fe2O3", "S", "Co", "Cu", "La", "Ce"]
    units = [None, *([None] if deposit_column else []), None, None, None, "%", "%", "ppm", "ppm", "ppm", "ppm"]
    top = [["Lab: Synthetic"], ["Certificate: C-1"], ["Method: ICP"], ["Date: 2024"], header, units]
    data = []
    dep = ["AVG-TEST-01"] if deposit_column else []
    for i in range(10):
        located = i < 6
        data.append([f"T-{i:03d}", *dep, "Sample", x0 + 100 + i * 10 if located else None,
                     y0 + 100 + i * 10 if located else None, 20.0 + i, 1.0 + i / 10, 50 + i,
                     "<5" if i == 3 else 300 + i, 10.0, 20.0])
    data[4][-3] = "n.a."  # Co junk cell in a kept row
    data.append(["OREAS 45e", *dep, "STD", None, None, 15.0, 0.1, 30, 705, 1, 2])
    data.append(["BLK-01", *dep, "BLANK", None, None, 0.01, "<0.01", "<1", "<5", "<0.1", "<0.1"])
    data.append(["T-001 DUP", *dep, "DUP", None, None, 21.0, 1.1, 51, 302, 10.0, 20.0])
    data.append([None, *dep, "Sample", None, None, 20.0, 1.0, 50, 300, 10.0, 20.0])  # no id → rejected
    data += [[None] * len(header)] * 3
    rows, nums = _numbered(top, data)
    certified = [["CRM", "Element", "Certified value", "Unit"], ["OREAS 45e", "Cu", 709, "ppm"]]
    write_xlsx(path, {"Info": [["SYNTHETIC DATA"]], "Results": rows, "CRM certified": certified})
    return LabWorkbook(path, 10, 3, 1, 6, [nums[4]], (x0, y0))


# --------------------------------------------------------------------------- CRS certificate
# Deposit centres (EPSG:25833) near historic Norwegian sulphide mines; the grades are synthetic.
ZONE32_SITES = {"LOKKEN": (9.70, 63.12), "FOLLDAL": (10.00, 62.13), "ROROS": (11.39, 62.57),
                "KILLINGDAL": (11.02, 62.77), "KJOLI": (11.40, 62.70), "TVERRFJELLET": (9.55, 62.25),
                "GRONG": (12.60, 64.47), "VIGSNES": (5.38, 59.28)}


@dataclass
class CrsCertificate:
    path: Path
    deposits: Any          # DataFrame: deposit_id, geometry (WKB, EPSG:25833)
    n_samples: int
    east_32: list[float]   # the coordinates as written (EPSG:25832)
    north_32: list[float]


def _transform(points: list[tuple[float, float]], source: str, target: str) -> list[tuple[float, float]]:
    # QGIS's own transformation, independent of the importer's GDAL/OSR one.
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject

    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem(source), QgsCoordinateReferenceSystem(target),
                                       QgsProject.instance())
    return [(p.x(), p.y()) for p in (transform.transform(QgsPointXY(x, y)) for x, y in points)]


def build_zone32_certificate(path: Path, units_hint: str = "m (UTM32)", metadata_hint: str | None = None,
                             per_site: int = 9) -> CrsCertificate:
    """A lab certificate as labs send them: title and metadata rows, header, units row with the
    CRS, a limit-of-reporting row, 72 samples in EUREF89 UTM 32, a CRM and a blank."""
    import pandas as pd
    import shapely

    centres = _transform(list(ZONE32_SITES.values()), "EPSG:4326", "EPSG:25833")
    deposits = pd.DataFrame({"deposit_id": list(ZONE32_SITES),
                             "geometry": [shapely.to_wkb(shapely.box(x - 300, y - 300, x + 300, y + 300))
                                          for x, y in centres]})
    offsets = [(-150 + 150 * (i % 3), -150 + 150 * (i // 3)) for i in range(per_site)]
    points_33 = [(x + dx, y + dy) for x, y in centres for dx, dy in offsets]
    points_32 = [(round(x), round(y)) for x, y in _transform(points_33, "EPSG:25833", "EPSG:25832")]
    meta = [["ALS Scandinavia AB", None, None, "CERTIFICATE OF ANALYSIS"],
            ["Certificate: LU24123456", None, None, "Client: NGU"],
            ["Project: residual metals in tailings", None, None, metadata_hint]]
    header = ["SAMPLE DESCRIPTION", "Øst", "Nord", "Co-ICP61", "Cu-ICP61", "Zn-ICP61", "S-IR08"]
    units = [None, units_hint, units_hint, "ppm", "ppm", "ppm", "%"]
    lor = ["LOR", None, None, 1, 1, 2, 0.01]
    data = [[f"T24-{i + 1:04d}", e, n, 20 + i % 7, 900 + 10 * i, 1500 + 5 * i, 2.5] for i, (e, n) in
            enumerate(points_32)]
    data += [["OREAS 45e", None, None, 31, 700, 150, 0.05], ["BLANK", None, None, "<1", "<1", "<2", "<0.01"]]
    write_xlsx(path, {"Results": [*meta, [], header, units, lor, *data]})
    return CrsCertificate(path, deposits, len(points_32), [p[0] for p in points_32], [p[1] for p in points_32])


# --------------------------------------------------------------------------- hostile ods
def ods_with_span(path: Path, span: int) -> Path:
    """An ods whose Deposit cell spans ``span`` rows (odfpy: number-rows-spanned + covered cells)."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import CoveredTableCell, Table, TableCell, TableRow
    from odf.text import P

    def text(value: str, **extra) -> TableCell:
        cell = TableCell(valuetype="string", **extra)
        cell.addElement(P(text=value))
        return cell

    def number(value: float) -> TableCell:
        cell = TableCell(valuetype="float", value=value)
        cell.addElement(P(text=str(value)))
        return cell

    doc = OpenDocumentSpreadsheet()
    table = Table(name="Assays")
    for i in range(-1, span + 1):
        row = TableRow()
        if i == -1:
            cells = [text("Sample ID"), text("Deposit"), text("Co_ppm")]
        elif i == 0:
            cells = [text("S0"), text("Løkken", numberrowsspanned=span), number(5.0)]
        else:
            cells = [text(f"S{i}"), CoveredTableCell() if i < span else text("Røros"), number(5.0 + i)]
        for cell in cells:
            row.addElement(cell)
        table.addElement(row)
    doc.spreadsheet.addElement(table)
    doc.save(str(path))
    return path


_CALCEXT = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"
# How LibreOffice stores a formula whose result is an error: as an empty string or as 0.
_ODS_ERRORS = {
    6.0: '<table:table-cell table:formula="of:=1/0" office:value-type="string" office:string-value="" '
         'calcext:value-type="error"><text:p>#DIV/0!</text:p></table:table-cell>',
    7.0: '<table:table-cell table:formula="of:=NA()" office:value-type="float" office:value="0" '
         'calcext:value-type="error"><text:p>#N/A</text:p></table:table-cell>',
}


def ods_with_error_cells(path: Path) -> Path:
    """S2's and S3's Co cells are formula errors as LibreOffice writes them (#DIV/0!, #N/A)."""
    path = write_ods(path, {"Assays": [["Sample ID", "Co_ppm"], ["S1", 5.0], ["S2", 6.0], ["S3", 7.0]]})
    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    xml = parts["content.xml"].decode()
    xml = xml.replace("xmlns:table=", f'xmlns:calcext="{_CALCEXT}" xmlns:table=', 1)
    for value, cell in _ODS_ERRORS.items():
        plain = f'<table:table-cell office:value-type="float" office:value="{value}"><text:p>{value}</text:p>'
        assert plain in xml
        xml = xml.replace(plain + "</table:table-cell>", cell)
    parts["content.xml"] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path
