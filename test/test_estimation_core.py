"""Core estimation: recovery of a known relationship, model files, and bad input."""
from __future__ import annotations

import json
import os
import zipfile

import numpy as np
import pandas as pd
import pytest
import skops.io as sio
from estimation_support import B_FE, B_S, SD_LN_FE, SD_LN_S, SIGMA, TAU, make_samples
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer

from core.errors import TailingsInputError
from core.estimation.fitting import FORMAT_VERSION, ModelSpec, train_model
from core.estimation.grouping import make_grouping
from core.estimation.methods import METHODS
from core.estimation.model_file import load_model, save_model
from core.estimation.prediction import predict_samples
from core.estimation.report import write_report
from core.estimation.transforms import transform_predictors

PREDICTORS = ["s_ppm", "fe2o3_pct"]


@pytest.fixture(scope="module")
def synthetic():
    return make_samples(n_deposits=12, per_deposit=50, seed=7)


@pytest.fixture(scope="module")
def ols_model(synthetic):
    return train_model(synthetic.samples, ModelSpec("co", PREDICTORS, method="ols"))


def test_ols_recovers_true_coefficients_and_r2(synthetic, ols_model):
    n = len(synthetic.samples)
    pipe = ols_model.pipeline
    coef = pipe.named_steps["model"].coef_ / pipe.named_steps["scale"].scale_
    # Residual error of the fit = deposit offset + sample noise, independent of the predictors,
    # so the OLS standard error of a slope is sqrt(SIGMA² + TAU²) / (sqrt(n)·SD of the predictor).
    error_sd = np.sqrt(SIGMA ** 2 + TAU ** 2)
    se_s = error_sd / (np.sqrt(n) * SD_LN_S)
    se_fe = error_sd / (np.sqrt(n) * SD_LN_FE)
    assert abs(coef[0] - B_S) < 4 * se_s
    assert abs(coef[1] - B_FE) < 4 * se_fe
    # Grouped CV cannot know an unseen deposit's offset: expected R² = signal / (signal + TAU² + SIGMA²).
    signal = (B_S * SD_LN_S) ** 2 + (B_FE * SD_LN_FE) ** 2
    expected = signal / (signal + TAU ** 2 + SIGMA ** 2)
    # Sampling spread of R² here is dominated by the variance of 12 drawn deposit offsets
    # (relative SD sqrt(2/11)); 3 of those, plus a small allowance for the fit itself.
    groups = synthetic.samples["deposit_id"].nunique()
    total = signal + TAU ** 2 + SIGMA ** 2
    tol = 3 * np.sqrt(2 / (groups - 1)) * TAU ** 2 / total + 3 * np.sqrt(2 / n) * (1 - expected)
    assert abs(ols_model.cv_r2 - expected) < tol
    assert ols_model.metadata["cv"]["grouping"] == "field:deposit_id"
    assert ols_model.metadata["n_samples"] == n


def test_every_method_fits_and_beats_the_mean(synthetic):
    for method in METHODS:
        model = train_model(synthetic.samples.iloc[:300], ModelSpec("co", PREDICTORS, method=method, cv_folds=3))
        assert model.cv_r2 > 0.5, method
        folds = model.metadata["cv"]["folds"]
        assert len(folds) == 3 and all({"r2_log", "rmse_ppm", "bias_ppm", "coverage"} <= set(f) for f in folds)


def test_random_kfold_reported_beside_grouped(ols_model):
    cv = ols_model.metadata["cv"]
    assert {"grouped", "random_kfold"} <= set(cv)
    assert cv["random_kfold"]["n"] == cv["grouped"]["n"]


