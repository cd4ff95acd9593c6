"""The deposit import's vocabularies, read from the data tables beside this module.

``field_names.toml``: which source field names mean which canonical field, the id-name
patterns and the ASCII folding of Norwegian letters. ``value_words.toml``: source values
of the code lists (setting, deposit kind). Keeping them as data lets a geologist extend
them without touching code; everything is folded the same way on load and on use.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

_HERE = Path(__file__).resolve().parent
FIELD_NAMES_PATH = _HERE / "field_names.toml"
VALUE_WORDS_PATH = _HERE / "value_words.toml"


@cache
def _table(path: Path) -> dict:
    with path.open("rb") as handle:
        return tomllib.load(handle)


@cache
def _folding() -> tuple[tuple[str, str], ...]:
    return tuple(_table(FIELD_NAMES_PATH)["ascii_folding"].items())


def fold(text: str) -> str:
    """Lower case, Norwegian letters and their ASCII spellings folded, separators removed:
    "Råstoff", "RAASTOFF" and "ra_stoff" all give "rastoff"."""
    out = text.lower()
    for letter, ascii_form in _folding():
        out = out.replace(letter, ascii_form)
    return re.sub(r"[^a-z0-9]", "", out)


@dataclass(frozen=True)
class IdPattern:
    suffixes: tuple[str, ...]
    prefixes: tuple[str, ...]
    not_ids: frozenset[str]

    def matches(self, folded: str) -> bool:
        if folded in self.not_ids:
            return False
        return any(folded.endswith(s) and len(folded) > len(s) for s in self.suffixes) or any(
            folded.startswith(p) and len(folded) > len(p) for p in self.prefixes)


@cache
def field_candidates() -> dict[str, tuple[str, ...]]:
    """Canonical field -> folded candidate names, most specific first."""
    return {k: tuple(dict.fromkeys(fold(n) for n in v)) for k, v in _table(FIELD_NAMES_PATH)["fields"].items()}


@cache
def non_canonical_names() -> tuple[str, ...]:
    return tuple(fold(n) for n in _table(FIELD_NAMES_PATH)["not_canonical"]["names"])


@cache
def id_pattern() -> IdPattern:
    table = _table(FIELD_NAMES_PATH)["id_pattern"]
    return IdPattern(tuple(fold(s) for s in table["suffixes"]), tuple(fold(p) for p in table["prefixes"]),
                     frozenset(fold(n) for n in table["not_ids"]))


@cache
def value_words(code_list: str) -> dict[str, str]:
    """Folded source word -> canonical code, for ``setting`` or ``deposit_kind``."""
    return {fold(k): v for k, v in _table(VALUE_WORDS_PATH)[code_list].items()}
