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


# --- Mean-grade estimator (core.estimation.mean_grade): censored data and estimator choice.

def _groups(n_groups: int, n: int) -> np.ndarray:
    return np.repeat(np.arange(n_groups), n)


@pytest.mark.parametrize("n, n_censored", [(4, 1), (10, 3), (12, 1), (30, 12), (50, 25)])
def test_single_limit_ros_matches_statsmodels(n, n_censored):
    from statsmodels.imputation.ros import impute_ros

    from core.estimation.mean_grade import MeanGradeEstimator
    rng = np.random.default_rng(n * 100 + n_censored)
    values = np.sort(np.exp(rng.normal(4, 0.7, (40, n))), axis=1)
    dl = values[:, n_censored - 1:n_censored] * 1.0001  # one limit per deposit, below every detect
    censored = values < dl
    data = np.where(censored, dl, values)
    fit = MeanGradeEstimator(iterations=0, censored_method="ros").fit(_groups(40, n), data.ravel(),
                                                                      censored.ravel(), 40)
    # The line in ln units is Helsel's; in original units, impute_ros with identity transforms.
    same = {True: {}, False: {"transform_in": lambda x: x, "transform_out": lambda x: x}}
    expected = [np.mean(impute_ros(d, c, **same[bool(t)])) for d, c, t in zip(data, censored, fit.ros_log_tail_)]
    assert (fit.estimator_ == "ros").all() and (fit.n_censored_ == n_censored).all()
    assert fit.ros_log_tail_.any()
    np.testing.assert_allclose(fit.mean_, expected, rtol=1e-9)


def test_ros_tail_in_original_units_for_symmetric_grades():
    from statsmodels.imputation.ros import impute_ros

    from core.estimation.mean_grade import MeanGradeEstimator
    values = np.sort(np.random.default_rng(2).uniform(50, 150, (60, 40)), axis=1)
    censored = values < 100.0
    data = np.where(censored, 100.0, values)
    fit = MeanGradeEstimator(iterations=0, censored_method="ros").fit(_groups(60, 40), data.ravel(),
                                                                      censored.ravel(), 60)
    raw = ~fit.ros_log_tail_
    assert raw.mean() > 0.5
    identity = {"transform_in": lambda x: x, "transform_out": lambda x: x}
    expected = [np.mean(impute_ros(d, c, **identity)) for d, c in zip(data[raw], censored[raw])]
    np.testing.assert_allclose(fit.mean_[raw], expected, rtol=1e-9)
    assert "tail fitted in original units" in fit.rationale()[np.flatnonzero(raw)[0]]


def test_several_limits_go_through_statsmodels():
    from statsmodels.imputation.ros import impute_ros

    from core.estimation.mean_grade import MeanGradeEstimator
    data = np.array([3.0, 5.0, 4.0, 6.0, 8.0, 12.0, 20.0, 35.0, 50.0, 10.0])
    censored = np.array([True, True, False, True, False, False, False, False, False, True])
    fit = MeanGradeEstimator(iterations=0, censored_method="ros").fit(np.zeros(10, int), data, censored, 1)
    assert fit.estimator_[0] == "ros"
    assert fit.mean_[0] == pytest.approx(np.mean(impute_ros(data, censored)), rel=1e-12)


def _censored_normal_loglik(params, exact, left, right):
    from scipy import stats
    mu, sigma = params[0], np.exp(params[1])
    return -(stats.norm.logpdf(exact, mu, sigma).sum() + stats.norm.logcdf(left, mu, sigma).sum()
             + stats.norm.logsf(right, mu, sigma).sum())


