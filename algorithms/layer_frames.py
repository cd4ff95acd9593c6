"""Conversion between QGIS feature sources/sinks and pandas frames for ``core``.

Geometry travels as WKB ``bytes`` in a ``geometry`` column (shapely reads it vectorised);
QGIS NULLs become ``None``/NaN and Qt date types become Python ones.
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd
from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingFeedback,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QTime, QVariant

from ..core.errors import OperationCancelled
from ..core.schema import FieldSpec, all_known_specs
from .layer_arrow import ogr_layer_columns
from .user_language import user_language

GEOMETRY_COLUMN = "geometry"
FID_COLUMN = "_fid"

# QGIS 3.38 moved QgsField to QMetaType types (the QVariant form is deprecated); 3.34 needs QVariant.
if Qgis.versionInt() >= 33800:
    from qgis.PyQt.QtCore import QMetaType

    _FIELD_TYPES = {"string": QMetaType.QString, "int": QMetaType.LongLong, "double": QMetaType.Double,
                    "datetime": QMetaType.QDateTime, "bool": QMetaType.Bool}
else:  # pragma: no cover - exercised on QGIS < 3.38 only
    _FIELD_TYPES = {"string": QVariant.String, "int": QVariant.LongLong, "double": QVariant.Double,
                    "datetime": QVariant.DateTime, "bool": QVariant.Bool}


_PLAIN_TYPES = frozenset((str, int, float, bool, bytes))  # values PyQGIS already gives as Python


def python_value(value: Any) -> Any:
    """A QGIS attribute value as a plain Python value (NULL → None)."""
    if value is None:
        return None
    if isinstance(value, QVariant):
        return None if value.isNull() else value.value()
    if isinstance(value, QDateTime):
        return value.toPyDateTime() if value.isValid() else None
    if isinstance(value, QDate):
        return value.toPyDate() if value.isValid() else None
    if isinstance(value, QTime):
        return value.toPyTime() if value.isValid() else None
    return value


def source_to_frame(source, feedback: QgsProcessingFeedback | None = None, *,
                    with_geometry: bool = True,
                    target_crs: QgsCoordinateReferenceSystem | None = None,
                    context: QgsProcessingContext | None = None) -> pd.DataFrame:
    """Every feature of ``source`` as one row: attributes, ``_fid`` and WKB ``geometry``.

    A whole layer of a local OGR file in its own CRS is read column-wise through GDAL's Arrow
    stream (``layer_arrow``), the same rows as the QgsFeature loop without a Python call per
    feature; any other source (memory layers, WFS, processing sources, filters, joins,
    reprojection) goes through QGIS's features.
    """
    reprojects = target_crs is not None and target_crs.isValid() and source.sourceCrs().isValid() \
        and target_crs != source.sourceCrs() and context is not None
    if not reprojects:
        if feedback is not None and feedback.isCanceled():
            raise OperationCancelled()
        columns = ogr_layer_columns(source, with_geometry, feedback.isCanceled if feedback is not None else None)
        if columns is not None:
            if feedback is not None:
                feedback.setProgress(100.0)
            return _frame(*columns, with_geometry)
    return feature_frame(source, feedback, with_geometry=with_geometry, target_crs=target_crs, context=context)


def feature_frame(source, feedback: QgsProcessingFeedback | None = None, *, with_geometry: bool = True,
                  target_crs: QgsCoordinateReferenceSystem | None = None,
                  context: QgsProcessingContext | None = None) -> pd.DataFrame:
    """``source_to_frame`` through QGIS features, one Python call per feature (any source)."""
    request = QgsFeatureRequest()
    if not with_geometry:
        request.setFlags(QgsFeatureRequest.NoGeometry)
    elif target_crs is not None and target_crs.isValid() and source.sourceCrs().isValid():
        transform_context = context.transformContext() if context else None
        if transform_context is not None:
            request.setDestinationCrs(target_crs, transform_context)
    names = [f.name() for f in source.fields()]
    total = source.featureCount()
    step = 100.0 / total if total and total > 0 else 0
    rows: list[list[Any]] = []
    fids: list[int] = []
    geoms: list[bytes | None] = []
    for i, feature in enumerate(source.getFeatures(request)):
        if feedback is not None and i % 1000 == 0:
            if feedback.isCanceled():
                raise OperationCancelled()
            feedback.setProgress(i * step)
        rows.append([v if type(v) in _PLAIN_TYPES else python_value(v) for v in feature.attributes()])
        fids.append(feature.id())
        if with_geometry:
            geom = feature.geometry()
            geoms.append(None if geom is None or geom.isNull() else bytes(geom.asWkb()))
    return _frame(names, rows, fids, geoms, with_geometry)


def _frame(names: list[str], rows: list, fids: list[int], geoms: list, with_geometry: bool) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=names) if rows else pd.DataFrame(columns=names)
    frame.insert(0, FID_COLUMN, np.asarray(fids, dtype=np.int64))
    if with_geometry:
        frame[GEOMETRY_COLUMN] = pd.Series(geoms, index=frame.index, dtype=object)
    return frame


def qgs_field(spec: FieldSpec) -> QgsField:
    field = QgsField(spec.name, _FIELD_TYPES[spec.type])
    alias = spec.alias(user_language())
    if alias:
        field.setAlias(alias)
    if spec.description:
        field.setComment(spec.description + (f" [{spec.unit}]" if spec.unit else ""))
    return field


def infer_spec(name: str, series: pd.Series) -> FieldSpec:
    """A FieldSpec for a column that is not in the canonical schema."""
    known = all_known_specs().get(name)
    if known is not None:
        return known
    if pd.api.types.is_bool_dtype(series):
        kind = "bool"
    elif pd.api.types.is_integer_dtype(series):
        kind = "int"
    elif pd.api.types.is_float_dtype(series):
        kind = "double"
    elif pd.api.types.is_datetime64_any_dtype(series):
        kind = "datetime"
    else:
        kind = "string"
    return FieldSpec(name, kind, "", "")


def fields_for_frame(frame: pd.DataFrame, specs: Sequence[FieldSpec] = ()) -> QgsFields:
    """QgsFields in frame column order; ``specs`` win over inference."""
    by_name = {s.name: s for s in specs}
    fields = QgsFields()
    for name in frame.columns:
        if name in (GEOMETRY_COLUMN, FID_COLUMN):
            continue
        fields.append(qgs_field(by_name.get(name) or infer_spec(name, frame[name])))
    return fields


def _cell(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, np.generic):
        value = value.item()
        if isinstance(value, float) and math.isnan(value):
            return None
    if isinstance(value, pd.Timestamp):
        return None if pd.isna(value) else QDateTime(value.to_pydatetime())
    if value is pd.NaT or value is pd.NA:
        return None
    return value


def frame_to_sink(frame: pd.DataFrame, fields: QgsFields, sink: QgsFeatureSink,
                  feedback: QgsProcessingFeedback | None = None,
                  transform: QgsCoordinateTransform | None = None) -> int:
    """Write every row of ``frame`` (columns named as ``fields``) to ``sink``; returns count."""
    names = [fields.at(i).name() for i in range(fields.count())]
    columns = [frame[n].astype(object).tolist() if n in frame.columns else [None] * len(frame)
               for n in names]
    geoms = frame[GEOMETRY_COLUMN].tolist() if GEOMETRY_COLUMN in frame.columns else None
    total = len(frame)
    written = 0
    batch: list[QgsFeature] = []
    for i in range(total):
        feature = QgsFeature(fields)
        feature.setAttributes([_cell(col[i]) for col in columns])
        if geoms is not None and geoms[i] is not None:
            geom = QgsGeometry()
            geom.fromWkb(geoms[i])
            if transform is not None:
                geom.transform(transform)
            feature.setGeometry(geom)
        batch.append(feature)
        if len(batch) >= 5000:
            _add(sink, batch)
            written += len(batch)
            batch = []
            if feedback is not None:
                if feedback.isCanceled():
                    raise OperationCancelled()
                feedback.setProgress(100.0 * written / max(total, 1))
    if batch:
        _add(sink, batch)
        written += len(batch)
    return written


def _add(sink: QgsFeatureSink, batch: list[QgsFeature]) -> None:
    # addFeatures returns False when the provider could not write (disk full, read-only
    # folder, quota): carrying on would report rows that are not in the output.
    if not sink.addFeatures(batch, QgsFeatureSink.FastInsert):
        error = sink.lastError() if hasattr(sink, "lastError") else ""
        raise OSError(f"could not write features to the output ({error or 'the provider refused them'}); "
                      "is the disk full or the folder read-only?")


def frames_columns(frames: Iterable[pd.DataFrame]) -> list[str]:
    seen: dict[str, None] = {}
    for frame in frames:
        for c in frame.columns:
            seen.setdefault(c, None)
    return list(seen)
