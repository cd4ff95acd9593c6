"""The run wizard (menu *Tailings UNFC → Run wizard…*): deposit layers, assay files, rules
and options, the pre-flight report, then the pipeline in the background with progress and
cancel. Nothing asks where to write: the run folder is chosen for the user."""
from __future__ import annotations

from collections.abc import Callable

from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtWidgets import QWizard

from ..qt_translate import tr
from .wizard_pages import AssaysPage, DepositsPage, OptionsPage
from .wizard_run import ChecksPage, RunPage


class RunWizard(QWizard):
    def __init__(self, parent=None, project: QgsProject | None = None,
                 show_results: Callable[[QgsVectorLayer], None] | None = None):
        super().__init__(parent)
        self.setObjectName("tailingsUnfcRunWizard")
        self.setWindowTitle(tr("Tailings UNFC run wizard"))
        self.setWizardStyle(QWizard.ModernStyle)
        self.project = project or QgsProject.instance()
        self.show_results = show_results  # opens the results panel on the run's deposits
        self.deposits_page = DepositsPage(self.project, self)
        self.assays_page = AssaysPage(self)
        self.options_page = OptionsPage(self)
        self.checks_page = ChecksPage(self)
        self.run_page = RunPage(self)
        for page in (self.deposits_page, self.assays_page, self.options_page, self.checks_page, self.run_page):
            self.addPage(page)
        self.resize(720, 560)

    def run_inputs(self) -> dict:
        """The parameters the pre-flight and the run share, under the pipeline's names."""
        return {"DEPOSITS": self.deposits_page.deposits(), "ASSAYS": self.assays_page.lab_files(),
                "PROXY_ASSAYS": self.assays_page.proxy_files(), **self.options_page.values()}

    def reject(self) -> None:
        self.checks_page.cancel()
        self.run_page.cancel()
        super().reject()
