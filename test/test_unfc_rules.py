"""Rules engine: data-driven rule cases (every branch), bridge cases and rules-file errors."""
from __future__ import annotations

import csv
import math
import re
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from unfc_support import estimate_row, estimates_frame

from core.errors import TailingsInputError
from core.unfc import ConstraintHits, classify_estimates, load_rules, parse_rules
from core.unfc.messages import E_REASONS, F_REASONS, G_REASONS
from core.unfc.rules import DEFAULT_RULES_PATH

DATA = Path(__file__).parent / "data"
DEFAULT_TEXT = DEFAULT_RULES_PATH.read_text(encoding="utf-8")


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


RULE_CASES = _rows("unfc_rule_cases.csv")
BRIDGE_CASES = _rows("unfc_bridge_cases.csv")


def _rules_for(case: dict[str, str]):
    if not case.get("rules_replace"):
        return load_rules()
    old, new = case["rules_replace"].split(">>")
    assert old in DEFAULT_TEXT
    return parse_rules(DEFAULT_TEXT.replace(old, new, 1), "patched")


def _frame_for(case: dict[str, str]) -> pd.DataFrame:
    spec = {"t": float(case["t"] or 1000), "lo": float(case["lo"] or 900), "hi": float(case["hi"] or 1100),
            "n": int(case["n"] or 40), "method": case["method"] or "measured",
            "ppm": float(case["ppm"]) if case["ppm"] else 8000.0}
    fields = {"project_status": case["project_status"] or None, "permit_status": case["permit_status"] or None,
              "resource_category": case["resource_category"] or None,
              "unfc_e_override": case["e_override"] or None, "unfc_f_override": case["f_override"] or None,
              "unfc_g_override": case["g_override"] or None}
    if case["setting"]:
        fields["setting"] = None if case["setting"] == "-" else case["setting"]
    return estimates_frame([estimate_row("D1", **{case["commodity"]: spec}, **fields)])


@pytest.mark.parametrize("case", RULE_CASES, ids=[c["case"] for c in RULE_CASES])
def test_rule_case(case):
    constraints = [ConstraintHits(case["constraint_layer"], np.array([True]))] if case["constraint_layer"] else []
    result = classify_estimates(_frame_for(case), _rules_for(case), constraints=constraints,
                                language=case["language"])
    dep = result.deposits.iloc[0]
    assert (dep.unfc_e, dep.unfc_f, dep.unfc_g) == (case["exp_e"], case["exp_f"], case["exp_g"]), dep.unfc_rationale
    assert dep.unfc_code == case["exp_e"] + case["exp_f"] + case["exp_g"]
    assert dep.unfc_class == case["exp_class"]
    assert dep.unfc_subclass == (case["exp_subclass"] or None)
    for fragment in case["rationale_contains"].split("|"):
        assert fragment in dep.unfc_rationale, f"{fragment!r} not in {dep.unfc_rationale!r}"


def test_rule_cases_cover_every_branch():
    """Every rule branch of the engine (E, F and G reason codes) is taken by some rule case."""
    taken: set[str] = set()
    for case in RULE_CASES:
        constraints = [ConstraintHits(case["constraint_layer"], np.array([True]))] if case["constraint_layer"] else []
        result = classify_estimates(_frame_for(case), _rules_for(case), constraints=constraints)
        taken |= {str(result.reasons[axis][0]) for axis in "EFG"}
    assert set(G_REASONS) | set(F_REASONS) | set(E_REASONS) <= taken


@pytest.mark.parametrize("case", BRIDGE_CASES, ids=[c["resource_category"] for c in BRIDGE_CASES])
def test_bridge_case(case):
    spec = {"t": 1000.0, "lo": 900.0, "hi": 1100.0, "n": 40, "method": case["method"], "ppm": 8000.0}
    frame = estimates_frame([estimate_row("B1", cu=spec, resource_category=case["resource_category"],
                                          project_status=case["project_status"] or None)])
    dep = classify_estimates(frame, load_rules()).deposits.iloc[0]
    assert (dep.unfc_e, dep.unfc_f, dep.unfc_g) == (case["exp_e"], case["exp_f"], case["exp_g"]), dep.unfc_rationale
    assert dep.unfc_class == case["exp_class"]
    assert dep.unfc_subclass == (case["exp_subclass"] or None)
    assert case["rationale_contains"] in dep.unfc_rationale


