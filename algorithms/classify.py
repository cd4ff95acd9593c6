"""``tailingsunfc:classify``: UNFC E/F/G, class and rationale per deposit and commodity."""
from __future__ import annotations

import json
from typing import Any

import pandas as pd
from qgis.core import (
    QgsFields,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterMultipleLayers,
    QgsSettings,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDateTime, Qt

from ..core.errors import TailingsInputError
from ..core.schema import QUANTITY_FIELDS, UNFC_FIELDS
from ..core.unfc import ConstraintHits, classify_estimates, load_rules
from .base import TailingsAlgorithm
from .constraint_layers import constraint_hits
from .field_aliases import apply_aliases, split_aliases
from .layer_frames import frame_to_sink, qgs_field, source_to_frame
from .legend_labels import class_name

LANGUAGE_OPTIONS = ("From the QGIS locale", "English", "Norsk bokmål")


def language_from_locale() -> str:
    locale = str(QgsSettings().value("locale/userLocale", "") or "").lower()
    return "nb" if locale.startswith(("nb", "no", "nn")) else "en"


class ClassifyAlgorithm(TailingsAlgorithm):
    ALG_ID = "classify"
    DISPLAY_NAME = "Classify deposits under UNFC"
    HELP = (
        "Classifies every deposit and commodity (co, cu, zn, tree) of an estimate layer under UNFC 2019: "
        "E (environmental-socio-economic viability) from a value screening, permits and constraint layers; "
        "F (technical feasibility) from project status, technology maturity and setting; G (confidence) from "
        "sample counts and interval widths. Expert overrides (unfc_e_override, unfc_f_override, "
        "unfc_g_override) and CRIRSCO/PERC categories (resource_category) are honoured.\n\n"
        "OUTPUT: the deposits with unfc_e, unfc_f, unfc_g, unfc_code, unfc_class, unfc_subclass and "
        "unfc_rationale for the headline commodity (most valuable best estimate). OUTPUT_QUANTITIES: one row "
        "per deposit, commodity and G increment (G1 = low, G2 = best - low, G3 = high - best; G4.1-G4.3 for "
        "potential sources); per deposit and commodity they add up to the high estimate.\n\n"
        "RULES: a TOML rules file (default: the shipped rules); the documentation (linked below) lists every key."
    )

    INPUT = "INPUT"
    RULES = "RULES"
    CONSTRAINTS = "CONSTRAINTS"
    LANGUAGE = "LANGUAGE"
    OUTPUT = "OUTPUT"
    OUTPUT_QUANTITIES = "OUTPUT_QUANTITIES"

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Deposit estimates (output of Estimate)"), [QgsProcessing.TypeVector]))
        self.addParameter(QgsProcessingParameterFile(
            self.RULES, self.tr("Rules file (TOML; empty = shipped default rules)"),
            behavior=QgsProcessingParameterFile.File, extension="toml", optional=True))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.CONSTRAINTS, self.tr("Constraint layers (protected areas, reindeer herding, drinking water...)"),
            QgsProcessing.TypeVectorPolygon, optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.LANGUAGE, self.tr("Language of the rationale"), options=[self.tr(o) for o in LANGUAGE_OPTIONS],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Classified deposits"), QgsProcessing.TypeVectorAnyGeometry))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_QUANTITIES, self.tr("UNFC quantities (deposit x commodity x G increment)"),
            QgsProcessing.TypeVector))
        self.addOutput(QgsProcessingOutputString("CLASS_COUNTS", self.tr("Deposits per UNFC class (JSON)")))
        self.addOutput(QgsProcessingOutputNumber("N_DEPOSITS", self.tr("Deposits classified")))
        self.addOutput(QgsProcessingOutputNumber("N_QUANTITY_ROWS", self.tr("Rows in the quantities table")))

    def execute(self, parameters: dict[str, Any], context: QgsProcessingContext,
                feedback: QgsProcessingFeedback) -> dict[str, Any]:
        cancel = self.cancel_hook(feedback)
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise TailingsInputError("The input layer could not be opened", column=self.INPUT)
        rules = load_rules(self.parameterAsFile(parameters, self.RULES, context) or None)
        feedback.pushInfo(self.tr("Rules: {0} (version {1})").format(rules.source, rules.version))
        language = ("", "en", "nb")[self.parameterAsEnum(parameters, self.LANGUAGE, context)] or language_from_locale()

        feedback.setProgressText(self.tr("Reading deposits"))
        frame = source_to_frame(source, feedback, context=context)
        constraints = self._constraint_hits(parameters, context, feedback, source, frame)

        feedback.setProgressText(self.tr("Classifying"))
        result = classify_estimates(frame, rules, constraints=constraints, language=language, cancel=cancel)
        for warning in result.warnings:
            feedback.pushWarning(self.text(warning))
        # A UTC QDateTime, so the time zone survives into every provider (GeoPackage writes "Z").
        stamp = result.deposits["classified_at"].iloc[0] if len(result.deposits) else None
        if stamp is not None:
            utc = QDateTime.fromSecsSinceEpoch(int(stamp.timestamp()), Qt.UTC)
            result.deposits["classified_at"] = pd.Series([utc] * len(result.deposits), index=result.deposits.index,
                                                         dtype=object)

        fields = QgsFields(source.fields())
        for spec in UNFC_FIELDS:
            if fields.indexFromName(spec.name) < 0:
                fields.append(qgs_field(spec))
        fields, aliases = split_aliases(fields)
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, source.wkbType(),
                                             source.sourceCrs())
        quantity_fields = QgsFields()
        for spec in QUANTITY_FIELDS:
            quantity_fields.append(qgs_field(spec))
        quantity_fields, quantity_aliases = split_aliases(quantity_fields)
        q_sink, q_dest_id = self.parameterAsSink(parameters, self.OUTPUT_QUANTITIES, context, quantity_fields,
                                                 QgsWkbTypes.NoGeometry, source.sourceCrs())
        feedback.setProgressText(self.tr("Writing outputs"))
        written = frame_to_sink(result.deposits, fields, sink, feedback)
        q_written = frame_to_sink(result.quantities, quantity_fields, q_sink, feedback)
        del sink, q_sink  # files closed before their aliases are stored
        apply_aliases(dest_id, aliases, context, feedback, self.tr)
        apply_aliases(q_dest_id, quantity_aliases, context, feedback, self.tr)

        counts = result.counts
        self.log_counts(feedback, "Deposits", len(frame), written, 0)
        feedback.pushInfo(self.tr(
            "Deposit x commodity pairs: {0} = {1} classified + {2} without estimate (x_method none: no quantity "
            "rows) + {3} incomplete; {4} quantity rows written").format(
            counts["pairs"], counts["pairs_with_estimate"], counts["pairs_without_estimate"],
            counts["pairs_incomplete"], q_written))
        feedback.pushInfo(self.tr("Deposits per UNFC class (headline commodity):"))
        for name, count in sorted(result.class_counts.items(), key=lambda kv: -kv[1]):
            feedback.pushInfo(f"  {count:6d}  {class_name(name)}")
        return {self.OUTPUT: dest_id, self.OUTPUT_QUANTITIES: q_dest_id,
                "CLASS_COUNTS": json.dumps(result.class_counts, ensure_ascii=False, sort_keys=True),
                "N_DEPOSITS": written, "N_QUANTITY_ROWS": q_written}

    def _constraint_hits(self, parameters, context, feedback, source, frame) -> list[ConstraintHits]:
        layers = self.parameterAsLayerList(parameters, self.CONSTRAINTS, context) or []
        wkb = frame["geometry"].tolist() if "geometry" in frame.columns else [None] * len(frame)
        return constraint_hits(layers, wkb, source.sourceCrs(), context, feedback)
