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

CRS_PARAMETERS = "SOURCE_CRS (importassays) or ASSAY_CRS (pipeline)"
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

    def message(self) -> str:
        where = f"coordinates read as {self.crs_used} ({self.crs_reason})" if self.crs_used else "no coordinates"
        text = (f"{self.linked} of {self.total} samples link to a deposit ({self.by_id} by deposit id, "
                f"{self.linked - self.by_id} by location; {self.located} have coordinates, {where}).")
        if self.switched_from:
            text += f" {self.switched_from} was tried first."
        if self.candidates:
            tried = summarise_trials(self.candidates, self.total, "samples fall inside a deposit")
            text += f" CRSs tried: {tried}."
        if self.linked < self.total and self.located:
            text += f" If the coordinates are in another CRS, set {CRS_PARAMETERS}."
        elif not self.located and self.linked < self.total:
            text += " Without coordinates samples link only by a deposit id column (FIELD_MAP deposit_id=<column>)."
        return text


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
        return f"{self.crs} (x and y swapped)" if self.swapped else self.crs


def summarise_trials(results: list[tuple[str, int]], of: int, what: str) -> str:
    """``in EPSG:25832, 60 of 72 samples fall inside a deposit; 0 in EPSG:25835, EPSG:4326``."""
    hits = [f"in {crs}, {n} of {of} {what}" for crs, n in results if n]
    misses = [crs for crs, n in results if not n]
    return "; ".join(hits + ([f"0 in {', '.join(misses)}"] if misses else []))


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
            raise TailingsInputError(f"The sheet names conflicting coordinate systems: {listed}. "
                                     f"Set {CRS_PARAMETERS} to the right one")
        warnings.append(f"The sheet names conflicting coordinate systems ({listed}); SOURCE_CRS {override} is used")
    if override:
        return override, f"given as SOURCE_CRS {override}", warnings
    if codes:
        first = next(h for h in relevant if h.epsg == codes[0])
        return first.crs, f"named in the sheet: {first.describe()}", warnings
    if geographic:
        return WGS84, "latitude/longitude columns (WGS84)", warnings
    finite = np.isfinite(x) & np.isfinite(y)
    if finite.any() and np.all(np.abs(x[finite]) <= 180) and np.all(np.abs(y[finite]) <= 90):
        return WGS84, "coordinate values look like degrees: WGS84 assumed", warnings
    reason = (f"no CRS given: EUREF89 UTM 33 ({DEFAULT_SOURCE_CRS}) assumed, set {CRS_PARAMETERS} if the "
              "coordinates are in another zone")
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
        warnings.append(f"Coordinates without a stated CRS read as {crs}: {reason}.")
    chosen = verdict.chosen
    implausible = int((chosen.outside & is_sample).sum())
    if with_xy.any() and implausible == int(with_xy.sum()) and all((t.outside | ~with_xy).all() for t in trials):
        warnings.append(f"The coordinates of all {implausible} located samples are outside the area of use of "
                        f"{chosen.label}{' and of every CRS tried' if trials else ''}; their locations are set to "
                        f"NULL. Check the coordinate columns (FIELD_MAP x=, y=, lon=, lat=) or set "
                        f"{CRS_PARAMETERS}.")
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
        return "It looks like latitude and longitude are swapped (the two columns exchanged). "
    return "It looks like easting and northing (x and y) are swapped. "


def _judge(current: _Trial, trials: list[_Trial], score, located: int, reason: str, override: str | None,
           polygons: bool) -> _Judgement:
    """Keep the first choice, or apply the one candidate that clearly does better (never over SOURCE_CRS)."""
    if not trials:
        return _Judgement(current, reason)
    best = max(trials, key=score)
    clear = (score(best) >= max(1.0, MIN_SHARE * located) and score(best) > score(current)
             and all(score(t) <= MIN_SHARE * score(best) for t in trials if t is not best))
    measure = "fall inside a deposit" if polygons else "lie in Norway"
    results = summarise_trials([(t.label, score(t)) for t in trials], located, f"located samples {measure}")
    if clear and not override:
        return _Judgement(
            best, f"{score(best)} of {located} located samples {measure} in it, against {score(current)} in "
                  f"{current.crs}", current.crs,
            [swap_phrase(best) + f"COORDINATES READ AS {best.label}, not {current.crs} ({reason}): in "
             f"{best.label}, {score(best)} of "
             f"{located} located samples {measure}, in {current.crs} {score(current)}. Other CRSs tried: {results}. "
             f"Set {CRS_PARAMETERS} to confirm, or to choose another."])
    if polygons or current.in_norway == 0 < sum(t.in_norway for t in trials):
        return _Judgement(current, reason, warnings=[
            (swap_phrase(best) if score(best) > score(current) else "")
            + f"Only {score(current)} of {located} located samples {measure} with the coordinates read as "
            f"{current.crs} ({reason}). Other CRSs tried: {results}. Set {CRS_PARAMETERS} if the coordinates are "
            "in another CRS."])
    return _Judgement(current, reason, notes=[f"the coordinates lie outside Norway in every CRS tried ({results})"])
