"""The plugin's one translation function for the Qt side (core/ stays free of Qt).

Every message lives in the ``TailingsUnfc`` context of i18n/tailings_unfc_nb.ts;
scripts/update_translations.py extracts the literal arguments of ``tr(...)`` calls.
"""
from __future__ import annotations

from qgis.PyQt.QtCore import QCoreApplication

CONTEXT = "TailingsUnfc"


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)
