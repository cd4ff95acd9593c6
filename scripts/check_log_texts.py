#!/usr/bin/env python3
"""List the English texts that reach the user without a translation step.

``update_translations.py`` extracts what is translated; this finds what is not: a literal
or f-string handed straight to a log or message call (``feedback.pushInfo``, core's
``log``/``warn`` callables, ``QgsProcessingException``, a ``notes``/``warnings`` list),
instead of a ``tr()`` call or a ``core.message.Message`` template. Texts without letters
(indentation, separators) and lines marked ``# i18n: not user text`` are left alone.

Usage: ``check_log_texts.py`` prints ``file:line: text`` per finding and exits 1 if any.
"""
from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCANNED = ("plugin.py", "algorithms", "ui", "core")
SHOWN_CALLS = {"pushInfo", "pushWarning", "reportError", "pushCommandInfo", "pushFormattedMessage",
               "setProgressText", "log", "warn", "QgsProcessingException"}
SHOWN_LISTS = ("notes", "warnings", "messages", "diagnoses")  # lists of texts logged later
MARK = "# i18n: not user text"
LETTERS = re.compile(r"[A-Za-z]{2}")


def _files(root: Path) -> list[Path]:
    out = []
    for name in SCANNED:
        path = root / name
        out += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return [p for p in out if p.exists()]


def _literal_text(node: ast.AST) -> str | None:
    """The English words of ``node`` outside any call (a call such as tr() or Message() is fine)."""
    if isinstance(node, ast.Call):
        return None
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value if LETTERS.search(node.value) else None
    if isinstance(node, ast.JoinedStr):
        words = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
        return ast.unparse(node) if LETTERS.search(words) else None
    for child in ast.iter_child_nodes(node):
        found = _literal_text(child)
        if found:
            return found
    return None


def _shown_argument(call: ast.Call) -> ast.expr | None:
    func = call.func
    name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
    if name in SHOWN_CALLS:
        return call.args[0] if call.args else None
    if name in ("append", "extend", "insert") and isinstance(func, ast.Attribute):
        owner = func.value
        owner_name = owner.id if isinstance(owner, ast.Name) else owner.attr if isinstance(owner, ast.Attribute) else ""
        if owner_name.endswith(SHOWN_LISTS) and call.args:
            return call.args[-1]
    return None


def findings(root: Path = ROOT) -> list[str]:
    out = []
    for path in _files(root):
        lines = path.read_text(encoding="utf-8").splitlines()
        for node in ast.walk(ast.parse("\n".join(lines), filename=str(path))):
            if isinstance(node, ast.Call) and (arg := _shown_argument(node)) is not None:
                text = _literal_text(arg)
                span = lines[node.lineno - 1:(node.end_lineno or node.lineno)]
                if text and not any(MARK in line for line in span):
                    out.append(f"{path.relative_to(root)}:{node.lineno}: {text[:110]}")
    return out


def main() -> int:
    found = findings()
    for line in found:
        print(line)
    print(f"{len(found)} untranslated text(s) shown to the user", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
