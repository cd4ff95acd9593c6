"""Low / best / high contained metal of one deposit, per commodity, as a PNG.

Bars span the P90–P10 range (UNFC low to high estimate), the dot is P50 (best estimate),
and the three values are printed above each bar; colour says how the grade was obtained,
so an analogue guess never looks like a measurement. The axis is logarithmic only when the
values span more than a decade and a half, with labels at whole decades, so tick labels
never run into each other. When there is nothing to plot, ``nothing_to_plot`` says why in a
plain sentence, and the PNG shows that sentence instead of an empty axis.

Every sentence and label goes through ``translate`` (the caller's tr(); core has no Qt), so
the texts are English unless the panel passes its translator.
"""
from __future__ import annotations

import io
import math
import textwrap
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from ..schema import COMMODITIES, ESTIMATE_METHODS

METHOD_COLOURS = {"measured": "#009e73", "regression": "#0072b2", "analogue": "#d55e00", "none": "#999999"}
SHORT_NAMES = {"co": "Co", "cu": "Cu", "zn": "Zn", "tree": "TREE"}  # element symbols: short rows
LOG_SPAN = 30.0  # max/min ratio above which a log axis reads better than a linear one
Translate = Callable[[str], str]


def _english(text: str) -> str:
    return text


@dataclass(frozen=True)
class Interval:
    commodity: str
    low: float | None   # P90
    best: float | None  # P50
    high: float | None  # P10
    method: str


def _number(value: object) -> float | None:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def intervals(record: Mapping[str, object]) -> list[Interval]:
    """The commodities of ``record`` with at least one positive contained-metal value."""
    out = []
    for c in COMMODITIES:
        low, best, high = (_number(record.get(f"{c}_t{s}")) for s in ("_lo", "", "_hi"))
        if any(v is not None and v > 0 for v in (low, best, high)):
            out.append(Interval(c, low, best, high, str(record.get(f"{c}_method") or "none")))
    return out


def nothing_to_plot(record: Mapping[str, object], translate: Translate = _english) -> str | None:
    """A plain sentence saying why there is no interval to show, or None when there is one."""
    if intervals(record):
        return None
    if _number(record.get("tonnage_t")) is None:
        return translate("No tonnage is known for this deposit, so there is no contained metal to show.")
    if not record.get("unfc_class"):
        return translate("This deposit is not classified and has no contained-metal estimate.")
    return translate("No grade estimate for this deposit (no samples and no analogue), so no contained metal "
                     "to show.")


def tonnes_text(value: float | None) -> str:
    """3 significant digits without trailing zeros, thousands split by a thin space (SI
    style): 12 300, 4.56, 5, 0.0123."""
    if value is None:
        return "–"
    if value == 0:
        return "0"
    digits = 2 - math.floor(math.log10(abs(value)))  # negative: round to tens, hundreds, …
    text = f"{round(value, digits):,.{max(digits, 0)}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(",", "\u202f")


def _axis(ax, values: list[float], max_ticks: int = 6) -> None:
    from matplotlib.ticker import FuncFormatter, LogLocator, MaxNLocator, NullFormatter

    low, high = min(values), max(values)
    if high / low > LOG_SPAN:
        ax.set_xscale("log")
        ax.set_xlim(10 ** math.floor(math.log10(low)), 10 ** math.ceil(math.log10(high)))
        ax.xaxis.set_major_locator(LogLocator(base=10, numticks=max_ticks))  # every k-th decade if narrow
        ax.xaxis.set_minor_formatter(NullFormatter())
    else:
        ax.set_xlim(0, high * 1.08)
        ax.xaxis.set_major_locator(MaxNLocator(nbins=max(max_ticks - 1, 2)))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: tonnes_text(v)))


def _draw(ax, rows: list[Interval], translate: Translate) -> None:
    from matplotlib.transforms import blended_transform_factory

    for i, row in enumerate(rows):
        colour = METHOD_COLOURS.get(row.method, METHOD_COLOURS["none"])
        if row.low is not None and row.high is not None and row.high > 0:
            ax.plot([max(row.low, row.high * 1e-6), row.high], [i, i], color=colour, linewidth=7,
                    solid_capstyle="butt", alpha=0.55)
        if row.best is not None and row.best > 0:
            ax.plot([row.best], [i], marker="o", markersize=7, color=colour, markeredgecolor="black")
        text = f"P90 {tonnes_text(row.low)} · P50 {tonnes_text(row.best)} · P10 {tonnes_text(row.high)} t"
        # from the figure's left edge, so the line has the whole width however narrow the panel
        ax.text(0.02, i - 0.42, text, transform=blended_transform_factory(ax.figure.transFigure, ax.transData),
                fontsize=8, va="bottom", zorder=10,  # above the axes frame, on a white ground
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.0, "alpha": 0.85})
    ax.set_yticks(range(len(rows)))
    methods = {m: translate(m) for m in ESTIMATE_METHODS}
    ax.set_yticklabels([f"{SHORT_NAMES[r.commodity]}\n{methods.get(r.method, r.method)}" for r in rows], fontsize=8)
    ax.set_ylim(len(rows) - 0.45, -0.6)  # first commodity on top, room for the value line
    ax.set_xlabel(translate("contained metal (t)\nbar P90–P10, dot P50"), fontsize=8)
    ax.tick_params(axis="x", labelsize=8)
    ax.grid(axis="x", alpha=0.3)


def interval_figure(record: Mapping[str, object], title: str = "", width_px: int = 520, dpi: int = 100,
                    height_px: int | None = None, translate: Translate = _english):
    """The matplotlib Figure behind ``deposit_interval_png``, laid out (tight) and not yet saved."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure  # Figure without pyplot: no global state, thread-safe

    rows = intervals(record)
    width = max(width_px, 240) / dpi
    height = max(height_px, 160) / dpi if height_px else 0.9 + 0.75 * max(len(rows), 1)
    fig = Figure(figsize=(width, height), dpi=dpi)
    ax = fig.add_subplot(1, 1, 1)
    if rows:
        _draw(ax, rows, translate)
        # about 55 px per tick label ("100 000" at 8 pt) over the axes' share of the width
        _axis(ax, [v for r in rows for v in (r.low, r.best, r.high) if v is not None and v > 0],
              max_ticks=max(3, int(width * dpi * 0.6 / 55)))
    else:
        ax.set_axis_off()
        ax.text(0.5, 0.5, nothing_to_plot(record, translate), ha="center", va="center", wrap=True, fontsize=9,
                transform=ax.transAxes)
    if title:  # wrapped to the width (about 7 px a character at 9 pt)
        ax.set_title(textwrap.fill(title, max(20, int(width * dpi / 7))), fontsize=9)
    fig.tight_layout()
    return fig


def deposit_interval_png(record: Mapping[str, object], title: str = "", width_px: int = 520,
                         dpi: int = 100, height_px: int | None = None, translate: Translate = _english) -> bytes:
    """PNG of the contained-metal intervals in ``record`` (a deposit row with ``x_t*`` fields),
    ``width_px`` wide and, by default, as tall as its commodities need (else ``height_px``)."""
    buffer = io.BytesIO()
    interval_figure(record, title, width_px, dpi, height_px, translate).savefig(buffer, format="png")
    return buffer.getvalue()