def test_censored_normal_mle_matches_scipy_optimize():
    # scipy 1.10 (the QGIS build's) has no stats.CensoredData: the same likelihood, one
    # deposit at a time, by scipy.optimize, against the vectorised Newton fit.
    from scipy.optimize import minimize

    from core.estimation.censored_mle import CensoredSample
    rng = np.random.default_rng(11)
    groups_e, exact, groups_l, limits, side, expected = [], [], [], [], [], []
    for k in range(25):
        y = rng.normal(3.0 + 0.1 * k, 0.4 + 0.02 * k, 12 + k)
        low, high = np.quantile(y, [0.1 + 0.015 * k, 0.9])
        e, lc, rc = y[(y >= low) & (y <= high)], np.full((y < low).sum(), low), np.full((y > high).sum(), high)
        groups_e += [k] * len(e)
        exact += list(e)
        groups_l += [k] * (len(lc) + len(rc))
        limits += list(lc) + list(rc)
        side += [1.0] * len(lc) + [-1.0] * len(rc)
        best = minimize(_censored_normal_loglik, [e.mean(), np.log(e.std())], args=(e, lc, rc),
                        method="Nelder-Mead", options={"xatol": 1e-10, "fatol": 1e-12, "maxiter": 4000})
        expected.append(best.x)
    data = CensoredSample(np.array(groups_e), np.array(exact), np.array(groups_l), np.array(limits),
                          np.array(side), 25)
    fit = _fit_matches(data, expected, sigma0=1.0, mu_atol=1e-6)
    assert (fit.var_mu > 0).all() and (fit.var_tau > 0).all()


def _fit_matches(data, expected, sigma0: float, mu_atol: float):
    """The vectorised fit of ``data`` equals scipy.optimize's (μ, ln σ) per group."""
    from core.estimation.censored_mle import fit_censored_normal
    mu0 = np.array([data.exact[data.exact_groups == k].mean() for k in range(data.size)])
    fit = fit_censored_normal(data, mu0, np.full(data.size, sigma0))
    assert fit.ok.all()
    expected = np.array(expected)
    np.testing.assert_allclose(fit.mu, expected[:, 0], atol=mu_atol)
    np.testing.assert_allclose(np.log(fit.sigma), expected[:, 1], atol=1e-5)
    return fit


def test_truncated_censored_normal_mle_matches_scipy_truncnorm():
    # A limit row of weight -m is the truncation term -m ln Phi((cut - mu) / sigma): the fit
    # must equal scipy's truncated normal likelihood maximised by scipy.optimize.
    from scipy import stats
    from scipy.optimize import minimize

    from core.estimation.censored_mle import CensoredSample
    rng = np.random.default_rng(4)
    groups_e, exact, groups_l, limits, side, weight, expected = [], [], [], [], [], [], []
    for k in range(12):
        x = rng.normal(2.0, 0.6, 60)
        cut, dl = np.quantile(x, 0.7), np.quantile(x, 0.3)
        kept = x[x < cut]
        e, lc = kept[kept >= dl], np.full(int((kept < dl).sum()), dl)

        def nll(p, e=e, lc=lc, cut=cut):
            mu, sigma = p[0], np.exp(p[1])
            return -(stats.norm.logpdf(e, mu, sigma).sum() + stats.norm.logcdf(lc, mu, sigma).sum()
                     - (len(e) + len(lc)) * stats.norm.logcdf(cut, mu, sigma))

        best = minimize(nll, [e.mean(), np.log(e.std())], method="Nelder-Mead",
                        options={"xatol": 1e-10, "fatol": 1e-12, "maxiter": 4000})
        expected.append(best.x)
        groups_e += [k] * len(e)
        exact += list(e)
        groups_l += [k] * (len(lc) + 1)
        limits += [*lc, cut]
        side += [1.0] * (len(lc) + 1)
        weight += [1.0] * len(lc) + [-float(len(e) + len(lc))]
    data = CensoredSample(np.array(groups_e), np.array(exact), np.array(groups_l), np.array(limits),
                          np.array(side), 12, np.array(weight))
    _fit_matches(data, expected, sigma0=0.5, mu_atol=1e-5)


