"""Every algorithm that writes a sink fails loudly when its output cannot be written or read
back: a full disk or a read-only folder, on a real (tiny) tmpfs mounted for the test."""
from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from tmpfs_support import mounted_tmpfs

SAMPLE = Path(__file__).resolve().parent.parent / "resources" / "sample_data"
DEPOSITS = f"{SAMPLE / 'old_tailings.gpkg'}|layername=avgangsdeponi"


@pytest.fixture
def tiny_disk(tmp_path):
    """A 160 kB filesystem: GeoPackage creation starts, the features do not fit."""
    with mounted_tmpfs(tmp_path / "tiny", "size=160k") as mount_point:
        yield mount_point


@pytest.fixture
def read_only_disk(tmp_path):
    with mounted_tmpfs(tmp_path / "ro", "size=10m,ro") as mount_point:
        yield mount_point


def _fill(folder: Path) -> None:
    """Leave ~40 kB free: the file can be created, the features cannot all be written."""
    with open(folder / "ballast", "wb") as f, contextlib.suppress(OSError):  # a full ballast is what we want
        f.write(b"\0" * (120 * 1024))


CASES = {
    "importdeposits": lambda out: {"INPUT": DEPOSITS, "OUTPUT": out, "REJECTS": "TEMPORARY_OUTPUT"},
    "importassays": lambda out: {"INPUT": str(SAMPLE / "assays_lab.xlsx"), "OUTPUT": out,
                                 "REJECTS": "TEMPORARY_OUTPUT"},
}


@pytest.mark.parametrize("alg", sorted(CASES))
def test_full_disk_fails_with_a_diagnosis(tailings_provider, tiny_disk, alg):
    import processing
    from qgis.core import QgsProcessingException

    _fill(tiny_disk)
    with pytest.raises(QgsProcessingException, match=r"(?i)disk full|no space|read back|could not write"):
        processing.run(f"tailingsunfc:{alg}", CASES[alg](str(tiny_disk / "out.gpkg")))


@pytest.mark.parametrize("alg", sorted(CASES))
def test_read_only_folder_fails_with_a_diagnosis(tailings_provider, read_only_disk, alg):
    import processing
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match=r"(?i)read-only|could not|cannot|permission"):
        processing.run(f"tailingsunfc:{alg}", CASES[alg](str(read_only_disk / "out.gpkg")))


def test_an_output_that_does_not_open_is_reported(tailings_provider, tmp_path):
    """The read-back check: a sink file that OGR cannot open (what a disk filling up at commit
    leaves) fails the run, naming the output and the file."""
    from qgis.core import QgsProcessingException
    from tailings_unfc.algorithms.output_check import check_written_outputs

    alg = tailings_provider.algorithm("importdeposits")
    broken = tmp_path / "deposits.gpkg"
    broken.write_bytes(b"SQLite format 3\0" + b"\xff" * 2000)
    with pytest.raises(QgsProcessingException, match=r"OUTPUT was written to .*deposits\.gpkg.*cannot be read back"):
        check_written_outputs(alg, {"OUTPUT": f"{broken}|layername=deposits"})
    good = tmp_path / "good.gpkg"
    from osgeo import ogr
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(good))
    ds.CreateLayer("deposits")
    ds = None
    check_written_outputs(alg, {"OUTPUT": f"{good}|layername=deposits"})
    with pytest.raises(QgsProcessingException, match="has no layer 'other'"):
        check_written_outputs(alg, {"OUTPUT": f"{good}|layername=other"})
