"""The look the HTML reports share (model fit, QA/QC): page frame, stylesheet, tables, numbers.

Core has no Qt, so headings are translated by a ``tr`` callable the caller passes in (the
algorithms pass their ``self.tr``); without one the English text is kept.
"""
from __future__ import annotations

import html
import math
from collections.abc import Callable, Sequence
from numbers import Integral, Real

Translate = Callable[[str], str]
NumberFormat = Callable[[float], str]

STYLESHEET = """body{font-family:sans-serif;max-width:1000px;margin:1em auto;padding:0 1em;color:#222}
h1{font-size:1.5em;border-bottom:2px solid #446;padding-bottom:.2em}
h2{font-size:1.2em;margin-top:1.5em;color:#335}h3{font-size:1.05em}
table{border-collapse:collapse;margin:.5em 0}
td,th{border:1px solid #bbb;padding:2px 6px;text-align:left;vertical-align:top}
th{background:#eee}td.num{text-align:right;font-variant-numeric:tabular-nums}
img{max-width:100%}code{font-size:.9em}p.none{color:#666;font-style:italic}
div.wide{overflow-x:auto}div.wide td,div.wide th{white-space:nowrap}"""


def untranslated(text: str) -> str:
    return text


def page(title: str, body: str, lang: str = "en") -> str:
    """A complete HTML document with the shared stylesheet; ``title`` is plain text, ``body`` HTML."""
    return (f'<!DOCTYPE html>\n<html lang="{html.escape(lang)}"><head><meta charset="utf-8">\n'
            f"<title>{html.escape(title)}</title>\n<style>{STYLESHEET}</style></head><body>\n"
            f"{body}\n</body></html>\n")


def significant(value: float, digits: int = 3) -> str:
    """``value`` with ``digits`` significant figures, in fixed notation (1234.5 → 1235, 0.01234 → 0.0123)."""
    if not math.isfinite(value):
        return ""
    if value == 0:
        return "0"
    decimals = max(0, digits - 1 - math.floor(math.log10(abs(value))))
    return f"{value:.{decimals}f}"


def compact(value: float, digits: int = 4) -> str:
    """A measured value without float noise or padding: ``digits`` significant figures, but the
    digits before the point always kept (146880, 69.94, 0.01, 0.0000123), never 1e-05 notation."""
    if not math.isfinite(value):
        return ""
    text = f"{value:.{digits}g}"
    if "e" not in text:
        return text
    if abs(value) >= 1:
        return f"{value:.0f}"
    return significant(value, digits).rstrip("0").rstrip(".")


def fixed(decimals: int) -> NumberFormat:
    """A formatter with a fixed number of decimals (blank for NaN)."""
    return lambda value: f"{value:.{decimals}f}" if math.isfinite(value) else ""


def limit_text(limit: float, sign: str = "<") -> str:
    """A detection limit as a lab writes it: ``<5``, ``<0.01``; ``<DL`` when the limit is unknown."""
    if limit is None or not math.isfinite(limit):
        return f"{sign}DL"
    return f"{sign}{compact(limit)}"


def cell(value: object, number: NumberFormat = significant) -> str:
    """One ``<td>``: numbers right-aligned through ``number``, anything else as escaped text."""
    if isinstance(value, bool) or value is None:
        return f"<td>{'' if value is None else html.escape(str(value))}</td>"
    if isinstance(value, Integral):
        return f'<td class="num">{int(value)}</td>'
    if isinstance(value, Real):
        return f'<td class="num">{number(float(value))}</td>'
    text = str(value)
    numeric = text[:1] in ("<", ">") or _is_number(text)
    attribute = ' class="num"' if numeric else ""
    return f"<td{attribute}>{html.escape(text)}</td>"


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def table(rows: Sequence[dict], columns: Sequence[str], headers: dict[str, str] | None = None,
          number: NumberFormat = significant, wide: bool = False) -> str:
    """An HTML table of ``rows`` (dicts) in ``columns`` order; ``headers`` renames columns for display.
    A ``wide`` table scrolls sideways instead of wrapping its cells."""
    headers = headers or {}
    head = "".join(f"<th>{html.escape(headers.get(c, c))}</th>" for c in columns)
    body = "".join("<tr>" + "".join(cell(row.get(c), number) for c in columns) + "</tr>" for row in rows)
    text = f"<table><tr>{head}</tr>{body}</table>"
    return f'<div class="wide">{text}</div>' if wide else text


def none_paragraph(tr: Translate = untranslated) -> str:
    return f'<p class="none">{html.escape(tr("none"))}</p>'
