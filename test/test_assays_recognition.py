"""Header recognition from the vocabulary tables, FIELD_MAP overrides, drill-hole intervals."""
from __future__ import annotations

import math

import pytest
from assays_support import write_text, write_xlsx
from hypothesis import given, settings
from hypothesis import strategies as st

from core.assays import ImportOptions, import_assays
from core.assays.header import recognise
from core.assays.overrides import parse_assay_field_map
from core.assays.vocabulary import fold
from core.errors import TailingsInputError

# header cell → (role, element); lab and field styles, Norwegian with and without ASCII spellings.
HEADER_CASES = [
    ("Smp_No", "sample_id", None), ("SAMPLE", "sample_id", None), ("Sample Number", "sample_id", None),
    ("Sample No.", "sample_id", None), ("Lab No", "sample_id", None), ("Prøvenr.", "sample_id", None),
    ("Proevenr", "sample_id", None), ("Provenr", "sample_id", None), ("Prøve-ID", "sample_id", None),
    ("ANALYSE_ID", "sample_id", None), ("SampleID", "sample_id", None), ("Sample_ID", "sample_id", None),
    ("Field ID", "sample_id", None), ("SampNo", "sample_id", None), ("Client Sample ID", "sample_id", None),
    ("No", "sample_id", None), ("Deponi", "deposit", None), ("Forekomstnr", "deposit", None),
    ("Deposit_ID", "deposit", None), ("Sample type", "sample_type", None), ("QA/QC", "sample_type", None),
    ("Prøvetype", "sample_type", None), ("Proevetype", "sample_type", None), ("HoleID", "hole_id", None),
    ("Hole_ID", "hole_id", None), ("DH No", "hole_id", None), ("From", "depth_from", None),
    ("From (m)", "depth_from", None), ("To (m)", "depth_to", None), ("Til", "depth_to", None),
    ("Øst", "easting", None), ("Oest", "easting", None), ("Øst sone 33", "easting", None),
    ("Easting (UTM32)", "easting", None), ("X_25835", "easting", None), ("mE32wgs", "easting", None),
    ("Nord", "northing", None), ("mN32wgs", "northing", None), ("Lat", "latitude", None),
    ("Longitude", "longitude", None), ("Lengdegrad", "longitude", None),
    ("Co_ppm", "element", "Co"), ("Mn", "element", "Mn"), ("Y", "element", "Y"), ("Cu-AA62", "element", "Cu"),
    ("Comment", "other", None), ("Merknad", "other", None),
]


@pytest.mark.parametrize(("header", "role", "element"), HEADER_CASES)
def test_header_vocabulary(header, role, element):
    column = recognise(header, 0)
    assert (column.role, column.element) == (role, element)


@pytest.mark.parametrize(("a", "b"), [("Prøve-ID", "proeve id"), ("Prøvenr.", "PROVENR"), ("Måle", "Maale"),
                                      ("Kjær", "KJAER")])
def test_fold_makes_norwegian_spellings_equal(a, b):
    assert fold(a) == fold(b)


def _sheet(tmp_path, rows, name="s.xlsx"):
    return write_xlsx(tmp_path / name, {"Data": rows})


def test_field_map_names_unrecognised_columns_with_units(tmp_path):
    path = _sheet(tmp_path, [["Ref. A", "Kobber", "Cobalt ICP", "Sc"],
                             ["A-1", 0.5, 12, 3], ["A-2", 1.5, 14, 4]])
    result = import_assays(path, ImportOptions(field_map="sample_id=Ref. A; cu:%=Kobber; Cobalt ICP=co:ppm; sc="))
    assert result.samples["sample_id"].tolist() == ["A-1", "A-2"]
    assert result.samples["cu_ppm"].tolist() == pytest.approx([5000.0, 15000.0])
    assert result.samples["co_ppm"].tolist() == pytest.approx([12.0, 14.0])
    assert "sc_ppm" not in result.samples.columns  # switched off: carried as text
    assert result.samples["sc"].tolist() == ["3", "4"]
    assert any("read as cu:%" in n for n in result.notes)
    assert "Kobber → cu in % (FIELD_MAP), FIELD_MAP" in result.mapping_lines()
    assert "Ref. A → sample_id, FIELD_MAP" in result.mapping_lines()


def test_field_map_column_number_for_a_blank_header_and_json(tmp_path):
    path = write_text(tmp_path / "blank.csv", [["", "Cu_ppm"], ["B-1", 7.0], ["B-2", 8.0]])
    result = import_assays(path, ImportOptions(field_map='{"sample_id": "#1"}'))
    assert result.samples["sample_id"].tolist() == ["B-1", "B-2"]


def test_field_map_overrides_an_automatic_match(tmp_path):
    path = _sheet(tmp_path, [["Sample ID", "Lab No", "Cu_ppm"], ["S-1", "L-9", 5], ["S-2", "L-8", 6]])
    result = import_assays(path, ImportOptions(field_map="sample_id=Lab No"))
    assert result.samples["sample_id"].tolist() == ["L-9", "L-8"]
    assert result.samples["sample_id_src"].tolist() == ["S-1", "S-2"]  # the other column kept as text
    assert result.mapping_lines()[-1] == ("other columns that could be the sample id (FIELD_MAP "
                                          "sample_id=<column>): 'Sample ID'")


