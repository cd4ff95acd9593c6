"""Dry tonnage of a deposit: recorded, else volume × density, else volume × a default density."""
from __future__ import annotations

import numpy as np
import pandas as pd

# Default dry bulk density of tailings when a deposit records a volume but no density.
# Tailings typically lie between 1.4 and 1.9 t/m³ dry (DOMAIN.md §4); 1.6 t/m³ sits in the
# lower middle of that range, a deliberately cautious value for quantities of low confidence.
DEFAULT_DRY_DENSITY_T_M3 = 1.6
# The default is a tailings figure: slag (dense, glassy) and blasted waste rock differ too much
# to borrow it, so for those kinds a missing density leaves the tonnage unknown.
KINDS_USING_DEFAULT_DENSITY = ("tailings",)


def derive_tonnage(tonnage_t: pd.Series, volume_m3: pd.Series, density_t_m3: pd.Series,
                   deposit_kind: pd.Series) -> tuple[pd.Series, pd.Series]:
    """(tonnage_t, tonnage_source) per deposit; the recorded tonnage always wins.

    ``tonnage_source`` is one of ``core.schema.TONNAGE_SOURCES``: recorded, volume_x_density,
    volume_x_default_density (tailings, or kind unknown), none.
    """
    recorded = tonnage_t.notna()
    by_density = ~recorded & volume_m3.notna() & density_t_m3.notna()
    kind_allows_default = deposit_kind.isna() | deposit_kind.isin(KINDS_USING_DEFAULT_DENSITY)
    by_default = ~recorded & ~by_density & volume_m3.notna() & kind_allows_default
    tonnage = np.select([recorded, by_density, by_default],
                        [tonnage_t, volume_m3 * density_t_m3, volume_m3 * DEFAULT_DRY_DENSITY_T_M3],
                        default=np.nan)
    source = np.select([recorded, by_density, by_default],
                       ["recorded", "volume_x_density", "volume_x_default_density"], default="none")
    return (pd.Series(tonnage, index=tonnage_t.index, dtype=float),
            pd.Series(source, index=tonnage_t.index, dtype=object))


def tonnage_disagreement(tonnage_t: pd.Series, volume_m3: pd.Series, density_t_m3: pd.Series,
                         tolerance: float = 2.0) -> pd.Series:
    """Rows whose recorded tonnage differs from volume × density by more than ``tolerance``×."""
    implied = volume_m3 * density_t_m3
    ratio = tonnage_t / implied
    return (ratio > tolerance) | (ratio < 1.0 / tolerance)
