"""Tonnage of each deposit as Monte Carlo draws, from how the tonnage was obtained.

Ranges (uniform draws), chosen from DOMAIN.md §4 and documented in docs/estimation.md:

- ``recorded``: the recorded dry tonnage ± 10 % (``recorded_rel``);
- ``volume_x_density``: volume × the deposit's recorded density ± 0.15 t/m³, and the
  volume ± 10 %;
- ``volume_x_default_density``: volume (± 10 %) × a density anywhere in 1.4–1.9 t/m³,
  the typical dry bulk density of tailings (DOMAIN.md §4), so the range is wider;
- otherwise no tonnage: grades are still estimated, contained metal stays NULL.

A NULL ``tonnage_source`` is inferred from the fields present; a declared ``none`` is kept. Zero or negative
tonnage, volume or density is bad input: the deposit gets no tonnage and a warning that
names the deposit, column and value.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..message import Message
from . import stratified
from .deposit_notes import DepositNotes

SOURCE_FIELD = "tonnage_source"


@dataclass(frozen=True)
class TonnageRanges:
    recorded_rel: float = 0.10
    volume_rel: float = 0.10
    density_abs: float = 0.15
    default_density: tuple[float, float] = (1.4, 1.9)


def _positive(deposits: pd.DataFrame, column: str, notes: DepositNotes) -> pd.Series:
    if column not in deposits.columns:
        return pd.Series(np.nan, index=deposits.index)
    values = pd.to_numeric(deposits[column], errors="coerce").astype(float)
    bad = values.notna() & ~(values > 0) | np.isinf(values)
    if bad.any():
        ids = deposits.get("deposit_id", pd.Series(deposits.index.astype(str), index=deposits.index))
        notes.add(bad, Message("{0} = {1} is not a positive number (deposit {2}): no tonnage from it"), column, values,
                  ids)
    return values.where(~bad)


def tonnage_basis(deposits: pd.DataFrame) -> tuple[pd.Series, pd.DataFrame, DepositNotes]:
    """Per deposit: the source used, the inputs (tonnage, volume, density), and warnings."""
    notes = DepositNotes(deposits.index)
    tonnage = _positive(deposits, "tonnage_t", notes)
    volume = _positive(deposits, "volume_m3", notes)
    density = _positive(deposits, "density_t_m3", notes)
    declared = (deposits[SOURCE_FIELD].astype("string").str.strip().str.lower()
                if SOURCE_FIELD in deposits.columns else pd.Series(pd.NA, index=deposits.index, dtype="string"))
    inferred = pd.Series(np.select(
        [tonnage.notna(), volume.notna() & density.notna(), volume.notna()],
        ["recorded", "volume_x_density", "volume_x_default_density"], "none"), index=deposits.index)
    usable = {
        "recorded": tonnage.notna(),
        "volume_x_density": volume.notna() & density.notna(),
        "volume_x_default_density": volume.notna(),
    }
    # A declared 'none' is respected (the importer judged the inputs unusable); NULL is inferred.
    source = inferred.mask(declared.eq("none").fillna(False), "none")
    for name, ok in usable.items():
        source = source.mask(declared.eq(name).fillna(False) & ok, name)
    mismatch = declared.notna() & declared.ne("none") & declared.ne(source)
    notes.add(mismatch, Message("tonnage_source '{0}' lacks its input values; used '{1}'"), declared, source)
    inputs = pd.DataFrame({"tonnage": tonnage, "volume": volume, "density": density})
    return source, inputs, notes


def tonnage_draws(source: np.ndarray, inputs: pd.DataFrame, iterations: int,
                  rng: np.random.Generator, ranges: TonnageRanges = TonnageRanges()) -> np.ndarray:
    """(deposits × iterations) tonnage draws; NaN rows where there is no tonnage."""
    n = len(source)
    # Common random numbers across deposits (each deposit's own distribution is exact; only
    # per-deposit percentiles are reported).
    u1, u2 = (2.0 * stratified.uniforms(rng, iterations, 2) - 1.0)[:, None, :]
    t = inputs["tonnage"].to_numpy(float)[:, None]
    v = inputs["volume"].to_numpy(float)[:, None]
    d = inputs["density"].to_numpy(float)[:, None]
    lo_d, hi_d = ranges.default_density
    v_draw = v * (1.0 + ranges.volume_rel * u2)
    draws = np.full((n, iterations), np.nan)
    src = np.asarray(source)[:, None]
    draws = np.where(src == "recorded", t * (1.0 + ranges.recorded_rel * u1), draws)
    draws = np.where(src == "volume_x_density", v_draw * np.maximum(d + ranges.density_abs * u1, 0.1), draws)
    draws = np.where(src == "volume_x_default_density",
                     v_draw * (0.5 * (lo_d + hi_d) + 0.5 * (hi_d - lo_d) * u1), draws)
    return draws
