"""QGIS expressions for the factsheet's cells: the atlas evaluates them once per deposit.

Every figure on a factsheet is an expression over the atlas feature, not a value filled in
from Python, so that QGIS's own atlas drives each page (and a user who opens the layout in
the designer sees live fields). Fields a layer lacks give a dash instead of an error.
"""
from __future__ import annotations

import tomllib
from collections.abc import Container

from qgis.core import QgsExpression

from ..core.schema import COMMODITIES, ESTIMATE_METHODS
from ..qt_translate import tr
from .base import PLUGIN_DIR

DASH = "–"
CRMA_STATUS_FILE = PLUGIN_DIR / "resources" / "codelists" / "eu_crma_status.toml"




def quoted(text: str) -> str:
    return QgsExpression.quotedString(text)


def field(name: str) -> str:
    return QgsExpression.quotedColumnRef(name)


class Cells:
    """Expressions for one layer: ``fields`` are the names the layer has."""

    def __init__(self, fields: Container[str]) -> None:
        self.fields = fields

    def has(self, name: str) -> bool:
        return name in self.fields

    def text(self, name: str) -> str:
        if not self.has(name):
            return quoted(DASH)
        return f"coalesce(to_string({field(name)}), {quoted(DASH)})"

    def number(self, name: str, digits: int = 3) -> str:
        """``digits`` significant digits with the locale's grouping (613 955, 37.3, 0.512)."""
        if not self.has(name):
            return quoted(DASH)
        f = field(name)
        places = f"max(0, {digits - 1} - floor(log10(abs({f}))))"
        return (f"CASE WHEN {f} IS NULL THEN {quoted(DASH)} WHEN {f} = 0 THEN '0' "
                f"ELSE format_number({f}, {places}) END")

    def interval(self, lo: str, hi: str) -> str:
        if not (self.has(lo) and self.has(hi)):
            return quoted(DASH)
        return (f"CASE WHEN {field(lo)} IS NULL OR {field(hi)} IS NULL THEN {quoted(DASH)} "
                f"ELSE {self.number(lo)} || ' – ' || {self.number(hi)} END")

    def mapped(self, name: str, labels: dict[str, str]) -> str:
        """The field's value through ``labels`` (translated words for stored codes)."""
        if not self.has(name):
            return quoted(DASH)
        # QGIS has only the searched CASE (CASE WHEN condition THEN ...), not CASE value WHEN.
        whens = " ".join(f"WHEN {field(name)} = {quoted(k)} THEN {quoted(v)}" for k, v in labels.items())
        return f"CASE {whens} ELSE {self.text(name)} END"

    def samples(self, c: str) -> str:
        n, censored = f"{c}_n", f"{c}_n_censored"
        if not self.has(n):
            return quoted(DASH)
        below = (f" || CASE WHEN {field(censored)} > 0 THEN ' (' || {field(censored)} || ' <DL)' ELSE '' END"
                 if self.has(censored) else "")
        return f"CASE WHEN {field(n)} IS NULL THEN {quoted(DASH)} ELSE to_string({field(n)}){below} END"

    def method(self, c: str) -> str:
        method = self.mapped(f"{c}_method", method_labels())
        if not self.has(f"{c}_estimator"):
            return method
        return f"{method} || coalesce(', ' || {field(c + '_estimator')}, '')"


def method_labels() -> dict[str, str]:
    labels = {"measured": tr("measured"), "regression": tr("regression"), "analogue": tr("analogue"),
              "none": tr("no estimate")}
    return {m: labels[m] for m in ESTIMATE_METHODS}


def commodity_labels() -> dict[str, str]:
    labels = {"co": tr("Cobalt (Co)"), "cu": tr("Copper (Cu)"), "zn": tr("Zinc (Zn)"),
              "tree": tr("Rare earths (TREE)")}
    return {c: labels[c] for c in COMMODITIES}


def crma_status() -> dict[str, str]:
    """Commodity -> its status under the CRMA, in words (the list is data: CRMA_STATUS_FILE)."""
    words = {"critical_strategic": tr("critical, strategic"), "strategic": tr("strategic, not critical"),
             "critical": tr("critical (LREE, HREE)"), "national": tr("not listed (national)")}
    with CRMA_STATUS_FILE.open("rb") as handle:
        status = tomllib.load(handle)["status"]
    return {c: words.get(status.get(c, ""), DASH) for c in COMMODITIES}


