"""The QA/QC report of an import: counts, CRM bias, blanks, duplicates and the QA/QC results
as reported (CSV or HTML, in the model report's style).

A censored result appears as the lab wrote it (``<5``), never as the number substituted for
it. Written atomically (temporary file in the same folder, then ``os.replace``).
"""
from __future__ import annotations

import html
import re
from pathlib import Path

import numpy as np
import pandas as pd

from ..atomic_file import write_text
from ..message import translated
from ..report_style import Translate, compact, fixed, limit_text, none_paragraph, page, significant, table, untranslated
from .chemistry import ELEMENT_BY_LOWER, parse_oxide
from .importer import AssayImport
from .qaqc import dl_column, flag_column

MAX_HTML_ROWS = 1000  # the CSV lists every QA/QC row; the HTML page stays readable
_VALUE_COLUMN = re.compile(r"^[a-z0-9]+_(?:ppm|pct)$")


def analyte_label(value_column: str) -> str:
    """``co_ppm`` → ``Co (ppm)``, ``fe2o3_pct`` → ``Fe2O3 (%)``."""
    base, unit = value_column.rsplit("_", 1)
    oxide = parse_oxide(base) if unit == "pct" else None
    name = oxide.formula if oxide else ELEMENT_BY_LOWER.get(base, base)
    return f"{name} ({'%' if unit == 'pct' else 'ppm'})"


def as_reported(frame: pd.DataFrame, column: str) -> pd.Series:
    """The results of ``column`` as the lab reported them: ``<5`` for a censored value, ``>10000``
    over range, empty when there is no usable value; measured numbers as numbers."""
    values = frame[column].to_numpy(dtype=float)
    flags = frame[flag_column(column)] if flag_column(column) in frame else pd.Series(None, index=frame.index)
    limits = frame[dl_column(column)].to_numpy(dtype=float) if dl_column(column) in frame \
        else np.full(len(frame), np.nan)
    out = []
    for value, flag, limit in zip(values, flags.to_numpy(dtype=object), limits):
        if flag == "censored":
            out.append(limit_text(limit))
        elif flag == "over_range":
            out.append(limit_text(value, ">"))
        elif isinstance(flag, str) or not np.isfinite(value):
            out.append("")
        else:
            out.append(compact(value))
    return pd.Series(out, index=frame.index, dtype=object)


def _accounting(result: AssayImport, tr: Translate) -> pd.DataFrame:
    summary = result.qaqc_summary
    unlinked = int(result.samples["deposit_id"].isna().sum())
    sha = result.samples["src_hash"].iloc[0] if len(result.samples) else result.file_hash
    rows = [
        (tr("file"), result.file), (tr("sheet"), result.sheet), ("sha256", sha), (tr("rows read"), result.rows_read),
        (tr("samples"), len(result.samples)), (tr("QA/QC rows"), len(result.qaqc)),
        (tr("rejected rows"), len(result.rejects)), (tr("blank rows ignored"), result.blank_rows),
        (tr("cell problems"), len(result.cell_issues)), (tr("samples not linked to a deposit"), unlinked),
        (tr("CRM rows"), summary.counts["crm"]), (tr("blank rows"), summary.counts["blank"]),
        (tr("duplicate rows"), summary.counts["duplicate"]),
        (tr("duplicates without their original"), summary.unmatched_duplicates),
        (tr("elements"), ", ".join(result.elements)), (tr("tree_ppm from"), ", ".join(result.tree_elements)),
    ]
    return pd.DataFrame(rows, columns=["item", "value"], dtype=object)


def _blanks(result: AssayImport) -> pd.DataFrame:
    blanks = result.qaqc_summary.blanks
    highest = [compact(d) if np.isfinite(d) else (limit_text(dl) if n_dl else "")
               for d, dl, n_dl in zip(blanks["max_detected_ppm"], blanks["max_dl_ppm"], blanks["n_below_dl"])]
    return pd.DataFrame({"element": [analyte_label(f"{e}_ppm") for e in blanks["element"]], "n": blanks["n"],
                         "n_below_dl": blanks["n_below_dl"], "n_detected": blanks["n"] - blanks["n_below_dl"],
                         "highest_result": pd.Series(highest, dtype=object)})


def _qaqc_rows(result: AssayImport) -> pd.DataFrame:
    qaqc = result.qaqc
    # tree_ppm is a sum the importer made, not a result the lab reported.
    columns = [c for c in qaqc.columns if _VALUE_COLUMN.match(c) and c != "tree_ppm"]
    listing = pd.DataFrame({"sample_id": qaqc.get("sample_id"), "sample_kind": qaqc.get("sample_kind"),
                            "src_row": qaqc.get("src_row")})
    for column in columns:
        listing[column] = as_reported(qaqc, column)
    return listing.sort_values(["sample_kind", "src_row"], kind="stable").reset_index(drop=True)


