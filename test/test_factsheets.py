"""tailingsunfc:factsheets on the pipeline's real output: one PDF and one PNG per deposit from the
print-layout atlas, their content (text through pdftotext, pixels through numpy), safe file
names for hostile ids, cancel without leftovers, qgis_process headless, and the panel's function.

With UPDATE_SCREENSHOTS=1 one factsheet PNG is copied to docs/images/, which the user guide shows.
"""
from __future__ import annotations

import math
import os
import re
import shutil
import sqlite3
import subprocess
import unicodedata
from pathlib import Path

import pytest
from qgis.core import QgsFeedback, QgsProcessingFeedback, QgsVectorLayer
from qgis.PyQt.QtGui import QImage
from qgis_process_runner import run_qgis_process_json
from render_support import SCREENSHOT_DIR, colour_pixels, distinct_colours, rgb_array

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "sample_data"
SHOWN = "AVG-BLEIKVASSLI-01"  # the factsheet in the user guide: a classified deposit with every grade
HOSTILE = ("../../etc/x", "..\\..\\win", "tab\tbell\x07", "..")


@pytest.fixture(scope="module")
def deposits_gpkg(tailings_provider, tmp_path_factory) -> Path:
    import processing

    out = tmp_path_factory.mktemp("factsheet_pipeline")
    processing.run("tailingsunfc:pipeline", {
        "DEPOSITS": [f"{SAMPLE / 'old_tailings.gpkg'}|layername=avgangsdeponi"],
        "ASSAYS": [str(SAMPLE / "assays_lab.xlsx")], "PROXY_ASSAYS": [str(SAMPLE / "pxrf_field.csv")],
        "OUTPUT": str(out)})
    gpkg = out / "tailings_unfc.gpkg"
    assert gpkg.is_file()
    return gpkg


@pytest.fixture(scope="module")
def deposits(deposits_gpkg) -> list[dict]:
    with sqlite3.connect(deposits_gpkg) as db:
        db.row_factory = sqlite3.Row
        return [dict(r) for r in db.execute("SELECT * FROM deposits ORDER BY deposit_id")]


@pytest.fixture(scope="module")
def sheets(deposits_gpkg, tmp_path_factory) -> tuple[Path, dict]:
    import processing

    folder = tmp_path_factory.mktemp("factsheets") / "out"
    result = processing.run("tailingsunfc:factsheets", {
        "INPUT": f"{deposits_gpkg}|layername=deposits", "OUTPUT": str(folder), "COMBINED_PDF": True})
    return folder, result


def _layer(gpkg: Path) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{gpkg}|layername=deposits", "deposits", "ogr")
    assert layer.isValid()
    return layer


def _pdf_text(path: Path) -> str:
    proc = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    text = " ".join(unicodedata.normalize("NFKC", proc.stdout).split())  # NFKC: the "ﬁ" ligature is "fi"
    return re.sub(r"(?<=\d)[,\u00a0\u202f](?=\d{3}(?!\d))", "", text)  # digit grouping of any locale


def _three_digits(value: float) -> str:
    """A number as the factsheet should print it: three significant digits, no grouping."""
    if value == 0:
        return "0"
    places = max(0, 2 - math.floor(math.log10(abs(value))))
    return f"{round(value, places):.{places}f}"


def test_one_pdf_and_one_png_per_deposit(sheets, deposits):
    folder, result = sheets
    ids = [d["deposit_id"] for d in deposits]
    expected = {f"{i}.{ext}" for i in ids for ext in ("pdf", "png")} | {"factsheets_all.pdf"}
    assert {p.name for p in folder.iterdir()} == expected  # and no temporary folder left behind
    assert result["N_FACTSHEETS"] == len(ids)
    assert sorted(result["FILES"].splitlines()) == sorted(str(folder / n) for n in expected)
    info = subprocess.run(["pdfinfo", str(folder / "factsheets_all.pdf")], capture_output=True, text=True, check=True)
    assert re.search(rf"^Pages:\s+{len(ids)}$", info.stdout, re.M)
    for deposit_id in ids:
        assert (folder / f"{deposit_id}.pdf").read_bytes()[:5] == b"%PDF-"
        assert QImage(str(folder / f"{deposit_id}.png")).width() > 1000


