"""``tailingsunfc:checkinputs``: the pre-flight of a pipeline run, as a report; writes nothing else.

A thin adapter: the deposit layers are read in the target CRS, everything else is
``core.preflight.check_inputs``.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from qgis.core import (
    QgsFeatureRequest,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFileDestination,
)

from ..core.errors import TailingsInputError
from ..core.preflight import DepositLayer, check_inputs
from ..core.schema import DEFAULT_CRS
from .base import TailingsAlgorithm
from .layer_frames import source_to_frame
from .run_inputs import add_run_inputs, deposit_field_map, run_settings


class CheckInputsAlgorithm(TailingsAlgorithm):
    ALG_ID = "checkinputs"
    DISPLAY_NAME = "Check inputs before a run (pre-flight)"
    HELP = (
        "Runs the pipeline's own import and planning steps on the given deposit layers and assay files "
        "and writes what they find into one report (text, or HTML when the name ends in .html), and nothing "
        "else: the field mapping chosen for each deposit layer and the alternatives it saw; where deposit_id "
        "comes from (FALLBACK when it is the name); for each assay file the column mapping, the CRS of its "
        "coordinates and how many samples that links to a deposit (and what other CRSs would give), units, "
        "flagged (censored, over-range, sentinel, invalid) and problem cells, QA/QC rows and rejected rows; "
        "finally, per deposit and commodity, the method the run would use (measured, regression, analogue, "
        "none). The proxy models the run would train are fitted in a scratch folder and deleted.\n\n"
        "DEPOSIT_FIELD_MAP, ASSAY_FIELD_MAP and ASSAY_CRS mean what they mean for the pipeline, so a fix "
        "found here can be copied into the real run."
    )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:
        add_run_inputs(self)
        self.addParameter(QgsProcessingParameterCrs("TARGET_CRS", self.tr("Target CRS"), DEFAULT_CRS))
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT_REPORT", self.tr("Pre-flight report"), fileFilter="Text (*.txt);;HTML (*.html)"))
        self.addOutput(QgsProcessingOutputNumber("N_LINKED", self.tr("Samples linked to a deposit")))
        self.addOutput(QgsProcessingOutputNumber("N_ESTIMATED", self.tr("Deposits the run would estimate")))

    def execute(self, parameters: dict[str, Any], context: QgsProcessingContext,
                feedback: QgsProcessingFeedback) -> dict[str, Any]:
        layers = self.parameterAsLayerList(parameters, "DEPOSITS", context)
        if not layers:
            raise TailingsInputError("No deposit layer given (DEPOSITS)")
        crs = self.parameterAsCrs(parameters, "TARGET_CRS", context)
        settings = run_settings(self, parameters, context)
        # Every feature, invalid geometries included, as importdeposits reads them.
        previous = context.invalidGeometryCheck()
        context.setInvalidGeometryCheck(QgsFeatureRequest.GeometryNoCheck)
        try:
            frames = [DepositLayer(layer.name(), source_to_frame(layer, None, target_crs=crs, context=context))
                      for layer in layers]
        finally:
            context.setInvalidGeometryCheck(previous)
        field_map = deposit_field_map(self, parameters, context)
        report = self.monitored(feedback, lambda log, warn, progress, cancel: check_inputs(
            frames, settings, field_map, log=log, cancel=cancel))
        path = report.write(Path(self.parameterAsFileOutput(parameters, "OUTPUT_REPORT", context)), self.tr)
        for title, lines in report.sections:
            feedback.pushInfo(f"{self.text(title)}\n  " + "\n  ".join(self.text(line) for line in lines[:60]))
        plan = report.plan
        estimated = 0 if plan.empty else int((plan.filter(like="_method") != "none").any(axis=1).sum())
        n_linked = 0 if plan.empty else int(plan["n_samples"].sum())
        feedback.pushInfo(self.tr("Pre-flight report: {0}").format(path))
        return {"OUTPUT_REPORT": str(path), "N_LINKED": n_linked, "N_ESTIMATED": estimated}
