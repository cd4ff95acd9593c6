"""End-to-end benchmark on the national-scale workload (DESIGN.md, "Figures").

Each measured thing runs in its own process, so that its seconds and its peak RSS are its
own (the kernel's accounting of that child, from ``os.wait4``):
- floor: reading the inputs and writing the output with pandas / python-calamine / ogr2ogr alone;
- QGIS native chain: native:joinbylocationsummary (mean Cu of the 1M points per polygon) +
  native:fieldcalculator (contained Cu = tonnage × grade);
- the plugin's pipeline on the same files, with its seconds per step, the longest gap
  between two progress reports, and (``--cancel``) how long a cancel takes to stop it.
Then the goals' ratios, each MET or NOT MET. ``--scaling`` runs the pipeline at 10k, 30k,
100k and 300k polygons (samples in proportion) and fits the log-log exponent.

Run: ``source scripts/env.sh && python bench/bench_pipeline.py [--small | --scaling | --gaps] [--cancel] [--profile F]``
(``--gaps``: the plugin alone, and every gap between progress reports longer than 1 s with
the code that ran in it, from a stack sampled every 0.1 s).
(``--profile``: a cProfile of the plugin's run, which is then slower; read it with ``python -m pstats F``).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from national_data import national_workload

NATIONAL = (100_000, 1_000_000, 300_000)
SMALL = (10_000, 100_000, 30_000)
SCALING = (10_000, 30_000, 100_000, 300_000)
RESULT_TAG = "BENCH-RESULT "
GOAL_SPEEDUP, GOAL_FLOOR, GOAL_RSS_GB = 2.0, 2.0, 2.0
GAP_LIMIT = float(os.environ.get("BENCH_GAP_LIMIT", "1.0"))  # the goal: a report at least once a second


# ---------------------------------------------------------------- child side: one measured thing
def _floor(paths: dict[str, Path], work: Path) -> dict:
    import pandas as pd
    from python_calamine import CalamineWorkbook

    parts = {}
    start = time.perf_counter()
    CalamineWorkbook.from_path(str(paths["xlsx"])).get_sheet_by_name("Results").to_python()
    parts["calamine"] = time.perf_counter() - start
    start = time.perf_counter()
    pd.read_csv(paths["csv"], sep=";", decimal=",")
    parts["read_csv"] = time.perf_counter() - start
    start = time.perf_counter()
    subprocess.run(["ogr2ogr", "-f", "GPKG", str(work / "floor_copy.gpkg"), str(paths["polygons"])], check=True)
    parts["ogr2ogr"] = time.perf_counter() - start
    return {"seconds": sum(parts.values()), "parts": parts}


def _points_uri(paths: dict[str, Path]) -> str:
    return (f"file://{paths['csv']}?delimiter=;&decimalPoint=,&xField=Øst&yField=Nord&crs=EPSG:25833"
            "&detectTypes=yes&geomType=point")


def _points(paths: dict[str, Path], work: Path) -> dict:
    """The CSV as a point GeoPackage for the native chain (its own process; not timed as work)."""
    import processing
    from qgis.core import QgsVectorLayer

    processing.run("native:savefeatures", {"INPUT": QgsVectorLayer(_points_uri(paths), "pxrf", "delimitedtext"),
                                           "OUTPUT": str(work / "points.gpkg")})
    return {"seconds": 0.0}


def _native(paths: dict[str, Path], work: Path) -> dict:
    import processing
    from qgis.core import QgsVectorLayer

    polygons = QgsVectorLayer(str(paths["polygons"]), "polygons", "ogr")
    start = time.perf_counter()
    joined = processing.run("native:joinbylocationsummary", {
        "INPUT": polygons, "JOIN": str(work / "points.gpkg"), "PREDICATE": [0], "JOIN_FIELDS": ["Cu ppm"],
        "SUMMARIES": [6], "DISCARD_NONMATCHING": False, "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    processing.run("native:fieldcalculator", {
        "INPUT": joined, "FIELD_NAME": "cu_t", "FIELD_TYPE": 0, "FORMULA":
        '"volum_m3" * "tetthet_t_m3" * "Cu ppm_mean" / 1e6', "OUTPUT": str(work / "native.gpkg")})
    return {"seconds": time.perf_counter() - start}


class _StepClock:
    """Wall seconds per pipeline step, by wrapping the functions the pipeline calls by name."""

    STEPS = (("deposit import", "algorithms.pipeline", "PipelineAlgorithm._import_deposits"),
             ("assay import", "core.pipeline", "import_assay_file"),
             ("training", "core.pipeline", "_train"),
             ("estimates / Monte Carlo", "core.pipeline", "estimate_deposits"),
             ("classification", "core.pipeline", "classify_estimates"),
             ("GeoPackage", "core.export.run", "write_geopackage"),
             ("workbook", "core.export.run", "write_workbook"))

    def __init__(self):
        import importlib

        self.seconds: dict[str, float] = {}
        self.peak_gb: dict[str, float] = {}  # the process's peak RSS when the step ended (never falls)
        self.current = "start"
        for label, module_name, attr in self.STEPS:
            owner = importlib.import_module(f"tailings_unfc.{module_name}")
            *outer, name = attr.split(".")
            for part in outer:
                owner = getattr(owner, part)
            setattr(owner, name, self._timed(label, getattr(owner, name)))

    def _timed(self, label: str, fn):
        def wrapper(*args, **kwargs):
            start, outer = time.perf_counter(), self.current
            self.current = label
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds[label] = self.seconds.get(label, 0.0) + time.perf_counter() - start
                self.peak_gb[label] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e9
                self.current = outer
        return wrapper


class _StackSampler(threading.Thread):
    """Samples the running thread's stack every 0.1 s (``--gaps``): what ran during each gap
    between progress reports, as the innermost plugin frame and the innermost frame of all."""

    def __init__(self, thread_id: int):
        super().__init__(daemon=True)
        self.thread_id, self.samples, self.stop = thread_id, [], threading.Event()

    def _running(self) -> int:
        """The pipeline's worker thread (core.monitored) while it runs, else the calling thread."""
        return next((t.ident for t in threading.enumerate() if t.name == "tailings_unfc job"), self.thread_id)

    def run(self):
        while not self.stop.wait(0.1):
            frame = sys._current_frames().get(self._running())
            inner = frame
            plugin = None
            while frame is not None:
                if plugin is None and "tailings_unfc" in frame.f_code.co_filename:
                    plugin = frame
                frame = frame.f_back
            self.samples.append((time.perf_counter(), _where(plugin), _where(inner)))

    def during(self, start: float, end: float) -> list[str]:
        """The most frequent innermost plugin frames between two clock times, with the innermost
        frame of all seen most often with each, and the number of samples."""
        from collections import Counter

        inside = [(p, i) for t, p, i in self.samples if start <= t <= end]
        seen = Counter(p for p, _ in inside)
        return [f"{k} ({v}; innermost: {Counter(i for p, i in inside if p == k).most_common(1)[0][0]})"
                for k, v in seen.most_common(4)]