def _bridge_source(case: dict[str, str]) -> str:
    return case["rationale_contains"].split("(bridge ")[1].split(" →")[0]


def test_bridge_cases_cover_every_bridge_row():
    """Every bridge row has a case, and one in which its code lands in a UNFC class."""
    from core.unfc import load_vocabulary

    sources = {row.source for row in load_vocabulary().bridge}
    covered = {_bridge_source(c) for c in BRIDGE_CASES if "(bridge " in c["rationale_contains"]}
    in_a_class = {_bridge_source(c) for c in BRIDGE_CASES
                  if "(bridge " in c["rationale_contains"] and c["exp_class"] != "Other combinations"}
    assert sources <= covered
    assert sources <= in_a_class


def test_every_bridge_row_code_classifies_into_a_class():
    from core.unfc import classify, load_vocabulary

    for row in load_vocabulary().bridge:
        result = classify(row.e, row.f, row.g)
        assert not result.is_other_combination, (row.source, result.code)


@pytest.mark.parametrize("method", ["measured", "regression"])
def test_sampled_deposit_is_never_g4_by_the_rules(method):
    """A deposit with its own samples is a known source: however few the samples and however
    wide the interval, its quantities are G1-G3, and F/E do not treat it as a potential source."""
    rows = [estimate_row(f"S{i}", cu={"t": 1000.0, "lo": lo, "hi": hi, "n": n, "method": method},
                         project_status=status)
            for i, (lo, hi, n, status) in enumerate([(0.0, 1e6, 0, "studier pågår"), (1.0, 5e4, 1, "ingen"),
                                                     (500.0, 1500.0, 4, "på vent"), (0.0, 0.0, 2, None)])]
    result = classify_estimates(estimates_frame(rows), load_rules())
    assert set(result.quantities.unfc_g.astype(str)) <= {"G1", "G2", "G3"}
    deps = result.deposits
    assert not deps.unfc_g.str.startswith("G4").any()
    assert not deps.unfc_f.str.startswith("F3").any()
    assert set(result.reasons["G"]) <= {"g_known_wide", "g_stats", "g_capped"}


def test_override_or_bridge_to_g4_on_a_sampled_deposit_warns():
    frame = estimates_frame([
        estimate_row("O", cu={"t": 100, "n": 40}, unfc_g_override="G4"),
        estimate_row("B", cu={"t": 100, "n": 40}, resource_category="Exploration results"),
        estimate_row("A", cu={"t": 100, "n": 0, "method": "analogue"}, resource_category="Exploration results"),
    ])
    result = classify_estimates(frame, load_rules())
    assert list(result.deposits.unfc_g) == ["G4.1", "G4.1", "G4.1"]  # the expert and the bridge still win
    assert any(w.startswith("2 deposit x commodity estimate(s) from the deposit's own samples were set to G4")
               for w in result.warnings), result.warnings