def test_robust_mle_is_the_default_for_censored_deposits_and_sits_between_the_bounds():
    from core.estimation.mean_grade import MeanGradeEstimator
    rng = np.random.default_rng(12)
    values = np.exp(rng.normal(4.5, 0.5, (200, 30)))
    dl = np.quantile(values, 0.3)
    censored = values < dl
    data = np.where(censored, dl, values)
    fit = MeanGradeEstimator(level=0.8, random_state=0).fit(_groups(200, 30), data.ravel(), censored.ravel(), 200)
    assert (fit.estimator_ == "robust_mle").all()
    # The mean lies between its bounds with the censored values at 0 and at the limit.
    low, high = np.where(censored, 0.0, values).mean(axis=1), data.mean(axis=1)
    assert ((fit.mean_ >= low) & (fit.mean_ <= high)).all()
    assert ((fit.lo_ < fit.mean_) & (fit.mean_ < fit.hi_)).all()
    truth = np.exp(4.5 + 0.125)
    assert 0.7 <= ((fit.lo_ <= truth) & (fit.hi_ >= truth)).mean() <= 0.9
    assert "robust MLE" in fit.rationale()[0]


@pytest.mark.parametrize("family, normal_weight", [("normal", (0.35, 1.0)), ("lognormal", (0.0, 0.1))])
def test_robust_mle_tail_is_normal_only_where_the_detects_say_so(family, normal_weight):
    """Half censored, 150 samples: symmetric grades give the normal lower tail most of the
    weight and a smaller bias than a log-normal tail alone; log-normal grades almost none."""
    from core.estimation import robust_mle
    from core.estimation.mean_grade import MeanGradeEstimator
    rng = np.random.default_rng(21)
    k, n = 300, 150
    values = rng.normal(100, 30, (k, n)).clip(1.0) if family == "normal" else np.exp(rng.normal(4.5, 0.5, (k, n)))
    dl = np.median(values)
    censored = values < dl
    data = np.where(censored, dl, values).ravel()
    fit = MeanGradeEstimator(level=0.8, random_state=0).fit(_groups(k, n), data, censored.ravel(), k)
    weight = fit.mle_normal_weight_.mean()
    assert normal_weight[0] <= weight <= normal_weight[1], weight
    truth = values.mean(axis=1)
    bias = np.mean(fit.mean_ / truth - 1.0)
    if family == "normal":
        forced = robust_mle.MIN_NORMAL_DETECTS
        try:
            robust_mle.MIN_NORMAL_DETECTS = 10 ** 6  # no normal candidate: the log-normal tails only
            log_tail = robust_mle.robust_mle_mean(_groups(k, n), data, censored.ravel(), k)
        finally:
            robust_mle.MIN_NORMAL_DETECTS = forced
        assert not log_tail.normal_weight.any()
        assert abs(bias) < abs(np.mean(log_tail.mean / truth - 1.0)), bias
    else:
        assert abs(bias) < 0.01, bias


def test_robust_mle_window_weight_rises_with_a_richer_population_above_the_window(monkeypatch):
    """One log-normal population: the within-window log-normal gets little weight. A quarter of
    the samples from a 3x richer population: most weight, and a mean closer to the truth than
    the right-censored log-normal alone (whose tail widens to reach the rich samples)."""
    from core.estimation import robust_mle
    rng = np.random.default_rng(5)
    k, n = 400, 150
    single = np.exp(rng.normal(4.5, 0.25, (k, n)))
    rich = rng.random((k, n)) < 0.25
    mixed = np.exp(rng.normal(np.where(rich, 4.5 + np.log(3.0), 4.5), 0.25))
    results = {}
    for name, values in (("single", single), ("mixed", mixed)):
        dl = np.median(values)
        censored = values < dl
        data = np.where(censored, dl, values).ravel()
        results[name] = (robust_mle.robust_mle_mean(_groups(k, n), data, censored.ravel(), k), values.mean(axis=1))
    assert results["single"][0].window_weight.mean() < 0.3
    mixed_fit, truth = results["mixed"]
    assert mixed_fit.window_weight.mean() > 0.5
    bias = np.mean(mixed_fit.mean / truth - 1.0)
    # Ablation: the same deposits with the within-window candidate switched off.
    monkeypatch.setattr(robust_mle, "_window_weight", lambda s, *fits: np.zeros(s.size))
    censored = mixed < np.median(mixed)
    alone = robust_mle.robust_mle_mean(_groups(k, n), np.where(censored, np.median(mixed), mixed).ravel(),
                                       censored.ravel(), k)
    assert not alone.window_weight.any()
    assert abs(bias) < 0.5 * abs(np.mean(alone.mean / truth - 1.0)), bias


