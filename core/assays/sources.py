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

from ..errors import OperationCancelled, TailingsInputError
from ..message import Message
from .extensions import is_tab_separated_name
from .limits import ReadLimits, check_archive
from .sheet_xml import DamagedMemberError, OdsScan, SheetScan, scan_ods, scan_sheet, sheet_members

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
        raise TailingsInputError("Cannot open the assay file: {0}", err.strerror, file=name) from None
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
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as err:
            # zipfile raises these for damaged directories (offsets past the end, bad method).
            raise TailingsInputError("The file looks like a ZIP archive but is damaged ({0}); open it in "
                                     "Excel or LibreOffice and save it again", _cause(err), file=name) from None
        if "xl/workbook.xml" in names:
            return "xlsx"
        if mimetype == ODS_MIMETYPE:
            return "ods"
        raise TailingsInputError(
            "The file is a ZIP archive but not a spreadsheet (no xl/workbook.xml or ODS content)",
            file=name)
    if b"\x00" in head and text_encoding(head) is None:
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
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # (row0, col0, row1, col1)
    row_problems: dict[int, str] = field(default_factory=dict)  # source row → why it cannot be trusted


# --------------------------------------------------------------------------- workbooks
class Workbook:
    """A workbook opened with python-calamine or openpyxl (same sheets, same cell values)."""

    def __init__(self, path: Path, kind: str, engine: str = "auto",
                 stream_above: int = STREAM_ABOVE_SHEET_XML_BYTES, limits: ReadLimits | None = None):
        self.path, self.kind = path, kind
        self.engine_note = ""
        self.notes: list[str] = []
        if engine not in ENGINES:
            raise ValueError(f"engine must be one of {ENGINES}")
        if kind in ("xlsx", "ods"):
            check_archive(path, limits or ReadLimits())
        if engine == "auto":
            engine = "calamine" if calamine_available() else "openpyxl"
            size = worksheet_xml_bytes(path) if kind in ("xlsx", "xlsm") and engine == "calamine" else 0
            if size > stream_above:
                engine = "openpyxl"
                self.engine_note = Message("large workbook ({0:.0f} MB of sheet XML): streaming it with "
                                           "openpyxl read-only mode so memory stays bounded", size / 1e6)
        if kind in ("xls",) and engine != "calamine":
            raise TailingsInputError(
                "Legacy .xls workbooks need python-calamine; save the file as .xlsx", file=path.name)
        self.engine = engine
        self._sheets: dict[str, object] = {}
        self._scans: dict[str, SheetScan | OdsScan] = {}
        self._fallback = None  # openpyxl workbook for sheets calamine would read wrongly
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
            raise TailingsInputError("The workbook cannot be read: {0}. Open it in Excel or LibreOffice "
                                     "and save it again (repairing it if asked), or export the sheet as CSV",
                                     _cause(err), file=path.name) from None

    def chunks(self, sheet: str, chunk_rows: int) -> Iterator[tuple[int, pd.DataFrame]]:
        """``(first_row_number, frame)`` blocks of at most ``chunk_rows`` rows (1-based numbers).

        Whatever the parser raises on a damaged sheet becomes a TailingsInputError naming
        the file, the sheet and the cause.
        """
        try:
            yield from self._chunks(sheet, chunk_rows)
        except (TailingsInputError, OperationCancelled):
            raise
        except DamagedMemberError as err:
            raise _damaged(self.path, sheet, str(err)) from None
        except Exception as err:  # (the parsers raise many types for a damaged sheet)
            raise _damaged(self.path, sheet, _cause(err)) from None

    def merges(self, sheet: str) -> list[tuple[int, int, int, int]]:
        """Merged ranges of a sheet as (first row, first column, last row, last column)."""
        try:
            return self._merges(sheet)
        except (TailingsInputError, OperationCancelled):
            raise
        except Exception as err:  # (the parsers raise many types for a damaged sheet)
            raise _damaged(self.path, sheet, _cause(err)) from None

    def _merges(self, sheet: str) -> list[tuple[int, int, int, int]]:
        if self.kind == "ods":
            offset = self._calamine_sheet(sheet).start[1] if self.engine == "calamine" else 0
            return [(r0, c0 - offset, r1, c1 - offset) for r0, c0, r1, c1 in self._ods_scan(sheet).merges]
        if self.kind not in ("xlsx", "xlsm"):
            return []
        scan = self._scan(sheet)
        # calamine's rows begin at the used range's first column; openpyxl's at column A.
        offset = 0 if self.engine != "calamine" or scan.has_error_cells else self._calamine_sheet(sheet).start[1]
        return [(r0, c0 - offset, r1, c1 - offset) for r0, c0, r1, c1 in scan.merges]

    def _scan(self, sheet: str) -> SheetScan:
        if sheet not in self._scans:
            try:
                with zipfile.ZipFile(self.path) as archive:
                    member = sheet_members(archive).get(sheet)
                    self._scans[sheet] = scan_sheet(archive, member) if member else SheetScan()
            except DamagedMemberError as err:
                raise _damaged(self.path, sheet, str(err)) from None
            except Exception as err:  # (damaged workbook XML: many types)
                raise _damaged(self.path, sheet, _cause(err)) from None
        return self._scans[sheet]

    def _ods_scan(self, sheet: str) -> OdsScan:
        if sheet not in self._scans:
            with zipfile.ZipFile(self.path) as archive:
                self._scans[sheet] = scan_ods(archive, sheet)
        return self._scans[sheet]

    def _chunks(self, sheet: str, chunk_rows: int) -> Iterator[tuple[int, pd.DataFrame]]:
        if self.kind == "ods":
            errors = self._ods_scan(sheet).errors
            offset = self._calamine_sheet(sheet).start[1] if self.engine == "calamine" else 0
            for start, frame in self._cells(sheet, chunk_rows, SheetScan()):
                yield start, _with_errors(frame, start, errors, offset) if errors else frame
            return
        scan = self._scan(sheet) if self.kind in ("xlsx", "xlsm") else SheetScan()
        yield from self._cells(sheet, chunk_rows, scan)

    def _cells(self, sheet: str, chunk_rows: int, scan: SheetScan) -> Iterator[tuple[int, pd.DataFrame]]:
        scan = self._scan(sheet) if self.kind in ("xlsx", "xlsm") else SheetScan()
        if self.engine == "calamine" and scan.has_error_cells:
            # calamine reads error cells as empty: openpyxl keeps their text (#N/A), which
            # the value parser flags.
            if self._fallback is None:
                import openpyxl

                self._fallback = openpyxl.load_workbook(self.path, read_only=True, data_only=True)
                self.notes.append(Message("sheet {0!r} has Excel error cells (#N/A, #DIV/0!, ...): read with "
                                          "openpyxl so that each is reported", sheet))
            yield from _list_chunks(_openpyxl_rows(self._fallback[sheet]), 1, chunk_rows)
        elif self.engine == "calamine":
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
            yield from _list_chunks(_openpyxl_rows(self._book[sheet]), 1, chunk_rows)

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
        for book in (self._book, self._fallback):
            closer = getattr(book, "close", None)
            if closer is not None:
                closer()


