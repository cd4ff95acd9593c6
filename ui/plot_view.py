"""The selected deposit's interval plot, redrawn at the panel's width when it resizes, or a
plain sentence when there is nothing to plot."""
from __future__ import annotations

from qgis.PyQt.QtCore import QSize, Qt, QTimer
from qgis.PyQt.QtGui import QPixmap
from qgis.PyQt.QtWidgets import QLabel, QSizePolicy

from ..core.plots.deposit_intervals import deposit_interval_png, intervals, nothing_to_plot
from ..qt_translate import tr


class PlotView(QLabel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAlignment(Qt.AlignCenter)
        self.setWordWrap(True)
        self.setMinimumHeight(170)
        self.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)  # follow the dock, not the pixmap
        self.record: dict | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)  # redraw once the user stops dragging the dock edge
        self._timer.timeout.connect(self.redraw)

    def show_message(self, text: str) -> None:
        self.record = None
        self.setMinimumHeight(170)
        self.clear()
        self.setText(text)

    def show_record(self, record: dict) -> None:
        reason = nothing_to_plot(record, tr)
        if reason is not None:
            self.show_message(reason)
            return
        self.record = record
        # room for each commodity's bar and value line; the splitter gives at least that
        self.setMinimumHeight(70 + 60 * len(intervals(record)))
        self.redraw()

    def redraw(self) -> None:
        if self.record is None:
            return
        title = str(self.record.get("name") or self.record.get("deposit_id") or "")
        # as wide as the panel, and no taller than the room the splitter gives the plot
        png = deposit_interval_png(self.record, title=title, width_px=max(self.width() - 8, 240),
                                   height_px=max(self.height() - 8, 160), translate=tr)
        pixmap = QPixmap()
        pixmap.loadFromData(png, "PNG")
        self.setPixmap(pixmap)

    def minimumSizeHint(self):
        # not the pixmap's size: the panel may get narrower than the last drawing
        return QSize(200, self.minimumHeight())

    def sizeHint(self):
        return QSize(360, max(self.minimumHeight(), 240))

    def resizeEvent(self, event):
        super().resizeEvent(event)
        if self.record is not None:
            self._timer.start()
