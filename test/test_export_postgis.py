"""PostGIS destination against a real PostgreSQL 15 + PostGIS on loopback, with a QGIS
authentication config: round trip through QGIS's postgres provider, upsert, no password
anywhere, and the failure modes (server down, wrong credentials, no PostGIS)."""
from __future__ import annotations

import zipfile

import numpy as np
import pandas as pd
import pytest
import shapely
from export_support import classified_frames, write_input_gpkg
from feedback_support import CollectingFeedback
from postgis_support import running_postgis_server

pytestmark = pytest.mark.postgis

MASTER_PASSWORD = "tailings-unfc-test-master"
SCHEMA = "national"


@pytest.fixture(scope="module")
def postgis_server():
    with running_postgis_server() as server:
        yield server


def _store_basic_config(name: str, user: str, password: str) -> str:
    from qgis.core import QgsApplication, QgsAuthMethodConfig

    manager = QgsApplication.authManager()
    if not manager.masterPasswordIsSet():
        assert manager.setMasterPassword(MASTER_PASSWORD, True), (
            "the test QGIS profile's auth DB has another master password; delete .qgis-settings/qgis-auth.db")
    config = QgsAuthMethodConfig("Basic")
    config.setName(name)
    config.setConfig("username", user)
    config.setConfig("password", password)
    ok, stored = manager.storeAuthenticationConfig(config)
    assert ok
    return stored.id()


@pytest.fixture(scope="module")
def authcfg(qgis_app, postgis_server):
    from qgis.core import QgsApplication

    config_id = _store_basic_config("tailings-test-writer", postgis_server.user, postgis_server.password)
    yield config_id
    QgsApplication.authManager().removeAuthenticationConfig(config_id)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    deposits, quantities = classified_frames(150, seed=21)
    path = tmp_path_factory.mktemp("pg_inputs") / "classified.gpkg"
    deposit_uri, quantity_uri = write_input_gpkg(path, deposits, quantities)
    return deposits, quantities, deposit_uri, quantity_uri


def _run_export(params, feedback=None):
    import processing

    return processing.run("tailingsunfc:export", params, feedback=feedback)


def _pg_layer(server, authcfg_id, table, geometry="geom", key="deposit_id"):
    from qgis.core import QgsDataSourceUri, QgsVectorLayer

    uri = QgsDataSourceUri()
    uri.setConnection(server.host, str(server.port), server.dbname, "", "", QgsDataSourceUri.SslDisable, authcfg_id)
    uri.setDataSource(SCHEMA, table, geometry, "", key)
    layer = QgsVectorLayer(uri.uri(False), table, "postgres")
    assert layer.isValid(), layer.dataProvider().error().message() if layer.dataProvider() else table
    return layer


def _counts(server, schema=SCHEMA):
    with server.admin() as connection, connection.cursor() as cursor:
        out = {}
        for table in ("deposits", "quantities", "export_runs", "field_dictionary", "erml_mining_waste_view"):
            cursor.execute(f'SELECT count(*) FROM "{schema}"."{table}"')
            out[table] = cursor.fetchone()[0]
    return out


