"""GeoPackage destination: deposits layer, quantities, run metadata, field dictionary,
ERML-Lite view, QGIS layer styles; written atomically and upserted by ``deposit_id``.

Atomicity: the destination is copied (or created) as a temporary file in the same directory,
all changes go into that copy, and ``os.replace`` swaps it in. A crash or kill at any point
leaves the previous destination untouched; the stale ``.<name>.<pid>-*.partial.gpkg`` it
leaves is removed by the next export to the same destination.

Upsert: rows of the deposits (and ERML) layer whose ``deposit_id`` is being exported are
replaced in place, keeping their feature id; quantity rows of those deposits are replaced;
the metadata row of the run id is replaced. Rows of other deposits are kept. Re-exporting
the same inputs therefore gives identical tables except the timestamps ``exported_at``,
``update_time`` and ``gpkg_contents.last_change``.

GeoPackage 1.2 (OGC 12-128r15) is written by GDAL's GPKG driver; the layer_styles table
has the layout QGIS 3.40 itself creates (checked against QgsVectorLayer.saveStyleToDatabase).
"""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import tempfile
import uuid
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
from osgeo import _gdal as gdal_module
from osgeo import gdal, ogr, osr

from ..disk_space import full_disk_hint
from ..errors import OperationCancelled, TailingsInputError
from ..message import Message
from ..schema import FieldSpec
from .frames import GEOMETRY_COLUMN, ExportFrames
from .gpkg_geometry import geometry_blobs
from .gpkg_rows import geometry_column, suspended_triggers, upsert_feature_rows
from .gpkg_rows import quote as _quote
from .provenance import FIELD_DICTIONARY_SPECS, METADATA_TABLE_SPECS, QUANTITY_TABLE_SPECS, RunMetadata
from .styles import STYLE_NAME, qml_with_aliases, read_style
from .tables import TableNames, column_values

GEOMETRY_NAME = "geom"
RUN_METADATA_STANDARD = "https://tailings-unfc.example.invalid/run-metadata/1.0"
_OGR_TYPES = {"string": ogr.OFTString, "int": ogr.OFTInteger64, "double": ogr.OFTReal,
              "datetime": ogr.OFTDateTime}
Progress = Callable[[float], None]
CancelCheck = Callable[[], None]



@contextlib.contextmanager
def gdal_exceptions():
    """GDAL/OGR/OSR raise exceptions inside the block only: the mode is global to the Python
    process, and QGIS or other plugins may rely on the default (errors as return values)."""
    modules = (gdal, ogr, osr)  # enabled in this order, so disabled in the reverse one
    enabled = [m for m in modules if not m.GetUseExceptions()]
    for module in enabled:
        module.UseExceptions()
    try:
        yield
    finally:
        for module in reversed(enabled):
            module.DontUseExceptions()


def _spatial_reference(crs: str) -> osr.SpatialReference:
    reference = osr.SpatialReference()
    try:
        reference.SetFromUserInput(crs)
    except RuntimeError:
        raise TailingsInputError("Unknown coordinate reference system", value=crs) from None
    reference.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return reference


def wkb_type_ids(wkb: pd.Series) -> np.ndarray:
    """OGC base geometry type per WKB value (1 point … 6 multipolygon, -1 for NULL), read from
    the WKB header (ISO 19125 / EWKB flags stripped). No GEOS: shapely's own GEOS may clash
    with the one QGIS loaded inside qgis_process."""
    def one(value) -> int:
        if not isinstance(value, bytes | bytearray) or len(value) < 5:
            return -1
        code = int.from_bytes(value[1:5], "little" if value[0] == 1 else "big")
        return (code & 0x0FFFFFFF) % 1000
    return np.fromiter((one(v) for v in wkb), dtype=np.int64, count=len(wkb))


def geometry_kind(wkb: pd.Series) -> tuple[str, int]:
    """('polygon'|'point'|'mixed', OGR layer type) from the WKB column."""
    types = wkb_type_ids(wkb)
    present = types >= 0
    if not present.any() or np.isin(types[present], (3, 6)).all():
        return "polygon", ogr.wkbMultiPolygon
    if np.isin(types[present], (1,)).all():
        return "point", ogr.wkbPoint
    return "mixed", ogr.wkbUnknown


