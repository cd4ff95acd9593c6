#!/usr/bin/env python3
"""Extract every translatable English string of the plugin into i18n/tailings_unfc_nb.ts.

A static (AST) extractor, so constants translated at run time are found too, which
pylupdate does not follow. A message is:

- the text argument of a call to ``tr``, ``self.tr``, ``alg.tr``, ``translate`` or
  ``QCoreApplication.translate("TailingsUnfc", ...)``, or of a function that only passes
  its parameter on to one of those;
- the description and enum options of a ``QgsProcessingParameter*`` / ``QgsProcessingOutput*``
  constructor (``TailingsAlgorithm.addParameter`` translates them);
- every class attribute ``NAME`` that code translates as ``tr(self.NAME)`` (display name,
  group, help);
- the template of a ``Message(...)`` or ``TailingsInputError(...)`` (core/message.py; the
  algorithms translate it, then fill in its parameters).

A text argument may be a literal or a constant expression: module constants (imported ones
too), tuples, dicts (their values), ``d[k]``, ``d.get(k, default)``, a loop or comprehension
variable over such a constant, ``+`` of strings, an f-string of constants. Anything else is
reported as unresolved, unless its line says ``# i18n: texts extracted ...`` (from where).

Usage: ``update_translations.py`` rewrites the .ts (new messages unfinished, vanished ones
removed, translations kept, source order); ``--check`` exits 1 when the .ts would change;
``--merge FILE.tsv`` fills missing translations from ``context<TAB>source<TAB>translation``
lines (``--override FILE.tsv`` replaces existing ones); ``--report`` lists unfinished messages and unresolved calls.
"""
from __future__ import annotations

import argparse
import ast
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
TS_FILE = ROOT / "i18n" / "tailings_unfc_nb.ts"
CONTEXT = "TailingsUnfc"
SCANNED = ("plugin.py", "__init__.py", "qt_translate.py", "algorithms", "ui", "core")
TR_NAMES = {"tr", "translate"}
UNKNOWN = object()
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
WORD = re.compile(r"[^\W\d_]{2}")  # a value the extractor cannot compute
# Calls whose first argument is an English template that the QGIS side translates
# (core/message.py): a text that is not a constant is reported, like a tr() argument.
TEMPLATE_CALLS = {"TailingsInputError", "Message"}
# On the line of a tr() call whose text is not a constant, this says where the texts come from.
DYNAMIC_MARK = "# i18n: texts extracted"


class Alternatives(list):
    """A name that takes each of these values in turn (loop variable, several assignments)."""


@dataclass
class Module:
    path: Path
    tree: ast.Module
    names: dict[str, list[ast.expr]] = field(default_factory=dict)
    imports: dict[str, tuple[Path, str]] = field(default_factory=dict)
    classes: dict[str, dict[str, list[ast.expr]]] = field(default_factory=dict)


def source_files(root: Path = ROOT) -> list[Path]:
    files: list[Path] = []
    for entry in SCANNED:
        path = root / entry
        if not path.exists():
            continue
        files.extend(sorted(path.rglob("*.py")) if path.is_dir() else [path])
    return files


def _assignments(body: list[ast.stmt]) -> dict[str, list[ast.expr]]:
    out: dict[str, list[ast.expr]] = {}
    for node in body:
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    out.setdefault(target.id, []).append(node.value)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            out.setdefault(node.target.id, []).append(node.value)
    return out


def _module_file(importer: Path, module: str | None, level: int) -> Path | None:
    base = importer.parent
    for _ in range(level - 1):
        base = base.parent
    if level == 0:
        return None  # third-party or absolute import: not ours
    target = base.joinpath(*module.split(".")) if module else base
    for candidate in (target.with_suffix(".py"), target / "__init__.py"):
        if candidate.exists():
            return candidate
    return None


def parse_module(path: Path) -> Module:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    module = Module(path, tree, _assignments(tree.body))
    for node in tree.body:
        if isinstance(node, ast.ImportFrom):
            source = _module_file(path, node.module, node.level)
            if source is not None:
                for alias in node.names:
                    module.imports[alias.asname or alias.name] = (source, alias.name)
        elif isinstance(node, ast.ClassDef):
            module.classes[node.name] = _assignments(node.body)
    return module


def _parents(tree: ast.AST) -> dict[ast.AST, ast.AST]:
    return {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}


