"""The run wizard's input pages: deposit layers, assay files, rules and options. Each page
gives its part of the parameters under the pipeline's own names (DESIGN.md)."""
from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsMapLayerType,
    QgsProject,
    QgsProviderRegistry,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.gui import QgsFileWidget, QgsProjectionSelectionWidget
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWizardPage,
)

from ..core.assays.extensions import ASSAY_EXTENSIONS, filter_patterns, is_assay_file_name
from ..core.schema import DEFAULT_CRS
from ..core.unfc.rules import DEFAULT_RULES_PATH
from ..qt_translate import tr


def assay_filter() -> str:
    return tr("Assay files") + f" ({filter_patterns()})"


def _multi_file_widget(parent, dialog_title: str, file_filter: str) -> QgsFileWidget:
    widget = QgsFileWidget(parent)
    widget.setStorageMode(QgsFileWidget.GetMultipleFiles)
    widget.setDialogTitle(dialog_title)
    widget.setFilter(file_filter)
    return widget


def _paths(widget: QgsFileWidget) -> list[str]:
    return [p for p in QgsFileWidget.splitFilePaths(widget.filePath()) if p]


class DepositsPage(QWizardPage):
    """Loaded vector layers and layers from files, in one checkable list."""

    def __init__(self, project: QgsProject, parent=None):
        super().__init__(parent)
        self.project = project
        self.setTitle(tr("Deposit layers"))
        self.setSubTitle(tr("Tick the layers of tailings deposits to run: layers loaded in the project, or "
                            "layers from files."))
        layout = QVBoxLayout(self)
        self.layer_list = QListWidget(self)
        self.layer_list.itemChanged.connect(lambda _item: self.completeChanged.emit())
        layout.addWidget(self.layer_list)
        layout.addWidget(QLabel(tr("Add layers from files:"), self))
        self.file_widget = _multi_file_widget(self, tr("Deposit layer files"),
                                              QgsProviderRegistry.instance().fileVectorFilters())
        self.file_widget.fileChanged.connect(lambda text: self.add_files(QgsFileWidget.splitFilePaths(text)))
        layout.addWidget(self.file_widget)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self._layer_ids: set[str] = set()  # items that stand for project layers
        self.fill_project_layers()

    def initializePage(self) -> None:
        self.fill_project_layers()

    def fill_project_layers(self) -> None:
        """The project's layers with a geometry; ones removed from the project leave the list."""
        layers = {layer.id(): layer for layer in self.project.mapLayers().values()
                  if isinstance(layer, QgsVectorLayer) and layer.isValid() and layer.isSpatial()}
        for row in reversed(range(self.layer_list.count())):
            value = self.layer_list.item(row).data(Qt.UserRole)
            if value in self._layer_ids and value not in layers:
                self.layer_list.takeItem(row)
        only_one = self.layer_list.count() == 0 and len(layers) == 1
        for layer in sorted(layers.values(), key=lambda item: item.name().lower()):
            self._add_item(layer.name(), layer.id(), checked=only_one)
        self._layer_ids = set(layers)
        self.completeChanged.emit()

    def _add_item(self, text: str, value: str, checked: bool) -> None:
        for row in range(self.layer_list.count()):
            if self.layer_list.item(row).data(Qt.UserRole) == value:
                if checked:
                    self.layer_list.item(row).setCheckState(Qt.Checked)
                return
        item = QListWidgetItem(text)
        item.setData(Qt.UserRole, value)
        item.setToolTip(value)
        item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
        item.setCheckState(Qt.Checked if checked else Qt.Unchecked)
        self.layer_list.addItem(item)

    def add_files(self, paths: list[str]) -> None:
        """Every layer with a geometry in each file, ticked (a GeoPackage may hold several)."""
        unreadable = []
        for path in (p for p in paths if p):
            found = [d for d in QgsProviderRegistry.instance().querySublayers(path)
                     if d.type() == QgsMapLayerType.VectorLayer and d.wkbType() != QgsWkbTypes.NoGeometry]
            if not found:
                unreadable.append(Path(path).name)
            for details in found:
                label = f"{Path(path).name} — {details.name()}" if len(found) > 1 or details.name() else path
                self._add_item(label, details.uri(), checked=True)
        self.note.setText(tr("No vector layer found in: {0}").format(", ".join(unreadable)) if unreadable else "")
        self.completeChanged.emit()

    def deposits(self) -> list[str]:
        """Ticked layers: project layer ids and file URIs (Processing resolves both)."""
        items = (self.layer_list.item(row) for row in range(self.layer_list.count()))
        return [item.data(Qt.UserRole) for item in items if item.checkState() == Qt.Checked]

    def isComplete(self) -> bool:
        return bool(self.deposits())