def test_quantities_and_headline():
    frame = estimates_frame([
        estimate_row("A", cu={"t": 1000, "lo": 900, "hi": 1100, "n": 40}, co={"t": 50, "lo": 40, "hi": 70, "n": 20},
                     zn={"t": 10, "lo": 5, "hi": 20, "n": 3}, tree={"t": 20, "method": "analogue"},
                     project_status="ingen"),
        estimate_row("B"),
    ])
    stamp = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    result = classify_estimates(frame, load_rules(), classified_at=stamp)
    q = result.quantities
    a = q[q.deposit_id == "A"]
    assert a.groupby("commodity", observed=True).size().to_dict() == {"co": 2, "cu": 3, "zn": 1, "tree": 3}
    assert list(a[a.commodity == "cu"].unfc_g) == ["G1", "G2", "G3"]
    assert list(a[a.commodity == "co"].unfc_g) == ["G2", "G3"]       # 20 samples, ±30 %: G2 at best
    assert list(a[a.commodity == "co"].quantity_t) == [50.0, 20.0]   # low + (best - low) demoted into G2
    assert list(a[a.commodity == "zn"].unfc_g) == ["G3"]                   # 3 samples: still a known source
    assert list(a[a.commodity == "zn"].quantity_t) == [20.0]                # G3 = high
    assert list(a[a.commodity == "tree"].unfc_g) == ["G4.1", "G4.2", "G4.3"]  # analogue: potential source
    assert (q.deposit_id == "B").sum() == 0                           # x_method none: no quantity rows
    deps = result.deposits.set_index("deposit_id")
    assert deps.loc["A", "unfc_code"] == "E3.3F4.1G1"                 # cu is the most valuable
    assert "Headline commodity cu" in deps.loc["A", "unfc_rationale"]
    assert pd.isna(deps.loc["B", "unfc_code"]) and "not classified" in deps.loc["B", "unfc_rationale"]
    assert deps.loc["A", "rules_version"] == load_rules().version
    assert deps.loc["A", "classified_at"] == pd.Timestamp(stamp)
    assert result.counts["pairs_without_estimate"] == 4
    assert result.class_counts == {"Remaining products not developed from identified projects": 1,
                                   "(not classified)": 1}


def test_zero_low_estimate_headline_g_is_first_positive_increment():
    frame = estimates_frame([estimate_row("Z", cu={"t": 100, "lo": 0, "hi": 120, "n": 40}, unfc_g_override="G1")])
    result = classify_estimates(frame, load_rules())
    assert result.deposits.iloc[0].unfc_g == "G2"
    assert list(result.quantities.unfc_g) == ["G1", "G2", "G3"]


def test_inverted_interval_is_clamped_and_still_sums_to_high():
    frame = estimates_frame([estimate_row("X", cu={"t": 150, "lo": 160, "hi": 120, "n": 40})])
    result = classify_estimates(frame, load_rules())
    q = result.quantities
    assert (q.quantity_t >= 0).all() and q.quantity_t.sum() == 120
    assert any("not ordered" in w for w in result.warnings)


@pytest.mark.parametrize(("column", "value", "fragment"), [
    ("cu_method", "bootstrap", "expected measured, regression, analogue or none"),
    ("project_status", "kanskje", "[f.project_status]"),
    ("setting", "fjell", "[setting_names]"),
    ("permit_status", "ukjent", "[e.permit_status]"),
    ("resource_category", "Possible", "CRIRSCO/PERC/JORC"),
    ("unfc_e_override", "E4", "E part"),
    ("unfc_f_override", "F2.4", "F part"),
    ("unfc_g_override", "G5", "G part"),
    ("cu_t", "many", "Not a number"),
])
def test_bad_input_values_name_row_column_value(column, value, fragment):
    rows = [estimate_row("OK", cu={"t": 100}), estimate_row("BAD", cu={"t": 100})]
    rows[1][column] = value
    with pytest.raises(TailingsInputError) as err:
        classify_estimates(estimates_frame(rows), load_rules())
    message = str(err.value)
    assert fragment in message and "row 2" in message and repr(column) in message and value in message


def test_missing_deposit_id_or_estimates():
    with pytest.raises(TailingsInputError, match="deposit_id"):
        classify_estimates(pd.DataFrame({"name": ["x"]}), load_rules())
    with pytest.raises(TailingsInputError, match="estimate step"):
        classify_estimates(pd.DataFrame({"deposit_id": ["x"]}), load_rules())


# ---- rules file ------------------------------------------------------------------------------

def _line_number(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), start=1) if needle in line)


def test_default_rules_load():
    rules = load_rules()
    assert rules.version == "2026.12-default"
    assert rules.project_status["ingen"] == "F4" and rules.project_status["på vent"] == "F2.2"
    assert rules.technology["tree"] == 3 - 1  # F4.2
    assert math.isclose(rules.value_factor(), 10.8)


def test_syntax_error_names_line(tmp_path):
    text = DEFAULT_TEXT.replace("co = 33000.0", "co = 33000.0 oops", 1)
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TailingsInputError) as err:
        load_rules(path)
    assert f"line {_line_number(text, 'oops')}" in str(err.value) and "bad.toml" in str(err.value)


