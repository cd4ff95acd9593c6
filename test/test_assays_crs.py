"""The CRS of assay coordinates: hints anywhere in the header block, checked against the data."""
from __future__ import annotations

import numpy as np
import pytest
from assays_support import _transform, build_zone32_certificate, write_text

from core.assays import ImportOptions, import_assays
from core.assays.crs_hints import find_hint
from core.assays.location import outside_area
from core.errors import TailingsInputError


@pytest.mark.parametrize(("text", "epsg", "datum_only"), [
    ("m (UTM35)", 25835, False), ("EUREF89 UTM sone 32", 25832, False), ("EPSG:25832", 25832, False),
    ("WGS84", 4326, True), ("ETRS89 / UTM zone 33N", 25833, False), ("mE32wgs", 32632, False),
    ("Øst sone 33", 25833, False), ("X_25835", 25835, False), ("Koordinater: EUREF89 UTM33", 25833, False),
    ("33N", 25833, False), ("WGS 84 / UTM zone 32N", 32632, False), ("ED50 UTM 32", 23032, False),
])
def test_hint_texts(text, epsg, datum_only):
    hint = find_hint(text, "test")
    assert (hint.epsg, hint.datum_only) == (epsg, datum_only)


@pytest.mark.parametrize("text", ["Co_ppm", "Date 2021-03-25", "Easting", "Certificate LU24123456", "UTM_E", ""])
def test_no_hint_in_ordinary_cells(text):
    assert find_hint(text, "test") is None


# (CRS, x, y, implausible): the area of use comes from PROJ; the Norwegian grids also cover Norway.
AREA_CASES = [
    ("EPSG:25833", 1_080_000.0, 7_800_000.0, False),   # Finnmark, easting above 1,000 km (issue 14)
    ("EPSG:25833", -50_000.0, 6_700_000.0, False),     # the far west, negative easting (issue 14)
    ("EPSG:25833", 600_000.0, 6_600_000.0, False),
    ("EPSG:25833", 5_000_000.0, 1_000_000.0, True),
    ("EPSG:25835", 400_000.0, 7_700_000.0, False),
    ("EPSG:4326", 10.0, 60.0, False),
    ("EPSG:4326", 600_000.0, 6_600_000.0, True),
    ("EPSG:28992", 155_000.0, 463_000.0, False),        # Dutch RD New, inside the Netherlands
    ("EPSG:28992", 155_000.0, 4_630_000.0, True),
]


@pytest.mark.parametrize(("crs", "x", "y", "bad"), AREA_CASES)
def test_plausibility_uses_the_area_of_use(crs, x, y, bad):
    assert outside_area(crs, np.array([x]), np.array([y])).tolist() == [bad]


def test_finnmark_and_far_west_utm33_are_kept(tmp_path):
    path = write_text(tmp_path / "north.csv", [["Sample ID", "Easting (UTM33)", "Northing (UTM33)", "Cu_ppm"],
                                               ["F-1", 1_080_000.0, 7_800_000.0, 10.0],
                                               ["W-1", -50_000.0, 6_700_000.0, 12.0]])
    result = import_assays(path)
    assert result.cell_issues.empty
    assert np.isfinite(result.samples["x"]).all()


def test_zone_named_in_the_units_row_is_used(tmp_path):
    cert = build_zone32_certificate(tmp_path / "cert.xlsx")
    result = import_assays(cert.path, ImportOptions(deposits=cert.deposits))
    assert result.source_crs == "EPSG:25832"
    assert "units row" in next(n for n in result.notes if n.startswith("coordinates:"))
    assert result.linkage.linked == result.linkage.total == cert.n_samples
    assert result.linkage.candidates == []  # nothing to try: all link
    assert not result.warnings
    assert result.rejects["reject_reason"].str.contains("detection-limit").sum() == 1  # the LOR row
    assert sorted(result.qaqc["sample_kind"]) == ["blank", "crm"]
    expected = _transform(list(zip(cert.east_32, cert.north_32)), "EPSG:25832", "EPSG:25833")
    np.testing.assert_allclose(result.samples[["x", "y"]].to_numpy(), np.array(expected), atol=0.01)


def test_without_the_hint_the_zone_trials_find_zone_32(tmp_path):
    cert = build_zone32_certificate(tmp_path / "cert.xlsx", units_hint="m")
    result = import_assays(cert.path, ImportOptions(deposits=cert.deposits))
    linkage = result.linkage
    assert result.source_crs == "EPSG:25832"
    assert (linkage.crs_used, linkage.switched_from, linkage.linked) == ("EPSG:25832", "EPSG:25833", 72)
    assert ("EPSG:25832", 72) in linkage.candidates
    assert ("EPSG:25835", 0) in linkage.candidates
    assert "in EPSG:25832, 72 of 72 samples fall inside a deposit" in linkage.message()
    warning = next(w for w in result.warnings if "READ AS EPSG:25832" in w)
    assert "SOURCE_CRS" in warning and "ASSAY_CRS" in warning


