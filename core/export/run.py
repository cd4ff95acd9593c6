"""One export, end to end: validate → metadata → destination (GeoPackage or PostGIS) → workbook.

Everything that can be refused is refused before the first write. The algorithm
(``algorithms/export.py``) and the benchmark call ``export_run``; the pipeline reaches it
through ``processing.run("tailingsunfc:export", ...)``.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import TailingsInputError
from ..message import Message
from ..report_style import Translate, untranslated
from .erml import ERML_SPECS, mining_waste_view
from .frames import ExportFrames, prepare_export_frames
from .geopackage import write_geopackage
from .postgis import DEFAULT_SCHEMA, PostgisTarget, parse_destination, write_postgis
from .provenance import (
    FIELD_DICTIONARY_SPECS,
    METADATA_TABLE_SPECS,
    QUANTITY_TABLE_SPECS,
    RunMetadata,
    build_run_metadata,
    field_dictionary,
)
from .tables import TableNames
from .workbook import write_workbook

CredentialResolver = Callable[[PostgisTarget], dict[str, str]]
# Shares of the export's progress (percent): checks and metadata, then the destination, then the workbook.
_PREPARE_SHARE, _WRITE_END = 5.0, 85.0


@dataclass(frozen=True)
class ExportResult:
    run: RunMetadata
    destination: str            # path, or the credential-free PostGIS label
    is_postgis: bool
    deposits_written: int
    quantities_written: int
    report: str | None


def describe_destination(destination: str, schema: str = DEFAULT_SCHEMA) -> tuple[PostgisTarget | None, str]:
    target = parse_destination(destination, schema)
    return target, (target.label() if target else str(destination))


def export_run(deposits: pd.DataFrame, quantities: pd.DataFrame, destination: str, *, crs: str,
               report_path: str | None = None, run_metadata: dict[str, Any] | None = None,
               include_erml: bool = True, table_prefix: str = "", schema: str = DEFAULT_SCHEMA,
               resolve_credentials: CredentialResolver | None = None,
               progress: Callable[[float], None] | None = None, cancel: Callable[[], None] | None = None,
               log: Callable[[str], None] | None = None, deposits_name: str = "INPUT",
               quantities_name: str = "QUANTITIES", language: str = "en",
               translate: Translate = untranslated) -> ExportResult:
    """``language`` ("nb" or "en") chooses the field aliases that QGIS shows; the field
    dictionary keeps both. ``translate`` (Qt's tr on the QGIS side) gives the workbook's titles."""
    progress = progress or (lambda _p: None)
    cancel = cancel or (lambda: None)
    log = log or (lambda _m: None)
    if not str(destination or "").strip():
        raise TailingsInputError("DESTINATION is empty: give a .gpkg file or a PostGIS connection")
    target, label = describe_destination(destination, schema)
    names = TableNames.with_prefix(table_prefix)
    if target is None and Path(destination).suffix.lower() != ".gpkg":
        raise TailingsInputError("The destination file must end in .gpkg (GeoPackage)", file=str(destination))
    frames: ExportFrames = prepare_export_frames(deposits, quantities, deposits_name=deposits_name,
                                                 quantities_name=quantities_name)
    frames = replace(frames, language=language)
    progress(_PREPARE_SHARE / 3)  # each of these three steps is one pass of a second or two at 100k deposits
    log(Message("{0}: {1} deposits read, all accepted; {2}: {3} quantity rows read, all accepted", deposits_name,
                len(deposits), quantities_name, len(quantities)))
    run = build_run_metadata(frames, crs, run_metadata)
    log(Message("Run {0}, content sha256 {1}", run.run_id, run.content_hash))
    progress(2 * _PREPARE_SHARE / 3)
    erml = mining_waste_view(frames.deposits, f"Tailings UNFC {run.plugin_version}, run {run.run_id}") \
        if include_erml else None
    tables = [(names.deposits, frames.specs), (names.quantities, QUANTITY_TABLE_SPECS),
              (names.runs, METADATA_TABLE_SPECS), (names.field_dictionary, FIELD_DICTIONARY_SPECS)]
    if include_erml:
        tables.append((names.erml, ERML_SPECS))
    dictionary = field_dictionary(tables)
    progress(_PREPARE_SHARE)
    written = _WRITE_END if report_path else 100.0

    def scaled(value: float) -> None:
        progress(_PREPARE_SHARE + value * (written - _PREPARE_SHARE) / 100.0)

    cancel()
    if target is not None:
        if resolve_credentials is None:
            credentials: dict[str, str] = {}
        else:
            credentials = resolve_credentials(target)
        counts = write_postgis(target, credentials, frames, run, dictionary=dictionary, erml=erml,
                               erml_specs=ERML_SPECS, names=names, progress=scaled, cancel=cancel, log=log)
    else:
        counts = write_geopackage(destination, frames, run, dictionary=dictionary, erml=erml,
                                  erml_specs=ERML_SPECS, names=names, progress=scaled, cancel=cancel)
    log(Message("Wrote {0} deposits and {1} quantity rows to {2}", counts["deposits"], counts["quantities"], label))
    report = None
    if report_path:
        cancel()
        report = str(write_workbook(report_path, frames, run, dictionary, label, translate,
                                    progress=lambda f: progress(_WRITE_END + f * (100.0 - _WRITE_END))))
        log(Message("Summary workbook: {0}", report))
    progress(100.0)
    return ExportResult(run, label, target is not None, counts["deposits"], counts["quantities"], report)
