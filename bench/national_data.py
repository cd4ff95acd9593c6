"""National-scale synthetic workload for the end-to-end benchmark (DESIGN.md, "Figures").

100,000 tailings polygons (GeoPackage, EPSG:25833), 1,000,000 pXRF-style assay rows (CSV,
Norwegian locale) and 300,000 lab-style rows (xlsx), all linked to the polygons by id and
by location. Cached under ``$TAILINGS_BENCH_DIR`` (default ``/tmp/tailings_unfc_bench``):
the files are made once and reused, because writing a 300,000-row xlsx takes a while.
SYNTHETIC: nothing here is a real measurement.
"""
from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 7
BENCH_DIR = Path(os.environ.get("TAILINGS_BENCH_DIR", "/tmp/tailings_unfc_bench"))


def _polygons(n: int, rng: np.random.Generator) -> pd.DataFrame:
    # Squares of 60–400 m on a jittered grid over mainland Norway's UTM33 extent.
    side = int(np.ceil(np.sqrt(n)))
    gx, gy = np.meshgrid(np.arange(side), np.arange(side))
    x0 = 100_000 + gx.ravel()[:n] * 4_000 + rng.uniform(0, 2_000, n)
    y0 = 6_500_000 + gy.ravel()[:n] * 4_000 + rng.uniform(0, 2_000, n)
    size = rng.uniform(60, 400, n)
    return pd.DataFrame({
        "deponiId": [f"AVG-B{i:06d}" for i in range(n)],
        "navn": [f"Benchmark deponi {i}" for i in range(n)],
        "kommune": rng.choice(["Røros", "Meldal", "Fauske", "Folldal", "Grong", "Hattfjelldal"], n),
        "deponitype": "avgangsdeponi",
        "plassering": rng.choice(["land", "innsjø", "sjø"], n, p=[0.7, 0.2, 0.1]),
        "kildeGruve": "Benchmark gruve",
        "kildeRastoff": rng.choice(["Cu, Zn", "Cu, Zn, Co", "Ni, Cu"], n),
        "status": "nedlagt",
        "volum_m3": np.round(size * size * rng.uniform(2, 15, n), 0),
        "tetthet_t_m3": np.round(rng.uniform(1.4, 1.9, n), 2),
        "x0": x0, "y0": y0, "size": size,
    })


def _write_polygons(frame: pd.DataFrame, path: Path) -> None:
    from osgeo import ogr, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(25833)
    tmp = path.with_suffix(".tmp.gpkg")
    tmp.unlink(missing_ok=True)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(tmp))
    layer = ds.CreateLayer("avgangsdeponi", srs, ogr.wkbPolygon)
    fields = ["deponiId", "navn", "kommune", "deponitype", "plassering", "kildeGruve", "kildeRastoff", "status"]
    for name in fields:
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    for name in ("volum_m3", "tetthet_t_m3"):
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTReal))
    defn = layer.GetLayerDefn()
    ds.StartTransaction()
    for row in frame.itertuples(index=False):  # one-off data generation, not a hot path
        feature = ogr.Feature(defn)
        for name in fields:
            feature.SetField(name, getattr(row, name))
        feature.SetField("volum_m3", float(row.volum_m3))
        feature.SetField("tetthet_t_m3", float(row.tetthet_t_m3))
        x, y, s = row.x0, row.y0, row.size
        feature.SetGeometry(ogr.CreateGeometryFromWkt(
            f"POLYGON(({x} {y},{x + s} {y},{x + s} {y + s},{x} {y + s},{x} {y}))"))
        layer.CreateFeature(feature)
    ds.CommitTransaction()
    ds = None
    os.replace(tmp, path)