def report_tables(result: AssayImport, tr: Translate = untranslated) -> dict[str, pd.DataFrame]:
    summary = result.qaqc_summary
    crm = summary.crm_bias.drop(columns="field")
    duplicates = summary.duplicates.assign(element=[analyte_label(f"{e}_ppm") for e in summary.duplicates["element"]])
    return {"summary": _accounting(result, tr), "crm_bias": crm, "blanks": _blanks(result),
            "duplicates": duplicates, "qaqc_rows": _qaqc_rows(result)}


def _headers(tr: Translate) -> dict[str, str]:
    return {"item": tr("item"), "value": tr("value"), "crm": tr("CRM"), "analyte": tr("analyte"), "n": tr("n"),
            "n_below_dl": tr("n < DL"), "mean": tr("mean (measured)"), "sd": tr("SD"),
            "certified": tr("certified"), "unit": tr("unit"), "bias_pct": tr("bias (%)"),
            "element": tr("element"), "n_detected": tr("n detected"), "highest_result": tr("highest result"),
            "n_pairs": tr("pairs compared"), "n_pairs_below_dl": tr("pairs with a <DL result (not compared)"),
            "median_rpd_pct": tr("median RPD (%)"), "sample_id": tr("sample id"), "sample_kind": tr("kind"),
            "src_row": tr("row")}


def _section_html(name: str, frame: pd.DataFrame, tr: Translate) -> str:
    if not len(frame):
        return none_paragraph(tr)
    headers = {**_headers(tr), **{c: analyte_label(c) for c in frame.columns if _VALUE_COLUMN.match(c)}}
    if name in ("crm_bias", "duplicates"):
        percent = {"crm_bias": "bias_pct", "duplicates": "median_rpd_pct"}[name]
        rows = [{**row, percent: fixed(1)(row[percent])} for row in frame.to_dict("records")]
        if name == "crm_bias":  # the certified value as given, not padded to 3 figures
            rows = [{**row, "certified": compact(row["certified"])} for row in rows]
    else:
        rows = frame.head(MAX_HTML_ROWS).to_dict("records")
    text = table(rows, list(frame.columns), headers, number=significant, wide=name == "qaqc_rows")
    if len(frame) > MAX_HTML_ROWS:
        shown = html.escape(tr("Only the first rows are shown; the CSV report lists all."))
        text += f"<p>{shown} ({MAX_HTML_ROWS:,} / {len(frame):,})</p>"
    return text


def _titles(tr: Translate) -> dict[str, tuple[str, str]]:
    """Section → (heading, explanation); literal tr() calls, so the i18n extractor finds them."""
    return {
        "summary": (tr("Accounting"), ""),
        "crm_bias": (tr("CRM bias against certified values"), tr(
            "Bias = 100 × (mean − certified) / certified. The mean is of measured results only; results below "
            "the detection limit are counted in n < DL, not averaged.")),
        "blanks": (tr("Blanks (ppm)"), tr(
            "Results below the detection limit are shown as the lab reported them (<DL), never as a substituted "
            "value. The highest result is the highest measured value, else the highest detection limit.")),
        "duplicates": (tr("Duplicate pairs: median relative percent difference"), tr(
            "RPD = 100 × |a − b| / ((a + b) / 2) over pairs where both results are measured; a pair with a "
            "result below the detection limit is counted but not compared.")),
        "qaqc_rows": (tr("QA/QC results as reported (ppm, oxides in %)"), ""),
    }


def render_html(result: AssayImport, tr: Translate = untranslated) -> str:
    title = f"{tr('QA/QC report')}: {result.file} — {tr('sheet')} {result.sheet}"
    parts = [f"<h1>{html.escape(title)}</h1>"]
    titles = _titles(tr)
    for name, frame in report_tables(result, tr).items():
        heading, explanation = titles[name]
        parts.append(f"<h2>{html.escape(heading)}</h2>")
        if explanation:
            parts.append(f"<p>{html.escape(explanation)}</p>")
        parts.append(_section_html(name, frame, tr))
    notes = "".join(f"<li>{html.escape(translated(n, tr))}</li>" for n in result.notes) \
        or f"<li>{html.escape(tr('none'))}</li>"
    parts.append(f"<h2>{html.escape(tr('Notes'))}</h2><ul>{notes}</ul>")
    return page(title, "\n".join(parts))


def write_qaqc_report(result: AssayImport, path: str | Path, tr: Translate = untranslated) -> Path:
    """CSV (one table, a ``section`` column) when the name ends in .csv, else HTML."""
    path = Path(path)
    if path.suffix.lower() == ".csv":
        tables = report_tables(result, tr)
        long = pd.concat([t.astype(object).assign(section=name) for name, t in tables.items()], ignore_index=True)
        text = long[["section", *[c for c in long.columns if c != "section"]]].to_csv(index=False, float_format="%.6g")
    else:
        text = render_html(result, tr)
    return write_text(path, text, newline="")  # mode from the umask (0644), not mkstemp's 0600
