"""The summary workbook a consultant attaches to a report (xlsx, via ``xlsx_writer``).

Sheets: ``UNFC classes`` (contained tonnes per class and G increment for each commodity),
one sheet per commodity with a row per deposit (grades, contained metal, its UNFC
quantities), ``run`` (the run metadata, structured values as JSON) and ``fields`` (the
field dictionary). Numbers are numbers at full precision with a number format that shows
sensible decimals; units are in the headers; the header rows stay in view and carry
filters. Known (G1+G2+G3) and potential (G4) quantities are totalled apart and never added
(core.export.matrix explains why). Written to a temporary file and renamed.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from ..atomic_file import atomic_path
from ..errors import TailingsInputError
from ..report_style import Translate, untranslated
from ..schema import COMMODITIES, COMMODITY_NAMES, INTERVAL_DESCRIPTION
from .frames import ExportFrames
from .provenance import RunMetadata
from .xlsx_writer import Sheet, XlsxWorkbook, text_width

CLASS_SHEET = "UNFC classes"
KNOWN_INCREMENTS = ("G1", "G2", "G3")
POTENTIAL_INCREMENTS = ("G4.1", "G4.2", "G4.3")
KNOWN_TOTAL = "known G1+G2+G3 (t)"          # = the high (P10) estimate of a known source
POTENTIAL_TOTAL = "potential G4.1+G4.2+G4.3 (t)"  # = the high estimate of a potential source
INCREMENT_COLUMNS = (*KNOWN_INCREMENTS, KNOWN_TOTAL, *POTENTIAL_INCREMENTS, POTENTIAL_TOTAL)
TOTAL_TITLES = {KNOWN_TOTAL: "known G1+G2+G3 (t)", POTENTIAL_TOTAL: "potential G4.1+G4.2+G4.3 (t)"}

# (column, header, number format)
DEPOSIT_COLUMNS: tuple[tuple[str, str, str | None], ...] = (
    ("deposit_id", "deposit_id", None), ("name", "name", None), ("municipality", "municipality", None),
    ("unfc_code", "UNFC code", None), ("unfc_class", "UNFC class", None), ("tonnage_t", "tonnage (t)", "tonnes"),
    ("{c}_ppm", "grade P50 (ppm)", "decimal1"), ("{c}_ppm_lo", "grade low P90 (ppm)", "decimal1"),
    ("{c}_ppm_hi", "grade high P10 (ppm)", "decimal1"),
    ("{c}_t", "contained P50 (t)", "decimal1"), ("{c}_t_lo", "contained low P90 (t)", "decimal1"),
    ("{c}_t_hi", "contained high P10 (t)", "decimal1"),
    ("{c}_n", "samples (n)", "integer"), ("{c}_method", "method", None),
)


def sheet_title(commodity: str) -> str:
    return f"{commodity} - {COMMODITY_NAMES[commodity]}"[:31]


def _clean(values: list) -> list:
    return [None if v is None or (isinstance(v, float) and v != v) else v for v in values]


def _with_totals(increments: pd.DataFrame) -> pd.DataFrame:
    """The six increments (missing ones empty) with the known and potential totals beside them."""
    table = increments.reindex(columns=[*KNOWN_INCREMENTS, *POTENTIAL_INCREMENTS])
    table[KNOWN_TOTAL] = table[list(KNOWN_INCREMENTS)].sum(axis=1, min_count=1)
    table[POTENTIAL_TOTAL] = table[list(POTENTIAL_INCREMENTS)].sum(axis=1, min_count=1)
    return table[list(INCREMENT_COLUMNS)]


def commodity_tables(frames: ExportFrames, commodity: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(quantities by class × G increment with known/potential totals, deposit rows) for one commodity."""
    q = frames.quantities[frames.quantities["commodity"] == commodity]
    pivot = q.pivot_table(index=["deposit_id"], columns="unfc_g", values="quantity_t", aggfunc="sum")
    code = q.groupby("deposit_id", sort=True)[["unfc_code", "unfc_class"]].first()
    d = frames.deposits
    method = d[f"{commodity}_method"].fillna("none")
    chosen = d[(method != "none").to_numpy() | d["deposit_id"].isin(code.index).to_numpy()]
    rows = pd.DataFrame({"deposit_id": chosen["deposit_id"].to_numpy()})
    for key, _title, _format in DEPOSIT_COLUMNS[1:]:
        name = key.format(c=commodity)
        if name in ("unfc_code", "unfc_class"):
            rows[name] = chosen["deposit_id"].map(code[name]).to_numpy() if len(code) else None
        else:
            rows[name] = chosen[name].to_numpy()
    increments = _with_totals(pivot.reindex(rows["deposit_id"]).reset_index(drop=True))
    rows = pd.concat([rows, increments], axis=1)
    by_class = q.pivot_table(index=["unfc_class", "unfc_e", "unfc_f"], columns="unfc_g", values="quantity_t",
                             aggfunc="sum", dropna=False)
    by_class = _with_totals(by_class).dropna(how="all")
    return by_class.reset_index(), rows


def _increment_titles(tr: Translate) -> list[str]:
    increments = KNOWN_INCREMENTS + POTENTIAL_INCREMENTS
    return [f"{g} (t)" if g in increments else tr(TOTAL_TITLES[g]) for g in INCREMENT_COLUMNS]


