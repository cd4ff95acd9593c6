"""Norwegian Bokmål translation: every user-facing menu and algorithm name is translated."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from qgis.PyQt.QtCore import QCoreApplication, QTranslator

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "i18n" / "tailings_unfc_nb.ts"
QM = ROOT / "i18n" / "tailings_unfc_nb.qm"


def _translations() -> dict[str, str]:
    out = {}
    for message in ET.parse(TS).getroot().iter("message"):
        translation = message.find("translation")
        if translation is not None and translation.get("type") != "unfinished" and translation.text:
            out[message.findtext("source")] = translation.text
    return out


def test_menu_labels_and_algorithm_names_are_translated(tailings_provider):
    from tailings_unfc.plugin import MENU_ALGORITHMS

    wanted = {label for _id, label in MENU_ALGORITHMS} | {"Tailings UNFC"}
    wanted |= {alg.DISPLAY_NAME for alg in tailings_provider.algorithms()}
    wanted |= {alg.GROUP for alg in tailings_provider.algorithms()}
    missing = sorted(wanted - set(_translations()))
    assert missing == []


def test_compiled_catalogue_translates(qgis_app):
    translator = QTranslator()
    assert translator.load(str(QM)), "run scripts/build_translations.sh"
    QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate("TailingsUnfc", "Classify under UNFC…") == "Klassifiser etter UNFC…"
        assert QCoreApplication.translate("TailingsUnfc", "no such text") == "no such text"
    finally:
        QCoreApplication.removeTranslator(translator)
