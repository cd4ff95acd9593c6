"""UNFC class symbology: the colour scheme and scale rules (data) behind resources/styles.

The QML/SLD files are generated from these constants by ``scripts/make_export_styles.py``
through QGIS's own API, so that QGIS reads them exactly; the export copies them into
``layer_styles`` as the layer's default style.

Colours: the Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design",
https://jfly.uni-koeln.de/color/; Wong 2011, Nature Methods 8:441), chosen to stay
distinguishable for protanopes, deuteranopes and tritanopes. Every fill is opaque with a
dark outline, so the light colours (yellow, sky blue) still read on a white background and
the fills themselves carry on a dark one.

Scales: tailings ponds are 50 m – 2 km across, a speck below 1:100 000. At smaller scales
(national, regional maps) each polygon is drawn as a class-coloured marker on its surface,
its area proportional to the tonnage; at 1:100 000 and larger the polygon itself is filled.
Labels appear from 1:100 000 on, where they no longer hide each other.
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
    ("Viable projects", "Viable projects (E1 F1)", "#009e73"),  # Okabe-Ito bluish green
    ("Potentially viable projects", "Potentially viable projects (E2 F2.1/F2.2)", "#0072b2"),  # blue
    ("Non-viable projects", "Non-viable projects (E3 F2.2/F2.3)", "#d55e00"),  # vermillion
    ("Remaining products not developed from identified projects",
     "Remaining products not developed, identified (E3.3 F4 G1-G3)", "#e69f00"),  # orange
    ("Prospective projects", "Prospective projects (E3.2 F3 G4)", "#f0e442"),  # yellow
    ("Remaining products not developed from prospective projects",
     "Remaining products not developed, prospective (E3.3 F4 G4)", "#cc79a7"),  # reddish purple
)
OTHER_COMBINATIONS = ("Other combinations", "Other combinations (reported, not forced into a class)", "#56b4e9")
OTHER_COLOUR = "#bbbbbb"  # neutral grey: no class, so no hue
OTHER_LABEL = "Not classified"
OUTLINE_COLOUR = "#1a1a1a"

# Largest scale denominator at which markers stand for the polygons (1:100 000 and smaller
# scales); labels are drawn at this scale and larger.
MARKER_SCALE = 100_000
LABEL_MAX_SCALE = MARKER_SCALE
# QGIS expressions for the data-defined "enabled" of the two symbol layers. No ``coalesce``
# around @map_scale: QGIS folds it to a constant when the expression is prepared, before the
# map scale is known. A legend patch has no scale, so both layers draw there: a filled square
# with the class marker on it.
FILL_ENABLED = f"@map_scale <= {MARKER_SCALE}"
MARKER_ENABLED = f"@map_scale > {MARKER_SCALE}"
# Marker diameter in mm: area proportional to tonnage between 1 kt and 10 Mt (scale_exp
# clamps outside), 2.5 mm where the tonnage is unknown.
SIZE_FIELD = "tonnage_t"
MARKER_SIZE = f'coalesce(scale_exp("{SIZE_FIELD}", 1000, 10000000, 2.5, 9, 0.5), 2.5)'


def style_paths(geometry_kind: str) -> tuple[Path, Path]:
    """(QML, SLD) for ``polygon`` or ``point`` layers."""
    kind = "point" if geometry_kind == "point" else "polygon"
    return STYLE_DIR / f"unfc_class_{kind}.qml", STYLE_DIR / f"unfc_class_{kind}.sld"


def read_style(geometry_kind: str) -> tuple[str, str]:
    qml, sld = style_paths(geometry_kind)
    return qml.read_text(encoding="utf-8"), sld.read_text(encoding="utf-8")


def qml_with_aliases(qml: str, specs: Iterable[FieldSpec], language: str = "en") -> str:
    """The QML plus an ``<aliases>`` section, so QGIS shows the fields' aliases in ``language``.

    GDAL 3.6 does not hand gpkg_data_columns aliases to QGIS, but QGIS applies the aliases of
    the default style stored in layer_styles.
    """
    entries = "".join(f"<alias field={quoteattr(s.name)} index=\"{i}\" name={quoteattr(s.alias(language))}/>"
                      for i, s in enumerate(specs) if s.alias(language))
    head, tail = qml.rsplit("</qgis>", 1)
    return f"{head} <aliases>{entries}</aliases>\n</qgis>{tail}"


_SLD_NAMESPACES = {"": "http://www.opengis.net/sld", "se": "http://www.opengis.net/se",
                   "ogc": "http://www.opengis.net/ogc", "xsi": "http://www.w3.org/2001/XMLSchema-instance",
                   "xlink": "http://www.w3.org/1999/xlink"}


def _se(tag: str) -> str:
    return f"{{{_SLD_NAMESPACES['se']}}}{tag}"


def _scale_limit(rule, tag: str, value: int) -> None:
    """Insert Min/MaxScaleDenominator where SE 1.1 wants it: after the Filter, before the symbolizers."""
    from xml.etree.ElementTree import Element

    element = Element(_se(tag))
    element.text = str(value)
    position = next(i for i, child in enumerate(rule) if child.tag.endswith("Symbolizer"))
    rule.insert(position, element)


def sld_with_scale_rules(sld: str) -> str:
    """QGIS's SLD of a style, with the marker/fill switch that QGIS expresses as a
    data-defined "enabled" (which its SLD export drops): each class rule becomes a fill rule
    up to 1:MARKER_SCALE and a marker rule beyond, and the labels show the deposit name
    (QGIS writes a placeholder for an expression it cannot export). Input: our own generated file."""
    import copy
    from xml.etree import ElementTree

    for prefix, uri in _SLD_NAMESPACES.items():
        ElementTree.register_namespace(prefix, uri)
    root = ElementTree.fromstring(sld)  # noqa: S314 (our own generated file, not untrusted input)
    for style in root.iter(_se("FeatureTypeStyle")):
        for rule in style.findall(_se("Rule")):
            polygons, points = rule.findall(_se("PolygonSymbolizer")), rule.findall(_se("PointSymbolizer"))
            if not (polygons and points):
                continue
            marker_rule = copy.deepcopy(rule)
            for child in marker_rule.findall(_se("PolygonSymbolizer")):
                marker_rule.remove(child)
            for child in points:
                rule.remove(child)
            _scale_limit(rule, "MaxScaleDenominator", MARKER_SCALE)
            _scale_limit(marker_rule, "MinScaleDenominator", MARKER_SCALE)
            style.insert(list(style).index(rule) + 1, marker_rule)
        for label in style.iter(_se("Label")):
            label.clear()
            name = ElementTree.SubElement(label, f"{{{_SLD_NAMESPACES['ogc']}}}PropertyName")
            name.text = "name"
    return ElementTree.tostring(root, encoding="unicode", xml_declaration=True)
