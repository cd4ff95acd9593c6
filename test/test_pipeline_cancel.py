"""A cancel fired in the middle of tailingsunfc:pipeline stops it cleanly (issue 12, point 4).

The run is cancelled from inside its own progress reports, at the first report past half
way (found from a full run of the same inputs), so the cancel lands mid-run whatever the
machine's speed. How quickly it stops is measured in bench/bench_pipeline.py --cancel.
"""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "sample_data"
FINAL_PRODUCTS = ("tailings_unfc.gpkg", "tailings_unfc_summary.xlsx")


def _feedback(cancel_at: float | None):
    from qgis.core import QgsProcessingFeedback

    class CancelMidRun(QgsProcessingFeedback):
        """Records every progress value; cancels at the first one ≥ ``cancel_at``."""

        def __init__(self):
            super().__init__()
            self.values: list[float] = []
            self.progressChanged.connect(self._progress)

        def _progress(self, value: float) -> None:
            self.values.append(value)
            if cancel_at is not None and value >= cancel_at and not self.isCanceled():
                self.cancel()

    return CancelMidRun()


def _run(folder: Path, feedback) -> dict:
    import processing

    return processing.run("tailingsunfc:pipeline", {
        "DEPOSITS": [f"{SAMPLE / 'old_tailings.gpkg'}|layername=avgangsdeponi"],
        "ASSAYS": [str(SAMPLE / "assays_lab.xlsx")], "PROXY_ASSAYS": [str(SAMPLE / "pxrf_field.csv")],
        "OUTPUT": str(folder)}, feedback=feedback)


def test_cancel_mid_run_stops_cleanly_and_writes_no_product(tailings_provider, tmp_path):
    full = _feedback(None)
    finished = _run(tmp_path / "full", full)
    assert Path(finished["GEOPACKAGE"]).is_file()
    later = [v for v in full.values if 50.0 <= v < 100.0]
    assert later, f"the full run reported no progress between 50 % and 100 %: {full.values}"

    stopped = _feedback(later[0])
    result = _run(tmp_path / "cancelled", stopped)
    assert stopped.isCanceled()
    assert result.get("GEOPACKAGE") is None  # a cancelled run returns no outputs
    # It stopped soon after the cancel, not at the end of the run.
    assert max(stopped.values) < 100.0
    assert len(stopped.values) < len(full.values)
    written = [p.relative_to(tmp_path / "cancelled").as_posix() for p in (tmp_path / "cancelled").rglob("*")
               if p.is_file()]
    for name in FINAL_PRODUCTS:
        assert name not in written
    half_written = [p for p in written if ".partial" in p or p.endswith((".tmp", ".tmp.xlsx"))]
    assert half_written == []
