"""Assay spreadsheet import (xlsx/xlsm/ods/xls/csv/txt) into canonical samples.

Public API: ``import_assays(path, ImportOptions(...)) -> AssayImport`` and
``list_sheets(path)``; ``write_qaqc_report`` writes the QA/QC summary (CSV or HTML).
"""
from .importer import AssayImport, ImportOptions, import_assays, list_sheets
from .linkage import LinkageDiagnosis
from .report import write_qaqc_report
from .values import SUBSTITUTIONS

__all__ = ["SUBSTITUTIONS", "AssayImport", "ImportOptions", "LinkageDiagnosis", "import_assays", "list_sheets",
           "write_qaqc_report"]
