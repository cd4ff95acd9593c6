"""The assay corpus: files written by openpyxl/odfpy/csv with exactly known samples, flags and rejects."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from assays_support import BAD_CASES, Case, good_cases

from core.assays import ImportOptions, import_assays
from core.errors import TailingsInputError

GOOD = good_cases()
PARAMS = [pytest.param(case, engine, id=f"{case.name}-{engine}") for case in GOOD for engine in case.engines]


def _import(case: Case, tmp_path, engine: str = "auto"):
    path = case.build(tmp_path)
    return import_assays(path, ImportOptions(engine=engine, **case.options))


def test_corpus_size():
    assert len(GOOD) + len(BAD_CASES) >= 25


@pytest.mark.parametrize(("case", "engine"), PARAMS)
def test_corpus_case(case: Case, engine: str, tmp_path):
    result = _import(case, tmp_path, engine)
    expected = case.expected
    assert result.samples["src_row"].tolist() == expected.sample_rows
    assert (result.samples["sample_kind"] == "sample").all()
    assert dict(zip(result.qaqc["src_row"], result.qaqc["sample_kind"])) == expected.qaqc
    rejects = dict(zip(result.rejects["src_row"], result.rejects["reject_reason"]))
    assert set(rejects) == set(expected.rejects)
    for row, reason in expected.rejects.items():
        assert reason in rejects[row]
    assert set(zip(result.cell_issues["src_row"], result.cell_issues["column"])) == expected.cell_issues
    assert result.blank_rows == expected.blank_rows
    assert result.rows_read == len(result.samples) + len(result.qaqc) + len(result.rejects)
    everything = pd.concat([result.samples, result.qaqc]).set_index("src_row")
    for (row, field), want in expected.values.items():
        got = everything.loc[row, field]
        if want is None:
            assert got is None or (isinstance(got, float) and math.isnan(got)), (row, field, got)
        elif isinstance(want, float):
            assert got == pytest.approx(want, rel=1e-9), (row, field)
        else:
            assert got == want, (row, field)
    assert (result.samples["src_file"] == result.file).all()
    assert result.samples["src_hash"].str.len().eq(64).all()


@pytest.mark.parametrize("case", [c for c in GOOD if len(c.engines) == 2], ids=lambda c: c.name)
def test_engines_agree(case: Case, tmp_path):
    """python-calamine and openpyxl/odfpy give identical samples, QA/QC rows, rejects and issues."""
    path = case.build(tmp_path)
    a = import_assays(path, ImportOptions(engine="calamine", **case.options))
    b = import_assays(path, ImportOptions(engine="openpyxl", **case.options))
    for left, right in ((a.samples, b.samples), (a.qaqc, b.qaqc), (a.rejects, b.rejects),
                        (a.cell_issues, b.cell_issues)):
        pd.testing.assert_frame_equal(left, right)


@pytest.mark.parametrize("case", BAD_CASES, ids=lambda c: c.name)
def test_bad_input_message(case: Case, tmp_path):
    path = case.build(tmp_path)
    with pytest.raises(TailingsInputError, match=case.error) as info:
        import_assays(path, ImportOptions(**case.options))
    assert path.name in str(info.value)  # the message names the file


def test_norwegian_csv_log(tmp_path):
    case = next(c for c in GOOD if c.name == "norwegian_csv")
    result = _import(case, tmp_path)
    note = next(n for n in result.notes if n.startswith("text table"))
    assert "';'" in note and "decimal comma" in note and "1 comment line" in note


def test_crm_bias_against_certified_values(tmp_path):
    case = next(c for c in GOOD if c.name == "crm_certified_sheet")
    bias = _import(case, tmp_path).qaqc_summary.crm_bias.set_index(["crm", "analyte"])
    # OREAS 45e Cu: mean(700, 720) = 710 against 700 certified → +1.4286 %.
    assert bias.loc[("OREAS 45e", "Cu"), "bias_pct"] == pytest.approx(100 * (710 - 700) / 700)
    assert bias.loc[("OREAS 45e", "Cu"), "n"] == 2
    # Co certified 0.0031 % = 31 ppm; mean(30, 32) = 31 → 0 %.
    assert bias.loc[("OREAS 45e", "Co"), "bias_pct"] == pytest.approx(0.0, abs=1e-9)
    assert bias.loc[("OREAS 922", "Cu"), "bias_pct"] == pytest.approx(0.0, abs=1e-9)


@pytest.mark.parametrize(("name", "source"), [("latlon_csv", "EPSG:4326"), ("utm32_header_hint", "EPSG:25832")])
def test_reprojection_matches_qgis(name, source, tmp_path):
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject

    case = next(c for c in GOOD if c.name == name)
    path = case.build(tmp_path)
    result = import_assays(path)
    assert result.source_crs == source
    raw = pd.read_csv(path) if path.suffix == ".csv" else pd.read_excel(path)
    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem(source),
                                       QgsCoordinateReferenceSystem("EPSG:25833"), QgsProject.instance())
    xs = raw.iloc[:, 2] if name == "latlon_csv" else raw.iloc[:, 1]
    ys = raw.iloc[:, 1] if name == "latlon_csv" else raw.iloc[:, 2]
    for (x, y), (ox, oy) in zip(zip(xs, ys), result.samples[["x", "y"]].to_numpy()):
        point = transform.transform(QgsPointXY(float(x), float(y)))
        assert (ox, oy) == pytest.approx((point.x(), point.y()), abs=0.01)


def test_deposit_linking_by_id_and_polygon(tmp_path):
    import shapely

    from core.assays.location import link_to_deposits

    deposits = pd.DataFrame({"deposit_id": ["AVG-A", "AVG-B"],
                             "geometry": [shapely.to_wkb(shapely.box(0, 0, 10, 10)),
                                          shapely.to_wkb(shapely.box(20, 0, 30, 10))]})
    sheet_ids = pd.Series(["avg-a ", None, None, "AVG-X"], dtype=object)
    x = np.array([25.0, 25.0, 50.0, 5.0])
    y = np.array([5.0, 5.0, 5.0, 5.0])
    link = link_to_deposits(sheet_ids, x, y, deposits)
    assert link.deposit_id.tolist() == ["AVG-A", "AVG-B", None, "AVG-A"]
    assert link.method.tolist() == ["id", "location", None, "location"]
    assert link.unknown_ids.tolist() == [False, False, False, True]


def test_chunked_reading_gives_the_same_result(tmp_path):
    """Small chunks (streaming) and one big chunk give identical output."""
    case = next(c for c in GOOD if c.name == "over_range_and_sentinels")
    path = case.build(tmp_path)
    whole = import_assays(path, ImportOptions(chunk_rows=65536))
    chunked = import_assays(path, ImportOptions(chunk_rows=2))
    pd.testing.assert_frame_equal(whole.samples, chunked.samples)
    pd.testing.assert_frame_equal(whole.cell_issues, chunked.cell_issues)


def test_oxide_factors_match_domain_table():
    from core.assays.chemistry import parse_oxide

    # DOMAIN.md §2 (element → oxide multipliers, and oxide → element for Fe, Zn, Cu, Co).
    assert parse_oxide("Fe2O3").element_fraction == pytest.approx(0.6994, abs=1e-4)
    assert parse_oxide("ZnO").element_fraction == pytest.approx(0.8034, abs=1e-4)
    assert parse_oxide("CuO").element_fraction == pytest.approx(0.7989, abs=1e-4)
    assert parse_oxide("CoO").element_fraction == pytest.approx(0.7865, abs=1e-4)
    assert 1 / parse_oxide("La2O3").element_fraction == pytest.approx(1.1728, abs=1e-4)
    assert 1 / parse_oxide("Y2O3").element_fraction == pytest.approx(1.2699, abs=1e-4)
    assert 1 / parse_oxide("Pr6O11").element_fraction == pytest.approx(1.2082, abs=1e-4)
    assert parse_oxide("CO") is None and parse_oxide("NO") is None


def test_auto_engine_streams_a_large_workbook(sample_data):
    """Above the sheet-XML threshold "auto" switches from calamine (whole sheet in memory) to
    openpyxl's streaming read-only mode, with a note, and the result is the same."""
    from core.assays.sources import worksheet_xml_bytes

    path = sample_data / "assays_lab.xlsx"
    size = worksheet_xml_bytes(path)
    assert size > 0
    streamed = import_assays(path, ImportOptions(stream_above_sheet_xml_bytes=size - 1))
    in_memory = import_assays(path, ImportOptions(stream_above_sheet_xml_bytes=size))
    assert streamed.engine == "openpyxl" and in_memory.engine == "calamine"
    assert any("streaming it with openpyxl" in note for note in streamed.notes)
    pd.testing.assert_frame_equal(streamed.samples, in_memory.samples)
    pd.testing.assert_frame_equal(streamed.rejects, in_memory.rejects)
