"""Synthetic classified deposits + quantities in the hand-over format (DEVELOPING.md
"Classification"), for the export tests and bench/bench_export.py. Values are synthetic."""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import shapely

from core.export.styles import OTHER_COMBINATIONS, UNFC_CLASS_COLOURS
from core.schema import COMMODITIES

MINES = ("Løkken", "Folldal", "Røros Kongens gruve", "Sulitjelma", "Killingdal", "Joma", "Skorovas",
         "Tverrfjellet", "Bleikvassli", "Mofjellet")
ORE_TYPES = ("massive sulphide Cu-Zn", "Ni-Cu sulphide", "iron oxide", None)


def classified_frames(n: int, seed: int = 7, points: bool = False) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``n`` classified deposits (polygons or points, EPSG:25833) and their quantities."""
    rng = np.random.default_rng(seed)
    x = 200_000 + rng.uniform(0, 500_000, n)
    y = 6_500_000 + rng.uniform(0, 1_200_000, n)
    size = rng.uniform(50, 800, n)
    geoms = shapely.points(x, y) if points else shapely.box(x, y, x + size, y + size * 0.7)
    area = size * size * 0.7
    volume = area * rng.uniform(2, 15, n)
    density = rng.uniform(1.4, 1.9, n)
    tonnage = volume * density
    classes = np.array([c[0] for c in UNFC_CLASS_COLOURS] + [OTHER_COMBINATIONS[0]], dtype=object)
    class_pick = classes[rng.integers(0, len(classes), n)]
    frame = pd.DataFrame({
        "deposit_id": [f"NGU-{i:07d}" for i in range(n)],
        "name": [f"{MINES[i % len(MINES)]} deponi {i}" for i in range(n)],
        "municipality": rng.choice(["Meldal", "Folldal", "Røros", "Fauske", "Grong"], n),
        "deposit_kind": rng.choice(["tailings", "tailings", "waste_rock", "slag"], n),
        "setting": rng.choice(["land", "lake", "sea"], n),
        "source_mine": [MINES[i % len(MINES)] for i in range(n)],
        "source_commodity": rng.choice(["Cu", "Cu,Zn", "Fe", "Ni"], n),
        "status": rng.choice(["closed", "abandoned", "historic"], n),
        "area_m2": area, "volume_m3": volume, "density_t_m3": density, "tonnage_t": tonnage,
        "tonnage_source": rng.choice(["recorded", "volume_x_density"], n),
        "ore_type": rng.choice(np.array(ORE_TYPES, dtype=object), n),
        "mill_process": rng.choice(["flotation", "gravity"], n),
    })
    quantity_parts = []
    for c in COMMODITIES:
        method = rng.choice(["measured", "regression", "analogue", "none"], n, p=[0.4, 0.2, 0.2, 0.2])
        ppm = rng.lognormal(5, 1, n)
        lo, hi = ppm * rng.uniform(0.5, 0.9, n), ppm * rng.uniform(1.1, 1.8, n)
        has = method != "none"
        frame[f"{c}_ppm"] = np.where(has, ppm, np.nan)
        frame[f"{c}_ppm_lo"] = np.where(has, lo, np.nan)
        frame[f"{c}_ppm_hi"] = np.where(has, hi, np.nan)
        frame[f"{c}_t"] = np.where(has, ppm * tonnage / 1e6, np.nan)
        frame[f"{c}_t_lo"] = np.where(has, lo * tonnage / 1e6 * 0.9, np.nan)
        frame[f"{c}_t_hi"] = np.where(has, hi * tonnage / 1e6 * 1.1, np.nan)
        frame[f"{c}_n"] = np.where(method == "measured", rng.integers(1, 60, n), 0)
        frame[f"{c}_method"] = method
        analogue = method == "analogue"
        increments = (frame[f"{c}_t_lo"], frame[f"{c}_t"] - frame[f"{c}_t_lo"], frame[f"{c}_t_hi"] - frame[f"{c}_t"])
        for k, values in enumerate(increments):
            part = pd.DataFrame({
                "deposit_id": frame["deposit_id"], "commodity": c, "quantity_t": values,
                "unfc_e": "E3.3", "unfc_f": "F4",
                "unfc_g": np.where(analogue, f"G4.{k + 1}", f"G{k + 1}"),
                "unfc_class": class_pick,
            })[has]
            part["unfc_code"] = part["unfc_e"] + part["unfc_f"] + part["unfc_g"]
            quantity_parts.append(part)
    frame["unfc_e"] = "E3.3"
    frame["unfc_f"] = "F4"
    frame["unfc_g"] = "G1"
    frame["unfc_code"] = "E3.3F4G1"
    frame["unfc_class"] = class_pick
    frame["unfc_subclass"] = None
    frame["unfc_rationale"] = "E3.3: no reprocessing project; F4: no project identified; G from P90/P50/P10"
    frame["rules_version"] = "2025.1"
    frame["classified_at"] = pd.Timestamp(dt.datetime(2025, 5, 1, 12, 0, 0))
    frame["plugin_version"] = "0.1.0"
    frame["geometry"] = shapely.to_wkb(geoms).tolist()
    quantities = pd.concat(quantity_parts, ignore_index=True)
    quantities = quantities[["deposit_id", "commodity", "quantity_t", "unfc_e", "unfc_f", "unfc_g",
                             "unfc_code", "unfc_class"]]
    return frame, quantities


def write_input_gpkg(path, deposits: pd.DataFrame, quantities: pd.DataFrame) -> tuple[str, str]:
    """The frames as a GeoPackage written with plain OGR (layers ``classified`` and ``quantities``),
    so the algorithm tests read their input through QGIS like a user's layer. Returns the two URIs."""
    from osgeo import ogr, osr

    ogr.UseExceptions()
    kinds = {"f": ogr.OFTReal, "i": ogr.OFTInteger64, "M": ogr.OFTDateTime}
    reference = osr.SpatialReference()
    reference.ImportFromEPSG(25833)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    for name, frame, geometry in (("classified", deposits, ogr.wkbUnknown), ("quantities", quantities, ogr.wkbNone)):
        layer = ds.CreateLayer(name, reference if geometry != ogr.wkbNone else None, geometry)
        columns = [c for c in frame.columns if c != "geometry"]
        for column in columns:
            layer.CreateField(ogr.FieldDefn(column, kinds.get(frame[column].dtype.kind, ogr.OFTString)))
        ds.StartTransaction()
        for row in frame.itertuples(index=False):
            record = row._asdict()
            feature = ogr.Feature(layer.GetLayerDefn())
            for column in columns:
                value = record[column]
                if value is None or (isinstance(value, float) and np.isnan(value)):
                    continue
                if isinstance(value, pd.Timestamp):
                    value = value.strftime("%Y-%m-%dT%H:%M:%S")
                elif isinstance(value, np.generic):
                    value = value.item()
                feature.SetField(column, value)
            if geometry != ogr.wkbNone and record.get("geometry") is not None:
                feature.SetGeometry(ogr.CreateGeometryFromWkb(record["geometry"]))
            layer.CreateFeature(feature)
        ds.CommitTransaction()
    ds = None
    return f"{path}|layername=classified", f"{path}|layername=quantities"
