"""``tailingsunfc:export``: classified deposits + quantities → GeoPackage or PostGIS + xlsx summary.

A thin adapter over ``core.export``: reads the two inputs into frames, resolves PostGIS
credentials through the QGIS authentication manager (never from a parameter), and hands
everything to ``core.export.run.export_run``.
"""
from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsApplication,
    QgsDataSourceUri,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ..core.errors import TailingsInputError
from ..core.export.postgis import DEFAULT_SCHEMA, PostgisTarget, parse_destination
from ..core.export.provenance import parse_run_metadata
from ..core.export.run import export_run
from ..core.schema import DEFAULT_CRS
from .base import TailingsAlgorithm
from .layer_frames import GEOMETRY_COLUMN, source_to_frame
from .user_language import user_language


def resolve_postgis_credentials(target: PostgisTarget) -> dict[str, str]:
    """User name and password from the QGIS authentication config, in memory only."""
    if not target.authcfg:
        return {}  # service name: libpq reads pg_service.conf / .pgpass itself
    manager = QgsApplication.authManager()
    if target.authcfg not in manager.configIds():
        raise TailingsInputError("The QGIS authentication config {0!r} does not exist in this "
                                 "profile (Settings ▸ Options ▸ Authentication)", target.authcfg)
    ok, items = manager.updateDataSourceUriItems([], target.authcfg, "postgres")
    if not ok:
        raise TailingsInputError("The QGIS authentication config {0!r} could not be read "
                                 "(is the master password set?)", target.authcfg)
    uri = QgsDataSourceUri(" ".join(items))
    credentials = {"user": uri.username(), "password": uri.password()}
    for key, value in (("sslcert", uri.param("sslcert")), ("sslkey", uri.param("sslkey")),
                       ("sslrootcert", uri.param("sslrootcert"))):
        if value:
            credentials[key] = value
    return {k: v for k, v in credentials.items() if v}


