"""Placing samples: which CRS their coordinates are in, checked against the data.

The CRS comes from ``SOURCE_CRS``, else from the sheet's hints (header cells, units row,
metadata rows above the header), else from the kind of columns (latitude/longitude) or
the values (degrees), else EUREF89 UTM 33 is assumed. The choice is then tested: are the
points plausible for that CRS (area of use, Norway), and how many samples fall in a
deposit? When few link, the Norwegian zones and WGS84, each also with x and y swapped, are
tried and reported; a candidate is applied only when it is unambiguous, with a warning
naming the parameter to set.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import shapely

from ..errors import TailingsInputError
from ..message import Message, joined
from .crs_hints import CrsHint
from .location import (
    DEFAULT_SOURCE_CRS,
    WGS84,
    LinkResult,
    link_to_deposits,
    plausibility,
    reproject,
    trial_crs,
)

CRS_PARAMETERS = Message("SOURCE_CRS (importassays) or ASSAY_CRS (pipeline)")
# A candidate CRS is applied only when it links (or places in Norway) at least this share of
# the located samples, and every other candidate reaches at most this share of its count.
MIN_SHARE = 0.5


@dataclass
class LinkageDiagnosis:
    """How many samples link to a deposit, in which CRS, and what other CRSs would give."""
    linked: int                                   # samples with a deposit_id
    total: int                                    # samples (QA/QC and rejected rows not counted)
    crs_used: str | None                          # CRS the coordinates were read in; None without coordinates
    candidates: list[tuple[str, int]] = field(default_factory=list)  # (CRS tried, samples it would link)
    located: int = 0                              # samples with coordinates
    by_id: int = 0                                # samples linked by a deposit id in the sheet
    crs_reason: str = ""
    switched_from: str | None = None              # the CRS first assumed, when a candidate replaced it

    def message(self) -> Message:
        where = Message("coordinates read as {0} ({1})", self.crs_used, self.crs_reason) if self.crs_used \
            else Message("no coordinates")
        # the sentences are Messages joined by a template without words, so each is translated
        parts: list[object] = [Message("{0} of {1} samples link to a deposit ({2} by deposit id, {3} by location; "
                                       "{4} have coordinates, {5}).", self.linked, self.total, self.by_id,
                                       self.linked - self.by_id, self.located, where)]
        if self.switched_from:
            parts.append(Message(" {0} was tried first.", self.switched_from))
        if self.candidates:
            tried = summarise_trials(self.candidates, self.total, Message("samples fall inside a deposit"))
            parts.append(Message(" CRSs tried: {0}.", tried))
        if self.linked < self.total and self.located:
            parts.append(Message(" If the coordinates are in another CRS, set {0}.", CRS_PARAMETERS))
        elif not self.located and self.linked < self.total:
            parts.append(Message(" Without coordinates samples link only by a deposit id column "
                                 "(FIELD_MAP deposit_id=<column>)."))
        return joined(parts)


@dataclass
class Placement:
    x: np.ndarray                 # target CRS
    y: np.ndarray
    link: LinkResult
    source_crs: str | None
    reason: str
    outside: np.ndarray           # rows whose coordinates are implausible for the CRS (set to NULL)
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    diagnosis: LinkageDiagnosis | None = None


@dataclass
class _Trial:
    crs: str
    swapped: bool
    x: np.ndarray
    y: np.ndarray
    outside: np.ndarray
    link: LinkResult
    linked: int
    in_norway: int

    @property
    def label(self) -> str:
        return Message("{0} (x and y swapped)", self.crs) if self.swapped else self.crs


def summarise_trials(results: list[tuple[str, int]], of: int, what: str) -> Message:
    """``in EPSG:25832, 60 of 72 samples fall inside a deposit; 0 in EPSG:25835, EPSG:4326``."""
    hits = [Message("in {0}, {1} of {2} {3}", crs, n, of, what) for crs, n in results if n]
    misses = [crs for crs, n in results if not n]
    parts = hits + ([Message("0 in {0}", joined(misses, ", "))] if misses else [])
    return joined(parts, "; ")


def choose_crs(kind: str, column_hints: list[CrsHint], sheet_hints: list[CrsHint], override: str | None,
               x: np.ndarray, y: np.ndarray) -> tuple[str, str, list[str]]:
    """(CRS, reason, warnings): SOURCE_CRS, else the sheet's hints, else the columns or values."""
    geographic = kind == "latlon"
    relevant = [h for h in column_hints if h.datum_only == geographic or not h.datum_only]
    relevant += [h for h in sheet_hints if _is_geographic(h) == geographic]
    codes = sorted({h.epsg for h in relevant})
    warnings = []
    if len(codes) > 1:
        first = {(h.text, h.epsg): h for h in reversed(relevant)}  # one mention of each hint text
        listed = "; ".join(h.describe() for h in reversed(first.values()))
        if not override:
            raise TailingsInputError("The sheet names conflicting coordinate systems: {0}. Set {1} to the right one",
                                     listed, CRS_PARAMETERS)
        warnings.append(Message("The sheet names conflicting coordinate systems ({0}); SOURCE_CRS {1} is used",
                                listed, override))
    if override:
        return override, Message("given as SOURCE_CRS {0}", override), warnings
    if codes:
        first = next(h for h in relevant if h.epsg == codes[0])
        return first.crs, Message("named in the sheet: {0}", first.describe()), warnings
    if geographic:
        return WGS84, Message("latitude/longitude columns (WGS84)"), warnings
    finite = np.isfinite(x) & np.isfinite(y)
    if finite.any() and np.all(np.abs(x[finite]) <= 180) and np.all(np.abs(y[finite]) <= 90):
        return WGS84, Message("coordinate values look like degrees: WGS84 assumed"), warnings
    reason = Message("no CRS given: EUREF89 UTM 33 ({0}) assumed, set {1} if the coordinates are in another zone",
                     DEFAULT_SOURCE_CRS, CRS_PARAMETERS)
    return DEFAULT_SOURCE_CRS, reason, warnings


