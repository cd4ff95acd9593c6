"""Property-based fuzzing of the assay reader's parsers (hypothesis, 10,000 examples each).

One example is a batch (50 cells, a header block, a whole text file), so each target
stays within about a minute. Properties: nothing but TailingsInputError escapes, and
every cell / row comes out accounted for.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.assays.header import find_header
from core.assays.sources import open_text
from core.assays.values import EMPTY, finalise, parse_cells
from core.errors import TailingsInputError

FUZZ = settings(max_examples=10_000, deadline=None, suppress_health_check=list(HealthCheck))

# Pieces that cell text is made of in lab sheets, and noise around them.
_TOKENS = ["<", ">", "<=", "≤", "-", "+", "0", "1", "5", "9999", "1,500", "1.500", ",", ".", "e", "E3", " ", "%",
           "ppm", "ppb", "g/t", "wt%", "b.d.l.", "n.d.", "<LOD", "#N/A", "#DIV/0!", "TRUE", "nan", "inf", "x", "ø",
           "\t", "'", '"', "=", "µg/g", "mg/kg"]
_text_cell = st.lists(st.sampled_from(_TOKENS), max_size=5).map("".join)
_cell = st.one_of(_text_cell, st.floats(allow_nan=True, allow_infinity=True), st.integers(-10**12, 10**12),
                  st.booleans(), st.none(), st.text(max_size=8))


@FUZZ
@given(cells=st.lists(_cell, min_size=1, max_size=50), unit=st.sampled_from(["ppm", "ppb", "pct", "g/t"]),
       comma=st.booleans(), element=st.booleans())
def test_cell_parser(cells, unit, comma, element) -> None:
    out_per_ppm = 1.0 if element else 1e-4
    try:
        parsed = parse_cells(pd.Series(cells, dtype=object), out_per_ppm, _unit(unit), comma)
    except TailingsInputError:
        return
    done = finalise(parsed, "half_dl", 1e6 if element else 100.0)
    assert len(parsed.code) == len(done.value) == len(cells)  # every cell has a verdict
    bad = np.isin(pd.Series(done.flag, dtype=object).to_numpy(), ["invalid", "sentinel"])
    assert np.isnan(done.value[bad]).all()  # a flagged value is never a number
    assert (done.value[np.isfinite(done.value)] >= 0).all()
    # Every invalid or sentinel cell is reported with a reason.
    reported = np.zeros(len(cells), dtype=bool)
    reported[done.issue_positions] = True
    assert reported[bad].all()
    assert all(isinstance(r, str) and r for r in done.issue_reasons)
    empty = parsed.code == EMPTY
    assert all(c is None or (isinstance(c, float) and np.isnan(c)) or (isinstance(c, str) and not c.strip())
               for c in np.asarray(cells, dtype=object)[empty])


def _unit(name: str) -> str:
    from core.assays.chemistry import canonical_unit

    return canonical_unit(name) or "ppm"


_HEADER_WORDS = ["Sample ID", "Prøve-ID", "Smp_No", "Co_ppm", "Cu %", "Fe2O3", "Zn (ppm)", "Y", "Yttrium", "Co",
                 "ppm", "%", "Easting", "Nord", "Lat", "Lon", "HoleID", "From", "To", "Deposit", "Type", "", None,
                 "Au g/t", "La_ICP", "REE", "EPSG:25832", "UTM sone 33", "Method", "DL", "<0.5", 1.5, 9999, "x"]


@FUZZ
@given(rows=st.lists(st.lists(st.one_of(st.sampled_from(_HEADER_WORDS), st.text(max_size=6)), min_size=1,
                              max_size=8), min_size=1, max_size=8))
def test_header_recognition(rows) -> None:
    frame = pd.DataFrame(rows, dtype=object)
    try:
        layout = find_header(frame, [], 1)
    except TailingsInputError:
        return
    if layout is None:
        return
    width = frame.shape[1]
    assert 0 <= layout.header_offset < len(frame)
    assert len(layout.columns) <= width
    indexes = [c.index for c in layout.columns]
    assert len(set(indexes)) == len(indexes) and all(0 <= i < width for i in indexes)
    for column in layout.columns:
        if column.role == "element":
            assert column.element and column.unit


_LINE_PIECES = ["S1", "Co_ppm", "Sample ID", ";", ",", "\t", "|", '"', "1,5", "1.5", "<0.5", "#", " ", "ø", "x"]
_line = st.lists(st.sampled_from(_LINE_PIECES), max_size=8).map("".join)


@FUZZ
@given(lines=st.lists(_line, min_size=1, max_size=30), encoding=st.sampled_from(["utf-8", "utf-16", "cp1252"]))
def test_csv_sniffing(lines, encoding) -> None:
    text = "\n".join(["Sample ID;Co_ppm", *lines]) + "\n"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "t.csv"
        path.write_bytes(text.encode(encoding))
        try:
            source = open_text(path, 7)
            blocks = list(source.chunks)
        except TailingsInputError:
            return
    comment_lines = int(source.notes[0].split(", ")[-1].split(" ")[0])
    read = sum(len(frame) for _, frame in blocks)
    # Every physical line below the comments is one row: no line swallowed, none invented.
    assert read == len(text.splitlines()) - comment_lines
    numbers = [start for start, _ in blocks]
    assert numbers == sorted(numbers) and numbers[0] == comment_lines + 1
