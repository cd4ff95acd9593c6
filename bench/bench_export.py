"""Export benchmark: synthetic classified deposits (polygons) → GeoPackage (+ xlsx summary,
+ optionally PostGIS), with the same content copied by GDAL alone (ogr2ogr) as the floor.

Run:  source scripts/env.sh && python bench/bench_export.py [N ...] [--postgis]
Default sizes: 1,000 and 100,000 deposits. No QGIS needed. Figures are printed, not asserted.
"""
from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "test")]

from export_support import classified_frames  # noqa: E402
from osgeo import gdal  # noqa: E402

from core.export.erml import ERML_SPECS, mining_waste_view  # noqa: E402
from core.export.frames import prepare_export_frames  # noqa: E402
from core.export.geopackage import write_geopackage  # noqa: E402
from core.export.postgis import PostgisTarget, write_postgis  # noqa: E402
from core.export.provenance import (  # noqa: E402
    FIELD_DICTIONARY_SPECS,
    METADATA_TABLE_SPECS,
    QUANTITY_TABLE_SPECS,
    build_run_metadata,
    field_dictionary,
)
from core.export.tables import TableNames  # noqa: E402
from core.export.workbook import write_workbook  # noqa: E402

gdal.UseExceptions()


def timed(label: str, figures: dict[str, float], func, *args, **kwargs):
    start = time.perf_counter()
    result = func(*args, **kwargs)
    figures[label] = time.perf_counter() - start
    return result


def bench(n: int, folder: Path, with_postgis: bool) -> dict[str, float]:
    figures: dict[str, float] = {}
    deposits, quantities = timed("generate (not export)", figures, classified_frames, n, 1)
    frames = timed("validate", figures, prepare_export_frames, deposits, quantities)
    run = timed("metadata + content hash", figures, build_run_metadata, frames, "EPSG:25833")
    erml = timed("ERML-Lite view", figures, mining_waste_view, frames.deposits, "bench")
    names = TableNames.with_prefix("")
    dictionary = field_dictionary([(names.deposits, frames.specs), (names.quantities, QUANTITY_TABLE_SPECS),
                                   (names.runs, METADATA_TABLE_SPECS),
                                   (names.field_dictionary, FIELD_DICTIONARY_SPECS), (names.erml, ERML_SPECS)])
    target = folder / f"bench_{n}.gpkg"
    timed("GeoPackage, new file, with ERML", figures, write_geopackage, target, frames, run,
          dictionary=dictionary, erml=erml, erml_specs=ERML_SPECS)
    timed("GeoPackage, re-export (upsert), with ERML", figures, write_geopackage, target, frames, run,
          dictionary=dictionary, erml=erml, erml_specs=ERML_SPECS)
    plain = folder / f"bench_{n}_plain.gpkg"
    timed("GeoPackage, new file, no ERML", figures, write_geopackage, plain, frames, run,
          dictionary=dictionary)
    floor = folder / f"bench_{n}_ogr2ogr.gpkg"
    timed("floor: ogr2ogr copy of deposits + quantities", figures, gdal.VectorTranslate, str(floor), str(plain),
          options=gdal.VectorTranslateOptions(layers=["deposits", "quantities"], format="GPKG"))
    timed("summary workbook (xlsx)", figures, write_workbook, folder / f"bench_{n}.xlsx", frames, run,
          dictionary, str(target))
    if with_postgis:
        from postgis_support import running_postgis_server

        with running_postgis_server() as server:
            target_pg = PostgisTarget({"host": server.host, "port": str(server.port), "dbname": server.dbname},
                                      None, "bench")
            credentials = {"user": server.user, "password": server.password}
            timed("PostGIS, new tables, with ERML", figures, write_postgis, target_pg, credentials, frames, run,
                  dictionary=dictionary, erml=erml, erml_specs=ERML_SPECS)
            timed("PostGIS, re-export (upsert), with ERML", figures, write_postgis, target_pg, credentials,
                  frames, run, dictionary=dictionary, erml=erml, erml_specs=ERML_SPECS)
    figures["_size_mb"] = target.stat().st_size / 1e6
    figures["_quantity_rows"] = len(frames.quantities)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 100_000])
    parser.add_argument("--postgis", action="store_true", help="also time the PostGIS export (starts a server)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-export-") as tmp:
        for n in args.sizes:
            figures = bench(n, Path(tmp), args.postgis)
            print(f"\n== {n:,} deposits, {figures.pop('_quantity_rows'):,} quantity rows, "
                  f"GeoPackage {figures.pop('_size_mb'):.1f} MB ==")
            for label, seconds in figures.items():
                print(f"  {label:<48} {seconds:8.2f} s")
            core = (figures["validate"] + figures["metadata + content hash"] + figures["ERML-Lite view"]
                    + figures["GeoPackage, new file, with ERML"])
            print(f"  {'export to GeoPackage (validate..write, with ERML)':<48} {core:8.2f} s "
                  f"= {n / core:,.0f} deposits/s")
            ratio = figures["GeoPackage, new file, no ERML"] / figures["floor: ogr2ogr copy of deposits + quantities"]
            print(f"  {'ratio GeoPackage (no ERML) / ogr2ogr floor':<48} {ratio:8.2f} x")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak RSS {peak:.0f} MB")


if __name__ == "__main__":
    main()