def _samples(polys: pd.DataFrame, n: int, rng: np.random.Generator) -> pd.DataFrame:
    which = rng.integers(0, len(polys), n)
    p = polys.iloc[which]
    x = p["x0"].to_numpy() + rng.uniform(0.05, 0.95, n) * p["size"].to_numpy()
    y = p["y0"].to_numpy() + rng.uniform(0.05, 0.95, n) * p["size"].to_numpy()
    s = np.exp(rng.normal(0.3, 0.6, n))
    fe = np.exp(rng.normal(2.3, 0.3, n))
    co = np.exp(3.5 + 0.9 * np.log(s) + 0.3 * np.log(fe) + rng.normal(0, 0.25, n))
    return pd.DataFrame({
        "deposit": p["deponiId"].to_numpy(), "x": np.round(x, 1), "y": np.round(y, 1),
        "fe": np.round(fe, 2), "s": np.round(s, 2), "ca": np.round(np.exp(rng.normal(1, 0.4, n)), 2),
        "p": np.round(np.exp(rng.normal(6.5, 0.4, n)), 0), "mn": np.round(np.exp(rng.normal(7, 0.3, n)), 0),
        "cu": np.round(np.exp(rng.normal(6.5, 0.6, n)), 0), "zn": np.round(np.exp(rng.normal(7, 0.6, n)), 0),
        "co": np.round(co, 1),
    })


def _write_csv(samples: pd.DataFrame, path: Path) -> None:
    out = pd.DataFrame({
        "Prøve-ID": [f"PX-B{i:07d}" for i in range(len(samples))],
        "Deponi": samples["deposit"], "Øst": samples["x"], "Nord": samples["y"],
        "Fe %": samples["fe"], "S %": samples["s"], "Ca %": samples["ca"], "P ppm": samples["p"],
        "Mn ppm": samples["mn"], "Cu ppm": samples["cu"], "Zn ppm": samples["zn"],
    })
    tmp = path.with_suffix(".tmp")
    out.to_csv(tmp, sep=";", decimal=",", index=False, encoding="utf-8")
    os.replace(tmp, path)


def _write_xlsx(samples: pd.DataFrame, path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Results")
    ws.append(["Sample ID", "Deposit", "Easting", "Northing", "Fe2O3", "S", "Ca", "P", "Mn", "Co", "Cu", "Zn"])
    ws.append(["", "", "", "", "%", "%", "%", "ppm", "ppm", "ppm", "ppm", "ppm"])
    fe2o3 = np.round(samples["fe"].to_numpy() / 0.6994, 2)
    columns = [samples[c].to_numpy() for c in ("deposit", "x", "y")]
    values = [fe2o3] + [samples[c].to_numpy() for c in ("s", "ca", "p", "mn", "co", "cu", "zn")]
    for i in range(len(samples)):  # one-off data generation
        ws.append([f"LAB-B{i:07d}", columns[0][i], float(columns[1][i]), float(columns[2][i]),
                   *(float(v[i]) for v in values)])
    tmp = path.with_suffix(".tmp.xlsx")
    wb.save(tmp)
    os.replace(tmp, path)


def national_workload(n_polygons: int = 100_000, n_csv: int = 1_000_000, n_xlsx: int = 300_000,
                      directory: Path = BENCH_DIR) -> dict[str, Path]:
    """Paths of the cached workload files, made on first use."""
    directory.mkdir(parents=True, exist_ok=True)
    tag = f"{n_polygons}_{n_csv}_{n_xlsx}"
    paths = {"polygons": directory / f"tailings_{tag}.gpkg", "csv": directory / f"pxrf_{tag}.csv",
             "xlsx": directory / f"lab_{tag}.xlsx"}
    if all(p.exists() for p in paths.values()):
        return paths
    rng = np.random.default_rng(SEED)
    polys = _polygons(n_polygons, rng)
    if not paths["polygons"].exists():
        _write_polygons(polys, paths["polygons"])
    if not paths["csv"].exists():
        _write_csv(_samples(polys, n_csv, rng), paths["csv"])
    if not paths["xlsx"].exists():
        _write_xlsx(_samples(polys, n_xlsx, rng), paths["xlsx"])
    return paths


if __name__ == "__main__":
    for kind, p in national_workload().items():
        print(f"{kind}: {p} ({p.stat().st_size / 1e6:.1f} MB)")
