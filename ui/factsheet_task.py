"""The results panel's factsheets: ``export_factsheets`` for the panel's layer (all deposits,
or the selected ones) as a background QgsTask. The task works on its own copy of the layer,
opened in the task's thread (a memory layer is copied in the GUI thread first), so the
user's layer is only read, never shared with the worker."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from qgis.core import QgsExpression, QgsFeatureRequest, QgsFeedback, QgsTask, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication

from ..algorithms.factsheet_export import export_factsheets
from ..core.errors import OperationCancelled, TailingsInputError


def tr(text: str) -> str:
    return QCoreApplication.translate("TailingsUnfc", text)


def deposit_filter(deposit_ids: Sequence[str]) -> str:
    """An expression selecting these deposits (empty: all)."""
    if not deposit_ids:
        return ""
    values = ",".join(QgsExpression.quotedValue(str(v)) for v in deposit_ids)
    return f"{QgsExpression.quotedColumnRef('deposit_id')} IN ({values})"


class FactsheetTask(QgsTask):
    """``on_done(task)`` is called in the GUI thread; then ``paths`` (written), ``error`` and
    ``isCanceled()`` say how it ended."""

    def __init__(self, layer: QgsVectorLayer, folder: Path, deposit_ids: Sequence[str] = (),
                 on_done: Callable[[FactsheetTask], None] | None = None):
        super().__init__(tr("Tailings UNFC factsheets"), QgsTask.CanCancel)
        self.source, self.provider, self.layer_name = layer.source(), layer.providerType(), layer.name()
        self.copy = layer.materialize(QgsFeatureRequest()) if self.provider == "memory" else None
        self.folder = Path(folder)
        self.count = len(deposit_ids) or layer.featureCount()
        self.filter = deposit_filter(deposit_ids)
        self.on_done = on_done
        self.feedback = QgsFeedback()
        self.paths: list[str] = []
        self.error = ""

    def run(self) -> bool:
        layer = self.copy or QgsVectorLayer(self.source, self.layer_name, self.provider)
        self.feedback.progressChanged.connect(self.setProgress)
        try:
            self.paths = export_factsheets(layer, self.folder, self.feedback, formats=("pdf",),
                                           filter_expression=self.filter)
        except OperationCancelled:
            return False
        except (TailingsInputError, OSError) as err:
            self.error = str(err)
            return False
        except Exception as err:  # raised in the worker thread, it would reach only the log
            self.error = f"{type(err).__name__}: {err}"
            return False
        return not self.feedback.isCanceled()

    def cancel(self) -> None:
        self.feedback.cancel()
        super().cancel()

    def finished(self, result: bool) -> None:
        if self.on_done is not None:
            self.on_done(self)
