"""The UNFC class legend in the user's language.

The shipped style (resources/styles, generated from core.export.styles) carries English
category labels; a layer loaded in QGIS gets them through tr(), so the legend, the layer
panel and the factsheets speak the user's language while the stored style stays English.
"""
from __future__ import annotations

from qgis.core import QgsCategorizedSymbolRenderer, QgsVectorLayer

from ..core.export.styles import OTHER_COMBINATIONS, OTHER_LABEL, UNFC_CLASS_COLOURS
from ..core.unfc.engine import NOT_CLASSIFIED
from ..qt_translate import tr


def class_legend_labels() -> dict[str, str]:
    """English legend label -> translated label, for every category of the shipped style."""
    labels = {label: tr(label) for _value, label, _colour in UNFC_CLASS_COLOURS}
    labels.update({label: tr(label) for label in (OTHER_COMBINATIONS[1], OTHER_LABEL)})
    return labels


def translate_class_legend(layer: QgsVectorLayer) -> None:
    """Relabel the categories of ``layer``'s UNFC class style; other renderers are left alone."""
    renderer = layer.renderer()
    if not isinstance(renderer, QgsCategorizedSymbolRenderer):
        return
    labels = class_legend_labels()
    for index, category in enumerate(renderer.categories()):
        if category.label() in labels:
            renderer.updateCategoryLabel(index, labels[category.label()])
    layer.emitStyleChanged()


def class_name(value: str) -> str:
    """A UNFC class as classify writes it (``unfc_class``), in the user's language."""
    names = {name: tr(name) for name, _label, _colour in UNFC_CLASS_COLOURS}
    names.update({name: tr(name) for name in (OTHER_COMBINATIONS[0], OTHER_LABEL, NOT_CLASSIFIED)})
    return names.get(value, value)
