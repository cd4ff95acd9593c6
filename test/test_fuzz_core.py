"""Property-based fuzzing of the core parsers and the mean-grade estimator (hypothesis,
10,000 examples per target): no exception but the documented domain error, results in the
vocabulary or finite and ordered, every sample accounted for.

``max_examples`` is set per test, so it holds under the conftest's "ci" profile too
(a profile only supplies defaults; ``test_explicit_example_count_survives_the_ci_profile``
checks it)."""
from __future__ import annotations

import math
import re
import warnings

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.errors import TailingsInputError
from core.estimation.mean_grade import MAX_VALUE, MIN_VALUE, MeanGradeEstimator
from core.schema import ESTIMATORS
from core.unfc import classify, load_vocabulary, parse_category, parse_code, parse_rules
from core.unfc.codes import FORMATS, UnfcCode
from core.unfc.rules import DEFAULT_RULES_PATH

EXAMPLES = 10_000
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CATEGORIES = tuple(sorted(load_vocabulary().categories))
DEFAULT_TEXT = DEFAULT_RULES_PATH.read_text(encoding="utf-8")
ASSIGNMENTS = [i for i, line in enumerate(DEFAULT_TEXT.splitlines())
               if re.match(r"^\s*[A-Za-z0-9_.\"-]+\s*=", line)]


def test_explicit_example_count_survives_the_ci_profile():
    """The conftest loads a derandomized "ci" profile under CI=true; a test's own settings win."""
    ci = settings.get_profile("ci")
    assert FUZZ.max_examples == EXAMPLES and ci.max_examples != EXAMPLES  # the profile's default is lower
    assert settings(ci, max_examples=EXAMPLES).max_examples == EXAMPLES
    for target in (test_category_parser_returns_a_category_or_value_error, test_code_parser_round_trips_or_refuses,
                   test_rules_loader_accepts_or_refuses_mutated_rules, test_mean_grade_estimator_is_finite_and_ordered):
        assert target._hypothesis_internal_use_settings.max_examples == EXAMPLES, target.__name__


# ---------------------------------------------------------------------------------------
# UNFC code parser

category_like = st.one_of(
    st.sampled_from(CATEGORIES),
    st.sampled_from(CATEGORIES).map(str.lower),
    st.sampled_from(CATEGORIES).map(lambda c: c[1:]),
    st.from_regex(r"[EFGefg ]?\s*[0-9]{1,2}(\.[0-9]{1,2})?\s*", fullmatch=True),
    st.text(max_size=12),
    st.none(), st.integers(-5, 5), st.floats(allow_nan=True),
)


@FUZZ
@given(st.sampled_from(["E", "F", "G", "e", "x", ""]), category_like, category_like, category_like)
def test_category_parser_returns_a_category_or_value_error(axis, a, b, c):
    try:
        code = parse_category(axis, a)
    except ValueError as err:
        assert str(err)
    else:
        assert code in CATEGORIES and code[0] == axis.upper()
        assert parse_category(axis, code) == code
    try:
        result = classify(a, b, c)
    except ValueError as err:
        assert str(err)
    else:
        assert result.code == f"{parse_category('E', a)}{parse_category('F', b)}{parse_category('G', c)}"
        assert isinstance(result.is_other_combination, bool)
        assert result.class_name


by_axis = {axis: [c for c in CATEGORIES if c[0] == axis] for axis in "EFG"}
valid_code = st.builds(UnfcCode, *(st.sampled_from(by_axis[a]) for a in "EFG"))


@FUZZ
@given(st.one_of(
    st.tuples(valid_code, st.sampled_from(FORMATS)).map(lambda pair: (pair[0], pair[0].format(pair[1]))),
    st.text(alphabet="EFGefg0123456789.;,- ()x", max_size=20).map(lambda t: (None, t)),
    st.text(max_size=16).map(lambda t: (None, t)),
))
def test_code_parser_round_trips_or_refuses(case):
    expected, text = case
    try:
        code = parse_code(text)
    except ValueError as err:
        assert expected is None, f"{text!r} refused: {err}"
        assert str(err)
    else:
        assert {code.e, code.f, code.g} <= set(CATEGORIES)
        assert expected is None or code == expected
        assert parse_code(code.format("official")) == code


# ---------------------------------------------------------------------------------------
# Rules loader, on mutated copies of the shipped rules file

