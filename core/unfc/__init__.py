"""UNFC 2019 for tailings: vocabulary, codes, classes, rules and the vectorised classifier.

Public API (DESIGN.md): ``classify(e, f, g)`` returns an object with ``.code``,
``.class_name``, ``.sub_class`` (None where none applies) and ``.is_other_combination``;
invalid codes raise ``ValueError`` naming the bad part.
"""
from __future__ import annotations

from .classes import Classification, classify
from .codes import FORMATS, UnfcCode, format_code, parse_category, parse_code
from .engine import ClassificationResult, ConstraintHits, classify_estimates
from .rules import DEFAULT_RULES_PATH, Rules, load_rules, parse_rules
from .vocabulary import Vocabulary, load_vocabulary

__all__ = [
    "DEFAULT_RULES_PATH", "FORMATS", "Classification", "ClassificationResult", "ConstraintHits", "Rules",
    "UnfcCode", "Vocabulary", "classify", "classify_estimates", "format_code", "load_rules", "load_vocabulary",
    "parse_category", "parse_code", "parse_rules",
]
