"""The file name extensions an assay file may have, in any case (``.CSV``, ``.Xlsx``).

One list for importassays, the pipeline and checkinputs: their file dialogs' filters and
their checks of the files given. The reader itself goes by the file's bytes (sources.py);
the name is checked so that a wrong file (a layer, a PDF) is refused with a clear message
before anything is read.
"""
from __future__ import annotations

from pathlib import Path

from ..errors import TailingsInputError
from ..message import Message

SPREADSHEET_EXTENSIONS = (".xlsx", ".xlsm", ".xls", ".ods")
TEXT_EXTENSIONS = (".csv", ".tsv", ".txt")
ASSAY_EXTENSIONS = (*SPREADSHEET_EXTENSIONS, *TEXT_EXTENSIONS)
TAB_SEPARATED_EXTENSIONS = (".tsv",)  # the name says tab: no separator is guessed


def is_assay_file_name(path: str | Path) -> bool:
    return Path(path).suffix.lower() in ASSAY_EXTENSIONS


def check_assay_file_name(path: str | Path) -> None:
    """Raise TailingsInputError naming the file unless its extension is an accepted one (any case)."""
    name = Path(path).name
    if not is_assay_file_name(path):
        suffix = Path(path).suffix or Message("no extension")
        raise TailingsInputError("Not an assay file type ({0}): an assay file must end in {1} (in any case)", suffix,
                                 ", ".join(ASSAY_EXTENSIONS), file=name)


def filter_patterns() -> str:
    """``*.xlsx *.XLSX ...`` for a file dialog (Qt's filters are case-sensitive on Linux)."""
    return " ".join(f"*{e} *{e.upper()}" for e in ASSAY_EXTENSIONS)


def is_tab_separated_name(path: str | Path) -> bool:
    return Path(path).suffix.lower() in TAB_SEPARATED_EXTENSIONS
