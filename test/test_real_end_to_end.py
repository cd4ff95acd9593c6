"""A real public assay table through checkinputs and the whole pipeline (issue 10, done-when).

The NGU Gjøvik transect (Reimann et al. 2018; test/data/real/SOURCES.md) is a survey file
nobody on the team wrote: coordinates in WGS 84 / UTM 32 under headers `mE32wgs`/`mN32wgs`,
no units row, repeated site ids (one per sampled medium). The deposit layer is a register
from elsewhere, as another agency would deliver it: EPSG:25833, a Norwegian `…nr` id field,
and polygons drawn around groups of the transect's sites. What the run must get right is
checked against an independent reading of the raw file (csv + OSR + shapely).
"""
from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import shapely
from deposits_support import write_layer
from osgeo import osr

REAL = Path(__file__).resolve().parent / "data" / "real" / "ngu_gjovik_multimedia_first300.csv"


def _raw_sites() -> pd.DataFrame:
    with REAL.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    frame = pd.DataFrame(rows)
    frame["e"] = pd.to_numeric(frame["mE32wgs"], errors="coerce")
    frame["n"] = pd.to_numeric(frame["mN32wgs"], errors="coerce")
    return frame


def _to_25833(e: np.ndarray, n: np.ndarray) -> np.ndarray:
    src, dst = osr.SpatialReference(), osr.SpatialReference()
    src.ImportFromEPSG(32632)
    dst.ImportFromEPSG(25833)
    for s in (src, dst):
        s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    out = osr.CoordinateTransformation(src, dst).TransformPoints(np.column_stack([e, n]).tolist())
    return np.array(out)[:, :2]


@pytest.fixture(scope="module")
def register(tmp_path_factory) -> tuple[Path, str, list[shapely.Polygon], np.ndarray]:
    """Four deposits around consecutive thirds of the transect's southern sites, one empty."""
    folder = tmp_path_factory.mktemp("real_e2e")
    sites = _raw_sites().dropna(subset=["e", "n"]).drop_duplicates("ID")
    xy = _to_25833(sites["e"].to_numpy(), sites["n"].to_numpy())
    order = np.argsort(xy[:, 1])
    groups = np.array_split(order[: 3 * (len(order) // 6)], 3)
    polygons = [shapely.buffer(shapely.convex_hull(shapely.multipoints(xy[g])), 250.0) for g in groups]
    far = shapely.Point(xy[:, 0].max() + 50_000, xy[:, 1].max()).buffer(400.0)  # no sample inside
    polygons.append(far)
    rows = [{"deponinr": f"GJ-{i + 1:03d}", "Navn": f"Gjøvik testdeponi {i + 1}", "Raastoff": "Cu",
             "Tonnasje_t": 150_000.0 * (i + 1)} for i in range(len(polygons))]
    source = write_layer(folder / "register.gpkg", "deponi", rows, [p.wkt for p in polygons])
    return folder, source, polygons, xy


def _expected_links(register) -> tuple[int, set[str]]:
    """Rows of the raw file whose site falls in a deposit, and the deposits that get samples."""
    _folder, _source, polygons, _xy = register
    raw = _raw_sites().dropna(subset=["e", "n"])
    pts = _to_25833(raw["e"].to_numpy(), raw["n"].to_numpy())
    inside = np.array([[p.contains(shapely.Point(x, y)) for p in polygons] for x, y in pts])
    hit = {f"GJ-{j + 1:03d}" for j in range(len(polygons)) if inside[:, j].any()}
    return int(inside.any(axis=1).sum()), hit


def test_checkinputs_reports_the_crs_and_linkage_of_the_real_file(tailings_provider, register):
    import processing

    folder, source, _polygons, _xy = register
    report = folder / "preflight.txt"
    processing.run("tailingsunfc:checkinputs", {"DEPOSITS": [source], "ASSAYS": [str(REAL)],
                                                "OUTPUT_REPORT": str(report)})
    text = report.read_text(encoding="utf-8")
    linked, _ = _expected_links(register)
    assert "32632" in text                      # read from the mE32wgs header, not assumed
    assert "deponinr" in text                   # the id field it chose
    assert f"{linked} of" in text               # the linkage rate the data give
    assert sorted(p.name for p in folder.iterdir()) == ["preflight.txt", "register.gpkg"]


def test_pipeline_on_the_real_file_accounts_for_every_row(tailings_provider, register):
    import processing

    folder, source, polygons, _xy = register
    out = folder / "run"
    result = processing.run("tailingsunfc:pipeline", {"DEPOSITS": [source], "ASSAYS": [str(REAL)],
                                                      "TRAIN_MODELS": False, "OUTPUT": str(out)})
    linked, hit = _expected_links(register)
    summary = (out / "run_summary.txt").read_text(encoding="utf-8")
    assert "32632" in summary and f"{linked} linked" in summary.replace("  ", " ")
    with sqlite3.connect(out / "tailings_unfc.gpkg") as db:
        deposits = pd.read_sql('SELECT * FROM "deposits"', db).set_index("deposit_id")
    assert set(deposits.index) == {f"GJ-{i + 1:03d}" for i in range(len(polygons))}
    # Sampled deposits are measured, known sources: G1-G3 whatever their spread, never G4.
    sampled = deposits.loc[sorted(hit)]
    assert (sampled["cu_method"] == "measured").all()
    assert sampled["unfc_g"].str.startswith(("G1", "G2", "G3")).all()
    assert result["N_DEPOSITS"] == int(deposits["unfc_class"].notna().sum())
    # The Cu mean of each sampled deposit sits between the smallest and largest Cu of its rows.
    raw = _raw_sites().dropna(subset=["e", "n"])
    pts = _to_25833(raw["e"].to_numpy(), raw["n"].to_numpy())
    cu = pd.to_numeric(raw["Cu"], errors="coerce").to_numpy()
    for dep_id in hit:
        poly = polygons[int(dep_id[-3:]) - 1]
        mine = cu[[poly.contains(shapely.Point(x, y)) for x, y in pts]]
        assert np.nanmin(mine) <= deposits.loc[dep_id, "cu_ppm"] <= np.nanmax(mine), dep_id
