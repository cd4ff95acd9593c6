"""Assay file extensions: importassays takes any case of every accepted extension and .tsv
(read as tab-separated), the pipeline and checkinputs check the same list, and a file of
another type is refused with a message naming it."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest
from assays_support import write_xlsx

pytestmark = pytest.mark.usefixtures("tailings_provider")

# The note column holds more commas per line than there are tabs, so a separator guess
# would split a .tsv at the commas.
HEADER = ["Sample ID", "Co (ppm)", "Cu (ppm)", "Note (site, municipality, county, country, source)"]
ROWS = [["T-001", 50, 300, "Løkken, Meldal, Orkland, Trøndelag, NGU"],
        ["T-002", 61, 330, "Folldal, Folldal, Innlandet, Norway, NGU"],
        ["T-003", 45, 290, "Røros, Røros, Trøndelag, Norway, field"]]
SAMPLE = Path(__file__).resolve().parent.parent / "resources" / "sample_data"
DEPOSITS = f"{SAMPLE / 'old_tailings.gpkg'}|layername=avgangsdeponi"


def _write_text(path: Path, delimiter: str) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, delimiter=delimiter).writerows([HEADER, *ROWS])
    return path


WRITERS = {
    "lab.csv": lambda p: _write_text(p, ","),
    "lab.CSV": lambda p: _write_text(p, ","),
    "lab.tsv": lambda p: _write_text(p, "\t"),
    "lab.TSV": lambda p: _write_text(p, "\t"),
    "lab.XLSX": lambda p: write_xlsx(p, {"Results": [HEADER, *ROWS]}),
    "lab.Xlsx": lambda p: write_xlsx(p, {"Results": [HEADER, *ROWS]}),
}


def _import(path: Path) -> list[tuple]:
    import processing

    result = processing.run("tailingsunfc:importassays", {"INPUT": str(path), "OUTPUT": "memory:",
                                                          "REJECTS": "memory:"})
    assert result["N_REJECTED"] == 0 and result["N_CELL_ISSUES"] == 0
    return [(f["sample_id"], f["co_ppm"], f["cu_ppm"]) for f in result["OUTPUT"].getFeatures()]


@pytest.mark.parametrize("name", list(WRITERS))
def test_importassays_takes_the_extension_in_any_case(name, tmp_path):
    path = WRITERS[name](tmp_path / name)
    assert _import(path) == [(r[0], pytest.approx(r[1]), pytest.approx(r[2])) for r in ROWS]


def test_tsv_is_split_at_tabs_not_at_commas(tmp_path):
    import processing

    path = WRITERS["lab.tsv"](tmp_path / "lab.tsv")
    result = processing.run("tailingsunfc:importassays", {"INPUT": str(path), "OUTPUT": "memory:",
                                                          "REJECTS": "memory:"})
    layer = result["OUTPUT"]
    note = next(n for n in layer.fields().names() if n.startswith("note"))
    assert [f[note] for f in layer.getFeatures()] == [r[3] for r in ROWS]


@pytest.mark.parametrize("name", ["lab.pdf", "lab.gpkg", "lab"])
def test_importassays_refuses_another_file_type_naming_the_file(name, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    path = _write_text(tmp_path / name, ",")  # readable content: the name alone is refused
    with pytest.raises(QgsProcessingException, match=rf"Not an assay file type.*file {name}\b"):
        processing.run("tailingsunfc:importassays", {"INPUT": str(path), "OUTPUT": "memory:", "REJECTS": "memory:"})


@pytest.mark.parametrize(("algorithm", "parameter"), [("checkinputs", "ASSAYS"), ("checkinputs", "PROXY_ASSAYS"),
                                                      ("pipeline", "ASSAYS")])
def test_pipeline_and_checkinputs_check_the_same_extensions(algorithm, parameter, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    good = _write_text(tmp_path / "lab.CSV", ",")
    bad = _write_text(tmp_path / "lab.docx", ",")
    outputs = {"checkinputs": {"OUTPUT_REPORT": str(tmp_path / "pre.txt")},
               "pipeline": {"OUTPUT": str(tmp_path / "run")}}
    with pytest.raises(QgsProcessingException, match=r"Not an assay file type \(\.docx\).*file lab\.docx"):
        processing.run(f"tailingsunfc:{algorithm}", {"DEPOSITS": [DEPOSITS], parameter: [str(good), str(bad)],
                                                     **outputs[algorithm]})
    assert not (tmp_path / "run").exists()


def test_checkinputs_reads_an_upper_case_csv(tmp_path):
    import processing

    good = _write_text(tmp_path / "lab.CSV", ",")
    report = tmp_path / "pre.txt"
    processing.run("tailingsunfc:checkinputs", {"DEPOSITS": [DEPOSITS], "ASSAYS": [str(good)],
                                                "OUTPUT_REPORT": str(report)})
    assert "lab.CSV" in report.read_text(encoding="utf-8")


def test_one_list_of_extensions():
    from core.assays.extensions import ASSAY_EXTENSIONS, filter_patterns, is_assay_file_name

    assert all(is_assay_file_name(f"x{e.upper()}") and is_assay_file_name(f"x{e}") for e in ASSAY_EXTENSIONS)
    assert {".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".tsv", ".txt"} == set(ASSAY_EXTENSIONS)
    assert all(f"*{e.upper()}" in filter_patterns().split() for e in ASSAY_EXTENSIONS)