def _is_geographic(hint: CrsHint) -> bool:
    return hint.datum_only or hint.epsg in (4326, 4258, 4230)


def _has_polygons(deposits: pd.DataFrame | None) -> bool:
    if deposits is None or "geometry" not in deposits.columns or not len(deposits):
        return False
    geoms = shapely.from_wkb(deposits["geometry"].to_numpy(dtype=object), on_invalid="ignore")
    return bool(np.isin(shapely.get_type_id(geoms), (3, 6)).any())


def _trial(crs: str, swapped: bool, sx: np.ndarray, sy: np.ndarray, target: str, sheet_ids: pd.Series,
           deposits: pd.DataFrame | None, is_sample: np.ndarray) -> _Trial:
    ax, ay = (sy, sx) if swapped else (sx, sy)
    outside, in_norway = plausibility(crs, ax, ay)
    ax, ay = np.where(outside, np.nan, ax), np.where(outside, np.nan, ay)
    x, y = reproject(ax, ay, crs, target)
    link = link_to_deposits(sheet_ids, x, y, deposits)
    linked = int((pd.notna(link.deposit_id) & is_sample).sum())
    norway = int((in_norway & is_sample).sum())
    return _Trial(crs, swapped, x, y, outside, link, linked, norway)


@dataclass
class _Judgement:
    chosen: _Trial
    reason: str
    switched_from: str | None = None
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def place_samples(kind: str, sx: np.ndarray, sy: np.ndarray, column_hints: list[CrsHint],
                  sheet_hints: list[CrsHint], override: str | None, target: str, sheet_ids: pd.Series,
                  deposits: pd.DataFrame | None, is_sample: np.ndarray) -> Placement:
    """Coordinates in the target CRS, the deposit links, and the diagnosis of the CRS choice."""
    crs, reason, warnings = choose_crs(kind, column_hints, sheet_hints, override, sx, sy)
    current = _trial(crs, False, sx, sy, target, sheet_ids, deposits, is_sample)
    polygons = _has_polygons(deposits)
    with_xy = np.isfinite(sx) & np.isfinite(sy) & is_sample
    linked_by_id = (current.link.method == "id") & is_sample
    # The CRS is judged on the samples whose deposit only their location can tell.
    located = int((with_xy & ~linked_by_id).sum()) if polygons else int(with_xy.sum())
    by_id = int(linked_by_id.sum())

    def score(t: _Trial) -> int:
        return t.linked - by_id if polygons else t.in_norway

    trials: list[_Trial] = []
    if located and score(current) < MIN_SHARE * located:
        trials = [_trial(c, s, sx, sy, target, sheet_ids, deposits, is_sample) for c in trial_crs()
                  for s in (False, True) if (c, s) != (crs, False)]
    verdict = _judge(current, trials, score, located, reason, override, polygons)
    warnings += verdict.warnings
    guessed = not override and not any((*column_hints, *sheet_hints)) and kind != "latlon"
    if guessed and verdict.switched_from is None and with_xy.any():
        warnings.append(Message("Coordinates without a stated CRS read as {0}: {1}.", crs, reason))
    chosen = verdict.chosen
    implausible = int((chosen.outside & is_sample).sum())
    if with_xy.any() and implausible == int(with_xy.sum()) and all((t.outside | ~with_xy).all() for t in trials):
        where = Message("{0} and of every CRS tried", chosen.label) if trials else chosen.label
        warnings.append(Message("The coordinates of all {0} located samples are outside the area of use of {1}; their "
                                "locations are set to NULL. Check the coordinate columns (FIELD_MAP x=, y=, lon=, "
                                "lat=) or set {2}.", implausible, where, CRS_PARAMETERS))
    diagnosis = None
    if deposits is not None:
        diagnosis = LinkageDiagnosis(
            chosen.linked, int(is_sample.sum()), chosen.label, [(t.label, t.linked) for t in trials if polygons],
            int(with_xy.sum()), by_id, verdict.reason, verdict.switched_from)
    return Placement(chosen.x, chosen.y, chosen.link, chosen.crs, verdict.reason, chosen.outside, verdict.notes,
                     warnings, diagnosis)


