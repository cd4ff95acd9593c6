"""tailingsunfc:pipeline — import → (train) → estimate → classify → export in one run.

The deposit layers go through ``importdeposits`` (so they get exactly its field mapping,
CRS checks, repair and rejects); everything after that runs in ``core.pipeline`` on frames
and is written once, into one output folder.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
from qgis.core import (
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputFile,
    QgsProcessingOutputFolder,
    QgsProcessingOutputMultipleLayers,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingUtils,
)

from ..core.errors import TailingsInputError
from ..core.file_hash import source_sha256
from ..core.message import Message, from_data
from ..core.pipeline import report_summary, run_pipeline
from ..core.run_summary import RunSummary
from ..core.schema import DEFAULT_CRS
from .base import TailingsAlgorithm, split_semicolon_list
from .classify import language_from_locale
from .constraint_layers import constraint_hits
from .layer_frames import source_to_frame
from .load_results import queue_results
from .run_inputs import add_run_inputs, deposit_field_map, run_settings

DEPOSIT_STEPS = 20


class PipelineAlgorithm(TailingsAlgorithm):
    ALG_ID = "pipeline"
    DISPLAY_NAME = "Run the whole pipeline"
    HELP = (
        "Imports the deposit layer(s) and assay file(s), trains proxy models where lab elements are "
        "missing on field samples (Co, REE), estimates grade, tonnage and contained metal per deposit "
        "with P90/P50/P10 intervals, classifies every deposit and commodity under UNFC and writes the "
        "GeoPackage (deposits, quantities, metadata, styles), the summary workbook, the model files and "
        "fit reports, the QA/QC reports and the rejected rows with reasons into one output folder.\n\n"
        "ASSAYS are lab files whose values are all used. PROXY_ASSAYS are field/pXRF files: their Fe, S, "
        "Ca, P, Mn, Cu and Zn are used, but their Co and REE readings are replaced by model predictions "
        "(pXRF reads Co poorly because Co Kα overlaps Fe Kβ).\n\n"
        "DEPOSIT_FIELD_MAP is importdeposits' FIELD_MAP for every deposit layer; ASSAY_FIELD_MAP is "
        "importassays' FIELD_MAP for every assay file; ASSAY_CRS is the CRS of the assay coordinates (else "
        "read from the file's header or guessed, and said so).\n\n"
        "The run fails when no sample links to any deposit, or when no deposit gets an estimate. Every run "
        "ends with run_summary.txt in the output folder: unlinked samples, deposits without an estimate, "
        "fallback ids, assumed CRSs and rejected rows. N_DEPOSITS counts the deposits classified under UNFC."
    )

    def initAlgorithm(self, config=None):
        add_run_inputs(self)
        self.addParameter(QgsProcessingParameterFile(
            "RULES", self.tr("UNFC rules file (TOML; default: the shipped rules)"), extension="toml",
            optional=True))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            "MODELS", self.tr("Saved models to apply (skops)"), QgsProcessing.TypeFile, optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            "TRAIN_MODELS", self.tr("Train proxy models for lab elements missing on field samples"),
            defaultValue=True))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            "CONSTRAINTS", self.tr("Constraint layers (protected areas, reindeer herding, water…)"),
            QgsProcessing.TypeVectorPolygon, optional=True))
        self.addParameter(QgsProcessingParameterCrs("TARGET_CRS", self.tr("Target CRS"), DEFAULT_CRS))
        self.addParameter(QgsProcessingParameterEnum(
            "LANGUAGE", self.tr("Language of the UNFC rationale"),
            options=[self.tr("QGIS locale"), "English", "Norsk bokmål"], defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            "SEED", self.tr("Random seed"), QgsProcessingParameterNumber.Integer, 42, minValue=0))
        self.addParameter(QgsProcessingParameterFolderDestination("OUTPUT", self.tr("Output folder")))
        self.addOutput(QgsProcessingOutputFile("GEOPACKAGE", self.tr("GeoPackage")))
        self.addOutput(QgsProcessingOutputFile("SUMMARY", self.tr("Summary workbook")))
        self.addOutput(QgsProcessingOutputMultipleLayers("REPORTS", self.tr("Model fit reports")))
        self.addOutput(QgsProcessingOutputFolder("FOLDER", self.tr("Output folder")))
        self.addOutput(QgsProcessingOutputNumber("N_DEPOSITS", self.tr("Deposits classified")))
        self.addOutput(QgsProcessingOutputString("CLASS_COUNTS", self.tr("Deposits per UNFC class (JSON)")))
        self.addOutput(QgsProcessingOutputFile("RUN_SUMMARY", self.tr("Run summary (what needs attention)")))

    def execute(self, parameters: dict[str, Any], context: QgsProcessingContext,
                feedback: QgsProcessingFeedback) -> dict[str, Any]:
        deposit_layers = self.parameterAsLayerList(parameters, "DEPOSITS", context)
        if not deposit_layers:
            raise TailingsInputError("No deposit layer given (DEPOSITS)")
        crs = self.parameterAsCrs(parameters, "TARGET_CRS", context)
        language = ("", "en", "nb")[self.parameterAsEnum(parameters, "LANGUAGE", context)] or language_from_locale()
        settings = run_settings(
            self, parameters, context, model_files=split_semicolon_list(parameters.get("MODELS")),
            rules_path=self.parameterAsFile(parameters, "RULES", context) or None,
            train_models=self.parameterAsBoolean(parameters, "TRAIN_MODELS", context),
            seed=self.parameterAsInt(parameters, "SEED", context), language=language,
            translate=self.tr if language == "nb" else (lambda text: text))
        out_dir = Path(self.parameterAsString(parameters, "OUTPUT", context))
        (out_dir / "rejects").mkdir(parents=True, exist_ok=True)

        # Each deposit layer takes two steps of DEPOSIT_STEPS (its import, then its read into the
        # run's frame: 10 % of the bar; nationally about 5 % of the run), the run what is left.
        first, steps = 2 * len(deposit_layers), max(DEPOSIT_STEPS, 2 * len(deposit_layers) + 1)
        multi = QgsProcessingMultiStepFeedback(steps, feedback)
        summary = RunSummary(title=Message("Tailings UNFC pipeline run into {0}", out_dir))
        field_map = deposit_field_map(self, parameters, context)
        try:
            deposits, sources = self._import_deposits(deposit_layers, field_map, crs, out_dir, summary, context,
                                                      multi)
        except (TailingsInputError, QgsProcessingException) as err:  # a child algorithm raises the latter
            summary.failure = self.error_text(err) if isinstance(err, TailingsInputError) else str(err)
            report_summary(summary, out_dir, self.info(multi), self.warning(multi))
            raise

        multi.setCurrentStep(first)
        # The run's progress spans every remaining step (setCurrentStep maps 0-100 onto one step only).

        def run_progress(p: float) -> None:
            feedback.setProgress(100.0 * (first + (steps - first) * p / 100.0) / steps)
        constraints = constraint_hits(self.parameterAsLayerList(parameters, "CONSTRAINTS", context),
                                      deposits["geometry"].tolist(), crs, context, multi)
        result = run_pipeline(deposits, settings, out_dir, constraints=constraints, deposit_sources=sources,
                              log=self.info(multi), warn=self.warning(multi), progress=run_progress,
                              cancel=self.cancel_hook(feedback), summary=summary)
        feedback.pushInfo(self.tr("GeoPackage: {0}").format(result.geopackage))
        feedback.pushInfo(self.tr("Summary workbook: {0}").format(result.summary))
        for report in result.reports:
            feedback.pushInfo(self.tr("Model report: {0}").format(report))
        feedback.pushInfo(self.tr("Rejected rows: {0}").format(out_dir / "rejects"))
        queue_results(context, Path(result.geopackage))  # a dialog run lands on the map, styled, grouped
        return {"GEOPACKAGE": str(result.geopackage), "SUMMARY": str(result.summary), "REPORTS": result.reports,
                "FOLDER": str(out_dir), "OUTPUT": str(out_dir), "N_DEPOSITS": result.deposit_count,
                "CLASS_COUNTS": json.dumps(result.class_counts, ensure_ascii=False, sort_keys=True),
                "RUN_SUMMARY": str(result.summary_path)}

    def _import_deposits(self, layers, field_map: str | None, crs, out_dir: Path, summary: RunSummary,
                         context: QgsProcessingContext, multi: QgsProcessingMultiStepFeedback):
        """Each layer through importdeposits; their attention items (fallback ids, rejects) into ``summary``."""
        import processing  # QGIS's Processing plugin; imported late, as QGIS's own scripts do

        frames, sources = [], []
        for i, layer in enumerate(layers, start=1):
            multi.setCurrentStep(2 * (i - 1))
            multi.pushInfo(f"— importdeposits: {layer.name()}")  # i18n: not user text (an algorithm id)
            result = processing.run("tailingsunfc:importdeposits", {
                "INPUT": layer, "FIELD_MAP": field_map, "TARGET_CRS": crs, "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT,
                "REJECTS": str(out_dir / "rejects" / f"deposits_{i}.csv"),
            }, context=context, feedback=multi, is_child_algorithm=True)
            if result.get("ID_FROM_NAME"):
                summary.fallback_ids.append(Message("{0}: deposit_id from {1}; set DEPOSIT_FIELD_MAP "
                                                    "'deposit_id=<field>' if the layer has an id field",
                                                    layer.name(), result["ID_SOURCE"]))
            if result.get("N_REJECTED"):
                summary.rejected.append(Message("{0}: {1} of {2} features rejected (rejects/deposits_{3}.csv)",
                                                layer.name(), int(result["N_REJECTED"]), int(result["N_READ"]), i))
            # WARNINGS is machine-readable English; WARNING_MESSAGES rebuilds them, to be translated
            warnings = [from_data(w) for w in json.loads(result.get("WARNING_MESSAGES") or "[]")]
            summary.other += [Message("{0}: {1}", layer.name(), w) for w in warnings
                              if not w.startswith("FALLBACK IDS")]
            imported = QgsProcessingUtils.mapLayerFromString(result["OUTPUT"], context)
            multi.setCurrentStep(2 * (i - 1) + 1)
            frames.append(source_to_frame(imported, multi))
            if context.temporaryLayerStore().mapLayer(imported.id()) is not None:
                # The run works on the frame: the temporary layer (0.1 GB at 100,000 deposits) is not kept.
                context.temporaryLayerStore().removeMapLayer(imported.id())
            del imported
            sources.append({"role": "deposits", "source": layer.source(), "sha256": source_sha256(layer.source())})
        deposits = pd.concat(frames, ignore_index=True, sort=False) if len(frames) > 1 else frames[0]
        duplicated = deposits["deposit_id"][deposits["deposit_id"].duplicated()]
        if len(duplicated):
            raise TailingsInputError("{0} deposit id(s) occur in more than one DEPOSITS layer, e.g. {1!r}; "
                                     "ids must be unique across the layers", len(duplicated), duplicated.iloc[0])
        summary.facts.append(Message("Deposit layers: {0}, {1} deposits imported", len(layers), len(deposits)))
        return deposits, sources
