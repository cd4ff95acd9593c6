"""One pass over a sheet's XML before it is parsed: integrity, error cells, merges.

python-calamine turns Excel error cells (``t="e"``: ``#N/A``, ``#DIV/0!``) into empty
strings and openpyxl's read-only mode does not report merged ranges, so both are read
here from the XML itself. The member is inflated with ``zipfile``, which stops at the
declared size and checks the CRC: a damaged or lying member fails here with a clear
message instead of inside a parser. The workbook's XML is parsed with ``defusedxml``
(no entity expansion); the sheet body is only searched as bytes, block by block.
"""
from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from defusedxml import ElementTree

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_ODS_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_CALCEXT = "{urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0}"
_MERGE = re.compile(rb'<mergeCell\s[^>]*ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')
_ERROR_CELL = b't="e"'
_BLOCK = 8 * 1024 * 1024
_OVERLAP = 256


@dataclass
class SheetScan:
    has_error_cells: bool = False
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # 1-based rows, 0-based columns


class DamagedMemberError(Exception):
    """The member cannot be inflated: carries the cause in words."""


def sheet_members(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → zip member of its XML, from xl/workbook.xml and its relationships."""
    book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target", "") for r in rels.iter(f"{_PKG_REL}Relationship")}
    out = {}
    for sheet in book.iter(f"{_MAIN}sheet"):
        target = targets.get(sheet.get(f"{_REL}id"), "")
        member = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
        out[sheet.get("name", "")] = member
    return out


def column_number(letters: bytes) -> int:
    """``A`` → 0, ``AB`` → 27."""
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n - 1


def scan_sheet(archive: zipfile.ZipFile, member: str) -> SheetScan:
    """Inflate the member once; raises DamagedMemberError when its data does not match its header."""
    scan = SheetScan()
    tail = b""
    try:
        with archive.open(member) as handle:
            while block := handle.read(_BLOCK):
                window = tail + block
                scan.has_error_cells = scan.has_error_cells or _ERROR_CELL in window
                scan.merges.extend(_merges(window, len(tail)))
                tail = window[-_OVERLAP:]
    except KeyError:
        raise DamagedMemberError(f"the sheet's XML part {member!r} is missing from the archive") from None
    except (zipfile.BadZipFile, zlib.error, EOFError) as err:
        raise DamagedMemberError(f"the compressed sheet data is corrupt ({err}): a zip entry larger than declared, "
                            "a bad checksum or a truncated file") from None
    return scan


def _merges(window: bytes, old: int) -> list[tuple[int, int, int, int]]:
    # A match wholly inside the previous block's tail was counted already.
    return [(int(m[2]), column_number(m[1]), int(m[4]), column_number(m[3]))
            for m in _MERGE.finditer(window) if m.end() > old]


@dataclass
class OdsScan:
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # 1-based rows, 0-based columns
    errors: dict[tuple[int, int], str] = field(default_factory=dict)       # (row, column) → "#DIV/0!"


def scan_ods(archive: zipfile.ZipFile, sheet: str) -> OdsScan:
    """Merged ranges and formula-error cells of one ods table, streamed from content.xml.

    python-calamine reports neither (an error cell reads as "" or as 0.0, pandas' odf
    reader gives NaN), so both come from the XML. Positions count the repeat attributes,
    as the readers do.
    """
    t = _ODS_TABLE
    scan, inside, row, column, repeat = OdsScan(), False, 0, 0, 1
    with archive.open("content.xml") as handle:
        for event, element in ElementTree.iterparse(handle, events=("start", "end")):
            tag = element.tag
            if tag == f"{t}table":
                if event == "start":
                    inside, row = element.get(f"{t}name") == sheet, 0
                elif inside:
                    break
            elif not inside:
                continue
            elif tag == f"{t}table-row":
                if event == "start":
                    column, repeat = 0, int(element.get(f"{t}number-rows-repeated", "1"))
                else:
                    row += repeat
                    element.clear()
            elif event == "end" and tag in (f"{t}table-cell", f"{t}covered-table-cell"):
                column += _ods_cell(element, row, column, scan)
    return scan


def _ods_cell(element, row: int, column: int, scan: OdsScan) -> int:
    """Record the cell's span and error; return how many columns it covers."""
    t = _ODS_TABLE
    rows = int(element.get(f"{t}number-rows-spanned", "1"))
    columns = int(element.get(f"{t}number-columns-spanned", "1"))
    if rows > 1 or columns > 1:
        scan.merges.append((row + 1, column, row + rows, column + columns - 1))
    width = int(element.get(f"{t}number-columns-repeated", "1"))
    if element.get(f"{_CALCEXT}value-type") == "error":
        text = "".join(element.itertext()).strip() or "#ERROR"
        for k in range(min(width, 16384)):
            scan.errors[(row + 1, column + k)] = text
    return width
