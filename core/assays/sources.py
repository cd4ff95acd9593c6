"""Opening an assay file: recognise the format from its bytes, list sheets, stream rows.

Every reader yields rows as lists of plain Python values (float/int/str/bool/date or
empty as ``None``/``""``) together with the 1-based row number in the source, so that the
rest of the importer is the same for every format and engine.

Memory: openpyxl (read-only mode) and the CSV reader stream; python-calamine keeps the
sheet's cell range in its own (Rust) memory while we pull Python rows in
bounded chunks from its iterator. Only one chunk of Python cell objects is alive at once.
"""
from __future__ import annotations

import csv
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import TailingsInputError

CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
ENCRYPTED_PACKAGE_UTF16 = "EncryptedPackage".encode("utf-16-le")

ENGINES = ("auto", "calamine", "openpyxl")
# python-calamine parses a whole sheet into memory (about 10 bytes of RAM per byte of sheet
# XML, measured: 1.6 GB peak for a 300,000-row, 150 MB sheet). Above this much worksheet XML
# "auto" streams with openpyxl's read-only mode instead: slower, but memory stays bounded.
STREAM_ABOVE_SHEET_XML_BYTES = 400_000_000


def worksheet_xml_bytes(path: Path) -> int:
    """Uncompressed size of the worksheets of an xlsx/xlsm (0 if it is not a readable zip)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            return sum(i.file_size for i in archive.infolist() if i.filename.startswith("xl/worksheets/"))
    except (OSError, zipfile.BadZipFile):
        return 0


def calamine_available() -> bool:
    try:
        import python_calamine  # noqa: F401
    except ImportError:
        return False
    return True


def detect_format(path: Path) -> str:
    """``xlsx`` (also xlsm), ``ods``, ``xls`` or ``text`` from the file's content, not its name."""
    name = path.name
    try:
        size = path.stat().st_size
    except OSError as err:
        raise TailingsInputError(f"Cannot open the assay file: {err.strerror}", file=name) from None
    if size == 0:
        raise TailingsInputError("The file is empty (0 bytes)", file=name)
    with path.open("rb") as handle:
        head = handle.read(65536)
    if head.startswith(CFB_MAGIC):
        # An OLE compound file: either a legacy .xls workbook or an Office file encrypted
        # with a password (MS-OFFCRYPTO keeps the real xlsx in an "EncryptedPackage" stream).
        with path.open("rb") as handle:
            whole_directory = handle.read(min(size, 4 * 1024 * 1024))
        if ENCRYPTED_PACKAGE_UTF16 in whole_directory or path.suffix.lower() in (".xlsx", ".xlsm"):
            raise TailingsInputError(
                "The workbook is password-protected (encrypted Office file); open it in Excel, "
                "remove the password and save it again as .xlsx", file=name)
        return "xls"
    if head.startswith(ZIP_MAGIC):
        try:
            with zipfile.ZipFile(path) as archive:
                names = set(archive.namelist())
                mimetype = archive.read("mimetype").strip() if "mimetype" in names else b""
        except zipfile.BadZipFile:
            raise TailingsInputError("The file looks like a ZIP archive but is damaged", file=name) from None
        if "xl/workbook.xml" in names:
            return "xlsx"
        if mimetype == ODS_MIMETYPE:
            return "ods"
        raise TailingsInputError(
            "The file is a ZIP archive but not a spreadsheet (no xl/workbook.xml or ODS content)",
            file=name)
    if b"\x00" in head:
        raise TailingsInputError(
            "The file is neither a spreadsheet (xlsx, xlsm, ods) nor a text table (csv, txt)", file=name)
    return "text"


@dataclass
class SheetRows:
    """One sheet as a stream of ``(first_row_number, frame)`` blocks plus what the reader detected."""
    name: str
    chunks: Iterator[tuple[int, pd.DataFrame]]
    engine: str
    decimal_comma: bool = False
    notes: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- workbooks