def _target_values(target: ast.expr, value: object, name: str) -> object:
    """The part of ``value`` that loop target ``target`` binds to ``name`` (UNKNOWN when none)."""
    if isinstance(target, ast.Name):
        return value if target.id == name else None
    if isinstance(target, ast.Tuple | ast.List):
        for i, element in enumerate(target.elts):
            part = value[i] if isinstance(value, tuple | list) and i < len(value) else UNKNOWN
            found = _target_values(element, part, name)
            if found is not None:
                return found
    return None


class Evaluator:
    """Computes constant values of expressions, following names across the plugin's modules."""

    def __init__(self, modules: dict[Path, Module]):
        self.modules = modules
        self.wrappers: dict[str, tuple[int, str] | None] = dict.fromkeys(TR_NAMES)
        self.parents = {path: _parents(m.tree) for path, m in modules.items()}

    def module_name(self, module: Module, name: str, seen: frozenset = frozenset()) -> object:
        key = (module.path, name)
        if key in seen:
            return UNKNOWN
        seen = seen | {key}
        if name in module.names:
            values = [self.value(v, module, None, seen) for v in module.names[name]]
            return values[0] if len(values) == 1 else Alternatives(values)
        if name in module.imports:
            path, original = module.imports[name]
            if path in self.modules:
                return self.module_name(self.modules[path], original, seen)
        return UNKNOWN

    def _local(self, name: str, node: ast.AST, module: Module, seen: frozenset) -> object:
        """``name`` bound by an enclosing comprehension, for loop or function-local assignment."""
        parents = self.parents[module.path]
        scope = parents.get(node)
        while scope is not None:
            generators = scope.generators if isinstance(scope, ast.ListComp | ast.SetComp | ast.GeneratorExp |
                                                        ast.DictComp) else []
            loops = [(g.target, g.iter) for g in generators]
            if isinstance(scope, ast.For):
                loops.append((scope.target, scope.iter))
            for target, iterable in loops:
                if any(n is node for n in ast.walk(iterable)):
                    continue  # the name is in the loop's own iterable: bound further out
                values = self.value(iterable, module, scope, seen)
                if isinstance(values, dict):
                    values = list(values.values())
                if isinstance(values, tuple | list):
                    bound = [_target_values(target, v, name) for v in values]
                    if bound and all(b is not None for b in bound):
                        return Alternatives(bound)
                elif _target_values(target, UNKNOWN, name) is not None:
                    return UNKNOWN
            if isinstance(scope, ast.FunctionDef | ast.AsyncFunctionDef):
                if name in {a.arg for a in (*scope.args.args, *scope.args.kwonlyargs, *scope.args.posonlyargs)}:
                    return PARAMETER
                local = [n.value for n in ast.walk(scope) if isinstance(n, ast.Assign)
                         and any(isinstance(t, ast.Name) and t.id == name for t in n.targets)]
                if local:
                    values = [self.value(v, module, scope, seen) for v in local]
                    return values[0] if len(values) == 1 else Alternatives(values)
                return self.module_name(module, name, seen)
            scope = parents.get(scope)
        return self.module_name(module, name, seen)

    def _class_attribute(self, node: ast.AST, module: Module, attribute: str, seen: frozenset) -> object:
        parents = self.parents[module.path]
        scope = parents.get(node)
        while scope is not None and not isinstance(scope, ast.ClassDef):
            scope = parents.get(scope)
        if scope is None or attribute not in module.classes.get(scope.name, {}):
            return UNKNOWN
        values = [self.value(v, module, scope, seen) for v in module.classes[scope.name][attribute]]
        return values[0] if len(values) == 1 else Alternatives(values)

    def value(self, node: ast.AST, module: Module, at: ast.AST | None, seen: frozenset = frozenset()) -> object:
        at = node if at is None else at
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, ast.Name):
            return self._local(node.id, node, module, seen)
        if isinstance(node, ast.Tuple | ast.List | ast.Set):
            out: list[object] = []
            for element in node.elts:
                if isinstance(element, ast.Starred):
                    inner = self.value(element.value, module, at, seen)
                    out.extend(inner if isinstance(inner, tuple | list) else [UNKNOWN])
                else:
                    out.append(self.value(element, module, at, seen))
            return tuple(out)
        if isinstance(node, ast.Dict):
            keys = [self.value(k, module, at, seen) if k is not None else UNKNOWN for k in node.keys]
            return {k if isinstance(k, str | int) else ("#", i): self.value(v, module, at, seen)
                    for i, (k, v) in enumerate(zip(keys, node.values))}
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            return _concat(self.value(node.left, module, at, seen), self.value(node.right, module, at, seen))
        if isinstance(node, ast.IfExp):
            return Alternatives([self.value(node.body, module, at, seen), self.value(node.orelse, module, at, seen)])
        if isinstance(node, ast.Subscript):
            return _subscript(self.value(node.value, module, at, seen), self.value(node.slice, module, at, seen))
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"):
            return self._class_attribute(node, module, node.attr, seen)
        if isinstance(node, ast.Call):
            return self._call(node, module, at, seen)
        if isinstance(node, ast.JoinedStr):
            return self._fstring(node, module, at, seen)
        return UNKNOWN

    def _fstring(self, node: ast.JoinedStr, module: Module, at: ast.AST, seen: frozenset) -> object:
        """An f-string of constants (as in a class attribute), formatted as Python would."""
        text = ""
        for part in node.values:
            if isinstance(part, ast.Constant):
                text += str(part.value)
                continue
            value = self.value(part.value, module, at, seen)
            spec = self.value(part.format_spec, module, at, seen) if part.format_spec else ""
            if not isinstance(value, str | int | float) or not isinstance(spec, str):
                return UNKNOWN
            value = repr(value) if part.conversion == ord("r") else value
            text += format(value, spec)
        return text

    def _call(self, node: ast.Call, module: Module, at: ast.AST, seen: frozenset) -> object:
        func = node.func
        if isinstance(func, ast.Name) and func.id in ("list", "tuple", "sorted") and len(node.args) == 1:
            inner = self.value(node.args[0], module, at, seen)
            return tuple(inner.values()) if isinstance(inner, dict) else inner
        if isinstance(func, ast.Attribute) and func.attr == "get" and len(node.args) == 2:
            mapping = self.value(func.value, module, at, seen)
            default = self.value(node.args[1], module, at, seen)
            if isinstance(mapping, dict):
                return Alternatives([*mapping.values(), default])
        if isinstance(func, ast.Attribute) and func.attr in ("values", "items") and not node.args:
            mapping = self.value(func.value, module, at, seen)
            if not isinstance(mapping, dict):
                return UNKNOWN
            return tuple(mapping.values()) if func.attr == "values" else tuple(mapping.items())
        if _call_name(func) in self.wrappers:  # tr("x") stands for its English text
            arg = _wrapped_argument(node, self.wrappers)
            return self.value(arg, module, at, seen) if arg is not None else UNKNOWN
        return UNKNOWN


