"""core.deposits without QGIS: field mapping, value normalisation, tonnage, validation."""
from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.deposits import (
    DEFAULT_DRY_DENSITY_T_M3,
    derive_tonnage,
    import_deposits,
    match_fields,
    normalise_name,
    parse_field_map,
    parse_numbers,
)
from core.deposits.geometry import POINT, POLYGON
from core.errors import TailingsInputError
from core.schema import DEPOSIT_FIELDS, SETTINGS, TONNAGE_SOURCES, field_names

SQUARE = shapely.box(0, 0, 100, 50)  # 5000 m²
BOWTIE = shapely.Polygon([(0, 0), (10, 10), (10, 0), (0, 10), (0, 0)])  # self-intersecting
SPIKE = shapely.Polygon([(0, 0), (10, 0), (20, 0), (0, 0)])  # collapses to a line: no area


def frame(rows: list[dict], geoms: list[shapely.Geometry | None]) -> pd.DataFrame:
    out = pd.DataFrame(rows)
    out.insert(0, "_fid", np.arange(1, len(rows) + 1))
    out["geometry"] = pd.Series([None if g is None else shapely.to_wkb(g) for g in geoms], dtype=object)
    return out


# -- field mapping -------------------------------------------------------------------------

def test_ngu_export_names_map():
    m = match_fields(["fid", "identRastoffobj", "forekomstNummer", "forekomstNavn", "kommuneNummer",
                      "kommuneNavn", "objekttype", "registreringstype", "rastoffBetydning", "hovedRastoff",
                      "malmtype"])
    assert m.source_of("deposit_id") == "identRastoffobj"
    assert m.source_of("name") == "forekomstNavn"
    assert m.source_of("municipality") == "kommuneNavn"
    assert m.source_of("importance") == "rastoffBetydning"
    assert m.source_of("source_commodity") == "hovedRastoff"
    assert m.source_of("ore_type") == "malmtype"
    assert "kommuneNummer" not in m.mapped_sources and "fid" not in m.mapped_sources


def test_tailings_names_map_with_units():
    m = match_fields(["deponiId", "navn", "kommune", "deponitype", "plassering", "kildeGruve", "kildeRastoff",
                      "status", "areal_m2", "volum_m3", "tetthet_t_m3", "tonnasje_t", "driftStart", "driftSlutt",
                      "oppredning", "prosjektstatus", "Cu_hode_pct", "Cu_utbytte_pct", "Co_hode_ppm",
                      "ressurskategori"])
    expected = {"deposit_id": "deponiId", "name": "navn", "municipality": "kommune", "deposit_kind": "deponitype",
                "setting": "plassering", "source_mine": "kildeGruve", "source_commodity": "kildeRastoff",
                "area_m2": "areal_m2", "volume_m3": "volum_m3", "density_t_m3": "tetthet_t_m3",
                "tonnage_t": "tonnasje_t", "mining_start": "driftStart", "mining_end": "driftSlutt",
                "mill_process": "oppredning", "project_status": "prosjektstatus",
                "resource_category": "ressurskategori",
                "cu_head_ppm": "Cu_hode_pct", "cu_recovery": "Cu_utbytte_pct", "co_head_ppm": "Co_hode_ppm"}
    assert {k: m.source_of(k) for k in expected} == expected
    assert m.matches["cu_head_ppm"].unit == "pct" and m.matches["co_head_ppm"].unit == "ppm"


def test_english_names_map():
    m = match_fields(["Deposit_ID", "Name", "Municipality", "Setting", "Volume_m3", "Density", "Tonnage",
                      "Source_Mine", "Ore_Type"])
    assert m.source_of("deposit_id") == "Deposit_ID"
    assert m.source_of("density_t_m3") == "Density"
    assert m.source_of("tonnage_t") == "Tonnage"
    assert m.source_of("source_mine") == "Source_Mine"


def test_shapefile_truncated_names_map_and_ambiguous_ones_are_reported():
    m = match_fields(["identRasto", "forekomstN", "forekoms_1", "kommuneNav", "rastoffBet", "tetthet_t_",
                      "Cu_hode_pc", "prosjektst"])
    assert m.source_of("deposit_id") == "identRasto"
    assert m.source_of("municipality") == "kommuneNav"
    assert m.source_of("importance") == "rastoffBet"
    assert m.source_of("density_t_m3") == "tetthet_t_"
    assert m.matches["cu_head_ppm"].unit == "pct"
    assert m.source_of("project_status") == "prosjektst"
    # forekomstN is forekomstNavn or forekomstNummer cut at 10 characters: not guessed.
    assert m.source_of("name") is None
    assert {"forekomstnavn", "forekomstnummer"} <= set(m.ambiguous["forekomstN"])


