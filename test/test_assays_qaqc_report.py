"""The QA/QC report through the real import: censored results as reported (<DL), never the
substituted half-DL value, in blanks, CRMs and duplicates; the model report's stylesheet."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from assays_support import write_xlsx

pytestmark = pytest.mark.usefixtures("tailings_provider")

HEADER = ["Sample ID", "Sample type", "Co", "Cu", "Zn"]
UNITS = [None, None, "ppm", "ppm", "ppm"]
SAMPLES = [["T-001", "Sample", 50, 300, 120], ["T-002", "Sample", "<5", 280, 110],
           ["T-003", "Sample", 61, 330, 140], ["T-004", "Sample", 45, 290, 100]]
CRMS = [["OREAS 45e", "STD", 30, 700, 150], ["OREAS 45e-2", "STD", "<50", 720, 155]]
BLANKS = [["BLK-01", "BLANK", "<5", "<2", 3], ["BLK-02", "BLANK", "<5", "<2", "<1"]]
DUPLICATES = [["T-001 DUP", "DUP", 54, 310, 124], ["T-002 DUP", "DUP", 4, 285, 112]]
CERTIFIED = [["CRM", "Element", "Certified value", "Unit"], ["OREAS 45e", "Co", 31, "ppm"],
             ["OREAS 45e", "Cu", 709, "ppm"]]
ELEMENTS = {"Co": 2, "Cu": 3, "Zn": 4}  # header → column index in the rows above


class _Sections(HTMLParser):
    """Tables of the page, keyed by the <h2> heading before them; cell texts unescaped."""

    def __init__(self):
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self.heading, self._tag, self._text, self._row = "", None, "", None

    def handle_starttag(self, tag, attrs):
        if tag in ("h2", "td", "th"):
            self._tag, self._text = tag, ""
        elif tag == "tr":
            self._row = []

    def handle_data(self, data):
        if self._tag:
            self._text += data

    def handle_endtag(self, tag):
        if tag == "h2":
            self.heading = self._text.strip()
        elif tag in ("td", "th") and self._row is not None:
            self._row.append(self._text.strip())
        elif tag == "tr" and self._row is not None:
            self.tables.setdefault(self.heading, []).append(self._row)
            self._row = None
        if tag in ("h2", "td", "th"):
            self._tag = None


def _records(rows: list[list[str]]) -> list[dict[str, str]]:
    return [dict(zip(rows[0], r)) for r in rows[1:]]


def _section(tables: dict, start: str) -> list[dict[str, str]]:
    return _records(next(rows for heading, rows in tables.items() if heading.startswith(start)))


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    import processing

    folder = tmp_path_factory.mktemp("qaqc")
    rows = [HEADER, UNITS, *SAMPLES, *CRMS, *BLANKS, *DUPLICATES]
    path = write_xlsx(folder / "lab.xlsx", {"Results": rows, "CRM certified": CERTIFIED})
    outputs = {}
    for suffix in ("html", "csv"):
        outputs[suffix] = folder / f"qaqc.{suffix}"
        processing.run("tailingsunfc:importassays", {"INPUT": str(path), "OUTPUT": "memory:", "REJECTS": "memory:",
                                                     "QAQC_REPORT": str(outputs[suffix])})
    text = outputs["html"].read_text(encoding="utf-8")
    parser = _Sections()
    parser.feed(text)
    return text, parser.tables, outputs["csv"].read_text(encoding="utf-8")


def _half_limit(cell: object) -> str | None:
    match = re.fullmatch(r"<(\d+(?:\.\d+)?)", str(cell))
    return f"{float(match.group(1)) / 2:g}" if match else None


def test_blank_results_are_shown_as_reported(report):
    text, tables, _ = report
    listing = {r["sample id"]: r for r in _section(tables, "QA/QC results as reported")}
    for blank in BLANKS:
        shown = listing[blank[0]]
        for element, j in ELEMENTS.items():
            assert shown[f"{element} (ppm)"] == str(blank[j]), (blank[0], element)
    assert "&lt;5" in text and "&lt;2" in text  # escaped in the HTML source, not read as a tag


def test_no_substituted_half_limit_in_any_blank_cell(report):
    _, tables, _ = report
    listing = {r["sample id"]: r for r in _section(tables, "QA/QC results as reported")}
    halves = {_half_limit(b[j]) for b in BLANKS for j in ELEMENTS.values()} - {None}
    assert halves == {"2.5", "1", "0.5"}
    for blank in BLANKS:
        assert not halves & set(listing[blank[0]].values())
    summary = {r["element"]: r for r in _section(tables, "Blanks")}
    for element, j in ELEMENTS.items():
        column = [b[j] for b in BLANKS]
        censored = [c for c in column if isinstance(c, str)]
        measured = [c for c in column if not isinstance(c, str)]
        row = summary[f"{element} (ppm)"]
        assert row["n"] == str(len(column)) and row["n < DL"] == str(len(censored))
        highest = f"{max(measured):g}" if measured else max(censored, key=lambda c: float(c[1:]))
        assert row["highest result"] == highest
        assert not halves & set(row.values()) - {row["n"], row["n < DL"], row["n detected"]}


def test_crm_mean_uses_measured_results_only(report):
    _, tables, _ = report
    bias = {(r["CRM"], r["analyte"]): r for r in _section(tables, "CRM bias")}
    for element, certified in (("Co", 31), ("Cu", 709)):
        column = [c[ELEMENTS[element]] for c in CRMS]
        measured = [c for c in column if not isinstance(c, str)]
        mean = sum(measured) / len(measured)
        row = bias[("OREAS 45e", element)]
        assert row["n"] == str(len(measured)) and row["n < DL"] == str(len(column) - len(measured))
        assert float(row["mean (measured)"]) == pytest.approx(mean, rel=1e-3)
        assert float(row["bias (%)"]) == pytest.approx(100 * (mean - certified) / certified, abs=0.05)


def test_duplicate_pairs_with_a_censored_result_are_not_compared(report):
    _, tables, _ = report
    rows = {r["element"]: r for r in _section(tables, "Duplicate pairs")}
    originals = {s[0]: s for s in SAMPLES}
    for element, j in ELEMENTS.items():
        pairs = [(d[j], originals[d[0].removesuffix(" DUP")][j]) for d in DUPLICATES]
        kept = [(a, b) for a, b in pairs if not isinstance(a, str) and not isinstance(b, str)]
        rpd = sorted(100 * abs(a - b) / ((a + b) / 2) for a, b in kept)
        median = (rpd[(len(rpd) - 1) // 2] + rpd[len(rpd) // 2]) / 2
        row = rows[f"{element} (ppm)"]
        assert row["pairs compared"] == str(len(kept))
        assert row["pairs with a <DL result (not compared)"] == str(len(pairs) - len(kept))
        assert float(row["median RPD (%)"]) == pytest.approx(median, abs=0.05)


def test_numbers_carry_sensible_decimals(report):
    _, tables, _ = report
    cells = [c for rows in tables.values() for r in rows[1:] for c in r]
    assert cells and not [c for c in cells if re.fullmatch(r"-?\d+\.\d{5,}", c)]


def test_csv_report_shows_censored_results_as_reported(report):
    import csv
    import io

    _, _, text = report
    rows = [r for r in csv.DictReader(io.StringIO(text)) if r["section"] == "qaqc_rows"]
    blanks = {r["sample_id"]: r for r in rows if r["sample_kind"] == "blank"}
    assert blanks["BLK-01"]["co_ppm"] == "<5" and blanks["BLK-02"]["zn_ppm"] == "<1"
    assert blanks["BLK-01"]["zn_ppm"] == "3"


def test_report_shares_the_model_reports_stylesheet(report):
    from estimation_support import make_samples

    from core.estimation.fitting import ModelSpec, train_model
    from core.estimation.report import render_html
    from core.report_style import STYLESHEET

    model = train_model(make_samples(n_deposits=6, per_deposit=20).samples,
                        ModelSpec("co", ["s_ppm", "fe2o3_pct"], method="ols", cv_folds=3))
    styles = [re.findall(r"<style>(.*?)</style>", page, re.S) for page in (report[0], render_html(model))]
    assert styles[0] == styles[1] == [STYLESHEET]


def test_headings_go_through_the_translation_helper(tmp_path):
    from assays_support import write_xlsx as write

    from core.assays import import_assays
    from core.assays.report import render_html

    path = write(tmp_path / "lab.xlsx", {"Results": [HEADER, UNITS, *SAMPLES, *BLANKS]})
    page = render_html(import_assays(path), tr=lambda text: f"[{text}]")
    headings = re.findall(r"<h[12]>(.*?)</h[12]>", page)
    assert headings and all(h.startswith("[") for h in headings)