def test_transforms_alr_clr():
    values = np.array([[10.0, 1.0], [20.0, 2.0], [np.nan, 1.0], [60.0, 50.0]])  # last sums over 100 %
    columns = ["fe2o3_pct", "s_pct"]
    log = transform_predictors(values, columns, "log")
    assert np.allclose(log[0], np.log([10.0, 1.0]))
    alr = transform_predictors(values, columns, "alr")
    rest = 1e6 - (10 + 1) * 1e4
    assert np.allclose(alr[0], np.log(np.array([10e4, 1e4]) / rest))
    assert np.isnan(alr[2]).all() and np.isnan(alr[3]).all()
    clr = transform_predictors(values, columns, "clr")
    parts = np.log([10e4, 1e4, rest])
    assert np.allclose(clr[0], parts[:2] - parts.mean())


def test_alr_model_fits(synthetic):
    model = train_model(synthetic.samples, ModelSpec("co", PREDICTORS, transform="alr"))
    assert model.metadata["transform"] == "alr" and model.cv_r2 > 0.5


def test_spatial_blocks_when_no_group_field(synthetic):
    frame = synthetic.samples.drop(columns=["deposit_id"])
    grouping = make_grouping(frame, None, 5)
    assert grouping.kind == "spatial_blocks"
    assert len(np.unique(grouping.labels)) >= 15
    model = train_model(frame, ModelSpec("co", PREDICTORS))
    assert model.metadata["cv"]["grouping"] == "spatial_blocks"


def test_censored_policies(synthetic):
    frame = synthetic.samples.copy()
    low = frame["co_ppm"] < frame["co_ppm"].quantile(0.1)
    frame.loc[low, "co_flag"] = "censored"
    frame.loc[low, "co_dl"] = 2 * frame.loc[low, "co_ppm"]
    frame.loc[frame.index[:5], "co_flag"] = "sentinel"  # must be treated as missing even if a number is left
    kept = train_model(frame, ModelSpec("co", PREDICTORS))
    dropped = train_model(frame, ModelSpec("co", PREDICTORS, censored_policy="exclude"))
    assert kept.metadata["n_samples"] == len(frame) - 5
    assert dropped.metadata["n_samples"] == len(frame) - 5 - int(low[5:].sum())


def test_skops_round_trip_and_report(tmp_path, synthetic, ols_model):
    path = save_model(ols_model, tmp_path / "co.skops")
    pipeline, metadata = load_model(path)
    for key in ("target", "predictors", "transform", "method", "hyperparameters", "seed", "cv",
                "training_sha256", "package_versions", "format_version"):
        assert key in metadata
    assert metadata["training_sha256"] == ols_model.metadata["training_sha256"]
    X = ols_model.training.X
    assert np.array_equal(pipeline.predict(X), ols_model.pipeline.predict(X))
    pred = predict_samples(pipeline, metadata, synthetic.samples)
    assert pred["usable"].all() and not pred["extrapolated"].any()
    assert (pred["lo_ppm"] < pred["pred_ppm"]).all() and (pred["pred_ppm"] < pred["hi_ppm"]).all()
    far = synthetic.samples.head(3).assign(s_ppm=1e7)
    assert predict_samples(pipeline, metadata, far)["extrapolated"].all()
    html_path, log_path = write_report(ols_model, tmp_path / "report.html")
    text = html_path.read_text(encoding="utf-8")
    assert text.count("data:image/png;base64,") == 4 and "random K-fold" in text
    assert "coverage=" in log_path.read_text(encoding="utf-8")


def test_every_method_round_trips_through_skops(tmp_path, synthetic):
    for method in METHODS:
        model = train_model(synthetic.samples.iloc[:200], ModelSpec("co", PREDICTORS, method=method, cv_folds=2))
        pipeline, _ = load_model(save_model(model, tmp_path / f"{method}.skops"))
        assert np.allclose(pipeline.predict(model.training.X), model.pipeline.predict(model.training.X))


def test_untrusted_type_refused(tmp_path, ols_model):
    evil = Pipeline([("run", FunctionTransformer(func=os.system))])
    path = tmp_path / "evil.skops"
    sio.dump({"format_version": FORMAT_VERSION, "metadata_json": json.dumps(ols_model.metadata),
              "pipeline": evil}, path)
    with pytest.raises(TailingsInputError, match=r"not on the trusted list.*system"):
        load_model(path)