def test_robust_mle_rationale_gives_the_tail_weights():
    from core.estimation.mean_grade import MeanGradeEstimator
    rng = np.random.default_rng(3)
    values = rng.normal(100, 30, (50, 60)).clip(1.0)
    censored = values < 100
    fit = MeanGradeEstimator(level=0.8, random_state=0).fit(_groups(50, 60), np.where(censored, 100, values).ravel(),
                                                            censored.ravel(), 50)
    text = fit.rationale()[0]
    w = fit.mle_normal_weight_[0], fit.mle_window_weight_[0]
    assert f"a normal law ({round(100 * w[0])} %)" in text
    assert f"a log-normal ({round(100 * (1 - w[0]) * (1 - w[1]))} %)" in text


@pytest.mark.parametrize("sample, expected, reason", [
    (lambda rng: np.exp(rng.normal(5, 1.0, 200)), "lognormal", "lognormal"),
    (lambda rng: rng.normal(100, 15, 200), "arithmetic", "not_lognormal"),
    (lambda rng: rng.uniform(50, 150, 200), "arithmetic", "not_lognormal"),
    (lambda rng: np.exp(rng.normal(5, 1.0, 6)), "arithmetic", "few_to_test"),
])
def test_estimator_choice(sample, expected, reason):
    from core.estimation.mean_grade import MeanGradeEstimator
    values = sample(np.random.default_rng(3))
    fit = MeanGradeEstimator(random_state=0).fit(np.zeros(len(values), int), values, None, 1)
    assert fit.estimator_[0] == expected and fit.reason_[0] == reason
    assert fit.lo_[0] < fit.mean_[0] < fit.hi_[0]


def test_too_few_detects_fall_back_to_half_limit_in_original_units():
    from core.estimation.mean_grade import MeanGradeEstimator
    data = np.array([5.0, 5.0, 5.0, 80.0])
    censored = np.array([True, True, True, False])
    fit = MeanGradeEstimator().fit(np.zeros(4, int), data, censored, 1)
    assert fit.estimator_[0] == "substitution"
    assert fit.mean_[0] == pytest.approx((3 * 2.5 + 80) / 4)
    assert "too few detects" in fit.rationale()[0]


def test_arithmetic_interval_is_the_t_interval_and_draws_follow_it():
    from scipy import stats

    from core.estimation.mean_grade import MeanGradeEstimator
    values = np.random.default_rng(5).normal(200, 30, 15)
    fit = MeanGradeEstimator(level=0.8).fit(np.zeros(15, int), values, None, 1)
    lo, hi = stats.t.interval(0.8, 14, loc=values.mean(), scale=stats.sem(values))
    assert fit.estimator_[0] == "arithmetic"
    assert (fit.mean_[0], fit.lo_[0], fit.hi_[0]) == pytest.approx((values.mean(), lo, hi), rel=1e-9)
    draws = fit.draws(np.array([0]), 200_000, np.random.default_rng(1))[0]
    assert np.quantile(draws, [0.1, 0.9]) == pytest.approx([lo, hi], rel=2e-3)