def test_short_names_are_not_read_as_truncations():
    # "areal" is a real name (exact match), but "vol" must not become volume_m3 by prefix.
    m = match_fields(["id", "vol", "areal"])
    assert m.source_of("volume_m3") is None and m.source_of("area_m2") == "areal"


def test_namespaced_and_norwegian_letters():
    assert normalise_name("ms:Råstoff-Betydning") == "rastoffbetydning"
    m = match_fields(["ms:deponiId", "ms:Tetthet (t/m³)"])
    assert m.source_of("deposit_id") == "ms:deponiId"


def test_field_map_override_wins_and_can_switch_off():
    overrides = parse_field_map("deposit_id = OBJ ; name=Betegnelse;tonnage_t=")
    assert overrides == {"deposit_id": "OBJ", "name": "Betegnelse", "tonnage_t": ""}
    m = match_fields(["OBJ", "deponiId", "Betegnelse", "tonnasje_t"], overrides)
    assert m.source_of("deposit_id") == "OBJ" and m.matches["deposit_id"].how == "override"
    assert m.source_of("name") == "Betegnelse"
    assert m.source_of("tonnage_t") is None  # switched off
    assert "deponiId" not in m.mapped_sources  # not stolen by another field either


def test_field_map_json():
    assert parse_field_map(json.dumps({"deposit_id": "X", "setting": "Miljø"})) == {"deposit_id": "X",
                                                                                   "setting": "Miljø"}


@pytest.mark.parametrize(("text", "message"), [
    ("deposit_id", "canonical=source"),
    ("depositid=X", "unknown canonical field"),
    ("{not json", "not valid JSON"),
    ('{"deposit_id": 3}', "object of strings"),
])
def test_field_map_errors_are_clear(text, message):
    with pytest.raises(TailingsInputError, match=message):
        parse_field_map(text)


def test_field_map_to_missing_source_field_names_the_fields():
    with pytest.raises(TailingsInputError, match=r"does not have.*navn, volum"):
        match_fields(["navn", "volum"], {"deposit_id": "OBJ_ID"})


# -- values --------------------------------------------------------------------------------

def test_numbers_with_decimal_comma_and_spaces():
    values, invalid = parse_numbers(pd.Series(["1,6", "1 250 000", " 3.5 ", "", None, "abc", "inf"]))
    assert values.iloc[:3].tolist() == [1.6, 1_250_000.0, 3.5]
    assert invalid.tolist() == [False, False, False, False, False, True, True]


def test_settings_and_kinds_normalised():
    df = frame([{"deponiId": f"D{i}", "plassering": p, "deponitype": k} for i, (p, k) in enumerate([
        ("innsjø", "avgangsdeponi"), ("Sjø", "gråberg"), ("land", "slagg"), ("I innsjø", "Tailings"),
        ("sjødeponi", "ukjent"), ("myr", None)])], [SQUARE] * 6)
    res = import_deposits(df, geometry_dimension=POLYGON)
    out = res.deposits.set_index("deposit_id")
    assert out["setting"].tolist() == ["lake", "sea", "land", "lake", "sea", None]
    assert out["deposit_kind"].tolist() == ["tailings", "waste_rock", "slag", "tailings", "other", None]
    assert set(out["setting"].dropna()) <= set(SETTINGS)
    assert any("myr" in w for w in res.warnings) and any("ukjent" in w for w in res.warnings)


def test_head_grade_percent_to_ppm_and_recovery_to_fraction():
    df = frame([{"deponiId": "A", "Cu_hode_pct": 1.25, "Cu_utbytte_pct": 88.0, "Zn_utbytte": 75.0,
                 "Co_hode_ppm": 840.0, "Zn_hode_pct": "2,5"}], [SQUARE])
    out = import_deposits(df, geometry_dimension=POLYGON).deposits.iloc[0]
    assert out["cu_head_ppm"] == pytest.approx(12_500.0)
    assert out["cu_recovery"] == pytest.approx(0.88)
    assert out["zn_recovery"] == pytest.approx(0.75)  # no unit in the name, value > 1: percent
    assert out["co_head_ppm"] == pytest.approx(840.0)
    assert out["zn_head_ppm"] == pytest.approx(25_000.0)


# -- tonnage -------------------------------------------------------------------------------