def test_postgis_round_trip_upsert_and_no_password(postgis_server, authcfg, inputs, tmp_path, monkeypatch,
                                                  tailings_provider):
    from qgis.core import QgsApplication
    from tailings_unfc.algorithms.layer_frames import source_to_frame

    deposits, quantities, deposit_uri, quantity_uri = inputs
    # Host, port and database come from a PostgreSQL service file; user and password from authcfg.
    service_file = tmp_path / "pg_service.conf"
    service_file.write_text(f"[tailings_test]\nhost={postgis_server.host}\nport={postgis_server.port}\n"
                            f"dbname={postgis_server.dbname}\n")
    monkeypatch.setenv("PGSERVICEFILE", str(service_file))
    log: list[str] = []
    QgsApplication.messageLog().messageReceived.connect(lambda message, *_: log.append(message))
    feedback = CollectingFeedback()
    report = tmp_path / "summary.xlsx"
    params = {"INPUT": deposit_uri, "QUANTITIES": quantity_uri,
              "DESTINATION": f"postgres://?authcfg={authcfg}&service=tailings_test&schema={SCHEMA}",
              "OUTPUT_REPORT": str(report), "ERML": True,
              "RUN_METADATA": '{"inputs": [{"path": "deposits.gpkg", "sha256": "00"}], "rules_version": "t1"}'}
    results = _run_export(params, feedback)
    assert results["DEPOSITS_WRITTEN"] == len(deposits)
    first_counts = _counts(postgis_server)
    assert first_counts["deposits"] == len(deposits) and first_counts["quantities"] == len(quantities)

    # Every value reproduces through QGIS's postgres provider.
    layer = _pg_layer(postgis_server, authcfg, "deposits")
    read = source_to_frame(layer).set_index("deposit_id").sort_index()
    source = deposits.set_index("deposit_id").sort_index()
    assert list(read.index) == list(source.index)
    for column in source.columns:
        if column == "geometry":
            continue
        expected, got = source[column], read[column]
        if column == "classified_at":
            assert (pd.to_datetime(got) == expected).all(), column
        elif expected.dtype.kind in "fi":
            np.testing.assert_array_equal(got.astype(float).to_numpy(), expected.astype(float).to_numpy(),
                                          err_msg=column)
        else:
            assert (got.where(got.notna(), None).tolist() == expected.where(expected.notna(), None).tolist()), column
    assert shapely.equals(shapely.from_wkb(read["geometry"].tolist()),
                          shapely.from_wkb(source["geometry"].tolist())).all()
    assert layer.crs().authid() == "EPSG:25833"
    assert layer.renderer().type() == "categorizedSymbol"  # default style from public.layer_styles
    assert layer.renderer().classAttribute() == "unfc_class"
    assert layer.fields().field("tonnage_t").alias() == "Tonnage (t)"  # English: export_run's default
    q_layer = _pg_layer(postgis_server, authcfg, "quantities", geometry="", key="")
    q_read = source_to_frame(q_layer, with_geometry=False)
    key = ["deposit_id", "commodity", "unfc_g"]
    merged = q_read.merge(quantities, on=key, suffixes=("_db", ""))
    assert len(merged) == len(quantities)
    np.testing.assert_array_equal(merged["quantity_t_db"].to_numpy(float), merged["quantity_t"].to_numpy(float))
    assert (merged["unfc_code_db"] == merged["unfc_code"]).all()

    # Second export of the same run: row counts unchanged (upsert by deposit_id), and the
    # content identical except the export timestamp.
    def snapshot():
        with postgis_server.admin() as connection, connection.cursor() as cursor:
            out = {}
            for table, order in (("deposits", "deposit_id"), ("quantities", "deposit_id, commodity, unfc_g"),
                                 ("erml_mining_waste_view", "identifier")):
                cursor.execute(f'SELECT *, ST_AsBinary(geom) AS wkb FROM "{SCHEMA}"."{table}" ORDER BY {order}'
                               if table != "quantities" else
                               f'SELECT * FROM "{SCHEMA}"."{table}" ORDER BY {order}')
                out[table] = [tuple(r) for r in cursor.fetchall()]
            cursor.execute(f'SELECT * FROM "{SCHEMA}".export_runs')
            names = [d[0] for d in cursor.description]
            out["runs"] = [tuple(v for n, v in zip(names, r) if n != "exported_at") for r in cursor.fetchall()]
        return out

    before = snapshot()
    _run_export(params, feedback)
    assert _counts(postgis_server) == first_counts
    assert snapshot() == before

    # Comments with units, the spatial index and the primary key exist.
    with postgis_server.admin() as connection, connection.cursor() as cursor:
        cursor.execute("SELECT col_description(%s::regclass, attnum) FROM pg_attribute "
                       "WHERE attrelid = %s::regclass AND attname = 'tonnage_t'",
                       (f"{SCHEMA}.deposits", f"{SCHEMA}.deposits"))
        assert "[t]" in cursor.fetchone()[0]
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE schemaname = %s AND tablename = 'deposits'", (SCHEMA,))
        indexes = " ".join(r[0] for r in cursor.fetchall())
        assert "gist" in indexes and "deposit_id" in indexes
        cursor.execute(f'SELECT * FROM "{SCHEMA}".export_runs')
        run_rows = " ".join(map(str, cursor.fetchall()))
        cursor.execute(f'SELECT * FROM "{SCHEMA}".field_dictionary')
        dictionary_rows = " ".join(map(str, cursor.fetchall()))

    # The same run to a GeoPackage, in the same session, to search that product too.
    gpkg = tmp_path / "same_run.gpkg"
    _run_export({**params, "DESTINATION": str(gpkg), "OUTPUT_REPORT": str(tmp_path / "gpkg.xlsx")}, feedback)

    # The password appears nowhere: feedback, message log, results, workbook, database metadata.
    secret = postgis_server.password
    assert secret.encode() not in gpkg.read_bytes()
    haystacks = {"feedback": "\n".join(feedback.texts), "message log": "\n".join(log),
                 "results": repr(results), "run rows": run_rows, "dictionary": dictionary_rows}
    with zipfile.ZipFile(report) as workbook:
        haystacks["workbook"] = "".join(workbook.read(n).decode("utf-8", "replace") for n in workbook.namelist())
    assert f"authcfg={authcfg}" in haystacks["workbook"]  # the destination is described ...
    for where, text in haystacks.items():
        assert secret not in text, f"password found in {where}"  # ... without the password
    assert any("Wrote 150 deposits" in t for t in feedback.texts)


