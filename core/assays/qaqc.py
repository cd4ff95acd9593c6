"""QA/QC rows: recognising CRMs, blanks and duplicates, and summarising them.

A row is QA/QC when its sample-type cell says so (``STD``, ``CRM``, ``BLANK``, ``DUP``,
...) or, without such a cell, when its id follows the usual patterns (``OREAS 45e``,
``BLK-01``, ``LOK-0012 DUP``). The summary gives, per CRM and element, the bias of the
mean against the certified value, ``100 × (mean − certified) / certified`` (%), per
element the blank levels, and for duplicate pairs the median relative percent
difference, ``RPD = 100 × |a − b| / ((a + b) / 2)`` (Stanley & Lawie 2007,
Exploration Geochemistry: Environment, Analysis 7, 267-274).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .chemistry import ELEMENT_BY_LOWER, UNIT_TO_PPM, canonical_unit, parse_oxide
from .header import clean_header
from .sliced_match import contains

_TYPE_PATTERNS = {
    "crm": r"^(?:std|stds|standard|crm|srm|ref(?:erence)?(?:\s+material)?|certified.*|oreas.*)$",
    "blank": r"^(?:blank|blk|bl|field\s+blank|lab\s+blank|method\s+blank|blindprøve)$",
    "duplicate": r"^(?:dup|dupl?|duplicate|field\s+dup(?:licate)?|lab\s+dup(?:licate)?|pulp\s+dup(?:licate)?|"
                 r"rep|replicate|coarse\s+dup(?:licate)?)$",
}
_ID_PATTERNS = {
    "crm": r"(?:^|[\s_\-])(?:OREAS|GBM|AMIS|CDN|SRM|CRM|STD|GEOSTATS|NIST|BCR|CCRMP)(?:$|[\s_\-\d])",
    "blank": r"(?:^|[\s_\-])(?:BLANK|BLK)(?:$|[\s_\-\d])",
    "duplicate": r"(?:^|[\s_\-])(?:DUP|DUPLICATE)\d*$",
}
DUPLICATE_SUFFIX = re.compile(r"[\s_\-]*(?:DUP|DUPLICATE)\d*$", re.IGNORECASE)


def classify_kinds(sample_id: pd.Series, sample_type: pd.Series | None) -> np.ndarray:
    """``sample``, ``crm``, ``blank`` or ``duplicate`` for each row (vectorised)."""
    n = len(sample_id)
    kinds = np.empty(n, dtype=object)
    kinds[:] = "sample"  # one shared str (np.full would convert it to a new str per row: 55 MB per 1M rows)
    decided = np.zeros(n, dtype=bool)
    if sample_type is not None:
        # Few distinct type texts: classify each once, then spread.
        which, uniques = pd.factorize(sample_type.where(sample_type.notna(), ""))
        text = pd.Series(uniques, dtype=object).astype(str).str.strip().str.lower()
        unique_kind = np.full(len(text), None, dtype=object)
        for kind, pattern in _TYPE_PATTERNS.items():
            hit = text.str.match(pattern).to_numpy(dtype=bool) & pd.isna(unique_kind)
            unique_kind[hit] = kind
        explicit = (text != "").to_numpy()  # an explicit "sample"/"routine" type is trusted
        if len(text):
            row_kind = unique_kind[which]
            qaqc_typed = pd.notna(row_kind)
            kinds[qaqc_typed] = row_kind[qaqc_typed]
            decided = explicit[which]
    undecided = np.flatnonzero(~decided)
    if len(undecided):
        ids = sample_id.iloc[undecided]
        ids = ids.where(ids.notna(), "").astype(str)
        # One pass for "any QA/QC word", then the few hits are told apart.
        any_pattern = "|".join(f"(?:{p})" for p in _ID_PATTERNS.values())
        hits = contains(ids, any_pattern, case=False)
        candidates = undecided[hits]
        few = ids[hits]
        taken = np.zeros(len(candidates), dtype=bool)
        for kind, pattern in _ID_PATTERNS.items():
            hit = few.str.contains(pattern, case=False, regex=True).to_numpy(dtype=bool) & ~taken
            kinds[candidates[hit]] = kind
            taken |= hit
    return kinds


def read_certified_values(frame: pd.DataFrame) -> pd.DataFrame | None:
    """A certified-values sheet (CRM | element | certified value | unit) as a tidy table.

    Returns columns ``crm``, ``analyte`` (as written), ``field`` (``co_ppm``, ``fe2o3_pct``),
    ``certified`` (in the field's unit) and ``unit``; None when the frame is not such a table.
    """
    rows = frame.astype(object).where(frame.notna(), None).values.tolist()
    for offset, row in enumerate(rows[:20]):
        cells = [clean_header(c).lower() for c in row]
        name_col = _first(cells, r"^(?:crm|standard|reference material|crm name|name|material)")
        element_col = _first(cells, r"^(?:element|analyte|grunnstoff)")
        value_col = _first(cells, r"certified|sertifisert|^value$|^cert")
        unit_col = _first(cells, r"^(?:unit|units|enhet)")
        if None in (name_col, element_col, value_col):
            continue
        body = pd.DataFrame(rows[offset + 1:])
        if body.empty:
            return None
        names = body[name_col].astype("string").str.strip()
        analyte = body[element_col].astype("string").str.strip()
        values = pd.to_numeric(body[value_col], errors="coerce")
        if unit_col is not None:
            units = body[unit_col].map(lambda u: canonical_unit(clean_header(u)) or "ppm")
        else:
            units = pd.Series("ppm", index=body.index)
        to_ppm = units.map(UNIT_TO_PPM).astype(float)
        # Elements are compared as <el>_ppm, oxides (Fe2O3) as <oxide>_pct, the units of the output.
        element = analyte.str.lower().map(ELEMENT_BY_LOWER)
        oxide = analyte.fillna("").map(parse_oxide)
        field = element.str.lower() + "_ppm"
        is_oxide = element.isna() & oxide.notna()
        field[is_oxide] = oxide[is_oxide].map(lambda o: f"{o.formula.lower()}_pct")
        certified = values * to_ppm
        certified[is_oxide] = certified[is_oxide] / 1e4
        unit = pd.Series("ppm", index=body.index).where(~is_oxide, "%")
        table = pd.DataFrame({"crm": names, "analyte": analyte, "field": field, "certified": certified,
                              "unit": unit})
        return table.dropna().reset_index(drop=True)
    return None


def _first(cells: list[str], pattern: str) -> int | None:
    for i, cell in enumerate(cells):
        if cell and re.search(pattern, cell):
            return i
    return None


def _normal(text: pd.Series) -> pd.Series:
    return text.astype("string").str.casefold().str.replace(r"[\s_\-]+", "", regex=True)


@dataclass
class QaqcSummary:
    """Only measured numbers enter a mean, maximum or RPD: a censored (<DL) result is counted,
    never its substituted value (half the limit, the limit or zero is not a measurement)."""
    counts: dict[str, int]
    crm_bias: pd.DataFrame      # crm, analyte, field, n, n_below_dl, mean, sd, certified, unit, bias_pct
    blanks: pd.DataFrame        # element, n, n_below_dl, max_detected_ppm, max_dl_ppm
    duplicates: pd.DataFrame    # element, n_pairs, n_pairs_below_dl, median_rpd_pct
    unmatched_duplicates: int


def flag_column(value_column: str) -> str:
    """``co_ppm`` → ``co_flag``, ``cu_ppm_2`` → ``cu_flag_2``, ``fe2o3_pct`` → ``fe2o3_flag``."""
    return re.sub(r"_(?:ppm|pct)(_\d+)?$", r"_flag\1", value_column)


def dl_column(value_column: str) -> str:
    return re.sub(r"_(?:ppm|pct)(_\d+)?$", r"_dl\1", value_column)


def measured(frame: pd.DataFrame, column: str) -> np.ndarray:
    """Rows whose ``column`` holds a plain measured number (no censored/over-range/other flag)."""
    values = pd.to_numeric(frame[column], errors="coerce").to_numpy(dtype=float)
    flags = frame.get(flag_column(column))
    plain = np.ones(len(frame), dtype=bool) if flags is None else flags.isna().to_numpy(dtype=bool)
    return plain & np.isfinite(values)


def below_dl(frame: pd.DataFrame, column: str) -> np.ndarray:
    flags = frame.get(flag_column(column))
    return np.zeros(len(frame), dtype=bool) if flags is None else (flags == "censored").to_numpy(dtype=bool)


def summarise(qaqc: pd.DataFrame, samples: pd.DataFrame, elements: list[str],
              certified: pd.DataFrame | None) -> QaqcSummary:
    kinds = qaqc["sample_kind"] if len(qaqc) else pd.Series([], dtype=object)
    counts = {k: int((kinds == k).sum()) for k in ("crm", "blank", "duplicate")}
    value_cols = [f"{e}_ppm" for e in elements if f"{e}_ppm" in qaqc.columns]
    unmatched, duplicates = _duplicates(qaqc[kinds == "duplicate"], samples, value_cols)
    return QaqcSummary(counts, _crm_bias(qaqc[kinds == "crm"], certified), _blanks(qaqc[kinds == "blank"], value_cols),
                       duplicates, unmatched)


def _crm_bias(crm_rows: pd.DataFrame, certified: pd.DataFrame | None) -> pd.DataFrame:
    bias_rows = []
    if certified is not None and len(crm_rows):
        crm_ids = _normal(crm_rows["sample_id"])
        for crm_name, group in certified.groupby("crm", sort=True):
            key = _normal(pd.Series([crm_name])).iloc[0]
            these = crm_rows[crm_ids.str.startswith(key).fillna(False).to_numpy(dtype=bool)]
            for _, cert in group.iterrows():  # a handful of certified values, not data rows
                column = cert["field"]
                if column not in these.columns:
                    continue
                values = these.loc[measured(these, column), column].astype(float)
                mean = float(values.mean()) if len(values) else np.nan
                bias_rows.append({
                    "crm": crm_name, "analyte": cert["analyte"], "field": column, "n": len(values),
                    "n_below_dl": int(below_dl(these, column).sum()), "mean": mean,
                    "sd": float(values.std(ddof=1)) if len(values) > 1 else np.nan,
                    "certified": float(cert["certified"]), "unit": cert["unit"],
                    "bias_pct": 100.0 * (mean - cert["certified"]) / cert["certified"],
                })
    return pd.DataFrame(bias_rows, columns=["crm", "analyte", "field", "n", "n_below_dl", "mean", "sd", "certified",
                                            "unit", "bias_pct"])


def _blanks(blank_rows: pd.DataFrame, value_cols: list[str]) -> pd.DataFrame:
    rows = []
    for column in value_cols:
        plain, censored = measured(blank_rows, column), below_dl(blank_rows, column)
        values = blank_rows[column].to_numpy(dtype=float)
        limits = blank_rows[dl_column(column)].to_numpy(dtype=float) if dl_column(column) in blank_rows \
            else np.full(len(blank_rows), np.nan)
        known_limits = limits[censored & np.isfinite(limits)]
        rows.append({"element": column[:-4], "n": int((plain | censored).sum()), "n_below_dl": int(censored.sum()),
                     "max_detected_ppm": float(values[plain].max()) if plain.any() else np.nan,
                     "max_dl_ppm": float(known_limits.max()) if len(known_limits) else np.nan})
    return pd.DataFrame(rows, columns=["element", "n", "n_below_dl", "max_detected_ppm", "max_dl_ppm"])


def _duplicates(dup_rows: pd.DataFrame, samples: pd.DataFrame, value_cols: list[str]) -> tuple[int, pd.DataFrame]:
    """(duplicates without their original, per element: pairs, pairs with a <DL result, median RPD)."""
    columns = ["element", "n_pairs", "n_pairs_below_dl", "median_rpd_pct"]
    if not len(samples) or not len(dup_rows):
        return len(dup_rows), pd.DataFrame([], columns=columns)
    original_ids = dup_rows["sample_id"].astype("string").str.replace(DUPLICATE_SUFFIX, "", regex=True)
    keep = [c for c in samples.columns if c == "sample_id" or c in value_cols or c in map(flag_column, value_cols)]
    originals = samples[keep].drop_duplicates("sample_id").set_index("sample_id")
    present = original_ids.isin(originals.index).to_numpy(dtype=bool)
    pairs = dup_rows[present].reset_index(drop=True)
    partners = originals.reindex(original_ids[present]).reset_index(drop=True)
    rows = []
    for column in value_cols:
        a = pairs[column].to_numpy(dtype=float)
        b = partners[column].to_numpy(dtype=float) if column in partners else np.full(len(a), np.nan)
        both = measured(pairs, column) & (measured(partners, column) if column in partners else False)
        ok = both & ((a + b) > 0)
        censored = below_dl(pairs, column) | (below_dl(partners, column) if column in partners else False)
        rpd = 100.0 * np.abs(a[ok] - b[ok]) / ((a[ok] + b[ok]) / 2.0)
        rows.append({"element": column[:-4], "n_pairs": int(ok.sum()), "n_pairs_below_dl": int(censored.sum()),
                     "median_rpd_pct": float(np.median(rpd)) if len(rpd) else np.nan})
    return int((~present).sum()), pd.DataFrame(rows, columns=columns)
