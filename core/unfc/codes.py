"""Parsing, validation and formatting of UNFC codes.

Accepted spellings of one code (UNFC 2019, Part I, "Codification"; the official form is
``(E2; F2.2; G2)``): ``E3.2F4G2``, ``(E3.2; F4; G2)``, ``E3.2 F4 G2``, ``E3.2-F4-G2`` and the
numeric ``3.2;4;2`` (always E;F;G order). Letters may be lower case.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..message import Message
from .vocabulary import AXES, load_vocabulary

_PART = re.compile(r"([EFGefg])\s*(\d+(?:\.\d+)?)")
_SEPARATORS = re.compile(r"[\s;,\-()]+")
_NUMERIC = re.compile(r"^\(?\s*(\d+(?:\.\d+)?)\s*[;\s]\s*(\d+(?:\.\d+)?)\s*[;\s]\s*(\d+(?:\.\d+)?)\s*\)?$")

FORMATS: tuple[str, ...] = ("compact", "official", "spaced", "hyphen", "numeric")


def valid_categories(axis: str) -> tuple[str, ...]:
    return tuple(c for c in load_vocabulary().categories if c.startswith(axis))


def parse_category(axis: str, text: object) -> str:
    """One axis value (``"E3.2"``, ``"e3.2"`` or ``"3.2"``) as its canonical code.

    Raises ValueError naming the axis and the bad value.
    """
    axis = axis.upper()
    if axis not in AXES:
        raise ValueError(f"unknown UNFC axis {axis!r}: expected E, F or G")
    raw = "" if text is None else str(text).strip()
    body = raw[1:].strip() if raw[:1].upper() in AXES else raw
    if raw[:1].upper() in AXES and raw[:1].upper() != axis:
        raise ValueError(Message("{0} part: {1!r} is a {2} category, not an {0} category", axis, raw, raw[:1].upper()))
    code = f"{axis}{body}"
    if code not in load_vocabulary().categories:
        raise ValueError(Message("{0} part: unknown UNFC {0} category {1!r} (valid: {2})", axis, raw,
                                 ", ".join(valid_categories(axis))))
    return code


@dataclass(frozen=True)
class UnfcCode:
    e: str
    f: str
    g: str

    @property
    def code(self) -> str:
        return f"{self.e}{self.f}{self.g}"

    def format(self, style: str = "compact") -> str:
        if style == "compact":
            return self.code
        if style == "official":
            return f"({self.e}; {self.f}; {self.g})"
        if style == "spaced":
            return f"{self.e} {self.f} {self.g}"
        if style == "hyphen":
            return f"{self.e}-{self.f}-{self.g}"
        if style == "numeric":
            return f"{self.e[1:]};{self.f[1:]};{self.g[1:]}"
        raise ValueError(f"unknown code format {style!r} (use one of {', '.join(FORMATS)})")

    def __str__(self) -> str:
        return self.code


def parse_code(text: str) -> UnfcCode:
    """Any accepted spelling of a full E-F-G code; ValueError naming the bad part."""
    if not isinstance(text, str) or not text.strip():
        raise ValueError(f"empty UNFC code: {text!r}")
    raw = text.strip()
    numeric = _NUMERIC.match(raw)
    if numeric:
        e, f, g = numeric.groups()
        return UnfcCode(parse_category("E", e), parse_category("F", f), parse_category("G", g))
    parts = _PART.findall(raw)
    leftover = _SEPARATORS.sub("", _PART.sub("", raw))
    if leftover:
        raise ValueError(f"UNFC code {raw!r}: cannot read {leftover!r} (expected e.g. E3.2F4G2 or (E3.2; F4; G2))")
    letters = [p[0].upper() for p in parts]
    for axis in AXES:
        if letters.count(axis) == 0:
            raise ValueError(f"UNFC code {raw!r}: the {axis} part is missing")
        if letters.count(axis) > 1:
            raise ValueError(f"UNFC code {raw!r}: the {axis} part appears more than once")
    if letters != list(AXES):
        raise ValueError(f"UNFC code {raw!r}: parts must be in E, F, G order")
    e, f, g = (parse_category(axis, f"{axis}{number}") for axis, (_, number) in zip(AXES, parts))
    return UnfcCode(e, f, g)


def format_code(e: str, f: str, g: str, style: str = "compact") -> str:
    """Validate the three parts and write them in the given style."""
    return UnfcCode(parse_category("E", e), parse_category("F", f), parse_category("G", g)).format(style)
