"""``tailingsunfc:estimate``: per-deposit grade, tonnage and contained metal with intervals."""
from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..core.errors import TailingsInputError
from ..core.estimation.deposit_estimates import (
    EstimateSettings,
    LoadedModel,
    estimate_deposits,
)
from ..core.pipeline import load_models_by_commodity
from ..core.schema import ESTIMATE_EXTRA_FIELDS, ESTIMATE_FIELDS, INTERVAL_DESCRIPTION
from .base import TailingsAlgorithm, split_semicolon_list
from .field_aliases import apply_aliases, split_aliases
from .layer_frames import fields_for_frame, frame_to_sink, source_to_frame


class EstimateAlgorithm(TailingsAlgorithm):
    ALG_ID = "estimate"
    DISPLAY_NAME = "Estimate grade, tonnage and contained metal"
    HELP = (
        "For each deposit and each of co, cu, zn and tree: mean grade from measured samples "
        "(log-normal mean with a generalized-pivotal interval), from model-predicted samples where "
        "the element is missing (MODELS: .skops files from Train grade model), or from analogues "
        "(mill mass balance, or sampled deposits of the same ore type / source commodity / era). "
        "Tonnage range from tonnage_source; contained metal = tonnage × grade by Monte Carlo "
        "(ITERATIONS draws, SEED). " + INTERVAL_DESCRIPTION + ". Deposits with fewer than "
        "MIN_SAMPLES samples are flagged in estimate_warning. The documentation (linked below) explains the methods.")

    DEPOSITS = "DEPOSITS"
    ASSAYS = "ASSAYS"
    MODELS = "MODELS"
    MIN_SAMPLES = "MIN_SAMPLES"
    SEED = "SEED"
    ITERATIONS = "ITERATIONS"
    PROXY_FILES = "PROXY_FILES"
    OUTPUT = "OUTPUT"

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.DEPOSITS, self.tr("Deposits (canonical deposit layer)"), [QgsProcessing.TypeVector]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ASSAYS, self.tr("Samples (canonical sample table or point layer)"), [QgsProcessing.TypeVector]))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.MODELS, self.tr("Model files (.skops, from Train grade model)"), QgsProcessing.TypeFile,
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.MIN_SAMPLES, self.tr("Minimum samples per deposit"), QgsProcessingParameterNumber.Integer, 5,
            minValue=1))
        self.addParameter(QgsProcessingParameterNumber(
            self.SEED, self.tr("Random seed"), QgsProcessingParameterNumber.Integer, 42))
        self.addParameter(QgsProcessingParameterNumber(
            self.ITERATIONS, self.tr("Monte Carlo iterations"), QgsProcessingParameterNumber.Integer, 1500,
            minValue=100, maxValue=100000))
        self.addParameter(QgsProcessingParameterString(
            self.PROXY_FILES, self.tr("Proxy source files whose grades are not used as measured "
                                      "(src_file names, ';'-separated, e.g. pxrf_field.csv)"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Deposit estimates")))

    def _models(self, parameters: dict[str, Any], context: QgsProcessingContext,
                feedback: QgsProcessingFeedback) -> dict[str, LoadedModel]:
        paths = split_semicolon_list(self.parameterAsFileList(parameters, self.MODELS, context))
        return load_models_by_commodity(paths, self.info(feedback))

    def execute(self, parameters: dict[str, Any], context: QgsProcessingContext,
                feedback: QgsProcessingFeedback) -> dict[str, Any]:
        deposits_src = self.parameterAsSource(parameters, self.DEPOSITS, context)
        samples_src = self.parameterAsSource(parameters, self.ASSAYS, context)
        if deposits_src is None or samples_src is None:
            raise TailingsInputError("The deposit or sample layer cannot be read")
        models = self._models(parameters, context, feedback)
        settings = EstimateSettings(
            min_samples=self.parameterAsInt(parameters, self.MIN_SAMPLES, context),
            iterations=self.parameterAsInt(parameters, self.ITERATIONS, context),
            seed=self.parameterAsInt(parameters, self.SEED, context),
            proxy_files=tuple(split_semicolon_list([self.parameterAsString(parameters, self.PROXY_FILES, context)])))
        deposits = source_to_frame(deposits_src, None, with_geometry=True)
        samples = source_to_frame(samples_src, feedback, with_geometry=False)
        feedback.setProgress(10)
        result = self.monitored(
            feedback, lambda log, warn, progress, cancel: estimate_deposits(
                deposits, samples, models, settings, cancel=cancel, progress=lambda f: progress(10 + 80 * f)),
            progress=feedback.setProgress)
        for message in result.messages:
            feedback.pushInfo(self.text(message))
        for dep_id, text in result.warning_texts(self.tr):
            feedback.pushWarning(f"{dep_id}: {text}")
        feedback.pushInfo(self.tr(INTERVAL_DESCRIPTION))
        fields, aliases = split_aliases(fields_for_frame(result.frame, (*ESTIMATE_FIELDS, *ESTIMATE_EXTRA_FIELDS)))
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields,
                                             deposits_src.wkbType(), deposits_src.sourceCrs())
        if sink is None:
            raise TailingsInputError("Cannot create the output layer", value=str(parameters.get(self.OUTPUT)))
        written = frame_to_sink(result.frame, fields, sink, feedback)
        del sink  # the file closed before its aliases are stored
        apply_aliases(dest_id, aliases, context, feedback, self.tr)
        self.log_counts(feedback, "deposits", len(deposits), written, 0)
        feedback.setProgress(100)
        return {self.OUTPUT: dest_id}