def test_pdf_text_has_id_unfc_code_class_and_grades(sheets, deposits):
    folder, _ = sheets
    classified = [d for d in deposits if d["unfc_code"]]
    assert len(classified) >= 20
    for d in deposits:
        text = _pdf_text(folder / f"{d['deposit_id']}.pdf")
        assert d["deposit_id"] in text
        assert d["name"] in text
        if d["unfc_code"]:
            assert d["unfc_code"] in text and d["unfc_class"] in text, d["deposit_id"]
            assert d["unfc_rationale"].split(":")[0] in text
        for c in ("co", "cu", "zn", "tree"):
            if d[f"{c}_ppm"] is not None:
                interval = f"{_three_digits(d[f'{c}_ppm_lo'])} – {_three_digits(d[f'{c}_ppm_hi'])}"
                assert f"{_three_digits(d[f'{c}_ppm'])} {interval}" in text, (d["deposit_id"], c, interval)
        assert d["rules_version"] in text and d["plugin_version"] in text
        assert "tailings_unfc.gpkg" in text and "export-" in text  # source and run id
    shown = next(d for d in deposits if d["deposit_id"] == SHOWN)
    text = _pdf_text(folder / f"{SHOWN}.pdf")
    contained = [_three_digits(shown[f"co_t{s}"]) for s in ("", "_lo", "_hi")]
    assert f"{contained[0]} {contained[1]} – {contained[2]}" in text
    assert shown["co_estimator"] in text and "critical" in text and "Art. 27" in text


def _class_colours(gpkg: Path, kind: str = "polygon") -> dict[str, str]:
    """Class -> fill colour, from the shipped style (whichever palette it has)."""
    layer = _layer(gpkg)
    _msg, ok = layer.loadNamedStyle(str(ROOT / "resources" / "styles" / f"unfc_class_{kind}.qml"))
    assert ok
    return {str(c.value()): c.symbol().color().name() for c in layer.renderer().categories()}


