"""Re-running the export of the same inputs is idempotent: one export_runs row per run id, in a
GeoPackage (through Processing) and in PostGIS (real server on loopback); and the run metadata
records input files by absolute path with their sha256, whatever the working directory."""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from pathlib import Path

import pytest
from export_support import classified_frames, write_input_gpkg
from postgis_support import running_postgis_server

from core.export.run import export_run
from core.pipeline import PipelineSettings, run_inputs


def _runs_gpkg(path: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT run_id, content_hash FROM export_runs").fetchall()


def test_rerun_into_the_same_geopackage_keeps_one_row_per_run(tailings_provider, tmp_path):
    import processing

    deposits, quantities = classified_frames(40, seed=61)
    deposit_uri, quantity_uri = write_input_gpkg(tmp_path / "classified.gpkg", deposits, quantities)
    target = tmp_path / "national.gpkg"
    params = {"INPUT": deposit_uri, "QUANTITIES": quantity_uri, "DESTINATION": str(target)}
    first = processing.run("tailingsunfc:export", params)
    runs = _runs_gpkg(target)
    for _ in range(2):
        again = processing.run("tailingsunfc:export", params)
        assert again["RUN_ID"] == first["RUN_ID"]
        assert _runs_gpkg(target) == runs
    assert len(runs) == 1 and runs[0][0] == first["RUN_ID"]


@pytest.mark.postgis
def test_rerun_into_the_same_postgis_schema_keeps_one_row_per_run():
    deposits, quantities = classified_frames(40, seed=62)
    changed = deposits.assign(tonnage_t=deposits["tonnage_t"] * 2)
    with running_postgis_server() as server:
        destination = (f"authcfg=unused host={server.host} port={server.port} dbname={server.dbname} "
                       "schema=rerun")

        def export(frame):
            return export_run(frame, quantities, destination, crs="EPSG:25833",
                              resolve_credentials=lambda _t: {"user": server.user, "password": server.password})

        ids = [export(deposits).run.run_id for _ in range(3)] + [export(changed).run.run_id]
        with server.admin() as connection, connection.cursor() as cursor:
            cursor.execute("SELECT run_id, count(*) FROM rerun.export_runs GROUP BY run_id")
            counts = dict(cursor.fetchall())
            cursor.execute("SELECT count(*) FROM rerun.deposits")
            n_deposits = cursor.fetchone()[0]
        connection.close()
    assert ids[0] == ids[1] == ids[2] != ids[3]
    assert counts == {ids[0]: 1, ids[3]: 1}
    assert n_deposits == len(deposits)


def test_run_inputs_are_absolute_with_their_hash(tmp_path, monkeypatch):
    work = tmp_path / "work"
    work.mkdir()
    (work / "lab.csv").write_text("sample_id,co_ppm\nS1,12\n")
    (work / "field.csv").write_text("sample_id,cu_ppm\nS2,40\n")
    (work / "rules.toml").write_text("version = 'x'\n")
    (work / "deposits.gpkg").write_bytes(b"not really a gpkg, only hashed")
    monkeypatch.chdir(work)
    settings = PipelineSettings(assay_files=["lab.csv"], proxy_files=["./field.csv"], rules_path="rules.toml")
    deposit_sources = [{"role": "deposits", "source": "deposits.gpkg|layername=x", "sha256": None},
                       {"role": "deposits", "source": "url=http://127.0.0.1:1/ows typename=t", "sha256": None}]
    entries = run_inputs(deposit_sources, settings, {"lab.csv": None})
    by_role = {}
    for entry in entries:
        by_role.setdefault(entry["role"], []).append(entry)
    for role, name in (("assays", "lab.csv"), ("proxy_assays", "field.csv"), ("rules", "rules.toml")):
        (entry,) = by_role[role]
        assert entry["source"] == str(work / name) and os.path.isabs(entry["source"])
        assert entry["sha256"] == hashlib.sha256((work / name).read_bytes()).hexdigest()
    local, remote = by_role["deposits"]
    assert local["source"] == f"{work / 'deposits.gpkg'}|layername=x"
    assert local["sha256"] == hashlib.sha256((work / "deposits.gpkg").read_bytes()).hexdigest()
    assert remote["source"] == "url=http://127.0.0.1:1/ows typename=t" and remote["sha256"] is None
    json.dumps(entries)  # recordable as run metadata
