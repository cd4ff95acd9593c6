"""core.pipeline helpers that need no QGIS."""
from __future__ import annotations

import numpy as np
import pandas as pd

from core.pipeline import stack_frames
from core.proxy_plan import plan_proxy_models


def test_stack_frames_matches_pandas_concat():
    a = pd.DataFrame({"sample_id": ["a1", "a2"], "co_ppm": [1.0, np.nan], "src_row": np.array([3, 4], "int64"),
                      "co_flag": [None, "censored"], "only_a": [True, False]})
    b = pd.DataFrame({"sample_id": ["b1"], "src_row": np.array([9], "int64"), "fe_ppm": [5.5],
                      "co_flag": [None], "co_ppm": np.array([7], "int64")})
    got = stack_frames([a, b])
    want = pd.concat([a, b], ignore_index=True, sort=False)
    assert list(got.columns) == list(want.columns)
    assert got["src_row"].dtype == np.int64 and got["src_row"].tolist() == [3, 4, 9]
    assert got["co_ppm"].dtype == float and got["co_ppm"].tolist()[0] == 1.0 and np.isnan(got["co_ppm"][1])
    assert got["co_ppm"][2] == 7.0
    assert np.isnan(got["fe_ppm"][0]) and got["fe_ppm"][2] == 5.5
    assert got["co_flag"].tolist() == [None, "censored", None]
    assert got["only_a"].tolist()[:2] == [True, False] and got["only_a"][2] is None
    assert stack_frames([]).empty
    pd.testing.assert_frame_equal(stack_frames([a]), a)


def _samples(n_lab: int, n_field: int, field_has: tuple[str, ...]) -> pd.DataFrame:
    rng = np.random.default_rng(1)
    lab = pd.DataFrame({c: rng.uniform(1, 10, n_lab) for c in ("co_ppm", "s_ppm", "fe_ppm", "p_ppm", "tree_ppm")})
    field = pd.DataFrame({c: rng.uniform(1, 10, n_field) for c in field_has})
    return pd.concat([lab, field], ignore_index=True)


def test_plan_uses_proxies_measured_on_both_lab_and_field_samples():
    plans, _skipped = plan_proxy_models(_samples(40, 100, ("s_ppm", "fe_ppm")))
    by_target = {p.target: p for p in plans}
    assert by_target["co"].predictors == ("s_ppm", "fe_ppm")
    assert by_target["co"].n_training == 40 and by_target["co"].n_to_predict == 100
    assert "tree" in by_target and "p_ppm" not in by_target["tree"].predictors


def test_plan_explains_why_no_model():
    plans, skipped = plan_proxy_models(_samples(10, 100, ("s_ppm",)))
    assert plans == [] and any("only 10 samples" in s for s in skipped)
    plans, skipped = plan_proxy_models(_samples(40, 0, ()))
    assert plans == [] and any("no model needed" in s for s in skipped)
    plans, skipped = plan_proxy_models(pd.DataFrame({"cu_ppm": [1.0]}))
    assert any("no co_ppm column" in s for s in skipped)
