"""tailingsunfc:pipeline — import → (train) → estimate → classify → export in one run."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from qgis.core import (
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputFile,
    QgsProcessingOutputFolder,
    QgsProcessingOutputMultipleLayers,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
)

from ..core.errors import OperationCancelled, TailingsInputError
from ..core.proxy_plan import DEFAULT_TARGETS, plan_proxy_models
from ..core.schema import DEFAULT_CRS
from .base import TailingsAlgorithm
from .layer_frames import source_to_frame

GEOPACKAGE_NAME = "tailings_unfc.gpkg"
SUMMARY_NAME = "tailings_unfc_summary.xlsx"


def _sha256(path: str | None) -> str | None:
    if not path:
        return None
    file = Path(path.split("|")[0])
    if not file.is_file():
        return None
    digest = hashlib.sha256()
    with file.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class PipelineAlgorithm(TailingsAlgorithm):
    ALG_ID = "pipeline"
    DISPLAY_NAME = "Run the whole pipeline"
    HELP = (
        "Imports the deposit layer(s) and assay file(s), trains proxy models where lab "
        "elements are missing on field samples (Co, REE), estimates grade, tonnage and "
        "contained metal per deposit with intervals, classifies every deposit and "
        "commodity under UNFC and exports the GeoPackage, the summary workbook, the model "
        "fit reports and the rejects into one output folder."
    )

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterMultipleLayers(
            "DEPOSITS", self.tr("Deposit / tailings layer(s)"), QgsProcessing.TypeVectorAnyGeometry))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            "ASSAYS", self.tr("Assay file(s) (xlsx, xlsm, ods, csv)"), QgsProcessing.TypeFile))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            "PROXY_ASSAYS", self.tr("Field / pXRF assay file(s): proxies only, their Co and REE are predicted"),
            QgsProcessing.TypeFile, optional=True))
        self.addParameter(QgsProcessingParameterFile(
            "RULES", self.tr("UNFC rules file (TOML; default: the shipped rules)"),
            extension="toml", optional=True))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            "MODELS", self.tr("Saved models to apply (skops)"), QgsProcessing.TypeFile, optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            "TRAIN_MODELS", self.tr("Train proxy models for lab elements missing on field samples"),
            defaultValue=True))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            "CONSTRAINTS", self.tr("Constraint layers (protected areas, reindeer herding, water…)"),
            QgsProcessing.TypeVectorPolygon, optional=True))
        self.addParameter(QgsProcessingParameterCrs("TARGET_CRS", self.tr("Target CRS"), DEFAULT_CRS))
        self.addParameter(QgsProcessingParameterNumber(
            "SEED", self.tr("Random seed"), QgsProcessingParameterNumber.Integer, 42, minValue=0))
        self.addParameter(QgsProcessingParameterFolderDestination("OUTPUT", self.tr("Output folder")))
        self.addOutput(QgsProcessingOutputFile("GEOPACKAGE", self.tr("GeoPackage")))
        self.addOutput(QgsProcessingOutputFile("SUMMARY", self.tr("Summary workbook")))
        self.addOutput(QgsProcessingOutputMultipleLayers("REPORTS", self.tr("Model fit reports")))
        self.addOutput(QgsProcessingOutputFolder("FOLDER", self.tr("Output folder")))

    def run(self, parameters: dict[str, Any], context: QgsProcessingContext,
            feedback: QgsProcessingFeedback) -> dict[str, Any]:
        import processing  # QGIS's Processing plugin; imported late, as QGIS's own scripts do

        deposit_layers = self.parameterAsLayerList(parameters, "DEPOSITS", context)
        assay_files = self._files(parameters.get("ASSAYS"))
        if not deposit_layers:
            raise TailingsInputError("No deposit layer given (DEPOSITS)")
        proxy_files = self._files(parameters.get("PROXY_ASSAYS"))
        if not assay_files and not proxy_files:
            raise TailingsInputError("No assay file given (ASSAYS or PROXY_ASSAYS)")
        for path in assay_files + proxy_files:
            if not Path(path).is_file():
                raise TailingsInputError("Assay file does not exist", file=path)
        rules = self.parameterAsFile(parameters, "RULES", context) or None
        model_files = self._files(parameters.get("MODELS"))
        from ..core.unfc import DEFAULT_RULES_PATH

        rules_path = rules or DEFAULT_RULES_PATH
        constraints = [lyr.source() for lyr in self.parameterAsLayerList(parameters, "CONSTRAINTS", context)]
        train = self.parameterAsBoolean(parameters, "TRAIN_MODELS", context)
        crs = self.parameterAsCrs(parameters, "TARGET_CRS", context)
        seed = self.parameterAsInt(parameters, "SEED", context)
        out_dir = Path(self.parameterAsString(parameters, "OUTPUT", context))
        (out_dir / "rejects").mkdir(parents=True, exist_ok=True)
        (out_dir / "models").mkdir(parents=True, exist_ok=True)

        steps = len(deposit_layers) + len(assay_files) + len(proxy_files) + 6
        multi = QgsProcessingMultiStepFeedback(steps, feedback)
        step = 0

        def child(alg: str, params: dict[str, Any]) -> dict[str, Any]:
            nonlocal step
            if feedback.isCanceled():
                raise OperationCancelled()
            multi.setCurrentStep(step)
            step += 1
            multi.pushInfo(f"— {alg}")
            return processing.run(f"tailingsunfc:{alg}", params, context=context, feedback=multi,
                                  is_child_algorithm=True)

        def merged(layers: list[str]) -> str:
            if len(layers) == 1:
                return layers[0]
            return processing.run("native:mergevectorlayers",
                                  {"LAYERS": layers, "CRS": crs, "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT},
                                  context=context, is_child_algorithm=True)["OUTPUT"]

        # 1. deposits
        deposits = []
        for i, layer in enumerate(deposit_layers, start=1):
            result = child("importdeposits", {
                "INPUT": layer.source() if layer.providerType() == "ogr" else layer,
                "TARGET_CRS": crs, "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT,
                "REJECTS": str(out_dir / "rejects" / f"deposits_{i}.csv"),
            })
            deposits.append(result["OUTPUT"])
        deposit_layer = merged(deposits)

        # 2. assays, linked to the deposits
        samples = []
        for i, path in enumerate(assay_files, start=1):
            result = child("importassays", {
                "INPUT": path, "DEPOSITS": deposit_layer, "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT,
                "REJECTS": str(out_dir / "rejects" / f"assays_{i}_{Path(path).stem}.csv"),
            })
            samples.append(result["OUTPUT"])
        for i, path in enumerate(proxy_files, start=1):
            result = child("importassays", {
                "INPUT": path, "DEPOSITS": deposit_layer, "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT,
                "REJECTS": str(out_dir / "rejects" / f"proxy_assays_{i}_{Path(path).stem}.csv"),
            })
            samples.append(self._drop_untrusted(result["OUTPUT"], path, context, multi))
        sample_layer = merged(samples)

        # 3. proxy models (trained here, or given)
        reports: list[str] = []
        models = list(model_files)
        multi.setCurrentStep(step)
        step += 1
        if train:
            frame = source_to_frame(self._layer(sample_layer, context), multi, with_geometry=False)
            plans, skipped = plan_proxy_models(frame)
            for reason in skipped:
                multi.pushInfo(f"No model for {reason}")
            for plan in plans:
                multi.pushInfo(f"Training {plan.target} from {', '.join(plan.predictors)}: "
                               f"{plan.n_training} training samples, {plan.n_to_predict} to predict")
                model_path = out_dir / "models" / f"model_{plan.target}.skops"
                report_path = out_dir / "models" / f"model_{plan.target}.html"
                processing.run("tailingsunfc:trainmodel", {
                    "INPUT": sample_layer, "TARGET": plan.target, "PREDICTORS": list(plan.predictors),
                    "METHOD": 0, "GROUP_FIELD": "deposit_id", "SEED": seed,
                    "OUTPUT_MODEL": str(model_path), "OUTPUT_REPORT": str(report_path),
                }, context=context, feedback=multi, is_child_algorithm=True)
                models.append(str(model_path))
                reports.append(str(report_path))

        # 4. estimate, 5. classify, 6. export
        estimated = child("estimate", {
            "DEPOSITS": deposit_layer, "ASSAYS": sample_layer, "MODELS": ";".join(models),
            "SEED": seed, "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT,
        })["OUTPUT"]
        classify_params: dict[str, Any] = {
            "INPUT": estimated, "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT,
            "OUTPUT_QUANTITIES": QgsProcessing.TEMPORARY_OUTPUT,
        }
        if rules:
            classify_params["RULES"] = rules
        if constraints:
            classify_params["CONSTRAINTS"] = constraints
        classified = child("classify", classify_params)
        run_metadata = {
            "inputs": [{"role": "deposits", "source": lyr.source(), "sha256": _sha256(lyr.source())}
                       for lyr in deposit_layers]
                      + [{"role": "assays", "source": p, "sha256": _sha256(p)} for p in assay_files]
                      + [{"role": "rules", "source": str(rules_path), "sha256": _sha256(str(rules_path))}]
                      + [{"role": "proxy_assays", "source": p, "sha256": _sha256(p)} for p in proxy_files],
            "models": [{"path": m, "sha256": _sha256(m)} for m in models],
            "seeds": {"pipeline": seed},
        }
        gpkg = out_dir / GEOPACKAGE_NAME
        summary = out_dir / SUMMARY_NAME
        child("export", {
            "INPUT": classified["OUTPUT"], "QUANTITIES": classified["OUTPUT_QUANTITIES"],
            "DESTINATION": str(gpkg), "OUTPUT_REPORT": str(summary),
            "RUN_METADATA": json.dumps(run_metadata, sort_keys=True),
        })
        multi.setCurrentStep(steps)
        feedback.pushInfo(f"GeoPackage: {gpkg}")
        feedback.pushInfo(f"Summary workbook: {summary}")
        for report in reports:
            feedback.pushInfo(f"Model report: {report}")
        feedback.pushInfo(f"Rejected rows: {out_dir / 'rejects'}")
        return {"GEOPACKAGE": str(gpkg), "SUMMARY": str(summary), "REPORTS": reports, "FOLDER": str(out_dir),
                "OUTPUT": str(out_dir)}

    @staticmethod
    def _files(value: Any) -> list[str]:
        if not value:
            return []
        if isinstance(value, str):
            return [p for p in value.split(";") if p]
        return [str(p) for p in value]

    def _drop_untrusted(self, layer_id: str, path: str, context: QgsProcessingContext,
                        feedback: QgsProcessingFeedback) -> str:
        """Blank the lab-only elements of a field/pXRF file, so models predict them instead.

        pXRF reads Co poorly (Co Kα overlaps Fe Kβ) and REE not at all at tailings levels
        (DOMAIN.md §4): such readings must neither train nor be averaged as measurements.
        """
        import processing

        layer = self._layer(layer_id, context)
        for target in DEFAULT_TARGETS:
            field = f"{target}_ppm"
            if layer.fields().indexOf(field) < 0:
                continue
            count = sum(1 for f in layer.getFeatures() if f[field] is not None and f[field] == f[field])
            feedback.pushInfo(f"{Path(path).name}: {count} {field} readings not used (field/pXRF file; "
                              f"{target} is predicted from the proxies instead)")
            layer_id = processing.run("native:fieldcalculator", {
                "INPUT": layer_id, "FIELD_NAME": field, "FIELD_TYPE": 0, "FORMULA": "NULL",
                "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT}, context=context, is_child_algorithm=True)["OUTPUT"]
            layer = self._layer(layer_id, context)
        return layer_id

    @staticmethod
    def _layer(value: Any, context: QgsProcessingContext):
        from qgis.core import QgsProcessingUtils

        layer = QgsProcessingUtils.mapLayerFromString(str(value), context)
        if layer is None:
            raise TailingsInputError("Could not open an intermediate layer", value=str(value))
        return layer