class AssaysPage(QWizardPage):
    """Lab files (every value used) and field/pXRF files (proxies only), any accepted format."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(tr("Assay files"))
        self.setSubTitle(tr("Lab files: all their values are used. Field / pXRF files: their Co and REE "
                            "readings are replaced by model predictions."))
        form = QFormLayout(self)
        self.lab_widget = _multi_file_widget(self, tr("Lab assay files"), assay_filter())
        self.proxy_widget = _multi_file_widget(self, tr("Field / pXRF assay files"), assay_filter())
        form.addRow(tr("Lab assay files"), self.lab_widget)
        form.addRow(tr("Field / pXRF assay files"), self.proxy_widget)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        form.addRow(self.note)
        for widget in (self.lab_widget, self.proxy_widget):
            widget.fileChanged.connect(self._check)

    def set_files(self, lab: list[str], proxy: list[str] = ()) -> None:
        self.lab_widget.setFilePath(" ".join(f'"{p}"' for p in lab))
        self.proxy_widget.setFilePath(" ".join(f'"{p}"' for p in proxy))
        self._check()

    def lab_files(self) -> list[str]:
        return _paths(self.lab_widget)

    def proxy_files(self) -> list[str]:
        return _paths(self.proxy_widget)

    def problems(self) -> list[str]:
        out = []
        for path in map(Path, self.lab_files() + self.proxy_files()):
            if not path.is_file():
                out.append(tr("Not found: {0}").format(path))
            elif not is_assay_file_name(path):
                out.append(tr("Not an assay file ({0}): {1}").format(
                    ", ".join(e.lstrip(".") for e in ASSAY_EXTENSIONS), path.name))
        return out

    def _check(self, *_args) -> None:
        problems = self.problems()
        if not problems and not (self.lab_files() or self.proxy_files()):
            problems = [tr("Choose at least one assay file.")]
        self.note.setText("\n".join(problems) if problems else self._summary())
        self.completeChanged.emit()

    def _summary(self) -> str:
        names = [(tr("Lab"), [Path(p).name for p in self.lab_files()]),
                 (tr("Field / pXRF"), [Path(p).name for p in self.proxy_files()])]
        return "\n".join(f"{kind}: {', '.join(files)}" for kind, files in names if files)

    def isComplete(self) -> bool:
        return bool(self.lab_files() or self.proxy_files()) and not self.problems()


class OptionsPage(QWizardPage):
    """UNFC rules (shipped or a file) and the run's options."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(tr("Rules and options"))
        self.setSubTitle(tr("The UNFC rules to classify with, and how the run estimates."))
        form = QFormLayout(self)
        self.default_rules = QRadioButton(tr("Shipped rules ({0})").format(DEFAULT_RULES_PATH.name), self)
        self.default_rules.setChecked(True)
        self.own_rules = QRadioButton(tr("Rules file:"), self)
        self.rules_widget = QgsFileWidget(self)
        self.rules_widget.setFilter(tr("UNFC rules") + " (*.toml *.TOML)")
        self.rules_widget.fileChanged.connect(lambda _text: self.own_rules.setChecked(True))
        self.own_rules.toggled.connect(lambda _on: self.completeChanged.emit())
        self.rules_widget.fileChanged.connect(lambda _text: self.completeChanged.emit())
        form.addRow(self.default_rules)
        form.addRow(self.own_rules, self.rules_widget)
        self.train = QCheckBox(tr("Train proxy models for lab elements missing on field samples"), self)
        self.train.setChecked(True)
        form.addRow(self.train)
        self.seed = QSpinBox(self)
        self.seed.setRange(0, 2**31 - 1)
        self.seed.setValue(42)
        form.addRow(tr("Random seed"), self.seed)
        self.crs = QgsProjectionSelectionWidget(self)
        self.crs.setCrs(QgsCoordinateReferenceSystem(DEFAULT_CRS))
        form.addRow(tr("Target CRS"), self.crs)
        self.assay_crs = QgsProjectionSelectionWidget(self)
        self.assay_crs.setOptionVisible(QgsProjectionSelectionWidget.CrsNotSet, True)
        self.assay_crs.setNotSetText(tr("From the file, else guessed"))
        self.assay_crs.setCrs(QgsCoordinateReferenceSystem())
        form.addRow(tr("CRS of the assay coordinates"), self.assay_crs)
        self.language = QComboBox(self)
        for text in (tr("QGIS locale"), "English", "Norsk bokmål"):
            self.language.addItem(text)
        form.addRow(tr("Language of the UNFC rationale"), self.language)
        self.deposit_map = QLineEdit(self)
        self.deposit_map.setPlaceholderText("deposit_id=KODE;name=NAVN")
        form.addRow(tr("Deposit field map (optional)"), self.deposit_map)
        self.assay_map = QLineEdit(self)
        self.assay_map.setPlaceholderText("sample_id=PROVE;x=OST;y=NORD")
        form.addRow(tr("Assay column map (optional)"), self.assay_map)

    def rules_file(self) -> str:
        return self.rules_widget.filePath().strip() if self.own_rules.isChecked() else ""

    def isComplete(self) -> bool:
        return not self.own_rules.isChecked() or Path(self.rules_file()).is_file()

    def values(self) -> dict:
        return {"RULES": self.rules_file() or None, "TRAIN_MODELS": self.train.isChecked(),
                "SEED": self.seed.value(), "TARGET_CRS": self.crs.crs().authid() or DEFAULT_CRS,
                "ASSAY_CRS": self.assay_crs.crs().authid() or None, "LANGUAGE": self.language.currentIndex(),
                "DEPOSIT_FIELD_MAP": self.deposit_map.text().strip() or None,
                "ASSAY_FIELD_MAP": self.assay_map.text().strip() or None}