class ExportAlgorithm(TailingsAlgorithm):
    ALG_ID = "export"
    DISPLAY_NAME = "Export to national database (GeoPackage / PostGIS)"
    HELP = (
        "Writes the product of a run: the classified deposits layer, the UNFC quantities table, a run "
        "metadata table, a field dictionary (units, Norwegian aliases), optionally an ERML-Lite "
        "MiningWasteView layer with classificationMethodUsed = UNFCCode, and the UNFC class style.\n"
        "DESTINATION is a GeoPackage file (.gpkg), written atomically and upserted by deposit_id, or a "
        "PostGIS connection: postgres://?authcfg=ID&service=NAME&schema=tailings or the QGIS form "
        "authcfg=ID host=… port=… dbname=… schema=…. Passwords are refused: store them in a QGIS "
        "authentication config.\nOUTPUT_REPORT is an xlsx summary: one sheet per commodity with "
        "quantities by UNFC class and the deposits, plus the run metadata."
    )

    INPUT = "INPUT"
    QUANTITIES = "QUANTITIES"
    DESTINATION = "DESTINATION"
    OUTPUT_REPORT = "OUTPUT_REPORT"
    ERML = "ERML"
    RUN_METADATA = "RUN_METADATA"
    TABLE_PREFIX = "TABLE_PREFIX"
    SCHEMA = "SCHEMA"

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Classified deposits"), [QgsProcessing.TypeVectorAnyGeometry]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.QUANTITIES, self.tr("UNFC quantities table"), [QgsProcessing.TypeVector]))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.DESTINATION, self.tr("Destination (GeoPackage file, or PostGIS: postgres://?authcfg=…)"),
            self.tr("GeoPackage (*.gpkg)")))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_REPORT, self.tr("Summary workbook"), self.tr("Excel workbook (*.xlsx)"),
            optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.ERML, self.tr("Also write the ERML-Lite MiningWasteView layer"), defaultValue=True))
        self.addParameter(QgsProcessingParameterString(
            self.RUN_METADATA, self.tr("Run metadata (JSON object or .json file; filled by the pipeline)"),
            multiLine=True, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.TABLE_PREFIX, self.tr("Table name prefix"), defaultValue="", optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.SCHEMA, self.tr("PostGIS schema (when the destination does not name one)"),
            defaultValue=DEFAULT_SCHEMA, optional=True))
        self.addOutput(QgsProcessingOutputString("RUN_ID", self.tr("Run id")))
        self.addOutput(QgsProcessingOutputNumber("DEPOSITS_WRITTEN", self.tr("Deposits written")))
        self.addOutput(QgsProcessingOutputNumber("QUANTITIES_WRITTEN", self.tr("Quantity rows written")))

    def _destination(self, parameters: dict[str, Any], context: QgsProcessingContext) -> str:
        # A PostGIS connection string must reach core unchanged: read the raw value first,
        # because a file destination may be turned into a path by the framework.
        raw = parameters.get(self.DESTINATION)
        sink = getattr(raw, "sink", None)
        if sink is not None:
            raw = sink.staticValue()
        text = str(raw or "").strip()
        if text.lower().endswith(".gpkg") and parse_destination(text[:-5], DEFAULT_SCHEMA) is not None:
            text = text[:-5]  # the dialog's file widget appends the default extension to typed text
        if text and parse_destination(text, DEFAULT_SCHEMA) is not None:
            return text
        return self.parameterAsFileOutput(parameters, self.DESTINATION, context)

    def execute(self, parameters: dict[str, Any], context: QgsProcessingContext,
                feedback: QgsProcessingFeedback) -> dict[str, Any]:
        destination = self._destination(parameters, context)
        report = self.parameterAsFileOutput(parameters, self.OUTPUT_REPORT, context) or None
        include_erml = self.parameterAsBoolean(parameters, self.ERML, context)
        run_metadata = parse_run_metadata(self.parameterAsString(parameters, self.RUN_METADATA, context))
        prefix = self.parameterAsString(parameters, self.TABLE_PREFIX, context) or ""
        schema = self.parameterAsString(parameters, self.SCHEMA, context) or DEFAULT_SCHEMA
        deposits_source = self.parameterAsSource(parameters, self.INPUT, context)
        quantities_source = self.parameterAsSource(parameters, self.QUANTITIES, context)
        if deposits_source is None or quantities_source is None:
            raise TailingsInputError("INPUT and QUANTITIES must both be given")
        crs = deposits_source.sourceCrs()
        crs_text = crs.authid() if crs.isValid() and crs.authid() else (crs.toWkt() if crs.isValid() else DEFAULT_CRS)
        feedback.pushInfo(self.tr("Reading the classified deposits …"))
        deposits = source_to_frame(deposits_source, feedback)
        quantities = source_to_frame(quantities_source, feedback, with_geometry=False)
        if GEOMETRY_COLUMN not in deposits.columns:
            raise TailingsInputError("INPUT has no geometry")
        feedback.setProgress(0)
        result = self.monitored(feedback, lambda log, warn, progress, cancel: export_run(
            deposits, quantities, destination, crs=crs_text, report_path=report, run_metadata=run_metadata,
            include_erml=include_erml, table_prefix=prefix, schema=schema,
            resolve_credentials=resolve_postgis_credentials, progress=progress, cancel=cancel, log=log,
            deposits_name=f"INPUT ({deposits_source.sourceName()})",
            quantities_name=f"QUANTITIES ({quantities_source.sourceName()})", language=user_language(),
            translate=self.tr), progress=feedback.setProgress)
        self.log_counts(feedback, "deposits", len(deposits), result.deposits_written, 0)
        self.log_counts(feedback, "quantity rows", len(quantities), result.quantities_written, 0)
        return {
            self.DESTINATION: result.destination,
            self.OUTPUT_REPORT: result.report,
            "RUN_ID": result.run.run_id,
            "DEPOSITS_WRITTEN": result.deposits_written,
            "QUANTITIES_WRITTEN": result.quantities_written,
        }
