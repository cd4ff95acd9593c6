"""The bundled sample deposits and lab assays imported to GeoPackages, for end-to-end tests."""
from __future__ import annotations

from pathlib import Path


def import_sample_layers(sample_data: Path, tmp_path: Path) -> tuple[str, str]:
    """(deposits, samples) output paths of importdeposits and importassays on the sample data."""
    import processing

    deposits = processing.run("tailingsunfc:importdeposits", {
        "INPUT": str(sample_data / "old_tailings.gpkg") + "|layername=avgangsdeponi",
        "OUTPUT": str(tmp_path / "deposits.gpkg"), "REJECTS": "TEMPORARY_OUTPUT"})["OUTPUT"]
    samples = processing.run("tailingsunfc:importassays", {
        "INPUT": str(sample_data / "assays_lab.xlsx"), "DEPOSITS": deposits,
        "OUTPUT": str(tmp_path / "samples.gpkg"), "REJECTS": "TEMPORARY_OUTPUT"})["OUTPUT"]
    return deposits, samples