PARAMETER = object()  # the value is a parameter of the enclosing function


def _concat(left: object, right: object) -> object:
    if isinstance(left, str) and isinstance(right, str):
        return left + right
    if isinstance(left, Alternatives) or isinstance(right, Alternatives):
        lefts = left if isinstance(left, Alternatives) else [left]
        rights = right if isinstance(right, Alternatives) else [right]
        return Alternatives(_concat(a, b) for a in lefts for b in rights)
    return UNKNOWN


def _subscript(container: object, index: object) -> object:
    if isinstance(container, Alternatives):
        return Alternatives(_subscript(c, index) for c in container)
    if isinstance(container, tuple | list):
        if isinstance(index, int) and -len(container) <= index < len(container):
            return container[index]
        return Alternatives(container)
    if isinstance(container, dict):
        return Alternatives(container.values())
    return UNKNOWN


def strings(value: object) -> tuple[list[str], bool]:
    """The strings in ``value`` and whether all of it was known."""
    if isinstance(value, str):
        return [value], True
    if isinstance(value, tuple | list):  # Alternatives included
        out, complete = [], True
        for item in value:
            found, ok = strings(item)
            out.extend(found)
            complete = complete and ok
        return out, complete
    if isinstance(value, dict):
        return strings(list(value.values()))
    return [], False


def _call_name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _has_words(text: str) -> bool:
    """Not a template of placeholders and punctuation only ("{0}: {1}"): nothing to translate."""
    return WORD.search(PLACEHOLDER.sub("", text)) is not None


@dataclass
class Extraction:
    """Messages in source order: by file (in SCANNED order), then line; each at its first place."""

    places: dict[str, tuple[int, int, str]] = field(default_factory=dict)  # source -> (file, line, "file:line")
    unresolved: list[str] = field(default_factory=list)
    english: list[str] = field(default_factory=list)  # f-string templates, still English
    root: Path = ROOT
    files: list[Path] = field(default_factory=list)

    def add(self, texts: list[str], where: str) -> None:
        path, line = where.rsplit(":", 1)
        place = (self.files.index(self.root / path), int(line), where)
        for text in texts:
            if _has_words(text) and place < self.places.get(text, (len(self.files), 0, "")):
                self.places[text] = place

    @property
    def messages(self) -> dict[str, str]:
        """source -> "file:line", in source order."""
        ordered = sorted(self.places.items(), key=lambda item: (item[1][:2], item[0]))
        return {text: place[2] for text, place in ordered}


