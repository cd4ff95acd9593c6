"""Deposit field and value vocabularies (core/deposits/*.toml): SOSI names, id-like names checked
against the data, ASCII spellings of æøå, and the name used as id when there is none."""
from __future__ import annotations

import tomllib

import numpy as np
import pandas as pd
import pytest
import shapely

from core.deposits import import_deposits, match_fields
from core.deposits.vocabulary import FIELD_NAMES_PATH, VALUE_WORDS_PATH, fold

POINTS = [shapely.Point(600_000 + 100 * i, 7_000_000) for i in range(6)]


def _frame(columns: dict[str, list]) -> pd.DataFrame:
    n = len(next(iter(columns.values())))
    out = pd.DataFrame(columns)
    out.insert(0, "_fid", np.arange(1, n + 1))
    out["geometry"] = pd.Series([shapely.to_wkb(p) for p in POINTS[:n]], dtype=object)
    return out


@pytest.mark.parametrize(("written", "folded"), [
    ("Råstoff", "rastoff"), ("RAASTOFF", "rastoff"), ("ra_stoff", "rastoff"), ("Sjø", "sjo"), ("sjoe", "sjo"),
    ("Gråberg", "graberg"), ("graaberg", "graberg"), ("Innsjøe", "innsjo"), ("Tetthet (t/m³)", "tetthettm"),
    ("Kjøli", "kjoli"), ("Kjoeli", "kjoli"), ("Æ", "ae"),
])
def test_folding_treats_ascii_spellings_as_the_letter(written, folded):
    assert fold(written) == folded


# Source fields, and what deposit_id / name / source_commodity come from.
FIELD_CASES = [
    # SOSI short names as GDAL's SOSI driver writes them (DOMAIN.md §6).
    (["FOREKOM_ID", "FOREKNAVN", "R_FNR", "R_LNR"], {"deposit_id": "FOREKOM_ID", "name": "FOREKNAVN"}),
    (["identRastoffobj", "navnRastoffobj", "forekomstNummer"], {"deposit_id": "identRastoffobj",
                                                                 "name": "navnRastoffobj"}),
    # ASCII spelling "aa" for å in a commodity column (issue 10).
    (["deponinr", "Navn", "Hovedraastoff"], {"deposit_id": "deponinr", "source_commodity": "Hovedraastoff"}),
    (["ID", "NAVN", "Raastoff"], {"deposit_id": "ID", "source_commodity": "Raastoff"}),
    (["lok_id", "Lokalitetnavn"], {"deposit_id": "lok_id", "name": "Lokalitetnavn"}),
    (["lokalId", "navn"], {"deposit_id": "lokalId"}),
    (["objektId", "navn"], {"deposit_id": "objektId"}),
]


@pytest.mark.parametrize(("fields", "expected"), FIELD_CASES)
def test_listed_names_map(fields, expected):
    mapping = match_fields(fields)
    assert {k: mapping.source_of(k) for k in expected} == expected


def test_id_like_names_need_unique_values():
    # No listed id name: "avgangsnr" and "kommunenr" look like ids; the municipality number repeats
    # (and is excluded by name as well), the deposit number is unique.
    frame = _frame({"kommunenr": ["5021", "5021", "5021"], "avgangsnr": ["A1", "A2", "A3"],
                    "navn": ["Løkken", "Løkken", "Folldal"]})
    mapping = match_fields([c for c in frame.columns if c not in ("_fid", "geometry")], frame=frame)
    assert mapping.source_of("deposit_id") == "avgangsnr"
    assert mapping.matches["deposit_id"].how == "pattern"


def test_id_like_name_with_repeats_is_not_taken_and_is_reported():
    frame = _frame({"source_id": ["1", "1", "7"], "navn": ["A", "B", "C"]})
    mapping = match_fields(["source_id", "navn"], frame=frame)
    assert mapping.source_of("deposit_id") is None
    assert any("source_id (1 repeated values" in a for a in mapping.alternatives["deposit_id"])


def test_of_two_same_named_fields_the_filled_one_wins():
    # A GML export with an empty gml:name beside the real erl:name.
    frame = _frame({"gml:id": ["a", "b"], "gml:name": [None, None], "erl:name": ["Bethanga", "Cadjebut"]})
    mapping = match_fields(["gml:id", "gml:name", "erl:name"], frame=frame)
    assert mapping.source_of("name") == "erl:name"
    assert mapping.alternatives["name"] == ["gml:name (same name, 0 values)"]


def test_name_as_id_rejects_repeated_names_with_a_reason_and_says_so():
    frame = _frame({"Navn": ["Titania", "Titania", "Løkken", "Folldal"], "Raastoff": ["Ti", "Ti", "Cu", "Cu"],
                    "Plassering": ["sjoe", "Sjø", "paa land", "innsjoe"]})
    result = import_deposits(frame)
    assert result.id_from_name and result.name_duplicates == 2
    assert len(result.deposits) + len(result.rejects) == 4
    assert sorted(result.deposits["deposit_id"]) == ["Folldal", "Løkken"]
    assert result.rejects["reject_reason"].str.contains("used as deposit_id: no id field").all()
    assert result.rejects["reject_reason"].str.contains("FIELD_MAP deposit_id=").all()
    assert any(w.startswith("FALLBACK IDS") for w in result.warnings)
    assert "FALLBACK" in result.id_description
    kept = result.deposits.set_index("deposit_id")
    assert kept.loc["Løkken", "setting"] == "land" and kept.loc["Folldal", "setting"] == "lake"
    assert kept.loc["Løkken", "source_commodity"] == "Cu"


def test_ascii_spelt_values_map_onto_the_code_lists():
    frame = _frame({"deponinr": ["1", "2", "3", "4"], "plassering": ["Sjoe", "i innsjø", "paa land", "SJØ"],
                    "deponitype": ["graaberg", "Gråberg", "avgang", "slagg"]})
    result = import_deposits(frame)
    assert result.deposits["setting"].tolist() == ["sea", "lake", "land", "sea"]
    assert result.deposits["deposit_kind"].tolist() == ["waste_rock", "waste_rock", "tailings", "slag"]


def test_vocabulary_tables_are_consistent():
    fields = tomllib.loads(FIELD_NAMES_PATH.read_text(encoding="utf-8"))
    words = tomllib.loads(VALUE_WORDS_PATH.read_text(encoding="utf-8"))
    # A folded candidate must not serve two canonical fields, or the order of the table decides silently.
    owner: dict[str, str] = {}
    for canonical, names in fields["fields"].items():
        for name in names:
            assert owner.setdefault(fold(name), canonical) == canonical, (name, canonical, owner[fold(name)])
    assert set(words["setting"].values()) <= {"land", "lake", "sea"}
    assert set(words["deposit_kind"].values()) <= {"tailings", "waste_rock", "slag", "other"}
    # The id exclusions really are id-like names, else listing them does nothing.
    from core.deposits.vocabulary import IdPattern, id_pattern

    open_pattern = IdPattern(id_pattern().suffixes, id_pattern().prefixes, frozenset())
    assert all(open_pattern.matches(n) for n in id_pattern().not_ids)
