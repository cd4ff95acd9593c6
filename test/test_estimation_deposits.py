"""Deposit-level estimates: methods, intervals, reconciliation, and bad deposit input."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from estimation_support import make_deposits, make_samples

from core.errors import TailingsInputError
from core.estimation.deposit_estimates import EstimateSettings, LoadedModel, estimate_deposits
from core.estimation.fitting import ModelSpec, train_model
from core.estimation.mass_balance import tailings_grade
from core.estimation.tonnage import TonnageRanges
from core.schema import COMMODITIES, commodity_fields

EXACT = EstimateSettings(tonnage=TonnageRanges(recorded_rel=0.0), iterations=4000)


@pytest.fixture(scope="module")
def world():
    syn = make_samples(n_deposits=10, per_deposit=30, seed=11)
    samples = syn.samples.copy()
    samples["cu_ppm"] = np.exp(np.log(800) + np.random.default_rng(3).normal(0, 0.5, len(samples)))
    # DEP-000: only 3 samples; DEP-001: co lacking on most samples (pXRF-only), so regression.
    samples = samples[~((samples["deposit_id"] == "DEP-000") & (samples.groupby("deposit_id").cumcount() >= 3))]
    pxrf_only = (samples["deposit_id"] == "DEP-001") & (samples.groupby("deposit_id").cumcount() >= 2)
    samples.loc[pxrf_only, "co_ppm"] = np.nan
    ids = [f"DEP-{i:03d}" for i in range(10)] + ["EMPTY-A", "EMPTY-B", "MILL-C"]
    deposits = make_deposits(ids)
    deposits["cu_head_ppm"] = np.where(deposits["deposit_id"] == "MILL-C", 12_000.0, np.nan)
    deposits["cu_recovery"] = np.where(deposits["deposit_id"] == "MILL-C", 0.9, np.nan)
    model = train_model(samples, ModelSpec("co", ["s_ppm", "fe2o3_pct"]))
    return samples, deposits, {"co": LoadedModel(model.pipeline, model.metadata)}


def test_all_fields_and_methods(world):
    samples, deposits, models = world
    out = estimate_deposits(deposits, samples, models, EstimateSettings()).frame
    for c in COMMODITIES:
        assert {f.name for f in commodity_fields(c)} <= set(out.columns)
    assert len(out) == len(deposits)
    by_id = out.set_index("deposit_id")
    assert by_id.loc["DEP-005", "co_method"] == "measured" and by_id.loc["DEP-005", "co_n"] == 30
    assert by_id.loc["DEP-001", "co_method"] == "regression" and by_id.loc["DEP-001", "co_n"] == 30
    assert by_id.loc["DEP-000", "co_method"] == "measured" and by_id.loc["DEP-000", "co_n"] == 3
    assert "only 3 samples" in by_id.loc["DEP-000", "estimate_warning"]
    assert by_id.loc["EMPTY-A", "co_method"] == "analogue" and by_id.loc["EMPTY-A", "co_n"] == 0
    assert "analogue" in by_id.loc["EMPTY-A", "estimate_warning"]
    assert by_id.loc["MILL-C", "cu_method"] == "analogue"
    assert "mass balance" in by_id.loc["MILL-C", "estimate_basis"]
    # zn was never analysed and no deposit has mill records for it.
    assert (out["zn_method"] == "none").all() and out["zn_ppm"].isna().all()
    for c in ("co", "cu"):
        ok = out[f"{c}_method"] != "none"
        assert (out.loc[ok, f"{c}_ppm_lo"] < out.loc[ok, f"{c}_ppm"]).all()
        assert (out.loc[ok, f"{c}_ppm"] < out.loc[ok, f"{c}_ppm_hi"]).all()
        assert (out.loc[ok, f"{c}_t_lo"] < out.loc[ok, f"{c}_t_hi"]).all()


def test_measured_mean_is_the_lognormal_mean(world):
    samples, deposits, _ = world
    out = estimate_deposits(deposits, samples, {}, EXACT).frame.set_index("deposit_id")
    # The synthetic grades are log-normal (make_samples): the test must say so for DEP-004.
    assert out.loc["DEP-004", "co_estimator"] == "lognormal"
    ln = np.log(samples.loc[samples["deposit_id"] == "DEP-004", "co_ppm"])
    expected = np.exp(ln.mean() + ln.var(ddof=1) / 2)
    n = len(ln)
    # The P50 of the pivotal distribution sits within a small fraction of a standard error
    # of exp(m + s²/2); the SE of ln(mean) is about s·sqrt(1/n + s²/(2(n−1))).
    se = np.sqrt(ln.var(ddof=1) / n + ln.var(ddof=1) ** 2 / (2 * (n - 1)))
    assert abs(np.log(out.loc["DEP-004", "co_ppm"]) - np.log(expected)) < 0.25 * se
    assert out.loc["DEP-004", "co_ppm_lo"] < expected < out.loc["DEP-004", "co_ppm_hi"]


def test_contained_metal_reconciles_with_grade_and_tonnage(world):
    samples, deposits, models = world
    out = estimate_deposits(deposits, samples, models, EXACT).frame
    for c in ("co", "cu"):
        ok = out[f"{c}_method"] != "none"
        # Exact tonnage: contained metal percentiles are tonnage × grade percentiles (ppm → t: 1e-6).
        expected = out.loc[ok, "tonnage_t"] * out.loc[ok, f"{c}_ppm"] * 1e-6
        assert np.allclose(out.loc[ok, f"{c}_t"], expected, rtol=1e-9)
        assert np.allclose(out.loc[ok, f"{c}_t_lo"], out.loc[ok, "tonnage_t"] * out.loc[ok, f"{c}_ppm_lo"] * 1e-6)
        # Column totals equal the sum of what the rows say (nothing dropped, no NaN hidden).
        per_row = out.loc[ok, "tonnage_t"].to_numpy() * out.loc[ok, f"{c}_ppm"].to_numpy() * 1e-6
        assert out[f"{c}_t"].sum() == pytest.approx(per_row.sum(), rel=1e-9)


def test_tonnage_uncertainty_widens_metal_interval(world):
    samples, deposits, models = world
    exact = estimate_deposits(deposits, samples, models, EXACT).frame
    default = estimate_deposits(deposits, samples, models, EstimateSettings(iterations=4000)).frame
    ratio_exact = exact["co_t_hi"] / exact["co_t_lo"]
    ratio_default = default["co_t_hi"] / default["co_t_lo"]
    assert (ratio_default > ratio_exact).all()
    assert (default["tonnage_t_lo"] < default["tonnage_t"]).all()


def test_tonnage_sources_and_bad_tonnage(world):
    samples, deposits, _ = world
    dep = deposits.copy()
    dep.loc[0, "tonnage_t"] = 0.0
    dep.loc[0, ["volume_m3", "density_t_m3"]] = np.nan
    dep.loc[1, "tonnage_t"] = -50.0
    dep.loc[1, "tonnage_source"] = "recorded"
    dep.loc[2, ["tonnage_t", "tonnage_source"]] = [np.nan, "volume_x_density"]
    dep.loc[3, ["tonnage_t", "density_t_m3", "tonnage_source"]] = [np.nan, np.nan, "volume_x_default_density"]
    out = estimate_deposits(dep, samples, {}, EstimateSettings()).frame
    assert "tonnage_t = 0.0 is not a positive number (deposit DEP-000)" in out.loc[0, "estimate_warning"]
    assert np.isnan(out.loc[0, "co_t"]) and np.isfinite(out.loc[0, "co_ppm"])
    assert "tonnage_t = -50.0" in out.loc[1, "estimate_warning"]
    # Row 1 still has volume and density, so the tonnage falls back to them, and says so.
    assert "used 'volume_x_density'" in out.loc[1, "estimate_warning"]
    v = dep.loc[2, "volume_m3"]
    assert v * 1.6 * 0.85 < out.loc[2, "tonnage_t_p50"] < v * 1.6 * 1.15
    assert out.loc[3, "tonnage_t_lo"] >= v * 1.4 * 0.9 and out.loc[3, "tonnage_t_hi"] <= v * 1.9 * 1.1
    width = (out["tonnage_t_hi"] - out["tonnage_t_lo"]) / out["tonnage_t_p50"]
    assert width[3] > width[2] > width[5]  # default density > measured density > recorded


def test_mass_balance_formula():
    # c ≫ f gives f(1 − R); with c = 10 f and R = 0.9: t = f·0.1 / (1 − 0.09) (two-product formula).
    assert tailings_grade(np.array([1000.0]), np.array([0.9]))[0] == pytest.approx(100.0)
    assert tailings_grade(np.array([1000.0]), np.array([0.9]), np.array([10_000.0]))[0] == \
        pytest.approx(100.0 / 0.91)


def test_mass_balance_estimate_centred_on_formula(world):
    samples, deposits, _ = world
    out = estimate_deposits(deposits, samples, {}, EstimateSettings(iterations=20_000)).frame.set_index("deposit_id")
    assert out.loc["MILL-C", "cu_ppm"] == pytest.approx(12_000 * 0.1, rel=0.1)


def test_deterministic_for_a_seed(world):
    samples, deposits, models = world
    a = estimate_deposits(deposits, samples, models, EstimateSettings(seed=5)).frame
    b = estimate_deposits(deposits, samples, models, EstimateSettings(seed=5)).frame
    c = estimate_deposits(deposits, samples, models, EstimateSettings(seed=6)).frame
    pd.testing.assert_frame_equal(a, b)
    assert not np.allclose(a["co_t"], c["co_t"])


def test_min_samples_is_configurable(world):
    samples, deposits, _ = world
    out = estimate_deposits(deposits, samples, {}, EstimateSettings(min_samples=2)).frame.set_index("deposit_id")
    assert pd.isna(out.loc["DEP-000", "estimate_warning"]) or "only 3" not in out.loc["DEP-000", "estimate_warning"]


def test_bad_deposit_and_model_input(world):
    samples, deposits, models = world
    with pytest.raises(TailingsInputError, match="unique"):
        estimate_deposits(pd.concat([deposits, deposits.head(1)]), samples, {})
    with pytest.raises(TailingsInputError, match="missing in the sample table: fe2o3_pct"):
        estimate_deposits(deposits, samples.drop(columns=["fe2o3_pct"]), models)
    with pytest.raises(TailingsInputError, match="no deposit_id"):
        estimate_deposits(deposits, samples.drop(columns=["deposit_id"]), {})


def test_unlinked_samples_are_counted(world):
    samples, deposits, _ = world
    extra = samples.head(4).assign(deposit_id=[None, None, "NOPE", "NOPE"])
    result = estimate_deposits(deposits, pd.concat([samples, extra], ignore_index=True), {})
    assert "+ 2 unlinked + 2 with a deposit_id not in the deposit layer" in result.messages[0]


def test_proxy_files_are_predicted_not_measured(world):
    samples, deposits, models = world
    proxy = samples[samples["deposit_id"] == "DEP-007"].assign(
        sample_id=lambda f: f["sample_id"] + "-PX", src_file="pxrf.csv", co_ppm=1.0)
    lab_only = samples[~((samples["deposit_id"] == "DEP-007") & (samples.groupby("deposit_id").cumcount() >= 2))]
    both = pd.concat([lab_only, proxy], ignore_index=True)
    plain = estimate_deposits(deposits, both, models, EstimateSettings()).frame.set_index("deposit_id")
    proxied = estimate_deposits(deposits, both, models,
                                EstimateSettings(proxy_files=("pxrf.csv",))).frame.set_index("deposit_id")
    # Taken at face value the absurd pXRF readings (1 ppm) drag the mean down; as proxies they are predicted.
    lab_mean = lab_only.loc[lab_only["deposit_id"] == "DEP-007", "co_ppm"].mean()
    assert plain.loc["DEP-007", "co_method"] == "measured" and plain.loc["DEP-007", "co_ppm"] < 0.2 * lab_mean
    assert proxied.loc["DEP-007", "co_method"] == "regression" and proxied.loc["DEP-007", "co_n"] == 32
    assert proxied.loc["DEP-007", "co_ppm_lo"] > 1000
    # cu has no model: pXRF cu stays measured.
    assert proxied.loc["DEP-007", "cu_n"] == 32


def test_chunked_monte_carlo_matches_unchunked(world):
    samples, deposits, models = world
    whole = estimate_deposits(deposits, samples, models, EstimateSettings(iterations=4000)).frame
    chunked = estimate_deposits(deposits, samples, models,
                                EstimateSettings(iterations=4000, chunk_deposits=4)).frame
    for c in ("co", "cu"):
        assert (whole[f"{c}_method"] == chunked[f"{c}_method"]).all()
        ok = whole[f"{c}_method"] != "none"
        # Different random streams per chunk: equal up to Monte Carlo error (a few % at 4000 draws).
        assert np.allclose(whole.loc[ok, f"{c}_t"], chunked.loc[ok, f"{c}_t"], rtol=0.05)


def test_censored_value_is_not_an_outlier_in_log_space():
    # DOMAIN.md §4: one `<5` among 60-390 ppm made the old log-normal mean about 1.8x the
    # samples' own mean. Now: robust MLE, the mean between its bounds at ND = 0 and ND = DL.
    detects = np.array([60.0, 85, 110, 130, 150, 170, 200, 230, 260, 300, 390])
    co = np.concatenate([detects, [2.5]])  # the importer's DL/2 substitute
    samples = pd.DataFrame({"sample_id": [f"S{i}" for i in range(12)], "deposit_id": "D1", "co_ppm": co,
                            "co_flag": [None] * 11 + ["censored"], "co_dl": [np.nan] * 11 + [5.0]})
    deposits = make_deposits(["D1"])
    out = estimate_deposits(deposits, samples, {}, EXACT).frame.iloc[0]
    low, high = detects.sum() / 12, (detects.sum() + 5.0) / 12
    assert out["co_estimator"] == "robust_mle" and out["co_n_censored"] == 1 and out["co_n"] == 12
    assert low * 0.98 < out["co_ppm"] < high * 1.02
    assert out["co_ppm_lo"] < low and out["co_ppm_hi"] > high
    assert "robust MLE" in out["estimate_basis"] and "1 censored of 12" in out["estimate_basis"]


@pytest.mark.parametrize("ln_sd, n, expected", [(1.0, 80, "lognormal"), (0.05, 80, "arithmetic")])
def test_estimator_recorded_and_explained_per_deposit(ln_sd, n, expected):
    rng = np.random.default_rng(4)
    samples = pd.DataFrame({"sample_id": [f"S{i}" for i in range(n)], "deposit_id": "D1",
                            "co_ppm": np.exp(rng.normal(5, ln_sd, n))})
    out = estimate_deposits(make_deposits(["D1"]), samples, {}, EXACT).frame.iloc[0]
    assert out["co_method"] == "measured" and out["co_estimator"] == expected and out["co_n_censored"] == 0
    assert ("log-normal mean" in out["estimate_basis"]) == (expected == "lognormal")
    if expected == "arithmetic":
        mean, se = samples["co_ppm"].mean(), samples["co_ppm"].std() / np.sqrt(n)
        assert out["co_ppm"] == pytest.approx(mean, abs=0.05 * se)


def test_the_columns_said_to_be_read_are_all_that_is_read(world):
    """The pipeline drops every sample column but sample_columns_used(models) before the
    estimates: with only those columns (proxy files, flags and limits included) the result
    is the same, so a new column read by the estimates cannot go missing there unnoticed."""
    from core.estimation import sample_columns_used

    samples, deposits, models = world
    samples = samples.assign(src_file=np.where(samples["deposit_id"] == "DEP-002", "pxrf.csv", "lab.xlsx"),
                             x=1.0, y=2.0, link_method="id", sample_kind="sample")
    settings = EstimateSettings(proxy_files=("pxrf.csv",))
    kept = [c for c in samples.columns if c in set(sample_columns_used(models))]
    assert {"deposit_id", "co_ppm", "s_ppm", "fe2o3_pct", "src_file"} <= set(kept) < set(samples.columns)
    full = estimate_deposits(deposits, samples, models, settings).frame
    reduced = estimate_deposits(deposits, samples[kept], models, settings).frame
    pd.testing.assert_frame_equal(full, reduced)