def _with_errors(frame: pd.DataFrame, start: int, errors: dict[tuple[int, int], str], offset: int) -> pd.DataFrame:
    """The chunk with each formula-error cell holding its text (#DIV/0!), which the value parser flags."""
    last = start + len(frame) - 1
    hits = [(r - start, c - offset, text) for (r, c), text in errors.items()
            if start <= r <= last and 0 <= c - offset < frame.shape[1]]
    if not hits:
        return frame
    frame = frame.copy()
    for i, j, text in hits:
        frame.iat[i, j] = text
    return frame


def _openpyxl_rows(worksheet) -> Iterator[tuple]:
    if hasattr(worksheet, "reset_dimensions"):
        worksheet.reset_dimensions()  # read-only sheets may carry a wrong stored size
    return worksheet.iter_rows(values_only=True)


def _cause(err: Exception) -> Message:
    """The cause of a parser's failure in words a user can act on."""
    text = f"{type(err).__name__}: {err}"
    lowered = text.casefold()
    if isinstance(err, UnicodeError) or "utf" in lowered or "encod" in lowered:
        return Message("a text encoding error in the sheet ({0})", text)
    if isinstance(err, (zipfile.BadZipFile, EOFError)) or any(w in lowered for w in ("zip", "crc", "deflat",
                                                                                        "inflat", "size")):
        return Message("the compressed sheet data is corrupt ({0})", text)
    if isinstance(err, MemoryError):
        return Message("the sheet is too large for the memory available")
    return Message("damaged XML or an unreadable part ({0})", text)


def _damaged(path: Path, sheet: str, cause: str) -> TailingsInputError:
    return TailingsInputError(
        "The sheet cannot be read: {0}. Open the workbook in Excel or LibreOffice and save it again "
        "(repairing it if asked), or export the sheet as CSV", cause, file=path.name, sheet=sheet)