def test_png_shows_class_colour_map_and_text(sheets, deposits, deposits_gpkg):
    folder, _ = sheets
    colours = _class_colours(deposits_gpkg)
    seen_classes = set()
    for d in (d for d in deposits if d["unfc_class"]):
        image = QImage(str(folder / f"{d['deposit_id']}.png"))
        pixels = rgb_array(image)
        assert distinct_colours(pixels) > 50
        colour = colours[d["unfc_class"]]
        swatch = _mm(pixels, 142.5, 23, 145, 35)  # the class swatch beside the UNFC code
        assert colour_pixels(swatch, colour, tolerance=3) > 0.9 * swatch.shape[0] * swatch.shape[1], d["deposit_id"]
        assert colour_pixels(_mm(pixels, 13, 42, 123, 138), colour, tolerance=8) > 1000  # the deposit on the map
        height = pixels.shape[0]
        ink = pixels.max(axis=2) < 90
        assert ink[: height // 10].sum() > 3000  # the title
        assert ink[height // 2:].sum() > 20000  # the tables and the rationale
        seen_classes.add(d["unfc_class"])
    assert len(seen_classes) >= 2
    if os.environ.get("UPDATE_SCREENSHOTS") == "1":
        SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(folder / f"{SHOWN}.png", SCREENSHOT_DIR / "factsheet.png")


def test_point_layer_gets_a_map_too(deposits_gpkg, deposits, tmp_path):
    """NGU registry deposits are points: the map is centred on each at a fixed scale."""
    import processing

    points = processing.run("native:centroids", {"INPUT": f"{deposits_gpkg}|layername=deposits",
                                                 "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    shown = next(d for d in deposits if d["deposit_id"] == SHOWN)
    result = processing.run("tailingsunfc:factsheets", {
        "INPUT": points, "OUTPUT": str(tmp_path), "FORMAT": 2, "FILTER": f"\"deposit_id\" = '{SHOWN}'"})
    assert result["N_FACTSHEETS"] == 1
    pixels = rgb_array(QImage(str(tmp_path / f"{SHOWN}.png")))
    colour = _class_colours(deposits_gpkg, "point")[shown["unfc_class"]]
    map_area = _mm(pixels, 13, 42, 123, 138)
    assert colour_pixels(map_area, colour, tolerance=8) > 150  # the marker
    assert (map_area.max(axis=2) < 90).sum() > 500  # its ring, label and the scale bar


def _mm(pixels, x0: float, y0: float, x1: float, y1: float):
    """The part of an A4 page image between (x0, y0) and (x1, y1) in mm."""
    per_mm = pixels.shape[1] / 210.0
    return pixels[round(y0 * per_mm):round(y1 * per_mm), round(x0 * per_mm):round(x1 * per_mm)]


def test_hostile_deposit_ids_are_written_safely(deposits_gpkg, tmp_path):
    import processing

    layer = _layer(deposits_gpkg).materialize(_first(len(HOSTILE)))
    index = layer.fields().indexFromName("deposit_id")
    layer.startEditing()
    for feature, hostile in zip(layer.getFeatures(), HOSTILE):
        layer.changeAttributeValue(feature.id(), index, hostile)
    assert layer.commitChanges()
    out = tmp_path / "deep" / "out"
    result = processing.run("tailingsunfc:factsheets", {"INPUT": layer, "OUTPUT": str(out), "FORMAT": 1})
    files = sorted(p for p in tmp_path.rglob("*") if p.is_file())
    assert len(files) == len(HOSTILE) == result["N_FACTSHEETS"]
    for path in files:
        assert path.parent == out
        assert ".." not in path.name and not path.name.startswith(".")
        assert not any(ord(ch) < 32 for ch in path.name) and "\\" not in path.name
    texts = " ".join(_pdf_text(p) for p in files)
    assert "../../etc/x" in texts  # the id itself stays readable on the sheet


def _first(n: int):
    from qgis.core import QgsFeatureRequest

    return QgsFeatureRequest().setLimit(n)


def test_cancel_mid_run_leaves_no_file(deposits_gpkg, tmp_path):
    import processing

    feedback = QgsProcessingFeedback()
    # Cancel once the first factsheets are written (into the staging folder).
    feedback.progressChanged.connect(lambda p: feedback.cancel() if p > 5 else None)
    out = tmp_path / "out"
    result = processing.run("tailingsunfc:factsheets", {
        "INPUT": f"{deposits_gpkg}|layername=deposits", "OUTPUT": str(out), "COMBINED_PDF": True},
        feedback=feedback)
    assert feedback.isCanceled() and 5 < feedback.progress() < 100
    assert result == {}
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []
    assert [p.name for p in out.iterdir()] == []


def test_export_function_for_the_panel(deposits_gpkg, deposits, tmp_path):
    from tailings_unfc.algorithms.factsheet_export import export_factsheets
    from tailings_unfc.core.errors import TailingsInputError

    feedback = QgsFeedback()
    files = export_factsheets(_layer(deposits_gpkg), tmp_path, feedback, formats=("png",),
                              filter_expression='"unfc_code" IS NOT NULL')
    classified = sorted(d["deposit_id"] for d in deposits if d["unfc_code"])
    assert sorted(Path(f).name for f in files) == [f"{i}.png" for i in classified]
    assert feedback.progress() == pytest.approx(100.0)
    with pytest.raises(TailingsInputError, match="filter"):
        export_factsheets(_layer(deposits_gpkg), tmp_path / "bad", feedback, filter_expression='"deposit_id" = (')
    assert not (tmp_path / "bad").exists()


def test_qgis_process_headless(deposits_gpkg, deposits, tmp_path):
    chosen = [d["deposit_id"] for d in deposits[:2]]
    result = run_qgis_process_json("tailingsunfc:factsheets", {
        "INPUT": f"{deposits_gpkg}|layername=deposits", "OUTPUT": str(tmp_path / "qp"), "FORMAT": 2,
        "DPI": 96, "FILTER": f"\"deposit_id\" IN ('{chosen[0]}', '{chosen[1]}')"})
    assert result["results"]["N_FACTSHEETS"] == 2
    assert sorted(p.name for p in (tmp_path / "qp").iterdir()) == [f"{i}.png" for i in chosen]
    assert QImage(str(tmp_path / "qp" / f"{chosen[0]}.png")).width() == pytest.approx(210 / 25.4 * 96, abs=1)


@pytest.mark.parametrize("deposit_id, stem", [
    ("AVG-LØKKEN-01", "AVG-LØKKEN-01"), ("../../etc/x", "etc_x"), ("a/b\\c", "a_b_c"), ("..", "deposit_7"),
    ("", "deposit_7"), (None, "deposit_7"), ("CON", "_CON"), ("nul.txt", "_nul.txt"), ("a\x00b\nc", "a_b_c"),
    (".hidden", "hidden"), ("x" * 300, "x" * 100), ("C:\\Windows", "C_Windows"),
])
def test_safe_stem(deposit_id, stem):
    from tailings_unfc.algorithms.factsheet_names import safe_stem

    assert safe_stem(deposit_id, "deposit_7") == stem


def test_unique_stems_case_insensitive():
    from tailings_unfc.algorithms.factsheet_names import UniqueStems

    stems = UniqueStems()
    assert [stems.take(i, n) for n, i in enumerate(("a/b", "a_b", "A_B", "..", ".."), start=1)] == \
        ["a_b", "a_b_2", "A_B_3", "deposit_4", "deposit_5"]
