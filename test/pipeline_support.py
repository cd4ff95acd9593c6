"""Test inputs for the pipeline and checkinputs, written as files: a deposit layer (GDAL) and an
assay CSV laid out as a lab or field file would be (Norwegian headers, decimal comma)."""
from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
from deposits_support import write_layer

# Three 400 m × 400 m tailings polygons in EPSG:25833 (Løkken area); C gets no samples.
ORIGIN = (232_000.0, 7_009_000.0)
SIDE = 400.0
DEPOSITS = (("Løkken avgang A", 0.0), ("Løkken avgang B", 1_000.0), ("Løkken avgang C", 2_000.0))


def square(dx: float) -> str:
    x0, y0 = ORIGIN[0] + dx, ORIGIN[1]
    return f"POLYGON(({x0} {y0},{x0 + SIDE} {y0},{x0 + SIDE} {y0 + SIDE},{x0} {y0 + SIDE},{x0} {y0}))"


def write_deposits(path: Path, *, with_code: bool = False) -> str:
    """Names, an ASCII-spelt commodity column ("Raastoff"), a tonnage and a free-text remark
    ("Merknad", carried unchanged); no id field unless
    ``with_code`` (then "Kode", a code the importer does not recognise as an id)."""
    rows = []
    for i, (name, _dx) in enumerate(DEPOSITS):
        row = {"Navn": name, "Raastoff": "Cu", "Tonnasje_t": 250_000.0 * (i + 1), "Merknad": f"synthetic {i}"}
        if with_code:
            row = {"Kode": f"LK-{i + 1}", **row}
        rows.append(row)
    return write_layer(path, "avgang", rows, [square(dx) for _name, dx in DEPOSITS])


def sample_points(n_per_deposit: int = 8, seed: int = 7, shift_x: float = 0.0,
                  where: tuple[int, ...] = (0, 1)) -> list[tuple[str, float, float]]:
    """(sample id, x, y) inside the deposits ``where`` (default A and B, none in C), shifted by
    ``shift_x`` metres."""
    rng = np.random.default_rng(seed)
    out = []
    for name, dx in (DEPOSITS[i] for i in where):
        xy = rng.uniform(20.0, SIDE - 20.0, size=(n_per_deposit, 2))
        for k, (x, y) in enumerate(xy, start=1):
            out.append((f"{name[-1]}-{k:02d}", ORIGIN[0] + dx + x + shift_x, ORIGIN[1] + y))
    return out


def write_assays(path: Path, points: list[tuple[str, float, float]], *, id_header: str = "Prøve-ID",
                 seed: int = 11) -> Path:
    """Semicolon CSV with decimal commas, grades in ppm; Co below detection in one row."""
    rng = np.random.default_rng(seed)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow([id_header, "Øst", "Nord", "Cu ppm", "Zn ppm", "Co ppm", "S %", "Fe %"])
        for i, (sample_id, x, y) in enumerate(points):
            cu, zn, co = rng.lognormal(np.log([1500.0, 2500.0, 80.0]), 0.4)
            s, fe = rng.lognormal(np.log([2.0, 9.0]), 0.3)
            cells = [sample_id, f"{x:.1f}", f"{y:.1f}", f"{cu:.0f}", f"{zn:.0f}",
                     "<5" if i == 0 else f"{co:.1f}", f"{s:.2f}", f"{fe:.2f}"]
            writer.writerow([c.replace(".", ",") for c in cells])
    return path


def reproject(points: list[tuple[str, float, float]], src_epsg: int, dst_epsg: int) -> list[tuple[str, float, float]]:
    """The same points in another CRS (as a lab working in another UTM zone would report them)."""
    from osgeo import osr

    src, dst = osr.SpatialReference(), osr.SpatialReference()
    src.ImportFromEPSG(src_epsg)
    dst.ImportFromEPSG(dst_epsg)
    for ref in (src, dst):
        ref.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(src, dst)
    return [(sid, *transform.TransformPoint(x, y)[:2]) for sid, x, y in points]