# --------------------------------------------------------------------------- text tables
SNIFF_BYTES = 262144
_CANDIDATE_SEPARATORS = (";", "\t", ",", "|")
_DECIMAL_COMMA_NUMBER = re.compile(r"(?:^|[;\t|])\s*-?\d+,\d+\s*(?=[;\t|]|$)")


@dataclass(frozen=True)
class TextDialect:
    encoding: str
    separator: str
    decimal_comma: bool
    comment_lines: int  # leading lines starting with '#'


def text_encoding(head: bytes) -> str | None:
    """UTF-16/32 from a byte-order mark or the NUL-byte pattern, else None (an 8-bit encoding).

    A BOM and NUL-pattern check is enough for the files labs send (Excel's "Unicode text"
    is UTF-16 LE with a BOM); no statistical detector is needed, and none is a dependency.
    """
    for bom, name in ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
                      (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            return name[:-3]  # "utf-16"/"utf-32" read the BOM, choose the byte order and drop it
    sample = head[:4096] if len(head) % 2 == 0 else head[:4095]
    even, odd = sample[0::2], sample[1::2]
    # ASCII text in UTF-16 has a NUL in every other byte.
    if len(sample) >= 4 and odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if len(sample) >= 4 and even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def _decode(raw: bytes, truncated: bool) -> tuple[str, str]:
    """(text, encoding): UTF-16/32 by BOM or pattern, else UTF-8 (with or without BOM), else cp1252."""
    wide = text_encoding(raw)
    if wide is not None:
        cut = len(raw) - len(raw) % (4 if "32" in wide else 2)
        return raw[:cut].decode(wide, errors="replace"), wide
    try:
        return raw.decode("utf-8-sig"), "utf-8-sig"
    except UnicodeDecodeError as err:
        if truncated and err.start > len(raw) - 4:  # the sample was cut inside a character
            return raw[:err.start].decode("utf-8-sig"), "utf-8-sig"
    # cp1252 is latin-1 plus printable characters in 0x80-0x9f; five bytes it leaves undefined
    # are read as latin-1 would, so decoding never fails.
    return raw.decode("cp1252", errors="replace"), "cp1252"


def sniff_text(path: Path) -> TextDialect:
    """Encoding, separator (``;``, tab, ``,``, ``|``) and decimal mark of a CSV/TXT file."""
    with path.open("rb") as handle:
        raw = handle.read(SNIFF_BYTES + 1)
    text, encoding = _decode(raw[:SNIFF_BYTES], len(raw) > SNIFF_BYTES)
    lines = text.splitlines()
    comment_lines = 0
    while comment_lines < len(lines) and lines[comment_lines].lstrip().startswith("#"):
        comment_lines += 1
    body = [line for line in lines[comment_lines:comment_lines + 200] if line.strip()]
    if not body:
        raise TailingsInputError("The text file has no table in it (only comments or blank lines)",
                                 file=path.name)
    # A .tsv says tab in its name; a guess could pick the commas of a comment column instead.
    candidates = ("\t",) if is_tab_separated_name(path) else _CANDIDATE_SEPARATORS
    best, best_score = ("\t" if len(candidates) == 1 else ","), -1.0
    for sep in candidates:
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
    line = dialect.comment_lines + 1
    try:
        reader = pd.read_csv(
            path, sep=dialect.separator, header=None, dtype=str, keep_default_na=False,
            encoding=dialect.encoding, encoding_errors="replace" if dialect.encoding == "cp1252" else "strict",
            skiprows=dialect.comment_lines, skip_blank_lines=False,
            chunksize=chunk_rows, engine="c" if len(dialect.separator) == 1 else "python",
            on_bad_lines="error", quoting=csv.QUOTE_MINIMAL,
        )
        for chunk in reader:
            chunk.columns = range(chunk.shape[1])
            yield line, chunk.astype(object).reset_index(drop=True)
            line += len(chunk)
    except pd.errors.ParserError as err:
        raise TailingsInputError("The text table is malformed ({0})", err, file=path.name) from None
    except UnicodeDecodeError as err:
        raise TailingsInputError(
            "The text table is not valid {0} after line {1} ({2}); save it again as UTF-8", dialect.encoding, line,
            err.reason, file=path.name) from None


UNBALANCED_QUOTE = ("unbalanced quote (\") on this line: its fields cannot be split reliably, row rejected; "
                    "fix the quote in the file")


def unbalanced_quote_lines(path: Path, dialect: TextDialect) -> list[int]:
    """Physical line numbers (1-based) with a stray quote: an odd number of them, or a quoted
    field left open at the line's end.

    A CSV record of an assay table never spans lines; a quote that is not closed on its
    line would make the CSV parser swallow the following lines into one field. Counting
    quotes is not enough: in ``S1";"`` the first quote is a literal inside an unquoted field
    and the second opens a field that the line never closes (found by the fuzz test).
    """
    out = []
    with path.open(encoding=dialect.encoding, errors="replace", newline=None) as handle:
        for number, text in enumerate(handle, 1):
            if '"' in text and (text.count('"') % 2
                                or _leaves_quote_open(text.rstrip("\r\n"), dialect.separator)):
                out.append(number)
    return out


def _leaves_quote_open(text: str, separator: str) -> bool:
    # The csv module (same quoting rules as pandas' parser) carries an open quoted field on
    # into the next line: then the line and a sentinel after it make one record, not two.
    try:
        return sum(1 for _ in csv.reader([text, "x"], delimiter=separator)) < 2
    except csv.Error:
        return True


def line_chunks(path: Path, dialect: TextDialect, chunk_rows: int, problems: dict[int, str],
                bad_lines: list[int]) -> Iterator[tuple[int, pd.DataFrame]]:
    """Blocks parsed one physical line at a time (``csv``), so a stray quote spoils one line only."""
    bad = set(bad_lines)
    with path.open(encoding=dialect.encoding, errors="replace", newline=None) as handle:
        for _ in range(dialect.comment_lines):
            next(handle, None)
        start, block = dialect.comment_lines + 1, []
        for number, text in enumerate(handle, start):
            block.append(_split_line(text.rstrip("\r\n"), dialect.separator))
            if number in bad:
                problems[number] = UNBALANCED_QUOTE
            if len(block) == chunk_rows:
                yield start, pd.DataFrame(block, dtype=object).fillna("")
                start, block = start + len(block), []
        if block:
            yield start, pd.DataFrame(block, dtype=object).fillna("")


def _split_line(text: str, separator: str) -> list[str]:
    try:
        return next(csv.reader([text], delimiter=separator), [])
    except csv.Error:  # a quote the csv module will not accept even in one line
        return text.split(separator)


def describe_sheet_list(names: list[str]) -> str:
    return ", ".join(repr(n) for n in names)


def open_text(path: Path, chunk_rows: int) -> SheetRows:
    """The text table as one pseudo-sheet named after the file."""
    dialect = sniff_text(path)
    notes: list[str] = [Message("text table: encoding {0}, separator {1!r}, decimal {2}, {3} comment line(s) skipped",
                                dialect.encoding, dialect.separator,
                                Message("comma") if dialect.decimal_comma else Message("point"),
                                dialect.comment_lines)]
    bad_lines = unbalanced_quote_lines(path, dialect)
    if not bad_lines:
        return SheetRows(path.stem, _guarded_text(text_chunks(path, dialect, chunk_rows), path), "pandas-csv",
                         dialect.decimal_comma, notes)
    notes.append(Message("{0} line(s) with an unbalanced quote (lines {1}): the file is read line by line and those "
                         "rows rejected", len(bad_lines),
                         ", ".join(map(str, bad_lines[:10])) + (", ..." if len(bad_lines) > 10 else "")))
    problems: dict[int, str] = {}
    return SheetRows(path.stem, _guarded_text(line_chunks(path, dialect, chunk_rows, problems, bad_lines), path),
                     "csv-lines", dialect.decimal_comma, notes, row_problems=problems)


def _guarded_text(chunks: Iterator[tuple[int, pd.DataFrame]], path: Path) -> Iterator[tuple[int, pd.DataFrame]]:
    """Whatever the text reader raises becomes a TailingsInputError naming the file and the cause."""
    try:
        yield from chunks
    except (TailingsInputError, OperationCancelled):
        raise
    except Exception as err:  # (pandas and the OS raise many types)
        raise TailingsInputError("The text table cannot be read: {0}. Save it again as UTF-8 CSV", _cause(err),
                                 file=path.name) from None



def _list_chunks(rows: Iterator[Any], first_row: int, chunk_rows: int) -> Iterator[tuple[int, pd.DataFrame]]:
    iterator = iter(rows)
    start = first_row
    while True:
        block = list(islice(iterator, chunk_rows))
        if not block:
            return
        yield start, pd.DataFrame(block, dtype=object)
        start += len(block)