class Workbook:
    """A workbook opened with python-calamine or openpyxl (same sheets, same cell values)."""

    def __init__(self, path: Path, kind: str, engine: str = "auto",
                 stream_above: int = STREAM_ABOVE_SHEET_XML_BYTES):
        self.path, self.kind = path, kind
        self.engine_note = ""
        if engine not in ENGINES:
            raise ValueError(f"engine must be one of {ENGINES}")
        if engine == "auto":
            engine = "calamine" if calamine_available() else "openpyxl"
            size = worksheet_xml_bytes(path) if kind in ("xlsx", "xlsm") and engine == "calamine" else 0
            if size > stream_above:
                engine = "openpyxl"
                self.engine_note = (f"large workbook ({size / 1e6:.0f} MB of sheet XML): streaming it with "
                                    "openpyxl read-only mode so memory stays bounded")
        if kind in ("xls",) and engine != "calamine":
            raise TailingsInputError(
                "Legacy .xls workbooks need python-calamine; save the file as .xlsx", file=path.name)
        self.engine = engine
        self._sheets: dict[str, object] = {}
        try:
            if engine == "calamine":
                from python_calamine import CalamineWorkbook

                self._book = CalamineWorkbook.from_path(str(path))
                self.sheet_names: list[str] = list(self._book.sheet_names)
            elif kind == "ods":
                self._book = None
                self.sheet_names = list(pd.ExcelFile(path, engine="odf").sheet_names)
            else:
                import openpyxl

                self._book = openpyxl.load_workbook(path, read_only=True, data_only=True)
                self.sheet_names = list(self._book.sheetnames)
        except TailingsInputError:
            raise
        except Exception as err:  # the parsers raise many types for corrupt files
            raise TailingsInputError(f"The workbook cannot be read ({type(err).__name__}: {err})",
                                     file=path.name) from None

    def chunks(self, sheet: str, chunk_rows: int) -> Iterator[tuple[int, pd.DataFrame]]:
        """``(first_row_number, frame)`` blocks of at most ``chunk_rows`` rows (1-based numbers)."""
        if self.engine == "calamine":
            calamine_sheet = self._calamine_sheet(sheet)
            # Rows above the used range are not reported by calamine; keep absolute numbers.
            first = calamine_sheet.start[0] + 1 if calamine_sheet.height else 1
            yield from _list_chunks(iter(calamine_sheet.iter_rows()), first, chunk_rows)
        elif self.kind == "ods":
            frame = pd.read_excel(self.path, sheet_name=sheet, header=None, engine="odf", dtype=object)
            frame = frame.astype(object).where(frame.notna(), None)
            frame.columns = range(frame.shape[1])
            for start in range(0, len(frame), chunk_rows):
                yield start + 1, frame.iloc[start:start + chunk_rows].reset_index(drop=True)
        else:
            worksheet = self._book[sheet]
            if hasattr(worksheet, "reset_dimensions"):
                worksheet.reset_dimensions()  # read-only sheets may carry a wrong stored size
            yield from _list_chunks(worksheet.iter_rows(values_only=True), 1, chunk_rows)

    def _calamine_sheet(self, sheet: str):
        # calamine parses a whole sheet on access: keep it, so that choosing the sheet (which
        # looks at its first rows) and reading it parse it only once.
        if sheet not in self._sheets:
            self._sheets[sheet] = self._book.get_sheet_by_name(sheet)
        return self._sheets[sheet]

    def head(self, sheet: str, n: int) -> pd.DataFrame:
        for _, frame in self.chunks(sheet, n):
            return frame
        return pd.DataFrame()

    def close(self) -> None:
        self._sheets.clear()
        closer = getattr(self._book, "close", None)
        if closer is not None:
            closer()


# --------------------------------------------------------------------------- text tables
_CANDIDATE_SEPARATORS = (";", "\t", ",", "|")
_DECIMAL_COMMA_NUMBER = re.compile(r"(?:^|[;\t|])\s*-?\d+,\d+\s*(?=[;\t|]|$)")


@dataclass(frozen=True)
class TextDialect:
    encoding: str
    separator: str
    decimal_comma: bool
    comment_lines: int  # leading lines starting with '#'


def sniff_text(path: Path) -> TextDialect:
    """Encoding, separator (``;``, tab, ``,``, ``|``) and decimal mark of a CSV/TXT file."""
    raw = path.read_bytes()[:262144]
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError as err:
            if encoding == "utf-8-sig" and err.start > len(raw) - 4:  # cut inside a character
                text = raw[:err.start].decode(encoding)
                break
    lines = text.splitlines()
    comment_lines = 0
    while comment_lines < len(lines) and lines[comment_lines].lstrip().startswith("#"):
        comment_lines += 1
    body = [line for line in lines[comment_lines:comment_lines + 200] if line.strip()]
    if not body:
        raise TailingsInputError("The text file has no table in it (only comments or blank lines)",
                                 file=path.name)
    best, best_score = ",", -1.0
    for sep in _CANDIDATE_SEPARATORS:
        counts = [len(next(csv.reader([line], delimiter=sep))) - 1 for line in body[:50]]
        if not counts or max(counts) == 0:
            continue
        # Prefer the separator that splits every line into the same number of fields.
        modal = max(set(counts), key=counts.count)
        score = counts.count(modal) / len(counts) * 1000 + modal
        if score > best_score:
            best, best_score = sep, score
    decimal_comma = best != "," and any(_DECIMAL_COMMA_NUMBER.search(line.replace(best, ";"))
                                        for line in body[1:])
    return TextDialect(encoding, best, decimal_comma, comment_lines)


def text_chunks(path: Path, dialect: TextDialect, chunk_rows: int) -> Iterator[tuple[int, pd.DataFrame]]:
    """Blocks of a CSV/TXT file (all cells as text), numbered by physical line, streamed."""
    reader = pd.read_csv(
        path, sep=dialect.separator, header=None, dtype=str, keep_default_na=False,
        encoding=dialect.encoding, skiprows=dialect.comment_lines, skip_blank_lines=False,
        chunksize=chunk_rows, engine="c" if len(dialect.separator) == 1 else "python",
        on_bad_lines="error", quoting=csv.QUOTE_MINIMAL,
    )
    line = dialect.comment_lines + 1
    try:
        for chunk in reader:
            chunk.columns = range(chunk.shape[1])
            yield line, chunk.astype(object).reset_index(drop=True)
            line += len(chunk)
    except pd.errors.ParserError as err:
        raise TailingsInputError(f"The text table is malformed ({err})", file=path.name) from None


def describe_sheet_list(names: list[str]) -> str:
    return ", ".join(repr(n) for n in names)


def open_text(path: Path, chunk_rows: int) -> SheetRows:
    """The text table as one pseudo-sheet named after the file."""
    dialect = sniff_text(path)
    notes = [f"text table: encoding {dialect.encoding}, separator {dialect.separator!r}, "
             f"decimal {'comma' if dialect.decimal_comma else 'point'}, "
             f"{dialect.comment_lines} comment line(s) skipped"]
    return SheetRows(path.stem, text_chunks(path, dialect, chunk_rows), "pandas-csv",
                     dialect.decimal_comma, notes)



def _list_chunks(rows: Iterator[Any], first_row: int, chunk_rows: int) -> Iterator[tuple[int, pd.DataFrame]]:
    iterator = iter(rows)
    start = first_row
    while True:
        block = list(islice(iterator, chunk_rows))
        if not block:
            return
        yield start, pd.DataFrame(block, dtype=object)
        start += len(block)
