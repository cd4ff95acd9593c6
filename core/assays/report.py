"""The QA/QC report of an import: counts, CRM bias, blanks and duplicates (CSV or HTML).

Written atomically (temporary file in the same folder, then ``os.replace``).
"""
from __future__ import annotations

import html
from pathlib import Path

import pandas as pd

from ..atomic_file import write_text
from .importer import AssayImport


def report_tables(result: AssayImport) -> dict[str, pd.DataFrame]:
    summary = result.qaqc_summary
    unlinked = int(result.samples["deposit_id"].isna().sum())
    sha = result.samples["src_hash"].iloc[0] if len(result.samples) else ""
    rows = [
        ("file", result.file), ("sheet", result.sheet), ("sha256", sha), ("rows read", result.rows_read),
        ("samples", len(result.samples)), ("QA/QC rows", len(result.qaqc)), ("rejected rows", len(result.rejects)),
        ("blank rows ignored", result.blank_rows), ("cell problems", len(result.cell_issues)),
        ("samples not linked to a deposit", unlinked), ("CRM rows", summary.counts["crm"]),
        ("blank rows", summary.counts["blank"]), ("duplicate rows", summary.counts["duplicate"]),
        ("duplicates without their original", summary.unmatched_duplicates),
        ("elements", ", ".join(result.elements)), ("tree_ppm from", ", ".join(result.tree_elements)),
    ]
    accounting = pd.DataFrame(rows, columns=["item", "value"])
    return {"summary": accounting, "crm_bias": summary.crm_bias, "blanks": summary.blanks,
            "duplicates": summary.duplicates}


def write_qaqc_report(result: AssayImport, path: str | Path) -> Path:
    """CSV (one table, a ``section`` column) when the name ends in .csv, else HTML."""
    path = Path(path)
    tables = report_tables(result)
    if path.suffix.lower() == ".csv":
        long = pd.concat([t.astype(object).assign(section=name) for name, t in tables.items()], ignore_index=True)
        text = long[["section", *[c for c in long.columns if c != "section"]]].to_csv(index=False)
    else:
        parts = [f"<h1>QA/QC report: {html.escape(result.file)} — sheet {html.escape(result.sheet)}</h1>"]
        titles = {"summary": "Accounting", "crm_bias": "CRM bias against certified values (%)",
                  "blanks": "Blanks (ppm)", "duplicates": "Duplicate pairs: median relative percent difference"}
        for name, table in tables.items():
            parts.append(f"<h2>{titles[name]}</h2>")
            parts.append(table.to_html(index=False, na_rep="", float_format=lambda v: f"{v:.4g}")
                         if len(table) else "<p>none</p>")
        parts.append("<h2>Notes</h2><ul>" + "".join(f"<li>{html.escape(n)}</li>" for n in result.notes) + "</ul>")
        text = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>QA/QC report</title></head><body>"
                + "\n".join(parts) + "</body></html>")
    return write_text(path, text, newline="")  # mode from the umask (0644), not mkstemp's 0600
