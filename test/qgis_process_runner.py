"""Helpers for end-to-end tests through the ``qgis_process`` command line."""
from __future__ import annotations

import json
import os
import subprocess


def run_qgis_process(*args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    """Run ``qgis_process`` with the environment of scripts/env.sh (already exported by test.sh)."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return subprocess.run(["qgis_process", *args], capture_output=True, text=True,
                          timeout=timeout, env=env, stdin=subprocess.DEVNULL)


def run_qgis_process_json(algorithm: str, params: dict[str, object], timeout: int = 600) -> dict:
    """``qgis_process --json run`` with parameters passed as JSON on stdin; returns the parsed JSON."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    proc = subprocess.run(["qgis_process", "--json", "run", algorithm, "-"],
                          input=json.dumps({"inputs": params}), capture_output=True, text=True,
                          timeout=timeout, env=env)
    if proc.returncode != 0:
        raise AssertionError(f"qgis_process failed ({proc.returncode}):\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout)
