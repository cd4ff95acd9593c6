"""PostGIS destination: schema and tables created if absent, upsert by ``deposit_id`` in ONE
transaction, every identifier quoted (psycopg2.sql.Identifier).

Credentials never pass through here as text a user typed: the algorithm resolves the QGIS
authentication config (authcfg) and hands ``user``/``password`` in memory only. A
destination string that contains a password is refused.
"""
from __future__ import annotations

import io
import re
import shlex
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, unquote, urlsplit

import pandas as pd
import psycopg2
from osgeo import ogr
from psycopg2 import errors as pg_errors
from psycopg2 import sql

from ..errors import OperationCancelled, TailingsInputError
from ..message import Message
from ..schema import FieldSpec
from .frames import GEOMETRY_COLUMN, ExportFrames
from .geopackage import geometry_kind
from .provenance import FIELD_DICTIONARY_SPECS, METADATA_TABLE_SPECS, QUANTITY_TABLE_SPECS, RunMetadata
from .styles import STYLE_NAME, qml_with_aliases, read_style
from .tables import TableNames

GEOMETRY_NAME = "geom"
DEFAULT_SCHEMA = "tailings"
_PG_TYPES = {"string": "text", "int": "bigint", "double": "double precision", "datetime": "timestamp"}
_ALLOWED_KEYS = ("authcfg", "service", "dbname", "host", "port", "sslmode", "user", "username", "schema",
                 "connect_timeout", "lock_timeout", "statement_timeout")
_TIMEOUT_KEYS = {"lock_timeout": "lock_timeout_s", "statement_timeout": "statement_timeout_s"}
_QGIS_URI = re.compile(r"^\s*(authcfg|service|dbname|host|port|sslmode|schema)\s*=", re.IGNORECASE)
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")
Progress = Callable[[float], None]
CancelCheck = Callable[[], None]


@dataclass(frozen=True)
class PostgisTarget:
    """Where to write: libpq keywords (never a password), the authcfg id and the schema."""

    params: dict[str, str] = field(default_factory=dict)
    authcfg: str | None = None
    schema: str = DEFAULT_SCHEMA
    # Bounds on waiting: for another export of the same tables (the advisory lock) or a row a
    # user holds in QGIS (lock_timeout), and on any one statement (statement_timeout), seconds.
    lock_timeout_s: float = 60.0
    statement_timeout_s: float = 600.0

    def label(self) -> str:
        """A description safe for logs and outputs (no credentials)."""
        parts = [f"{k}={v}" for k, v in sorted(self.params.items()) if k != "user"]
        if self.authcfg:
            parts.append(f"authcfg={self.authcfg}")
        parts.append(f"schema={self.schema}")
        return "postgres: " + " ".join(parts)


def _refuse_password(text: str) -> None:
    if re.search(r"pass(word)?\s*=|pwd\s*=", text, re.IGNORECASE):
        raise TailingsInputError("The destination contains a password. Store credentials in a QGIS "
                                 "authentication configuration and give its id as authcfg=… instead")


def parse_destination(text: str, default_schema: str = DEFAULT_SCHEMA) -> PostgisTarget | None:
    """A PostGIS target when ``text`` is a postgres URL or a QGIS connection URI, else None (a file)."""
    raw = (text or "").strip()
    lowered = raw.lower()
    pairs: list[tuple[str, str]]
    if lowered.startswith(("postgres://", "postgresql://", "postgis://")):
        _refuse_password(raw)
        parts = urlsplit(raw)
        if parts.password is not None:
            raise TailingsInputError("The destination URL contains a password (user:password@host). Use a "
                                     "QGIS authentication configuration (authcfg=…) instead")
        pairs = parse_qsl(parts.query, keep_blank_values=False)
        if parts.hostname:
            pairs.append(("host", parts.hostname))
        if parts.port:
            pairs.append(("port", str(parts.port)))
        if parts.username:
            pairs.append(("user", unquote(parts.username)))
        if parts.path.strip("/"):
            pairs.append(("dbname", unquote(parts.path.strip("/"))))
    elif _QGIS_URI.match(raw):
        _refuse_password(raw)
        try:
            tokens = shlex.split(raw)
        except ValueError as err:
            raise TailingsInputError("The PostGIS destination cannot be read: {0}", err) from None
        pairs = []
        for token in tokens:
            if "=" not in token:
                continue  # QGIS URIs also carry table="..." (geom) parts; not needed here
            key, value = token.split("=", 1)
            pairs.append((key.strip().lower(), value.strip()))
    else:
        return None
    params: dict[str, str] = {}
    timeouts: dict[str, float] = {}
    authcfg = None
    schema = default_schema or DEFAULT_SCHEMA
    for key, value in pairs:
        key = key.lower()
        if key in ("password", "pass", "pwd"):
            _refuse_password(f"{key}=")
        if key not in _ALLOWED_KEYS:
            continue
        if key == "authcfg":
            authcfg = value or None
        elif key == "schema":
            schema = value or schema
        elif key == "username":
            params["user"] = value
        elif key in _TIMEOUT_KEYS:
            timeouts[_TIMEOUT_KEYS[key]] = _seconds(key, value)
        elif value:
            params[key] = value
    if not (authcfg or params.get("service")):
        raise TailingsInputError("A PostGIS destination needs a QGIS authentication config (authcfg=…) or a "
                                 "PostgreSQL service name (service=…)")
    if not _IDENTIFIER.match(schema):
        raise TailingsInputError("The schema name may hold letters, digits and _ only", value=schema)
    return PostgisTarget(params, authcfg, schema, **timeouts)


