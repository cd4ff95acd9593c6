"""Run metadata of an export: run id, content hash, inputs with hashes, field dictionary.

The run id is derived from the content when the pipeline does not give one, so that
re-exporting the same inputs addresses the same metadata row (idempotent upsert). The only
values that change between two exports of the same inputs are the timestamps, and they are
recorded as such (``exported_at``).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import shapely

from ..errors import TailingsInputError
from ..schema import (
    FIELD_DICTIONARY_FIELDS,
    INTERVAL_DESCRIPTION,
    QUANTITY_FIELDS,
    RUN_METADATA_FIELDS,
    RUN_TIME_FIELDS,
    FieldSpec,
)
from ..version import plugin_version
from .frames import GEOMETRY_COLUMN, ExportFrames

# Keys of RUN_METADATA that the export understands; other keys are kept verbatim.
KNOWN_RUN_KEYS = ("run_id", "rules_version", "rules_hash", "inputs", "models", "seeds", "notes")
_SECRET_WORDS = ("password", "passwd", "pwd", "secret", "token", "api_key", "apikey", "credential", "private_key")


@dataclass(frozen=True)
class RunMetadata:
    run_id: str
    exported_at: str                 # ISO 8601 UTC: the one value that differs between reruns
    plugin_version: str
    rules_version: str | None
    rules_hash: str | None
    crs: str
    content_hash: str
    deposit_count: int
    quantity_count: int
    inputs: list[dict[str, Any]] = field(default_factory=list)
    models: list[dict[str, Any]] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def as_row(self) -> dict[str, Any]:
        """The metadata table row (JSON columns as text)."""
        return {
            "run_id": self.run_id,
            "exported_at": self.exported_at,
            "plugin_version": self.plugin_version,
            "rules_version": self.rules_version,
            "rules_hash": self.rules_hash,
            "crs": self.crs,
            "interval_convention": INTERVAL_DESCRIPTION,
            "content_hash": self.content_hash,
            "deposit_count": self.deposit_count,
            "quantity_count": self.quantity_count,
            "inputs_json": json.dumps(self.inputs, sort_keys=True, ensure_ascii=False),
            "models_json": json.dumps(self.models, sort_keys=True, ensure_ascii=False),
            "extra_json": json.dumps(self.extra, sort_keys=True, ensure_ascii=False, default=str),
        }

    def as_document(self) -> dict[str, Any]:
        row = self.as_row()
        for key in ("inputs_json", "models_json", "extra_json"):
            row.pop(key)
        row.update(inputs=self.inputs, models=self.models, extra=self.extra)
        return row


METADATA_TABLE_SPECS: tuple[FieldSpec, ...] = RUN_METADATA_FIELDS  # defined in core.schema
FIELD_DICTIONARY_SPECS: tuple[FieldSpec, ...] = FIELD_DICTIONARY_FIELDS  # defined in core.schema


# Floats enter the content hash rounded to this many significant bits (about 6 significant
# decimal digits). Estimates come from exp/log and Monte Carlo arithmetic whose last bits
# differ between CPUs (numpy's SIMD paths, libm variants); rounding the binary mantissa is
# exact arithmetic, so the same inputs hash the same on any machine (unless a value lies
# within a last bit of a rounding step: about 2**-32 per value).
HASH_MANTISSA_BITS = 20
# Geometry enters as WKT with coordinates rounded to 1 mm, for the same reason (reprojection).
HASH_COORDINATE_DECIMALS = 3


def _hashable_floats(values: np.ndarray) -> np.ndarray:
    mantissa, exponent = np.frexp(values)
    scale = float(2 ** HASH_MANTISSA_BITS)
    return np.ldexp(np.round(mantissa * scale) / scale, exponent)


def _hashable(frame: pd.DataFrame) -> pd.DataFrame:
    plain = frame.drop(columns=[GEOMETRY_COLUMN, *RUN_TIME_FIELDS], errors="ignore")
    floats = plain.select_dtypes(include="floating").columns
    if len(floats):
        plain = plain.assign(**{c: _hashable_floats(plain[c].to_numpy(dtype=float)) for c in floats})
    return plain


def _geometry_text(column: pd.Series) -> bytes:
    wkb = column.to_numpy(dtype=object)
    present = np.array([isinstance(w, bytes | bytearray) for w in wkb], dtype=bool)
    texts = np.full(len(wkb), "", dtype=object)
    if present.any():
        geoms = shapely.from_wkb(wkb[present])
        texts[present] = shapely.to_wkt(geoms, rounding_precision=HASH_COORDINATE_DECIMALS, trim=True)
    return "\n".join(texts).encode()


def content_hash(frames: ExportFrames) -> str:
    """sha256 over what the export says: the canonical deposits (geometry included) and
    quantities, without the run's time (``RUN_TIME_FIELDS``), floats at ~6 significant digits
    and coordinates at 1 mm, so that it is the same on any CPU for the same inputs."""
    digest = hashlib.sha256()
    for frame in (frames.deposits, frames.quantities):
        plain = _hashable(frame)
        digest.update(",".join(map(str, plain.columns)).encode())
        digest.update(pd.util.hash_pandas_object(plain, index=False).to_numpy().tobytes())
        if GEOMETRY_COLUMN in frame.columns:
            digest.update(_geometry_text(frame[GEOMETRY_COLUMN]))
    return digest.hexdigest()


def _reject_secrets(value: Any, where: str) -> None:
    if isinstance(value, dict):
        for key, inner in value.items():
            if any(word in str(key).lower() for word in _SECRET_WORDS):
                raise TailingsInputError("RUN_METADATA must not contain secrets (key {0!r} in {1})", key, where)
            _reject_secrets(inner, where)
    elif isinstance(value, list):
        for inner in value:
            _reject_secrets(inner, where)


def parse_run_metadata(text: str | None) -> dict[str, Any]:
    """RUN_METADATA as given: a JSON object, or the path of a .json file holding one."""
    if text is None or not str(text).strip():
        return {}
    raw = str(text).strip()
    source = "RUN_METADATA"
    if not raw.startswith("{"):
        path = Path(raw)
        if not path.is_file():
            raise TailingsInputError("RUN_METADATA is neither a JSON object nor an existing .json file",
                                     file=raw)
        source = str(path)
        raw = path.read_text(encoding="utf-8")
    try:
        parsed = json.loads(raw)
    except json.JSONDecodeError as err:
        raise TailingsInputError("RUN_METADATA is not valid JSON: {0} at line {1} column {2}", err.msg, err.lineno,
                                 err.colno, file=source) from None
    if not isinstance(parsed, dict):
        raise TailingsInputError("RUN_METADATA must be a JSON object", file=source)
    _reject_secrets(parsed, source)
    return parsed


def build_run_metadata(frames: ExportFrames, crs: str, run_metadata: dict[str, Any] | None = None,
                       now: dt.datetime | None = None) -> RunMetadata:
    given = dict(run_metadata or {})
    digest = content_hash(frames)
    rules_versions = frames.deposits["rules_version"].dropna().unique().tolist()
    rules_version = given.get("rules_version") or (";".join(sorted(map(str, rules_versions))) or None)
    moment = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    return RunMetadata(
        run_id=str(given.get("run_id") or f"export-{digest[:16]}"),
        # Millisecond precision: the GeoPackage DATETIME form (OGC 12-128r15 §1.1.1.1.1).
        exported_at=moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z",
        plugin_version=plugin_version(),
        rules_version=rules_version,
        rules_hash=given.get("rules_hash"),
        crs=crs,
        content_hash=digest,
        deposit_count=len(frames.deposits),
        quantity_count=len(frames.quantities),
        inputs=list(given.get("inputs") or []),
        models=list(given.get("models") or []),
        extra={k: v for k, v in given.items() if k not in KNOWN_RUN_KEYS},
    )


def field_dictionary(tables: Iterable[tuple[str, Iterable[FieldSpec]]]) -> pd.DataFrame:
    """One row per (table, field): type, unit, Norwegian and English alias, description."""
    rows = [
        {"table_name": table, "field_name": s.name, "field_type": s.type, "unit": s.unit,
         "alias_nb": s.alias_nb, "alias_en": s.alias("en"), "description": s.description}
        for table, specs in tables for s in specs
    ]
    return pd.DataFrame(rows, columns=[s.name for s in FIELD_DICTIONARY_SPECS])


QUANTITY_TABLE_SPECS: tuple[FieldSpec, ...] = QUANTITY_FIELDS