def test_newer_format_refused(tmp_path, ols_model):
    path = tmp_path / "new.skops"
    sio.dump({"format_version": FORMAT_VERSION + 1, "metadata_json": json.dumps(ols_model.metadata),
              "pipeline": ols_model.pipeline}, path)
    with pytest.raises(TailingsInputError, match="newer than this plugin"):
        load_model(path)


def test_corrupted_files_refused(tmp_path, ols_model):
    good = save_model(ols_model, tmp_path / "good.skops").read_bytes()
    truncated = tmp_path / "truncated.skops"
    truncated.write_bytes(good[: len(good) // 2])
    with pytest.raises(TailingsInputError, match="corrupted"):
        load_model(truncated)
    # Flip bytes inside a stored array: the zip CRC catches it.
    with zipfile.ZipFile(tmp_path / "good.skops") as archive:
        info = next(i for i in archive.infolist() if i.filename.endswith(".npy"))
    flipped = bytearray(good)
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 10
    flipped[start: start + 8] = bytes(b ^ 0xFF for b in flipped[start: start + 8])
    damaged = tmp_path / "damaged.skops"
    damaged.write_bytes(bytes(flipped))
    with pytest.raises(TailingsInputError, match="corrupted"):
        load_model(damaged)
    text = tmp_path / "text.skops"
    text.write_text("not a model")
    with pytest.raises(TailingsInputError, match="corrupted or not skops"):
        load_model(text)


@pytest.mark.parametrize(("mutate", "message"), [
    (lambda f: f.drop(columns=["co_ppm"]), "not a column"),
    (lambda f: f.assign(co_flag="censored"), "are censored"),
    (lambda f: f.head(3), "Only 3 usable samples for 2 predictor"),
    (lambda f: f.assign(fe2o3_pct=12.0), "constant.*fe2o3_pct"),
    (lambda f: f.assign(s_ppm=f["s_ppm"].where(f.index != 4, np.inf)), "Infinite value in predictor 's_ppm'.*S00004"),
    (lambda f: f.drop(columns=["s_ppm"]), "missing in the sample table: s_ppm"),
    (lambda f: f.assign(co_ppm=np.nan), "holds no values"),
])
def test_bad_input_messages(synthetic, mutate, message):
    with pytest.raises(TailingsInputError, match=message):
        train_model(mutate(synthetic.samples.copy()), ModelSpec("co", PREDICTORS))


def test_nan_predictors_are_excluded_and_counted(synthetic):
    frame = synthetic.samples.copy()
    frame.loc[frame.index[:10], "s_ppm"] = np.nan
    model = train_model(frame, ModelSpec("co", PREDICTORS))
    assert model.training.counts["a predictor missing (NaN)"] == 10
    assert model.metadata["n_samples"] == len(frame) - 10


def test_predict_with_missing_predictor_column_is_clear(ols_model):
    with pytest.raises(TailingsInputError, match="missing in the sample table: fe2o3_pct"):
        predict_samples(ols_model.pipeline, ols_model.metadata, pd.DataFrame({"s_ppm": [1.0]}))


def test_cancel_hook_stops_fitting(synthetic):
    from core.errors import OperationCancelled

    def cancel():
        raise OperationCancelled()

    with pytest.raises(OperationCancelled):
        train_model(synthetic.samples, ModelSpec("co", PREDICTORS), cancel=cancel)


def test_deterministic_for_a_seed(synthetic):
    a = train_model(synthetic.samples, ModelSpec("co", PREDICTORS, method="random_forest", seed=3, cv_folds=3))
    b = train_model(synthetic.samples, ModelSpec("co", PREDICTORS, method="random_forest", seed=3, cv_folds=3))
    assert a.metadata["cv"] == b.metadata["cv"]
