"""The bundled sample data imports correctly; expected counts are read from the raw files."""
from __future__ import annotations

import csv
import re

import numpy as np
import openpyxl
import pytest

from core.assays import import_assays

LAB = "assays_lab.xlsx"
PXRF = "pxrf_field.csv"
KIND_BY_TYPE = {"Sample": "sample", "STD": "crm", "BLK": "blank", "DUP": "duplicate"}


def _raw_lab(sample_data):
    """Header, units and data rows of the Results sheet as the generator wrote them."""
    book = openpyxl.load_workbook(sample_data / LAB, read_only=True, data_only=True)
    rows = list(book["Results"].iter_rows(values_only=True))
    book.close()
    header_at = next(i for i, r in enumerate(rows) if r[0] == "Sample ID")
    data = [(header_at + 3 + i, r) for i, r in enumerate(rows[header_at + 2:]) if any(v is not None for v in r)]
    return rows[header_at], data


def _cell_class(value) -> str:
    if value is None:
        return "empty"
    if isinstance(value, (int, float)):
        return "sentinel" if value == -9999 else ("censored" if value < 0 else "number")
    if value.startswith(">"):
        return "over_range"
    if value.startswith("<") or value == "b.d.l.":
        return "censored"
    return "invalid"


def test_lab_workbook_counts_and_flags(sample_data):
    header, data = _raw_lab(sample_data)
    result = import_assays(sample_data / LAB)
    kinds = [KIND_BY_TYPE[r[2]] for _, r in data]
    assert result.sheet == "Results"
    assert result.rows_read == len(data)
    assert len(result.samples) == kinds.count("sample")
    assert sorted(result.qaqc["sample_kind"]) == sorted(k for k in kinds if k != "sample")
    assert len(result.rejects) == 0
    assert result.rows_read == len(result.samples) + len(result.qaqc) + len(result.rejects)
    sample_rows = {row: r for row, r in data if r[2] == "Sample"}
    assert result.samples["src_row"].tolist() == sorted(sample_rows)
    for j, name in enumerate(header[5:], start=5):
        field = "fe2o3_flag" if name == "Fe2O3" else f"{name.lower()}_flag"
        want = {row: _cell_class(r[j]) for row, r in sample_rows.items()}
        got = dict(zip(result.samples["src_row"], result.samples[field]))
        for row, cls in want.items():
            expected_flag = None if cls in ("number", "empty") else cls
            assert got[row] == expected_flag, (name, row)
    problem_cells = {(row, header[j]) for row, r in data for j in range(5, len(header))
                     if _cell_class(r[j]) in ("sentinel", "invalid")}
    assert set(zip(result.cell_issues["src_row"], result.cell_issues["column"])) == problem_cells
    located = {row for row, r in sample_rows.items() if r[3] is not None}
    assert set(result.samples.loc[np.isfinite(result.samples["x"]), "src_row"]) == located
    assert result.samples["deposit_id"].notna().all()
    assert len(result.tree_elements) == 15
    bias = result.qaqc_summary.crm_bias
    assert set(bias["crm"]) == {"OREAS 45e", "OREAS 922"}
    assert (bias["bias_pct"].abs() < 10).all()  # the generator adds 3 % noise around certified values


def test_pxrf_csv(sample_data):
    with (sample_data / PXRF).open(encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    comment_lines = sum(1 for line in lines if line.startswith("#"))
    body = list(csv.reader(lines[comment_lines:], delimiter=";"))
    header, data = body[0], [r for r in body[1:] if any(r)]
    result = import_assays(sample_data / PXRF)
    assert result.rows_read == len(data) == len(result.samples)
    assert result.samples["src_row"].iloc[0] == comment_lines + 2  # physical line number
    first = data[0]
    fe_col = header.index("Fe %")
    assert result.samples["fe_ppm"].iloc[0] == pytest.approx(float(first[fe_col].replace(",", ".")) * 1e4)
    co = [r[header.index("Co ppm")] for r in data]
    censored = [bool(re.match(r"^(ND|<LOD)$", c)) for c in co]
    assert (result.samples["co_flag"] == "censored").tolist() == censored
    assert result.samples["x"].notna().all()


@pytest.mark.usefixtures("tailings_provider")
def test_lab_workbook_with_deposits_through_processing(sample_data, tmp_path):
    import processing

    deposits = processing.run("native:fieldcalculator", {
        "INPUT": str(sample_data / "old_tailings.gpkg") + "|layername=avgangsdeponi", "FIELD_NAME": "deposit_id",
        "FIELD_TYPE": 2, "FIELD_LENGTH": 40, "FORMULA": '"deponiId"', "OUTPUT": "memory:"})["OUTPUT"]
    report = tmp_path / "qaqc.csv"
    result = processing.run("tailingsunfc:importassays", {
        "INPUT": str(sample_data / LAB), "DEPOSITS": deposits, "OUTPUT": "memory:", "REJECTS": "memory:",
        "QAQC_REPORT": str(report)})
    _, data = _raw_lab(sample_data)
    assert result["ROWS_READ"] == len(data)
    assert result["ROWS_READ"] == result["N_SAMPLES"] + result["N_QAQC"] + result["N_REJECTED"]
    layer = result["OUTPUT"]
    features = list(layer.getFeatures())
    assert all(f["link_method"] == "id" for f in features)
    # Located samples lie inside the polygon of the deposit they name.
    polygons = {f["deposit_id"]: f.geometry() for f in deposits.getFeatures()}
    located = [f for f in features if not f.geometry().isNull()]
    assert located
    assert all(polygons[f["deposit_id"]].contains(f.geometry()) for f in located)
    text = report.read_text(encoding="utf-8")
    assert text.startswith("section,") and "crm_bias" in text


@pytest.mark.usefixtures("tailings_provider")
def test_pxrf_csv_through_processing(sample_data):
    import processing

    result = processing.run("tailingsunfc:importassays", {
        "INPUT": str(sample_data / PXRF), "OUTPUT": "memory:", "REJECTS": "memory:"})
    with (sample_data / PXRF).open(encoding="utf-8") as handle:
        data_lines = [line for line in handle.read().splitlines()[1:] if line.strip() and not line.startswith("#")]
    assert result["ROWS_READ"] == len(data_lines) - 1  # minus the header line
    assert result["N_SAMPLES"] == result["ROWS_READ"]
    layer = result["OUTPUT"]
    assert layer.featureCount() == result["N_SAMPLES"]
    assert layer.crs().authid() == "EPSG:25833"
    assert all(not f.geometry().isNull() for f in layer.getFeatures())


@pytest.mark.qgis_process
def test_lab_workbook_through_qgis_process(sample_data, tmp_path):
    from osgeo import ogr
    from qgis_process_runner import run_qgis_process_json

    out = tmp_path / "samples.gpkg"
    result = run_qgis_process_json("tailingsunfc:importassays", {
        "INPUT": str(sample_data / LAB), "OUTPUT": str(out), "REJECTS": str(tmp_path / "rejects.csv"),
        "QAQC_REPORT": str(tmp_path / "qaqc.html")})["results"]
    _, data = _raw_lab(sample_data)
    kinds = [KIND_BY_TYPE[r[2]] for _, r in data]
    assert result["ROWS_READ"] == len(data)
    assert result["N_SAMPLES"] == kinds.count("sample")
    assert result["N_QAQC"] == len(kinds) - kinds.count("sample")
    assert result["N_REJECTED"] == 0
    assert ogr.Open(str(out)).GetLayer(0).GetFeatureCount() == result["N_SAMPLES"]
    assert (tmp_path / "qaqc.html").exists()