def _text_argument(call: ast.Call) -> ast.expr | None:
    args = call.args
    if len(args) >= 2 and isinstance(args[0], ast.Constant) and args[0].value == CONTEXT:
        return args[1]
    return args[0] if len(args) == 1 else None


def _wrapped_argument(call: ast.Call, wrappers: dict[str, tuple[int, str] | None]) -> ast.expr | None:
    """The text argument of a call to tr() or to a function that passes one parameter to tr()."""
    where = wrappers.get(_call_name(call.func))
    if where is None:
        return _text_argument(call)
    index, name = where
    keyword = [k.value for k in call.keywords if k.arg == name]
    return keyword[0] if keyword else (call.args[index] if index < len(call.args) else None)


def _is_translation_call(call: ast.Call) -> bool:
    """Not str.translate: a ``.translate`` method call counts only with the plugin's context."""
    if isinstance(call.func, ast.Attribute) and call.func.attr == "translate":
        return len(call.args) >= 2 and isinstance(call.args[0], ast.Constant) and call.args[0].value == CONTEXT
    return True


def _parameter_texts(call: ast.Call) -> list[ast.expr]:
    """Description (2nd positional or ``description=``) and enum options of a Processing constructor."""
    out = [call.args[1]] if len(call.args) >= 2 else []
    options_position = 2 if _call_name(call.func) == "QgsProcessingParameterEnum" else None
    if options_position is not None and len(call.args) > options_position:
        out.append(call.args[options_position])
    out.extend(k.value for k in call.keywords if k.arg in ("description", "options"))
    return out


def _wrappers(modules: dict[Path, Module], evaluator: Evaluator) -> dict[str, tuple[int, str] | None]:
    """Functions that hand a parameter straight to a translation call: name -> (position, name)
    of that parameter (self and cls not counted); None for tr() itself and one-parameter wrappers."""
    names: dict[str, tuple[int, str] | None] = dict.fromkeys(TR_NAMES)
    names.update(dict.fromkeys(TEMPLATE_CALLS, (0, "message")))  # the template, then its params
    known = 0
    while known != len(names):  # until no new wrapper of a wrapper turns up
        known = len(names)
        _add_wrappers(modules, evaluator, names)
    return names


def _add_wrappers(modules: dict[Path, Module], evaluator: Evaluator, names: dict[str, tuple[int, str] | None]) -> None:
    for module in modules.values():
        for node in ast.walk(module.tree):
            if isinstance(node, ast.Call) and _call_name(node.func) in names and _is_translation_call(node):
                arg = _wrapped_argument(node, names)
                if isinstance(arg, ast.Name) and evaluator.value(arg, module, None) is PARAMETER:
                    scope = evaluator.parents[module.path].get(node)
                    while scope is not None and not isinstance(scope, ast.FunctionDef):
                        scope = evaluator.parents[module.path].get(scope)
                    if scope is not None and scope.name not in names and not scope.name.startswith("__"):
                        params = [a.arg for a in (*scope.args.posonlyargs, *scope.args.args)
                                  if a.arg not in ("self", "cls")] + [a.arg for a in scope.args.kwonlyargs]
                        names[scope.name] = None if len(params) == 1 else (params.index(arg.id), arg.id)


def extract(root: Path = ROOT) -> Extraction:
    """Every message of the plugin whose folder is ``root``."""
    files = source_files(root)
    modules = {path: parse_module(path) for path in files}
    evaluator = Evaluator(modules)
    wrappers = _wrappers(modules, evaluator)
    evaluator.wrappers = wrappers
    result = Extraction(root=root, files=files)
    lines = {path: path.read_text(encoding="utf-8").splitlines() for path in modules}
    translated_attributes: set[str] = set()
    for path, module in modules.items():
        for node in ast.walk(module.tree):
            if not isinstance(node, ast.Call):
                continue
            name = _call_name(node.func)
            if name in wrappers and _is_translation_call(node):
                arg = _wrapped_argument(node, wrappers)
                if isinstance(arg, ast.Attribute) and isinstance(arg.value, ast.Name) and arg.value.id == "self":
                    translated_attributes.add(arg.attr)
                    continue
                texts = [arg] if arg is not None else []
            elif name.startswith(("QgsProcessingParameter", "QgsProcessingOutput")):
                texts = _parameter_texts(node)
            else:
                continue
            where = f"{path.relative_to(root)}:{node.lineno}"
            for expr in texts:
                value = evaluator.value(expr, module, None)
                if value is PARAMETER:
                    continue
                found, complete = strings(value)
                result.add(found, where)
                if not complete and not _is_translated_elsewhere(expr, name, wrappers) and \
                        DYNAMIC_MARK not in lines[path][node.lineno - 1]:
                    # an f-string error/Message stays English: listed as to-do, not (yet) an error (issue 13)
                    (result.english if name in TEMPLATE_CALLS else result.unresolved).append(
                        f"{where}: {ast.unparse(expr)}")
    for path, module in modules.items():
        for node in ast.walk(module.tree):
            if isinstance(node, ast.ClassDef):
                for attribute, values in _assignments(node.body).items():
                    if attribute in translated_attributes:
                        for value in values:
                            found, complete = strings(evaluator.value(value, module, node))
                            where = f"{path.relative_to(root)}:{value.lineno}"
                            result.add(found, where)
                            if not complete:
                                result.unresolved.append(f"{where}: {node.name}.{attribute}")
    return result


