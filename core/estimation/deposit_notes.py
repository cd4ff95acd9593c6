"""Per-deposit notes (``estimate_warning``): English in the stored field, translated in the log.

A note is a Message template with a value per deposit (or one for all), added for the
deposits of a mask. ``text()`` fills the templates column-wise: in English for the stored field
(the same text for every locale, so that runs compare), and with ``tr`` for the log, each
template translated once, not once per deposit (a national run warns for ~80,000 deposits).
"""
from __future__ import annotations

import string
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..message import Message
from ..report_style import Translate, untranslated

SEPARATOR = "; "


@dataclass(frozen=True)
class _Part:
    rows: np.ndarray          # positions of the deposits the note is for
    template: str
    values: tuple             # per parameter: an array over ``rows``, or one value for all


@dataclass
class DepositNotes:
    index: pd.Index
    _parts: list[_Part] = field(default_factory=list)

    def add(self, mask: np.ndarray | pd.Series, text: Message, *params: object) -> None:
        """The note ``text`` (a Message template, e.g. ``Message("{0}: only {1} samples")``) for
        the deposits of ``mask``; each of ``params`` is one value, or a value per deposit."""
        rows = np.flatnonzero(np.asarray(mask, dtype=bool))
        if not len(rows):
            return
        values = tuple(_at(p, rows, len(self.index)) for p in params)
        self._parts.append(_Part(rows, text.template, values))

    def text(self, tr: Translate = untranslated) -> pd.Series:
        """The notes of each deposit in the language of ``tr``, ``; ``-separated ("" where none); the
        templates are the Messages of the add() calls, extracted there."""
        out = np.full(len(self.index), "", dtype=object)
        for part in self._parts:
            try:
                text = _fill(tr(part.template), part.values, len(part.rows))  # i18n: texts extracted
            except (IndexError, KeyError, ValueError):  # a broken translation: the English, not a crash
                text = _fill(part.template, part.values, len(part.rows))
            current = out[part.rows]
            out[part.rows] = np.where(current == "", text, current + SEPARATOR + text)
        return pd.Series(out, index=self.index, dtype=object)


def _at(value: object, rows: np.ndarray, n: int) -> object:
    if isinstance(value, pd.Series | np.ndarray) and len(value) == n:
        return pd.Series(value).astype(str).to_numpy(dtype=object)[rows]  # as pandas prints them
    return value


def _fill(template: str, values: tuple, n: int) -> np.ndarray:
    """``template.format`` for ``n`` rows at once (fields are ``{i}``, no format specs)."""
    out = np.full(n, "", dtype=object)
    for literal, name, spec, conversion in string.Formatter().parse(template):
        out = out + literal
        if name is None:
            continue
        if spec or conversion:
            raise ValueError(f"deposit note templates take plain {{i}} fields: {template!r}")
        value = values[int(name)]
        out = out + (value if isinstance(value, np.ndarray) else str(value))
    return out
