"""A dock listing the classified deposits of the active layer, with the selected deposit's
contained-metal intervals (P90/P50/P10 per commodity) and its UNFC rationale."""
from __future__ import annotations

from qgis.core import QgsFeatureRequest, QgsVectorLayer
from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtGui import QPixmap
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..algorithms.layer_frames import python_value
from ..core.plots.deposit_intervals import deposit_interval_png

COLUMNS = ("deposit_id", "name", "unfc_code", "unfc_class")


def tr(text: str) -> str:
    return QCoreApplication.translate("TailingsUnfc", text)


class ResultsDock(QgsDockWidget):
    def __init__(self, iface, parent=None):
        super().__init__(tr("Tailings UNFC results"), parent)
        self.setObjectName("tailingsUnfcResultsDock")
        self.iface = iface
        self.layer: QgsVectorLayer | None = None
        self._fids: list[int] = []
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.caption = QLabel(body)
        self.caption.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS), body)
        self.table.setHorizontalHeaderLabels([tr("Deposit id"), tr("Name"), tr("UNFC code"), tr("UNFC class")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.itemSelectionChanged.connect(self._show_selected)
        self.plot = QLabel(body)
        self.plot.setAlignment(Qt.AlignCenter)
        self.rationale = QPlainTextEdit(body)
        self.rationale.setReadOnly(True)
        for widget in (self.caption, self.table, self.plot, self.rationale):
            layout.addWidget(widget)
        self.setWidget(body)
        if iface is not None and hasattr(iface, "currentLayerChanged"):
            iface.currentLayerChanged.connect(self.set_layer)

    def set_layer(self, layer) -> None:
        self.layer = layer if isinstance(layer, QgsVectorLayer) and layer.isValid() else None
        self.table.setRowCount(0)
        self._fids = []
        self.plot.clear()
        self.rationale.clear()
        if self.layer is None or self.layer.fields().indexOf("deposit_id") < 0:
            self.caption.setText(tr("Select a layer produced by Tailings UNFC (estimate, classify or export)."))
            self.layer = None
            return
        names = [n for n in COLUMNS if self.layer.fields().indexOf(n) >= 0]
        request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry).setSubsetOfAttributes(
            names, self.layer.fields())
        rows = []
        for feature in self.layer.getFeatures(request):
            self._fids.append(feature.id())
            rows.append([python_value(feature[n]) if n in names else None for n in COLUMNS])
        self.table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem("" if value is None else str(value)))
        self.caption.setText(f"{self.layer.name()}: {len(rows)} " + tr("deposits"))

    def _show_selected(self) -> None:
        rows = {i.row() for i in self.table.selectedItems()}
        if self.layer is None or len(rows) != 1:
            return
        fid = self._fids[rows.pop()]
        feature = self.layer.getFeature(fid)
        record = {f.name(): python_value(feature[f.name()]) for f in self.layer.fields()}
        png = deposit_interval_png(record, title=str(record.get("name") or record.get("deposit_id") or ""))
        pixmap = QPixmap()
        pixmap.loadFromData(png, "PNG")
        self.plot.setPixmap(pixmap)
        self.rationale.setPlainText(str(record.get("unfc_rationale") or ""))
        self.layer.selectByIds([fid])
