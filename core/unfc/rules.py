"""The classification rules file: loading, strict validation, and the parsed form.

The file is TOML (read with Python 3.11's ``tomllib``) so that a geologist can edit it in
any text editor; docs/unfc.md documents every key. Validation is strict on purpose: an
unknown key (a typo) is refused with its line number rather than silently ignored.
"""
from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import TailingsInputError
from ..message import Message, cause_of
from ..schema import COMMODITIES, SETTINGS
from .codes import parse_category

DEFAULT_RULES_PATH = Path(__file__).resolve().parent.parent.parent / "resources" / "rules" / "default_rules.toml"
CURRENCIES = ("USD", "NOK")
G_LEVELS = ("G1", "G2", "G3")
PERMIT_VALUES = ("granted", "pending", "none", "refused")
KNOWN_METHODS = ("measured", "regression", "analogue")

# Allowed keys per table. A value of None means "free keys" (checked separately).
_SCHEMA: dict[str, Any] = {
    "version": str,
    "description": str,
    "prices": {"currency": str, "usd_nok": float, **{c: float for c in COMMODITIES}},
    "recovery": {c: float for c in COMMODITIES},
    "g": {**{lvl: {"min_samples": int, "max_relative_half_width": float} for lvl in G_LEVELS},
          "max_confidence": {m: str for m in KNOWN_METHODS}},
    "f": {"min_technology_for_project": str, "potential_source_f": str,
          "project_status": None, "technology": {c: str for c in COMMODITIES}},
    "setting": {s: {"e_threshold_factor": float, "technology_steps": int} for s in SETTINGS},
    "setting_names": None,
    "e": {"value_currency": str, "e1_min_value": float, "e2_min_value": float, "e3_3_max_value": float,
          "without_project": str, "potential_source": str, "permit_status": None,
          "constraints": {"default_effect": str,
                          "layer": [{"match": str, "label": str, "label_nb": str, "effect": str}]}},
}
_REQUIRED_TOP = ("version", "prices", "recovery", "g", "f", "setting", "e")


@dataclass(frozen=True)
class ConstraintRule:
    match: str
    label: str
    label_nb: str
    effect: str  # "E3.2" or "E3.3"


@dataclass(frozen=True)
class Rules:
    version: str
    source: str
    price_currency: str
    usd_nok: float
    prices: dict[str, float]
    recovery: dict[str, float]
    min_samples: dict[str, int]               # "G1" -> n
    max_half_width: dict[str, float]          # "G1" -> fraction
    max_confidence: dict[str, int]            # method -> level: measured/regression 1..3, analogue 4
    min_technology_for_project: int           # 1..3 (F4.x)
    potential_source_f: str
    project_status: dict[str, str]            # normalised status -> F code
    technology: dict[str, int]                # commodity -> 1..3 (F4.x)
    setting_factor: dict[str, float]
    setting_steps: dict[str, int]
    setting_names: dict[str, str]             # normalised alias -> land/lake/sea
    value_currency: str
    e1_min_value: float
    e2_min_value: float
    e3_3_max_value: float
    without_project: str                      # "E3.3" or "screening"
    potential_source_e: str
    permit_status: dict[str, str]             # normalised value -> granted/pending/none/refused
    constraint_default: str
    constraints: tuple[ConstraintRule, ...]

    def value_factor(self) -> float:
        """Multiplier from the price currency to the threshold currency."""
        if self.price_currency == self.value_currency:
            return 1.0
        return self.usd_nok if self.price_currency == "USD" else 1.0 / self.usd_nok

    def constraint_for(self, layer_name: str) -> ConstraintRule:
        name = layer_name.lower()
        for rule in self.constraints:
            if rule.match.lower() in name:
                return rule
        return ConstraintRule("", layer_name, layer_name, self.constraint_default)


def normalise_text(value: object) -> str:
    """Lower case, single spaces, ``_``/``-`` as spaces: how free-text fields are matched."""
    if value is None:
        return ""
    return re.sub(r"[\s_\-]+", " ", str(value)).strip().lower()


def _line_of(text: str, path: tuple[str, ...]) -> int | None:
    """Line (1-based) where the key ``path`` is written, for error messages."""
    lines = text.splitlines()
    key = path[-1]
    table = [p for p in path[:-1] if not p.isdigit()]
    key_re = re.compile(rf'^\s*("?){re.escape(key)}\1\s*=')
    header_re = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*$")
    current: list[str] = []
    dotted_key = re.compile(rf'^\s*{re.escape(".".join(path))}\s*=')
    for number, line in enumerate(lines, start=1):
        header = header_re.match(line)
        if header:
            current = [p.strip().strip('"') for p in header.group(1).split(".")]
            if current == [p for p in path if not p.isdigit()]:
                return number  # an unknown table
            continue
        if current == table and key_re.match(line):
            return number
        if not current and dotted_key.match(line):
            return number
    return None


