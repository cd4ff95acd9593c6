"""PostGIS faults against a real PostgreSQL 15 + PostGIS on loopback: the server or the
export's backend killed in the middle of the transaction, and two exports into one schema at
the same time. The export's progress callback is the deterministic place to act: it runs
between statements, inside the transaction."""
from __future__ import annotations

import os
import signal
import threading
import time

import pandas as pd
import pytest
from export_support import classified_frames
from postgis_support import running_postgis_server

from core.errors import TailingsInputError
from core.export.run import export_run

pytestmark = pytest.mark.postgis

TABLES = (("deposits", "deposit_id"), ("quantities", "deposit_id, commodity, unfc_g"),
          ("export_runs", "run_id"), ("erml_mining_waste_view", "identifier"))
WAIT_S = 60  # every wait of these tests is bounded by this


@pytest.fixture(scope="module")
def server():
    with running_postgis_server() as pg:
        yield pg


def _destination(server, schema: str, extra: str = "") -> str:
    return (f"authcfg=unused host={server.host} port={server.port} dbname={server.dbname} "
            f"schema={schema} {extra}").strip()


def _export(server, schema, deposits, quantities, progress=None, extra=""):
    return export_run(deposits, quantities, _destination(server, schema, extra), crs="EPSG:25833",
                      resolve_credentials=lambda _t: {"user": server.user, "password": server.password},
                      progress=progress)


def _snapshot(server, schema: str) -> dict[str, list[tuple]]:
    with server.admin() as connection, connection.cursor() as cursor:
        out = {}
        for table, order in TABLES:
            cursor.execute(f'SELECT * FROM "{schema}"."{table}" ORDER BY {order}')
            out[table] = [tuple(map(str, row)) for row in cursor.fetchall()]
    connection.close()
    return out


def _changed(deposits: pd.DataFrame, quantities: pd.DataFrame, factor: float):
    """The same deposits with other tonnages, plus some new deposits: a real change."""
    more, more_q = classified_frames(len(deposits) + 40, seed=5)
    extra = more.iloc[len(deposits):]
    changed = pd.concat([deposits.assign(tonnage_t=deposits["tonnage_t"] * factor), extra], ignore_index=True)
    changed_q = pd.concat([quantities, more_q[more_q["deposit_id"].isin(extra["deposit_id"])]],
                          ignore_index=True)
    return changed, changed_q


def _deposit_ids(server, schema: str) -> set[str]:
    with server.admin() as connection, connection.cursor() as cursor:
        cursor.execute(f'SELECT deposit_id FROM "{schema}".deposits')
        ids = {row[0] for row in cursor.fetchall()}
    connection.close()
    return ids


class AtProgress:
    """Calls ``action`` once, the first time the export reports at least ``threshold`` %."""

    def __init__(self, threshold: float, action):
        self.threshold, self.action, self.fired = threshold, action, False

    def __call__(self, value: float) -> None:
        if not self.fired and value >= self.threshold:
            self.fired = True
            self.action()


def _export_backend_pids(server) -> list[int]:
    with server.admin("postgres") as connection, connection.cursor() as cursor:
        cursor.execute("SELECT pid FROM pg_stat_activity WHERE application_name = 'Tailings UNFC export'")
        pids = [row[0] for row in cursor.fetchall()]
    connection.close()
    return pids


def _terminate_export_backend(server) -> None:
    pids = _export_backend_pids(server)
    assert len(pids) == 1, pids
    with server.admin("postgres") as connection, connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s, %s)", (pids[0], WAIT_S * 1000))
        assert cursor.fetchone()[0]
    connection.close()


@pytest.mark.parametrize("threshold", [20.0, 50.0, 96.0], ids=["in-copy", "after-deposits", "after-runs"])
def test_backend_killed_mid_transaction_changes_nothing(server, threshold):
    schema = f"killed_{int(threshold)}"
    deposits, quantities = classified_frames(120, seed=31)
    _export(server, schema, deposits, quantities)
    before = _snapshot(server, schema)
    changed, changed_q = _changed(deposits, quantities, 3.0)
    kill = AtProgress(threshold, lambda: _terminate_export_backend(server))
    with pytest.raises(TailingsInputError) as info:
        _export(server, schema, changed, changed_q, progress=kill)
    assert kill.fired
    message = str(info.value)
    assert "rolled back, nothing was changed" in message and f"schema={schema}" in message
    assert "terminat" in message or "closed" in message, message
    assert server.password not in message
    assert _snapshot(server, schema) == before
    # And the database takes the same export afterwards.
    _export(server, schema, changed, changed_q)
    assert len(_snapshot(server, schema)["deposits"]) == len(changed)


