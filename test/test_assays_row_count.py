"""Expected row counts of assay files (core/assays/row_count.py) and the run's progress
through one large file (core.pipeline.import_assay_file), which must advance per chunk."""
from __future__ import annotations

import pandas as pd
import pytest
from openpyxl import Workbook

from core.assays.row_count import expected_rows
from core.pipeline import PipelineSettings, import_assay_file


def _csv(path, n: int, newline_at_end: bool = True):
    lines = ["Sample ID;Deposit;Cu ppm;Zn ppm"] + [f"S{i:06d};D{i % 50};{i % 997},5;{i % 13}" for i in range(n)]
    path.write_text("\n".join(lines) + ("\n" if newline_at_end else ""), encoding="utf-8")
    return path


@pytest.mark.parametrize("newline_at_end", [True, False])
def test_text_lines_counted_exactly(tmp_path, newline_at_end):
    assert expected_rows(_csv(tmp_path / "a.CSV", 1234, newline_at_end)) == 1235


@pytest.mark.parametrize("write_only", [False, True])
def test_xlsx_rows_from_dimension_or_part_size(tmp_path, write_only):
    book = Workbook(write_only=write_only)
    sheet = book.create_sheet("Results") if write_only else book.active
    sheet.append(["Sample ID", "Cu"])
    for i in range(20_000):
        sheet.append([f"S{i}", float(i % 500)])
    path = tmp_path / "lab.xlsx"
    book.save(path)
    rows = expected_rows(path)
    if write_only:  # no <dimension>: estimated from the part's size
        assert rows == pytest.approx(20_001, rel=0.15)
    else:
        assert rows == 20_001


def test_unknown_kinds_and_broken_files_give_none(tmp_path):
    (tmp_path / "x.ods").write_bytes(b"PK\x03\x04")
    (tmp_path / "broken.xlsx").write_bytes(b"not a zip")
    assert expected_rows(tmp_path / "x.ods") is None
    assert expected_rows(tmp_path / "broken.xlsx") is None
    assert expected_rows(tmp_path / "missing.csv") is None


def test_run_progress_advances_through_a_large_file(tmp_path):
    path = _csv(tmp_path / "pxrf.csv", 120_000)
    seen: list[float] = []
    deposits = pd.DataFrame({"deposit_id": [f"D{i}" for i in range(50)]})
    done = import_assay_file(str(path), True, PipelineSettings(), deposits, lambda _m: None, None, seen.append)
    assert len(done.samples) == 120_000
    assert seen == sorted(seen)
    read = [v for v in seen if v <= 0.9]  # the read: a share of the file, not a row number clamped to 1
    assert len(read) >= 3 and 0 < read[0] < read[-1]
    assembly = seen[len(read):]  # then the assembly's seams, up to the whole file
    assert len(assembly) >= 4 and assembly[0] > 0.9 and assembly[-1] == pytest.approx(0.99)
