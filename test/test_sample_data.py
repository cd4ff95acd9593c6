"""The bundled sample data: reproducible from the generator, and shaped as documented."""
from __future__ import annotations

import importlib.util
import math
import sys
from pathlib import Path

import numpy as np
import pytest
from openpyxl import load_workbook
from osgeo import ogr

REPO_ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DATA = REPO_ROOT / "resources" / "sample_data"


def _load_generator():
    spec = importlib.util.spec_from_file_location("generate_sample_data",
                                                  REPO_ROOT / "scripts" / "generate_sample_data.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file executes
    spec.loader.exec_module(module)
    return module


generator = _load_generator()


def _layer_rows(path: Path, layer_name: str) -> tuple[list[str], list[tuple], str]:
    ds = ogr.Open(str(path))
    assert ds is not None, path
    layer = ds.GetLayerByName(layer_name)
    assert layer is not None, f"{path} has no layer {layer_name}"
    defn = layer.GetLayerDefn()
    names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    rows = []
    for feature in layer:
        geom = feature.GetGeometryRef()
        rows.append((*(feature.GetField(n) for n in names), geom.ExportToWkt() if geom else None))
    srs = layer.GetSpatialRef().GetAuthorityCode(None)
    return names, rows, srs


def _sheet_values(path: Path) -> dict[str, list[tuple]]:
    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        return {ws.title: [tuple(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}
    finally:
        wb.close()


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("sample_regen")
    generator.generate(out)
    return out


@pytest.mark.parametrize(("file", "layer"), [
    (generator.TAILINGS_FILE, generator.TAILINGS_LAYER),
    (generator.DEPOSIT_POINTS_FILE, generator.DEPOSIT_POINTS_LAYER),
])
def test_geopackages_regenerate_value_identical(regenerated, file, layer):
    committed = _layer_rows(SAMPLE_DATA / file, layer)
    fresh = _layer_rows(regenerated / file, layer)
    assert fresh == committed


def test_workbook_regenerates_value_identical(regenerated):
    committed = _sheet_values(SAMPLE_DATA / generator.ASSAYS_FILE)
    fresh = _sheet_values(regenerated / generator.ASSAYS_FILE)
    assert list(fresh) == ["Info", "Results", "CRM certified", "Notes"]
    assert fresh == committed


def test_pxrf_csv_regenerates_byte_identical(regenerated):
    committed = (SAMPLE_DATA / generator.PXRF_FILE).read_bytes()
    assert (regenerated / generator.PXRF_FILE).read_bytes() == committed


def test_every_file_says_it_is_synthetic():
    for file, layer in ((generator.TAILINGS_FILE, generator.TAILINGS_LAYER),
                        (generator.DEPOSIT_POINTS_FILE, generator.DEPOSIT_POINTS_LAYER)):
        ds = ogr.Open(str(SAMPLE_DATA / file))
        assert "SYNTHETIC" in ds.GetLayerByName(layer).GetMetadataItem("DESCRIPTION")
    sheets = _sheet_values(SAMPLE_DATA / generator.ASSAYS_FILE)
    assert any("SYNTHETIC" in str(v) for row in sheets["Info"] for v in row)
    first_line = (SAMPLE_DATA / generator.PXRF_FILE).read_text(encoding="utf-8").splitlines()[0]
    assert first_line.startswith("# SYNTHETIC DATA")
    total = sum(p.stat().st_size for p in SAMPLE_DATA.iterdir())
    assert total < 3 * 1024 * 1024


def test_tailings_layer_matches_the_documented_layout():
    names, rows, srs = _layer_rows(SAMPLE_DATA / generator.TAILINGS_FILE, generator.TAILINGS_LAYER)
    assert srs == "25833"
    assert names == [n for n, _ in generator.TAILINGS_FIELDS]
    records = [dict(zip([*names, "wkt"], r)) for r in rows]
    assert 25 <= len(records) <= 35
    assert {r["plassering"] for r in records} == {"land", "innsjø", "sjø"}
    assert {r["deponitype"] for r in records} == {"avgangsdeponi", "gråberg", "slagg"}
    assert len({r["deponiId"] for r in records}) == len(records)
    mines = {r["kildeGruve"] for r in records}
    assert len(mines) == len(generator.MINES)
    densities = [r["tetthet_t_m3"] for r in records if r["tetthet_t_m3"] is not None]
    assert min(densities) >= 1.4 and max(densities) <= 1.9
    # Every tonnage path of the importer occurs: recorded, volume × density, volume only, nothing.
    recorded = sum(r["tonnasje_t"] is not None for r in records)
    by_density = sum(r["tonnasje_t"] is None and r["volum_m3"] is not None and r["tetthet_t_m3"] is not None
                     for r in records)
    volume_only = sum(r["tonnasje_t"] is None and r["volum_m3"] is not None and r["tetthet_t_m3"] is None
                      for r in records)
    nothing = sum(r["tonnasje_t"] is None and r["volum_m3"] is None for r in records)
    assert recorded > 0 and by_density > 0 and volume_only > 0 and nothing == 1
    assert [r["ressurskategori"] for r in records].count("Inferred") == 1
    statuses = [r["prosjektstatus"] for r in records]
    assert statuses.count("på vent") == 1 and statuses.count("studier pågår") >= 2
    # Mine locations: every deposit lies in Norway's UTM33 envelope.
    for r in records:
        geom = ogr.CreateGeometryFromWkt(r["wkt"])
        assert geom.IsValid()
        x, y = geom.Centroid().GetX(), geom.Centroid().GetY()
        assert -100_000 < x < 1_200_000 and 6_400_000 < y < 7_950_000


def test_assay_structure_is_recoverable():
    """Co follows S and Fe2O3 in log space, as the documented hidden model says."""
    sheets = _sheet_values(SAMPLE_DATA / generator.ASSAYS_FILE)
    results = sheets["Results"]
    header = list(results[4])
    assert header[:5] == ["Sample ID", "Deposit", "Sample type", "Easting", "Northing"]
    assert header[5:] == list(generator.LAB_COLUMNS)
    assert results[5][5:9] == ("%", "%", "%", "%") and results[5][9] == "ppm"
    data = [dict(zip(header, r)) for r in results[6:] if any(v is not None for v in r)]
    kinds = {r["Sample type"] for r in data}
    assert kinds == {"Sample", "STD", "BLK", "DUP"}
    ok = [r for r in data if r["Sample type"] == "Sample"
          and all(isinstance(r[c], (int, float)) and r[c] > 0 for c in ("Co", "S", "Fe2O3"))]
    assert len(ok) > 400
    log_co = np.log([r["Co"] for r in ok])
    design = np.column_stack([np.ones(len(ok)), np.log([r["S"] for r in ok]), np.log([r["Fe2O3"] for r in ok])])
    coef, *_ = np.linalg.lstsq(design, log_co, rcond=None)
    # Pooled over deposits (intercepts differ), the S slope stays near the true 0.9.
    assert 0.6 < coef[1] < 1.1
    censored = [v for r in data for v in r.values() if isinstance(v, str) and v.startswith("<")]
    assert censored and any(v == "b.d.l." for r in data for v in r.values())
    assert sum(v == -9999 for r in data for v in r.values()) == 2
    deposits_with_samples = {r["Deposit"] for r in data if r["Sample type"] == "Sample"}
    counts = [sum(r["Deposit"] == d for r in data if r["Sample type"] == "Sample") for d in deposits_with_samples]
    assert sum(c < 5 for c in counts) == 3
    names, rows, _ = _layer_rows(SAMPLE_DATA / generator.TAILINGS_FILE, generator.TAILINGS_LAYER)
    all_ids = {r[names.index("deponiId")] for r in rows}
    assert deposits_with_samples <= all_ids and len(all_ids - deposits_with_samples) == 5
    located = [r for r in ok if r["Easting"] is not None]
    assert 0.8 * len(ok) < len(located) < len(ok)
    assert all(not math.isnan(r["Easting"]) for r in located)
