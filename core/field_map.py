"""``FIELD_MAP``: the user's override of an automatic field or column match.

One syntax for every importer (deposits, assays): ``target=source; target=source`` (``;``
or new lines between entries) or a JSON object ``{"target": "source"}``. An empty source
(``target=``) switches the automatic match for that target off. Which targets exist is
the caller's business (``known``).
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable

from .errors import TailingsInputError


def parse_pairs(text: str | None) -> dict[str, str]:
    """The entries of a FIELD_MAP text in order, keys and values stripped (syntax only)."""
    if text is None or not text.strip():
        return {}
    text = text.strip()
    if text.startswith("{"):
        return _parse_json(text)
    pairs: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in re.split(r"[;\n]", text))):
        if "=" not in part:
            raise TailingsInputError("FIELD_MAP entries must look like canonical=source, separated by ';'",
                                     column="FIELD_MAP", value=part)
        key, value = part.split("=", 1)
        if not key.strip():
            raise TailingsInputError("FIELD_MAP entry without a name before '='", column="FIELD_MAP", value=part)
        pairs[key.strip()] = value.strip()
    return pairs


def _parse_json(text: str) -> dict[str, str]:
    try:
        loaded = json.loads(text)
    except json.JSONDecodeError as err:
        raise TailingsInputError("FIELD_MAP is not valid JSON: {0} at character {1}", err.msg, err.pos,
                                 column="FIELD_MAP", value=text) from None
    if not isinstance(loaded, dict) or not all(isinstance(v, str | type(None)) for v in loaded.values()):
        raise TailingsInputError('FIELD_MAP JSON must be an object of strings, e.g. {"deposit_id": "OBJ_ID"}',
                                 column="FIELD_MAP", value=text)
    return {str(k).strip(): (v or "").strip() for k, v in loaded.items()}


def parse_field_map(text: str | None, known: Iterable[str]) -> dict[str, str]:
    """Parse ``FIELD_MAP`` and check that every target is one of ``known``."""
    pairs = parse_pairs(text)
    known_set = set(known)
    unknown = [k for k in pairs if k not in known_set]
    if unknown:
        raise TailingsInputError("FIELD_MAP names unknown canonical field(s) {0}; known fields: {1}",
                                 ", ".join(map(repr, unknown)), ", ".join(sorted(known_set)), column="FIELD_MAP")
    return pairs
