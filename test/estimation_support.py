"""Synthetic sample and deposit frames in the DEVELOPING.md hand-over formats, for the
estimation tests. The true relationship is known, so tests derive tolerances from it."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

# True model: ln co_ppm = a_deposit + B_S·ln s_ppm + B_FE·ln fe2o3_pct + N(0, SIGMA)
B_S = 0.9
B_FE = 0.3
A0 = -2.0
TAU = 0.15      # SD of the deposit offsets a_deposit around A0
SIGMA = 0.25    # SD of the sample noise
SD_LN_S = 0.6   # SD of ln s_ppm
SD_LN_FE = 0.4  # SD of ln fe2o3_pct


@dataclass
class Synthetic:
    samples: pd.DataFrame
    offsets: dict[str, float]


def make_samples(n_deposits: int = 12, per_deposit: int = 50, seed: int = 1,
                 deposit_prefix: str = "DEP") -> Synthetic:
    rng = np.random.default_rng(seed)
    ids = [f"{deposit_prefix}-{i:03d}" for i in range(n_deposits)]
    offsets = dict(zip(ids, A0 + rng.normal(0, TAU, n_deposits)))
    dep = np.repeat(ids, per_deposit)
    n = len(dep)
    ln_s = np.log(20_000.0) + rng.normal(0, SD_LN_S, n)
    ln_fe = np.log(15.0) + rng.normal(0, SD_LN_FE, n)
    a = np.array([offsets[d] for d in ids]).repeat(per_deposit)
    ln_co = a + B_S * ln_s + B_FE * ln_fe + rng.normal(0, SIGMA, n)
    # Deposits laid out 5 km apart, samples within 400 m of the centre.
    cx = np.arange(n_deposits).repeat(per_deposit) * 5_000.0 + 500_000.0
    frame = pd.DataFrame({
        "sample_id": [f"S{i:05d}" for i in range(n)],
        "deposit_id": dep,
        "sample_kind": "sample",
        "co_ppm": np.exp(ln_co),
        "co_flag": pd.Series([None] * n, dtype=object),
        "s_ppm": np.exp(ln_s),
        "fe2o3_pct": np.exp(ln_fe),
        "mn_ppm": np.exp(np.log(800.0) + rng.normal(0, 0.3, n)),
        "src_file": "synthetic.xlsx", "src_sheet": "Results", "src_row": np.arange(n) + 2,
        "x": cx + rng.uniform(-400, 400, n),
        "y": 7_000_000.0 + rng.uniform(-400, 400, n),
    })
    return Synthetic(frame, offsets)


def make_deposits(ids: list[str], tonnage: float = 1_000_000.0) -> pd.DataFrame:
    return pd.DataFrame({
        "deposit_id": ids, "name": [f"Deposit {i}" for i in ids], "municipality": "Røros",
        "deposit_kind": "tailings", "setting": "land", "source_mine": "Synthetic mine",
        "source_commodity": "Cu, Zn", "status": "closed",
        "area_m2": 100_000.0, "volume_m3": tonnage / 1.6, "density_t_m3": 1.6,
        "tonnage_t": tonnage, "tonnage_source": "recorded",
        "ore_type": "VMS", "mining_start": 1900, "mining_end": 1960,
    })


def frame_to_layer(frame: pd.DataFrame, name: str, geometry: str = "None"):
    """A memory layer holding ``frame`` (points from x/y when ``geometry='Point'``)."""
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer
    from tailings_unfc.algorithms.layer_frames import _cell, fields_for_frame

    uri = "None" if geometry == "None" else f"{geometry}?crs=EPSG:25833"
    layer = QgsVectorLayer(uri, name, "memory")
    fields = fields_for_frame(frame)
    provider = layer.dataProvider()
    provider.addAttributes(fields.toList())
    layer.updateFields()
    names = [fields.at(i).name() for i in range(fields.count())]
    features = []
    for row in frame.itertuples(index=False):
        feature = QgsFeature(layer.fields())
        values = row._asdict()
        feature.setAttributes([_cell(values[n]) for n in names])
        if geometry == "Point":
            feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(float(values["x"]), float(values["y"]))))
        features.append(feature)
    provider.addFeatures(features)
    return layer


def layer_to_gpkg(layer, path) -> str:
    from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter

    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    error = QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(path), QgsCoordinateTransformContext(), options)
    assert error[0] == QgsVectorFileWriter.NoError, error
    return str(path)