def _class_block(ws: Sheet, commodity: str, by_class: pd.DataFrame, tr: Translate) -> None:
    ws.append([f"{tr(COMMODITY_NAMES[commodity])} ({commodity})"], bold=True)
    ws.append([tr("UNFC class"), "E", "F", *_increment_titles(tr)], bold=True)
    formats = [None, None, None, *["decimal1"] * len(INCREMENT_COLUMNS)]
    for values in by_class[["unfc_class", "unfc_e", "unfc_f", *INCREMENT_COLUMNS]].itertuples(index=False, name=None):
        ws.append(_clean(list(values)), formats=formats)
    totals = [by_class[c].sum(min_count=1) if len(by_class) else None for c in INCREMENT_COLUMNS]
    ws.append(_clean([tr("All classes"), None, None, *totals]), bold=True, formats=formats)
    ws.append([])


def _class_sheet(wb: XlsxWorkbook, by_class: dict[str, pd.DataFrame], run: RunMetadata, tr: Translate) -> None:
    ws = wb.add_sheet(CLASS_SHEET)
    ws.append([tr("UNFC quantities (contained tonnes per G increment), run {0}").format(run.run_id)], bold=True)
    ws.append([tr("Intervals: {0}. Known (G1–G3) and potential (G4) are totalled apart: adding them would mix a "
                  "known source with a potential one.").format(tr(INTERVAL_DESCRIPTION))])
    ws.append([])
    for commodity in COMMODITIES:
        _class_block(ws, commodity, by_class[commodity], tr)
    ws.freeze(2)
    ws.set_widths([58, 8, 8, *[14] * len(INCREMENT_COLUMNS)])


def _deposit_sheet(wb: XlsxWorkbook, commodity: str, rows: pd.DataFrame, run: RunMetadata, tr: Translate) -> None:
    ws = wb.add_sheet(sheet_title(commodity))
    ws.append([tr("{0} ({1}) per deposit, run {2}. Intervals: {3}.").format(
        tr(COMMODITY_NAMES[commodity]), commodity, run.run_id, tr(INTERVAL_DESCRIPTION))])
    titles = [tr(title) for _key, title, _f in DEPOSIT_COLUMNS] + _increment_titles(tr)
    ws.append(titles, bold=True)
    formats = {key.format(c=commodity): fmt for key, _t, fmt in DEPOSIT_COLUMNS if fmt}
    formats.update({g: "decimal1" for g in INCREMENT_COLUMNS})
    ws.append_frame(rows, formats=formats)  # vectorised per column; NULLs become empty cells
    ws.freeze(2, 1)  # title and header rows, and the deposit id
    ws.autofilter(2, len(titles))
    ws.set_widths([text_width(rows[c], t) for c, t in zip(rows.columns, titles)])


def _json_cell(value: object) -> object:
    """Numbers and text as they are; lists and mappings as JSON (not Python reprs)."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _run_sheet(wb: XlsxWorkbook, run: RunMetadata, destination_label: str) -> None:
    ws = wb.add_sheet("run")
    ws.append(["key", "value"], bold=True)
    document = run.as_document()
    document["destination"] = destination_label
    for key, value in document.items():
        ws.append([key, _json_cell(value)])
    ws.freeze(1)
    ws.set_widths([24, 100])


def _fields_sheet(wb: XlsxWorkbook, dictionary: pd.DataFrame) -> None:
    ws = wb.add_sheet("fields")
    ws.append(list(dictionary.columns), bold=True)
    ws.append_frame(dictionary)
    ws.freeze(1, 1)
    ws.autofilter(1, dictionary.shape[1])
    ws.set_widths([text_width(dictionary[c], str(c)) for c in dictionary.columns])


def write_workbook(path: str | Path, frames: ExportFrames, run: RunMetadata, dictionary: pd.DataFrame,
                   destination_label: str, tr: Translate = untranslated,
                   progress: Callable[[float], None] | None = None) -> Path:
    """The workbook, its titles and headers in the language of ``tr`` (sheet names and keys stay as they are);
    ``progress`` gets the share done (0–1) after each sheet of deposits and before the file is written."""
    progress = progress or (lambda _f: None)
    path = Path(path)
    if not path.parent.is_dir():
        raise TailingsInputError("The report folder does not exist", file=str(path.parent))
    wb = XlsxWorkbook()
    tables = {commodity: commodity_tables(frames, commodity) for commodity in COMMODITIES}  # once for both sheets
    _class_sheet(wb, {commodity: table[0] for commodity, table in tables.items()}, run, tr)
    progress(0.15)
    for number, commodity in enumerate(COMMODITIES, start=1):
        _deposit_sheet(wb, commodity, tables[commodity][1], run, tr)
        progress(0.15 + 0.65 * number / len(COMMODITIES))  # the file itself is the last 20 % (zip at level 1)
    _run_sheet(wb, run, destination_label)
    _fields_sheet(wb, dictionary)
    try:
        with atomic_path(path) as temp:
            wb.save(temp)
    except OSError as err:
        raise TailingsInputError("Writing the summary workbook failed: {0}", err.strerror or err,
                                 file=str(path)) from None
    return path