toml_scalar = st.one_of(
    st.sampled_from(["nan", "+nan", "-nan", "inf", "-inf", "+inf", "-1", "-0.0", "0", "1e308", "1e309",
                     "-1e308", "9223372036854775807", "99999999999999999999", "true", "false", "\"\"",
                     "\"E3.2\"", "\"G1\"", "\"USD\"", "[]", "{}", "1979-05-27", "0x10", "1_000"]),
    st.integers().map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(lambda v: repr(v).replace("inf", "inf").lower()),
    st.text(max_size=8).map(lambda t: '"' + t.replace("\\", "\\\\").replace('"', '\\"') + '"'),
)


@st.composite
def mutated_rules(draw) -> str:
    lines = DEFAULT_TEXT.splitlines()
    for _ in range(draw(st.integers(1, 4))):
        index = draw(st.sampled_from(ASSIGNMENTS))
        if draw(st.booleans()):
            lines[index] = ""  # the key deleted
        else:
            key = lines[index].split("=", 1)[0]
            lines[index] = f"{key}= {draw(toml_scalar)}"
    if draw(st.integers(0, 9)) == 0:  # an unknown key in a random table
        lines.insert(draw(st.sampled_from(ASSIGNMENTS)), f"{draw(st.from_regex(r'[a-z_]{1,8}', fullmatch=True))} = 1")
    return "\n".join(lines)


def _finite_numbers(value) -> bool:
    if isinstance(value, dict):
        return all(_finite_numbers(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return all(_finite_numbers(v) for v in value)
    return not isinstance(value, float) or math.isfinite(value)


@FUZZ
@given(mutated_rules())
def test_rules_loader_accepts_or_refuses_mutated_rules(text):
    try:
        rules = parse_rules(text, "mutated.toml")
    except TailingsInputError as err:
        assert "mutated.toml" in str(err)
        return
    numbers = {name: getattr(rules, name) for name in rules.__dataclass_fields__}
    assert _finite_numbers(numbers), numbers
    assert all(v >= 0 for v in rules.prices.values())
    assert all(0.0 <= v <= 1.0 for v in rules.recovery.values())
    assert rules.usd_nok > 0 and rules.value_factor() > 0


def test_the_unmutated_rules_load():
    assert parse_rules(DEFAULT_TEXT, "default.toml").version


# ---------------------------------------------------------------------------------------
# Mean-grade estimator (censored data)

grade = st.one_of(st.floats(1e-12, 1e12), st.sampled_from([0.0, -1.0, 1e-300, 1e300, float("nan"),
                                                            float("inf"), 5.0, 5.0, 100.0]))


@st.composite
def sample_sets(draw):
    n_groups = draw(st.integers(1, 4))
    n = draw(st.integers(0, 14))
    groups = draw(st.lists(st.integers(0, n_groups - 1), min_size=n, max_size=n))
    values = draw(st.lists(grade, min_size=n, max_size=n))
    pattern = draw(st.sampled_from(["none", "all", "random"]))
    censored = ([False] * n if pattern == "none" else [True] * n if pattern == "all"
                else draw(st.lists(st.booleans(), min_size=n, max_size=n)))
    return np.array(groups, np.intp), np.array(values, float), np.array(censored, bool), n_groups


@FUZZ
@given(sample_sets(), st.integers(1, 3))
def test_mean_grade_estimator_is_finite_and_ordered(samples, min_samples):
    groups, values, censored, size = samples
    estimator = MeanGradeEstimator(min_samples=min_samples, iterations=64, random_state=1)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a silent overflow or log(0) is a failure too
        try:
            estimator.fit(groups, values, censored, n_groups=size)
        except TailingsInputError as err:
            assert not ((values >= MIN_VALUE) & (values <= MAX_VALUE)).all(), err
            assert "value" in str(err)
            return
    # Every sample is counted once, in its group; every censored one as censored.
    assert estimator.n_.sum() == len(values) and len(estimator.n_) == size
    assert estimator.n_censored_.sum() == censored.sum()
    assert (estimator.n_ == np.bincount(groups, minlength=size)).all()
    known = estimator.estimator_ != "none"
    assert set(estimator.estimator_) <= {*ESTIMATORS, "none"}
    assert not known[estimator.n_ == 0].any()
    lo, best, hi = estimator.lo_[known], estimator.mean_[known], estimator.hi_[known]
    assert np.isfinite(lo).all() and np.isfinite(best).all() and np.isfinite(hi).all()
    assert (lo >= 0).all()
    assert (lo <= best * (1 + 1e-12)).all() and (best <= hi * (1 + 1e-12)).all()
    assert len(estimator.rationale()) == size
