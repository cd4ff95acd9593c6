"""A QgsProcessingFeedback that keeps every text it is given, for tests that read a run's log."""
from __future__ import annotations


class CollectingFeedback:
    """``CollectingFeedback()`` is a QgsProcessingFeedback with a ``texts`` list (QGIS is imported
    only when one is made, so that the module imports without a QgsApplication)."""

    def __new__(cls):
        from qgis.core import QgsProcessingFeedback

        class _Feedback(QgsProcessingFeedback):
            def __init__(self):
                super().__init__()
                self.texts: list[str] = []

            def pushInfo(self, info):
                self.texts.append(info)

            def pushWarning(self, warning):
                self.texts.append(warning)

            def reportError(self, error, fatalError=False):
                self.texts.append(error)

            def pushDebugInfo(self, info):
                self.texts.append(info)

            def pushCommandInfo(self, info):
                self.texts.append(info)

            def pushConsoleInfo(self, info):
                self.texts.append(info)

            def setProgressText(self, text):
                self.texts.append(text)

        return _Feedback()
