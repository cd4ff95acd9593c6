"""Coverage-guided fuzzing of the sheet reader with atheris (run by hand, not by pytest).

Each input is one file's bytes; atheris mutates a seed xlsx, ods and csv. Anything that
escapes ``import_assays`` other than TailingsInputError is a finding. The row accounting
is checked on every file that imports.

    source scripts/env.sh
    python test/fuzz_assays_atheris.py -runs=5000 -max_len=20000 [corpus_dir]
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from core.assays import ImportOptions, import_assays
    from core.errors import TailingsInputError

_FOLDER = Path(tempfile.mkdtemp(prefix="assay-fuzz-"))
_OPTIONS = ImportOptions(max_rows=20_000, max_sheet_mb=20, time_budget_s=5)


def one_input(data: bytes) -> None:
    path = _FOLDER / "input.bin"
    path.write_bytes(data)
    try:
        result = import_assays(path, _OPTIONS)
    except TailingsInputError:
        return
    if not result.counts_add_up:
        raise AssertionError(f"row accounting: {result.rows_read} read")


def write_seeds(folder: Path) -> None:
    """A small csv, xlsx and ods to start from (a fuzzer starting from nothing never finds a zip)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from assays_support import write_ods, write_xlsx

    rows = [["Sample ID", "Deposit", "Co_ppm", "Cu %"], ["S1", "A", 5.0, "<0.01"], ["S2", None, "1,500", 0.2]]
    folder.mkdir(parents=True, exist_ok=True)
    write_xlsx(folder / "seed.xlsx", {"Assays": rows}, merges={"Assays": ["B2:B3"]})
    write_ods(folder / "seed.ods", {"Assays": rows})
    (folder / "seed.csv").write_text("Sample ID;Co_ppm\nS1;5,5\nS2;<0,1\n", encoding="utf-8")


def main() -> None:
    folders = [Path(a) for a in sys.argv[1:] if not a.startswith("-")]
    for folder in folders:
        if not folder.exists() or not any(folder.iterdir()):
            write_seeds(folder)
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
