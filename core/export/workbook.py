"""The summary workbook a consultant attaches to a report (xlsx, via ``xlsx_writer``).

One sheet per commodity: quantities by UNFC class and G increment with totals, then one row
per deposit with grades, contained metal and its UNFC quantities; a ``run`` sheet with the
run metadata and a ``fields`` sheet with the field dictionary. Numbers are written as
numbers, units are in the headers. Written to a temporary file and renamed.
"""
from __future__ import annotations

import contextlib
import os
import uuid
from pathlib import Path

import pandas as pd

from ..errors import TailingsInputError
from ..schema import COMMODITIES, COMMODITY_NAMES, INTERVAL_DESCRIPTION
from .frames import G_INCREMENTS, ExportFrames
from .provenance import RunMetadata
from .xlsx_writer import XlsxWorkbook

DEPOSIT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("deposit_id", "deposit_id"), ("name", "name"), ("municipality", "municipality"),
    ("unfc_code", "UNFC code"), ("unfc_class", "UNFC class"), ("tonnage_t", "tonnage (t)"),
    ("{c}_ppm", "grade P50 (ppm)"), ("{c}_ppm_lo", "grade low P90 (ppm)"), ("{c}_ppm_hi", "grade high P10 (ppm)"),
    ("{c}_t", "contained P50 (t)"), ("{c}_t_lo", "contained low P90 (t)"), ("{c}_t_hi", "contained high P10 (t)"),
    ("{c}_n", "samples (n)"), ("{c}_method", "method"),
)


def sheet_title(commodity: str) -> str:
    return f"{commodity} - {COMMODITY_NAMES[commodity]}"[:31]


def _header(ws, titles: list[str]) -> None:
    ws.append(titles, bold=True)


def _clean(values: list) -> list:
    return [None if v is None or (isinstance(v, float) and v != v) else v for v in values]


def commodity_tables(frames: ExportFrames, commodity: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(quantities by class × G increment with totals, deposit rows) for one commodity."""
    q = frames.quantities[frames.quantities["commodity"] == commodity]
    pivot = q.pivot_table(index=["deposit_id"], columns="unfc_g", values="quantity_t", aggfunc="sum")
    pivot = pivot.reindex(columns=[g for g in G_INCREMENTS if g in pivot.columns])
    code = q.groupby("deposit_id", sort=True)[["unfc_code", "unfc_class"]].first()
    d = frames.deposits
    method = d[f"{commodity}_method"].fillna("none")
    chosen = d[(method != "none").to_numpy() | d["deposit_id"].isin(code.index).to_numpy()]
    rows = pd.DataFrame({"deposit_id": chosen["deposit_id"].to_numpy()})
    for key, _title in DEPOSIT_COLUMNS[1:]:
        name = key.format(c=commodity)
        if name in ("unfc_code", "unfc_class"):
            rows[name] = chosen["deposit_id"].map(code[name]).to_numpy() if len(code) else None
        else:
            rows[name] = chosen[name].to_numpy()
    increments = pivot.reindex(rows["deposit_id"]).reset_index(drop=True)
    rows = pd.concat([rows, increments], axis=1)
    rows["total (t)"] = increments.sum(axis=1, min_count=1).to_numpy() if len(increments.columns) else None
    by_class = q.pivot_table(index=["unfc_class", "unfc_e", "unfc_f"], columns="unfc_g", values="quantity_t",
                             aggfunc="sum", dropna=False)
    by_class = by_class.reindex(columns=[g for g in G_INCREMENTS if g in by_class.columns]).dropna(how="all")
    by_class["total (t)"] = by_class.sum(axis=1, min_count=1)
    return by_class.reset_index(), rows


def write_workbook(path: str | Path, frames: ExportFrames, run: RunMetadata, dictionary: pd.DataFrame,
                   destination_label: str) -> Path:
    path = Path(path)
    if not path.parent.is_dir():
        raise TailingsInputError("The report folder does not exist", file=str(path.parent))
    wb = XlsxWorkbook()
    for commodity in COMMODITIES:
        ws = wb.add_sheet(sheet_title(commodity))
        by_class, rows = commodity_tables(frames, commodity)
        ws.append([f"{COMMODITY_NAMES[commodity]} ({commodity}): UNFC quantities, run {run.run_id}"])
        ws.append([f"Intervals: {INTERVAL_DESCRIPTION}. Quantities are contained tonnes per UNFC G increment."])
        ws.append([])
        increments = [c for c in by_class.columns if c in G_INCREMENTS]
        _header(ws, ["UNFC class", "E", "F", *[f"{g} (t)" for g in increments], "total (t)"])
        for values in by_class[["unfc_class", "unfc_e", "unfc_f", *increments, "total (t)"]].itertuples(
                index=False, name=None):
            ws.append(_clean(list(values)))
        totals = [by_class[g].sum(min_count=1) for g in increments]
        total_all = by_class["total (t)"].sum(min_count=1) if len(by_class) else None
        ws.append(_clean(["Total", None, None, *totals, total_all]))
        ws.append([])
        row_increments = [c for c in rows.columns if c in G_INCREMENTS]
        titles = [title for _key, title in DEPOSIT_COLUMNS] + [f"{g} (t)" for g in row_increments] + ["total (t)"]
        _header(ws, titles)
        ws.append_frame(rows)  # vectorised per column; NULLs become empty cells
        numeric = ["tonnage_t", f"{commodity}_t", f"{commodity}_t_lo", f"{commodity}_t_hi", *row_increments,
                   "total (t)"]
        sums = {c: (rows[c].sum(min_count=1) if c in rows.columns and len(rows) else None) for c in numeric}
        keys = [key.format(c=commodity) for key, _t in DEPOSIT_COLUMNS] + row_increments + ["total (t)"]
        ws.append(_clean([f"Total ({len(rows)} deposits)" if k == "deposit_id" else sums.get(k) for k in keys]))
    ws = wb.add_sheet("run")
    _header(ws, ["key", "value"])
    document = run.as_document()
    document["destination"] = destination_label
    for key, value in document.items():
        ws.append([key, value if isinstance(value, int | float | str) or value is None else str(value)])
    ws = wb.add_sheet("fields")
    _header(ws, list(dictionary.columns))
    ws.append_frame(dictionary)
    temp = path.parent / f".{path.stem}.{os.getpid()}-{uuid.uuid4().hex[:8]}.partial.xlsx"
    try:
        wb.save(temp)
        os.replace(temp, path)
    except OSError as err:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise TailingsInputError(f"Writing the summary workbook failed: {err.strerror or err}",
                                 file=str(path)) from None
    return path