def test_given_source_crs_is_kept_and_the_better_zone_reported(tmp_path):
    cert = build_zone32_certificate(tmp_path / "cert.xlsx", units_hint="m")
    result = import_assays(cert.path, ImportOptions(deposits=cert.deposits, source_crs="EPSG:25833"))
    assert result.source_crs == "EPSG:25833"
    assert result.linkage.linked == 0
    assert ("EPSG:25832", 72) in result.linkage.candidates
    assert any(w.startswith("Only 0 of 72 located samples fall inside a deposit") for w in result.warnings)
    assert "in EPSG:25832, 72 of 72 samples" in result.linkage.message()


def test_conflicting_hints_are_an_error_unless_source_crs_is_given(tmp_path):
    cert = build_zone32_certificate(tmp_path / "cert.xlsx", metadata_hint="Koordinater: EUREF89 UTM sone 33")
    with pytest.raises(TailingsInputError) as info:
        import_assays(cert.path, ImportOptions(deposits=cert.deposits))
    text = str(info.value)
    assert "'m (UTM32)'" in text and "EUREF89 UTM sone 33" in text and "SOURCE_CRS" in text
    assert "cert.xlsx" in text
    result = import_assays(cert.path, ImportOptions(deposits=cert.deposits, source_crs="EPSG:25832"))
    assert result.linkage.linked == 72
    assert any("conflicting" in w and "sone 33" in w for w in result.warnings)


def test_swapped_latitude_and_longitude_are_found(tmp_path):
    # Norwegian points with the two columns swapped: as written they lie in the Indian Ocean.
    lon_lat = [(10.40, 63.43), (5.32, 60.39), (18.95, 69.65)]
    path = write_text(tmp_path / "swapped.csv", [["Sample ID", "Lat", "Lon", "Cu_ppm"],
                                                 *[[f"S-{i}", lon, lat, 5.0] for i, (lon, lat) in enumerate(lon_lat)]])
    result = import_assays(path)
    assert any("READ AS EPSG:4326 (x and y swapped)" in w for w in result.warnings)
    expected = _transform(lon_lat, "EPSG:4326", "EPSG:25833")
    np.testing.assert_allclose(result.samples[["x", "y"]].to_numpy(), np.array(expected), atol=0.01)


def test_coordinates_outside_any_plausible_crs_are_said(tmp_path):
    path = write_text(tmp_path / "far.csv", [["Sample ID", "Easting", "Northing", "Cu_ppm"],
                                             ["S-1", 5.0e7, 5.0e7, 1.0], ["S-2", 6.0e7, 5.0e7, 2.0]])
    result = import_assays(path)
    assert any("outside the area of use" in w and "every CRS tried" in w for w in result.warnings)
    assert result.samples["x"].isna().all()
    assert len(result.cell_issues) == 2 and result.counts_add_up


def test_no_deposits_no_diagnosis_and_no_coordinates_links_by_id(tmp_path):
    import pandas as pd

    path = write_text(tmp_path / "ids.csv", [["Sample ID", "Deponi", "Cu_ppm"], ["S-1", "AVG-1", 1.0],
                                             ["S-2", "AVG-9", 2.0]])
    assert import_assays(path).linkage is None
    deposits = pd.DataFrame({"deposit_id": ["AVG-1"]})
    linkage = import_assays(path, ImportOptions(deposits=deposits)).linkage
    assert (linkage.linked, linkage.total, linkage.by_id, linkage.crs_used) == (1, 2, 1, None)
    assert "1 of 2 samples link" in linkage.message()


def test_samples_linked_by_id_do_not_trigger_zone_trials(tmp_path):
    import pandas as pd
    import shapely

    deposits = pd.DataFrame({"deposit_id": ["AVG-1"], "geometry": [shapely.to_wkb(shapely.box(0, 0, 10, 10))]})
    path = write_text(tmp_path / "byid.csv", [["Sample ID", "Deponi", "Easting", "Northing", "Cu_ppm"],
                                              ["S-1", "AVG-1", 600_000.0, 6_900_000.0, 1.0],
                                              ["S-2", "avg-1", 600_100.0, 6_900_000.0, 2.0]])
    result = import_assays(path, ImportOptions(deposits=deposits))
    assert (result.linkage.linked, result.linkage.by_id, result.linkage.candidates) == (2, 2, [])
    assert not any("tried" in w for w in result.warnings)
    assert [w for w in result.warnings if "without a stated CRS read as EPSG:25833" in w]  # the guess is said


def test_units_row_of_a_narrow_sheet_with_only_coordinate_units(tmp_path):
    path = write_text(tmp_path / "narrow.csv", [["Sample ID", "Øst", "Nord", "Cu"],
                                                ["", "m (UTM32)", "m (UTM32)", "ppm"],
                                                ["N-1", 500000.0, 6600000.0, 4.0]])
    result = import_assays(path)
    assert result.source_crs == "EPSG:25832"
    assert result.rows_read == 1 and result.samples["cu_ppm"].tolist() == [4.0]
