"""The results panel's factsheets: ``export_factsheets`` for the panel's layer (all deposits,
or the selected ones), in the GUI thread, behind a window-modal progress dialog with Cancel.

Print layouts are Qt graphics scenes that belong to the GUI thread: the factsheets algorithm
declares NoThreading, and QGIS's own atlas export from the layout designer also runs in the
GUI thread with a progress dialog. The dialog keeps QGIS painting and answering Cancel
between pages, and, being modal, keeps the layer from being edited under the export.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from qgis.core import QgsExpression, QgsFeedback, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication, QObject, Qt, QTimer
from qgis.PyQt.QtWidgets import QProgressDialog, QWidget

from ..algorithms.factsheet_export import export_factsheets
from ..core.errors import OperationCancelled, TailingsInputError
from ..qt_translate import error_text, tr


def deposit_filter(deposit_ids: Sequence[str]) -> str:
    """An expression selecting these deposits (empty: all)."""
    if not deposit_ids:
        return ""
    values = ",".join(QgsExpression.quotedValue(str(v)) for v in deposit_ids)
    return f"{QgsExpression.quotedColumnRef('deposit_id')} IN ({values})"


class FactsheetJob(QObject):
    """``start()`` returns at once; the export runs from the event loop. ``on_done(job)`` is
    called when it ends; then ``paths`` (written), ``error`` and ``isCanceled()`` say how."""

    def __init__(self, layer: QgsVectorLayer, folder: Path, deposit_ids: Sequence[str] = (),
                 on_done: Callable[[FactsheetJob], None] | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.layer, self.folder, self.parent_widget = layer, Path(folder), parent
        self.count = len(deposit_ids) or layer.featureCount()
        self.filter = deposit_filter(deposit_ids)
        self.on_done = on_done
        self.feedback = QgsFeedback()
        self.paths: list[str] = []
        self.error = ""
        self.dialog: QProgressDialog | None = None

    def start(self) -> None:
        QTimer.singleShot(0, self._run)  # after the click that asked for it has returned

    def isCanceled(self) -> bool:  # Qt's spelling, as QgsTask has it
        return self.feedback.isCanceled()

    def cancel(self) -> None:
        self.feedback.cancel()

    def _progress_dialog(self) -> QProgressDialog:
        dialog = QProgressDialog(tr("Writing the factsheets of {0} deposits…").format(self.count), tr("Cancel"),
                                 0, 100, self.parent_widget)
        dialog.setWindowTitle(tr("Tailings UNFC factsheets"))
        dialog.setWindowModality(Qt.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.canceled.connect(self.feedback.cancel)
        return dialog

    def _step(self, value: float) -> None:
        if self.dialog is not None:
            self.dialog.setValue(int(value))
        QCoreApplication.processEvents()  # paint, and let Cancel be clicked, between pages

    def _run(self) -> None:
        self.dialog = self._progress_dialog()
        self.feedback.progressChanged.connect(self._step)
        try:
            self.paths = export_factsheets(self.layer, self.folder, self.feedback, formats=("pdf",),
                                           filter_expression=self.filter)
        except OperationCancelled:
            self.paths = []
        except TailingsInputError as err:
            self.error = error_text(err)
        except OSError as err:
            self.error = str(err)
        finally:
            self.feedback.progressChanged.disconnect(self._step)
            self.dialog.close()
            self.dialog = None
            if self.on_done is not None:
                self.on_done(self)
