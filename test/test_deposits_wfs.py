"""importdeposits from a real WFS (QGIS Server's qgis_mapserver on loopback) and via qgis_process."""
from __future__ import annotations

import os
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request

import pytest
import shapely
from deposits_support import free_port, read_rows, write_wfs_project
from qgis_process_runner import run_qgis_process, run_qgis_process_json

ALG = "tailingsunfc:importdeposits"


@pytest.fixture(scope="module")
def wfs_url(tmp_path_factory, sample_data, qgis_app):
    """Start qgis_mapserver serving the sample tailings and NGU layers; stop it at teardown."""
    folder = tmp_path_factory.mktemp("wfs")
    project = folder / "deposits.qgs"
    write_wfs_project(project, {
        "avgangsdeponi": f"{sample_data / 'old_tailings.gpkg'}|layername=avgangsdeponi",
        "malmforekomst": f"{sample_data / 'ngu_mineral_deposits.gpkg'}|layername=malmforekomst",
    })
    port = free_port()
    env = {**os.environ, "QGIS_PROJECT_FILE": str(project), "QT_QPA_PLATFORM": "offscreen",
           "QGIS_SERVER_LOG_LEVEL": "2"}
    log = (folder / "server.log").open("w")
    server = subprocess.Popen(["qgis_mapserver", f"127.0.0.1:{port}"], env=env, stdout=log,
                              stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/ows"
    capabilities = f"{url}?SERVICE=WFS&REQUEST=GetCapabilities"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(capabilities, timeout=5) as response:
                    body = response.read().decode()
                    if "avgangsdeponi" in body:
                        break
            except (urllib.error.URLError, ConnectionError):
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"qgis_mapserver did not start: {(folder / 'server.log').read_text()[-2000:]}")
            time.sleep(0.3)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def _assert_same_deposits(out_rows, source_rows, id_field):
    source = {r[id_field]: r for r in source_rows}
    assert sorted(r["deposit_id"] for r in out_rows) == sorted(source)
    for row in out_rows:
        original = shapely.from_wkt(source[row["deposit_id"]]["wkt"])
        received = shapely.from_wkt(row["wkt"])
        assert received.equals_exact(original, 0.01) or received.normalize().equals_exact(original.normalize(), 0.01)


@pytest.mark.parametrize("form", ["wfs://url={url} typename=avgangsdeponi", "url={url} typename=avgangsdeponi",
                                  "{url}?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=avgangsdeponi"])
def test_every_wfs_feature_arrives(tailings_provider, wfs_url, sample_data, tmp_path, form):
    import processing

    out = tmp_path / "deposits.gpkg"
    result = processing.run(ALG, {"INPUT": form.format(url=wfs_url), "OUTPUT": str(out),
                                  "REJECTS": str(tmp_path / "rejects.gpkg")})
    source = read_rows(f"{sample_data / 'old_tailings.gpkg'}|layername=avgangsdeponi")
    assert result["N_READ"] == len(source) and result["N_ACCEPTED"] == len(source)
    rows = read_rows(str(out))
    _assert_same_deposits(rows, source, "deponiId")
    by_id = {r["deponiId"]: r for r in source}
    assert all(r["tonnage_t"] == by_id[r["deposit_id"]]["tonnasje_t"] for r in rows
               if by_id[r["deposit_id"]]["tonnasje_t"] is not None)


def test_wfs_that_does_not_answer_is_a_clear_error(tailings_provider):
    import processing
    from qgis.core import QgsProcessingException

    dead = f"http://127.0.0.1:{free_port()}/ows"  # nothing listens there
    with pytest.raises(QgsProcessingException, match="WFS did not answer"):
        processing.run(ALG, {"INPUT": f"wfs://url={dead} typename=avgangsdeponi",
                             "OUTPUT": "TEMPORARY_OUTPUT", "REJECTS": "TEMPORARY_OUTPUT"})


@pytest.fixture()
def silent_server():
    """A TCP server on 127.0.0.1 that accepts every connection and never sends a byte."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)
    stop = threading.Event()
    held: list[socket.socket] = []

    def accept():
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/ows"
    finally:
        stop.set()
        thread.join(5)
        for connection in held:
            connection.close()
        listener.close()
        assert not thread.is_alive()


def test_wfs_that_never_answers_fails_after_timeout(tailings_provider, silent_server):
    """The server accepts and stays silent: the read ends after TIMEOUT (not Qt's 60 s), with a
    message naming the URL and the timeout, and QGIS's own timeout setting is restored."""
    import processing
    from qgis.core import QgsNetworkAccessManager, QgsProcessingException

    before = QgsNetworkAccessManager.timeout()
    with pytest.raises(QgsProcessingException) as info:
        processing.run(ALG, {"INPUT": f"wfs://url={silent_server} typename=avgangsdeponi", "TIMEOUT": 2,
                             "OUTPUT": "TEMPORARY_OUTPUT", "REJECTS": "TEMPORARY_OUTPUT"})
    message = str(info.value)
    assert "did not answer within TIMEOUT = 2 s" in message and silent_server in message, message
    assert "Traceback" not in message
    assert QgsNetworkAccessManager.timeout() == before


def test_timeout_default_is_15_s(tailings_provider):
    from qgis.core import QgsApplication

    parameter = QgsApplication.processingRegistry().algorithmById(ALG).parameterDefinition("TIMEOUT")
    assert parameter.defaultValue() == 15 and parameter.minimum() == 1


@pytest.fixture(scope="module")
def plugin_enabled():
    proc = run_qgis_process("plugins", "enable", "tailings_unfc")
    assert proc.returncode == 0 or "already" in (proc.stdout + proc.stderr), proc.stdout + proc.stderr


@pytest.mark.qgis_process
def test_qgis_process_imports_a_file(plugin_enabled, sample_data, tmp_path):
    source = f"{sample_data / 'ngu_mineral_deposits.gpkg'}|layername=malmforekomst"
    out = tmp_path / "ngu.gpkg"
    result = run_qgis_process_json(ALG, {"INPUT": source, "OUTPUT": str(out), "REJECTS": str(tmp_path / "rej.gpkg"),
                                         "TARGET_CRS": "EPSG:25833"})
    counts = result["results"]
    source_rows = read_rows(source)
    assert counts["N_READ"] == len(source_rows) == counts["N_ACCEPTED"] + counts["N_REJECTED"]
    _assert_same_deposits(read_rows(str(out)), source_rows, "identRastoffobj")
    assert any("Deposits: 45 read = 45 accepted + 0 rejected" in line for line in result.get("log", {}).get(
        "info", [])) or "45 read = 45 accepted" in str(result)


@pytest.mark.qgis_process
def test_qgis_process_imports_from_wfs(plugin_enabled, wfs_url, sample_data, tmp_path):
    out = tmp_path / "wfs.gpkg"
    result = run_qgis_process_json(ALG, {"INPUT": f"url={wfs_url} typename=malmforekomst", "OUTPUT": str(out),
                                         "REJECTS": str(tmp_path / "rej.gpkg")})
    source_rows = read_rows(f"{sample_data / 'ngu_mineral_deposits.gpkg'}|layername=malmforekomst")
    assert result["results"]["N_ACCEPTED"] == len(source_rows)
    _assert_same_deposits(read_rows(str(out)), source_rows, "identRastoffobj")
