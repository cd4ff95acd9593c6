"""Write a file atomically with ordinary permissions: a temporary file in the same folder,
renamed over the target with ``os.replace`` once it is complete.

``tempfile.mkstemp`` creates its file mode 0600 whatever the umask, and ``os.replace``
keeps that mode, so reports and model files came out readable by their owner only. Here
the temporary file is created with ``os.open(..., 0o666)``, to which the kernel applies the
process umask exactly as for ``open()``: with the usual umask 022 the result is 0644.
"""
from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import IO


def _temp_name(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}.partial")


@contextlib.contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """A temporary path beside ``path`` for a writer that wants a file name (zip, skops,
    GDAL); it becomes ``path`` when the block ends without an exception, else it is removed.
    The file is created empty first, so its mode follows the umask."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = _temp_name(path)
    os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    try:
        yield temp
        os.replace(temp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


@contextlib.contextmanager
def atomic_open(path: str | Path, mode: str = "w", encoding: str | None = "utf-8",
                newline: str | None = None) -> Iterator[IO]:
    """``open(path, mode)`` that replaces ``path`` only once the block has succeeded."""
    binary = "b" in mode
    with atomic_path(path) as temp, open(temp, mode, encoding=None if binary else encoding,
                                         newline=None if binary else newline) as handle:
        yield handle
        handle.flush()
        os.fsync(handle.fileno())  # the data is on disk before the rename makes it visible


def write_text(path: str | Path, text: str, newline: str | None = None) -> Path:
    with atomic_open(path, "w", newline=newline) as handle:
        handle.write(text)
    return Path(path)
