"""A classified GeoPackage written by the real export, laid out for rendering at national,
regional and local scale: a dense 8 × 8 cluster (every class, tonnage 1 kt – 10 Mt), a
sparse row with one deposit per class 150 km apart, and one large pond on its own."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import shapely
from export_support import classified_frames

from core.export.run import export_run
from core.export.styles import OTHER_COMBINATIONS, UNFC_CLASS_COLOURS

CLASSES = [c[0] for c in UNFC_CLASS_COLOURS] + [OTHER_COMBINATIONS[0]]
COLOURS = {value: colour for value, _label, colour in (*UNFC_CLASS_COLOURS, OTHER_COMBINATIONS)}
CLUSTER_CENTRE = (300_000.0, 7_000_000.0)
POND_CENTRE = (520_000.0, 7_300_000.0)
NATIONAL_CENTRE = (400_000.0, 7_150_000.0)
# E and F per class, in the order of CLASSES (the last: an "other combination")
CATEGORIES = {"unfc_e": ("E1", "E2", "E3.2", "E3.3", "E3.2", "E3.3", "E2"),
              "unfc_f": ("F1", "F2.1", "F2.2", "F4", "F3", "F4", "F4")}


def layout_frames():
    deposits, quantities = classified_frames(64 + len(CLASSES) + 1, seed=3)
    n = len(deposits)
    x, y = np.empty(n), np.empty(n)
    i = np.arange(64)
    x[:64] = CLUSTER_CENTRE[0] + (i % 8 - 3.5) * 9_000
    y[:64] = CLUSTER_CENTRE[1] + (i // 8 - 3.5) * 9_000
    k = np.arange(len(CLASSES))
    x[64:-1] = 150_000 + k * 150_000 / 2
    y[64:-1] = 7_500_000 - k * 50_000
    x[-1], y[-1] = POND_CENTRE
    width = np.full(n, 600.0)
    width[-1] = 1_500.0
    deposits["geometry"] = shapely.to_wkb(shapely.box(x - width / 2, y - width / 3, x + width / 2,
                                                      y + width / 3)).tolist()
    classes = np.array([CLASSES[j % len(CLASSES)] for j in range(64)] + CLASSES + [CLASSES[3]], dtype=object)
    deposits["unfc_class"] = classes
    deposits["tonnage_t"] = np.r_[np.geomspace(1e3, 1e7, 64), np.full(len(CLASSES), 2e6), 5e6]
    quantities["unfc_class"] = quantities["deposit_id"].map(dict(zip(deposits["deposit_id"], classes)))
    for axis in ("unfc_e", "unfc_f"):  # each class with E and F categories it admits
        by_class = dict(zip(CLASSES, CATEGORIES[axis]))
        deposits[axis] = deposits["unfc_class"].map(by_class)
        quantities[axis] = quantities["unfc_class"].map(by_class)
    deposits["unfc_code"] = deposits["unfc_e"] + deposits["unfc_f"] + deposits["unfc_g"]
    quantities["unfc_code"] = quantities["unfc_e"] + quantities["unfc_f"] + quantities["unfc_g"]
    return deposits, quantities


def write_styled_gpkg(folder: Path) -> Path:
    deposits, quantities = layout_frames()
    target = folder / "styled.gpkg"
    export_run(deposits, quantities, str(target), crs="EPSG:25833")
    return target



def open_styled_layer(path: Path):
    """The deposits as QGIS opens them, with the default style from layer_styles."""
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(f"{path}|layername=deposits", "UNFC deposits", "ogr")
    assert layer.isValid()
    return layer
