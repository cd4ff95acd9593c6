"""The plugin's one translation function for the Qt side (core/ stays free of Qt).

Every message lives in the ``TailingsUnfc`` context of i18n/tailings_unfc_nb.ts;
scripts/update_translations.py extracts the literal arguments of ``tr(...)`` calls.
"""
from __future__ import annotations

from qgis.PyQt.QtCore import QCoreApplication

from .core.errors import TailingsInputError
from .core.message import translated

CONTEXT = "TailingsUnfc"


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def shown(text: object) -> str:
    """A core Message (log line, note, warning) in the user's language; other text as it is."""
    return translated(text, tr)


def error_text(err: TailingsInputError) -> str:
    """An input error in the user's language: its template translated, then filled in, with the place."""
    labels = {"file": tr("file"), "sheet": tr("sheet"), "row": tr("row"), "column": tr("column"),
              "value": tr("value")}
    return err.translated(tr, labels)
