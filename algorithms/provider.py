"""The ``tailingsunfc`` Processing provider."""
from __future__ import annotations

import importlib

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from .base import PLUGIN_DIR

# (module, class): one algorithm per module, in toolbox order.
ALGORITHMS: tuple[tuple[str, str], ...] = (
    ("import_deposits", "ImportDepositsAlgorithm"),
    ("import_assays", "ImportAssaysAlgorithm"),
    ("train_model", "TrainModelAlgorithm"),
    ("estimate", "EstimateAlgorithm"),
    ("classify", "ClassifyAlgorithm"),
    ("export", "ExportAlgorithm"),
    ("check_inputs", "CheckInputsAlgorithm"),
    ("pipeline", "PipelineAlgorithm"),
    ("factsheets", "FactsheetsAlgorithm"),
)


def _algorithm_classes() -> list[type]:
    # Imported lazily so that a missing dependency surfaces in the plugin's check, not at import.
    classes: list[type] = []
    for module_name, class_name in ALGORITHMS:
        module = importlib.import_module(f"{__package__}.{module_name}")
        classes.append(getattr(module, class_name))
    return classes


class TailingsUnfcProvider(QgsProcessingProvider):
    def id(self) -> str:
        return "tailingsunfc"

    def name(self) -> str:
        return QCoreApplication.translate("TailingsUnfc", "Tailings UNFC")

    def longName(self) -> str:
        from ..core.version import plugin_version

        return f"{self.name()} {plugin_version()}"

    def icon(self) -> QIcon:
        return QIcon(str(PLUGIN_DIR / "resources" / "icon.svg"))

    def loadAlgorithms(self) -> None:
        for cls in _algorithm_classes():
            self.addAlgorithm(cls())
