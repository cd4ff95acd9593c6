"""English texts that keep their template, so the QGIS side can show them translated.

Core has no Qt. A message it logs, returns as a note or raises is built as
``Message("{0} of {1} rows read", done, total)``: it *is* the English ``str`` (so logs,
reports and tests see plain text), and it remembers the template and parameters, which the
algorithms translate with ``Message.translated(tr)``. ``scripts/update_translations.py``
extracts every template; an f-string there would stay English, so it reports one.
"""
from __future__ import annotations

from collections.abc import Callable

Translate = Callable[[str], str]


def _untranslated(text: str) -> str:
    return text


class Message(str):
    """A ``str`` of the filled-in English template; ``template`` and ``params`` kept apart."""

    template: str
    params: tuple

    def __new__(cls, template: str, *params: object) -> Message:
        # no params: the template is the text as it is (braces in it are literal)
        obj = super().__new__(cls, template.format(*params) if params else template)
        obj.template, obj.params = template, params
        return obj

    def translated(self, tr: Translate = _untranslated) -> str:
        """The text in the language of ``tr``; parameters that are Messages are translated too."""
        params = tuple(translated(p, tr) if isinstance(p, Message) else p for p in self.params)
        text = tr(self.template)
        if not params:
            return text
        try:
            return text.format(*params)
        except (IndexError, KeyError, ValueError):  # a broken translation: the English text, not a crash
            return self.template.format(*params)

    def __reduce__(self):  # pickling (multiprocessing) keeps the template
        return (Message, (self.template, *self.params))


def joined(parts: list[object], separator: str = "") -> Message:
    """The parts one after another as one Message, each part (a Message or not) translated on its own."""
    template = separator.replace("{", "{{").replace("}", "}}").join(["{}"] * len(parts))
    return Message(template, *parts)  # i18n: texts extracted from the parts


def as_data(text: object) -> list:
    """``text`` as JSON-ready data, ``[template, *params]`` (params that are not JSON types as
    ``str``), so that another process can rebuild it with ``from_data`` and translate it."""
    if isinstance(text, Message):
        return [text.template, *(p if isinstance(p, int | float | bool) or p is None else str(p) for p in text.params)]
    return [str(text)]


def from_data(data: list) -> Message:
    """The Message ``as_data`` described (its template is one the extractor found where it was made)."""
    return Message(*data)  # i18n: texts extracted where as_data was called


def cause_of(err: BaseException) -> object:
    """The text of an exception: the Message it was raised with (translated later), else ``str(err)``."""
    return err.args[0] if err.args and isinstance(err.args[0], Message) else str(err)


def translated(text: object, tr: Translate = _untranslated) -> str:
    """Any text for the user: a Message in the language of ``tr``, anything else as it is."""
    if isinstance(text, Message):
        return text.translated(tr)
    return str(text)
