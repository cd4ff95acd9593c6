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


def _is_category_level(case: dict[str, str]) -> bool:
    return all("." not in parse_category(axis, case[axis.lower()]) for axis in "EFG")


def test_class_cases_cover_every_category_level_class():
    """Each class is in the case table at category level (E1F1, E2F2, E3F2, E3F4 with G1-G3,
    E3F3G4, E3F4G4), and mixed-level codes are there too."""
    vocab = load_vocabulary()
    at_category_level = {c["class_name"] for c in CLASS_CASES if c["other"] == "false" and _is_category_level(c)}
    assert {cls.name["en"] for cls in vocab.classes} <= at_category_level
    mixed = [c for c in CLASS_CASES if len({"." in parse_category(a, c[a.lower()]) for a in "EFG"}) == 2]
    assert len({c["class_name"] for c in mixed if c["other"] == "false"}) == len(vocab.classes)
    assert any(c["other"] == "true" for c in mixed)


def test_category_level_rows_classify_into_their_class():
    """Every code of a class's category-level row classifies into it, with no sub-class."""
    for cls in load_vocabulary().classes:
        for e in cls.e:
            for f in cls.f:
                for g in cls.g:
                    result = classify(e, f, g)
                    assert (result.class_name, result.sub_class) == (cls.name["en"], None), (e, f, g)


def test_no_code_fits_two_classes():
    """At every level of detail (categories, sub-categories, mixed) a code fits at most one class."""
    from core.unfc.classes import fitting_classes

    vocab = load_vocabulary()
    codes = {axis: [c for c in vocab.categories if c[0] == axis] for axis in "EFG"}
    counted = 0
    for e in codes["E"]:
        for f in codes["F"]:
            for g in codes["G"]:
                fits = fitting_classes(e, f, g)
                assert len(fits) <= 1, (e, f, g, fits)
                result = classify(e, f, g)
                assert result.is_other_combination is (not fits)
                if result.sub_class:  # a named sub-class implies every refinement lands in it
                    assert not result.is_other_combination
                counted += 1
    assert counted == 8 * 16 * 7


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


def test_unfc_modules_have_no_import_cycle():
    """The engine is split along its seams; the rationale gets one facts object and shares the
    reason tables through messages.py, so no module of core.unfc imports itself back."""
    import ast

    package = Path(__file__).resolve().parent.parent / "core" / "unfc"
    graph: dict[str, set[str]] = {}
    for path in package.glob("*.py"):
        deps = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                deps.add(node.module or "__init__")
        graph[path.stem] = deps
    assert "engine" not in graph["rationale"] and "rationale" not in graph["messages"]

    state: dict[str, int] = {}

    def visit(name: str, trail: tuple[str, ...]) -> None:
        assert state.get(name) != 1, f"import cycle: {' -> '.join((*trail, name))}"
        if state.get(name) == 2 or name not in graph:
            return
        state[name] = 1
        for dep in graph[name]:
            visit(dep, (*trail, name))
        state[name] = 2

    for name in graph:
        if name != "__init__":
            visit(name, ())
