"""``tailingsunfc:importdeposits``: any OGR source or WFS layer → the canonical deposit schema."""
from __future__ import annotations

import contextlib
import json
import math
import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import pandas as pd
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeatureRequest,
    QgsFields,
    QgsNetworkAccessManager,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingFeedback,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingUtils,
    QgsRectangle,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ..core.deposits import import_deposits, parse_field_map
from ..core.deposits.geometry import LINE, POINT, POLYGON
from ..core.deposits.tonnage import DEFAULT_DRY_DENSITY_T_M3
from ..core.errors import TailingsInputError
from ..core.message import Message, as_data
from ..core.schema import DEFAULT_CRS, DEPOSIT_FIELDS, OPTIONAL_DEPOSIT_FIELDS, REJECT_REASON_FIELD
from .base import TailingsAlgorithm
from .field_aliases import apply_aliases, split_aliases
from .layer_frames import FID_COLUMN, GEOMETRY_COLUMN, frame_to_sink, qgs_field, source_to_frame

# Widening (longitude, latitude degrees) of a CRS's official area of use before coordinates count as
# impossible for it; catches lat/lon pasted into a UTM layer (y of a few dozen metres = the equator).
AREA_OF_USE_MARGIN_DEG = (15.0, 10.0)
_SPECS = {s.name: s for s in (*DEPOSIT_FIELDS, *OPTIONAL_DEPOSIT_FIELDS)}
_DIMENSION = {QgsWkbTypes.PointGeometry: POINT, QgsWkbTypes.LineGeometry: LINE,
              QgsWkbTypes.PolygonGeometry: POLYGON}


def wfs_uri_from_text(text: str) -> str | None:
    """A QGIS WFS provider URI for the WFS forms a user may type, else None.

    Accepted: ``wfs://url=... typename=...``, a bare provider URI ``url=... typename=...``,
    and a plain GetFeature/GetCapabilities URL with ``TYPENAME`` (or ``TYPENAMES``) in its
    query string, e.g. ``http://host/ows?SERVICE=WFS&TYPENAME=ns:layer``.
    """
    text = text.strip()
    if text.lower().startswith("wfs://"):
        return text[len("wfs://"):]
    if re.search(r"(^|\s)url=", text) and re.search(r"(^|\s)typename=", text, flags=re.IGNORECASE):
        return text
    if re.match(r"https?://", text, flags=re.IGNORECASE):
        parts = urlsplit(text)
        query = parse_qsl(parts.query, keep_blank_values=True)
        typename = next((v for k, v in query if k.lower() in ("typename", "typenames")), None)
        # The provider builds its own requests: keep only the parts that are not WFS request keys.
        keep = [(k, v) for k, v in query if k.lower() not in (
            "service", "request", "version", "typename", "typenames", "outputformat", "srsname")]
        base = urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(keep), ""))
        if typename is None:
            raise TailingsInputError(
                "The WFS URL {0!r} does not say which feature type to read: add TYPENAME=<layer> "
                "(see the service's GetCapabilities), or pass \"url={1} typename=<layer>\".", text, base)
        return f"url='{base}' typename='{typename}'"
    return None


DEFAULT_TIMEOUT_S = 15.0


@contextlib.contextmanager
def network_timeout(seconds: float):
    """QGIS's network timeout (every request of the WFS provider; the setting
    qgis/networkAndProxy/networkTimeout, 60 s by default) for the duration of a read, then restored."""
    previous = QgsNetworkAccessManager.timeout()
    QgsNetworkAccessManager.setTimeout(max(1, round(seconds * 1000)))
    try:
        yield
    finally:
        QgsNetworkAccessManager.setTimeout(previous)


