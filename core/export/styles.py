"""UNFC class symbology: the colour scheme (data) and the QML/SLD files in resources/styles.

The QML/SLD files are generated from ``UNFC_CLASS_COLOURS`` by
``scripts/make_export_styles.py`` through QGIS's own API, so that QGIS reads them exactly.
Colours: a diverging green → orange scheme from viable to non-viable (ColorBrewer RdYlGn,
Brewer 2002), blues/purples for the "remaining products" classes, grey for anything else.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from xml.sax.saxutils import quoteattr

from ..schema import FieldSpec

STYLE_DIR = Path(__file__).resolve().parent.parent.parent / "resources" / "styles"
STYLE_NAME = "UNFC class"
CLASS_FIELD = "unfc_class"
# QGIS expression for labels: deposit name (or id) over its UNFC code.
LABEL_EXPRESSION = "coalesce(\"name\", \"deposit_id\") || '\\n' || coalesce(\"unfc_code\", '')"

# (class value as written by classify (resources/codelists/unfc2019.toml), legend label, RGB hex)
UNFC_CLASS_COLOURS: tuple[tuple[str, str, str], ...] = (
    ("Viable projects", "Viable projects (E1 F1)", "#1a9641"),
    ("Potentially viable projects", "Potentially viable projects (E2 F2.1/F2.2)", "#a6d96a"),
    ("Non-viable projects", "Non-viable projects (E3 F2.2/F2.3)", "#fdae61"),
    ("Remaining products not developed from identified projects",
     "Remaining products not developed, identified (E3.3 F4 G1-G3)", "#6baed6"),
    ("Prospective projects", "Prospective projects (E3.2 F3 G4)", "#ffffbf"),
    ("Remaining products not developed from prospective projects",
     "Remaining products not developed, prospective (E3.3 F4 G4)", "#bcbddc"),
)
OTHER_COMBINATIONS = ("Other combinations", "Other combinations (reported, not forced into a class)", "#969696")
OTHER_COLOUR = "#d9d9d9"
OTHER_LABEL = "Not classified"


def style_paths(geometry_kind: str) -> tuple[Path, Path]:
    """(QML, SLD) for ``polygon`` or ``point`` layers."""
    kind = "point" if geometry_kind == "point" else "polygon"
    return STYLE_DIR / f"unfc_class_{kind}.qml", STYLE_DIR / f"unfc_class_{kind}.sld"


def read_style(geometry_kind: str) -> tuple[str, str]:
    qml, sld = style_paths(geometry_kind)
    return qml.read_text(encoding="utf-8"), sld.read_text(encoding="utf-8")


def qml_with_aliases(qml: str, specs: Iterable[FieldSpec]) -> str:
    """The QML plus an ``<aliases>`` section, so QGIS shows the Norwegian aliases of the fields.

    GDAL 3.6 does not hand gpkg_data_columns aliases to QGIS, but QGIS applies the aliases of
    the default style stored in layer_styles.
    """
    entries = "".join(f"<alias field={quoteattr(s.name)} index=\"{i}\" name={quoteattr(s.alias_nb)}/>"
                      for i, s in enumerate(specs) if s.alias_nb)
    head, tail = qml.rsplit("</qgis>", 1)
    return f"{head} <aliases>{entries}</aliases>\n</qgis>{tail}"
