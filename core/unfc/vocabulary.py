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
    class_name: dict[str, str]
    sub_class: dict[str, str] | None
    e: frozenset[str]
    f: frozenset[str]
    g: frozenset[str]


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
    class_rows: tuple[ClassRow, ...]
    other_combinations: dict[str, str]
    bridge: tuple[BridgeRow, ...]

    def children(self, code: str) -> tuple[str, ...]:
        return tuple(c.code for c in self.categories.values() if c.parent == code)

    def leaves(self, code: str) -> frozenset[str]:
        """The sub-categories a code stands for (itself when it has none)."""
        kids = self.children(code)
        return frozenset(kids) if kids else frozenset({code})

    def definition(self, code: str, language: str = "en") -> str:
        return self.categories[code].definition[language]


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
    rows = tuple(
        ClassRow(
            class_name={"en": r["class"], "nb": r["class_nb"]},
            sub_class={"en": r["sub_class"], "nb": r["sub_class_nb"]} if r["sub_class"] else None,
            e=frozenset(r["e"]), f=frozenset(r["f"]), g=frozenset(r["g"]),
        )
        for r in data["class_row"]
    )
    bridge = tuple(BridgeRow(b["source"], tuple(b["names"]), b["e"], b["f"], b["g"]) for b in data["bridge"])
    return Vocabulary(data["version"], categories, rows, dict(data["other_combinations"]), bridge)
