"""Write requirements.txt, the lock: the exact version of every package that set-up installs.

Run by ``scripts/lock.sh`` inside a scratch venv that has just installed requirements.in (the
human-edited ranges; pip-tools' layout: ``requirements.in`` → pinned ``requirements.txt``).
Two kinds of pins come out:
- packages pip installed into the venv (``pip freeze --local``, transitive ones included):
  plain ``name==version`` lines that ``pip install --no-deps -r requirements.txt`` installs;
- packages the venv takes from Debian's system site-packages (numpy, scipy, matplotlib and
  what they pull in), because Debian's GDAL and QGIS bindings are built against them: they
  are recorded as ``# system: name==version`` comments, which ``scripts/check_lock.py``
  verifies on every set-up.
"""
from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import sysconfig
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _name(requirement: str) -> str:
    return re.split(r"[\s<>=!~;\[(]", requirement.strip(), maxsplit=1)[0]


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirement_tree(roots: list[str]) -> set[str]:
    """Canonical names of the roots and everything they require (markers evaluated here)."""
    from packaging.requirements import Requirement  # pip's own dependency, present in every venv

    seen: set[str] = set()
    todo = list(roots)
    while todo:
        name = _canonical(todo.pop())
        if name in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        seen.add(name)
        for text in dist.requires or []:
            req = Requirement(text)
            if req.marker is None or req.marker.evaluate({"extra": ""}):
                todo.append(req.name)
    return seen


def main() -> None:
    venv_site = Path(sysconfig.get_paths()["purelib"]).resolve()
    roots = [_name(line) for line in (ROOT / "requirements.in").read_text().splitlines()
             if line.strip() and not line.lstrip().startswith("#")]
    frozen = subprocess.run([sys.executable, "-m", "pip", "freeze", "--local", "--disable-pip-version-check"],
                            check=True, capture_output=True, text=True).stdout.split()
    system = []
    for name in sorted(_requirement_tree(roots)):
        dist = metadata.distribution(name)
        location = Path(dist.locate_file("")).resolve()
        if venv_site not in (location, *location.parents):
            system.append(f"# system: {dist.metadata['Name']}=={dist.version}")
    header = [
        "# requirements.txt: exact versions (the lock) for scripts/setup.sh. Do not edit by hand.",
        "# Source: requirements.in (human-edited ranges). Refresh: bash scripts/lock.sh",
        "# requirements.in sha256: " + hashlib.sha256((ROOT / "requirements.in").read_bytes()).hexdigest(),
        "# Python: " + sys.version.split()[0] + " (Debian bookworm /usr/bin/python3), venv --system-site-packages.",
        "# The '# system:' lines are Debian packages the venv uses as they are (QGIS and GDAL are",
        "# built against them); set-up checks their versions and fails if they differ.",
    ]
    text = "\n".join([*header, *system, *sorted(frozen, key=str.lower)]) + "\n"
    (ROOT / "requirements.txt").write_text(text)
    print(f"lock: {len(frozen)} venv pins, {len(system)} system pins -> requirements.txt")


if __name__ == "__main__":
    main()