def _ensure_fields(layer: ogr.Layer, specs: tuple[FieldSpec, ...]) -> list[int]:
    definition = layer.GetLayerDefn()
    indices = []
    for spec in specs:
        index = definition.GetFieldIndex(spec.name)
        if index < 0:
            field = ogr.FieldDefn(spec.name, _OGR_TYPES[spec.type])
            if spec.alias("en"):  # _write_data_columns then writes the alias of the export's language
                field.SetAlternativeName(spec.alias("en"))
            layer.CreateField(field)
            definition = layer.GetLayerDefn()
            index = definition.GetFieldIndex(spec.name)
        indices.append(index)
    return indices


def _open_or_create_layer(ds: ogr.DataSource, name: str, reference: osr.SpatialReference | None,
                          layer_type: int, specs: tuple[FieldSpec, ...], description: str) -> ogr.Layer:
    layer = ds.GetLayerByName(name)
    if layer is None:
        options = ["FID=fid", "SPATIAL_INDEX=YES", f"DESCRIPTION={description}"]
        if layer_type != ogr.wkbNone:
            options.append(f"GEOMETRY_NAME={GEOMETRY_NAME}")
        layer = ds.CreateLayer(name, reference, layer_type, options=options)
    elif reference is not None and layer.GetSpatialRef() is not None \
            and not layer.GetSpatialRef().IsSame(reference):
        raise TailingsInputError("The existing layer {0!r} of the destination is in another "
                                 "coordinate reference system; export to a new file or reproject", name,
                                 value=layer.GetSpatialRef().GetName())
    _ensure_fields(layer, specs)
    return layer


def _create_style_table(ds: ogr.DataSource) -> None:
    if ds.GetLayerByName("layer_styles") is not None:
        return
    # Same layout as QGIS 3.40 creates through OGR (QgsOgrProviderUtils, saveStyle).
    layer = ds.CreateLayer("layer_styles", None, ogr.wkbNone, options=["FID=id"])
    for name, width in (("f_table_catalog", 256), ("f_table_schema", 256), ("f_table_name", 256),
                        ("f_geometry_column", 256), ("styleName", 30), ("styleQML", 0), ("styleSLD", 0)):
        field = ogr.FieldDefn(name, ogr.OFTString)
        field.SetWidth(width)
        layer.CreateField(field)
    field = ogr.FieldDefn("useAsDefault", ogr.OFTInteger)
    field.SetSubType(ogr.OFSTBoolean)
    layer.CreateField(field)
    for name, width in (("description", 0), ("owner", 30), ("ui", 30)):
        field = ogr.FieldDefn(name, ogr.OFTString)
        field.SetWidth(width)
        layer.CreateField(field)
    field = ogr.FieldDefn("update_time", ogr.OFTDateTime)
    field.SetDefault("CURRENT_TIMESTAMP")
    layer.CreateField(field)


def _rows(frame: pd.DataFrame, specs: tuple[FieldSpec, ...]) -> list[tuple]:
    return list(zip(*(column_values(frame, s) for s in specs)))


