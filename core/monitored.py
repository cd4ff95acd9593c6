"""Run a long job in a worker thread while the calling thread keeps its caller informed.

Why: a national run spends seconds at a time inside single calls that cannot report from
within (python-calamine's sheet parse, a pandas take over 1.3 million rows, a regex pass
over a million sample ids); the bench found nine such stretches of 1-5.6 s without a
progress report, and a cancel had to wait for each to end. Here the job runs in a worker
thread and every ``HEARTBEAT_S`` the calling thread, which owns the caller's callbacks
(QGIS's feedback object is only ever called from it, as before):

- passes on, in order, what the job logged, warned and reported;
- checks for a cancel: the job's own cancel checks then stop it at its next one, and the
  call returns at most ``CANCEL_WAIT_S`` later, whether the job has stopped or not (its
  partial outputs are temporary files it removes when it stops);
- when the bar has not moved for ``QUIET_S``, moves the progress on by ``NUDGE`` points
  (QGIS drops changes below 0.1), never more than ``MAX_AHEAD`` points past the job's own
  last report, so a stall longer than that still shows as one.

The job's own reports stay the measure of progress; ``MonitorStats.longest_silence`` is the
longest stretch between them, so the stretches can still be found and shortened.
The worker runs numpy/pandas/GDAL code only (``core`` has no Qt); Python switches threads
every few milliseconds, and calamine, numpy and GDAL release the GIL in their long calls,
so the calling thread wakes on time.
"""
from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

HEARTBEAT_S = 0.25
QUIET_S = 0.4
NUDGE = 0.15  # points; QGIS drops changes below 0.1, and a caller may scale the run down to 2/3
MAX_AHEAD = 2.0
VISIBLE = 0.2  # points: a change QGIS shows even when the caller halves the run's scale
CANCEL_WAIT_S = 2.0

T = TypeVar("T")


class JobStopped(BaseException):
    """Raised inside the job by its cancel checks once the caller has cancelled (a BaseException,
    like KeyboardInterrupt, so that no ``except Exception`` in the job turns it into an error)."""


@dataclass
class MonitorStats:
    """The job's own progress reports: the longest stretch without one, and when it began
    (seconds from the start)."""

    longest_silence: float = 0.0
    silence_from: float = 0.0


def run_monitored(job: Callable[..., T], *, log: Callable[[str], None], warn: Callable[[str], None],
                  progress: Callable[[float], None] | None, cancel: Callable[[], None] | None,
                  stats: MonitorStats | None = None, **kwargs: Any) -> T:
    """``job(**kwargs, log=, warn=, progress=, cancel=)`` in a worker thread; its result or its exception."""
    events: queue.SimpleQueue = queue.SimpleQueue()
    stop = threading.Event()
    outcome: dict[str, Any] = {}

    def job_cancel() -> None:
        if stop.is_set():
            raise JobStopped()

    def work() -> None:
        try:
            outcome["value"] = job(**kwargs, log=lambda m: events.put((log, m)), warn=lambda m: events.put((warn, m)),
                                   progress=(lambda v: events.put((None, (v, time.perf_counter()))))
                                   if progress is not None else None,
                                   cancel=job_cancel)
        except BaseException as err:  # re-raised in the calling thread
            outcome["error"] = err

    worker = threading.Thread(target=work, name="tailings_unfc job", daemon=True)
    relay = _Relay(progress, stats if stats is not None else MonitorStats())
    worker.start()
    while worker.is_alive():
        worker.join(HEARTBEAT_S)
        relay.drain(events)
        if cancel is not None:
            try:
                cancel()
            except BaseException:
                stop.set()
                worker.join(CANCEL_WAIT_S)
                relay.drain(events)
                raise
        relay.beat()
    relay.drain(events)
    relay.finish()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


class _Relay:
    """Passes the job's messages on and keeps the progress moving (see the module text)."""

    def __init__(self, progress: Callable[[float], None] | None, stats: MonitorStats):
        self.progress, self.stats = progress, stats
        self.start = self.last_own = self.last_shown = time.perf_counter()
        self.own = self.shown = self.counted = 0.0

    def drain(self, events: queue.SimpleQueue) -> None:
        while True:
            try:
                target, value = events.get_nowait()
            except queue.Empty:
                return
            if target is not None:
                target(value)
            else:
                self._own(*value)

    def _own(self, value: float, when: float) -> None:
        """A report of the job's own, made at ``when`` (the worker's clock reading)."""
        self._silence(when)
        self.last_own, self.own = when, max(self.own, float(value))
        if self.own > self.shown:
            self._show(self.own, time.perf_counter())

    def _silence(self, now: float) -> None:
        if now - self.last_own > self.stats.longest_silence:
            self.stats.longest_silence, self.stats.silence_from = now - self.last_own, self.last_own - self.start

    def beat(self) -> None:
        now = time.perf_counter()
        if self.progress is None or now - self.last_shown < QUIET_S:
            return
        ahead = min(self.shown + NUDGE, self.own + MAX_AHEAD, 100.0)
        if ahead > self.shown:
            self._show(ahead, now, nudge=True)

    def finish(self) -> None:
        self._silence(time.perf_counter())

    def _show(self, value: float, now: float, nudge: bool = False) -> None:
        # QGIS drops a change of less than a tenth of a point (in its own scale, which the caller
        # may shrink): only a move of VISIBLE points, or a nudge, restarts the quiet clock.
        if nudge or value - self.counted >= VISIBLE:
            self.last_shown, self.counted = now, value
        self.shown = value
        if self.progress is not None:
            self.progress(value)
