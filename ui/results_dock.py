"""The results panel: the classified deposits of the active layer (table linked both ways
with the map selection, zoom-to), the selected deposit's P90/P50/P10 plot and UNFC
rationale, the UNFC E × F matrix (a click selects the cell's deposits) and contained metal
by class and commodity. The computations live in ``core.export.matrix``; this is the Qt
around them."""
from __future__ import annotations

import contextlib

import numpy as np
import pandas as pd
from qgis.core import Qgis, QgsVectorLayer
from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import QItemSelection, QItemSelectionModel, Qt, QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..algorithms.layer_frames import python_value
from ..core.export.matrix import G_GROUP_TITLES, G_GROUPS, KNOWN, cell_deposits, contained_by_class, ef_matrix
from ..core.schema import COMMODITY_NAMES
from ..qt_translate import tr
from .factsheet_job import FactsheetJob
from .frame_model import FrameTableModel, row_ranges
from .plot_view import PlotView
from .result_tables import DEPOSIT_COLUMNS, HEADLINE, deposit_frame, quantity_frame
from .run_folder import factsheet_folder


def _titles() -> dict[str, str]:
    titles = {"deposit_id": tr("Deposit id"), "name": tr("Name"), "unfc_code": tr("UNFC code"),
              "unfc_class": tr("UNFC class"), "tonnage_t": tr("Tonnage (t)")}
    titles.update({f"{c}_t": tr("{0} P50 (t)").format(tr(name)) for c, name in COMMODITY_NAMES.items()})
    return titles


def _table_view(parent) -> QTableView:
    view = QTableView(parent)
    view.setSelectionBehavior(QAbstractItemView.SelectRows)
    view.setEditTriggers(QAbstractItemView.NoEditTriggers)
    view.setWordWrap(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 6)
    return view


