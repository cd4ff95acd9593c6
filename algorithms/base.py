"""Shared base class: names, groups, help, icon, translation and error handling.

Subclasses set the class attributes and implement ``initAlgorithm`` and ``execute``
(not ``run``: that is QgsProcessingAlgorithm's own entry point, which processing.run()
calls with five arguments). ``execute`` may raise ``TailingsInputError`` (turned into a
clean ``QgsProcessingException``) or ``OperationCancelled`` (returns an empty result).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputDefinition,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..core.disk_space import full_disk_hint
from ..core.errors import OperationCancelled, TailingsInputError
from ..core.message import Message
from ..core.monitored import run_monitored
from ..core.version import docs_url
from ..qt_translate import error_text, shown
from .output_check import check_destinations_writable, check_written_outputs

PLUGIN_DIR = Path(__file__).resolve().parent.parent
# The repository page documenting each algorithm; help texts link there, never to a local
# path, which a zip user does not have.
DOC_PAGES = {"importdeposits": "deposits.md", "importassays": "assays.md", "trainmodel": "estimation.md",
             "estimate": "estimation.md", "classify": "unfc.md", "export": "export.md",
             "checkinputs": "checkinputs.md", "pipeline": "pipeline.md", "factsheets": "factsheets.md"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("TailingsUnfc", text)


def split_semicolon_list(values: Any) -> list[str]:
    """Entries of a file-list parameter: a list, or one string; each entry may itself be a
    ";"-separated list (what the modeler and qgis_process users often pass)."""
    if not values:
        return []
    if isinstance(values, str):
        values = [values]
    return [p.strip() for v in values for p in str(v).split(";") if p.strip()]


class TailingsAlgorithm(QgsProcessingAlgorithm):
    ALG_ID = ""
    DISPLAY_NAME = ""
    GROUP = "Tailings UNFC"
    GROUP_ID = "tailingsunfc"
    HELP = ""

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("TailingsUnfc", text)

    # Every parameter's description and enum options, and every output's description, go
    # through tr() here, so an initAlgorithm may pass plain English (scripts/update_translations.py
    # extracts the texts of QgsProcessingParameter*/QgsProcessingOutput* constructors). A text
    # already translated is looked up again and comes back unchanged.
    def addParameter(self, parameter: QgsProcessingParameterDefinition, createOutput: bool = True) -> bool:
        parameter.setDescription(self.tr(parameter.description()))  # i18n: texts extracted at the constructors
        if isinstance(parameter, QgsProcessingParameterEnum):
            options = [self.tr(option) for option in parameter.options()]  # i18n: texts extracted (constructor)
            parameter.setOptions(options)
        return super().addParameter(parameter, createOutput)

    def addOutput(self, output: QgsProcessingOutputDefinition) -> bool:
        output.setDescription(self.tr(output.description()))  # i18n: texts extracted at the constructors
        return super().addOutput(output)

    def name(self) -> str:
        return self.ALG_ID

    def displayName(self) -> str:
        return self.tr(self.DISPLAY_NAME)

    def group(self) -> str:
        return self.tr(self.GROUP)

    def groupId(self) -> str:
        return self.GROUP_ID

    def shortHelpString(self) -> str:
        url = self.helpUrl()
        return self.tr(self.HELP) + (f"\n\n{self.tr('Documentation')}: {url}" if url else "")

    def helpUrl(self) -> str:
        page = DOC_PAGES.get(self.ALG_ID)
        return docs_url(page) if page else ""

    def icon(self) -> QIcon:
        return QIcon(str(PLUGIN_DIR / "resources" / "icon.svg"))

    def createInstance(self):
        return type(self)()

    def processAlgorithm(self, parameters: dict[str, Any], context: QgsProcessingContext,
                         feedback: QgsProcessingFeedback) -> dict[str, Any]:
        try:
            check_destinations_writable(self, parameters, context)  # before any work is done
            results = self.execute(parameters, context, feedback)
            # execute's sinks are gone now (Python owned them), so their files are closed:
            # read each one back, since QGIS writes sinks itself and a full disk can leave a
            # file that no reader opens while the run looked fine.
            check_written_outputs(self, results)
            # A core Message is a str subclass, which PyQt hands to C++ as an opaque Python object
            # (qgis_process's JSON and the modeler would see null): outputs are plain text.
            return {key: str(value) if isinstance(value, Message) else value for key, value in results.items()}
        except TailingsInputError as err:
            raise QgsProcessingException(self.error_text(err)) from None
        except OperationCancelled:
            feedback.reportError(self.tr("Cancelled by the user; no output was written."))
            return {}
        except MemoryError:
            raise QgsProcessingException(self.tr("Out of memory: the input is too large for this machine.")) from None
        except OSError as err:
            # Disk full, permission denied, missing file: say which, without a traceback.
            message = f"{err.strerror or err}: {err.filename or ''}".strip(": ")
            raise QgsProcessingException(message + full_disk_hint(err.filename)) from None

    @staticmethod
    def error_text(err: TailingsInputError) -> str:
        """The error in the user's language (the template translated, then filled in)."""
        return error_text(err)

    @staticmethod
    def text(message: object) -> str:
        """A core Message (log line, note, warning) in the user's language; other text as it is."""
        return shown(message)

    def info(self, feedback: QgsProcessingFeedback):
        """A ``log`` callable for core: each Message pushed to the log in the user's language."""
        return lambda message: feedback.pushInfo(self.text(message))

    def warning(self, feedback: QgsProcessingFeedback):
        """A ``warn`` callable for core, like ``info``."""
        return lambda message: feedback.pushWarning(self.text(message))

    def execute(self, parameters: dict[str, Any], context: QgsProcessingContext,
                feedback: QgsProcessingFeedback) -> dict[str, Any]:
        raise NotImplementedError

    def monitored(self, feedback: QgsProcessingFeedback, job, progress=None):
        """``job(log=, warn=, progress=, cancel=)`` (core code, no Qt) in a worker thread, while
        this thread passes its messages and progress to ``feedback``, checks for a cancel every
        0.25 s and keeps the bar moving during long single calls (core.monitored)."""
        return run_monitored(job, log=self.info(feedback), warn=self.warning(feedback), progress=progress,
                             cancel=self.cancel_hook(feedback))

    @staticmethod
    def cancel_hook(feedback: QgsProcessingFeedback):
        """A callable for core loops: raises OperationCancelled once the user cancels."""
        def check() -> None:
            if feedback is not None and feedback.isCanceled():
                raise OperationCancelled()
        return check

    @staticmethod
    def log_counts(feedback: QgsProcessingFeedback, what: str, read: int, accepted: int,
                   rejected: int, other: int = 0, other_label: str = "") -> None:
        extra = f" + {other} {other_label}" if other_label else ""
        feedback.pushInfo(_tr("{0}: {1} read = {2} accepted{3} + {4} rejected").format(
            _tr(what), read, accepted, extra, rejected))
        if read != accepted + rejected + other:
            raise QgsProcessingException(_tr(
                "Internal accounting error in {0}: {1} read but {2} accounted for. Please report this.").format(
                _tr(what), read, accepted + other + rejected))