def _where(frame) -> str:
    if frame is None:
        return "-"
    code = frame.f_code
    return f"{Path(code.co_filename).name}:{frame.f_lineno} {code.co_name}"


def _feedback_class():
    from qgis.core import QgsProcessingFeedback

    class Watch(QgsProcessingFeedback):
        """Records the longest gap between progress reports and when a cancel was asked for."""

        def __init__(self, clock: _StepClock):
            super().__init__()
            self.last = self.start = time.perf_counter()
            self.max_gap, self.gap_step, self.cancelled_at, self.clock = 0.0, "", None, clock
            self.gaps: list[tuple[float, float, str]] = []  # (start in the run, length, step) of gaps > 1 s
            self.own_silence = ""
            self.progressChanged.connect(self._tick)

        def _tick(self, _value):
            now = time.perf_counter()
            if now - self.last > self.max_gap:
                self.max_gap, self.gap_step = now - self.last, self.clock.current
            if now - self.last > GAP_LIMIT:
                self.gaps.append((self.last - self.start, now - self.last, self.clock.current))
            self.last = now

        def pushInfo(self, info, *args):
            if "longest stretch without a report" in info:  # core.pipeline's own figure, heartbeat aside
                self.own_silence = info
            super().pushInfo(info, *args)

        def cancel_now(self):
            self.cancelled_at = time.perf_counter()
            self.cancel()

    return Watch


def _plugin(paths: dict[str, Path], work: Path, cancel_after: float | None = None) -> dict:
    import processing

    clock = _StepClock()
    feedback = _feedback_class()(clock)
    if cancel_after is not None:
        threading.Timer(cancel_after, feedback.cancel_now).start()
    params = {"DEPOSITS": [f"{paths['polygons']}|layername=avgangsdeponi"], "ASSAYS": [str(paths["xlsx"])],
              "PROXY_ASSAYS": [str(paths["csv"])], "TRAIN_MODELS": True,
              "OUTPUT": tempfile.mkdtemp(prefix="pipeline_", dir=work)}
    profiler = None
    if os.environ.get("BENCH_PROFILE"):  # --profile: where the time goes, under cProfile (slower)
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    sampler = None
    if os.environ.get("BENCH_GAPS"):
        sampler = _StackSampler(threading.get_ident())
        sampler.start()
    start = time.perf_counter()
    try:
        done = processing.run("tailingsunfc:pipeline", params, feedback=feedback)
        outcome = "finished" if done.get("GEOPACKAGE") else "cancelled (no outputs returned)"
    except Exception as err:  # a cancel surfaces as QgsProcessingException
        outcome = f"stopped: {type(err).__name__}: {str(err)[:80]}"
    end = time.perf_counter()
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(os.environ["BENCH_PROFILE"])
    latency = end - feedback.cancelled_at if feedback.cancelled_at is not None else None
    gaps = [(at, length, step, sampler.during(feedback.start + at, feedback.start + at + length) if sampler else [])
            for at, length, step in feedback.gaps]
    if sampler is not None:
        sampler.stop.set()
    return {"seconds": end - start, "steps": clock.seconds, "peak_gb": clock.peak_gb,
            "max_progress_gap": feedback.max_gap, "gap_step": feedback.gap_step, "gaps": gaps,
            "own_silence": feedback.own_silence,
            "outcome": outcome, "cancel_latency": latency}