def test_tonnage_paths():
    t = pd.Series([5000.0, np.nan, np.nan, np.nan, np.nan, np.nan])
    v = pd.Series([1000.0, 1000.0, 1000.0, 1000.0, 1000.0, np.nan])
    d = pd.Series([1.5, 1.5, np.nan, np.nan, np.nan, 1.5])
    k = pd.Series(["tailings", "tailings", "tailings", None, "slag", "tailings"], dtype=object)
    tonnage, source = derive_tonnage(t, v, d, k)
    assert source.tolist() == ["recorded", "volume_x_density", "volume_x_default_density",
                               "volume_x_default_density", "none", "none"]
    assert tonnage.iloc[0] == 5000.0  # recorded wins over volume × density (1500)
    assert tonnage.iloc[1] == pytest.approx(1500.0)
    assert tonnage.iloc[2] == pytest.approx(1000.0 * DEFAULT_DRY_DENSITY_T_M3)
    assert np.isnan(tonnage.iloc[4]) and np.isnan(tonnage.iloc[5])
    assert set(source) <= set(TONNAGE_SOURCES)


def test_area_computed_for_polygons_when_absent_and_kept_when_recorded():
    df = frame([{"deponiId": "A", "areal_m2": None}, {"deponiId": "B", "areal_m2": 1234.0}], [SQUARE, SQUARE])
    out = import_deposits(df, geometry_dimension=POLYGON).deposits.set_index("deposit_id")
    assert out.loc["A", "area_m2"] == pytest.approx(5000.0)
    assert out.loc["B", "area_m2"] == 1234.0


# -- validation ----------------------------------------------------------------------------

def test_no_id_or_name_field_names_the_fields_seen():
    df = frame([{"foo": 1, "bar": "x"}], [SQUARE])
    with pytest.raises(TailingsInputError, match=r"Fields seen: foo, bar.*FIELD_MAP"):
        import_deposits(df, geometry_dimension=POLYGON, source_name="layer.gpkg")


def test_name_only_layer_uses_name_as_id_with_warning():
    df = frame([{"navn": "Løkken 1"}, {"navn": "Løkken 2"}], [SQUARE, SQUARE])
    res = import_deposits(df, geometry_dimension=POLYGON)
    assert res.deposits["deposit_id"].tolist() == ["Løkken 1", "Løkken 2"]
    assert any("used as deposit_id" in w for w in res.warnings)


def test_bad_rows_are_rejected_with_reasons_and_good_ones_kept():
    rows = [
        {"deponiId": "OK-1", "volum_m3": "1000", "tetthet_t_m3": 1.5},
        {"deponiId": None, "volum_m3": "1000", "tetthet_t_m3": 1.5},
        {"deponiId": "  ", "volum_m3": "1000", "tetthet_t_m3": 1.5},
        {"deponiId": "NUM", "volum_m3": "mye", "tetthet_t_m3": 1.5},
        {"deponiId": "NEG", "volum_m3": "-5", "tetthet_t_m3": 1.5},
        {"deponiId": "EMPTY", "volum_m3": "1", "tetthet_t_m3": 1.5},
        {"deponiId": "NOGEOM", "volum_m3": "1", "tetthet_t_m3": 1.5},
        {"deponiId": "BOWTIE", "volum_m3": "1", "tetthet_t_m3": 1.5},
        {"deponiId": "SPIKE", "volum_m3": "1", "tetthet_t_m3": 1.5},
        {"deponiId": "POINT", "volum_m3": "1", "tetthet_t_m3": 1.5},
    ]
    geoms = [SQUARE, SQUARE, SQUARE, SQUARE, SQUARE, shapely.Polygon(), None, BOWTIE, SPIKE, shapely.Point(1, 1)]
    res = import_deposits(frame(rows, geoms), geometry_dimension=POLYGON)
    assert sorted(res.deposits["deposit_id"]) == ["BOWTIE", "OK-1"]
    reasons = dict(zip(res.rejects["deponiId"].fillna("<null>"), res.rejects["reject_reason"]))
    assert "missing deposit_id" in reasons["<null>"] and "missing deposit_id" in reasons["  "]
    assert "'mye' is not a number" in reasons["NUM"]
    assert "negative" in reasons["NEG"]
    assert reasons["EMPTY"] == "empty geometry"
    assert reasons["NOGEOM"] == "no geometry"
    assert "cannot be repaired safely" in reasons["SPIKE"]
    assert "is a point, the layer holds polygons" in reasons["POINT"]
    assert res.repaired_ids == ["BOWTIE"]
    repaired = shapely.from_wkb(res.deposits.set_index("deposit_id").loc["BOWTIE", "geometry"])
    assert repaired.is_valid and repaired.area == pytest.approx(50.0)  # both triangles kept
    assert len(res.deposits) + len(res.rejects) == len(rows)


