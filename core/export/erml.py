"""Flat ERML-Lite ``MiningWasteView`` of the classified deposits, with the UNFC code.

Field names follow the ERML-Lite MiningWasteView (EarthResourceML 2.0 Lite; DOMAIN.md §7):
identifier, wasteType, storageType, mineName, processingType, materials, density, grade,
volume, observationMethod, positionalAccuracy, source, shape. The UNFC code is added with
``classificationMethodUsed = UNFCCode`` as in INSPIRE Mineral Resources
(ClassificationMethodUsedValue code list).

Waste type: European Waste Catalogue (Commission Decision 2000/532/EC, chapter 01 03):
01 03 04* for acid-generating tailings from sulphide ore; 01 01 01 for waste from
metalliferous excavation (waste rock). 01 03 05* (other hazardous tailings) needs a
hazard assessment this tool does not make, and 01 03 06 (non-hazardous tailings) would
claim one; a tailings deposit that is not known to be sulphide therefore gets no EWC code.
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ..schema import COMMODITIES, COMMODITY_NAMES, ERML_FIELDS, FieldSpec
from .frames import GEOMETRY_COLUMN

INSPIRE_CLASSIFICATION_METHOD = "UNFCCode"
INSPIRE_CLASSIFICATION_METHOD_URI = (
    "http://inspire.ec.europa.eu/codelist/ClassificationMethodUsedValue/UNFCCode")
EWC_SULPHIDE_TAILINGS = ("01 03 04*", "acid-generating tailings from processing of sulphide ore")
EWC_WASTE_ROCK = ("01 01 01", "wastes from mineral metalliferous excavation")
# Base metals that Norwegian mines worked from sulphide ores (DOMAIN.md §6).
_SULPHIDE_COMMODITIES = ("cu", "zn", "co", "ni", "pb", "copper", "zinc", "cobalt", "nickel", "lead", "pyrite", "s")
_SULPHIDE_WORDS = r"sulph|sulfid|sulfide|kis\b|svovelkis|kobberkis|sinkblende|pyritt|pyrite|massive sulphide"
_SEPARATORS = r"[\s,;/+-]"
# A whole word of _SULPHIDE_COMMODITIES between separators (what splitting on them and
# comparing the parts finds), in one regex pass instead of a Python call per row.
_SULPHIDE_COMMODITY_TOKEN = (rf"(?:^|{_SEPARATORS})(?:{'|'.join(map(re.escape, _SULPHIDE_COMMODITIES))})"
                             rf"(?={_SEPARATORS}|$)")
_STORAGE_TYPES = {
    "land": "tailings impoundment or heap on land",
    "lake": "subaqueous deposit in a lake",
    "sea": "submarine tailings deposit (sjødeponi)",
}

ERML_SPECS: tuple[FieldSpec, ...] = ERML_FIELDS  # defined in core.schema


def _is_sulphide(deposits: pd.DataFrame) -> np.ndarray:
    found = np.zeros(len(deposits), dtype=bool)
    for column in ("ore_type", "source_commodity"):
        if column in deposits.columns:
            text = deposits[column].astype("string").str.lower().fillna("")
            found |= text.str.contains(_SULPHIDE_WORDS, regex=True).to_numpy()
            if column == "source_commodity":
                found |= text.str.contains(_SULPHIDE_COMMODITY_TOKEN, regex=True).to_numpy(dtype=bool)
    return found


def _joined(parts: list[pd.Series]) -> pd.Series:
    """Non-null parts joined with "; " (NULL when all are null), column-wise, not row by row."""
    combined = pd.Series([""] * len(parts[0]), index=parts[0].index, dtype=object)
    for part in parts:
        text = part.astype("string")
        combined = combined + ("; " + text).fillna("")
    combined = combined.str.slice(2)
    return combined.where(combined != "", None).astype(object)


def _grade_texts(values: pd.Series, commodity: str) -> pd.Series:
    """"co 153.2 ppm" per value (NULL stays NULL); a list comprehension, not Series.map."""
    texts = [None if v != v else f"{commodity} {v:.6g} ppm" for v in values.astype(float).tolist()]
    return pd.Series(texts, index=values.index, dtype=object)


def _labelled(values: pd.Series, label: str, skip: str | None = None) -> pd.Series:
    """"label: value" for each value but NULL and ``skip``: a few distinct texts, mapped by a dict."""
    distinct = [v for v in pd.unique(values.dropna()) if v != skip]
    return values.map({v: f"{label}: {v}" for v in distinct}).astype(object).where(values.isin(distinct), None)


def mining_waste_view(deposits: pd.DataFrame, source: str) -> pd.DataFrame:
    """One ERML-Lite MiningWasteView row per deposit (geometry kept as ``geometry``)."""
    kind = deposits["deposit_kind"].astype("string")
    sulphide = _is_sulphide(deposits)
    ewc = np.where((kind == "tailings").fillna(False).to_numpy() & sulphide, EWC_SULPHIDE_TAILINGS[0],
                   np.where((kind == "waste_rock").fillna(False).to_numpy(), EWC_WASTE_ROCK[0], None))
    label = {EWC_SULPHIDE_TAILINGS[0]: f"{EWC_SULPHIDE_TAILINGS[0]} {EWC_SULPHIDE_TAILINGS[1]}",
             EWC_WASTE_ROCK[0]: f"{EWC_WASTE_ROCK[0]} {EWC_WASTE_ROCK[1]}"}
    ewc_series = pd.Series(ewc, index=deposits.index, dtype=object)
    waste_type = ewc_series.map(label)
    waste_type = waste_type.where(waste_type.notna(), kind.astype(object).where(kind.notna(), None))

    with_estimate = [
        pd.Series(np.where((deposits[f"{c}_method"].fillna("none") != "none").to_numpy(), COMMODITY_NAMES[c], None),
                  index=deposits.index, dtype=object) for c in COMMODITIES]
    grades = [_grade_texts(deposits[f"{c}_ppm"], c) for c in COMMODITIES]
    methods = [_labelled(deposits["tonnage_source"], "tonnage")]
    methods += [_labelled(deposits[f"{c}_method"], c, skip="none") for c in COMMODITIES]
    accuracy = (deposits["positional_accuracy"].astype(object) if "positional_accuracy" in deposits.columns
                else pd.Series(["unknown"] * len(deposits), index=deposits.index, dtype=object))
    view = pd.DataFrame({
        "identifier": deposits["deposit_id"].astype(object),
        "name": deposits["name"].astype(object),
        "wasteType": waste_type,
        "wasteType_ewc": ewc_series,
        "storageType": deposits["setting"].map(_STORAGE_TYPES).astype(object),
        "mineName": deposits["source_mine"].astype(object),
        "processingType": (deposits["mill_process"].astype(object) if "mill_process" in deposits.columns
                           else pd.Series([None] * len(deposits), index=deposits.index, dtype=object)),
        "materials": _joined(with_estimate),
        "density": deposits["density_t_m3"].astype(float),
        "grade": _joined(grades),
        "volume": deposits["volume_m3"].astype(float),
        "tonnage": deposits["tonnage_t"].astype(float),
        "observationMethod": _joined(methods),
        "positionalAccuracy": accuracy,
        "source": source,
        "unfcCode": deposits["unfc_code"].astype(object),
        "unfcClass": deposits["unfc_class"].astype(object),
        "classificationMethodUsed": INSPIRE_CLASSIFICATION_METHOD,
        "classificationMethodUsed_uri": INSPIRE_CLASSIFICATION_METHOD_URI,
    }, index=deposits.index)
    view[GEOMETRY_COLUMN] = deposits[GEOMETRY_COLUMN]
    return view
