"""The typed facts the engine hands to the rationale: one object, per-deposit arrays.

Every array is aligned with the deposits and describes the deposit's **headline commodity**
(the engine selects it); text columns travel as :class:`Coded` (integer codes into a small
label table) so that the rationale groups on integers and looks text up only for distinct
values. Nothing here imports the engine or the rationale.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Coded:
    """A text column as small integer codes into ``labels`` (-1 picks the last label).

    Grouping and masking work on the integers; text is only looked up for distinct values.
    """
    codes: np.ndarray
    labels: np.ndarray

    def __getitem__(self, rows: np.ndarray) -> Coded:
        return Coded(self.codes[rows], self.labels)


def coded(codes: np.ndarray, labels: list[str] | np.ndarray) -> Coded:
    return Coded(np.asarray(codes, dtype=np.int64), np.asarray(labels, dtype=object))


@dataclass(frozen=True)
class GFacts:
    code: Coded               # the headline G (first increment with a quantity)
    reason: np.ndarray        # index into messages.G_REASONS
    level: np.ndarray         # confidence level reached: 1, 2, 3 (known source) or 4 (potential source)
    n: np.ndarray             # x_n
    half_width: np.ndarray    # relative 80 % half-width (x_t_hi - x_t_lo) / (2 x_t)
    method: np.ndarray        # index into messages.METHODS
    override: Coded           # unfc_g_override as written


@dataclass(frozen=True)
class FFacts:
    code: Coded
    reason: np.ndarray        # index into messages.F_REASONS
    status: Coded             # project_status as written
    tech: np.ndarray          # technology maturity of the commodity, 1..3 (F4.1..F4.3), before setting steps
    steps: np.ndarray         # setting's technology steps
    setting: np.ndarray       # index into schema.SETTINGS, -1 unknown
    override: Coded           # unfc_f_override as written


@dataclass(frozen=True)
class EFacts:
    code: Coded
    reason: np.ndarray        # index into messages.E_REASONS
    screen: Coded             # E the value screening alone gives
    value: np.ndarray         # in-situ value per tonne of deposit (threshold currency)
    factor: np.ndarray        # setting's threshold factor
    permit: Coded             # permit_status as written
    hit_layer: np.ndarray     # first constraint layer hit ('' none)
    hit_label: np.ndarray     # its label in the rationale language
    override: Coded           # unfc_e_override as written


@dataclass(frozen=True)
class RationaleFacts:
    """Everything the rationale quotes, for every deposit (headline commodity)."""
    has_headline: np.ndarray  # False: no usable estimate for any commodity
    commodity: np.ndarray     # index into schema.COMMODITIES
    worth: np.ndarray         # best estimate x price
    best: np.ndarray          # best estimate, t
    bridge_row: np.ndarray    # row of the CRIRSCO/PERC bridge, -1 none
    category: Coded           # resource_category as written
    code: Coded               # the full UNFC code
    is_other: np.ndarray      # the code is an other combination
    g: GFacts
    f: FFacts
    e: EFacts
