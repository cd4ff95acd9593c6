"""Builders of Estimates frames (docs/DEVELOPING.md hand-over format) for the UNFC tests."""
from __future__ import annotations

import numpy as np
import pandas as pd

from core.schema import COMMODITIES


def estimate_row(deposit_id: str = "D1", **fields: object) -> dict[str, object]:
    """One deposit: every commodity 'none' unless given; ``cu=dict(t=..., lo=..., hi=..., n=..., ppm=...)``."""
    row: dict[str, object] = {"deposit_id": deposit_id, "name": deposit_id, "setting": "land", "tonnage_t": 1.0e6}
    for c in COMMODITIES:
        spec = fields.pop(c, None)
        if spec is None:
            row.update({f"{c}_ppm": None, f"{c}_ppm_lo": None, f"{c}_ppm_hi": None, f"{c}_t": None,
                        f"{c}_t_lo": None, f"{c}_t_hi": None, f"{c}_n": 0, f"{c}_method": "none"})
            continue
        spec = dict(spec)
        best = float(spec.get("t", 100.0))
        row.update({
            f"{c}_ppm": spec.get("ppm", best / row["tonnage_t"] * 1e6),
            f"{c}_ppm_lo": None, f"{c}_ppm_hi": None,
            f"{c}_t": best, f"{c}_t_lo": spec.get("lo", best * 0.9), f"{c}_t_hi": spec.get("hi", best * 1.1),
            f"{c}_n": spec.get("n", 40), f"{c}_method": spec.get("method", "measured"),
        })
    row.update(fields)
    return row


def estimates_frame(rows: list[dict[str, object]]) -> pd.DataFrame:
    return pd.DataFrame(rows)


def random_estimates(n_deposits: int, seed: int = 7) -> pd.DataFrame:
    """A large synthetic Estimates frame (vectorised), used by property tests and the benchmark."""
    rng = np.random.default_rng(seed)
    tonnage = rng.lognormal(13, 1.5, n_deposits)
    data: dict[str, object] = {
        "deposit_id": np.char.add("D", np.arange(n_deposits).astype(str)).astype(object),
        "setting": rng.choice(np.array(["land", "lake", "sea"], dtype=object), n_deposits),
        "project_status": rng.choice(np.array(["ingen", "studier pågår", "på vent", "", "producing"], dtype=object),
                                     n_deposits),
        "permit_status": rng.choice(np.array(["", "granted", "pending"], dtype=object), n_deposits),
        "tonnage_t": tonnage,
    }
    typical = {"co": 300.0, "cu": 2000.0, "zn": 3000.0, "tree": 150.0}
    for c in COMMODITIES:
        grade = rng.lognormal(np.log(typical[c]), 0.8, n_deposits)
        spread = rng.uniform(0.02, 0.9, n_deposits)
        best = grade * tonnage * 1e-6
        data.update({
            f"{c}_ppm": grade, f"{c}_ppm_lo": grade * (1 - spread / 2), f"{c}_ppm_hi": grade * (1 + spread),
            f"{c}_t": best, f"{c}_t_lo": best * (1 - spread / 2), f"{c}_t_hi": best * (1 + spread),
            f"{c}_n": rng.integers(0, 80, n_deposits),
            f"{c}_method": rng.choice(np.array(["measured", "regression", "analogue", "none"], dtype=object),
                                      n_deposits, p=[0.5, 0.2, 0.2, 0.1]),
        })
    return pd.DataFrame(data)


def frame_to_polygon_layer(frame: pd.DataFrame, name: str, crs: str = "EPSG:25833"):
    """A memory polygon layer holding ``frame``; its ``geometry`` column is WKB."""
    from qgis.core import QgsVectorLayer
    from tailings_unfc.algorithms.layer_frames import fields_for_frame, frame_to_sink

    layer = QgsVectorLayer(f"Polygon?crs={crs}", name, "memory")
    fields = fields_for_frame(frame)
    layer.dataProvider().addAttributes(fields.toList())
    layer.updateFields()
    frame_to_sink(frame, layer.fields(), layer.dataProvider())
    return layer
