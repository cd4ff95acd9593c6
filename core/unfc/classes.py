"""Which UNFC class (and sub-class) an E-F-G combination belongs to.

The class table is data (``resources/codelists/unfc2019.toml``). UNFC Update 2019 (ECE Energy
Series No. 61, Part I) defines the classes at **category level**: E1 F1, E2 F2, E3 F2 and
E3 F4 with G1-G3 (known sources), E3 F3 G4 and E3 F4 G4 (potential sources). Categories are
the building blocks and sub-categories are defined only "in some cases"; they refine a class
into sub-classes. So each part of a code may be given at either level (``E2 F2 G1``,
``E2 F2.1 G1``, ``E3.3 F4.1 G2``), and:

* the code **fits a class** when every part given as a sub-category is admitted by one of the
  class's sub-category rows (a part given as a category needs only one of its sub-categories
  in that row), and either the code's categories form the class's category-level row, or
  every part given as a category is itself listed in that row (this is how the footnote
  "Potentially viable projects may satisfy the requirements for E1" enters: E1 with F2.1 or
  F2.2, not E1 with a bare F2);
* a **sub-class** is named only when the sub-categories determine it: every sub-category the
  code stands for lands in rows of that same sub-class (``E1 F1.1 G1`` is On Production,
  ``E1 F1 G1`` is Viable projects without a sub-class);
* a code that fits no class at the level given is an **other combination** (``E2 F2.3``,
  ``E1 F2``, ``E3.2 F4``, ``E1 F1 G4``), reported, never forced into a class.

G decides only whether the source is known (G1-G3) or potential (G4).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import product

from .codes import parse_category
from .vocabulary import ClassRow, UnfcClass, Vocabulary, load_vocabulary


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


def _admits(vocab: Vocabulary, part: str, codes: frozenset[str]) -> bool:
    """Is ``part`` consistent with a row axis: listed, or a category with a listed sub-category."""
    return part in codes or any(child in codes for child in vocab.children(part))


def _fits(vocab: Vocabulary, cls: UnfcClass, parts: tuple[str, str, str]) -> bool:
    """Does the code fit ``cls`` at the level given? (see the module docstring)"""
    categories = tuple(p.split(".")[0] for p in parts)
    category_row = all(c in axis for c, axis in zip(categories, cls.axes()))
    for row in cls.rows:
        axes = row.axes()
        if not all(_admits(vocab, p, axis) for p, axis in zip(parts, axes)):
            continue
        if category_row or all(p in axis for p, axis in zip(parts, axes) if vocab.is_category(p)):
            return True
    return False


def _row_of_leaf(cls: UnfcClass, leaf: tuple[str, str, str]) -> ClassRow | None:
    return next((r for r in cls.rows if all(p in axis for p, axis in zip(leaf, r.axes()))), None)


def _sub_class(vocab: Vocabulary, cls: UnfcClass, parts: tuple[str, str, str]) -> dict[str, str] | None:
    """The sub-class every sub-category combination of the code lands in, else None."""
    subs = set()
    first = None
    for leaf in product(*(sorted(vocab.leaves(p)) for p in parts)):
        row = _row_of_leaf(cls, leaf)
        if row is None or row.sub_class is None:
            return None
        subs.add(row.sub_class["en"])
        first = first or row.sub_class
    return first if len(subs) == 1 else None


@lru_cache(maxsize=4096)
def _classify_valid(e: str, f: str, g: str) -> Classification:
    vocab = load_vocabulary()
    parts = (e, f, g)
    fitting = [cls for cls in vocab.classes if _fits(vocab, cls, parts)]
    if len(fitting) != 1:  # none (an other combination); two would be an ambiguous table (tested)
        other = vocab.other_combinations
        return Classification(e, f, g, other["en"], None, True, other["nb"], None)
    cls = fitting[0]
    sub = _sub_class(vocab, cls, parts)
    return Classification(e, f, g, cls.name["en"], sub["en"] if sub else None, False, cls.name["nb"],
                          sub["nb"] if sub else None)


def classify(e: str, f: str, g: str) -> Classification:
    """The UNFC class of an E, F, G combination (``classify("E1", "F1.1", "G1")``).

    Each part may be a category or a sub-category, with or without its letter (``"3.2"`` for
    E3.2). Raises ValueError naming the bad part for an unknown category (``E4``, ``F2.4``,
    ``G5``).
    """
    return _classify_valid(parse_category("E", e), parse_category("F", f), parse_category("G", g))


def fitting_classes(e: str, f: str, g: str) -> list[str]:
    """Names of every class the (valid) code fits: used by the tests to prove the table unambiguous."""
    vocab = load_vocabulary()
    parts = (parse_category("E", e), parse_category("F", f), parse_category("G", g))
    return [cls.name["en"] for cls in vocab.classes if _fits(vocab, cls, parts)]
