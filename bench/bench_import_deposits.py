"""Benchmark of tailingsunfc:importdeposits on 100,000 tailings polygons.

Run:  source scripts/env.sh && python bench/bench_import_deposits.py [N]

Prints, measured in the same run:
- core.deposits.import_deposits alone (mapping, validation, tonnage) on a pandas frame;
- the whole algorithm through processing.run (read with QGIS, core, write a GeoPackage);
- the floor: a bare GDAL copy of the same layer to a GeoPackage (gdal.VectorTranslate),
  and the ratio of the algorithm to that floor.
The input is the sample tailings layer repeated with unique ids (resources/sample_data).
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / ".build" / "plugins")]


def build_input(folder: Path, n: int) -> Path:
    from osgeo import gdal, ogr

    gdal.UseExceptions()
    src = ogr.Open(str(REPO / "resources" / "sample_data" / "old_tailings.gpkg"))
    layer = src.GetLayerByName("avgangsdeponi")
    features = list(layer)
    path = folder / "tailings_big.gpkg"
    out_ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    out = out_ds.CreateLayer("avgangsdeponi", layer.GetSpatialRef(), ogr.wkbPolygon)
    defn = layer.GetLayerDefn()
    for i in range(defn.GetFieldCount()):
        out.CreateField(defn.GetFieldDefn(i))
    out.StartTransaction()
    out_defn = out.GetLayerDefn()
    for i in range(n):
        template = features[i % len(features)]
        feature = ogr.Feature(out_defn)
        feature.SetFrom(template)
        feature.SetField("deponiId", f"{template.GetField('deponiId')}-{i}")
        out.CreateFeature(feature)
    out.CommitTransaction()
    out_ds = None
    return path


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    import processing
    from osgeo import gdal
    from processing.core.Processing import Processing
    from tailings_unfc.algorithms.layer_frames import source_to_frame
    from tailings_unfc.algorithms.provider import TailingsUnfcProvider
    from tailings_unfc.core.deposits import import_deposits

    Processing.initialize()
    provider = TailingsUnfcProvider()  # keep a Python reference, or QGIS loses the algorithm classes
    QgsApplication.processingRegistry().addProvider(provider)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        source = build_input(folder, n)
        size_mb = source.stat().st_size / 1e6
        print(f"input: {n:,} polygons written in {time.perf_counter() - t0:.1f} s ({size_mb:.0f} MB)")

        t0 = time.perf_counter()
        gdal.VectorTranslate(str(folder / "floor.gpkg"), str(source), format="GPKG")
        floor = time.perf_counter() - t0

        from qgis.core import QgsVectorLayer
        layer = QgsVectorLayer(f"{source}|layername=avgangsdeponi", "big", "ogr")
        t0 = time.perf_counter()
        frame = source_to_frame(layer)
        read = time.perf_counter() - t0
        t0 = time.perf_counter()
        result = import_deposits(frame, geometry_dimension=2)
        core = time.perf_counter() - t0

        t0 = time.perf_counter()
        out = processing.run("tailingsunfc:importdeposits", {
            "INPUT": f"{source}|layername=avgangsdeponi", "OUTPUT": str(folder / "deposits.gpkg"),
            "REJECTS": str(folder / "rejects.gpkg")})
        whole = time.perf_counter() - t0
        assert out["N_ACCEPTED"] == n == len(result.deposits)
        print(f"core.deposits.import_deposits: {core:.2f} s ({n / core:,.0f} rows/s)")
        print(f"QGIS read into a frame (source_to_frame): {read:.2f} s")
        print(f"importdeposits through processing.run: {whole:.2f} s")
        print(f"floor, gdal.VectorTranslate GPKG → GPKG: {floor:.2f} s")
        print(f"ratio algorithm / floor: {whole / floor:.1f}×")


if __name__ == "__main__":
    main()
