"""One Processing algorithm run in the background (QgsProcessingAlgRunnerTask on QGIS's task
manager), as the Processing dialog runs it, with its messages and progress as Qt signals for
a page to show, and its queued result layers loaded the way the dialog loads them."""
from __future__ import annotations

import time

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
)
from qgis.PyQt.QtCore import QObject, pyqtSignal

# Runs whose task has not ended: the task holds C++ pointers to their context and feedback,
# so they outlive a wizard closed mid-run.
_ACTIVE: set[AlgorithmRun] = set()


class MessageFeedback(QgsProcessingFeedback):
    """Processing feedback whose messages are also a signal (queued to the GUI thread)."""

    message = pyqtSignal(str, int)

    def pushInfo(self, info):
        super().pushInfo(info)
        self.message.emit(info, int(Qgis.MessageLevel.Info))

    def pushWarning(self, warning):
        super().pushWarning(warning)
        self.message.emit(warning, int(Qgis.MessageLevel.Warning))

    def reportError(self, error, fatalError=False):
        super().reportError(error, fatalError)
        self.message.emit(error, int(Qgis.MessageLevel.Critical))


class AlgorithmRun(QObject):
    """Start with ``start()``; ``finished(ok, results)`` comes in the GUI thread. ``cancelled``
    and ``seconds`` tell how it ended; ``load_results()`` puts its queued layers on the map."""

    finished = pyqtSignal(bool, dict)
    progress = pyqtSignal(float)
    message = pyqtSignal(str, int)

    def __init__(self, algorithm_id: str, parameters: dict, project: QgsProject | None = None, parent=None):
        super().__init__(parent)
        self.algorithm = QgsApplication.processingRegistry().createAlgorithmById(algorithm_id)
        if self.algorithm is None:
            raise KeyError(algorithm_id)
        self.parameters = {k: v for k, v in parameters.items() if self.algorithm.parameterDefinition(k) is not None}
        self.project = project or QgsProject.instance()
        self.context = QgsProcessingContext()
        self.context.setProject(self.project)
        self.context.setTransformContext(self.project.transformContext())
        self.feedback = MessageFeedback()
        self.feedback.message.connect(self.message)
        self.feedback.progressChanged.connect(self.progress)
        self.task: QgsProcessingAlgRunnerTask | None = None
        self.running = False
        self.cancelled = False
        self.results: dict = {}
        self._started = 0.0
        self.seconds = 0.0

    def start(self) -> None:
        self._started = time.monotonic()
        self.running = True
        _ACTIVE.add(self)
        task = QgsProcessingAlgRunnerTask(self.algorithm, self.parameters, self.context, self.feedback)
        if task.isCanceled():  # the algorithm refused its parameters in prepare()
            self._done(False, {})
            return
        task.executed.connect(self._done)
        self.task = task
        QgsApplication.taskManager().addTask(task)  # the manager owns and deletes it when done

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()  # cancels the feedback too, which the algorithm polls
        elif self.running:
            self.feedback.cancel()

    def _done(self, ok: bool, results: dict) -> None:
        self.task = None  # deleted by the task manager from here on
        self.running = False
        _ACTIVE.discard(self)
        self.seconds = time.monotonic() - self._started
        self.cancelled = self.feedback.isCanceled()
        self.results = dict(results or {}) if ok else {}
        self.finished.emit(bool(ok), self.results)

    def load_results(self) -> bool:
        """The queued output layers into the project, grouped and styled, as after a dialog run."""
        from processing.gui.Postprocessing import handleAlgorithmResults  # QGIS's Processing plugin

        return handleAlgorithmResults(self.algorithm, self.context, self.feedback, self.results) is not False
