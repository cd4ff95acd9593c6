"""A fast subset of the mean-grade simulation study (bench/bench_mean_grade.py).

Deposits of known population mean; in every cell below the estimator must meet issue 11's
goal as the bench judges it: median |error| <= 5 %, or within 1 point of the "floor" (the
mean of the true, uncensored values: the sampling noise of n samples), and 80 % interval
coverage within 75-85 %. Fixed seed, 1500 deposits per cell (the Monte Carlo error of a
coverage is then about 1 point; the cells chosen lie at least 2 points inside the band in
the bench). With ``censored_method="ros"`` (the estimator before the robust MLE) the
censored cells fail: log-normal at 50 % censored over-covers, the mixture at 30 %
under-covers.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("bench_mean_grade", ROOT / "bench" / "bench_mean_grade.py")
study = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = study  # dataclasses look their module up while the file runs
_spec.loader.exec_module(study)

DEPOSITS = 1500
SEED = 20
CENSORED_METHOD = "robust_mle"
FAMILIES = {f.name.split(" ")[0]: f for f in study.FAMILIES}

# (family, n, censored fraction): cells where issue 11's goal must hold.
CELLS = [
    *[(family, n, 0.0) for family in FAMILIES for n in (10, 50)],
    ("lognormal", 50, 0.1), ("normal", 20, 0.1), ("uniform", 50, 0.1), ("mixture", 150, 0.1),
    ("lognormal", 50, 0.3), ("normal", 20, 0.3), ("mixture", 150, 0.3),
    ("lognormal", 150, 0.5), ("mixture", 20, 0.5),
    # Met since the tails are averaged (normal weight from the whole sample, a within-window
    # log-normal for a richer population above): not met before.
    ("normal", 150, 0.5), ("mixture", 150, 0.5),
]


@pytest.fixture(scope="module", params=CELLS, ids=lambda c: f"{c[0]}-n{c[1]}-cens{c[2]:.0%}")
def cell(request):
    family, n, fraction = request.param
    return study.run_cell(FAMILIES[family], n, fraction, DEPOSITS, seed=SEED, censored_method=CENSORED_METHOD)


def test_goal_met_absolute_or_relative_to_the_floor(cell):
    med, _, cover = study.summary(cell, "new")
    floor = study.summary(cell, "floor")[0]
    assert study.meets_goal(cell), (f"{cell.family} n={cell.n} cens={cell.censored:.0%}: median |error| "
                                    f"{med:.1%} (floor {floor:.1%}), coverage {cover:.0%}")


def test_error_goal_where_the_noise_allows(cell):
    # Where n samples can pin the mean to 4 % (floor), the 5 % goal itself must hold.
    if study.summary(cell, "floor")[0] <= 0.04:
        assert study.summary(cell, "new")[0] <= study.GOAL_ERROR


def test_censored_half_no_longer_breaks_the_interval():
    # 50 % below a detection limit: DL/2 in log space (old) widened sd ln and shifted the
    # mean, so the interval missed the population mean in most deposits.
    cell = study.run_cell(FAMILIES["lognormal"], 150, 0.5, DEPOSITS, seed=21, censored_method=CENSORED_METHOD)
    old, new = study.summary(cell, "old"), study.summary(cell, "new")
    assert old[2] < 0.5 and new[2] > 0.75
    assert new[0] < 0.5 * old[0]
    assert np.all(cell.errors["new"] > -1)
