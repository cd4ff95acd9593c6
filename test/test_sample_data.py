"""The bundled sample data: reproducible from the generator, and shaped as documented."""
from __future__ import annotations

import importlib.util
import math
import sys
from pathlib import Path

import numpy as np
import pytest
import shapely
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


def _assert_values_match(fresh, committed, where: str = "") -> None:
    """Equal within float tolerance: the values come from arithmetic (exp, log, PROJ), which may
    differ in the last bit between CPUs; strings, ints and NULLs must match exactly. Numbers at
    lab precision print identically on any CPU, so the tolerance only absorbs the last bit."""
    if isinstance(fresh, (list, tuple)) and isinstance(committed, (list, tuple)):
        assert len(fresh) == len(committed), f"{where}: {len(fresh)} != {len(committed)} items"
        for i, (a, b) in enumerate(zip(fresh, committed)):
            _assert_values_match(a, b, f"{where}[{i}]")
    elif isinstance(fresh, float) or isinstance(committed, float):
        assert isinstance(fresh, (int, float)) and isinstance(committed, (int, float)), (where, fresh, committed)
        assert fresh == pytest.approx(committed, rel=1e-9, abs=1e-9), where
    elif isinstance(fresh, str) and isinstance(committed, str) and fresh.startswith("POLYGON"):
        assert shapely.equals_exact(shapely.from_wkt(fresh), shapely.from_wkt(committed), tolerance=1e-6), where
    else:
        assert fresh == committed, where


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
    names, committed, srs = _layer_rows(SAMPLE_DATA / file, layer)
    fresh_names, fresh, fresh_srs = _layer_rows(regenerated / file, layer)
    assert (fresh_names, fresh_srs) == (names, srs)
    _assert_values_match(fresh, committed, file)


def test_workbook_regenerates_value_identical(regenerated):
    committed = _sheet_values(SAMPLE_DATA / generator.ASSAYS_FILE)
    fresh = _sheet_values(regenerated / generator.ASSAYS_FILE)
    assert list(fresh) == ["Info", "Results", "CRM certified", "Notes"]
    for sheet in fresh:
        _assert_values_match(fresh[sheet], committed[sheet], sheet)


def test_workbook_values_are_at_lab_precision():
    """No float artefacts such as 5510.000000000001: every number has at most 3 significant
    figures (coordinates: 0.1 m), as a lab certificate prints them."""
    results = _sheet_values(SAMPLE_DATA / generator.ASSAYS_FILE)["Results"]
    header = list(results[4])
    numbers = [(header[j], v) for row in results[6:] for j, v in enumerate(row) if isinstance(v, float)]
    assert len(numbers) > 5000
    for column, value in numbers:
        if column in ("Easting", "Northing"):
            assert round(value, 1) == value, (column, value)
        else:
            assert float(f"{value:.3g}") == value, (column, value)


def test_lab_rounding_ignores_last_bit_noise():
    """The rounding the generator uses gives the same figure for neighbouring doubles."""
    for value in (5510.0, 0.0455, 123.45, 7.77e-3, 98765.4):
        below, above = np.nextafter(value, 0), np.nextafter(value, np.inf)
        assert generator._round_sig(np.array([below, value, above])).tolist() == [float(f"{value:.3g}")] * 3


def test_pxrf_csv_regenerates_identical(regenerated):
    # Every reading is printed with a fixed number of decimals, so the text is the same on any
    # CPU unless a value sits within a last-bit of a rounding boundary; then one digit may differ.
    committed = (SAMPLE_DATA / generator.PXRF_FILE).read_text(encoding="utf-8").splitlines()
    fresh = (regenerated / generator.PXRF_FILE).read_text(encoding="utf-8").splitlines()
    assert len(fresh) == len(committed)
    for line_no, (a, b) in enumerate(zip(fresh, committed), start=1):
        if a == b:
            continue
        for x, y in zip(a.split(";"), b.split(";"), strict=True):
            try:
                fx, fy = float(x.replace(",", ".")), float(y.replace(",", "."))
            except ValueError:
                assert x == y, f"line {line_no}"
                continue
            step = 10.0 ** -len(y.split(",")[1]) if "," in y else 1.0
            assert abs(fx - fy) <= step * 1.0001, f"line {line_no}: {x} vs {y}"


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
