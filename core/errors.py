"""Errors that carry a message a geologist can act on.

Algorithms turn these into ``QgsProcessingException`` without a traceback; anything else
is a bug and is allowed to surface as one.
"""
from __future__ import annotations

from .message import Message, Translate, _untranslated, translated

# The words of the place suffix, translated on the QGIS side (algorithms/base.py).
PLACE_LABELS = ("file", "sheet", "row", "column", "value")


class TailingsInputError(ValueError):
    """Bad input: the message names the file, sheet, row, column and value where known.

    ``message`` is an English template, filled in with ``params`` by ``str.format``
    (``TailingsInputError("Unknown method {0!r}", method, value=method)``), so that the
    QGIS side can translate the template; see ``core/message.py``.
    """

    def __init__(self, message: str, *params: object, file: str | None = None, sheet: str | None = None,
                 row: int | None = None, column: str | None = None, value: object = None):
        self.text = message if isinstance(message, Message) and not params else Message(message, *params)
        self.message, self.params = self.text.template, self.text.params
        shown = (str(file) if file else None, repr(sheet) if sheet else None,
                 str(row) if row is not None else None, repr(column) if column else None,
                 repr(value) if value is not None else None)
        self.place = [(label, text) for label, text in zip(PLACE_LABELS, shown, strict=True) if text is not None]
        self.where = self._where(dict(zip(PLACE_LABELS, PLACE_LABELS, strict=True)))
        super().__init__(f"{self.text}{self.where}")
        self.file, self.sheet, self.row, self.column, self.value = file, sheet, row, column, value

    def _where(self, labels: dict[str, str]) -> str:
        parts = [f"{labels.get(label, label)} {text}" for label, text in self.place]
        return f" ({', '.join(parts)})" if parts else ""

    def translated(self, tr: Translate = _untranslated, labels: dict[str, str] | None = None) -> str:
        """The message in the language of ``tr``, the place words from ``labels``."""
        return translated(self.text, tr) + self._where(labels or {})


class OperationCancelled(RuntimeError):  # noqa: N818 (reads better at call sites)
    """The user cancelled a long operation; core loops raise it when their cancel hook says so."""
