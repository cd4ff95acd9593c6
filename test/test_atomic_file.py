"""Atomic writes get the permissions of an ordinary file (umask applied), and leave the old
file in place and no temporary behind when the writer fails."""
from __future__ import annotations

import os
import stat

import pytest

from core.atomic_file import atomic_open, atomic_path, write_text
from core.run_summary import RunSummary


@pytest.fixture(params=[0o022, 0o027, 0o002])
def umask(request):
    old = os.umask(request.param)
    yield request.param
    os.umask(old)


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_text_file_mode_follows_umask(tmp_path, umask):
    path = write_text(tmp_path / "report.html", "<p>ok</p>")
    assert path.read_text() == "<p>ok</p>"
    assert _mode(path) == 0o666 & ~umask


def test_named_writer_gets_the_same_mode(tmp_path, umask):
    """skops (like zipfile or GDAL) writes to a file name: the model file is 0644 too."""
    import skops.io as sio

    target = tmp_path / "model.skops"
    with atomic_path(target) as temp:
        sio.dump({"a": [1, 2, 3]}, temp)
    assert sio.load(target, trusted=[]) == {"a": [1, 2, 3]}
    assert _mode(target) == 0o666 & ~umask


def test_run_summary_is_readable_by_others(tmp_path):
    old = os.umask(0o022)
    try:
        path = RunSummary(title="t").write(tmp_path)
    finally:
        os.umask(old)
    assert _mode(path) == 0o644


def test_failure_keeps_the_old_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old")
    with pytest.raises(RuntimeError), atomic_open(target) as handle:
        handle.write("half")
        raise RuntimeError("writer failed")
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_binary_mode_and_missing_folder(tmp_path):
    target = tmp_path / "new" / "data.bin"
    with atomic_open(target, "wb") as handle:
        handle.write(b"\x00\x01")
    assert target.read_bytes() == b"\x00\x01"
