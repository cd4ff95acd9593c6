"""The input parameters a pipeline run and its pre-flight (checkinputs) share, so both read the
same things the same way: deposit layers, assay files, the two field maps and the assay CRS."""
from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingParameterCrs,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterString,
)

from ..core.assays.extensions import check_assay_file_name
from ..core.assays.limits import ReadLimits
from ..core.errors import TailingsInputError
from ..core.pipeline import PipelineSettings
from ..core.schema import DEFAULT_CRS
from .base import split_semicolon_list
from .read_limits import add_limit_parameters, limit_values


def add_run_inputs(alg: QgsProcessingAlgorithm) -> None:
    """DEPOSITS, ASSAYS, PROXY_ASSAYS, DEPOSIT_FIELD_MAP, ASSAY_FIELD_MAP, ASSAY_CRS (DESIGN.md contract)."""
    alg.addParameter(QgsProcessingParameterMultipleLayers(
        "DEPOSITS", alg.tr("Deposit / tailings layer(s)"), QgsProcessing.TypeVectorAnyGeometry))
    alg.addParameter(QgsProcessingParameterMultipleLayers(
        "ASSAYS", alg.tr("Lab assay file(s): spreadsheets or text tables"), QgsProcessing.TypeFile, optional=True))
    alg.addParameter(QgsProcessingParameterMultipleLayers(
        "PROXY_ASSAYS", alg.tr("Field / pXRF assay file(s): proxies only, their Co and REE are predicted"),
        QgsProcessing.TypeFile, optional=True))
    alg.addParameter(QgsProcessingParameterString(
        "DEPOSIT_FIELD_MAP", alg.tr("Deposit field map (as importdeposits' FIELD_MAP)"), optional=True))
    alg.addParameter(QgsProcessingParameterString(
        "ASSAY_FIELD_MAP", alg.tr("Assay column map (as importassays' FIELD_MAP)"), optional=True))
    alg.addParameter(QgsProcessingParameterCrs(
        "ASSAY_CRS", alg.tr("CRS of the assay coordinates (default: from the file, else guessed)"),
        optional=True))
    add_limit_parameters(alg)  # the same advanced limits as importassays, for every assay file


def _assay_crs(alg: QgsProcessingAlgorithm, parameters: dict[str, Any], context: QgsProcessingContext) -> str | None:
    if not parameters.get("ASSAY_CRS"):
        return None
    crs = alg.parameterAsCrs(parameters, "ASSAY_CRS", context)
    if not crs.isValid():
        raise TailingsInputError("ASSAY_CRS is not a valid CRS", column="ASSAY_CRS",
                                 value=str(parameters.get("ASSAY_CRS")))
    return crs.authid() or crs.toWkt()


def run_settings(alg: QgsProcessingAlgorithm, parameters: dict[str, Any], context: QgsProcessingContext,
                 **more: Any) -> PipelineSettings:
    """PipelineSettings from the shared inputs and TARGET_CRS; ``more`` sets the other fields."""
    crs = alg.parameterAsCrs(parameters, "TARGET_CRS", context)
    assay_files, proxy_files = (split_semicolon_list(parameters.get(name)) for name in ("ASSAYS", "PROXY_ASSAYS"))
    for path in (*assay_files, *proxy_files):
        check_assay_file_name(path)  # the same extensions as importassays, in any case
    return PipelineSettings(
        assay_files=assay_files, proxy_files=proxy_files, crs=crs.authid() or DEFAULT_CRS,
        assay_field_map=alg.parameterAsString(parameters, "ASSAY_FIELD_MAP", context) or None,
        assay_crs=_assay_crs(alg, parameters, context),
        read_limits=ReadLimits(**limit_values(alg, parameters, context)), **more)


def deposit_field_map(alg: QgsProcessingAlgorithm, parameters: dict[str, Any],
                      context: QgsProcessingContext) -> str | None:
    return alg.parameterAsString(parameters, "DEPOSIT_FIELD_MAP", context) or None