def test_few_samples_take_the_pooled_relative_spread():
    from core.estimation.mean_grade import MeanGradeEstimator
    rng = np.random.default_rng(8)
    big = rng.normal(100, 20, (30, 20))
    values = np.concatenate([big.ravel(), [50.0, 60.0]])
    groups = np.concatenate([_groups(30, 20), [30, 30]])
    fit = MeanGradeEstimator(min_samples=5, iterations=0).fit(groups, values, None, 31)
    rel = big.var(axis=1, ddof=1) / big.mean(axis=1) ** 2
    assert fit.pooled_[30] and not fit.pooled_[:30].any()
    assert fit.se_[30] == pytest.approx(55.0 * np.sqrt(rel.mean() / 2), rel=1e-9)
    assert fit.dof_[30] == 30 * 19
    assert "pooled from 30 deposits" in fit.rationale()[30]


@pytest.mark.parametrize("family, n", [("normal", 20), ("normal", 50), ("lognormal", 30), ("lognormal", 100)])
def test_shapiro_francia_agrees_with_scipy_shapiro_wilk(family, n):
    from scipy import stats

    from core.estimation.normality import shapiro_francia
    rng = np.random.default_rng(n)
    draw = rng.normal(0, 1, (600, n)) if family == "normal" else np.exp(rng.normal(0, 0.6, (600, n)))
    _, p = shapiro_francia(_groups(600, n), draw.ravel(), 600)
    p_sw = np.array([stats.shapiro(row).pvalue for row in draw])
    rate, rate_sw = (p < 0.05).mean(), (p_sw < 0.05).mean()
    # Same decision rate (size about 5 % under normality; high power under log-normality).
    assert abs(rate - rate_sw) < 0.06
    if family == "normal":
        assert 0.02 < rate < 0.09
    else:
        assert rate > 0.5


def test_order_statistics_without_sorting_equal_sorted_draws():
    from core.estimation.mean_grade import MeanGradeEstimator
    rng = np.random.default_rng(9)
    values = np.concatenate([rng.normal(100, 30, 40 * 6), np.exp(rng.normal(4, 1, 300))])
    groups = np.concatenate([_groups(40, 6), np.full(300, 40)])
    censored = (values < 60) & (groups < 20)  # robust MLE for some, arithmetic and log-normal for others
    fit = MeanGradeEstimator(iterations=0).fit(groups, np.where(censored, 60.0, values), censored, 41)
    assert fit.estimator_[40] == "lognormal" and "robust_mle" in fit.estimator_[:20]
    kth = (99, 499, 899)
    draws, order_stats = fit.sample(np.arange(41), 1000, np.random.default_rng(2), kth)
    known = ~np.isnan(order_stats).any(axis=1)
    assert known[:40].all() and not known[40]  # t rows known; the log-normal row is not
    np.testing.assert_array_equal(order_stats[known], np.sort(draws[known], axis=1)[:, list(kth)])


def test_log_regression_pooling_takes_censored_values_as_below_the_limit():
    # The regression estimate pools ln grades; a censored value at the importer's DL/2 is an
    # outlier in log space. Censored at their limit instead, the ln mean and variance are
    # those of the true values (up to sampling error), and the substituted ones are not.
    from core.estimation.censored_mle import censored_moments
    rng = np.random.default_rng(13)
    ln = rng.normal(4.0, 0.5, (300, 30))
    limit = np.quantile(ln, 0.3)
    cens = ln < limit
    groups = _groups(300, 30)
    y = np.where(cens, np.log(np.exp(limit) / 2), ln).ravel()
    n, mean, var = censored_moments(groups, y, np.where(cens, limit, np.nan).ravel(), 300)
    _, sub_mean, sub_var = censored_moments(groups, y, np.full(y.size, np.nan), 300)
    assert (n == 30).all() and np.isfinite(mean).all()
    assert abs(np.mean(mean - ln.mean(axis=1))) < 0.01 and abs(np.mean(var) / 0.25 - 1) < 0.05
    assert np.mean(sub_mean - ln.mean(axis=1)) < -0.05 and np.mean(sub_var) / 0.25 > 1.15
