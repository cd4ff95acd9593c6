"""Interval coverage on held-out data is near nominal (80 %) over many seeds."""
from __future__ import annotations

import numpy as np
from estimation_support import make_samples

from core.estimation.fitting import ModelSpec, train_model
from core.estimation.prediction import predict_samples
from core.schema import INTERVAL_LEVEL

SEEDS = range(20)


def test_coverage_on_new_deposits_within_5_points_of_nominal():
    held_out, reported = [], []
    for seed in SEEDS:
        train = make_samples(n_deposits=15, per_deposit=20, seed=1000 + seed, deposit_prefix="TR")
        # Fresh deposits never seen in training: the case the intervals are for.
        test = make_samples(n_deposits=15, per_deposit=20, seed=5000 + seed, deposit_prefix="TE")
        model = train_model(train.samples, ModelSpec("co", ["s_ppm", "fe2o3_pct"], seed=seed))
        pred = predict_samples(model.pipeline, model.metadata, test.samples)
        y = np.log(test.samples["co_ppm"].to_numpy())
        held_out.append(np.mean((y >= pred["lo_ln"]) & (y <= pred["hi_ln"])))
        reported.append(model.coverage)
    assert abs(np.mean(held_out) - INTERVAL_LEVEL) <= 0.05, held_out
    assert abs(np.mean(reported) - INTERVAL_LEVEL) <= 0.05, reported
    # No single seed far off either (each has only 15 test deposits, so allow ±15 points).
    assert all(abs(c - INTERVAL_LEVEL) <= 0.15 for c in held_out), held_out
