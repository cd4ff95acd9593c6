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


def _fill(folder: Path, size: int = 120 * 1024) -> None:
    """Leave ~40 kB free (the default): the file can be created, the features cannot all be
    written. A larger ``size`` fills the disk to the last byte."""
    with open(folder / "ballast", "wb") as f, contextlib.suppress(OSError):  # a full ballast is what we want
        f.write(b"\0" * size)


CASES = {
    "importdeposits": lambda out: {"INPUT": DEPOSITS, "OUTPUT": out, "REJECTS": "TEMPORARY_OUTPUT"},
    "importassays": lambda out: {"INPUT": str(SAMPLE / "assays_lab.xlsx"), "OUTPUT": out,
                                 "REJECTS": "TEMPORARY_OUTPUT"},
}


@pytest.fixture(scope="module")
def steps(tailings_provider, tmp_path_factory) -> dict[str, str]:
    """Inputs for the later steps, written on a normal disk: deposits, samples, estimates, classes."""
    import processing

    folder = tmp_path_factory.mktemp("fault_inputs")
    deposits = processing.run("tailingsunfc:importdeposits", CASES["importdeposits"](str(folder / "d.gpkg")))
    samples = processing.run("tailingsunfc:importassays", {
        "INPUT": str(SAMPLE / "assays_lab.xlsx"), "DEPOSITS": deposits["OUTPUT"],
        "OUTPUT": str(folder / "s.gpkg"), "REJECTS": "TEMPORARY_OUTPUT"})
    estimates = processing.run("tailingsunfc:estimate", {
        "DEPOSITS": deposits["OUTPUT"], "ASSAYS": samples["OUTPUT"], "OUTPUT": str(folder / "e.gpkg")})
    classes = processing.run("tailingsunfc:classify", {
        "INPUT": estimates["OUTPUT"], "OUTPUT": str(folder / "c.gpkg"), "OUTPUT_QUANTITIES": str(folder / "q.gpkg")})
    return {"deposits": deposits["OUTPUT"], "samples": samples["OUTPUT"], "estimates": estimates["OUTPUT"],
            "classes": classes["OUTPUT"], "quantities": classes["OUTPUT_QUANTITIES"]}


# Every other algorithm that writes: (algorithm, parameters given the inputs and an output folder).
LATER_STEPS = {
    "estimate": lambda s, d: {"DEPOSITS": s["deposits"], "ASSAYS": s["samples"], "OUTPUT": str(d / "e.gpkg")},
    "classify": lambda s, d: {"INPUT": s["estimates"], "OUTPUT": str(d / "c.gpkg"),
                              "OUTPUT_QUANTITIES": str(d / "q.gpkg")},
    "trainmodel": lambda s, d: {"INPUT": s["samples"], "TARGET": "co", "PREDICTORS": ["s_ppm", "fe_ppm"],
                                "OUTPUT_MODEL": str(d / "m.skops"), "OUTPUT_REPORT": str(d / "m.html")},
    "checkinputs": lambda s, d: {"DEPOSITS": [DEPOSITS], "ASSAYS": [str(SAMPLE / "assays_lab.xlsx")],
                                 "OUTPUT_REPORT": str(d / "pre.html")},
    "pipeline": lambda s, d: {"DEPOSITS": [DEPOSITS], "ASSAYS": [str(SAMPLE / "assays_lab.xlsx")],
                              "TRAIN_MODELS": False, "OUTPUT": str(d / "run")},
    "factsheets": lambda s, d: {"INPUT": s["classes"], "OUTPUT": str(d / "sheets")},
    "export": lambda s, d: {"INPUT": s["classes"], "QUANTITIES": s["quantities"],
                            "DESTINATION": str(d / "national.gpkg"), "OUTPUT_REPORT": str(d / "summary.xlsx")},
}
WRITE_FAILED = (r"(?i)disk full|disk is full|probably full|no space|read back|could not write|cannot write|"
                r"read-only|permission|not writable")


@pytest.mark.parametrize("alg", sorted(LATER_STEPS))
@pytest.mark.parametrize("disk", ["full", "read_only"])
def test_every_writing_algorithm_fails_loudly(tailings_provider, steps, tmp_path, alg, disk):
    """No algorithm reports success when its outputs could not be written, and none fails with a
    traceback: the message says what happened to which output."""
    import processing
    from qgis.core import QgsProcessingException

    options = "size=160k" if disk == "full" else "size=10m,ro"
    with mounted_tmpfs(tmp_path / disk, options) as folder:
        if disk == "full":
            _fill(folder, size=200 * 1024)  # no byte left: even a small report cannot be written
        with pytest.raises(QgsProcessingException, match=WRITE_FAILED) as err:
            processing.run(f"tailingsunfc:{alg}", LATER_STEPS[alg](steps, folder))
    assert "Traceback" not in str(err.value)


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
