"""The regression methods offered, as scikit-learn pipelines (scaling + estimator).

All run single-threaded (``n_jobs=1``): inside QGIS a process pool would re-launch the
QGIS binary (DESIGN.md, "Inside QGIS"). Hyper-parameters are fixed, conservative
defaults for a few hundred to a few thousand samples, recorded in the model file.
"""
from __future__ import annotations

from typing import Any

from sklearn.ensemble import GradientBoostingRegressor, RandomForestRegressor
from sklearn.gaussian_process import GaussianProcessRegressor
from sklearn.gaussian_process.kernels import RBF, ConstantKernel, WhiteKernel
from sklearn.linear_model import LinearRegression, Ridge
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

from ..errors import TailingsInputError

# The fitted methods, in order of cost at prediction time (cheapest first): ``auto``
# prefers the earlier of two candidates that score alike (core.estimation.selection).
CANDIDATES: tuple[str, ...] = ("ols", "ridge", "gradient_boosting", "random_forest", "gaussian_process")
AUTO = "auto"
# Order of the METHOD enum of trainmodel. ``auto`` is appended, so the numbers of the
# older choices (0 ols ... 4 gaussian_process) stay what scripts already pass.
METHODS: tuple[str, ...] = ("ols", "ridge", "random_forest", "gradient_boosting", "gaussian_process", AUTO)
METHOD_LABELS = {
    "ols": "ordinary least squares on logs",
    "ridge": "ridge regression on logs",
    "random_forest": "random forest",
    "gradient_boosting": "gradient boosting",
    "gaussian_process": "Gaussian process (RBF + white noise)",
    AUTO: "best of the candidate methods by grouped CV",
}
# A GP fit is O(n³) in memory and time; beyond this it stalls a desktop session.
GAUSSIAN_PROCESS_MAX_SAMPLES = 3000


def make_pipeline(method: str, n_predictors: int, seed: int) -> Pipeline:
    if method == "ols":
        model: Any = LinearRegression()
    elif method == "ridge":
        model = Ridge(alpha=1.0)
    elif method == "random_forest":
        model = RandomForestRegressor(n_estimators=200, min_samples_leaf=3, max_features=1.0,
                                      n_jobs=1, random_state=seed)
    elif method == "gradient_boosting":
        # 150 steps of 0.1 rather than 300 of 0.05: the same fit on the laterite test data
        # (grouped R² 0.870 vs 0.871) at half the cost, which METHOD=auto pays on every run.
        model = GradientBoostingRegressor(n_estimators=150, learning_rate=0.1, max_depth=3,
                                          subsample=0.8, random_state=seed)
    elif method == "gaussian_process":
        # Anisotropic RBF (one length scale per predictor) plus white noise for the nugget.
        kernel = (ConstantKernel(1.0, (1e-3, 1e3)) * RBF([1.0] * n_predictors, (1e-2, 1e3))
                  + WhiteKernel(0.1, (1e-4, 10.0)))
        model = GaussianProcessRegressor(kernel=kernel, normalize_y=True, n_restarts_optimizer=0,
                                         random_state=seed)
    else:
        raise TailingsInputError("Unknown method {0!r}; use one of {1}", method, ", ".join(CANDIDATES), value=method)
    return Pipeline([("scale", StandardScaler()), ("model", model)])


def check_size(method: str, n_samples: int) -> None:
    if method == "gaussian_process" and n_samples > GAUSSIAN_PROCESS_MAX_SAMPLES:
        raise TailingsInputError(
            "{0} samples is too many for a Gaussian process (limit {1}, its cost grows with n³); use random_forest or "
            "gradient_boosting", n_samples, GAUSSIAN_PROCESS_MAX_SAMPLES, value=n_samples)


def json_params(pipeline: Pipeline) -> dict[str, Any]:
    """The estimator's hyper-parameters as JSON-safe values (kernels as their repr)."""
    params = pipeline.named_steps["model"].get_params(deep=False)
    out: dict[str, Any] = {}
    for key, value in params.items():
        out[key] = value if value is None or isinstance(value, (bool, int, float, str)) else repr(value)
    return out
