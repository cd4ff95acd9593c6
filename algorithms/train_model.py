"""``tailingsunfc:trainmodel``: fit a proxy-regression model, save it (skops) and report it."""
from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..core.errors import TailingsInputError
from ..core.estimation.fitting import ModelSpec, train_model
from ..core.estimation.methods import AUTO, METHODS
from ..core.estimation.model_file import save_model
from ..core.estimation.report import write_report
from ..core.estimation.selection import GAUSSIAN_PROCESS_MAX_ROWS, PARSIMONY_TOLERANCE
from ..core.estimation.training_data import CENSORED_POLICIES
from ..core.estimation.transforms import TRANSFORMS
from .base import TailingsAlgorithm
from .layer_frames import source_to_frame


class TrainModelAlgorithm(TailingsAlgorithm):
    ALG_ID = "trainmodel"
    DISPLAY_NAME = "Train grade model (proxy regression)"
    HELP = (
        "Fits a model of ln(target grade) from proxy elements (e.g. pXRF Fe, S, Mn) on the samples "
        "that have the target, cross-validated by deposit (GROUP_FIELD, default deposit_id) or by "
        "automatic spatial blocks; random K-fold is reported beside it for comparison only. Every "
        "prediction carries an 80 % interval (P90-P10) calibrated on held-out residuals. METHOD auto "
        "(the default) compares OLS, ridge, gradient boosting, random forest and, up to "
        f"{GAUSSIAN_PROCESS_MAX_ROWS} rows, a Gaussian process on the same grouped folds and keeps the best "
        f"(the cheapest within {PARSIMONY_TOLERANCE} R²); "
        "the report lists every candidate's score. CV_R2 is the pooled out-of-fold R² (ln); "
        "CV_R2_FOLD_MEAN and CV_R2_FOLD_SD are the mean and SD of the per-fold R². Saves a "
        ".skops model file (loaded later by Estimate) and an HTML report with a log beside it. "
        "Censored target values: 'substituted' uses the importer's half-detection-limit value, "
        "'exclude' drops them. The documentation (linked below) explains the options.")

    INPUT = "INPUT"
    TARGET = "TARGET"
    PREDICTORS = "PREDICTORS"
    METHOD = "METHOD"
    GROUP_FIELD = "GROUP_FIELD"
    TRANSFORM = "TRANSFORM"
    CENSORED = "CENSORED"
    SEED = "SEED"
    CV_FOLDS = "CV_FOLDS"
    OUTPUT_MODEL = "OUTPUT_MODEL"
    OUTPUT_REPORT = "OUTPUT_REPORT"

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Samples (canonical sample table or point layer)"),
            [QgsProcessing.TypeVector]))
        self.addParameter(QgsProcessingParameterString(
            self.TARGET, self.tr("Target element (co, cu, zn, tree, or a field such as co_ppm)"), "co"))
        self.addParameter(QgsProcessingParameterField(
            self.PREDICTORS, self.tr("Predictor fields"), parentLayerParameterName=self.INPUT,
            type=QgsProcessingParameterField.Numeric, allowMultiple=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.METHOD, self.tr("Method"), options=list(METHODS),
            defaultValue=METHODS.index(AUTO)))
        self.addParameter(QgsProcessingParameterField(
            self.GROUP_FIELD, self.tr("Group field for cross-validation (empty: deposit_id, else spatial blocks)"),
            parentLayerParameterName=self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.TRANSFORM, self.tr("Predictor transform"), options=list(TRANSFORMS), defaultValue=0))
        self.addParameter(QgsProcessingParameterEnum(
            self.CENSORED, self.tr("Censored target values"), options=list(CENSORED_POLICIES), defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.SEED, self.tr("Random seed"), QgsProcessingParameterNumber.Integer, 42))
        self.addParameter(QgsProcessingParameterNumber(
            self.CV_FOLDS, self.tr("Cross-validation folds"), QgsProcessingParameterNumber.Integer, 5,
            minValue=2, maxValue=50))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_MODEL, self.tr("Model file"), self.tr("Model files (*.skops)")))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_REPORT, self.tr("HTML report"), self.tr("HTML files (*.html)")))
        for name, label in (("CV_R2", "Grouped CV R² (ln space), pooled out-of-fold"),
                            ("CV_R2_FOLD_MEAN", "Grouped CV R² (ln space), mean over folds"),
                            ("CV_R2_FOLD_SD", "Grouped CV R² (ln space), SD over folds"),
                            ("CV_RMSE", "Grouped CV RMSE (ln space)"),
                            ("COVERAGE", "Empirical interval coverage on held-out folds"),
                            ("N_SAMPLES", "Training samples")):
            self.addOutput(QgsProcessingOutputNumber(name, self.tr(label)))

    def _field_list(self, parameters: dict[str, Any], name: str, context: QgsProcessingContext) -> list[str]:
        # parameterAsFields is deprecated from QGIS 3.40 (parameterAsStrings); keep 3.34 working.
        getter = getattr(self, "parameterAsStrings", None) or self.parameterAsFields
        return list(getter(parameters, name, context))

    def execute(self, parameters: dict[str, Any], context: QgsProcessingContext,
                feedback: QgsProcessingFeedback) -> dict[str, Any]:
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise TailingsInputError("The sample layer cannot be read", value=str(parameters.get(self.INPUT)))
        group_field = self.parameterAsString(parameters, self.GROUP_FIELD, context) or None
        spec = ModelSpec(
            target=self.parameterAsString(parameters, self.TARGET, context),
            predictors=self._field_list(parameters, self.PREDICTORS, context),
            method=METHODS[self.parameterAsEnum(parameters, self.METHOD, context)],
            transform=TRANSFORMS[self.parameterAsEnum(parameters, self.TRANSFORM, context)],
            group_field=group_field,
            cv_folds=self.parameterAsInt(parameters, self.CV_FOLDS, context),
            seed=self.parameterAsInt(parameters, self.SEED, context),
            censored_policy=CENSORED_POLICIES[self.parameterAsEnum(parameters, self.CENSORED, context)],
        )
        model_path = self.parameterAsFileOutput(parameters, self.OUTPUT_MODEL, context)
        report_path = self.parameterAsFileOutput(parameters, self.OUTPUT_REPORT, context)
        feedback.pushInfo(self.tr("Reading {0} samples").format(source.featureCount()))
        frame = source_to_frame(source, feedback, with_geometry=False)
        feedback.setProgress(0)
        model = self.monitored(
            feedback, lambda log, warn, progress, cancel: train_model(
                frame, spec, cancel=cancel, progress=lambda f: progress(100.0 * f)),
            progress=feedback.setProgress)
        for key, value in model.training.counts.items():
            feedback.pushInfo(f"  {self.text(key)}: {value}")
        for note in model.notes:
            feedback.pushWarning(self.text(note))
        md = model.metadata
        for c in md.get("selection", {}).get("candidates", []):
            score = self.tr("pooled R² {0:.3f}, per fold {1:.3f} ± {2:.3f}").format(
                c["r2_log"], c["fold_r2_mean"], c["fold_r2_sd"]) if "r2_log" in c else ""
            status = self.text(c["status"])
            feedback.pushInfo(self.tr("  auto candidate {0}: {1} {2}").format(c["method"], status, score))
        feedback.pushInfo(self.tr(
            "{0}: grouped CV ({1}) R² = {2:.3f} pooled, {3:.3f} ± {4:.3f} per fold (ln), RMSE = {5:.3f}; "
            "random K-fold R² = {6:.3f} (comparison only); coverage of the {7:.0%} interval = {8:.1%}").format(
            self.text(md["method_label"]), self.text(md["cv"]["grouping_description"]), model.cv_r2,
            model.cv_r2_fold_mean,
            model.cv_r2_fold_sd, model.cv_rmse, md["cv"]["random_kfold"]["r2_log"], md["interval"]["level"],
            model.coverage))
        save_model(model, model_path)
        html_path, log_path = write_report(model, report_path, self.tr)
        feedback.pushInfo(self.tr("Model: {0}; report: {1}; log: {2}").format(model_path, html_path, log_path))
        return {self.OUTPUT_MODEL: model_path, self.OUTPUT_REPORT: str(html_path),
                "CV_R2": model.cv_r2, "CV_R2_FOLD_MEAN": model.cv_r2_fold_mean,
                "CV_R2_FOLD_SD": model.cv_r2_fold_sd, "CV_RMSE": model.cv_rmse, "COVERAGE": model.coverage,
                "N_SAMPLES": int(md["n_samples"])}
