"""The header vocabulary of assay sheets, held as data in ``resources/codelists/assay_columns.toml``.

Header cells and vocabulary names are compared in one normalised form (``fold``), so that
case, punctuation and the ways of writing Norwegian letters in ASCII do not matter.
"""
from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from itertools import product
from pathlib import Path

VOCABULARY_PATH = Path(__file__).resolve().parent.parent.parent / "resources" / "codelists" / "assay_columns.toml"

_LETTERS = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ä": "ae", "ö": "o", "ü": "u", "é": "e"})
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
# ASCII spellings of ø and å (oe, aa) fold onto the same letter as the Norwegian one.
_ASCII_SPELLINGS = re.compile(r"oe|aa")


def fold(text: str) -> str:
    """``"Prøve-ID"``, ``"Proeve ID"`` and ``"PROVE_ID"`` all → ``"proveid"``."""
    low = _NOT_ALNUM.sub("", str(text).lower().translate(_LETTERS))
    return _ASCII_SPELLINGS.sub(lambda m: m.group(0)[0], low)


@dataclass(frozen=True)
class RoleWords:
    role: str
    before_elements: bool
    names: frozenset[str]   # folded


def _expand(group: dict) -> list[str]:
    names = list(group.get("names", ()))
    names += [f"{stem} {suffix}" for stem, suffix in product(group.get("stems", ()), group.get("suffixes", ()))]
    return names


@lru_cache(maxsize=4)
def load_roles(path: Path = VOCABULARY_PATH) -> tuple[RoleWords, ...]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    roles = []
    for role, spec in data["roles"].items():
        names = frozenset(fold(n) for group in spec.get("groups", ()) for n in _expand(group))
        roles.append(RoleWords(role, bool(spec.get("before_elements", True)), names - {""}))
    return tuple(roles)


def role_of(text: str, before_elements: bool) -> str | None:
    """The role whose vocabulary holds ``text`` (already stripped of unit and CRS hint)."""
    key = fold(text)
    if not key:
        return None
    return next((r.role for r in load_roles() if r.before_elements == before_elements and key in r.names), None)


def closest_cells(cells: list[str], role: str, n: int = 3) -> list[str]:
    """Header cells most like a name of ``role`` (difflib ratio), best first."""
    names = next(r.names for r in load_roles() if r.role == role)
    scored = []
    for cell in cells:
        key = fold(cell)
        if not key:
            continue
        best = max((difflib.SequenceMatcher(None, key, name).ratio() for name in names), default=0.0)
        if best >= 0.5:
            scored.append((best, cell))
    scored.sort(key=lambda t: -t[0])
    return [cell for _, cell in scored[:n]]


@lru_cache(maxsize=4)
def non_sample_labels(path: Path = VOCABULARY_PATH) -> frozenset[str]:
    """Folded labels of rows that are not samples (``detection limits``, ``units``)."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return frozenset(fold(n) for n in data.get("non_sample_rows", {}).get("names", ()))


@lru_cache(maxsize=4)
def coordinate_units(path: Path = VOCABULARY_PATH) -> frozenset[str]:
    """Folded unit words of coordinate/depth columns in a units row (``m``, ``deg``)."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    # A word that folds to nothing (a symbol such as "°") must not make every punctuation-only
    # cell ("???", "-") look like a unit: the row would be taken as a units row and lost.
    return frozenset(f for f in (fold(n) for n in data.get("units_row", {}).get("coordinate_units", ())) if f)
