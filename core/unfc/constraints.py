"""Which deposits intersect a constraint layer (protected areas, reindeer-herding districts...).

Vectorised with shapely 2's STRtree: one bulk query per layer, no loop over deposits.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import shapely


def intersecting(deposit_wkb: Sequence[bytes | None], constraint_wkb: Sequence[bytes | None]) -> np.ndarray:
    """Boolean per deposit: does its geometry intersect any constraint geometry?

    Deposits or constraints without geometry never intersect. Invalid polygons are repaired
    with ``make_valid`` first, so a self-intersecting ring does not hide a hit.
    """
    deposits = shapely.from_wkb(np.asarray(list(deposit_wkb), dtype=object), on_invalid="ignore")
    areas = shapely.from_wkb(np.asarray(list(constraint_wkb), dtype=object), on_invalid="ignore")
    hits = np.zeros(len(deposits), dtype=bool)
    areas = areas[~shapely.is_missing(areas)] if len(areas) else areas
    if not len(areas) or not len(deposits):
        return hits
    areas = shapely.make_valid(areas)
    present = ~shapely.is_missing(deposits)
    tree = shapely.STRtree(areas)
    pairs = tree.query(shapely.make_valid(deposits[present]), predicate="intersects")
    hits[np.flatnonzero(present)[np.unique(pairs[0])]] = True
    return hits