def test_duplicate_ids_exact_copy_keeps_first_conflicts_reject_all():
    rows = [{"deponiId": "A", "navn": "x"}, {"deponiId": "A", "navn": "x"},
            {"deponiId": "B", "navn": "one"}, {"deponiId": "B", "navn": "two"}, {"deponiId": "C", "navn": "c"}]
    res = import_deposits(frame(rows, [SQUARE] * 5), geometry_dimension=POLYGON)
    assert res.deposits["deposit_id"].tolist() == ["A", "C"]
    assert res.deposits["_fid"].tolist() == [1, 5]
    reasons = res.rejects.set_index("_fid")["reject_reason"]
    assert "exact copy of feature 1" in reasons[2]
    assert "differing attributes" in reasons[3] and "differing attributes" in reasons[4]


def test_a_rejected_first_copy_does_not_cost_the_next_its_place():
    rows = [{"deponiId": "A", "navn": "x"}, {"deponiId": "A", "navn": "x"}, {"deponiId": "A", "navn": "x"}]
    res = import_deposits(frame(rows, [None, SQUARE, SQUARE]), geometry_dimension=POLYGON)
    assert res.deposits["_fid"].tolist() == [2]
    reasons = res.rejects.set_index("_fid")["reject_reason"]
    assert reasons[1] == "no geometry" and "exact copy of feature 2" in reasons[3]


def test_output_columns_follow_the_hand_over_format():
    rows = [{"fid": 7, "identRastoffobj": "50590015040", "forekomstNavn": "Løkken", "rastoffBetydning": "nasjonal",
             "Tonnage_Source": "shadow", "ekstra": 1}]
    res = import_deposits(frame(rows, [shapely.Point(1, 2)]), geometry_dimension=POINT)
    cols = [c for c in res.deposits.columns if c not in ("geometry", "_fid")]
    canonical = field_names(DEPOSIT_FIELDS)
    assert cols[:len(canonical)] == canonical
    assert cols[len(canonical)] == "importance"
    # Source fields not mapped keep their names, renamed where they would clash (GeoPackage names are
    # case-insensitive, and fid is the GeoPackage's own key).
    assert cols[len(canonical) + 1:] == ["src_fid", "src_Tonnage_Source", "ekstra"]
    assert res.deposits.iloc[0]["tonnage_source"] == "none"
    assert np.isnan(res.deposits.iloc[0]["area_m2"])  # points have no area


def test_integral_float_ids_read_as_integers():
    rows = [{"forekomstNummer": 15040.0, "navn": "a"}, {"forekomstNummer": 15041.0, "navn": "b"}]
    res = import_deposits(frame(rows, [SQUARE, SQUARE]), geometry_dimension=POLYGON)
    assert res.deposits["deposit_id"].tolist() == ["15040", "15041"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(
    st.sampled_from(["A", "B", "C", "", None]),
    st.sampled_from(["100", "-1", "x", "", None, "2,5"]),
    st.sampled_from(["square", "bowtie", "spike", "empty", "none", "point"]),
), max_size=25))
def test_every_feature_ends_in_output_or_rejects(spec):
    shapes = {"square": SQUARE, "bowtie": BOWTIE, "spike": SPIKE, "empty": shapely.Polygon(), "none": None,
              "point": shapely.Point(0, 0)}
    rows = [{"deponiId": i, "volum_m3": v, "navn": "n"} for i, v, _ in spec]
    df = frame(rows, [shapes[g] for _, _, g in spec]) if rows else frame([], [])
    if not rows:
        df["deponiId"] = pd.Series(dtype=object)
    res = import_deposits(df, geometry_dimension=POLYGON)
    assert len(res.deposits) + len(res.rejects) == len(rows)
    assert set(res.deposits["_fid"]).isdisjoint(set(res.rejects["_fid"]))
    assert res.deposits["deposit_id"].is_unique
    assert res.rejects["reject_reason"].notna().all()


def test_caller_geometry_problems_and_crs_extent():
    rows = [{"deponiId": "IN"}, {"deponiId": "FAR"}, {"deponiId": "FAILED"}]
    geoms = [shapely.Point(500_000, 7_000_000), shapely.Point(10.4, 63.4), None]
    problems = pd.Series([None, None, "coordinates (570000, 7.034e+06) cannot be transformed"], dtype=object)
    res = import_deposits(frame(rows, geoms), geometry_dimension=POINT, geometry_problems=problems,
                          valid_extent=(-500_000, 4_000_000, 1_500_000, 9_500_000), extent_label="EPSG:25833")
    assert res.deposits["deposit_id"].tolist() == ["IN"]
    reasons = dict(zip(res.rejects["deponiId"], res.rejects["reject_reason"]))
    assert reasons["FAR"].startswith("coordinates lie outside the area where EPSG:25833 applies")
    assert reasons["FAILED"] == "coordinates (570000, 7.034e+06) cannot be transformed"  # replaces "no geometry"
