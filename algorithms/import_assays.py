"""``tailingsunfc:importassays``: assay spreadsheet → canonical samples, rejects, QA/QC report.

A thin adapter: the reading, parsing, QA/QC and linking live in ``core.assays``.
"""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterCrs,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ..core.assays import SUBSTITUTIONS, ImportOptions, import_assays, write_qaqc_report
from ..core.assays.extensions import check_assay_file_name, filter_patterns
from ..core.errors import TailingsInputError
from ..core.schema import (
    DEFAULT_CRS,
    REJECT_REASON_FIELD,
    SAMPLE_BASE_FIELDS,
    SAMPLE_EXTRA_FIELDS,
    SAMPLE_REJECT_FIELDS,
)
from .base import TailingsAlgorithm
from .field_aliases import apply_aliases, split_aliases
from .layer_frames import GEOMETRY_COLUMN, fields_for_frame, frame_to_sink, source_to_frame
from .read_limits import add_limit_parameters, limit_values

SUBSTITUTION_LABELS = ("Half the detection limit", "The detection limit", "Zero", "NULL (no value)")

EXTRA_SPECS = (*SAMPLE_EXTRA_FIELDS, *SAMPLE_REJECT_FIELDS, REJECT_REASON_FIELD)  # defined in core.schema


class ImportAssaysAlgorithm(TailingsAlgorithm):
    ALG_ID = "importassays"
    DISPLAY_NAME = "Import assay spreadsheet"
    HELP = (
        "Reads a lab certificate or field export (xlsx, xlsm, xls, ods, csv, tsv, txt, in any case) into the "
        "canonical sample table: one row per sample, grades as &lt;element&gt;_ppm with per-value flags (censored, "
        "over_range, sentinel, invalid) and detection limits, oxides as &lt;oxide&gt;_pct, tree_ppm from the REE "
        "present, and provenance (file, sheet, row, sha256). CRMs, blanks and duplicates are kept out of the samples "
        "and summarised in the QA/QC report (CRM bias against a certified-values sheet). Rows without a sample id or "
        "without any usable value go to REJECTS; a bad cell in a good row is listed in REJECTS as a cell-level entry "
        "and its value is NULL. With coordinates the output is a point layer in TARGET_CRS (rows without coordinates "
        "get NULL geometry); without, a table. DEPOSITS (optional) links samples to deposit_id by id, else by the "
        "polygon that contains them. FIELD_MAP names columns the importer does not recognise (target=column; targets "
        "sample_id, deposit_id, sample_type, x, y, lon, lat, hole_id, from, to, or an element with its unit such as "
        "co:ppm); target= switches a match off. The coordinates' CRS comes from SOURCE_CRS, else from hints in the "
        "sheet (EPSG:25832, UTM sone 33, WGS84), and is checked against the data: when few samples fall in a deposit "
        "the other Norwegian zones and a lat/lon swap are tried and reported. Advanced limits refuse hostile files "
        "with a clear message: MAX_SHEET_MB (uncompressed size of a workbook part), MAX_COMPRESSION_RATIO (zip "
        "bombs), MAX_ROWS and TIME_BUDGET_S (wall clock for reading)."
    )

    INPUT = "INPUT"
    SHEET = "SHEET"
    DEPOSITS = "DEPOSITS"
    TARGET_CRS = "TARGET_CRS"
    SOURCE_CRS = "SOURCE_CRS"
    FIELD_MAP = "FIELD_MAP"
    CENSORED_SUBSTITUTION = "CENSORED_SUBSTITUTION"
    OUTPUT = "OUTPUT"
    REJECTS = "REJECTS"
    QAQC_REPORT = "QAQC_REPORT"
    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:
        self.addParameter(QgsProcessingParameterFile(
            self.INPUT, self.tr("Assay file"), QgsProcessingParameterFile.File,
            # "All files" last: QGIS's own filter check is case-sensitive; execute checks the name instead.
            fileFilter=f"{self.tr('Spreadsheets and text tables')} ({filter_patterns()});;{self.tr('All files')} (*)"))
        self.addParameter(QgsProcessingParameterString(
            self.SHEET, self.tr("Sheet (empty: the one that looks like assay data)"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.DEPOSITS, self.tr("Deposits for linking (with deposit_id)"),
            [QgsProcessing.TypeVectorAnyGeometry], optional=True))
        self.addParameter(QgsProcessingParameterCrs(self.TARGET_CRS, self.tr("Output CRS"), DEFAULT_CRS))
        self.addParameter(QgsProcessingParameterString(
            self.FIELD_MAP, self.tr("Column map override (target=column;..., e.g. sample_id=Smp_No; co=Co_ICP:ppm; "
                                    "x=Øst; y=Nord)"), optional=True))
        self.addParameter(QgsProcessingParameterCrs(
            self.SOURCE_CRS, self.tr("CRS of the file's coordinates (empty: from the header or assumed)"),
            optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.CENSORED_SUBSTITUTION, self.tr("Value used for censored (<DL) results"),
            [self.tr(label) for label in SUBSTITUTION_LABELS], defaultValue=0))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Samples"), QgsProcessing.TypeVectorAnyGeometry))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.REJECTS, self.tr("Rejected rows and cells"), QgsProcessing.TypeVector))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.QAQC_REPORT, self.tr("QA/QC report"), self.tr("HTML (*.html);;CSV (*.csv)"), optional=True,
            createByDefault=False))
        add_limit_parameters(self)
        for name, label in (("ROWS_READ", "Rows read"), ("N_SAMPLES", "Samples"), ("N_QAQC", "QA/QC rows"),
                            ("N_REJECTED", "Rejected rows"), ("N_CELL_ISSUES", "Problem cells")):
            self.addOutput(QgsProcessingOutputNumber(name, self.tr(label)))

    def execute(self, parameters: dict[str, Any], context: QgsProcessingContext,
                feedback: QgsProcessingFeedback) -> dict[str, Any]:
        path = self.parameterAsFile(parameters, self.INPUT, context)
        if not path:
            raise TailingsInputError("No assay file given")
        check_assay_file_name(path)
        sheet = self.parameterAsString(parameters, self.SHEET, context) or None
        target_crs = self.parameterAsCrs(parameters, self.TARGET_CRS, context)
        if not target_crs.isValid():
            target_crs = QgsCoordinateReferenceSystem(DEFAULT_CRS)
        source_crs = self.parameterAsCrs(parameters, self.SOURCE_CRS, context)
        substitution = SUBSTITUTIONS[self.parameterAsEnum(parameters, self.CENSORED_SUBSTITUTION, context)]
        deposits = None
        deposit_source = self.parameterAsSource(parameters, self.DEPOSITS, context)
        if deposit_source is not None:
            deposits = source_to_frame(deposit_source, feedback, target_crs=target_crs, context=context)
            if "deposit_id" not in deposits.columns:
                raise TailingsInputError("The DEPOSITS layer has no deposit_id field; run 'Import deposits' first")
        feedback.pushInfo(self.tr("Reading {0}").format(path))
        feedback.setProgressText(self.tr("Reading the assay file"))
        options = {"sheet": sheet, "censored_substitution": substitution,
                   "field_map": self.parameterAsString(parameters, self.FIELD_MAP, context) or None,
                   "source_crs": source_crs.authid() if source_crs.isValid() else None,
                   "target_crs": target_crs.authid() or target_crs.toWkt(), "deposits": deposits,
                   **limit_values(self, parameters, context)}
        # The number of rows is unknown until the end of a stream: report rows, not percent
        # (the worker thread's heartbeat only repeats the row reached).
        result = self.monitored(
            feedback, lambda log, warn, progress, cancel: import_assays(
                path, ImportOptions(**options, cancel=cancel, progress=progress)),
            progress=lambda row: feedback.setProgressText(self.tr("Reading the assay file: row {0:,.0f}").format(row)))
        for note in result.notes:
            feedback.pushInfo(self.text(note))
        for warning in result.warnings:
            feedback.pushWarning(self.text(warning))
        if result.linkage is not None:
            report = feedback.pushInfo if result.linkage.linked == result.linkage.total else feedback.pushWarning
            report(self.tr("Linkage: {0}").format(self.text(result.linkage.message())))
        feedback.setProgress(60)

        samples = result.samples.copy()
        if result.located:
            located = np.isfinite(samples["x"].to_numpy(dtype=float)) & np.isfinite(samples["y"].to_numpy(dtype=float))
            wkb = np.full(len(samples), None, dtype=object)
            if located.any():
                wkb[located] = _point_wkb(samples.loc[located, "x"].to_numpy(float),
                                          samples.loc[located, "y"].to_numpy(float))
            samples[GEOMETRY_COLUMN] = wkb
            geometry_type = QgsWkbTypes.Point
            feedback.pushInfo(self.tr("{0} of {1} samples have a location (the others have NULL geometry)").format(
                int(located.sum()), len(samples)))
        else:
            geometry_type = QgsWkbTypes.NoGeometry
            feedback.pushInfo(self.tr("The file has no coordinate columns: the samples are written as a table"))
        specs = (*SAMPLE_BASE_FIELDS, *EXTRA_SPECS)
        fields, aliases = split_aliases(fields_for_frame(samples, specs))
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, geometry_type, target_crs)
        if sink is None:
            raise TailingsInputError("The samples output cannot be created")
        frame_to_sink(samples, fields, sink, feedback)

        rejects = result.rejects_table()
        reject_fields, reject_aliases = split_aliases(fields_for_frame(rejects, specs))
        reject_sink, reject_id = self.parameterAsSink(parameters, self.REJECTS, context, reject_fields,
                                                      QgsWkbTypes.NoGeometry, QgsCoordinateReferenceSystem())
        if reject_sink is not None:
            frame_to_sink(rejects, reject_fields, reject_sink, feedback)
        del sink, reject_sink  # files closed before their aliases are stored
        apply_aliases(dest_id, aliases, context, feedback, self.tr)
        if reject_id:
            apply_aliases(reject_id, reject_aliases, context, feedback, self.tr)

        outputs: dict[str, Any] = {self.OUTPUT: dest_id, self.REJECTS: reject_id}
        report_path = self.parameterAsFileOutput(parameters, self.QAQC_REPORT, context)
        if report_path:
            write_qaqc_report(result, report_path, self.tr)
            feedback.pushInfo(self.tr("QA/QC report written to {0}").format(report_path))
            outputs[self.QAQC_REPORT] = report_path
        qaqc_kinds = ", ".join(f"{v} {k}" for k, v in result.qaqc_summary.counts.items())
        self.log_counts(feedback, "Assay rows", result.rows_read, len(result.samples), len(result.rejects),
                        len(result.qaqc), self.tr("QA/QC rows ({0})").format(qaqc_kinds))
        feedback.pushInfo(self.tr("{0} problem cell(s) in kept rows listed in REJECTS (reject_level = cell); "
                                  "{1} blank row(s) ignored").format(len(result.cell_issues), result.blank_rows))
        unlinked = int(pd.isna(result.samples["deposit_id"]).sum()) if len(result.samples) else 0
        if unlinked:
            feedback.pushWarning(self.tr("{0} sample(s) are not linked to any deposit").format(unlinked))
        outputs.update({"ROWS_READ": result.rows_read, "N_SAMPLES": len(result.samples),
                        "N_QAQC": len(result.qaqc), "N_REJECTED": len(result.rejects),
                        "N_CELL_ISSUES": len(result.cell_issues)})
        feedback.setProgress(100)
        return outputs


_WKB_POINT = np.dtype([("order", "u1"), ("type", "<u4"), ("x", "<f8"), ("y", "<f8")])


def _point_wkb(x: np.ndarray, y: np.ndarray) -> list[bytes]:
    """ISO WKB points (little endian, type 1), built for all points at once with numpy."""
    records = np.empty(len(x), dtype=_WKB_POINT)
    records["order"], records["type"], records["x"], records["y"] = 1, 1, x, y
    raw = records.tobytes()
    size = _WKB_POINT.itemsize
    return [raw[i:i + size] for i in range(0, len(raw), size)]
