"""core.monitored: a job in a worker thread, its messages and progress passed on by the caller's thread."""
from __future__ import annotations

import itertools
import threading
import time

import pytest

from core import monitored
from core.monitored import JobStopped, MonitorStats, run_monitored


class Calls:
    """What the caller's callbacks received, and in which thread."""

    def __init__(self):
        self.items, self.threads = [], set()

    def sink(self, kind):
        def receive(value):
            self.items.append((kind, value))
            self.threads.add(threading.get_ident())
        return receive


def _run(job, calls, cancel=None, stats=None, **kwargs):
    return run_monitored(job, log=calls.sink("log"), warn=calls.sink("warn"), progress=calls.sink("progress"),
                         cancel=cancel, stats=stats, **kwargs)


def test_messages_progress_and_result_arrive_in_order_in_the_callers_thread():
    def job(n, log, warn, progress, cancel):
        assert threading.current_thread().name == "tailings_unfc job"
        for i in range(n):
            log(f"step {i}")
            progress(10.0 * (i + 1))
            cancel()
        warn("done")
        return "result"

    calls = Calls()
    assert _run(job, calls, n=3) == "result"
    assert calls.threads == {threading.get_ident()}
    own = [i for i in calls.items if i[0] != "progress" or i[1] in (10.0, 20.0, 30.0)]
    assert own == [("log", "step 0"), ("progress", 10.0), ("log", "step 1"), ("progress", 20.0),
                   ("log", "step 2"), ("progress", 30.0), ("warn", "done")]


def test_the_jobs_error_is_raised_in_the_caller():
    def job(log, warn, progress, cancel):
        log("before")
        raise ValueError("bad cell in row 7")

    calls = Calls()
    with pytest.raises(ValueError, match="row 7"):
        _run(job, calls)
    assert ("log", "before") in calls.items


def test_a_silent_job_still_moves_the_bar_but_never_far_past_its_own_report():
    def job(log, warn, progress, cancel):
        progress(40.0)
        time.sleep(2.6)  # one long call that cannot report
        progress(45.0)

    calls, stats = Calls(), MonitorStats()
    _run(job, calls, stats=stats)
    shown = [v for k, v in calls.items if k == "progress"]
    assert shown == sorted(shown) and shown[0] == 40.0 and shown[-1] == 45.0
    nudged = [v for v in shown if 40.0 < v < 45.0]
    assert len(nudged) >= 2  # about one per second of silence
    assert max(nudged) <= 40.0 + monitored.MAX_AHEAD
    assert all(b - a >= 0.1 for a, b in itertools.pairwise(shown))  # QGIS drops smaller steps
    assert 2.4 < stats.longest_silence < 10 and 0 <= stats.silence_from < 1


def test_a_cancel_stops_the_job_at_its_next_check_and_returns_at_once():
    stopped = threading.Event()
    started = time.perf_counter()

    def job(log, warn, progress, cancel):
        try:
            while time.perf_counter() - started < 30:
                time.sleep(0.05)
                cancel()
        except JobStopped:
            stopped.set()
            raise

    def caller_cancel():
        if time.perf_counter() - started > 0.5:
            raise RuntimeError("cancelled by the user")

    with pytest.raises(RuntimeError, match="cancelled"):
        _run(job, Calls(), cancel=caller_cancel)
    assert stopped.wait(1.0)
    assert time.perf_counter() - started < 5


def test_a_cancel_does_not_wait_for_a_job_that_cannot_check():
    started = time.perf_counter()

    def job(log, warn, progress, cancel):
        time.sleep(6)

    def caller_cancel():
        if time.perf_counter() - started > 0.3:
            raise RuntimeError("cancelled by the user")

    with pytest.raises(RuntimeError):
        _run(job, Calls(), cancel=caller_cancel)
    assert time.perf_counter() - started < 0.3 + monitored.HEARTBEAT_S + monitored.CANCEL_WAIT_S + 1.5
