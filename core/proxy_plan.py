"""Which proxy models the one-shot pipeline trains, decided from the imported samples.

Geochemists calibrate lab-only elements (Co, REE by ICP-MS) on cheap proxies that both lab
and field (pXRF) samples carry, then predict the element for proxy-only samples
(DOMAIN.md §4). The plan picks, per target, the proxies present in nearly all rows that
have the target and in nearly all rows that lack it, so a fitted model can be applied.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .message import Message

# Expensive lab elements worth predicting, and the cheap pXRF-type proxies, in order of
# geochemical relevance (Co pyrite-hosted: S, Fe; REE phosphate-hosted: P, Ca).
DEFAULT_TARGETS: tuple[str, ...] = ("co", "tree")
DEFAULT_PROXIES: tuple[str, ...] = ("s", "fe", "p", "ca", "mn", "cu", "zn")
MIN_TRAINING_ROWS = 30
MIN_PROXY_COVERAGE = 0.9


@dataclass(frozen=True)
class ProxyModelPlan:
    target: str                   # element code, e.g. "co"
    target_field: str             # e.g. "co_ppm"
    predictors: tuple[str, ...]   # fields, e.g. ("s_ppm", "fe_ppm")
    n_training: int
    n_to_predict: int


def _usable(samples: pd.DataFrame, field: str) -> pd.Series:
    values = pd.to_numeric(samples[field], errors="coerce")
    ok = values.notna() & (values > 0)
    flag = f"{field.removesuffix('_ppm')}_flag"
    if flag in samples.columns:  # censored values are usable as substituted; others are not
        ok &= samples[flag].isna() | (samples[flag] == "censored")
    return ok


def plan_proxy_models(samples: pd.DataFrame, targets: tuple[str, ...] = DEFAULT_TARGETS,
                      proxies: tuple[str, ...] = DEFAULT_PROXIES) -> tuple[list[ProxyModelPlan], list[str]]:
    """Plans for the targets worth a model, and one sentence per target that is not."""
    plans: list[ProxyModelPlan] = []
    skipped: list[str] = []
    for target in targets:
        field = f"{target}_ppm"
        if field not in samples.columns:
            skipped.append(Message("{0}: no {1} column in the samples", target, field))
            continue
        has_target = _usable(samples, field)
        lacks_target = ~has_target
        predictors = tuple(
            f"{p}_ppm" for p in proxies
            if p != target and f"{p}_ppm" in samples.columns
            and _usable(samples, f"{p}_ppm")[has_target].mean() >= MIN_PROXY_COVERAGE
            and (lacks_target.sum() == 0
                 or _usable(samples, f"{p}_ppm")[lacks_target].mean() >= MIN_PROXY_COVERAGE)
        )
        n_train, n_predict = int(has_target.sum()), int(lacks_target.sum())
        if not predictors:
            skipped.append(Message("{0}: no proxy is measured on both the lab and the proxy-only samples", target))
        elif n_train < MIN_TRAINING_ROWS:
            skipped.append(Message("{0}: only {1} samples with a usable {2} (need {3})", target, n_train, field,
                                   MIN_TRAINING_ROWS))
        elif n_predict == 0:
            skipped.append(Message("{0}: every sample has a measured {1}; no model needed", target, field))
        else:
            plans.append(ProxyModelPlan(target, field, predictors, n_train, n_predict))
    return plans, skipped