READY = "database system is ready to accept connections"


def _ready_count(server) -> int:
    return (server.base / "server.log").read_text(errors="replace").count(READY)


def _wait_for_restart(server, ready_before: int) -> None:
    """After a backend crash the postmaster resets every backend and replays the WAL; wait for
    the server log to say it is ready again (then a connection is a real one)."""
    deadline = time.monotonic() + WAIT_S
    while _ready_count(server) <= ready_before:
        assert time.monotonic() < deadline, "the server did not come back after the crash"
        time.sleep(0.1)
    server.admin("postgres").close()


def test_backend_sigkilled_mid_transaction_changes_nothing(server):
    """SIGKILL of the export's backend: PostgreSQL treats it as a crash of the whole cluster
    (all backends reset, WAL replayed); the export's transaction must be gone after that."""
    schema = "sigkilled"
    deposits, quantities = classified_frames(80, seed=33)
    _export(server, schema, deposits, quantities)
    before = _snapshot(server, schema)
    changed, changed_q = _changed(deposits, quantities, 5.0)

    def sigkill():
        (pid,) = _export_backend_pids(server)
        os.kill(pid, signal.SIGKILL)

    ready = _ready_count(server)
    kill = AtProgress(50.0, sigkill)
    with pytest.raises(TailingsInputError) as info:
        _export(server, schema, changed, changed_q, progress=kill)
    assert kill.fired and "rolled back, nothing was changed" in str(info.value)
    _wait_for_restart(server, ready)
    assert _snapshot(server, schema) == before


def test_server_stopped_immediately_mid_transaction_changes_nothing(server):
    schema = "crashed"
    deposits, quantities = classified_frames(100, seed=32)
    _export(server, schema, deposits, quantities)
    before = _snapshot(server, schema)
    changed, changed_q = _changed(deposits, quantities, 2.0)
    crash = AtProgress(50.0, server.kill)
    try:
        with pytest.raises(TailingsInputError) as info:
            _export(server, schema, changed, changed_q, progress=crash)
    finally:
        server.kill()  # no-op when already down; then crash recovery on start
        server.start()
    assert crash.fired
    assert "rolled back, nothing was changed" in str(info.value)
    assert _snapshot(server, schema) == before


def _ungranted_lock_of(server, pids: set[int]) -> bool:
    with server.admin("postgres") as connection, connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_locks WHERE NOT granted AND pid = ANY(%s)", (list(pids),))
        waiting = cursor.fetchone()[0] > 0
    connection.close()
    return waiting


class Paused:
    """Holds the first export inside its transaction until the second export waits on a lock
    or has finished, so that the two really overlap (no sleeps deciding the order)."""

    def __init__(self, server, second: threading.Thread):
        self.server, self.second = server, second
        self.second_waited = False

    def __call__(self) -> None:
        mine = set(_export_backend_pids(self.server))
        self.second.start()
        deadline = time.monotonic() + WAIT_S
        while time.monotonic() < deadline and self.second.is_alive():
            others = set(_export_backend_pids(self.server)) - mine
            if others and _ungranted_lock_of(self.server, others):
                self.second_waited = True
                return
            time.sleep(0.05)


def _in_thread(outcome: dict, key: str, call):
    def target():
        try:
            outcome[key] = call()
        except Exception as err:
            outcome[key] = err
    return threading.Thread(target=target, daemon=True)


