"""Fail set-up when a system package differs from the version the lock (requirements.txt) recorded."""
from __future__ import annotations

import sys
from importlib import metadata
from pathlib import Path

LOCK = Path(__file__).resolve().parent.parent / "requirements.txt"


def main() -> int:
    problems = []
    for line in LOCK.read_text().splitlines():
        if not line.startswith("# system: "):
            continue
        name, want = line.removeprefix("# system: ").split("==")
        try:
            have = metadata.version(name)
        except metadata.PackageNotFoundError:
            have = "not installed"
        if have != want:
            problems.append(f"{name}: locked {want}, found {have}")
    if problems:
        print("setup: system packages differ from the lock (requirements.txt):\n  " + "\n  ".join(problems)
              + "\n  (install Debian bookworm's versions, or refresh the lock: bash scripts/lock.sh)",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
