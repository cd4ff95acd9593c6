"""Proxy regression and deposit-level estimation (``trainmodel`` and ``estimate``).

Small composable pieces: ``transforms`` (log, ALR, CLR), ``training_data`` (target,
censoring, checks), ``methods`` (scikit-learn pipelines), ``grouping`` (grouped / spatial
CV), ``metrics``, ``conformal`` (intervals), ``fitting`` (train + CV + calibration),
``prediction`` (intervals + extrapolation flags), ``model_file`` (skops, trusted types),
``report`` (HTML), ``tonnage``, ``mass_balance``, ``lognormal_mean`` and
``deposit_estimates``.
"""
from .deposit_estimates import EstimateResult, EstimateSettings, LoadedModel, estimate_deposits, sample_columns_used
from .fitting import FORMAT_VERSION, ModelSpec, TrainedModel, train_model
from .methods import METHODS
from .model_file import TRUSTED_TYPES, load_model, save_model
from .prediction import predict_samples
from .report import write_report
from .transforms import TRANSFORMS

__all__ = [
    "FORMAT_VERSION", "METHODS", "TRANSFORMS", "TRUSTED_TYPES", "EstimateResult", "EstimateSettings",
    "LoadedModel", "ModelSpec", "TrainedModel", "estimate_deposits", "load_model", "predict_samples",
    "sample_columns_used", "save_model", "train_model", "write_report",
]
