"""Regex tests over a million sample ids, in slices.

pandas' ``str.contains`` runs its whole loop in one C call, calling the compiled pattern
for each value: no Python code runs in between, so the GIL is held for the whole call
(0.5-1 s at 1 M ids). The pipeline's progress thread (core.monitored) needs the GIL at
least every half second, so the test runs in slices of ``SLICE`` values, each a few tens of
milliseconds.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

SLICE = 65_536


def contains(values: pd.Series, pattern: str, case: bool = True) -> np.ndarray:
    """``values.str.contains(pattern, case=case, regex=True)`` as a bool array (NaN: False)."""
    parts = [values.iloc[i:i + SLICE].str.contains(pattern, case=case, regex=True, na=False).to_numpy(dtype=bool)
             for i in range(0, len(values), SLICE)]
    return np.concatenate(parts) if parts else np.zeros(0, dtype=bool)