def _error(source: str, text: str, path: tuple[str, ...], template: str, *params: object,
           value: object = None) -> TailingsInputError:
    """The error of ``template`` (a whole "Rules file: ..." text), with the line of ``path`` if found."""
    line = _line_of(text, path)
    place = {"file": source, "column": ".".join(path), "value": value}
    if line is None:
        return TailingsInputError(template, *params, **place)
    return TailingsInputError("{0} (line {1})", Message(template, *params), line, **place)


def _check_keys(data: dict[str, Any], schema: dict[str, Any], path: tuple[str, ...], source: str, text: str) -> None:
    for key, value in data.items():
        here = (*path, key)
        name = ".".join(here)
        if key not in schema:
            allowed = ", ".join(sorted(schema))
            raise _error(source, text, here, "Rules file: unknown key '{0}' (allowed here: {1})", name, allowed)
        expected = schema[key]
        if expected is None:
            if not isinstance(value, dict):
                raise _error(source, text, here, "Rules file: '{0}' must be a table", name, value=value)
            continue
        if isinstance(expected, dict):
            if not isinstance(value, dict):
                raise _error(source, text, here, "Rules file: '{0}' must be a table", name, value=value)
            _check_keys(value, expected, here, source, text)
        elif isinstance(expected, list):
            if not isinstance(value, list):
                raise _error(source, text, here, "Rules file: '{0}' must be an array of tables", name, value=value)
            for i, item in enumerate(value):
                _check_keys(item, expected[0], (*here, str(i)), source, text)
        elif expected is float:
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise _error(source, text, here, "Rules file: '{0}' must be a number", name, value=value)
            # TOML allows nan and inf; as a price or threshold they would silently change classes.
            if not math.isfinite(value):
                raise _error(source, text, here, "Rules file: '{0}' must be a finite number, not {1}", name, value,
                             value=value)
        elif expected is int:
            if isinstance(value, bool) or not isinstance(value, int):
                raise _error(source, text, here, "Rules file: '{0}' must be a whole number", name, value=value)
        elif not isinstance(value, expected):
            raise _error(source, text, here, "Rules file: '{0}' must be text", name, value=value)


def _require(data: dict[str, Any], path: tuple[str, ...], source: str, text: str) -> Any:
    node: Any = data
    for i, key in enumerate(path):
        if not isinstance(node, dict) or key not in node:
            missing = ".".join(path[: i + 1])
            raise TailingsInputError("Rules file: missing '{0}'", missing, file=source, column=missing)
        node = node[key]
    return node


def _f4_level(code: str, where: tuple[str, ...], source: str, text: str) -> int:
    try:
        parsed = parse_category("F", code)
    except ValueError as err:
        raise _error(source, text, where, "Rules file: {0}", cause_of(err), value=code) from None
    if not parsed.startswith("F4."):
        raise _error(source, text, where, "Rules file: '{0}' must be F4.1, F4.2 or F4.3", ".".join(where), value=code)
    return int(parsed[-1])


def _level(code: str, where: tuple[str, ...], source: str, text: str) -> int:
    try:
        parsed = parse_category("G", code)
    except ValueError as err:
        raise _error(source, text, where, "Rules file: {0}", cause_of(err), value=code) from None
    return 4 if parsed.startswith("G4") else int(parsed[1])


