"""The run wizard's last two pages: the pre-flight report of ``checkinputs`` and the run of
``pipeline``, both as background tasks. The run writes into a folder chosen for the user
(shown, changeable); its results land on the map, styled, in a group named after the run,
and the results panel opens on its deposits."""
from __future__ import annotations

import html
from pathlib import Path

from qgis.core import Qgis, QgsApplication
from qgis.gui import QgsFileWidget
from qgis.PyQt.QtCore import QTemporaryDir
from qgis.PyQt.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from ..algorithms.load_results import group_name
from ..core.export.tables import TableNames
from ..qt_translate import tr
from .algorithm_task import AlgorithmRun
from .run_folder import new_run_folder

CHECK_ID = "tailingsunfc:checkinputs"
PIPELINE_ID = "tailingsunfc:pipeline"




def _progress_bar(parent) -> QProgressBar:
    bar = QProgressBar(parent)
    bar.setRange(0, 100)
    bar.setValue(0)
    return bar


class ChecksPage(QWizardPage):
    """Runs ``checkinputs`` on entering (again when the inputs changed) and shows its report."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(tr("Check the inputs"))
        self.setSubTitle(tr("What the run will find in the inputs (field mapping, CRS, linked samples, method "
                            "per deposit), before it runs. You can go on whatever it says."))
        layout = QVBoxLayout(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.progress = _progress_bar(self)
        self.report = QTextBrowser(self)
        self.again = QPushButton(tr("Check again"), self)
        self.again.clicked.connect(self.start)
        for widget in (self.status, self.progress, self.report, self.again):
            layout.addWidget(widget)
        self.run: AlgorithmRun | None = None
        self.checked_inputs: dict | None = None
        self.report_text = ""
        self._scratch = QTemporaryDir()  # the report file; removed with the page

    @staticmethod
    def available() -> bool:
        return QgsApplication.processingRegistry().algorithmById(CHECK_ID) is not None

    def initializePage(self) -> None:
        if not self.available():
            self.status.setText(tr("The pre-flight check (checkinputs) is not available; the run checks its "
                                   "inputs itself."))
            self.again.setEnabled(False)
            return
        if self.wizard().run_inputs() != self.checked_inputs:
            self.start()

    def start(self) -> None:
        if self.run is not None and self.run.running:
            return
        self.checked_inputs = self.wizard().run_inputs()
        parameters = {**self.checked_inputs, "OUTPUT_REPORT": str(Path(self._scratch.path()) / "preflight.html")}
        self.run = AlgorithmRun(CHECK_ID, parameters, self.wizard().project)
        self.run.progress.connect(self._progress)
        self.run.finished.connect(self._finished)
        self.report.clear()
        self.report_text = ""
        self.status.setText(tr("Checking the inputs…"))
        self.again.setEnabled(False)
        self.run.start()
        self.completeChanged.emit()

    def _progress(self, value: float) -> None:
        self.progress.setValue(int(value))

    def _finished(self, ok: bool, results: dict) -> None:
        self.again.setEnabled(True)
        self.progress.setValue(100 if ok else 0)
        path = Path(results.get("OUTPUT_REPORT") or "")
        if ok and path.is_file():
            self.report_text = path.read_text(encoding="utf-8")
            self.report.setHtml(self.report_text)
            self.status.setText(tr("Samples linked to a deposit: {0}. Deposits the run would estimate: {1}.").format(
                int(results.get("N_LINKED", 0)), int(results.get("N_ESTIMATED", 0))))
        else:
            log = self.run.feedback.textLog().strip()
            self.report.setHtml(f"<pre>{html.escape(log)}</pre>")
            self.status.setText(tr("The check stopped with an error (below); the run would stop there too."))
        self.completeChanged.emit()

    def cancel(self) -> None:
        if self.run is not None:
            self.run.cancel()

    def isComplete(self) -> bool:
        return self.run is None or not self.run.running


class RunPage(QWizardPage):
    """Runs the pipeline into the run folder, with progress and cancel."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(tr("Run"))
        self.setSubTitle(tr("The run writes into the folder below (a new one per run; change it if you like). "
                            "When it ends, its deposits are on the map and in the results panel."))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Output folder"), self))
        self.folder_widget = QgsFileWidget(self)
        self.folder_widget.setStorageMode(QgsFileWidget.GetDirectory)
        layout.addWidget(self.folder_widget)
        buttons = QHBoxLayout()
        self.run_button = QPushButton(tr("Run"), self)
        self.run_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(tr("Cancel run"), self)
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.progress = _progress_bar(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.log = QPlainTextEdit(self)
        self.log.setReadOnly(True)
        for widget in (self.progress, self.status, self.log):
            layout.addWidget(widget)
        self.run: AlgorithmRun | None = None
        self.group = ""
        self.deposits_layer = None

    def initializePage(self) -> None:
        if not self.folder_widget.filePath():
            self.folder_widget.setFilePath(str(new_run_folder(self.wizard().project)))

    def folder(self) -> Path:
        return Path(self.folder_widget.filePath().strip())

    def start(self) -> None:
        if self.run is not None and self.run.running:
            return
        if not self.folder_widget.filePath().strip():
            self.folder_widget.setFilePath(str(new_run_folder(self.wizard().project)))
        self.group, self.deposits_layer = "", None
        self.run = AlgorithmRun(PIPELINE_ID, {**self.wizard().run_inputs(), "OUTPUT": str(self.folder())},
                                self.wizard().project)
        self.run.progress.connect(self._progress)
        self.run.message.connect(self._message)
        self.run.finished.connect(self._finished)
        self.log.clear()
        self.progress.setValue(0)
        self.status.setText(tr("Running…"))
        self.run_button.setEnabled(False)
        self.folder_widget.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.run.start()
        self.completeChanged.emit()
        self.wizard().button(QWizard.BackButton).setEnabled(False)

    def cancel(self) -> None:
        if self.run is not None and self.run.running:
            self.status.setText(tr("Cancelling…"))
            self.run.cancel()

    def _progress(self, value: float) -> None:
        self.progress.setValue(int(value))

    def _message(self, text: str, level: int) -> None:
        prefix = {int(Qgis.MessageLevel.Warning): tr("Warning: "),
                  int(Qgis.MessageLevel.Critical): tr("Error: ")}.get(level, "")
        self.log.appendPlainText(prefix + text)

    def _finished(self, ok: bool, results: dict) -> None:
        self.run_button.setEnabled(True)
        self.folder_widget.setEnabled(True)
        self.cancel_button.setEnabled(False)
        if ok:
            self.progress.setValue(100)
            self._land(results)
        elif self.run.cancelled:
            self.status.setText(tr("Run cancelled after {0:.1f} s; no GeoPackage or workbook was written.").format(
                self.run.seconds))
        else:
            self.status.setText(tr("The run stopped with an error: see the log below and run_summary.txt in {0}.")
                                .format(self.folder()))
        self.completeChanged.emit()

    def _land(self, results: dict) -> None:
        """Results on the map (grouped, styled), the panel on the deposits."""
        geopackage = Path(results["GEOPACKAGE"])
        self.run.load_results()
        self.group = group_name(geopackage)
        node = self.wizard().project.layerTreeRoot().findGroup(self.group)
        deposits = f"layername={TableNames.with_prefix('').deposits}"
        layers = [n.layer() for n in node.findLayers()] if node is not None else []
        self.deposits_layer = next((lyr for lyr in layers if lyr.source().endswith(deposits)), None)
        if self.deposits_layer is not None and self.wizard().show_results is not None:
            self.wizard().show_results(self.deposits_layer)
        self.status.setText(tr("Finished in {0:.0f} s: {1} deposits classified. On the map in the group “{2}”; "
                               "files in {3}.").format(self.run.seconds, int(results.get("N_DEPOSITS", 0)),
                                                      self.group, geopackage.parent))

    def isComplete(self) -> bool:
        return self.run is None or not self.run.running
