"""METHOD=auto: candidates on the same grouped folds, honest CV figures, bounded cost.

The real-data check uses CSIRO-AGE laterite geochemistry (test/data/real/SOURCES.md):
trainmodel with its defaults must come within 0.01 of the best plain scikit-learn
baseline's grouped-CV R² on the same folds.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from estimation_support import frame_to_layer, make_samples
from sklearn.ensemble import GradientBoostingRegressor, RandomForestRegressor
from sklearn.linear_model import LinearRegression
from sklearn.model_selection import GroupKFold

from core.estimation.fitting import ModelSpec, train_model
from core.estimation.model_file import load_model
from core.estimation.selection import MAX_EVALUATION_ROWS, MAX_NONLINEAR_FIT_ROWS

REAL = Path(__file__).parent / "data" / "real" / "csiro_age_laterite_co.csv"
REAL_PREDICTORS = ["fe2o3_pct", "mn_ppm", "cu_ppm", "zn_ppm", "ni_ppm", "cr_ppm"]
CELL_DEGREES = 0.5  # CV groups: 0.5° cells (about 50 km), so neighbouring samples are held out together
TOLERANCE = 0.01    # issue 11, point 5: within 0.01 of the best baseline


def laterite_samples() -> pd.DataFrame:
    raw = pd.read_csv(REAL)
    cell = (np.floor(raw["LATITUDE"] / CELL_DEGREES).astype(int).astype(str) + "_"
            + np.floor(raw["LONGITUDE"] / CELL_DEGREES).astype(int).astype(str))
    return pd.DataFrame({
        "sample_id": raw["SampNo"], "cell": cell, "co_ppm": raw["Co_ppm"], "fe2o3_pct": raw["Fe2O3"],
        "mn_ppm": raw["Mn_ppm"], "cu_ppm": raw["Cu_ppm"], "zn_ppm": raw["Zn_ppm"],
        "ni_ppm": raw["Ni_ppm"], "cr_ppm": raw["Cr_ppm"]})


def pooled_r2(y: np.ndarray, pred: np.ndarray) -> float:
    return 1.0 - np.sum((y - pred) ** 2) / np.sum((y - y.mean()) ** 2)


def baseline_scores(frame: pd.DataFrame, groups: np.ndarray) -> dict[str, float]:
    """Default scikit-learn models on ln predictors, GroupKFold(5) by ``groups``: pooled OOF R²."""
    X = np.log(frame[REAL_PREDICTORS].to_numpy(dtype=float))
    y = np.log(frame["co_ppm"].to_numpy(dtype=float))
    splits = list(GroupKFold(n_splits=5).split(X, y, groups))
    scores = {}
    for name, estimator in (("ols", LinearRegression()),
                            ("random_forest", RandomForestRegressor(random_state=0, n_jobs=1)),
                            ("gradient_boosting", GradientBoostingRegressor(random_state=0))):
        oof = np.full(len(y), np.nan)
        for train, test in splits:
            oof[test] = estimator.fit(X[train], y[train]).predict(X[test])
        scores[name] = pooled_r2(y, oof)
    return scores


def test_trainmodel_defaults_match_best_baseline_on_real_geochemistry(tailings_provider, tmp_path):
    import processing

    frame = laterite_samples()
    baselines = baseline_scores(frame, frame["cell"].to_numpy())
    best = max(baselines.values())
    # The premise of the issue holds on this data: least squares trails the tree baselines.
    assert baselines["ols"] < best - TOLERANCE
    result = processing.run("tailingsunfc:trainmodel", {
        "INPUT": frame_to_layer(frame, "laterite"), "TARGET": "co", "PREDICTORS": REAL_PREDICTORS,
        "GROUP_FIELD": "cell", "OUTPUT_MODEL": str(tmp_path / "co.skops"),
        "OUTPUT_REPORT": str(tmp_path / "co.html")})
    assert result["N_SAMPLES"] == len(frame)
    assert result["CV_R2"] >= best - TOLERANCE, (result["CV_R2"], baselines)
    _, metadata = load_model(result["OUTPUT_MODEL"])
    assert metadata["method_requested"] == "auto" and metadata["method"] != "ols"
    selection = metadata["selection"]
    assert selection["n_rows"] == min(len(frame), MAX_EVALUATION_ROWS)
    compared = {c["method"]: c for c in selection["candidates"] if "r2_log" in c}
    assert {"ols", "ridge", "random_forest", "gradient_boosting"} <= set(compared)
    assert metadata["cv"]["grouped"]["r2_log"] == pytest.approx(result["CV_R2"], abs=1e-12)
    assert result["CV_R2_FOLD_MEAN"] == pytest.approx(metadata["cv"]["fold_r2_mean"])
    assert 0 < result["CV_R2_FOLD_SD"] < 1
    report = Path(result["OUTPUT_REPORT"]).read_text(encoding="utf-8")
    assert "Method selection (METHOD=auto)" in report and "pooled out-of-fold" in report
    for method in compared:
        assert f"{compared[method]['r2_log']:.3f}" in report


@pytest.fixture(scope="module")
def linear_samples():
    return make_samples(n_deposits=12, per_deposit=40, seed=11).samples


def test_auto_keeps_least_squares_when_the_law_is_log_linear(linear_samples):
    auto = train_model(linear_samples, ModelSpec("co", ["s_ppm", "fe2o3_pct"], method="auto"))
    ols = train_model(linear_samples, ModelSpec("co", ["s_ppm", "fe2o3_pct"], method="ols"))
    selection = auto.metadata["selection"]
    scores = {c["method"]: c["r2_log"] for c in selection["candidates"] if "r2_log" in c}
    assert set(scores) == {"ols", "ridge", "gradient_boosting"}
    # Boosting finds no curve, so the dearer forest and Gaussian process are not fitted.
    skipped = {c["method"]: c["status"] for c in selection["candidates"] if "r2_log" not in c}
    assert set(skipped) == {"random_forest", "gaussian_process"}
    assert all("gradient boosting gained nothing" in status for status in skipped.values())
    assert auto.metadata["method"] in ("ols", "ridge")
    assert max(scores.values()) - auto.cv_r2 <= selection["tolerance"] + 1e-12
    assert scores["ols"] == pytest.approx(ols.cv_r2, abs=1e-12)  # the same folds as a plain ols fit
    assert [c["status"] for c in selection["candidates"]].count("selected") == 1


def test_fold_mean_and_sd_are_those_of_the_per_fold_r2(linear_samples):
    model = train_model(linear_samples, ModelSpec("co", ["s_ppm", "fe2o3_pct"], method="ridge"))
    y, pred = model.training.y, model.oof_pred
    per_fold = [pooled_r2(y[model.fold_of == k], pred[model.fold_of == k]) for k in np.unique(model.fold_of)]
    assert model.cv_r2_fold_mean == pytest.approx(np.mean(per_fold), abs=1e-12)
    assert model.cv_r2_fold_sd == pytest.approx(np.std(per_fold, ddof=1), abs=1e-12)
    assert model.cv_r2 == pytest.approx(pooled_r2(y, pred), abs=1e-12)


def test_large_training_set_compares_on_a_bounded_seeded_sample():
    big = make_samples(n_deposits=30, per_deposit=50, seed=5).samples  # 1500 rows
    a = train_model(big, ModelSpec("co", ["s_ppm", "fe2o3_pct"], method="auto", seed=3))
    b = train_model(big, ModelSpec("co", ["s_ppm", "fe2o3_pct"], method="auto", seed=3))
    selection = a.metadata["selection"]
    assert selection["subsampled"] and selection["n_rows"] == MAX_EVALUATION_ROWS
    assert selection["n_available"] == len(big)
    assert selection == b.metadata["selection"]
    # A linear winner is refitted on every row.
    assert a.metadata["method"] in ("ols", "ridge") and a.metadata["n_samples"] == len(big)
    assert any("compared on a seeded sample" in note for note in a.notes)


def test_non_linear_winner_is_fitted_on_a_bounded_sample():
    rng = np.random.default_rng(2)
    frame = make_samples(n_deposits=60, per_deposit=100, seed=2).samples  # 6000 rows
    # A step in ln S that no straight line follows: a tree method must win.
    step = np.where(np.log(frame["s_ppm"]) > np.log(20_000.0), 2.0, 0.0)
    frame["co_ppm"] = np.exp(3.0 + step + rng.normal(0, 0.2, len(frame)))
    model = train_model(frame, ModelSpec("co", ["s_ppm", "fe2o3_pct"], method="auto", cv_folds=3))
    assert model.metadata["method"] in ("gradient_boosting", "random_forest")
    assert model.metadata["n_samples"] == MAX_NONLINEAR_FIT_ROWS == len(model.training.y)
    assert model.metadata["data_counts"]["used for fitting"] == MAX_NONLINEAR_FIT_ROWS
    assert any(f"fitted on a seeded sample of {MAX_NONLINEAR_FIT_ROWS}" in note for note in model.notes)
    selection = model.metadata["selection"]
    assert selection["n_rows"] == MAX_EVALUATION_ROWS and selection["n_available"] == len(frame)
    compared = {c["method"] for c in selection["candidates"] if "r2_log" in c}
    assert compared == {"ols", "ridge", "gradient_boosting", "random_forest"}
    assert model.cv_r2 > max(c["r2_log"] for c in selection["candidates"] if c["method"] in ("ols", "ridge"))


def test_fit_report_draws_a_bounded_sample_of_a_large_training_set(monkeypatch):
    """The scatter plots of a national training set draw a seeded sample, and say so."""
    from core.estimation import report

    monkeypatch.setattr(report, "MAX_PLOTTED_POINTS", 500)
    big = make_samples(n_deposits=30, per_deposit=50, seed=5).samples  # 1500 rows
    model = train_model(big, ModelSpec("co", ["s_ppm", "fe2o3_pct"], method="ols", seed=3))
    html = report.render_html(model)
    assert html.count(f"500 of {len(big):,} points drawn") == 1
    rows = report.plotted_rows(len(big))
    assert len(rows) == 500 and len(np.unique(rows)) == 500
    assert np.array_equal(rows, report.plotted_rows(len(big)))  # seeded: the same plot every run
    small = train_model(big.iloc[:400], ModelSpec("co", ["s_ppm", "fe2o3_pct"], method="ols", seed=3))
    assert "points drawn" not in report.render_html(small)


def test_fit_report_headings_go_through_the_translator():
    """The algorithms pass Qt's translator; every heading of the report goes through it."""
    from core.estimation import report

    model = train_model(make_samples(n_deposits=12, per_deposit=20, seed=2).samples,
                        ModelSpec("co", ["s_ppm", "fe2o3_pct"], method="auto", seed=3))
    asked: list[str] = []

    def tr(text: str) -> str:
        asked.append(text)
        return f"«{text}»"

    html = report.render_html(model, tr)
    for heading in ("Cross-validation", "Per fold", "Residuals", "Feature importance", "Data summary", "Notes",
                    "Reproducibility", "Method selection (METHOD=auto)"):
        assert f"«{heading}»" in html
    assert f"<h1>«Model for {model.metadata['target_column']}: " in html  # placeholders filled after translation
    assert "Tailings UNFC model report" in asked[-1]
    assert "«Cross-validation»" not in report.render_html(model)  # English without a translator