class ImportDepositsAlgorithm(TailingsAlgorithm):
    ALG_ID = "importdeposits"
    DISPLAY_NAME = "Import deposit layer"
    HELP = (
        "Reads an NGU deposit registry (points) or an old-tailings layer (polygons) from any OGR source "
        "(GeoPackage, shapefile, GeoJSON, GML) or a WFS, and writes it in the canonical deposit schema "
        "(deposit_id, name, municipality, deposit_kind, setting, source_mine, source_commodity, status, "
        "area_m2, volume_m3, density_t_m3, tonnage_t, tonnage_source), then the optional fields found "
        "(importance, ore_type, mining years, mill process, project status, head grades in ppm, recoveries "
        "as fractions, ...), then the source's other fields.\n\n"
        "Fields are matched by name (Norwegian, English, shapefile-truncated); FIELD_MAP overrides, e.g. "
        "'deposit_id=OBJ_ID;name=NAVN' or JSON {\"deposit_id\": \"OBJ_ID\"}; 'tonnage_t=' switches a match off.\n\n"
        "Tonnage: a recorded tonnage wins; else volume × density; else, for tailings (or unknown kind), "
        f"volume × {DEFAULT_DRY_DENSITY_T_M3} t/m³; else none. tonnage_source says which.\n\n"
        "Every feature ends in OUTPUT or in REJECTS with reject_reason: missing or duplicate ids, values that "
        "are not numbers, negative quantities, empty geometries, invalid geometries that cannot be repaired "
        "safely. A layer without a CRS is refused.\n\n"
        "WFS: INPUT takes 'wfs://url=https://host/ows typename=ns:layer', the bare provider form "
        "'url=... typename=...', or a URL with TYPENAME in its query. TIMEOUT (seconds, default "
        f"{DEFAULT_TIMEOUT_S:g}) bounds each request to the server, instead of QGIS's 60 s."
    )

    INPUT = "INPUT"
    FIELD_MAP = "FIELD_MAP"
    TARGET_CRS = "TARGET_CRS"
    TIMEOUT = "TIMEOUT"
    OUTPUT = "OUTPUT"
    REJECTS = "REJECTS"

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Deposit layer (file, database or WFS)"),
            [QgsProcessing.TypeVectorAnyGeometry]))
        self.addParameter(QgsProcessingParameterString(
            self.FIELD_MAP, self.tr("Field map override (canonical=source;... or JSON)"), optional=True))
        self.addParameter(QgsProcessingParameterCrs(
            self.TARGET_CRS, self.tr("Target CRS"), defaultValue=DEFAULT_CRS))
        self.addParameter(QgsProcessingParameterNumber(
            self.TIMEOUT, self.tr("Network timeout for a WFS (seconds)"), QgsProcessingParameterNumber.Double,
            defaultValue=DEFAULT_TIMEOUT_S, minValue=1.0, maxValue=3600.0, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Deposits")))
        self.addParameter(QgsProcessingParameterFeatureSink(self.REJECTS, self.tr("Rejected features")))
        for name, label in (("N_READ", "Features read"), ("N_ACCEPTED", "Deposits written"),
                            ("N_REJECTED", "Features rejected"),
                            ("ID_FROM_NAME", "1 when deposit_id is the name (no id field), else 0")):
            self.addOutput(QgsProcessingOutputNumber(name, self.tr(label)))
        self.addOutput(QgsProcessingOutputString("ID_SOURCE", self.tr("Where deposit_id came from")))
        self.addOutput(QgsProcessingOutputString("WARNINGS", self.tr("Warnings of the import (JSON list)")))
        self.addOutput(QgsProcessingOutputString(
            "WARNING_MESSAGES", self.tr("The same warnings as [template, values...] (JSON), for translating them")))

    # -- input ------------------------------------------------------------------------------

    def _whole_layer(self, parameters: dict[str, Any], context: QgsProcessingContext, source,
                     target_crs: QgsCoordinateReferenceSystem) -> QgsVectorLayer | None:
        """The input layer itself when every one of its features is read as it is stored (no
        selection, limit, filter or reprojection), so that source_to_frame can read it
        column-wise (layer_arrow) instead of one QgsFeature at a time; else None."""
        value = parameters.get(self.INPUT)
        if isinstance(value, QgsProcessingFeatureSourceDefinition) and (
                value.selectedFeaturesOnly or value.featureLimit != -1 or getattr(value, "filterExpression", "")):
            return None
        if self._wfs_layer is not None or source.sourceCrs() != target_crs:
            return None
        layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        if not isinstance(layer, QgsVectorLayer) or not layer.isValid() \
                or layer.featureCount() != source.featureCount():
            return None
        return layer

    def _raw_input(self, parameters: dict[str, Any], context: QgsProcessingContext) -> str:
        value = parameters.get(self.INPUT)
        if isinstance(value, QgsProcessingFeatureSourceDefinition):
            value = value.source.staticValue()
        if isinstance(value, str) and value:
            # A project layer named by its id ("selected features only" in the dialog) is that layer.
            known = QgsProcessingUtils.mapLayerFromString(value, context, False)
            if isinstance(known, QgsVectorLayer):
                value = known
        if isinstance(value, QgsVectorLayer):
            return value.source()
        return "" if value is None else str(value)

    def _open_input(self, parameters: dict[str, Any], context: QgsProcessingContext):
        """(feature source, a name for messages); raises TailingsInputError with the cause."""
        raw = self._raw_input(parameters, context)
        wfs_uri = wfs_uri_from_text(raw) if raw else None
        self._wfs_layer = None
        source = None
        if wfs_uri is None:
            source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is not None:
            return source, raw or source.sourceName()
        if wfs_uri is not None:
            # kept alive while its features are read
            self._wfs_layer = self._open_wfs(wfs_uri, self._timeout(parameters, context))
            return self._wfs_layer, wfs_uri
        self._check_path(raw)
        raise TailingsInputError(
            "Could not open {0!r} as a vector layer: GDAL/OGR cannot read it, or the layer name after "
            "'|layername=' is wrong.", raw)

    def checkParameterValues(self, parameters: dict[str, Any], context: QgsProcessingContext) -> tuple[bool, str]:
        # QGIS's own check loads INPUT and only says "not found"; give the cause instead, and let
        # WFS forms the generic loader does not know (bare provider URI, plain URL) through.
        raw = self._raw_input(parameters, context)
        if raw:
            try:
                wfs_uri = wfs_uri_from_text(raw)
                if wfs_uri is not None:
                    layer = self._open_wfs(wfs_uri, self._timeout(parameters, context))
                    return super().checkParameterValues({**parameters, self.INPUT: layer}, context)
                self._check_path(raw)
            except TailingsInputError as err:
                return False, str(err)
        ok, message = super().checkParameterValues(parameters, context)
        if not ok and raw:
            message = self._explain_unreadable(raw) or message
        return ok, message

    @staticmethod
    def _explain_unreadable(raw: str) -> str | None:
        """For an existing file QGIS cannot open: say whether GDAL reads it and which layers it has."""
        path, _, rest = raw.partition("|")
        if not Path(path).is_file():
            return None
        from osgeo import gdal

        try:
            dataset = gdal.OpenEx(path, gdal.OF_VECTOR)
        except RuntimeError:
            dataset = None
        if dataset is None:
            return f"GDAL/OGR cannot read {path} as a vector file (wrong format or damaged)."
        names = [dataset.GetLayer(i).GetName() for i in range(dataset.GetLayerCount())]
        wanted = rest.partition("layername=")[2].split("|")[0] if "layername=" in rest else ""
        if wanted and wanted not in names:
            return f"{path} has no layer {wanted!r}; its layers are: {', '.join(names)}"
        return None

    def _timeout(self, parameters: dict[str, Any], context: QgsProcessingContext) -> float:
        if parameters.get(self.TIMEOUT) in (None, ""):
            return DEFAULT_TIMEOUT_S
        return self.parameterAsDouble(parameters, self.TIMEOUT, context)

    @staticmethod
    def _open_wfs(wfs_uri: str, timeout_s: float) -> QgsVectorLayer:
        with network_timeout(timeout_s):
            layer = QgsVectorLayer(wfs_uri, "wfs_input", "WFS")
        if not layer.isValid():
            detail = layer.dataProvider().error().summary() if layer.dataProvider() else ""
            raise TailingsInputError(
                "The WFS did not answer within TIMEOUT = {0:g} s, or does not offer the requested "
                "feature type ({1}). Check the address, the typename and the network, or give a longer "
                "TIMEOUT{2}.", timeout_s, wfs_uri, ": " + detail if detail else "")
        return layer

    @staticmethod
    def _check_path(raw: str) -> None:
        """A plain file path (not a provider URI such as 'dbname=...' or 'PG:...') must exist."""
        path = raw.split("|", 1)[0].strip()
        looks_like_uri = ("=" in path or path.startswith("/vsi")  # GDAL virtual files: /vsizip/, /vsicurl/
                          or re.match(r"^[A-Za-z][A-Za-z0-9+.-]+:(?![\\/])", path) is not None)
        if path and not looks_like_uri and not Path(path).exists():
            raise TailingsInputError("The input file does not exist", file=path)

    # -- run --------------------------------------------------------------------------------

    def execute(self, parameters: dict[str, Any], context: QgsProcessingContext,
                feedback: QgsProcessingFeedback) -> dict[str, Any]:
        steps = QgsProcessingMultiStepFeedback(3, feedback)
        overrides = parse_field_map(self.parameterAsString(parameters, self.FIELD_MAP, context))
        target_crs: QgsCoordinateReferenceSystem = self.parameterAsCrs(parameters, self.TARGET_CRS, context)
        if not target_crs.isValid() or target_crs.isGeographic() \
                or target_crs.mapUnits() != QgsUnitTypes.DistanceMeters:
            raise TailingsInputError(
                "TARGET_CRS must be a projected CRS in metres (areas and volumes are in m², m³); got "
                "{0}. Use e.g. EPSG:25833.",
                target_crs.authid() or target_crs.description() or Message("an invalid CRS"))

        # Read every feature, invalid geometries included: they must reach OUTPUT (repaired) or
        # REJECTS, never be dropped silently by the context's invalid-geometry filter.
        previous_check = context.invalidGeometryCheck()
        context.setInvalidGeometryCheck(QgsFeatureRequest.GeometryNoCheck)
        try:
            source, source_name = self._open_input(parameters, context)
            geometry_type = QgsWkbTypes.geometryType(source.wkbType())
            if geometry_type == QgsWkbTypes.NullGeometry:
                raise TailingsInputError(
                    "The input is a table without geometry; a deposit layer needs points or polygons "
                    "(for a spreadsheet of samples use Import assays).", file=source_name)
            if geometry_type == QgsWkbTypes.LineGeometry:
                raise TailingsInputError(
                    "The input holds lines; a deposit layer needs polygons (tailings outlines) or points "
                    "(deposit registry). Convert lines that outline a deposit with native:linestopolygons.",
                    file=source_name)
            source_crs = source.sourceCrs()
            # GeoPackage's placeholders for "no CRS" (srs_id 0 and -1) read as valid CRSs in QGIS.
            if not source_crs.isValid() or (not source_crs.authid()
                                            and source_crs.description().startswith("Undefined ")):
                raise TailingsInputError(
                    "The input layer has no coordinate reference system, so its coordinates cannot be placed. "
                    "Assign the right one (Layer Properties → Source, or native:assignprojection, or a .prj "
                    "beside a shapefile) and run again; common Norwegian CRSs are EPSG:25832/25833/25835 "
                    "and EPSG:4326.", file=source_name)
            feedback.pushInfo(self.tr("Reading {0} ({1} → {2})").format(
                source_name, source_crs.authid() or source_crs.description(), target_crs.authid()))
            remote = contextlib.nullcontext() if self._wfs_layer is None else \
                network_timeout(self._timeout(parameters, context))
            whole = self._whole_layer(parameters, context, source, target_crs)
            with remote:
                frame = source_to_frame(whole or source, steps, target_crs=target_crs, context=context)
            source_fields = source.fields()
            problems = self._transform_failures(source, frame, source_crs, target_crs)
        finally:
            context.setInvalidGeometryCheck(previous_check)
        if frame.empty:
            feedback.pushWarning(self.tr("The input layer has no features."))

        steps.setCurrentStep(1)
        result = import_deposits(frame, field_map=overrides, geometry_dimension=_DIMENSION.get(geometry_type),
                                 source_name=source_name, geometry_problems=problems,
                                 valid_extent=self._crs_extent(source_crs, target_crs, context),
                                 extent_label=source_crs.authid() or source_crs.description(),
                                 cancel=self.cancel_hook(feedback))
        feedback.pushInfo(self.tr("Field mapping:") + "\n  " + "\n  ".join(result.mapping.describe()))
        feedback.pushInfo(self.tr("deposit_id from {0}").format(self.text(result.id_description)))
        for warning in result.warnings:
            feedback.pushWarning(self.text(warning))
        if result.tonnage_sources:
            feedback.pushInfo("tonnage_source: " + ", ".join(  # i18n: not user text (a field name and its counts)
                f"{k} {v}" for k, v in sorted(result.tonnage_sources.items())))

        steps.setCurrentStep(2)
        deposits, rejects = result.deposits, result.rejects
        out_fields, aliases = split_aliases(self._output_fields(deposits, source_fields, result.mapping))
        out_type = source.wkbType()
        if geometry_type == QgsWkbTypes.PolygonGeometry and not deposits.empty:
            kinds = shapely.get_type_id(shapely.from_wkb(deposits[GEOMETRY_COLUMN].to_numpy()))
            if (kinds == shapely.GeometryType.MULTIPOLYGON).any():
                out_type = QgsWkbTypes.multiType(out_type)  # a repaired polygon may have become multi
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, out_fields, out_type, target_crs)
        reject_fields = QgsFields(source_fields)
        reject_fields.append(qgs_field(REJECT_REASON_FIELD))
        reject_fields, _ = split_aliases(reject_fields)  # no alias on a sink (field_aliases.py)
        reject_sink, reject_id = self.parameterAsSink(parameters, self.REJECTS, context, reject_fields,
                                                      source.wkbType(), target_crs)
        if sink is None or reject_sink is None:
            raise TailingsInputError("Could not create the output layers (check the output paths).")
        written = frame_to_sink(deposits, out_fields, sink, steps)
        rejected = frame_to_sink(rejects, reject_fields, reject_sink)
        for sink_object in (sink, reject_sink):
            sink_object.flushBuffer()
        # Drop the sink objects so file outputs are closed before their style is written.
        del sink, reject_sink
        apply_aliases(dest_id, aliases, context, feedback, self.tr)
        steps.setProgress(100)
        self.log_counts(feedback, "Deposits", len(frame), written, rejected)
        return {self.OUTPUT: dest_id, self.REJECTS: reject_id, "N_READ": len(frame),
                "N_ACCEPTED": written, "N_REJECTED": rejected, "ID_FROM_NAME": int(result.id_from_name),
                "ID_SOURCE": str(result.id_description),
                "WARNINGS": json.dumps(result.warnings, ensure_ascii=False),
                "WARNING_MESSAGES": json.dumps([as_data(w) for w in result.warnings], ensure_ascii=False)}

    @staticmethod
    def _transform_failures(source, frame, source_crs: QgsCoordinateReferenceSystem,
                            target_crs: QgsCoordinateReferenceSystem) -> pd.Series | None:
        """Reasons for features whose geometry QGIS dropped because it could not be transformed
        (e.g. UTM metres in a layer that says EPSG:4326): re-read just those, untransformed."""
        if source_crs == target_crs or frame.empty:
            return None
        missing = frame[GEOMETRY_COLUMN].isna()
        if not missing.any():
            return None
        request = QgsFeatureRequest().setFilterFids([int(f) for f in frame.loc[missing, FID_COLUMN]])
        reasons = {}
        for feature in source.getFeatures(request):
            geom = feature.geometry()
            if geom is not None and not geom.isNull() and not geom.isEmpty():
                vertex = geom.vertexAt(0)
                reasons[feature.id()] = (
                    f"coordinates ({vertex.x():.6g}, {vertex.y():.6g}) cannot be transformed from "
                    f"{source_crs.authid()} to {target_crs.authid()}: is this feature in another CRS?")
        if not reasons:
            return None
        return frame[FID_COLUMN].map(reasons).astype(object).where(frame[FID_COLUMN].isin(list(reasons)), None)

    @staticmethod
    def _crs_extent(source_crs: QgsCoordinateReferenceSystem, target_crs: QgsCoordinateReferenceSystem,
                    context: QgsProcessingContext) -> tuple[float, float, float, float] | None:
        """The source CRS's area of use, widened (national grids are used well beyond their official
        zone: EPSG:25833 for all of Norway, 4°E-31°E), in target-CRS coordinates; None when unknown."""
        bounds = source_crs.bounds()
        if bounds.isNull() or bounds.isEmpty():
            return None
        lon_margin, lat_margin = AREA_OF_USE_MARGIN_DEG
        widened = QgsRectangle(max(-180.0, bounds.xMinimum() - lon_margin), max(-90.0, bounds.yMinimum() - lat_margin),
                               min(180.0, bounds.xMaximum() + lon_margin), min(90.0, bounds.yMaximum() + lat_margin))
        if widened.width() >= 359.0:
            return None  # a world-wide CRS: nothing to check
        try:
            to_target = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), target_crs,
                                               context.transformContext())
            box = to_target.transformBoundingBox(widened)
        except QgsCsException:
            return None
        values = (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum())
        return values if all(math.isfinite(v) for v in values) else None

    @staticmethod
    def _output_fields(deposits, source_fields: QgsFields, mapping) -> QgsFields:
        """Canonical fields with aliases, then optional ones, then the source's other fields with their
        original types (renamed ``src_<name>`` where they would clash)."""
        fields = QgsFields()
        source_names = [source_fields.at(i).name() for i in range(source_fields.count())]
        unmapped = [n for n in source_names if n not in mapping.mapped_sources]
        other_iter = iter(unmapped)
        for name in deposits.columns:
            if name in (GEOMETRY_COLUMN, FID_COLUMN):
                continue
            if name in _SPECS:
                fields.append(qgs_field(_SPECS[name]))  # its alias goes on the layer (split_aliases)
                continue
            original = next(other_iter)
            field = source_fields.at(source_fields.indexOf(original))
            field.setName(name)
            fields.append(field)
        return fields
