"""F axis: technical feasibility and maturity (project status, technology, setting).

Precedence: expert override > CRIRSCO/PERC bridge > rules.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..message import Message
from ..schema import COMMODITIES
from .facts import Coded
from .inputs import Bridge, Codes, Override, Setting, lookup, raw_text_coded, text_column
from .messages import F_REASONS
from .rules import Rules


@dataclass(frozen=True)
class FAxis:
    index: np.ndarray        # (dep, com) F code index
    reason: np.ndarray       # (dep, com) index into F_REASONS
    tech: np.ndarray         # (com,) technology maturity 1..3 (F4.1..F4.3) from the rules
    status: Coded            # project_status as written


def classify_f(frame: pd.DataFrame, rules: Rules, codes: Codes, setting: Setting, level: np.ndarray,
               bridge: Bridge, override: Override) -> FAxis:
    status_norm = text_column(frame, "project_status")
    status_f = lookup(status_norm, {k: codes[v] for k, v in rules.project_status.items()}, "project_status",
                      frame, Message("add it to [f.project_status] in the rules file"),
                      missing=codes["F4"]).astype(np.int64)
    no_status = (status_norm == "")[:, None]
    status_cat = codes.category[status_f]
    no_project = (status_cat == codes["F4"])[:, None]

    tech_base = np.array([rules.technology[c] for c in COMMODITIES])
    tech = np.minimum(tech_base[None, :] + setting.steps[:, None], 3)
    tech_f = np.array([-1, codes["F4.1"], codes["F4.2"], codes["F4.3"]])[tech]
    # A project needs a demonstrated process for the commodity; the setting only lowers the F4
    # sub-category of quantities without a project (its bar on a project is the E threshold factor).
    tech_blocks = np.broadcast_to(tech_base[None, :] > rules.min_technology_for_project, tech.shape)
    project_f12 = np.isin(status_cat, [codes["F1"], codes["F2"]])[:, None]

    index = np.where(no_project | tech_blocks, tech_f, status_f[:, None])
    reason = np.select([no_project & no_status, no_project, tech_blocks],
                       [F_REASONS.index("f_no_status"), F_REASONS.index("f_no_project"),
                        F_REASONS.index("f_tech_block")], F_REASONS.index("f_status"))
    # A potential source (G4) with project activity is at the stage of studies (F3).
    potential = (level == 4) & project_f12 & ~tech_blocks
    index = np.where(potential, codes[rules.potential_source_f], index)
    reason = np.where(potential, F_REASONS.index("f_potential"), reason)

    # The bridge gives F at category level; the project status refines it when it lies inside.
    refines = bridge.given & (status_cat == bridge.f)
    bridged = np.where(refines, status_f, bridge.f)[:, None]
    index = np.where(bridge.given[:, None], bridged, index)
    reason = np.where(bridge.given[:, None],
                      np.where(refines, F_REASONS.index("f_bridge"), F_REASONS.index("f_bridge_open"))[:, None],
                      reason)
    index = np.where(override.given[:, None], override.index[:, None], index)
    reason = np.where(override.given[:, None], F_REASONS.index("f_override"), reason)
    return FAxis(index, reason, tech_base, raw_text_coded(frame, "project_status"))
