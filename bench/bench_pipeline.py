"""End-to-end benchmark on the national-scale workload (DESIGN.md, "Figures").

Prints, measured in this run on this machine:
- floor: reading the inputs and writing the output with pandas / python-calamine / ogr2ogr alone;
- QGIS native chain: native:joinbylocationsummary (mean Co of 1M points per polygon) +
  native:fieldcalculator (contained Co = tonnage × grade);
- the plugin's pipeline on the same files, and the ratios.
Run: ``source scripts/env.sh && python bench/bench_pipeline.py [--small]``.
"""
from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from national_data import national_workload


def timed(label: str, fn):
    start = time.perf_counter()
    result = fn()
    seconds = time.perf_counter() - start
    print(f"{label:<58s} {seconds:8.2f} s", flush=True)
    return seconds, result


def floor(paths: dict[str, Path], work: Path) -> float:
    import pandas as pd
    from python_calamine import CalamineWorkbook

    t_xlsx, _ = timed("floor: python-calamine read of the xlsx",
                      lambda: CalamineWorkbook.from_path(str(paths["xlsx"])).get_sheet_by_name("Results").to_python())
    t_csv, _ = timed("floor: pandas.read_csv of the CSV", lambda: pd.read_csv(paths["csv"], sep=";", decimal=","))
    out = work / "floor_copy.gpkg"
    t_ogr, _ = timed("floor: ogr2ogr copy of the polygons", lambda: subprocess.run(
        ["ogr2ogr", "-f", "GPKG", str(out), str(paths["polygons"])], check=True))
    total = t_xlsx + t_csv + t_ogr
    print(f"{'floor total':<58s} {total:8.2f} s")
    return total


def native_chain(paths: dict[str, Path], work: Path) -> float:
    import processing
    from qgis.core import QgsVectorLayer

    points = work / "points.gpkg"
    uri = (f"file://{paths['csv']}?delimiter=;&decimalPoint=,&xField=Øst&yField=Nord&crs=EPSG:25833"
           "&detectTypes=yes&geomType=point")
    layer = QgsVectorLayer(uri, "pxrf", "delimitedtext")
    processing.run("native:savefeatures", {"INPUT": layer, "OUTPUT": str(points)})  # not timed
    polygons = QgsVectorLayer(str(paths["polygons"]), "polygons", "ogr")

    def chain():
        joined = processing.run("native:joinbylocationsummary", {
            "INPUT": polygons, "JOIN": str(points), "PREDICATE": [0], "JOIN_FIELDS": ["Cu ppm"],
            "SUMMARIES": [6], "DISCARD_NONMATCHING": False, "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
        return processing.run("native:fieldcalculator", {
            "INPUT": joined, "FIELD_NAME": "cu_t", "FIELD_TYPE": 0, "FORMULA":
            '"volum_m3" * "tetthet_t_m3" * "Cu ppm_mean" / 1e6', "OUTPUT": str(work / "native.gpkg")})
    seconds, _ = timed("QGIS native: joinbylocationsummary + fieldcalculator", chain)
    return seconds


def plugin_pipeline(paths: dict[str, Path], work: Path) -> float:
    import processing

    out = work / "pipeline"
    seconds, _ = timed("plugin: tailingsunfc:pipeline", lambda: processing.run("tailingsunfc:pipeline", {
        "DEPOSITS": [f"{paths['polygons']}|layername=avgangsdeponi"],
        "ASSAYS": [str(paths["xlsx"])], "PROXY_ASSAYS": [str(paths["csv"])], "TRAIN_MODELS": True, "OUTPUT": str(out)}))
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--small", action="store_true", help="10k polygons, 100k + 30k rows (quick check)")
    args = parser.parse_args()
    sizes = (10_000, 100_000, 30_000) if args.small else (100_000, 1_000_000, 300_000)
    _, paths = timed("(workload: made or reused from cache)", lambda: national_workload(*sizes))
    from qgis_session import start_qgis

    app, _provider = start_qgis()
    work = Path(tempfile.mkdtemp(prefix="tailings_bench_"))
    try:
        t_floor = floor(paths, work)
        t_native = native_chain(paths, work)
        t_plugin = plugin_pipeline(paths, work)
        peak_gb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6
        print(f"\nplugin / floor        = {t_plugin / t_floor:5.2f}x   (goal <= 2.0)")
        print(f"native chain / plugin = {t_native / t_plugin:5.2f}x   (goal: plugin faster; >= 2x for the aggregation)")
        print(f"peak RSS of this process (all three) = {peak_gb:.2f} GB (goal <= 2 GB for the plugin)")
    finally:
        shutil.rmtree(work, ignore_errors=True)
        app.exitQgis()


if __name__ == "__main__":
    main()
