"""G axis: the degree of confidence in the quantities (UNFC 2019, Part I; DOMAIN.md §5).

UNFC separates **known sources** (G1, G2, G3: existence shown by direct evidence) from
**potential sources** (G4: estimated mainly from indirect evidence). So the method of the
estimate decides the side, and the figures decide the confidence within it:

* ``measured`` or ``regression`` (the deposit's own assays, or a model applied to its own
  proxy samples): a known source. The estimate reaches G1 or G2 when it meets their sample
  count and interval-width limits (``[g.G1]``, ``[g.G2]``), capped per method by
  ``[g.max_confidence]``; anything less is G3, however wide the interval: a poor estimate of
  a sampled deposit is G3, never G4. The G3 limits only say, in the rationale, that the
  estimate is below them.
* ``analogue`` (analogue deposits or a mass balance of the source mine, no samples of its
  own): a potential source, G4.1-G4.3.

Precedence: expert override > CRIRSCO/PERC bridge > rules.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .increments import Increments
from .inputs import Bridge, Codes, Estimates, Override
from .messages import G_REASONS, KNOWN_SOURCE_METHODS, METHODS
from .rules import Rules

_KNOWN = np.array([m in KNOWN_SOURCE_METHODS for m in METHODS])


@dataclass(frozen=True)
class GAxis:
    level: np.ndarray        # (dep, com): 1, 2, 3 (G1-G3, known source) or 4 (G4, potential source)
    reason: np.ndarray       # (dep, com): index into G_REASONS
    known_source: np.ndarray  # (dep, com): the estimate rests on the deposit's own samples
    known_set_to_g4: np.ndarray  # (dep, com): known source put at G4 by an override or the bridge


def classify_g(est: Estimates, incs: Increments, rules: Rules, bridge: Bridge, override: Override,
               codes: Codes) -> GAxis:
    known = _KNOWN[est.method]
    meets = [(est.n_samples >= rules.min_samples[g]) & (incs.half_width <= rules.max_half_width[g])
             for g in ("G1", "G2", "G3")]
    stat_level = np.select(meets, [1, 2, 3], 4)
    cap = np.array([rules.max_confidence.get(m, 4) for m in METHODS])[est.method]  # analogue, none: 4
    rule_level = np.where(known, np.maximum(np.minimum(stat_level, 3), cap), 4)
    reason = np.select([~known, stat_level == 4, cap > stat_level],
                       [G_REASONS.index("g_analogue"), G_REASONS.index("g_known_wide"), G_REASONS.index("g_capped")],
                       G_REASONS.index("g_stats"))

    override_level = codes.g_level[np.maximum(override.index, 0)]
    given = override.given[:, None]
    bridged = bridge.given[:, None]
    level = np.where(given, override_level[:, None], np.where(bridged, bridge.level[:, None], rule_level))
    reason = np.where(bridged, G_REASONS.index("g_bridge"), reason)
    reason = np.where(given, G_REASONS.index("g_override"), reason)
    return GAxis(level, reason, known, known & (level == 4))
