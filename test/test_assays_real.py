"""Real public assay tables (test/data/real/SOURCES.md), each read independently with csv/openpyxl.

For every file: every row is accounted for (rows read = samples + QA/QC + rejected, and rows
read = the non-blank rows below the header counted from the raw file), and every numeric cell
of the checked columns equals the imported value in ppm (raw value × the unit's factor), for
every sample, not only a few.
"""
from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import openpyxl
import pytest
from assays_support import _transform

from core.assays import ImportOptions, import_assays

REAL = Path(__file__).resolve().parent / "data" / "real"
FACTORS = {"ppm": 1.0, "%": 1e4, "ppb": 1e-3}


@dataclass
class RealFile:
    name: str
    field_map: str | None          # what had to be mapped by hand (None: nothing)
    header_rows: int               # rows down to and including the header (and units row)
    columns: dict[str, str]        # raw header → imported field (element or oxide)
    units: dict[str, str]          # raw header → unit, as the file states it (header or units row)
    coordinates: tuple[str, str, str] | None = None  # raw x header, raw y header, their CRS
    id_column: str = ""            # raw header of the sample id
    n_samples: int = 0
    n_rejected: int = 0
    names_row: int = 1             # row of the element names


FILES = [
    # CSIRO-AGE laterites (xlsx as published): SampNo, LATITUDE/LONGITUDE, oxides in wt %, Au in ppb.
    RealFile("csiro_age_laterites_first300.xlsx", None, 1,
             {"Cu_ppm": "cu_ppm", "Co_ppm": "co_ppm", "Zn_ppm": "zn_ppm", "Au_ppb": "au_ppm", "Fe2O3": "fe2o3_pct"},
             {"Cu_ppm": "ppm", "Co_ppm": "ppm", "Zn_ppm": "ppm", "Au_ppb": "ppb", "Fe2O3": "pct"},
             ("LONGITUDE", "LATITUDE", "EPSG:4326"), "SampNo", 300, 0),
    # NGU Gjøvik multi-media survey: UTM zone 32 (WGS84) named in the header "mE32wgs".
    RealFile("ngu_gjovik_multimedia_first300.csv", None, 1,
             {"Co": "co_ppm", "Cu": "cu_ppm", "Zn": "zn_ppm", "Fe": "fe_ppm", "La": "la_ppm"},
             {"Co": "ppm", "Cu": "ppm", "Zn": "ppm", "Fe": "ppm", "La": "ppm"},
             ("mE32wgs", "mN32wgs", "EPSG:32632"), "ID", 299, 1),
    # Gorzelak et al. 2024 (PeerJ), appendix 6: a raw ICP certificate. The sample-id column has no
    # header cell (its name "SpecID" stands in a row below the units), so it is mapped by number.
    RealFile("peerj_gorzelak2024_appendix6_raw_icp.csv", "sample_id=#2", 3,
             {"Cu": "cu_ppm", "Co": "co_ppm", "Zn": "zn_ppm", "Fe": "fe_ppm", "Au": "au_ppm", "Ni": "ni_ppm"},
             {}, None, "", 43, 2, names_row=2),
]


