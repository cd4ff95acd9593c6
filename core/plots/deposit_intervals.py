"""Low / best / high contained metal of one deposit, per commodity, as a PNG.

Bars span the P90–P10 range (UNFC low to high estimate), the dot is P50 (best estimate);
colour says how the grade was obtained, so an analogue guess never looks like a measurement.
"""
from __future__ import annotations

import io
import math
from collections.abc import Mapping

from ..schema import COMMODITIES, COMMODITY_NAMES

METHOD_COLOURS = {"measured": "#1b7837", "regression": "#2166ac", "analogue": "#b35806", "none": "#999999"}


def _number(value: object) -> float | None:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def deposit_interval_png(record: Mapping[str, object], title: str = "", width_px: int = 520) -> bytes:
    """PNG of the contained-metal intervals in ``record`` (a deposit row with ``x_t*`` fields)."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure  # Figure without pyplot: no global state, thread-safe

    dpi = 100
    fig = Figure(figsize=(width_px / dpi, 0.5 + 0.45 * len(COMMODITIES)), dpi=dpi)
    ax = fig.add_subplot(1, 1, 1)
    labels = []
    any_value = False
    for i, c in enumerate(COMMODITIES):
        lo, best, hi = (_number(record.get(f"{c}_t{s}")) for s in ("_lo", "", "_hi"))
        method = str(record.get(f"{c}_method") or "none")
        labels.append(f"{COMMODITY_NAMES[c]} ({method})")
        colour = METHOD_COLOURS.get(method, "#999999")
        if lo is not None and hi is not None and hi > 0:
            ax.plot([max(lo, 1e-6), hi], [i, i], color=colour, linewidth=6, solid_capstyle="butt", alpha=0.6)
            any_value = True
        if best is not None and best > 0:
            ax.plot([best], [i], marker="o", color=colour, markeredgecolor="black")
            any_value = True
    ax.set_yticks(range(len(COMMODITIES)))
    ax.set_yticklabels(labels, fontsize=8)
    ax.set_ylim(-0.6, len(COMMODITIES) - 0.4)
    if any_value:
        ax.set_xscale("log")
    ax.set_xlabel("contained metal (t): bar P90–P10, dot P50", fontsize=8)
    ax.tick_params(axis="x", labelsize=8)
    ax.grid(axis="x", alpha=0.3)
    if title:
        ax.set_title(title, fontsize=9)
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()