def child(what: str, sizes: tuple[int, int, int], work: Path, cancel_after: float | None) -> None:
    paths = national_workload(*sizes)
    if what == "floor":
        result = _floor(paths, work)
    else:
        from qgis_session import start_qgis

        app, _provider = start_qgis()
        runner = {"points": _points, "native": _native}.get(what)
        result = runner(paths, work) if runner else _plugin(paths, work, cancel_after)
        app.exitQgis()
    print(RESULT_TAG + json.dumps(result), flush=True)


# ---------------------------------------------------------------- parent side
def measure(what: str, sizes: tuple[int, int, int], work: Path, cancel_after: float | None = None) -> dict:
    """Run one measured thing in a child process; its result plus the child's own peak RSS."""
    cmd = [sys.executable, __file__, "--child", what, "--sizes", ",".join(map(str, sizes)), "--work", str(work)]
    if cancel_after is not None:
        cmd += ["--cancel-after", str(cancel_after)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    out = proc.stdout.read()
    _pid, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    lines = [line for line in out.splitlines() if line.startswith(RESULT_TAG)]
    if proc.returncode != 0 or not lines:
        raise RuntimeError(f"{what} failed (exit {proc.returncode}):\n{out[-2000:]}")
    result = json.loads(lines[-1][len(RESULT_TAG):])
    result["step_peak_gb"] = result.pop("peak_gb", {})
    result["peak_gb"] = usage.ru_maxrss * 1024 / 1e9  # Linux reports KiB
    return result


def _load() -> str:
    return f"load average {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}"


def _verdict(ok: bool) -> str:
    return "MET" if ok else "NOT MET"


def _print_steps(plugin: dict) -> None:
    print("plugin, seconds per step (wall, same run), and the process's peak RSS when the step ended:")
    steps, peaks = plugin["steps"], plugin.get("step_peak_gb", {})
    for label, _module, _attr in _StepClock.STEPS:
        peak = f"   peak RSS so far {peaks[label]:.2f} GB" if label in peaks else ""
        print(f"  {label:<28s} {steps.get(label, 0.0):8.2f} s{peak}")
    print(f"  {'rest (hashing, reports, ...)':<28s} {plugin['seconds'] - sum(steps.values()):8.2f} s")
    print(f"  longest gap between progress reports: {plugin['max_progress_gap']:.2f} s "
          f"(ending in: {plugin['gap_step']}; goal <= 1 s)")
    if plugin.get("own_silence"):
        print(f"  {plugin['own_silence']}")
    gaps = plugin.get("gaps", [])
    print(f"  gaps longer than {GAP_LIMIT:g} s: {len(gaps)}")
    for at, length, step, where in gaps:
        print(f"    {length:5.2f} s from {at:6.1f} s, in {step}" + "".join(f"\n        {w}" for w in where))


def national(sizes: tuple[int, int, int], work: Path, cancel: bool) -> None:
    print(f"workload: {sizes[0]} polygons, {sizes[1]} CSV rows, {sizes[2]} xlsx rows; "
          f"machine shared with other jobs ({_load()} at start)", flush=True)
    floor = measure("floor", sizes, work)
    print(f"floor (calamine + read_csv + ogr2ogr)      {floor['seconds']:8.2f} s  "
          + " + ".join(f"{k} {v:.2f}" for k, v in floor["parts"].items()) + f"   [{_load()}]", flush=True)
    measure("points", sizes, work)
    native = measure("native", sizes, work)
    print(f"QGIS native join + field calculator        {native['seconds']:8.2f} s  "
          f"peak RSS {native['peak_gb']:.2f} GB   [{_load()}]", flush=True)
    plugin = measure("plugin", sizes, work)
    print(f"plugin tailingsunfc:pipeline               {plugin['seconds']:8.2f} s  "
          f"peak RSS {plugin['peak_gb']:.2f} GB   [{_load()}]", flush=True)
    _print_steps(plugin)
    speedup, over_floor = native["seconds"] / plugin["seconds"], plugin["seconds"] / floor["seconds"]
    print(f"\nnative / plugin  = {speedup:5.2f}x   goal >= {GOAL_SPEEDUP}x   {_verdict(speedup >= GOAL_SPEEDUP)}")
    print(f"plugin / floor   = {over_floor:5.2f}x   goal <= {GOAL_FLOOR}x   {_verdict(over_floor <= GOAL_FLOOR)}")
    print(f"plugin peak RSS  = {plugin['peak_gb']:5.2f} GB  goal <= {GOAL_RSS_GB} GB  "
          f"{_verdict(plugin['peak_gb'] <= GOAL_RSS_GB)}")
    if cancel:
        after = max(plugin["seconds"] / 2, 1.0)
        stopped = measure("plugin", sizes, work, cancel_after=after)
        latency = stopped["cancel_latency"]
        print(f"cancel fired {after:.1f} s into the run: {stopped['outcome']}; stopped "
              + (f"{latency:.2f} s after the cancel" if latency is not None else "before the cancel fired")
              + f" (goal <= 2 s)   [{_load()}]")


def scaling(work: Path, max_polygons: int, steps: bool = False, min_polygons: int = 0) -> None:
    import numpy as np

    rows = []
    for n in (n for n in SCALING if n <= max_polygons and n >= min_polygons):
        sizes = (n, n * 10, n * 3)
        national_workload(*sizes)  # made (not timed) before the measured run
        result = measure("plugin", sizes, work)
        rows.append((n, result["seconds"], result["peak_gb"]))
        print(f"{n:>8d} polygons, {n * 10:>8d} + {n * 3:>7d} rows: {result['seconds']:8.2f} s  "
              f"peak RSS {result['peak_gb']:.2f} GB   [{_load()}]", flush=True)
        if steps:  # which step grows faster than the data
            _print_steps(result)
    if len(rows) < 2:
        print("one size only: no exponent")
        return
    n, seconds, _ = (np.array(c, dtype=float) for c in zip(*rows))
    exponent = np.polyfit(np.log(n), np.log(seconds), 1)[0]
    print(f"fitted exponent (seconds ~ n^k, log-log least squares over {len(rows)} sizes): k = {exponent:.2f}")
    steps_k = np.diff(np.log(seconds)) / np.diff(np.log(n))
    print("exponent between neighbouring sizes: " + ", ".join(
        f"{int(a):,} -> {int(b):,}: {k:.2f}" for a, b, k in zip(n[:-1], n[1:], steps_k)))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--small", action="store_true", help="10k polygons, 100k + 30k rows (quick check)")
    parser.add_argument("--scaling", action="store_true", help="the pipeline at 10k, 30k, 100k and 300k polygons")
    parser.add_argument("--max-polygons", type=int, default=SCALING[-1],
                        help="with --scaling: leave out the larger sizes (each takes minutes)")
    parser.add_argument("--min-polygons", type=int, default=0, help="with --scaling: leave out the smaller sizes")
    parser.add_argument("--steps", action="store_true", help="with --scaling: also the seconds per step of each size")
    parser.add_argument("--cancel", action="store_true", help="also measure how fast a cancel stops the pipeline")
    parser.add_argument("--gaps", action="store_true",
                        help="the plugin only: every gap between progress reports > 1 s, with what ran in it")
    parser.add_argument("--profile", metavar="FILE.prof",
                        help="write a cProfile of the plugin's run to FILE.prof (read with python -m pstats)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--sizes", help=argparse.SUPPRESS)
    parser.add_argument("--work", help=argparse.SUPPRESS)
    parser.add_argument("--cancel-after", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.profile:
        os.environ["BENCH_PROFILE"] = str(Path(args.profile).resolve())  # read by the plugin's child process
    if args.child:
        child(args.child, tuple(int(s) for s in args.sizes.split(",")), Path(args.work), args.cancel_after)
        return
    with tempfile.TemporaryDirectory(prefix="tailings_bench_") as work:
        if args.scaling:
            scaling(Path(work), args.max_polygons, args.steps, args.min_polygons)
            return
        sizes = SMALL if args.small else NATIONAL
        national_workload(*sizes)
        if args.gaps:
            os.environ["BENCH_GAPS"] = "1"  # read by the plugin's child process
            plugin = measure("plugin", sizes, Path(work))
            print(f"plugin tailingsunfc:pipeline {plugin['seconds']:.2f} s, peak RSS {plugin['peak_gb']:.2f} GB")
            _print_steps(plugin)
        else:
            national(sizes, Path(work), args.cancel)


if __name__ == "__main__":
    main()
