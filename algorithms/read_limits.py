"""The assay-reading resource limits as Processing parameters, declared once for importassays,
the pipeline and checkinputs (core.assays.limits holds the defaults and the refusals)."""
from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterNumber,
)

from ..core.assays.limits import ReadLimits

# (parameter, label, type, ReadLimits field); advanced, so the dialogs stay simple.
LIMITS = (
    ("MAX_ROWS", "Maximum rows read from the sheet", QgsProcessingParameterNumber.Integer, "max_rows"),
    ("MAX_SHEET_MB", "Maximum uncompressed size of a workbook part, MB", QgsProcessingParameterNumber.Double,
     "max_sheet_mb"),
    ("MAX_COMPRESSION_RATIO", "Maximum compression ratio of a workbook part",
     QgsProcessingParameterNumber.Double, "max_compression_ratio"),
    ("TIME_BUDGET_S", "Time budget for reading the rows, s", QgsProcessingParameterNumber.Double,
     "time_budget_s"),
)


def add_limit_parameters(alg: QgsProcessingAlgorithm) -> None:
    defaults = ReadLimits()
    for name, label, kind, attribute in LIMITS:
        parameter = QgsProcessingParameterNumber(name, alg.tr(label), kind, getattr(defaults, attribute), minValue=0)
        parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        alg.addParameter(parameter)


def limit_values(alg: QgsProcessingAlgorithm, parameters: dict[str, Any],
                 context: QgsProcessingContext) -> dict[str, float]:
    """ReadLimits field -> value, for ImportOptions(**...) or ReadLimits(**...)."""
    out = {}
    for name, _, kind, attribute in LIMITS:
        read = alg.parameterAsInt if kind == QgsProcessingParameterNumber.Integer else alg.parameterAsDouble
        out[attribute] = read(parameters, name, context)
    return out
