"""The UNFC 2019 vocabulary (categories, classes, CRIRSCO bridge), loaded from data.

The data live in ``resources/codelists/unfc2019.toml`` so that a reviewer can check them
against ECE Energy Series No. 61 without reading code.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

CODELIST_PATH = Path(__file__).resolve().parent.parent.parent / "resources" / "codelists" / "unfc2019.toml"
AXES: tuple[str, ...] = ("E", "F", "G")
LANGUAGES: tuple[str, ...] = ("en", "nb")


@dataclass(frozen=True)
class Category:
    code: str          # "E3.2"
    axis: str          # "E"
    parent: str | None  # "E3" for a sub-category, None for a category
    definition: dict[str, str]  # language -> text


@dataclass(frozen=True)
class ClassRow:
    """One sub-category row of a class: the codes each axis may take, and its sub-class."""
    class_name: dict[str, str]
    sub_class: dict[str, str] | None
    e: frozenset[str]
    f: frozenset[str]
    g: frozenset[str]

    def axes(self) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
        return self.e, self.f, self.g


@dataclass(frozen=True)
class UnfcClass:
    """A class as UNFC defines it: a category-level row and the sub-category rows that refine it."""
    name: dict[str, str]
    e: frozenset[str]
    f: frozenset[str]
    g: frozenset[str]
    rows: tuple[ClassRow, ...]

    def axes(self) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
        return self.e, self.f, self.g


@dataclass(frozen=True)
class BridgeRow:
    source: str
    names: tuple[str, ...]
    e: str
    f: str
    g: str


@dataclass(frozen=True)
class Vocabulary:
    version: str
    categories: dict[str, Category]
    classes: tuple[UnfcClass, ...]
    other_combinations: dict[str, str]
    bridge: tuple[BridgeRow, ...]

    @property
    def class_rows(self) -> tuple[ClassRow, ...]:
        """Every sub-category row of every class, in table order."""
        return tuple(row for cls in self.classes for row in cls.rows)

    def children(self, code: str) -> tuple[str, ...]:
        return tuple(c.code for c in self.categories.values() if c.parent == code)

    def leaves(self, code: str) -> frozenset[str]:
        """The sub-categories a code stands for (itself when it has none)."""
        kids = self.children(code)
        return frozenset(kids) if kids else frozenset({code})

    def definition(self, code: str, language: str = "en") -> str:
        return self.categories[code].definition[language]

    def is_category(self, code: str) -> bool:
        """True for a category (``E3``), False for a sub-category (``E3.2``)."""
        return self.categories[code].parent is None


def _parent(code: str) -> str | None:
    return code.split(".")[0] if "." in code else None


@lru_cache(maxsize=4)
def load_vocabulary(path: str | None = None) -> Vocabulary:
    source = Path(path) if path else CODELIST_PATH
    with source.open("rb") as fh:
        data = tomllib.load(fh)
    categories = {
        row["code"]: Category(row["code"], row["code"][0], _parent(row["code"]),
                              {lang: row[lang] for lang in LANGUAGES})
        for row in data["category"]
    }
    classes = tuple(_class(c, categories, source) for c in data["class"])
    bridge = tuple(BridgeRow(b["source"], tuple(b["names"]), b["e"], b["f"], b["g"]) for b in data["bridge"])
    for b in bridge:
        _check_codes(source, f"bridge {b.source!r}", categories, (b.e, b.f, b.g))
    return Vocabulary(data["version"], categories, classes, dict(data["other_combinations"]), bridge)


def _check_codes(source: Path, where: str, categories: dict[str, Category], codes: object,
                 *, category_level: bool = False) -> None:
    for code in codes:
        if code not in categories:
            raise ValueError(f"{source}: {where}: unknown UNFC code {code!r}")
        if category_level and categories[code].parent is not None:
            raise ValueError(f"{source}: {where}: the category-level row must list categories, not {code!r}")


def _class(data: dict, categories: dict[str, Category], source: Path) -> UnfcClass:
    name = {"en": data["class"], "nb": data["class_nb"]}
    for axis in ("e", "f", "g"):
        _check_codes(source, f"class {name['en']!r} {axis}", categories, data[axis], category_level=True)
    rows = []
    for r in data.get("row", ()):
        for axis in ("e", "f", "g"):
            _check_codes(source, f"class {name['en']!r} row {axis}", categories, r[axis])
        sub = {"en": r["sub_class"], "nb": r["sub_class_nb"]} if r.get("sub_class") else None
        rows.append(ClassRow(name, sub, frozenset(r["e"]), frozenset(r["f"]), frozenset(r["g"])))
    if not rows:
        raise ValueError(f"{source}: class {name['en']!r} has no sub-category row")
    return UnfcClass(name, frozenset(data["e"]), frozenset(data["f"]), frozenset(data["g"]), tuple(rows))
