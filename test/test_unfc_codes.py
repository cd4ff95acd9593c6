"""UNFC vocabulary, code parsing/formatting and the class table (data-driven, QGIS-free)."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from core.unfc import FORMATS, classify, format_code, load_vocabulary, parse_category, parse_code

DATA = Path(__file__).parent / "data"


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


CLASS_CASES = _rows("unfc_class_cases.csv")
CODE_CASES = _rows("unfc_code_cases.csv")


@pytest.mark.parametrize("case", CLASS_CASES, ids=[f"{c['e']}-{c['f']}-{c['g']}" for c in CLASS_CASES])
def test_class_table(case):
    result = classify(case["e"], case["f"], case["g"])
    assert result.code == case["code"], case["why"]
    assert result.class_name == case["class_name"], case["why"]
    assert result.sub_class == (case["sub_class"] or None), case["why"]
    assert result.is_other_combination is (case["other"] == "true"), case["why"]


def test_class_cases_cover_every_class_and_sub_class():
    vocab = load_vocabulary()
    wanted = {(r.class_name["en"], r.sub_class["en"] if r.sub_class else "") for r in vocab.class_rows}
    covered = {(c["class_name"], c["sub_class"]) for c in CLASS_CASES if c["other"] == "false"}
    assert wanted <= covered
    assert sum(c["other"] == "true" for c in CLASS_CASES) >= 10


def test_every_class_row_accepts_exactly_its_combinations():
    """Each leaf (E, F, G) combination lands in at most one class row (the table is unambiguous)."""
    vocab = load_vocabulary()
    leaves = {axis: [c for c in vocab.categories if c[0] == axis and not vocab.children(c)] for axis in "EFG"}
    for e in leaves["E"]:
        for f in leaves["F"]:
            for g in leaves["G"]:
                hits = [r for r in vocab.class_rows if e in r.e and f in r.f and g in r.g]
                assert len(hits) <= 1, (e, f, g)
                assert classify(e, f, g).is_other_combination is (not hits)


@pytest.mark.parametrize("case", CODE_CASES, ids=[c["text"] or "<empty>" for c in CODE_CASES])
def test_parse_code(case):
    if case["error_fragment"]:
        with pytest.raises(ValueError, match=None) as err:
            parse_code(case["text"])
        assert case["error_fragment"] in str(err.value)
    else:
        assert parse_code(case["text"]).code == case["code"]


@pytest.mark.parametrize(("e", "f", "g", "part"), [("E4", "F1", "G1", "E part"), ("E1", "F2.4", "G1", "F part"),
                                                     ("E1", "F1", "G5", "G part"), ("G1", "F1", "G1", "E part")])
def test_classify_rejects_bad_parts_naming_them(e, f, g, part):
    with pytest.raises(ValueError) as err:
        classify(e, f, g)
    assert part in str(err.value)
    assert repr({"E": e, "F": f, "G": g}[part[0]]) in str(err.value)


def test_formats_round_trip():
    code = parse_code("E3.2F4.1G4.2")
    for style in FORMATS:
        assert parse_code(code.format(style)) == code
    assert code.format("official") == "(E3.2; F4.1; G4.2)"
    assert code.format("numeric") == "3.2;4.1;4.2"
    assert format_code("1", "1.1", "1", "hyphen") == "E1-F1.1-G1"
    with pytest.raises(ValueError, match="unknown code format"):
        code.format("roman")


def test_parse_category_accepts_letter_or_number():
    assert parse_category("E", "3.2") == "E3.2"
    assert parse_category("f", "f4.2") == "F4.2"
    with pytest.raises(ValueError, match="G part"):
        parse_category("G", "")


def test_vocabulary_has_both_languages_for_every_category():
    vocab = load_vocabulary()
    expected = {"E1", "E1.1", "E1.2", "E2", "E3", "E3.1", "E3.2", "E3.3", "F1", "F1.1", "F1.2", "F1.3", "F2", "F2.1",
                "F2.2", "F2.3", "F3", "F3.1", "F3.2", "F3.3", "F4", "F4.1", "F4.2", "F4.3", "G1", "G2", "G3", "G4",
                "G4.1", "G4.2", "G4.3"}
    assert set(vocab.categories) == expected
    for code in expected:
        en, nb = vocab.definition(code, "en"), vocab.definition(code, "nb")
        assert en and nb and en != nb
    assert vocab.children("E3") == ("E3.1", "E3.2", "E3.3")
    assert classify("E1", "F1.1", "G1").label("nb") == ("Levedyktige prosjekter", "I produksjon")