def grade_rows(cells: Cells) -> list[list[str]]:
    """Concentrations and quantities per commodity: the CRMA Art. 27 figures with their method.
    The first two columns are plain text, the others expressions."""
    status = crma_status()
    rows = []
    for c, label in commodity_labels().items():
        rows.append([label, status[c], cells.number(f"{c}_ppm"),
                     cells.interval(f"{c}_ppm_lo", f"{c}_ppm_hi"), cells.number(f"{c}_t"),
                     cells.interval(f"{c}_t_lo", f"{c}_t_hi"), cells.samples(c), cells.method(c)])
    return rows


def grade_headers() -> list[str]:
    return [tr("Commodity"), tr("EU CRMA status"), tr("Grade (ppm)"), tr("80 % interval"),
            tr("Contained (t)"), tr("80 % interval"), tr("Samples"), tr("Method, estimator")]


def unfc_rows(cells: Cells) -> list[tuple[str, str]]:
    return [(tr("UNFC code"), cells.text("unfc_code")), (tr("Class"), cells.text("unfc_class")),
            (tr("Sub-class"), cells.text("unfc_subclass")),
            (tr("E / F / G"), " || ' / ' || ".join(cells.text(a) for a in ("unfc_e", "unfc_f", "unfc_g")))]


def facility_rows(cells: Cells) -> list[tuple[str, str]]:
    """The facility's CRMA Art. 27 record: location, extent, volume, tonnage, origin, date."""
    where = (f"{cells.text('municipality')} || ', E ' || to_string(round(x(centroid($geometry)))) || "
             f"' N ' || to_string(round(y(centroid($geometry)))) || ' (' || @layer_crs || ')'")
    tonnage = cells.number("tonnage_t")
    if cells.has("tonnage_t_lo") and cells.has("tonnage_t_hi"):
        tonnage = (f"{tonnage} || CASE WHEN {field('tonnage_t_lo')} IS NULL THEN '' "
                   f"ELSE ' (' || {cells.interval('tonnage_t_lo', 'tonnage_t_hi')} || ')' END")
    source_labels = {"recorded": tr("recorded"), "volume_x_density": tr("volume × density"),
                     "volume_x_default_density": tr("volume × default density"), "none": tr("unknown")}
    return [(tr("Location"), where), (tr("Footprint (m²)"), cells.number("area_m2")),
            (tr("Volume (m³)"), cells.number("volume_m3")), (tr("Dry tonnage (t)"), tonnage),
            (tr("Tonnage from"), cells.mapped("tonnage_source", source_labels)),
            (tr("Deposit kind, setting"), f"{cells.text('deposit_kind')} || ', ' || {cells.text('setting')}"),
            (tr("Source mine"), cells.text("source_mine")),
            (tr("Mined for"), cells.text("source_commodity")), (tr("Status"), cells.text("status")),
            (tr("Assessed"), assessed(cells))]


def assessed(cells: Cells) -> str:
    if not cells.has("classified_at"):
        return quoted(DASH)
    stamp = field("classified_at")
    return (f"CASE WHEN {stamp} IS NULL THEN {quoted(DASH)} "
            f"ELSE format_date(to_datetime({stamp}), 'yyyy-MM-dd HH:mm') || ' UTC' END")


def provenance(cells: Cells) -> str:
    """One line: rules, software, time of classification, source layer and run."""
    parts: list[tuple[str, str]] = [
        (tr("Rules"), cells.text("rules_version")), (tr("Tailings UNFC"), cells.text("plugin_version")),
        (tr("classified"), assessed(cells)), (tr("source"), "@tailings_source"), (tr("run"), "@tailings_run_id")]
    return " || ' · ' || ".join(f"{quoted(label + ' ')} || {expr}" for label, expr in parts)


def title(cells: Cells) -> str:
    return f"coalesce({field('name')}, {field('deposit_id')})" if cells.has("name") else cells.text("deposit_id")


def class_line(cells: Cells) -> str:
    """The class under the code in the header; says so when the deposit has none."""
    if not cells.has("unfc_class"):
        return quoted(tr("Not classified"))
    return f"coalesce({field('unfc_class')}, {quoted(tr('Not classified'))})"


def subtitle(cells: Cells) -> str:
    return " || '  ·  ' || ".join(cells.text(f) for f in ("deposit_id", "municipality", "deposit_kind", "setting"))


def estimation_method(cells: Cells) -> str:
    """How each commodity was estimated (estimate_basis), then any warning (estimate_warning)."""
    basis = cells.text("estimate_basis")
    if not cells.has("estimate_warning"):
        return basis
    return (f"{basis} || coalesce('\n' || {quoted(tr('Warning: '))} || {field('estimate_warning')}, '')")


def rationale(cells: Cells) -> str:
    return cells.text("unfc_rationale")