def _sqlite_phase(path: Path, frames: ExportFrames, run: RunMetadata, names: TableNames, dictionary: pd.DataFrame,
                  kind: str, erml: pd.DataFrame | None, erml_specs: tuple[FieldSpec, ...], layer_type: int,
                  progress: Progress, cancel: CancelCheck) -> None:
    """Every row of every table, in one SQLite transaction on the temporary copy."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        # No journal: a failed export throws the whole temporary copy away (the destination is
        # only replaced after the commit), so a rollback journal would only double the writes.
        connection.execute("PRAGMA journal_mode = OFF")
        connection.execute("PRAGMA synchronous = OFF")  # _fsync before the rename makes it durable
        connection.execute("PRAGMA cache_size = -65536")  # 64 MiB: the bulk inserts stay in memory
        connection.execute("BEGIN")
        _write_features(connection, frames, names, erml, erml_specs, layer_type, progress, cancel)
        cancel()
        _write_tables(connection, frames, run, names, dictionary, kind)
        connection.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            connection.execute("ROLLBACK")
        raise
    finally:
        connection.close()


def _write_features(connection: sqlite3.Connection, frames: ExportFrames, names: TableNames,
                    erml: pd.DataFrame | None, erml_specs: tuple[FieldSpec, ...], layer_type: int,
                    progress: Progress, cancel: CancelCheck) -> None:
    """The deposits layer and the ERML view (same geometries, encoded once per srs_id)."""
    wkb = frames.deposits[GEOMETRY_COLUMN].tolist()
    blobs: dict[int, object] = {}
    layers = [(names.deposits, "deposit_id", frames.deposits, frames.specs)]
    if erml is not None:
        layers.append((names.erml, "identifier", erml, erml_specs))
    share = 90.0 / len(layers)
    for number, (table, key, frame, specs) in enumerate(layers):
        srs_id = geometry_column(connection, table)[1]
        if srs_id not in blobs:
            blobs[srs_id] = geometry_blobs(wkb, layer_type, srs_id)
            progress(number * share)
        upsert_feature_rows(connection, table, key, frame, specs, blobs[srs_id], progress, cancel,
                            (number * share, share))
        keys = json.dumps(frame[key].tolist())
        found = connection.execute(f"SELECT count(*) FROM {_quote(table)} WHERE {_quote(key)} IN "
                                   f"(SELECT value FROM json_each(?))", (keys,)).fetchone()[0]
        if found != len(frame):  # a duplicate or lost key must not reach the destination
            raise sqlite3.DatabaseError(f"{table} holds {found} of the {len(frame)} exported deposits")


def _write_tables(connection: sqlite3.Connection, frames: ExportFrames, run: RunMetadata, names: TableNames,
                  dictionary: pd.DataFrame, kind: str) -> None:
    """Quantities, run metadata, field dictionary, aliases, style and the JSON metadata."""
    connection.execute("CREATE TEMP TABLE export_ids (deposit_id TEXT PRIMARY KEY)")
    connection.executemany("INSERT INTO export_ids VALUES (?)", ((i,) for i in frames.deposits["deposit_id"]))
    _replace_rows(connection, names.quantities, "deposit_id IN (SELECT deposit_id FROM export_ids)", (),
                  [s.name for s in QUANTITY_TABLE_SPECS], _rows(frames.quantities, QUANTITY_TABLE_SPECS))
    row = run.as_row()
    _replace_rows(connection, names.runs, "run_id = ?", (run.run_id,), list(row), [tuple(row.values())])
    fd_columns = [s.name for s in FIELD_DICTIONARY_SPECS]
    _replace_rows(connection, names.field_dictionary, "1 = 1", (), fd_columns,
                  list(dictionary[fd_columns].itertuples(index=False, name=None)))
    _write_data_columns(connection, dictionary, frames.language)
    qml, sld = read_style(kind)
    qml = qml_with_aliases(qml, frames.specs, frames.language)
    _replace_rows(
        connection, "layer_styles", "f_table_name = ? AND styleName = ?", (names.deposits, STYLE_NAME),
        ["f_table_catalog", "f_table_schema", "f_table_name", "f_geometry_column", "styleName", "styleQML",
         "styleSLD", "useAsDefault", "description", "owner", "ui", "update_time"],
        [("", "", names.deposits, GEOMETRY_NAME, STYLE_NAME, qml, sld, 1,
          "UNFC class categories, labels: name and UNFC code (Tailings UNFC)", "", None, run.exported_at)],
        fid="id")
    _write_json_metadata(connection, run)


def _replace_rows(connection: sqlite3.Connection, table: str, where: str, params: tuple, columns: list[str],
                  rows: list[tuple], fid: str = "fid") -> None:
    """Delete the rows matching ``where`` and insert ``rows``, reusing the deleted feature ids in
    order, so that re-exporting the same content yields the same ids (idempotent files)."""
    name = _quote(table)
    old = [r[0] for r in connection.execute(f"SELECT {_quote(fid)} FROM {name} WHERE {where} "
                                            f"ORDER BY {_quote(fid)}", params)]
    ids = old + [None] * max(len(rows) - len(old), 0)
    statement = (f"INSERT INTO {name} ({_quote(fid)}, {', '.join(map(_quote, columns))}) "
                 f"VALUES ({', '.join('?' for _ in range(len(columns) + 1))})")
    with suspended_triggers(connection, table):  # GDAL's per-row feature count: once, below
        connection.execute(f"DELETE FROM {name} WHERE {where}", params)
        connection.executemany(statement, ((ids[i], *row) for i, row in enumerate(rows)))
    connection.execute(f"UPDATE gpkg_ogr_contents SET feature_count = (SELECT count(*) FROM {name}) "
                       "WHERE lower(table_name) = lower(?)", (table,))


def _write_data_columns(connection: sqlite3.Connection, dictionary: pd.DataFrame, language: str) -> None:
    """Aliases in ``language`` and descriptions with units (GeoPackage schema extension, OGC 12-128r15 §F.9)."""
    connection.execute(
        "CREATE TABLE IF NOT EXISTS gpkg_data_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, "
        "name TEXT, title TEXT, description TEXT, mime_type TEXT, constraint_name TEXT, "
        "CONSTRAINT pk_gdc PRIMARY KEY (table_name, column_name), "
        "CONSTRAINT gdc_tn UNIQUE (table_name, name))")
    for table in ("gpkg_data_columns", "gpkg_data_column_constraints"):
        connection.execute(
            "INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope) "
            "SELECT ?, NULL, 'gpkg_schema', 'http://www.geopackage.org/spec120/#extension_schema', 'read-write' "
            "WHERE NOT EXISTS (SELECT 1 FROM gpkg_extensions WHERE table_name = ? AND extension_name = 'gpkg_schema')",
            (table, table))
    connection.execute(
        "CREATE TABLE IF NOT EXISTS gpkg_data_column_constraints (constraint_name TEXT NOT NULL, "
        "constraint_type TEXT NOT NULL, value TEXT, min NUMERIC, min_is_inclusive BOOLEAN, max NUMERIC, "
        "max_is_inclusive BOOLEAN, description TEXT, "
        "CONSTRAINT gdcc_ntv UNIQUE (constraint_name, constraint_type, value))")
    tables = sorted(set(dictionary["table_name"]))
    connection.executemany("DELETE FROM gpkg_data_columns WHERE table_name = ?", ((t,) for t in tables))
    rows = []
    for table, column, unit, alias, description in dictionary[
            ["table_name", "field_name", "unit", "alias_nb" if language == "nb" else "alias_en",
             "description"]].itertuples(index=False, name=None):
        rows.append((table, column, alias or None, alias or None, f"{description} [{unit}]" if unit else description))
    connection.executemany("INSERT INTO gpkg_data_columns (table_name, column_name, name, title, description) "
                           "VALUES (?, ?, ?, ?, ?)", rows)


def _write_json_metadata(connection: sqlite3.Connection, run: RunMetadata) -> None:
    """The run document as a gpkg_metadata record (GeoPackage metadata extension, §F.8)."""
    old = [r[0] for r in connection.execute("SELECT id FROM gpkg_metadata WHERE md_standard_uri = ?",
                                            (RUN_METADATA_STANDARD,))]
    for md_id in old:
        connection.execute("DELETE FROM gpkg_metadata_reference WHERE md_file_id = ?", (md_id,))
        connection.execute("DELETE FROM gpkg_metadata WHERE id = ?", (md_id,))
    cursor = connection.execute(
        "INSERT INTO gpkg_metadata (md_scope, md_standard_uri, mime_type, metadata) VALUES (?, ?, ?, ?)",
        ("dataset", RUN_METADATA_STANDARD, "application/json",
         json.dumps(run.as_document(), sort_keys=True, ensure_ascii=False, default=str)))
    connection.execute(
        "INSERT INTO gpkg_metadata_reference (reference_scope, table_name, column_name, row_id_value, "
        "timestamp, md_file_id, md_parent_id) VALUES ('geopackage', NULL, NULL, NULL, ?, ?, NULL)",
        (run.exported_at, cursor.lastrowid))


def _check_destination(destination: Path) -> None:
    parent = destination.parent
    if not parent.exists():
        raise TailingsInputError("The destination folder does not exist", file=str(parent))
    if not parent.is_dir():
        raise TailingsInputError("The destination folder is not a folder", file=str(parent))
    try:  # an early, plain answer for read-only or full folders (GDAL's would be cryptic)
        with tempfile.NamedTemporaryFile(dir=parent, prefix=".tailings-probe-"):
            pass
    except OSError as err:
        raise TailingsInputError("Cannot write in the destination folder: {0}", _reason(err),
                                 file=str(parent)) from None
    if destination.exists():
        if not destination.is_file():
            raise TailingsInputError("The destination exists and is not a file", file=str(destination))
        with open(destination, "rb") as handle:
            header = handle.read(16)
        if header != b"SQLite format 3\x00":
            raise TailingsInputError("The destination exists and is not a GeoPackage; choose another "
                                     "file name (nothing was changed)", file=str(destination))


def _remove_stale_partials(destination: Path) -> list[Path]:
    """Delete temporary files that killed exports to this destination left behind (their
    process id, in the name, no longer runs); returns what was removed."""
    removed = []
    for candidate in destination.parent.glob(f".{destination.stem}.*-*.partial.gpkg*"):
        pid_text = candidate.name[len(destination.stem) + 2:].split("-", 1)[0]
        if not pid_text.isdigit() or int(pid_text) == os.getpid():
            continue
        try:
            os.kill(int(pid_text), 0)
            continue  # still running: another export is writing
        except ProcessLookupError:
            pass
        except PermissionError:
            continue  # alive, owned by someone else
        with contextlib.suppress(OSError):
            candidate.unlink()
            removed.append(candidate)
    return removed


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_geopackage(destination: str | Path, frames: ExportFrames, run: RunMetadata, *,
                     dictionary: pd.DataFrame, erml: pd.DataFrame | None = None,
                     erml_specs: tuple[FieldSpec, ...] = (), names: TableNames | None = None,
                     progress: Progress | None = None, cancel: CancelCheck | None = None) -> dict[str, int]:
    """Write (or upsert into) the GeoPackage ``destination`` atomically; returns row counts."""
    with gdal_exceptions():
        return _write_geopackage(Path(destination), frames, run, dictionary, erml, erml_specs, names,
                                 progress, cancel)


def _write_geopackage(destination: Path, frames: ExportFrames, run: RunMetadata, dictionary: pd.DataFrame,
                      erml: pd.DataFrame | None, erml_specs: tuple[FieldSpec, ...], names: TableNames | None,
                      progress: Progress | None, cancel: CancelCheck | None) -> dict[str, int]:
    names = names or TableNames.with_prefix("")
    progress = progress or (lambda _p: None)
    cancel = cancel or (lambda: None)
    _check_destination(destination)
    _remove_stale_partials(destination)
    kind, layer_type = geometry_kind(frames.deposits[GEOMETRY_COLUMN])
    reference = _spatial_reference(run.crs)
    deposit_specs = frames.specs
    temp = destination.parent / f".{destination.stem}.{os.getpid()}-{uuid.uuid4().hex[:8]}.partial.gpkg"
    try:
        try:
            if destination.exists():
                shutil.copyfile(destination, temp)
            else:
                gdal.GetDriverByName("GPKG").Create(str(temp), 0, 0, 0, gdal.GDT_Unknown)
        except OSError as err:
            raise TailingsInputError("Cannot write in the destination folder: {0}", _reason(err),
                                     file=str(destination.parent)) from None
        # Timestamps GDAL writes (gpkg_contents.last_change) use the export time, so that
        # every timestamp of the file is the recorded one.
        with _gdal_config({"OGR_CURRENT_DATE": run.exported_at, "OGR_SQLITE_SYNCHRONOUS": "OFF"}):
            ds = gdal.OpenEx(str(temp), gdal.OF_VECTOR | gdal.OF_UPDATE, allowed_drivers=["GPKG"])
            try:
                _open_or_create_layer(ds, names.deposits, reference, layer_type, deposit_specs,
                                      "Classified tailings deposits (Tailings UNFC)")
                if erml is not None:
                    _open_or_create_layer(ds, names.erml, reference, layer_type, erml_specs,
                                          "ERML-Lite MiningWasteView with UNFC code")
                _open_or_create_layer(ds, names.quantities, None, ogr.wkbNone, QUANTITY_TABLE_SPECS,
                                      "UNFC quantities per deposit, commodity and G increment")
                _open_or_create_layer(ds, names.runs, None, ogr.wkbNone, METADATA_TABLE_SPECS,
                                      "Export runs: provenance")
                _open_or_create_layer(ds, names.field_dictionary, None, ogr.wkbNone, FIELD_DICTIONARY_SPECS,
                                      "Field dictionary: types, units, Norwegian aliases")
                _create_style_table(ds)
                ds.SetMetadata({"TITLE": "Tailings UNFC export", "RUN_ID": run.run_id,
                                "PLUGIN_VERSION": run.plugin_version, "CRS": run.crs,
                                "CONTENT_HASH": run.content_hash})
                ds.FlushCache()
            except BaseException:
                _discard(ds)  # the temporary file is thrown away; its close errors do not matter
                ds = None
                raise
            ds = None  # closes; the SQLite phase below re-checks what was written
        cancel()
        _sqlite_phase(temp, frames, run, names, dictionary, kind, erml, erml_specs, layer_type, progress, cancel)
        progress(97.0)
        _fsync(temp)
        os.replace(temp, destination)
        with contextlib.suppress(OSError):
            _fsync(destination.parent)
        progress(100.0)
    except (OperationCancelled, TailingsInputError):
        _remove(temp)
        raise
    except (OSError, RuntimeError, sqlite3.Error) as err:
        _remove(temp)
        raise TailingsInputError("Writing the GeoPackage failed, the destination is unchanged: {0}{1}", _reason(err),
                                 full_disk_hint(destination), file=str(destination)) from None
    except BaseException:
        _remove(temp)
        raise
    return {"deposits": len(frames.deposits), "quantities": len(frames.quantities)}


@contextlib.contextmanager
def _gdal_config(options: dict[str, str]):
    """GDAL configuration options for the duration of the block (thread-local)."""
    previous = {key: gdal.GetThreadLocalConfigOption(key, None) for key in options}
    for key, value in options.items():
        gdal.SetThreadLocalConfigOption(key, value)
    try:
        yield
    finally:
        for key, value in previous.items():
            gdal.SetThreadLocalConfigOption(key, value)


def _discard(ds: gdal.Dataset) -> None:
    """Close a dataset whose file is being thrown away, swallowing its close errors.

    Dropping the last reference would report them as an "Exception ignored in
    delete_Dataset" on stderr; destroying explicitly lets us catch them.
    """
    with contextlib.suppress(RuntimeError):
        gdal_module.delete_Dataset(ds)
    ds.thisown = False  # already destroyed: the wrapper must not destroy it again


def _reason(err: BaseException) -> str:
    text = getattr(err, "strerror", None) or str(err)
    if "disk is full" in text or "No space left" in text:
        return Message("the disk is full (no space left on device)")
    return text.strip() or Message("{0} without a message", type(err).__name__)


def _remove(path: Path) -> None:
    for candidate in (path, Path(f"{path}-journal"), Path(f"{path}-wal"), Path(f"{path}-shm")):
        with contextlib.suppress(OSError):
            candidate.unlink()