@pytest.mark.parametrize("overlap", ["same_ids", "different_ids"])
@pytest.mark.parametrize("fresh", [True, False], ids=["new_schema", "existing_schema"])
def test_two_concurrent_exports_serialise_and_lose_nothing(server, overlap, fresh):
    schema = f"concurrent_{overlap}_{'new' if fresh else 'old'}"
    first, first_q = classified_frames(90, seed=41)
    if overlap == "same_ids":
        second, second_q = first.assign(tonnage_t=first["tonnage_t"] * 1.5), first_q
    else:
        second, second_q = classified_frames(150, seed=42)
        second, second_q = second.iloc[90:], second_q[second_q["deposit_id"].isin(second["deposit_id"].iloc[90:])]
    if not fresh:
        _export(server, schema, first.iloc[:10], first_q[first_q["deposit_id"].isin(first["deposit_id"].iloc[:10])])
    outcome: dict = {}
    later = _in_thread(outcome, "second", lambda: _export(server, schema, second, second_q))
    pause = Paused(server, later)
    _export(server, schema, first, first_q, progress=AtProgress(50.0, pause))
    later.join(WAIT_S)
    assert not later.is_alive(), "the second export hung"
    assert pause.second_waited, "the second export did not wait for the first"
    assert not isinstance(outcome["second"], Exception), outcome["second"]
    state = _snapshot(server, schema)
    expected_ids = set(first["deposit_id"]) | set(second["deposit_id"])
    assert _deposit_ids(server, schema) == expected_ids
    assert len(state["quantities"]) == len(pd.concat([first_q, second_q]).drop_duplicates(
        ["deposit_id", "commodity", "unfc_g"]))
    runs = {row[0] for row in state["export_runs"]}
    assert outcome["second"].run.run_id in runs and len(runs) == (3 if not fresh else 2)
    if overlap == "same_ids":  # the later export's values win, every one of them
        with server.admin() as connection, connection.cursor() as cursor:
            cursor.execute(f'SELECT deposit_id, tonnage_t FROM "{schema}".deposits')
            stored = dict(cursor.fetchall())
        connection.close()
        expected = second.set_index("deposit_id")["tonnage_t"]
        assert pd.Series(stored).sort_index().to_numpy() == pytest.approx(expected.sort_index().to_numpy(),
                                                                          rel=1e-12)


def test_export_waiting_longer_than_lock_timeout_fails_clearly(server):
    schema = "lock_timeout"
    first, first_q = classified_frames(60, seed=43)
    _export(server, schema, first, first_q)
    outcome: dict = {}
    later = _in_thread(outcome, "second", lambda: _export(server, schema, first, first_q,
                                                          extra="lock_timeout=0.5"))

    def hold_until_second_gave_up():
        later.start()
        later.join(WAIT_S)

    changed, changed_q = _changed(first, first_q, 1.25)
    _export(server, schema, changed, changed_q, progress=AtProgress(50.0, hold_until_second_gave_up))
    assert not later.is_alive()
    error = outcome["second"]
    assert isinstance(error, TailingsInputError), error
    assert "Another export is writing to lock_timeout.deposits" in str(error)
    assert "waited 0.5 s" in str(error) and "Nothing was changed" in str(error)
    assert len(_snapshot(server, schema)["deposits"]) == len(changed)


def test_timeouts_in_the_destination_are_checked(server):
    deposits, quantities = classified_frames(5, seed=44)
    for bad in ("lock_timeout=-1", "statement_timeout=abc", "lock_timeout=nan"):
        with pytest.raises(TailingsInputError, match="between 0 and 86400"):
            _export(server, "bad_timeouts", deposits, quantities, extra=bad)


def test_row_held_by_another_session_is_waited_for_boundedly(server):
    """A QGIS user editing the national table holds row locks: the export waits lock_timeout at
    most, then rolls back with a message that says so."""
    schema = "row_held"
    deposits, quantities = classified_frames(30, seed=45)
    _export(server, schema, deposits, quantities)
    before = _snapshot(server, schema)
    editor = server.admin()
    try:
        with editor.cursor() as cursor:
            cursor.execute(f'SELECT 1 FROM "{schema}".deposits WHERE deposit_id = %s FOR UPDATE',
                           (deposits["deposit_id"].iloc[3],))
        changed, changed_q = _changed(deposits, quantities, 4.0)
        with pytest.raises(TailingsInputError, match="lock timeout") as info:
            _export(server, schema, changed, changed_q, extra="lock_timeout=0.5")
        assert "rolled back, nothing was changed" in str(info.value)
    finally:
        editor.rollback()
        editor.close()
    assert _snapshot(server, schema) == before