def _raw_rows(path: Path) -> list[list[object]]:
    if path.suffix == ".xlsx":
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        return [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [[c if c != "" else None for c in row] for row in csv.reader(handle)]


def _number(cell: object) -> float | None:
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        return float(cell)
    try:
        return float(str(cell))
    except (TypeError, ValueError):
        return None


def _units(file: RealFile, rows: list[list[object]], header: list[object]) -> dict[str, str]:
    if file.units:
        return file.units
    units_row = rows[file.header_rows - 1]  # the certificate's units row, under the element names
    return {h: str(units_row[header.index(h)]).lower() for h in file.columns}


@pytest.mark.parametrize("file", FILES, ids=lambda f: f.name)
def test_real_file_imports_with_every_row_accounted_for(file: RealFile):
    path = REAL / file.name
    result = import_assays(path, ImportOptions(field_map=file.field_map))
    rows = _raw_rows(path)
    below = [r for r in rows[file.header_rows:] if any(c is not None and str(c).strip() for c in r)]
    assert result.rows_read == len(below)
    assert result.rows_read == len(result.samples) + len(result.qaqc) + len(result.rejects)
    assert (len(result.samples), len(result.rejects)) == (file.n_samples, file.n_rejected)


@pytest.mark.parametrize("file", FILES, ids=lambda f: f.name)
def test_real_file_values_match_the_raw_cells(file: RealFile):
    path = REAL / file.name
    result = import_assays(path, ImportOptions(field_map=file.field_map))
    rows = _raw_rows(path)
    header = rows[file.names_row - 1]
    units = _units(file, rows, header)
    checked = 0
    for sample in result.samples.itertuples(index=False):
        raw = rows[sample.src_row - 1]
        if file.id_column:
            id_cell = raw[header.index(file.id_column)]
            assert sample.sample_id == (str(int(id_cell)) if isinstance(id_cell, float) else str(id_cell))
        for column, field in file.columns.items():
            cell = raw[header.index(column)]
            factor = 1.0 if field.endswith("_pct") else FACTORS[units[column].replace("pct", "%")]
            got = getattr(sample, field)
            value = _number(cell)
            if value is not None:
                assert got == pytest.approx(value * factor, rel=1e-12), (sample.src_row, column)
                checked += 1
            elif cell is None:
                assert math.isnan(got), (sample.src_row, column)
            elif str(cell).startswith("<"):  # censored: the limit, written with a decimal comma here
                limit = float(str(cell)[1:].replace(",", "."))
                element = field.removesuffix("_ppm")
                assert getattr(sample, f"{element}_flag") == "censored"
                assert getattr(sample, f"{element}_dl") == pytest.approx(limit * factor, rel=1e-12)
                checked += 1
    assert checked >= len(result.samples)  # at least one value per sample compared


@pytest.mark.parametrize("file", [f for f in FILES if f.coordinates], ids=lambda f: f.name)
def test_real_file_coordinates(file: RealFile):
    path = REAL / file.name
    result = import_assays(path, ImportOptions(field_map=file.field_map))
    x_name, y_name, crs = file.coordinates
    assert result.source_crs == crs
    rows = _raw_rows(path)
    header = rows[0]
    raw = [rows[r - 1] for r in result.samples["src_row"]]
    points = [(float(r[header.index(x_name)]), float(r[header.index(y_name)])) for r in raw]
    expected = np.array(_transform(points, crs, "EPSG:25833"))
    np.testing.assert_allclose(result.samples[["x", "y"]].to_numpy(), expected, rtol=1e-9)


def test_gjovik_site_ids_repeat_per_medium_and_are_flagged():
    """The Gjøvik ID is the site; each site was sampled in 15 media (MAT), so ids repeat. They
    are kept and flagged, never merged."""
    result = import_assays(REAL / "ngu_gjovik_multimedia_first300.csv")
    flagged = result.samples["sample_warning"].str.startswith("duplicate sample_id").fillna(False)
    assert flagged.sum() == len(result.samples)
    assert (result.samples.groupby(["sample_id", "mat"]).size() == 1).all()
    assert any(w.startswith("No unit given for 53 element column(s), assumed ppm") for w in result.warnings)


def test_certificate_ambiguity_and_limits_rows():
    """The PeerJ certificate writes limits with a decimal comma ("<0,001"): read as 0.001, since a
    thousands group cannot follow a leading zero. Its detection-limit row is rejected as such."""
    result = import_assays(REAL / "peerj_gorzelak2024_appendix6_raw_icp.csv", ImportOptions(field_map="sample_id=#2"))
    assert not result.cell_issues["reject_reason"].str.contains("ambiguous").any()
    reasons = dict(zip(result.rejects["src_row"], result.rejects["reject_reason"]))
    assert "detection-limit" in reasons[4] and "no usable assay value" in reasons[5]
    assert (result.samples["ti_flag"] == "censored").any()
