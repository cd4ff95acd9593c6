"""Resource limits for reading an assay file, with refusals that say what to do.

Defaults suit national data: Excel caps a sheet at 1,048,576 rows, and such a sheet with
about 100 columns is some 4 GB of sheet XML; CSV exports of a national database reach a
few million rows, so 10 M rows leaves room. Real sheets compress 5-50:1 (measured on lab
certificates and on openpyxl/LibreOffice output); 200:1 is only reached by repeated
filler, which is what a zip bomb is. Reading 1 M rows takes about a minute, so 30 min is
far above any honest file and still ends a runaway read.
"""
from __future__ import annotations

import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import TailingsInputError

DEFAULT_MAX_ROWS = 10_000_000
DEFAULT_MAX_SHEET_MB = 4096.0
DEFAULT_MAX_COMPRESSION_RATIO = 200.0
DEFAULT_TIME_BUDGET_S = 1800.0
# A member this small cannot exhaust memory or time, whatever its ratio (an empty styled
# sheet compresses 500:1 and is harmless).
RATIO_CHECKED_ABOVE_BYTES = 10_000_000
PARAMETERS = {"rows": "MAX_ROWS", "size": "MAX_SHEET_MB", "ratio": "MAX_COMPRESSION_RATIO",
              "time": "TIME_BUDGET_S"}


@dataclass(frozen=True)
class ReadLimits:
    max_rows: int = DEFAULT_MAX_ROWS
    max_sheet_mb: float = DEFAULT_MAX_SHEET_MB
    max_compression_ratio: float = DEFAULT_MAX_COMPRESSION_RATIO
    time_budget_s: float = DEFAULT_TIME_BUDGET_S


def check_archive(path: Path, limits: ReadLimits) -> None:
    """Refuse an xlsx/ods whose members are too large or too compressed, before any parsing.

    Read from the zip central directory (``zipfile``), so nothing is inflated. A member
    that lies about its size is caught when it is read: ``zipfile`` stops at the declared
    size and checks the CRC (see ``sheet_xml.scan_sheet``).
    """
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (OSError, zipfile.BadZipFile) as err:
        raise TailingsInputError(f"The workbook's zip directory is damaged ({err}); open it in Excel or "
                                 "LibreOffice and save it again", file=path.name) from None
    limit_bytes = limits.max_sheet_mb * 1e6
    for info in members:
        if info.file_size > limit_bytes:
            raise TailingsInputError(
                f"Refused: the member {info.filename!r} inflates to {info.file_size / 1e6:,.0f} MB, above the "
                f"limit of {limits.max_sheet_mb:,.0f} MB of uncompressed sheet size. If the file is genuine, "
                f"raise {PARAMETERS['size']} or export the sheet as CSV", file=path.name)
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_CHECKED_ABOVE_BYTES and ratio > limits.max_compression_ratio:
            raise TailingsInputError(
                f"Refused: the member {info.filename!r} has a compression ratio of {ratio:,.0f}:1 "
                f"({info.compress_size / 1e6:,.1f} MB → {info.file_size / 1e6:,.0f} MB), above the limit of "
                f"{limits.max_compression_ratio:,.0f}:1; this is how zip bombs look. If the file is genuine, "
                f"raise {PARAMETERS['ratio']}", file=path.name)


@dataclass
class ReadBudget:
    """Counts rows and time while a sheet streams; refuses past the limits."""
    limits: ReadLimits
    file: str
    sheet: str
    started: float = field(default_factory=time.monotonic)
    rows: int = 0

    def charge(self, rows: int) -> None:
        self.rows += rows
        if self.rows > self.limits.max_rows:
            raise TailingsInputError(
                f"Refused: the sheet has more than {self.limits.max_rows:,} rows (the MAX_ROWS limit). If the "
                f"file is genuine, raise {PARAMETERS['rows']}, or split it", file=self.file, sheet=self.sheet)
        elapsed = time.monotonic() - self.started
        if elapsed > self.limits.time_budget_s:
            raise TailingsInputError(
                f"Stopped: reading took more than the time budget of {self.limits.time_budget_s:g} s "
                f"({self.rows:,} rows read in {elapsed:,.1f} s). If the file is genuine, raise "
                f"{PARAMETERS['time']}, or split it", file=self.file, sheet=self.sheet)