def _seconds(key: str, value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = float("nan")
    if not 0 < seconds < 86400:
        raise TailingsInputError("{0} in the PostGIS destination must be a number of seconds between 0 and 86400",
                                 key, value=value)
    return seconds


def _scrub(message: str, secrets: tuple[str, ...]) -> str:
    for secret in secrets:
        if secret:
            message = message.replace(secret, "***")
    return " ".join(message.split())


def _connect(target: PostgisTarget, credentials: dict[str, str]):
    keywords = {**target.params, **{k: v for k, v in credentials.items() if v}}
    keywords.setdefault("connect_timeout", "10")
    keywords["application_name"] = "Tailings UNFC export"
    try:
        return psycopg2.connect(**keywords)
    except psycopg2.Error as err:
        raise TailingsInputError("Cannot connect to PostgreSQL ({0}): {1}. Nothing was changed", target.label(),
                                 _scrub(str(err), (credentials.get("password", ""),))) from None


def _lock_tables(cursor, target: PostgisTarget, table: str) -> None:
    """Serialise exports into the same tables: a transaction-scoped advisory lock, taken before
    any DDL, so that the CREATE SCHEMA/TABLE IF NOT EXISTS and the upserts of two exports never
    interleave. It goes with the transaction (commit, rollback, or a killed backend).

    Chosen over SERIALIZABLE with retry: catalog races of the DDL are unique violations, not
    serialisation failures, and a retry would COPY the whole export again. Waits are bounded by
    lock_timeout (also for rows a QGIS user holds), every statement by statement_timeout.
    """
    cursor.execute("SELECT set_config('lock_timeout', %s, true), set_config('statement_timeout', %s, true)",
                   (f"{round(target.lock_timeout_s * 1000)}ms", f"{round(target.statement_timeout_s * 1000)}ms"))
    key = f"tailings_unfc export {target.schema}.{table}"
    try:
        cursor.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", (key,))
    except pg_errors.LockNotAvailable:
        raise TailingsInputError(
            "Another export is writing to {0}.{1} ({2}); waited {3:g} s (lock_timeout). Nothing was changed: run "
            "again when it has finished, or give a longer lock_timeout=<seconds> in the destination",
            target.schema, table, target.label(), target.lock_timeout_s) from None


def _column_definitions(specs: tuple[FieldSpec, ...], key: str) -> list[sql.Composable]:
    out = []
    for spec in specs:
        definition = sql.SQL("{} {}").format(sql.Identifier(spec.name), sql.SQL(_PG_TYPES[spec.type]))
        if spec.name == key:
            definition = sql.SQL("{} PRIMARY KEY").format(definition)
        out.append(definition)
    return out


def _create_table(cursor, schema: str, table: str, specs: tuple[FieldSpec, ...], key: str | None,
                  geometry: str | None, srid: int, comment: str, primary: tuple[str, ...] = ()) -> None:
    ident = sql.Identifier(schema, table)
    columns = _column_definitions(specs, key or "")
    if geometry:
        columns.append(sql.SQL("{} geometry({}, {})").format(
            sql.Identifier(GEOMETRY_NAME), sql.SQL(geometry), sql.Literal(srid)))
    if primary:
        columns.append(sql.SQL("PRIMARY KEY ({})").format(sql.SQL(", ").join(map(sql.Identifier, primary))))
    cursor.execute(sql.SQL("CREATE TABLE IF NOT EXISTS {} ({})").format(ident, sql.SQL(", ").join(columns)))
    for spec in specs:  # tables made by an older version gain new fields
        cursor.execute(sql.SQL("ALTER TABLE {} ADD COLUMN IF NOT EXISTS {} {}").format(
            ident, sql.Identifier(spec.name), sql.SQL(_PG_TYPES[spec.type])))
    if geometry:
        cursor.execute(sql.SQL("CREATE INDEX IF NOT EXISTS {} ON {} USING GIST ({})").format(
            sql.Identifier(f"{table}_{GEOMETRY_NAME}_gist"), ident, sql.Identifier(GEOMETRY_NAME)))
    cursor.execute(sql.SQL("COMMENT ON TABLE {} IS {}").format(ident, sql.Literal(comment)))
    for spec in specs:
        text = spec.description + (f" [{spec.unit}]" if spec.unit else "")
        if spec.alias_nb:
            text += f" (en: {spec.alias('en')}; nb: {spec.alias_nb})"
        cursor.execute(sql.SQL("COMMENT ON COLUMN {}.{} IS {}").format(
            ident, sql.Identifier(spec.name), sql.Literal(text)))


_COPY_NULL = r"\N"


def _staging_frame(frame: pd.DataFrame, specs: tuple[FieldSpec, ...], wkb: list | None) -> pd.DataFrame:
    """Columns in the database types, for COPY ... CSV (vectorised; geometry as bytea hex)."""
    out: dict[str, pd.Series] = {}
    for spec in specs:
        column = (frame[spec.name] if spec.name in frame.columns
                  else pd.Series([None] * len(frame), index=frame.index, dtype=object))
        if spec.type == "double":
            out[spec.name] = pd.to_numeric(column, errors="coerce").astype(float)
        elif spec.type == "int":
            out[spec.name] = pd.to_numeric(column, errors="coerce").astype("Int64")
        elif spec.type == "datetime":
            out[spec.name] = pd.to_datetime(column, errors="coerce", utc=True).dt.tz_convert(None)
        else:
            out[spec.name] = column.astype(object)
    if wkb is not None:
        out["_wkb"] = pd.Series([None if g is None else "\\x" + bytes(g).hex() for g in wkb],
                                index=frame.index, dtype=object)
    return pd.DataFrame(out, index=frame.index)


def _upsert(cursor, schema: str, table: str, frame: pd.DataFrame, specs: tuple[FieldSpec, ...],
            conflict: tuple[str, ...], geometry_sql: str | None, wkb: list | None, cancel: CancelCheck,
            progress: Progress, span: tuple[float, float]) -> None:
    """COPY the rows into a temporary staging table, then one INSERT … ON CONFLICT DO UPDATE.

    COPY is the bulk path of PostgreSQL (several times faster than row INSERTs); the upsert
    itself stays one statement inside the export's transaction.
    """
    names = [s.name for s in specs]
    stage = f"_tailings_stage_{table}"
    definitions = [sql.SQL("{} {}").format(sql.Identifier(s.name), sql.SQL(_PG_TYPES[s.type])) for s in specs]
    if wkb is not None:
        definitions.append(sql.SQL("_wkb bytea"))
    cursor.execute(sql.SQL("DROP TABLE IF EXISTS {}").format(sql.Identifier(stage)))
    cursor.execute(sql.SQL("CREATE TEMP TABLE {} ({}) ON COMMIT DROP").format(
        sql.Identifier(stage), sql.SQL(", ").join(definitions)))
    staging = _staging_frame(frame, specs, wkb)
    copy = sql.SQL("COPY {} ({}) FROM STDIN WITH (FORMAT csv, NULL {})").format(
        sql.Identifier(stage), sql.SQL(", ").join(map(sql.Identifier, staging.columns)),
        sql.Literal(_COPY_NULL)).as_string(cursor)
    start, width = span
    step = 20000
    for offset in range(0, len(staging), step):
        cancel()
        buffer = io.StringIO()
        staging.iloc[offset:offset + step].to_csv(buffer, header=False, index=False, na_rep=_COPY_NULL,
                                                  date_format="%Y-%m-%d %H:%M:%S.%f")
        buffer.seek(0)
        cursor.copy_expert(copy, buffer)
        progress(start + width * 0.8 * min(offset + step, len(staging)) / max(len(staging), 1))
    target = [sql.Identifier(n) for n in names]
    selected = [sql.Identifier(n) for n in names]
    if wkb is not None:
        target.append(sql.Identifier(GEOMETRY_NAME))
        selected.append(sql.SQL((geometry_sql or "%s").replace("%s", "_wkb")))
    updates = [n for n in [*names, GEOMETRY_NAME if wkb is not None else None] if n and n not in conflict]
    cursor.execute(sql.SQL("INSERT INTO {} ({}) SELECT {} FROM {} ON CONFLICT ({}) DO UPDATE SET {}").format(
        sql.Identifier(schema, table), sql.SQL(", ").join(target), sql.SQL(", ").join(selected),
        sql.Identifier(stage), sql.SQL(", ").join(map(sql.Identifier, conflict)),
        sql.SQL(", ").join(sql.SQL("{0} = EXCLUDED.{0}").format(sql.Identifier(n)) for n in updates)))
    cursor.execute(sql.SQL("DROP TABLE {}").format(sql.Identifier(stage)))
    progress(start + width)


_LAYER_STYLES_DDL = (
    # The layout QGIS 3.40's postgres provider creates itself (QgsPostgresProviderMetadata::saveStyle,
    # checked with pg_dump after QgsVectorLayer.saveStyleToDatabase).
    "CREATE TABLE IF NOT EXISTS public.layer_styles (id serial PRIMARY KEY, f_table_catalog varchar, "
    "f_table_schema varchar, f_table_name varchar, f_geometry_column varchar, stylename text, styleqml xml, "
    "stylesld xml, useasdefault boolean, description text, owner varchar(63) DEFAULT CURRENT_USER, ui xml, "
    "update_time timestamp DEFAULT CURRENT_TIMESTAMP, type varchar)"
)


def _write_style(cursor, schema: str, table: str, kind: str, specs: tuple[FieldSpec, ...],
                 log: Callable[[str], None], language: str = "en") -> None:
    """The UNFC class style as the table's default QGIS style; inside a savepoint, so that a
    database without the right to create public.layer_styles still gets the data.

    ``type`` stays NULL: QGIS matches it against the geometry type of the layer's URI, which is
    "Unknown geometry" without ``type=`` and e.g. "Polygon" with it; NULL matches both (checked).
    """
    qml, sld = read_style(kind)
    qml = qml_with_aliases(qml, specs, language)
    cursor.execute("SAVEPOINT tailings_style")
    try:
        cursor.execute(_LAYER_STYLES_DDL)
        key = (schema, table, GEOMETRY_NAME, STYLE_NAME)
        cursor.execute("DELETE FROM public.layer_styles WHERE f_table_catalog = current_database() AND "
                       "f_table_schema = %s AND f_table_name = %s AND f_geometry_column = %s AND stylename = %s",
                       key)
        cursor.execute(
            "INSERT INTO public.layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, "
            "stylename, styleqml, stylesld, useasdefault, description, type) VALUES (current_database(), %s, %s, "
            "%s, %s, XMLPARSE(DOCUMENT %s), XMLPARSE(DOCUMENT %s), true, %s, NULL)",
            (*key, qml, sld, "UNFC class categories, labels: name and UNFC code (Tailings UNFC)"))
        cursor.execute("RELEASE SAVEPOINT tailings_style")
    except psycopg2.Error as err:
        cursor.execute("ROLLBACK TO SAVEPOINT tailings_style")
        log(Message("Warning: the layer style could not be stored in public.layer_styles ({0}); the data were "
                    "written. Load resources/styles/unfc_class_{1}.qml by hand.", " ".join(str(err).split()), kind))


def write_postgis(target: PostgisTarget, credentials: dict[str, str], frames: ExportFrames, run: RunMetadata,
                  *, dictionary: pd.DataFrame, erml: pd.DataFrame | None = None,
                  erml_specs: tuple[FieldSpec, ...] = (), names: TableNames | None = None,
                  progress: Progress | None = None, cancel: CancelCheck | None = None,
                  log: Callable[[str], None] | None = None) -> dict[str, int]:
    """Create-if-absent and upsert everything in one transaction; returns row counts."""
    log = log or (lambda _m: None)
    names = names or TableNames.with_prefix("")
    progress = progress or (lambda _p: None)
    cancel = cancel or (lambda: None)
    match = re.match(r"^EPSG:(\d+)$", run.crs.strip(), re.IGNORECASE)
    if not match:
        raise TailingsInputError("PostGIS export needs an EPSG coordinate reference system", value=run.crs)
    srid = int(match.group(1))
    kind, layer_type = geometry_kind(frames.deposits[GEOMETRY_COLUMN])
    pg_geometry = {"polygon": "MultiPolygon", "point": "Point"}.get(kind, "Geometry")
    # Polygons are promoted to multipolygons with ST_Multi, as in the GeoPackage.
    wkb = frames.deposits[GEOMETRY_COLUMN].tolist()
    geometry_sql = (f"ST_Multi(ST_GeomFromWKB(%s, {srid}))" if layer_type == ogr.wkbMultiPolygon
                    else f"ST_GeomFromWKB(%s, {srid})")
    password = credentials.get("password", "")
    connection = _connect(target, credentials)
    try:
        # One transaction: psycopg2 commits when the block succeeds and rolls back on any error.
        with connection, connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'postgis'")
            if cursor.fetchone() is None:
                raise TailingsInputError(
                    "The database has no PostGIS extension ({0}). Ask the database administrator to run CREATE "
                    "EXTENSION postgis; nothing was changed", target.label())
            schema = target.schema
            _lock_tables(cursor, target, names.deposits)
            cursor.execute(sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(sql.Identifier(schema)))
            _create_table(cursor, schema, names.deposits, frames.specs, "deposit_id", pg_geometry, srid,
                          "Classified tailings deposits (Tailings UNFC); upserted by deposit_id")
            _create_table(cursor, schema, names.quantities, QUANTITY_TABLE_SPECS, None, None, srid,
                          "UNFC quantities per deposit, commodity and G increment",
                          primary=("deposit_id", "commodity", "unfc_g"))
            _create_table(cursor, schema, names.runs, METADATA_TABLE_SPECS, "run_id", None, srid,
                          "Export runs: provenance (one row per run id)")
            _create_table(cursor, schema, names.field_dictionary, FIELD_DICTIONARY_SPECS, None, None, srid,
                          "Field dictionary: types, units, Norwegian aliases",
                          primary=("table_name", "field_name"))
            if erml is not None:
                _create_table(cursor, schema, names.erml, erml_specs, "identifier", pg_geometry, srid,
                              "ERML-Lite MiningWasteView with UNFC code (classificationMethodUsed)")
            share = 45.0 if erml is not None else 80.0
            _upsert(cursor, schema, names.deposits, frames.deposits, frames.specs, ("deposit_id",), geometry_sql,
                    wkb, cancel, progress, (0.0, share))
            if erml is not None:
                _upsert(cursor, schema, names.erml, erml, erml_specs, ("identifier",), geometry_sql, wkb,
                        cancel, progress, (share, 35.0))
            cursor.execute(sql.SQL("DELETE FROM {} WHERE deposit_id = ANY(%s)").format(
                sql.Identifier(schema, names.quantities)), (frames.deposits["deposit_id"].tolist(),))
            _upsert(cursor, schema, names.quantities, frames.quantities, QUANTITY_TABLE_SPECS,
                    ("deposit_id", "commodity", "unfc_g"), None, None, cancel, progress, (80.0, 15.0))
            runs = pd.DataFrame([run.as_row()])
            _upsert(cursor, schema, names.runs, runs, METADATA_TABLE_SPECS, ("run_id",), None, None,
                    cancel, progress, (95.0, 2.0))
            _upsert(cursor, schema, names.field_dictionary, dictionary, FIELD_DICTIONARY_SPECS,
                    ("table_name", "field_name"), None, None, cancel, progress, (97.0, 2.0))
            _write_style(cursor, schema, names.deposits, kind, frames.specs, log, frames.language)
            cancel()
    except (TailingsInputError, OperationCancelled):
        raise
    except psycopg2.Error as err:
        raise TailingsInputError("PostGIS export failed and was rolled back, nothing was changed ({0}): {1}",
                                 target.label(), _scrub(str(err), (password,))) from None
    finally:
        connection.close()
    progress(100.0)
    return {"deposits": len(frames.deposits), "quantities": len(frames.quantities)}
