"""Which UNFC class (and sub-class) an E-F-G combination belongs to.

Class table: UNFC Update 2019 (ECE Energy Series No. 61), Figure 2 (classes) and Figure 3
(sub-classes), held as data in ``resources/codelists/unfc2019.toml``. The E and F
sub-categories decide the class; G decides only whether the source is known (G1-G3) or
potential (G4), which separates "Remaining products not developed from identified
projects" (E3.3 F4 G1-G3) from "... from prospective projects" (E3.3 F4 G4), and rules out
known-source classes for G4 quantities and Prospective projects for G1-G3 quantities.

A code given at category level (``F1``) stands for all its sub-categories; it gets a class
only if every sub-category lands in the same class, otherwise it is reported as an "other
combination" (never forced into a class).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import product

from .codes import parse_category
from .vocabulary import load_vocabulary


@dataclass(frozen=True)
class Classification:
    e: str
    f: str
    g: str
    class_name: str
    sub_class: str | None
    is_other_combination: bool
    class_name_nb: str
    sub_class_nb: str | None

    @property
    def code(self) -> str:
        return f"{self.e}{self.f}{self.g}"

    def label(self, language: str = "en") -> tuple[str, str | None]:
        if language == "nb":
            return self.class_name_nb, self.sub_class_nb
        return self.class_name, self.sub_class


@lru_cache(maxsize=4096)
def _classify_valid(e: str, f: str, g: str) -> Classification:
    vocab = load_vocabulary()
    matches = []
    for leaf in product(vocab.leaves(e), vocab.leaves(f), vocab.leaves(g)):
        row = next((r for r in vocab.class_rows if leaf[0] in r.e and leaf[1] in r.f and leaf[2] in r.g), None)
        matches.append(row)
    classes = {None if r is None else r.class_name["en"] for r in matches}
    if None in classes or len(classes) != 1:
        other = vocab.other_combinations
        return Classification(e, f, g, other["en"], None, True, other["nb"], None)
    first = matches[0]
    subs = {None if r.sub_class is None else r.sub_class["en"] for r in matches}
    same_sub = len(subs) == 1 and first.sub_class is not None
    return Classification(
        e, f, g, first.class_name["en"], first.sub_class["en"] if same_sub else None, False,
        first.class_name["nb"], first.sub_class["nb"] if same_sub else None,
    )


def classify(e: str, f: str, g: str) -> Classification:
    """The UNFC class of an E, F, G combination (``classify("E1", "F1.1", "G1")``).

    Each part may be written with or without its letter (``"3.2"`` for E3.2). Raises
    ValueError naming the bad part for an unknown category (``E4``, ``F2.4``, ``G5``).
    """
    return _classify_valid(parse_category("E", e), parse_category("F", f), parse_category("G", g))
