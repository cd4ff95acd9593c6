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
        raise TailingsInputError("The workbook's zip directory is damaged ({0}); open it in Excel or "
                                 "LibreOffice and save it again", err, file=path.name) from None
    limit_bytes = limits.max_sheet_mb * 1e6
    for info in members:
        if info.file_size > limit_bytes:
            raise TailingsInputError(
                "Refused: the member {0!r} inflates to {1:,.0f} MB, above the limit of {2:,.0f} MB of uncompressed "
                "sheet size. If the file is genuine, raise {3} or export the sheet as CSV", info.filename,
                info.file_size / 1e6, limits.max_sheet_mb, PARAMETERS["size"], file=path.name)
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_CHECKED_ABOVE_BYTES and ratio > limits.max_compression_ratio:
            raise TailingsInputError(
                "Refused: the member {0!r} has a compression ratio of {1:,.0f}:1 ({2:,.1f} MB → {3:,.0f} MB), "
                "above the limit of {4:,.0f}:1; this is how zip bombs look. If the file is genuine, raise {5}",
                info.filename, ratio, info.compress_size / 1e6, info.file_size / 1e6, limits.max_compression_ratio,
                PARAMETERS["ratio"], file=path.name)


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
                "Refused: the sheet has more than {0:,} rows (the MAX_ROWS limit). If the file is genuine, raise "
                "{1}, or split it", self.limits.max_rows, PARAMETERS["rows"], file=self.file, sheet=self.sheet)
        elapsed = time.monotonic() - self.started
        if elapsed > self.limits.time_budget_s:
            raise TailingsInputError(
                "Stopped: reading took more than the time budget of {0:g} s ({1:,} rows read in {2:,.1f} s). If the "
                "file is genuine, raise {3}, or split it", self.limits.time_budget_s, self.rows, elapsed,
                PARAMETERS["time"], file=self.file, sheet=self.sheet)