def swap_phrase(trial: _Trial) -> str:
    """The plain-words diagnosis when the best trial is the same CRS with the columns exchanged."""
    if not trial.swapped:
        return ""
    if trial.crs == WGS84:
        return Message("It looks like latitude and longitude are swapped (the two columns exchanged). ")
    return Message("It looks like easting and northing (x and y) are swapped. ")


def _judge(current: _Trial, trials: list[_Trial], score, located: int, reason: str, override: str | None,
           polygons: bool) -> _Judgement:
    """Keep the first choice, or apply the one candidate that clearly does better (never over SOURCE_CRS)."""
    if not trials:
        return _Judgement(current, reason)
    best = max(trials, key=score)
    clear = (score(best) >= max(1.0, MIN_SHARE * located) and score(best) > score(current)
             and all(score(t) <= MIN_SHARE * score(best) for t in trials if t is not best))
    measure = Message("fall inside a deposit") if polygons else Message("lie in Norway")
    results = summarise_trials([(t.label, score(t)) for t in trials], located,
                               Message("located samples {0}", measure))
    if clear and not override:
        return _Judgement(
            best, Message("{0} of {1} located samples {2} in it, against {3} in {4}", score(best), located, measure,
                          score(current), current.crs), current.crs,
            [Message("{0}COORDINATES READ AS {1}, not {2} ({3}): in {1}, {4} of {5} located samples {6}, in {2} {7}. "
                     "Other CRSs tried: {8}. Set {9} to confirm, or to choose another.", swap_phrase(best),
                     best.label, current.crs, reason, score(best), located, measure, score(current), results,
                     CRS_PARAMETERS)])
    if polygons or current.in_norway == 0 < sum(t.in_norway for t in trials):
        return _Judgement(current, reason, warnings=[
            Message("{0}Only {1} of {2} located samples {3} with the coordinates read as {4} ({5}). Other CRSs "
                    "tried: {6}. Set {7} if the coordinates are in another CRS.",
                    swap_phrase(best) if score(best) > score(current) else "", score(current), located, measure,
                    current.crs, reason, results, CRS_PARAMETERS)])
    return _Judgement(current, reason, notes=[Message("the coordinates lie outside Norway in every CRS tried ({0})",
                                                      results)])