def parse_rules(text: str, source: str = "<rules>") -> Rules:
    """Rules from TOML text; TailingsInputError naming file, key and line on any problem."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        # tomllib's message ends with "(at line L, column C)": keep it, it names the place.
        raise TailingsInputError("Rules file: TOML syntax error: {0}", err, file=source) from None
    _check_keys(data, _SCHEMA, (), source, text)
    for key in _REQUIRED_TOP:
        _require(data, (key,), source, text)

    prices = data["prices"]
    currency = str(_require(data, ("prices", "currency"), source, text)).upper()
    if currency not in CURRENCIES:
        raise _error(source, text, ("prices", "currency"), "Rules file: prices.currency must be USD or NOK, not {0!r}",
                     currency)
    usd_nok = float(_require(data, ("prices", "usd_nok"), source, text))
    if usd_nok <= 0:
        raise _error(source, text, ("prices", "usd_nok"), "Rules file: prices.usd_nok must be positive", value=usd_nok)
    price = {}
    recovery = {}
    for c in COMMODITIES:
        if c not in prices:
            raise TailingsInputError("Rules file: missing price for commodity '{0}' (add 'prices.{0}')", c,
                                     file=source, column=f"prices.{c}")
        price[c] = float(prices[c])
        if price[c] < 0:
            raise _error(source, text, ("prices", c), "Rules file: price of {0} must not be negative", c,
                         value=price[c])
        if c not in data["recovery"]:
            raise TailingsInputError("Rules file: missing recovery factor for commodity '{0}' (add 'recovery.{0}')", c,
                                     file=source, column=f"recovery.{c}")
        recovery[c] = float(data["recovery"][c])
        if not 0.0 <= recovery[c] <= 1.0:
            raise _error(source, text, ("recovery", c),
                         "Rules file: recovery of {0} must be a fraction between 0 and 1", c, value=recovery[c])

    min_samples = {lvl: int(_require(data, ("g", lvl, "min_samples"), source, text)) for lvl in G_LEVELS}
    half_width = {lvl: float(_require(data, ("g", lvl, "max_relative_half_width"), source, text)) for lvl in G_LEVELS}
    for stricter, looser in (("G1", "G2"), ("G2", "G3")):
        if min_samples[stricter] < min_samples[looser]:
            raise _error(source, text, ("g", stricter, "min_samples"),
                         "Rules file: thresholds not monotonic: {0} min_samples ({1}) is below {2} min_samples ({3}); "
                         "{0} must be at least as strict", stricter, min_samples[stricter], looser, min_samples[looser])
        if half_width[stricter] > half_width[looser]:
            raise _error(source, text, ("g", stricter, "max_relative_half_width"),
                         "Rules file: thresholds not monotonic: {0} max_relative_half_width ({1}) is above {2} ({3}); "
                         "{0} must be at least as strict", stricter, half_width[stricter], looser, half_width[looser])
    for lvl in G_LEVELS:
        if min_samples[lvl] < 0 or half_width[lvl] < 0:
            raise _error(source, text, ("g", lvl, "min_samples"), "Rules file: {0} thresholds must not be negative",
                         lvl)
    max_conf_raw = _require(data, ("g", "max_confidence"), source, text)
    max_confidence = {m: _level(max_conf_raw.get(m, "G4" if m == "analogue" else "G3"), ("g", "max_confidence", m),
                                source, text) for m in KNOWN_METHODS}
    for m in ("measured", "regression"):
        if max_confidence[m] == 4:
            raise _error(source, text, ("g", "max_confidence", m),
                         "Rules file: g.max_confidence.{0} must be G1, G2 or G3: an estimate from the deposit's own "
                         "samples is a known source in UNFC, and G4 is for potential sources only", m,
                         value=max_conf_raw.get(m))
    if max_confidence["analogue"] != 4:
        raise _error(source, text, ("g", "max_confidence", "analogue"),
                     "Rules file: g.max_confidence.analogue must be G4: an analogue or mass-balance estimate rests on "
                     "indirect evidence, so the deposit is a potential source in UNFC",
                     value=max_conf_raw.get("analogue"))

    f = data["f"]
    project_status = {}
    for status, code in _require(data, ("f", "project_status"), source, text).items():
        try:
            project_status[normalise_text(status)] = parse_category("F", code)
        except ValueError as err:
            raise _error(source, text, ("f", "project_status", status), "Rules file: {0}", cause_of(err),
                         value=code) from None
    technology = {}
    tech_table = _require(data, ("f", "technology"), source, text)
    for c in COMMODITIES:
        if c not in tech_table:
            raise TailingsInputError("Rules file: missing technology maturity for commodity '{0}'", c,
                                     file=source, column=f"f.technology.{c}")
        technology[c] = _f4_level(tech_table[c], ("f", "technology", c), source, text)
    min_tech = _f4_level(f.get("min_technology_for_project", "F4.1"), ("f", "min_technology_for_project"),
                         source, text)
    try:
        potential_f = parse_category("F", f.get("potential_source_f", "F3.1"))
    except ValueError as err:
        raise _error(source, text, ("f", "potential_source_f"), "Rules file: {0}", cause_of(err)) from None

    setting_factor, setting_steps = {}, {}
    for s in SETTINGS:
        table = _require(data, ("setting", s), source, text)
        setting_factor[s] = float(_require(data, ("setting", s, "e_threshold_factor"), source, text))
        setting_steps[s] = int(_require(data, ("setting", s, "technology_steps"), source, text))
        if setting_factor[s] <= 0 or setting_steps[s] < 0:
            raise _error(source, text, ("setting", s, "e_threshold_factor"),
                         "Rules file: setting.{0}: factor must be positive and steps not negative", s, value=table)
    setting_names = {s: s for s in SETTINGS}
    for alias, target in data.get("setting_names", {}).items():
        if target not in SETTINGS:
            raise _error(source, text, ("setting_names", alias),
                         "Rules file: setting_names: {0!r} must map to one of {1}", alias, ", ".join(SETTINGS),
                         value=target)
        setting_names[normalise_text(alias)] = target

    e = data["e"]
    value_currency = str(_require(data, ("e", "value_currency"), source, text)).upper()
    if value_currency not in CURRENCIES:
        raise _error(source, text, ("e", "value_currency"), "Rules file: e.value_currency must be USD or NOK",
                     value=value_currency)
    e1 = float(_require(data, ("e", "e1_min_value"), source, text))
    e2 = float(_require(data, ("e", "e2_min_value"), source, text))
    e33 = float(_require(data, ("e", "e3_3_max_value"), source, text))
    if not e1 >= e2 >= e33 >= 0:
        raise _error(source, text, ("e", "e1_min_value"), "Rules file: E thresholds not monotonic: need e1_min_value "
                     "({0}) >= e2_min_value ({1}) >= e3_3_max_value ({2}) >= 0", e1, e2, e33)
    without_project = str(e.get("without_project", "E3.3"))
    if without_project != "screening":
        try:
            without_project = parse_category("E", without_project)
        except ValueError as err:
            raise _error(source, text, ("e", "without_project"),
                         "Rules file: e.without_project must be an E category or 'screening': {0}",
                         cause_of(err)) from None
    try:
        potential_e = parse_category("E", e.get("potential_source", "E3.2"))
    except ValueError as err:
        raise _error(source, text, ("e", "potential_source"), "Rules file: {0}", cause_of(err)) from None
    permit = {}
    for value, meaning in e.get("permit_status", {}).items():
        if meaning not in PERMIT_VALUES:
            raise _error(source, text, ("e", "permit_status", value),
                         "Rules file: e.permit_status: {0!r} must map to one of {1}", value, ", ".join(PERMIT_VALUES),
                         value=meaning)
        permit[normalise_text(value)] = meaning
    constraints_table = e.get("constraints", {})
    default_effect = constraints_table.get("default_effect", "E3.2")
    constraint_rules = []
    for i, item in enumerate(constraints_table.get("layer", [])):
        effect = item.get("effect", default_effect)
        if effect not in ("E3.2", "E3.3"):
            raise _error(source, text, ("e", "constraints", "layer", str(i), "effect"),
                         "Rules file: constraint effect must be E3.2 or E3.3", value=effect)
        if not item.get("match"):
            raise _error(source, text, ("e", "constraints", "layer"),
                         "Rules file: constraint layer entry needs a non-empty 'match'")
        label = item.get("label", item["match"])
        constraint_rules.append(ConstraintRule(item["match"], label, item.get("label_nb", label), effect))
    if default_effect not in ("E3.2", "E3.3"):
        raise _error(source, text, ("e", "constraints", "default_effect"),
                     "Rules file: e.constraints.default_effect must be E3.2 or E3.3", value=default_effect)

    version = str(data["version"]).strip()
    if not version:
        raise _error(source, text, ("version",), "Rules file: version must not be empty")
    return Rules(
        version=version, source=source, price_currency=currency, usd_nok=usd_nok, prices=price,
        recovery=recovery, min_samples=min_samples, max_half_width=half_width, max_confidence=max_confidence,
        min_technology_for_project=min_tech, potential_source_f=potential_f, project_status=project_status,
        technology=technology, setting_factor=setting_factor, setting_steps=setting_steps,
        setting_names=setting_names, value_currency=value_currency, e1_min_value=e1, e2_min_value=e2,
        e3_3_max_value=e33, without_project=without_project, potential_source_e=potential_e,
        permit_status=permit, constraint_default=default_effect, constraints=tuple(constraint_rules),
    )


def load_rules(path: str | Path | None = None) -> Rules:
    """The rules in ``path``, or the shipped default rules when ``path`` is empty."""
    source = Path(path) if path else DEFAULT_RULES_PATH
    try:
        text = source.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise TailingsInputError("Rules file not found", file=str(source)) from None
    except UnicodeDecodeError as err:
        raise TailingsInputError("Rules file is not UTF-8 text ({0})", err.reason, file=str(source)) from None
    return parse_rules(text, str(source))