@pytest.mark.parametrize(("old", "new", "needle"), [
    ("min_samples = 15", "min_sampels = 15", "min_sampels"),
    ("[setting.lake]", "[setting.lakes]", "[setting.lakes]"),
    ('value_currency = "NOK"', 'value_currency = "NOK"\nthreshold = 3', "threshold = 3"),
])
def test_unknown_key_names_line(old, new, needle):
    text = DEFAULT_TEXT.replace(old, new, 1)
    with pytest.raises(TailingsInputError) as err:
        parse_rules(text, "rules.toml")
    assert "unknown key" in str(err.value)
    assert f"line {_line_number(text, needle)}" in str(err.value)


def test_missing_price_is_refused():
    text = re.sub(r"(?m)^tree = 30000.0\n", "", DEFAULT_TEXT)
    with pytest.raises(TailingsInputError, match="missing price for commodity 'tree'"):
        parse_rules(text)


@pytest.mark.parametrize(("old", "new", "fragment"), [
    ("min_samples = 30", "min_samples = 10", "G1 min_samples (10) is below G2 min_samples (15)"),
    ("max_relative_half_width = 0.60", "max_relative_half_width = 0.20",
     "G2 max_relative_half_width (0.3) is above G3"),
    ("e2_min_value = 300.0", "e2_min_value = 900.0", "E thresholds not monotonic"),
])
def test_non_monotonic_thresholds_are_refused(old, new, fragment):
    text = DEFAULT_TEXT.replace(old, new, 1)
    with pytest.raises(TailingsInputError) as err:
        parse_rules(text)
    assert fragment in str(err.value) and "line " in str(err.value)


@pytest.mark.parametrize(("old", "new", "fragment"), [
    ('currency = "USD"', 'currency = "EUR"', "USD or NOK"),
    ('tree = "F4.2"', 'tree = "F2.1"', "must be F4.1, F4.2 or F4.3"),
    ('"på vent" = "F2.2"', '"på vent" = "F2.4"', "F part"),
    ("cu = 0.55", "cu = 55", "fraction between 0 and 1"),
    ('without_project = "E3.3"', 'without_project = "maybe"', "E category or 'screening'"),
    ('measured = "G1"', 'measured = "G7"', "G part"),
    ('"sjø" = "sea"', '"sjø" = "ocean"', "must map to one of land, lake, sea"),
    ('"avslått" = "refused"', '"avslått" = "no"', "must map to one of granted"),
    ('effect = "E3.3"', 'effect = "E2"', "constraint effect must be E3.2 or E3.3"),
    ("min_samples = 5", 'min_samples = "five"', "must be a whole number"),
    ('version = "2026.12-default"', 'version = ""', "version must not be empty"),
    ('measured = "G1"', 'measured = "G4"', "g.max_confidence.measured must be G1, G2 or G3"),
    ('regression = "G2"', 'regression = "G4.1"', "g.max_confidence.regression must be G1, G2 or G3"),
    ('analogue = "G4"', 'analogue = "G3"', "g.max_confidence.analogue must be G4"),
])
def test_bad_values_are_refused(old, new, fragment):
    with pytest.raises(TailingsInputError) as err:
        parse_rules(DEFAULT_TEXT.replace(old, new, 1))
    assert fragment in str(err.value)


@pytest.mark.parametrize(("old", "new"), [
    ("co = 33000.0", "co = nan"),
    ("co = 33000.0", "co = inf"),
    ("cu = 9000.0", "cu = -inf"),
    ("usd_nok = 10.8", "usd_nok = nan"),
    ("max_relative_half_width = 0.15", "max_relative_half_width = nan"),
])
def test_non_finite_numbers_are_refused(old, new):
    """nan and inf are valid TOML; as prices or thresholds they would change E or G silently."""
    assert old in DEFAULT_TEXT
    with pytest.raises(TailingsInputError) as err:
        parse_rules(DEFAULT_TEXT.replace(old, new, 1))
    key = new.split(" = ")[0]
    assert "must be a finite number" in str(err.value) and key in str(err.value) and "line " in str(err.value)


def test_missing_rules_file(tmp_path):
    with pytest.raises(TailingsInputError, match="not found"):
        load_rules(tmp_path / "nope.toml")
