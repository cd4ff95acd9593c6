"""Which deposits intersect each constraint layer (protected areas, reindeer herding, water…)."""
from __future__ import annotations

from collections.abc import Sequence

from qgis.core import QgsCoordinateReferenceSystem, QgsFeatureRequest, QgsProcessingContext, QgsProcessingFeedback
from qgis.PyQt.QtCore import QCoreApplication

from ..core.unfc import ConstraintHits
from ..core.unfc.constraints import intersecting


def constraint_hits(layers: Sequence, deposit_wkb: Sequence[bytes | None], crs: QgsCoordinateReferenceSystem,
                    context: QgsProcessingContext, feedback: QgsProcessingFeedback) -> list[ConstraintHits]:
    """One ConstraintHits per layer, with the layer's geometries transformed into ``crs``."""
    hits = []
    for layer in layers or []:
        request = QgsFeatureRequest().setNoAttributes()
        request.setDestinationCrs(crs, context.transformContext())
        geoms = [bytes(f.geometry().asWkb()) if f.hasGeometry() else None for f in layer.getFeatures(request)]
        mask = intersecting(deposit_wkb, geoms)
        text = QCoreApplication.translate("TailingsUnfc", "Constraint layer '{0}': {1} deposit(s) intersect it")
        feedback.pushInfo(text.format(layer.name(), int(mask.sum())))
        hits.append(ConstraintHits(layer.name(), mask))
    return hits
