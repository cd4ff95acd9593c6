"""Plugin object: Processing provider, "Tailings UNFC" menu, translator, dependency check."""
from __future__ import annotations

from pathlib import Path

from qgis.core import Qgis, QgsApplication, QgsMessageLog, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QTranslator
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction, QMenu

from .core.dependencies import install_hint, missing_packages
from .core.schema import alias_language
from .qt_translate import shown, tr

PLUGIN_DIR = Path(__file__).resolve().parent
LOG_TAG = "Tailings UNFC"

# Menu entries: (algorithm id, English label). Labels are translated at run time.
MENU_ALGORITHMS = (
    ("importdeposits", "Import deposit layer…"),
    ("importassays", "Import assay spreadsheet…"),
    ("trainmodel", "Train proxy regression model…"),
    ("estimate", "Estimate deposit grades and tonnages…"),
    ("classify", "Classify under UNFC…"),
    ("export", "Export to national database…"),
    ("checkinputs", "Check inputs before a run…"),
    ("pipeline", "Run the whole pipeline…"),
    ("factsheets", "Deposit factsheets (PDF/PNG)…"),
)




class TailingsUnfcPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.menu: QMenu | None = None
        self.dock = None
        self.wizard = None
        self.translator: QTranslator | None = None
        self._install_translator()

    # -- translation -------------------------------------------------------------
    def _install_translator(self) -> None:
        # the same choice as the field aliases (algorithms/user_language.py)
        locale = str(QgsSettings().value("locale/userLocale", "") or "") or QgsApplication.locale()
        if alias_language(locale) == "nb":
            qm = PLUGIN_DIR / "i18n" / "tailings_unfc_nb.qm"
            translator = QTranslator()
            if qm.exists() and translator.load(str(qm)):
                QCoreApplication.installTranslator(translator)
                self.translator = translator

    # -- Processing --------------------------------------------------------------
    def initProcessing(self) -> None:
        if self.provider is not None:
            return
        missing = missing_packages()
        if missing:
            self._report_missing(missing)
            return
        from .algorithms.provider import TailingsUnfcProvider

        self.provider = TailingsUnfcProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    def _report_missing(self, missing: list[str]) -> None:
        message = tr("Tailings UNFC cannot load its algorithms.") + " " + shown(install_hint(missing))
        QgsMessageLog.logMessage(message, LOG_TAG, Qgis.Critical)
        if self.iface is not None:
            bar = self.iface.messageBar()
            bar.pushMessage(LOG_TAG, message, level=Qgis.Critical, duration=0)

    # -- GUI ---------------------------------------------------------------------
    def initGui(self) -> None:
        self.initProcessing()
        if self.iface is None or self.menu is not None:
            return
        window = self.iface.mainWindow()
        self.menu = QMenu(tr("Tailings UNFC"), window)
        self.menu.setObjectName("tailingsUnfcMenu")
        self.menu.setIcon(QIcon(str(PLUGIN_DIR / "resources" / "icon.svg")))
        wizard_action = QAction(tr("Run wizard…"), self.menu)
        wizard_action.setObjectName("tailingsUnfcRunWizard")
        wizard_action.setEnabled(self.provider is not None)
        wizard_action.triggered.connect(self.open_wizard)
        self.menu.addAction(wizard_action)
        self.menu.addSeparator()
        for alg_id, label in MENU_ALGORITHMS:
            action = QAction(tr(label), self.menu)
            action.setData(alg_id)
            action.setEnabled(self.provider is not None)
            action.triggered.connect(lambda _checked=False, a=alg_id: self._open_dialog(a))
            self.menu.addAction(action)
        self.menu.addSeparator()
        dock_action = QAction(tr("Show results panel"), self.menu)
        dock_action.setObjectName("tailingsUnfcShowResults")
        dock_action.setEnabled(self.provider is not None)  # the panel needs pandas and matplotlib too
        dock_action.triggered.connect(self._show_dock)
        self.menu.addAction(dock_action)
        menubar = window.menuBar()
        help_menu = self.iface.firstRightStandardMenu()
        if isinstance(help_menu, QMenu):  # put ours before "Help", as QGIS's own plugins do
            menubar.insertMenu(help_menu.menuAction(), self.menu)
        else:
            menubar.addMenu(self.menu)

    def _show_dock(self) -> None:
        self.show_results(self.iface.activeLayer())

    def show_results(self, layer) -> None:
        """The results panel, opened (once) on ``layer``."""
        if self.dock is None:
            from qgis.PyQt.QtCore import Qt

            from .ui.results_dock import ResultsDock

            self.dock = ResultsDock(self.iface, self.iface.mainWindow())
            self.iface.addDockWidget(Qt.RightDockWidgetArea, self.dock)
        self.dock.set_layer(layer)
        self.dock.show()
        self.dock.raise_()

    def open_wizard(self) -> None:
        if self.wizard is None:
            from .ui.run_wizard import RunWizard

            self.wizard = RunWizard(self.iface.mainWindow(), show_results=self.show_results)
            self.wizard.finished.connect(self._forget_wizard)
        self.wizard.show()
        self.wizard.raise_()

    def _forget_wizard(self, _result: int = 0) -> None:
        if self.wizard is not None:  # the next one starts afresh (inputs, run folder)
            self.wizard.deleteLater()
            self.wizard = None

    @staticmethod
    def _open_dialog(alg_id: str) -> None:
        import processing  # QGIS's own Processing plugin

        processing.execAlgorithmDialog(f"tailingsunfc:{alg_id}")

    def unload(self) -> None:
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.wizard is not None:
            self.wizard.reject()
            self._forget_wizard()
        if self.dock is not None:
            self.iface.removeDockWidget(self.dock)
            self.dock.deleteLater()
            self.dock = None
        if self.menu is not None:
            self.iface.mainWindow().menuBar().removeAction(self.menu.menuAction())
            self.menu.deleteLater()
            self.menu = None
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None