class ResultsDock(QgsDockWidget):
    def __init__(self, iface, parent=None):
        super().__init__(tr("Tailings UNFC results"), parent)
        self.setObjectName("tailingsUnfcResultsDock")
        self.iface = iface
        self.layer: QgsVectorLayer | None = None
        self.deposits = pd.DataFrame()
        self.quantities = pd.DataFrame()
        self.has_quantities = False
        self.model: FrameTableModel | None = None
        self.matrix_model: FrameTableModel | None = None
        self.contained_model: FrameTableModel | None = None
        self._syncing = False
        self.factsheet_job: FactsheetJob | None = None
        self.factsheet_result: FactsheetJob | None = None  # the last one that ended
        self._writing = None  # the message bar item saying the factsheets are being written
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._deposits_tab(), tr("Deposits"))
        self.tabs.addTab(self._matrix_tab(), tr("UNFC matrix"))
        self.tabs.addTab(self._contained_tab(), tr("Contained metal"))
        self.setWidget(self.tabs)
        if iface is not None and hasattr(iface, "currentLayerChanged"):
            iface.currentLayerChanged.connect(self.set_layer)

    # -- widgets -------------------------------------------------------------------
    def _deposits_tab(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.caption = QLabel(page)
        self.caption.setWordWrap(True)
        self.table = _table_view(page)
        self.table.setSortingEnabled(True)
        self.table.doubleClicked.connect(self._zoom_to_row)
        self.table.setMinimumHeight(6 * self.table.verticalHeader().defaultSectionSize())
        buttons = QHBoxLayout()
        self.zoom_button = QPushButton(tr("Zoom to selection"), page)
        self.zoom_button.clicked.connect(self.zoom_to_selection)
        buttons.addWidget(self.zoom_button)
        self.factsheet_button = QPushButton(tr("Factsheets (PDF)…"), page)
        self.factsheet_button.setToolTip(tr("One PDF factsheet per selected deposit (every deposit when none is "
                                            "selected), written into a factsheets folder beside the run's files."))
        self.factsheet_button.clicked.connect(self.export_factsheets)
        buttons.addWidget(self.factsheet_button)
        buttons.addStretch(1)
        self.plot = PlotView(page)
        self.rationale = QPlainTextEdit(page)
        self.rationale.setReadOnly(True)
        top = QWidget(page)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.caption)
        top_layout.addWidget(self.table)
        top_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Vertical, page)  # the user shares the height between list and plot
        for widget in (top, self.plot, self.rationale):
            splitter.addWidget(widget)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 2)
        splitter.setStretchFactor(2, 1)
        layout.addWidget(splitter)
        return page

    def _matrix_tab(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        controls = QHBoxLayout()
        self.commodity_box = QComboBox(page)
        self.group_box = QComboBox(page)
        for group in G_GROUPS:
            self.group_box.addItem(tr(G_GROUP_TITLES[group]), group)
        self.measure_box = QComboBox(page)
        self.measure_box.addItem(tr("deposits"), "count")
        self.measure_box.addItem(tr("tonnes"), "tonnes")
        for box in (self.commodity_box, self.group_box, self.measure_box):
            controls.addWidget(box)
            box.currentIndexChanged.connect(self.refresh_matrix)
        layout.addLayout(controls)
        self.matrix_note = QLabel(page)
        self.matrix_note.setWordWrap(True)
        layout.addWidget(self.matrix_note)
        self.matrix_view = _table_view(page)
        self.matrix_view.setSelectionBehavior(QAbstractItemView.SelectItems)
        self.matrix_view.setSelectionMode(QAbstractItemView.SingleSelection)
        self.matrix_view.clicked.connect(self.select_matrix_cell)
        layout.addWidget(self.matrix_view)
        return page

    def _contained_tab(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.contained_note = QLabel(page)
        self.contained_note.setWordWrap(True)
        layout.addWidget(self.contained_note)
        self.contained_view = _table_view(page)
        layout.addWidget(self.contained_view)
        return page

    # -- layer ---------------------------------------------------------------------
    def set_layer(self, layer) -> None:
        if self.layer is not None:
            with contextlib.suppress(TypeError, RuntimeError):  # already gone with its layer
                self.layer.selectionChanged.disconnect(self._layer_selection_changed)
                self.layer.willBeDeleted.disconnect(self._forget_layer)
        self.layer = layer if isinstance(layer, QgsVectorLayer) and layer.isValid() else None
        # deposits have a geometry; the quantities table beside them has a deposit_id too
        if self.layer is None or not self.layer.isSpatial() or self.layer.fields().indexOf("deposit_id") < 0:
            self.layer = None
            self.deposits = pd.DataFrame(columns=["_fid", "deposit_id"])
            self.quantities, self.has_quantities = pd.DataFrame(), False
            self.caption.setText(tr("Select a layer produced by Tailings UNFC (estimate, classify or export)."))
            self._fill_models()
            self.factsheet_button.setEnabled(False)
            return
        self.factsheet_button.setEnabled(self.factsheet_job is None)
        self.deposits = deposit_frame(self.layer)
        self.quantities, self.has_quantities = quantity_frame(self.layer, self.deposits)
        self._fill_models()
        self.layer.selectionChanged.connect(self._layer_selection_changed)
        self.layer.willBeDeleted.connect(self._forget_layer)  # removed from the project, or collected
        self.caption.setText(tr("{0}: {1} deposits").format(self.layer.name(), len(self.deposits)))
        self._layer_selection_changed()

    def _fill_models(self) -> None:
        columns = [c for c in DEPOSIT_COLUMNS if c in self.deposits.columns]
        titles = _titles()
        self.model = FrameTableModel(self.deposits, columns, [titles[c] for c in columns],
                                     empty={"unfc_class": tr("not classified"), "unfc_code": "–"}, parent=self)
        self.table.setModel(self.model)
        self.table.selectionModel().selectionChanged.connect(self._table_selection_changed)
        self.table.resizeColumnsToContents()  # Qt samples 1000 rows: fast at any size
        self._position_of_fid = pd.Series(np.arange(len(self.deposits)), index=self.deposits["_fid"].to_numpy())
        self._fid_of_id = pd.Series(self.deposits["_fid"].to_numpy(), index=self.deposits["deposit_id"].astype(str))
        self.commodity_box.blockSignals(True)
        self.commodity_box.clear()
        commodities = [c for c in (*COMMODITY_NAMES, HEADLINE)
                       if len(self.quantities) and c in set(self.quantities["commodity"])]
        for c in commodities:
            self.commodity_box.addItem(tr(COMMODITY_NAMES.get(c, "headline commodity")), c)
        self.commodity_box.blockSignals(False)
        self.measure_box.setEnabled(self.has_quantities)
        if not self.has_quantities:
            self.measure_box.setCurrentIndex(0)
        self.refresh_matrix()
        self._fill_contained()
        self.plot.show_message(tr("Select a deposit to see its contained metal."))
        self.rationale.clear()

    def _forget_layer(self) -> None:
        self.layer = None
        self.set_layer(None)

    # -- selection, both ways ------------------------------------------------------
    def selected_fids(self) -> list[int]:
        if self.model is None or self.table.selectionModel() is None:
            return []
        # the selection's row ranges, not selectedRows(): that one is quadratic in the ranges
        spans = [(r.top(), r.bottom()) for r in self.table.selectionModel().selection()]
        rows = np.unique(np.concatenate([np.arange(top, bottom + 1) for top, bottom in spans])) if spans else \
            np.empty(0, dtype=np.int64)
        return self.deposits["_fid"].to_numpy()[self.model.order[rows]].tolist()

    def _table_selection_changed(self, *_args) -> None:
        if self._syncing or self.layer is None:
            return
        fids = self.selected_fids()
        self._syncing = True
        try:
            self.layer.selectByIds(fids)
        finally:
            self._syncing = False
        self._show_detail(fids)

    def _layer_selection_changed(self, *_args) -> None:
        if self._syncing or self.layer is None or self.model is None:
            return
        fids = np.asarray(self.layer.selectedFeatureIds(), dtype=np.int64)
        positions = self._position_of_fid.reindex(fids).dropna().to_numpy(dtype=np.int64)
        rows = self.model.rows_of_positions(positions)
        selection = QItemSelection()
        last = self.model.columnCount() - 1
        for first_row, last_row in row_ranges(rows):
            selection.select(self.model.index(first_row, 0), self.model.index(last_row, last))
        self._syncing = True
        try:
            self.table.selectionModel().select(selection, QItemSelectionModel.ClearAndSelect)
            if len(rows):
                self.table.scrollTo(self.model.index(int(rows[0]), 0))
        finally:
            self._syncing = False
        self._show_detail(fids.tolist())

    def _show_detail(self, fids: list[int]) -> None:
        if len(fids) != 1:
            text = tr("Select a deposit to see its contained metal.") if not fids else \
                tr("{0} deposits selected; select one to see its intervals.").format(len(fids))
            self.plot.show_message(text)
            self.rationale.clear()
            return
        feature = self.layer.getFeature(int(fids[0]))
        record = {f.name(): python_value(feature[f.name()]) for f in self.layer.fields()}
        self.plot.show_record(record)
        self.rationale.setPlainText(str(record.get("unfc_rationale") or tr("Not classified.")))

    def zoom_to_selection(self) -> None:
        if self.layer is not None and self.iface is not None and self.layer.selectedFeatureCount():
            self.iface.mapCanvas().zoomToSelected(self.layer)

    def _zoom_to_row(self, index) -> None:
        if self.layer is not None and self.iface is not None and index.isValid():
            fid = int(self.deposits["_fid"].iloc[self.model.position(index.row())])
            self.iface.mapCanvas().zoomToFeatureIds(self.layer, [fid])

    # -- factsheets ------------------------------------------------------------------
    def export_factsheets(self) -> FactsheetJob | None:
        """The selected deposits' factsheets (all when none is selected), behind a progress dialog."""
        if self.layer is None or self.factsheet_job is not None:
            return None
        ids = [str(f["deposit_id"]) for f in self.layer.getSelectedFeatures()]
        folder = factsheet_folder(self.layer)
        task = FactsheetJob(self.layer, folder, ids, on_done=self._factsheets_done, parent=self)
        self.factsheet_job = task
        self.factsheet_button.setEnabled(False)
        self._writing = self._tell(tr("Writing the factsheets of {0} deposits into {1}…").format(task.count, folder),
                                   Qgis.Info)
        task.start()
        return task

    def _factsheets_done(self, task: FactsheetJob) -> None:
        self.factsheet_job, self.factsheet_result = None, task
        self.factsheet_button.setEnabled(self.layer is not None)
        if self._writing is not None:
            with contextlib.suppress(RuntimeError):  # gone already when its time ran out
                self.iface.messageBar().popWidget(self._writing)
            self._writing = None
        if task.paths:
            self._tell(tr("{0} factsheets written to {1}").format(len(task.paths), task.folder), Qgis.Success,
                       folder=task.folder)
        elif task.isCanceled():
            self._tell(tr("Factsheets cancelled; nothing was written."), Qgis.Warning)
        else:
            self._tell(tr("No factsheet was written: {0}").format(task.error or tr("no deposit to write")),
                       Qgis.Warning)

    def _tell(self, text: str, level, folder=None):
        """A message in QGIS's message bar, with an "Open folder" button when there is a folder."""
        if self.iface is None:
            return None
        bar = self.iface.messageBar()
        item = bar.createMessage(tr("Tailings UNFC"), text)
        if folder is not None:
            button = QPushButton(tr("Open folder"), item)
            url = QUrl.fromLocalFile(str(folder))
            button.clicked.connect(lambda _checked=False: QDesktopServices.openUrl(url))
            item.layout().addWidget(button)
        bar.pushWidget(item, level, 0 if folder is not None else 8)
        return item

    # -- matrix and contained metal ----------------------------------------------
    def refresh_matrix(self, *_args) -> None:
        commodity = self.commodity_box.currentData()
        if commodity is None:
            self.matrix_model = FrameTableModel(pd.DataFrame(), [], [], parent=self)
            self.matrix_view.setModel(self.matrix_model)
            self.matrix_note.setText(tr("No UNFC quantities in this layer."))
            return
        group = self.group_box.currentData() or KNOWN
        measure = self.measure_box.currentData() or "count"
        matrix = ef_matrix(self.quantities, commodity, group, measure)
        self.matrix_model = FrameTableModel(matrix.reset_index(drop=True), list(matrix.columns),
                                            [str(c) for c in matrix.columns], row_titles=list(matrix.index),
                                            parent=self)
        self.matrix_view.setModel(self.matrix_model)
        self.matrix_view.resizeColumnsToContents()
        unit = tr("deposits") if measure == "count" else tr("contained tonnes")
        note = tr("E (rows) × F (columns), {0}, {1}. Click a cell to select its deposits.").format(
            unit, tr(G_GROUP_TITLES[group]))
        if not self.has_quantities:
            note += " " + tr("No quantities table beside this layer: headline commodity only, counts only.")
        self.matrix_note.setText(note)

    def select_matrix_cell(self, index) -> None:
        if self.layer is None or self.matrix_model is None or not index.isValid():
            return
        e = self.matrix_model.row_titles[self.matrix_model.position(index.row())]
        f = self.matrix_model.columns[index.column()]
        ids = cell_deposits(self.quantities, self.commodity_box.currentData(),
                            self.group_box.currentData() or KNOWN, e, f)
        fids = self._fid_of_id.reindex(ids).dropna().astype(np.int64).tolist()
        self.layer.selectByIds(fids)  # the table follows through layer.selectionChanged

    def _fill_contained(self) -> None:
        if not self.has_quantities:
            self.contained_model = FrameTableModel(pd.DataFrame(), [], [], parent=self)
            self.contained_note.setText(tr("Contained metal by class needs the quantities table that the export "
                                           "writes beside the deposits (open the run's GeoPackage)."))
        else:
            table = contained_by_class(self.quantities)
            frame = pd.DataFrame({"unfc_class": [str(v) for v in table.index],
                                  **{f"{c}|{g}": table[(c, g)].to_numpy() for c, g in table.columns}})
            titles = [tr("UNFC class")] + [tr("{0}, {1} (t)").format(tr(COMMODITY_NAMES[c]), tr(G_GROUP_TITLES[g]))
                                           for c, g in table.columns]
            self.contained_model = FrameTableModel(frame, list(frame.columns), titles, parent=self)
            self.contained_note.setText(tr("Contained metal per UNFC class: known is G1+G2+G3 (the high, P10, "
                                           "estimate), potential is G4; the two are never added."))
        self.contained_view.setModel(self.contained_model)
        self.contained_view.resizeColumnsToContents()
