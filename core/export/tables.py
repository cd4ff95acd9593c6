"""Names of the exported tables and the plain-Python cell values both writers use."""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..errors import TailingsInputError
from ..schema import FieldSpec

_PREFIX_PATTERN = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,40}$")


@dataclass(frozen=True)
class TableNames:
    deposits: str
    quantities: str
    runs: str
    field_dictionary: str
    erml: str

    @classmethod
    def with_prefix(cls, prefix: str = "") -> TableNames:
        prefix = (prefix or "").strip()
        if prefix and not _PREFIX_PATTERN.match(prefix):
            raise TailingsInputError("TABLE_PREFIX may hold letters, digits and _ only, and must not "
                                     "start with a digit", value=prefix)
        return cls(f"{prefix}deposits", f"{prefix}quantities", f"{prefix}export_runs",
                   f"{prefix}field_dictionary", f"{prefix}erml_mining_waste_view")


def column_values(frame: pd.DataFrame, spec: FieldSpec) -> list:
    """The column as a list of plain Python values, None for NULL (numpy types unwrapped)."""
    series = frame[spec.name] if spec.name in frame.columns else pd.Series([None] * len(frame))
    if spec.type == "double":
        values = pd.to_numeric(series, errors="coerce").astype(float).to_numpy()
        out = values.astype(object)
        out[np.isnan(values)] = None
        return out.tolist()
    if spec.type == "int":
        numeric = pd.to_numeric(series, errors="coerce")
        mask = numeric.isna().to_numpy()
        out = numeric.fillna(0).astype(np.int64).to_numpy().astype(object)
        out[mask] = None
        return out.tolist()
    if spec.type == "datetime":
        stamps = pd.to_datetime(series, errors="coerce", utc=True)
        text = stamps.dt.strftime("%Y-%m-%dT%H:%M:%S.%fZ").str.slice(0, 23) + "Z"
        return text.where(stamps.notna(), None).astype(object).tolist()
    text = series.astype(object)
    return text.where(text.notna(), None).tolist()