@pytest.mark.parametrize(("field_map", "message"), [
    ("sample_id", "canonical=source"),
    ("{not json", "not valid JSON"),
    ("foo=bar", "neither side is a known target"),
    ("co:ppx=Cu_ppm", "not a unit"),
    ("sample_id=Nope", r"header does not have.*Header cells seen: 'Sample ID', 'Cu_ppm'"),
])
def test_bad_field_map_is_a_clear_error(tmp_path, field_map, message):
    path = _sheet(tmp_path, [["Sample ID", "Cu_ppm"], ["S-1", 5]])
    with pytest.raises(TailingsInputError, match=message) as info:
        import_assays(path, ImportOptions(field_map=field_map))
    assert path.name in str(info.value)


def test_missing_sample_id_lists_cells_closest_and_the_field_map_to_use(tmp_path):
    path = _sheet(tmp_path, [["Lab report 17"], ["Smpl Nummer", "Remark", "Co_ppm"], ["X-1", "ok", 5]])
    with pytest.raises(TailingsInputError) as info:
        import_assays(path)
    text = str(info.value)
    assert "Header cells seen: 'Smpl Nummer', 'Remark', 'Co_ppm'" in text
    assert "Closest: 'Smpl Nummer'" in text
    assert 'FIELD_MAP="sample_id=Smpl Nummer"' in text
    assert "row 2" in text and path.name in text
    # ... and that text, given back, works.
    fixed = import_assays(path, ImportOptions(field_map="sample_id=Smpl Nummer"))
    assert fixed.samples["sample_id"].tolist() == ["X-1"]


def test_no_element_column_suggests_field_map(tmp_path):
    path = _sheet(tmp_path, [["Sample ID", "Kobolt"], ["S-1", 5]])
    with pytest.raises(TailingsInputError, match=r"Header cells seen: 'Sample ID', 'Kobolt'.*FIELD_MAP=\"co="):
        import_assays(path)
    assert import_assays(path, ImportOptions(field_map="co=Kobolt")).samples["co_ppm"].tolist() == [5.0]


def test_drill_hole_intervals_give_one_id_per_interval(tmp_path):
    path = _sheet(tmp_path, [["HoleID", "From", "To", "Cu_ppm"], ["DH01", 12, 13.5, 100], ["DH01", 13.5, 15.25, 200],
                             ["DH02", 0, "n/a", 50]])
    result = import_assays(path)
    assert result.samples["sample_id"].tolist() == ["DH01_12.0-13.5", "DH01_13.5-15.25"]
    assert result.samples["holeid"].tolist() == ["DH01", "DH01"]
    assert result.samples["to"].tolist() == pytest.approx([13.5, 15.25])
    assert result.rejects["reject_reason"].tolist() == ["no sample id"]
    assert set(zip(result.cell_issues["src_row"], result.cell_issues["column"])) == {(4, "To")}
    assert result.counts_add_up


def test_detection_limit_row_is_not_a_sample(tmp_path):
    path = write_text(tmp_path / "cert.csv", [["Sample", "Cu", "Zn"], ["", "PPM", "%"],
                                              ["Detection limits", 0.01, 0.001], ["C-1", 5.0, 0.5]])
    result = import_assays(path)
    assert result.samples["sample_id"].tolist() == ["C-1"]
    assert result.samples["zn_ppm"].tolist() == pytest.approx([5000.0])
    assert result.rejects["reject_reason"].str.contains("detection-limit").tolist() == [True]


def test_parse_assay_field_map_forms():
    entries = parse_assay_field_map("sample_id=Smp_No; Co_ICP=co:ppm; fe2o3=Fe2O3 (XRF); cao=CaO_pct; Y:ppm=Y; x=Øst")
    assert [(e.role, e.element, e.unit, e.column) for e in entries] == [
        ("sample_id", None, None, "Smp_No"), ("element", "Co", "ppm", "Co_ICP"), ("oxide", "Fe", "%", "Fe2O3 (XRF)"),
        ("oxide", "Ca", "%", "CaO_pct"), ("element", "Y", "ppm", "Y"), ("easting", None, None, "Øst")]
    assert math.isclose(entries[2].oxide.element_fraction, 0.6994, abs_tol=1e-4)

ROLES = {"sample_id", "deposit", "sample_type", "hole_id", "depth_from", "depth_to", "easting", "northing",
         "latitude", "longitude", "element", "oxide", "other", "empty"}


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=40))
def test_any_header_text_gets_a_role_and_no_exception(text):
    from core.assays.crs_hints import find_hint, strip_hint

    assert recognise(text, 0).role in ROLES
    hint = find_hint(text, "fuzz")
    assert hint is None or hint.epsg > 0
    assert isinstance(strip_hint(text), str)


def test_field_map_deposit_and_sample_type_columns(tmp_path):
    path = _sheet(tmp_path, [["Sample ID", "Gruveområde", "Klasse", "Cu_ppm"],
                             ["S-1", "AVG-1", "Rutine", 5], ["S-2", "AVG-1", "STD", 700], ["S-3", "AVG-2", "", 7]])
    result = import_assays(path, ImportOptions(field_map="deposit_id=Gruveområde; sample_type=Klasse"))
    assert result.samples["src_deposit"].tolist() == ["AVG-1", "AVG-2"]
    assert result.samples["deposit_id"].tolist() == ["AVG-1", "AVG-2"]
    assert result.qaqc["sample_kind"].tolist() == ["crm"]