def test_postgis_failures_change_nothing(postgis_server, authcfg, inputs, tailings_provider):
    from qgis.core import QgsApplication, QgsProcessingException

    _deposits, _quantities, deposit_uri, quantity_uri = inputs
    base = {"INPUT": deposit_uri, "QUANTITIES": quantity_uri}
    host = f"host={postgis_server.host} port={postgis_server.port} dbname={postgis_server.dbname}"
    # A first export so that "nothing changed" has something to compare.
    _run_export({**base, "DESTINATION": f"authcfg={authcfg} {host} schema=failures"})
    before = _counts(postgis_server, "failures")

    wrong = _store_basic_config("tailings-test-wrong", postgis_server.user, "Wrong-" + postgis_server.password[::-1])
    try:
        with pytest.raises(QgsProcessingException, match="password authentication failed") as info:
            _run_export({**base, "DESTINATION": f"authcfg={wrong} {host} schema=failures"})
    finally:
        QgsApplication.authManager().removeAuthenticationConfig(wrong)
    assert "Wrong-" not in str(info.value) and postgis_server.password not in str(info.value)

    with pytest.raises(QgsProcessingException, match="Cannot connect to PostgreSQL"):
        _run_export({**base, "DESTINATION": f"authcfg={authcfg} host=127.0.0.1 port=1 "
                                            f"dbname={postgis_server.dbname} schema=failures"})

    with pytest.raises(QgsProcessingException, match="no PostGIS extension"):
        _run_export({**base, "DESTINATION": f"authcfg={authcfg} host={postgis_server.host} "
                                            f"port={postgis_server.port} dbname={postgis_server.plain_dbname} "
                                            f"schema=failures"})
    with postgis_server.admin(postgis_server.plain_dbname) as connection, connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM information_schema.schemata WHERE schema_name = 'failures'")
        assert cursor.fetchone()[0] == 0

    # (".gpkg" as the dialog's file widget appends it to typed text: ignored for a connection)
    with pytest.raises(QgsProcessingException, match="does not exist in this profile"):
        _run_export({**base, "DESTINATION": "postgres://?authcfg=nosuch1&schema=failures.gpkg"})

    with pytest.raises(QgsProcessingException, match="contains a password"):
        _run_export({**base, "DESTINATION": f"{host} user=x password=y schema=failures"})

    # A value the table cannot take, found only by the database: the transaction rolls back.
    with postgis_server.admin() as connection, connection.cursor() as cursor:
        cursor.execute('ALTER TABLE failures.deposits ADD CONSTRAINT small_tonnage CHECK (tonnage_t < 1) NOT VALID')
    with pytest.raises(QgsProcessingException, match="rolled back"):
        _run_export({**base, "DESTINATION": f"authcfg={authcfg} {host} schema=failures"})
    assert _counts(postgis_server, "failures") == before


@pytest.mark.qgis_process
def test_postgis_through_qgis_process(postgis_server, authcfg, inputs, tmp_path, monkeypatch):
    """The command line, unlocking the same auth DB with QGIS_AUTH_PASSWORD_FILE (as a server would)."""
    import json
    import os
    import subprocess
    from pathlib import Path

    from qgis.core import QgsApplication

    deposits, quantities, deposit_uri, quantity_uri = inputs
    master = tmp_path / "master.txt"
    master.write_text(MASTER_PASSWORD)
    master.chmod(0o600)
    auth_dir = Path(QgsApplication.authManager().authenticationDatabasePath()).parent
    env = {**os.environ, "QGIS_AUTH_DB_DIR_PATH": str(auth_dir), "QGIS_AUTH_PASSWORD_FILE": str(master),
           "QT_QPA_PLATFORM": "offscreen"}
    params = {"INPUT": deposit_uri, "QUANTITIES": quantity_uri, "OUTPUT_REPORT": str(tmp_path / "cli.xlsx"),
              "DESTINATION": f"postgres://{postgis_server.host}:{postgis_server.port}/{postgis_server.dbname}"
                             f"?authcfg={authcfg}&schema=cli"}
    proc = subprocess.run(["qgis_process", "--json", "run", "tailingsunfc:export", "-"],
                          input=json.dumps({"inputs": params}), capture_output=True, text=True, env=env,
                          timeout=300)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    results = json.loads(proc.stdout)["results"]
    assert results["DEPOSITS_WRITTEN"] == len(deposits)
    assert results["QUANTITIES_WRITTEN"] == len(quantities)
    assert "cli" in results["DESTINATION"] and postgis_server.password not in proc.stdout + proc.stderr
    assert _counts(postgis_server, "cli")["deposits"] == len(deposits)