def _is_translated_elsewhere(expr: ast.expr, name: str, wrappers: dict) -> bool:
    """A Processing text that is already a tr() call, or a list of them: extracted there."""
    if isinstance(expr, ast.ListComp):
        expr = expr.elt
    return isinstance(expr, ast.Call) and _call_name(expr.func) in wrappers


# -- the .ts file ------------------------------------------------------------------------

def read_translations(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    out: dict[str, str] = {}
    for message in ET.parse(path).getroot().iter("message"):  # noqa: S314 (our own file)
        translation = message.find("translation")
        text = translation.text if translation is not None else None
        if text and translation.get("type") not in ("unfinished", "obsolete", "vanished"):
            out[message.findtext("source") or ""] = text
    return out


def read_tsv(paths: list[Path]) -> dict[str, str]:
    out: dict[str, str] = {}
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) == 3 and parts[0] == CONTEXT and parts[2].strip():
                # a literal "\n" in a one-line TSV cell stands for a line break
                out.setdefault(parts[1].replace("\\n", "\n"), parts[2].replace("\\n", "\n"))
    return out


def render(sources: list[str], translations: dict[str, str]) -> str:
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>",
             '<TS version="2.1" language="nb_NO" sourcelanguage="en">', "<context>",
             f"    <name>{CONTEXT}</name>"]
    for source in sources:
        text = translations.get(source)
        translation = (f"<translation>{escape(text)}</translation>" if text
                       else '<translation type="unfinished"></translation>')
        lines.append(f"    <message><source>{escape(source)}</source>{translation}</message>")
    lines += ["</context>", "</TS>", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the .ts would change; write nothing")
    parser.add_argument("--merge", type=Path, nargs="*", default=[], help="TSV files with missing translations")
    parser.add_argument("--override", type=Path, nargs="*", default=[], help="TSV files whose translations win")
    parser.add_argument("--report", action="store_true", help="list unfinished messages and unresolved calls")
    parser.add_argument("--ts", type=Path, default=TS_FILE)
    args = parser.parse_args(argv)

    extraction = extract()
    translations = read_translations(args.ts)
    for source, text in read_tsv(args.merge).items():
        translations.setdefault(source, text)
    translations.update(read_tsv(args.override))
    sources = list(extraction.messages)
    new_text = render(sources, translations)
    old_text = args.ts.read_text(encoding="utf-8") if args.ts.exists() else ""
    unfinished = [s for s in sources if not translations.get(s)]
    if args.report:
        for source in unfinished:
            print(f"unfinished: {extraction.messages[source]}: {source[:100]!r}")
        for line in extraction.unresolved:
            print(f"unresolved: {line}")
        for line in extraction.english:
            print(f"english: {line}")
    print(f"{len(sources)} messages, {len(unfinished)} unfinished, {len(extraction.unresolved)} unresolved calls, "
          f"{len(extraction.english)} f-string templates left in English",
          file=sys.stderr)
    if args.check:
        if new_text != old_text:
            old = set(ET.fromstring(old_text.encode()).iter("source")) if old_text else set()  # noqa: S314
            old_sources = {e.text for e in old}
            added = [s for s in sources if s not in old_sources]
            gone = [s for s in old_sources if s not in extraction.messages]
            print(f"{args.ts.name} is out of date: {len(added)} new, {len(gone)} vanished; "
                  "run scripts/update_translations.py", file=sys.stderr)
            return 1
        return 0
    if new_text != old_text:
        args.ts.write_text(new_text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
