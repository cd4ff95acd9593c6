"""``tailingsunfc:factsheets``: one PDF/PNG factsheet per classified deposit, from a print-layout atlas."""
from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExpression,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterVectorLayer,
)

from ..core.errors import TailingsInputError
from .base import TailingsAlgorithm
from .factsheet_export import DEFAULT_DPI, export_factsheets

FORMAT_OPTIONS = ("PDF and PNG", "PDF", "PNG")
FORMAT_VALUES = (("pdf", "png"), ("pdf",), ("png",))


class FactsheetsAlgorithm(TailingsAlgorithm):
    ALG_ID = "factsheets"
    DISPLAY_NAME = "Deposit factsheets (PDF/PNG)"
    HELP = (
        "Writes one factsheet per deposit, as NGU publishes them: a map of the deposit among its "
        "neighbours in the UNFC class style, with legend, scale bar and north arrow; the grades of co, cu, "
        "zn and tree with their 80 % intervals (P90 - P10), contained metal, samples, method and estimator; "
        "the UNFC code, class, sub-class and rationale; the EU Critical Raw Materials Act Art. 27 figures "
        "(location, extent, volume, tonnage, concentrations and quantities, the method of estimation and "
        "the date of the assessment) and the provenance (rules version, plugin version, time of "
        "classification, source layer and run).\n\n"
        "INPUT: the classified deposits (the deposits layer of the pipeline's GeoPackage, or the OUTPUT of "
        "Classify). OUTPUT: a folder; files are named by the deposit_id (characters that are unsafe in a "
        "file name are replaced by _). FILTER: an expression that selects the deposits (empty = all). "
        "COMBINED_PDF: also one PDF with every factsheet (factsheets_all.pdf).\n\n"
        "The pages come from a QGIS print layout with an atlas over the deposits. Files are written to a "
        "temporary folder first and moved into place at the end: a cancelled or failed run leaves the "
        "output folder as it was."
    )

    INPUT = "INPUT"
    FORMAT = "FORMAT"
    FILTER = "FILTER"
    DPI = "DPI"
    COMBINED_PDF = "COMBINED_PDF"
    OUTPUT = "OUTPUT"

    def flags(self):
        # Layouts are Qt graphics scenes, which live in the main thread (QGIS's own atlas
        # export algorithms declare the same).
        return super().flags() | QgsProcessingAlgorithm.FlagNoThreading

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.INPUT, self.tr("Classified deposits (pipeline GeoPackage's deposits, or Classify's output)"),
            [QgsProcessing.TypeVectorPolygon, QgsProcessing.TypeVectorPoint]))
        self.addParameter(QgsProcessingParameterEnum(
            self.FORMAT, self.tr("Files per deposit"), options=[self.tr(o) for o in FORMAT_OPTIONS], defaultValue=0))
        self.addParameter(QgsProcessingParameterExpression(
            self.FILTER, self.tr("Only the deposits where (expression; empty = all)"),
            parentLayerParameterName=self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.DPI, self.tr("Resolution of the PNG files (dpi)"), QgsProcessingParameterNumber.Integer,
            defaultValue=DEFAULT_DPI, minValue=72, maxValue=600))
        self.addParameter(QgsProcessingParameterBoolean(
            self.COMBINED_PDF, self.tr("Also one combined PDF of all factsheets"), defaultValue=False))
        self.addParameter(QgsProcessingParameterFolderDestination(self.OUTPUT, self.tr("Output folder")))
        self.addOutput(QgsProcessingOutputNumber("N_FACTSHEETS", self.tr("Deposits with a factsheet")))
        self.addOutput(QgsProcessingOutputString("FILES", self.tr("Files written (one per line)")))

    def execute(self, parameters: dict[str, Any], context: QgsProcessingContext,
                feedback: QgsProcessingFeedback) -> dict[str, Any]:
        layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        if layer is None:
            raise TailingsInputError("The input layer could not be opened", column=self.INPUT)
        folder = self.parameterAsString(parameters, self.OUTPUT, context)
        formats = FORMAT_VALUES[self.parameterAsEnum(parameters, self.FORMAT, context)]
        feedback.setProgressText(self.tr("Writing factsheets"))
        files = export_factsheets(
            layer, folder, feedback, formats=formats,
            filter_expression=self.parameterAsExpression(parameters, self.FILTER, context) or "",
            dpi=self.parameterAsInt(parameters, self.DPI, context),
            combined_pdf=self.parameterAsBoolean(parameters, self.COMBINED_PDF, context))
        deposits = len({f.rsplit(".", 1)[0] for f in files if "factsheets_all" not in f})
        if not deposits:
            feedback.pushWarning(self.tr("No deposit in the layer (or none matches the filter): no factsheet written."))
        feedback.pushInfo(self.tr("Factsheets: {0} deposit(s), {1} file(s) in {2}").format(
            deposits, len(files), folder))
        return {self.OUTPUT: folder, "N_FACTSHEETS": deposits, "FILES": "\n".join(files)}
