"""A small, fast xlsx (SpreadsheetML, ECMA-376) writer for large numeric tables.

openpyxl builds one Python object per cell, which takes about a minute for the 400,000
deposit rows of a national summary. Here a whole DataFrame column becomes cell XML in one
pass (one f-string per cell) and each sheet's rows are joined once; the result is an
ordinary .xlsx (frame text in a shared-string table, other text inline, a bold style and a
few number formats, frozen panes, an autofilter and column widths per sheet) that Excel,
LibreOffice, openpyxl and calamine read. Numbers stay numbers at full precision (the number
format only rounds what is shown); NULL/NaN cells are left out. Layout elements follow
ECMA-376 Part 1, §18.3.1 (worksheet): dimension, sheetViews, cols, sheetData, autoFilter, in that order.
"""
from __future__ import annotations

import math
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain, repeat
from pathlib import Path
from xml.sax.saxutils import escape

import numpy as np
import pandas as pd

from . import xlsx_shared_strings as sst
from .xlsx_shared_strings import SharedStrings

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_NEEDS_ESCAPE = re.compile("[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_MAX_ROWS = 1_048_576
FRAME_SLICE_ROWS = 10_000

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    "{sheets}</Types>"
)
_SHEET_TYPE = ('<Override PartName="/xl/worksheets/sheet{n}.xml" '
               'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>')
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
# Number formats (ECMA-376 §18.8.30, custom ids from 164) and the cell styles that use them.
NUMBER_FORMATS: dict[str, str] = {
    "tonnes": "#,##0",        # ore tonnage: whole tonnes
    "decimal1": "#,##0.0",    # grades (ppm) and contained metal (t)
    "decimal3": "0.000",      # fractions, densities
    "integer": "0",           # counts
}
_STYLE_IDS = {"bold": 1, **{name: i for i, name in enumerate(NUMBER_FORMATS, start=2)}}
_NUMBER_FORMAT_IDS = {name: 164 + i for i, name in enumerate(NUMBER_FORMATS)}
_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    f'<numFmts count="{len(NUMBER_FORMATS)}">'
    + "".join(f'<numFmt numFmtId="{_NUMBER_FORMAT_IDS[n]}" formatCode="{escape(code)}"/>'
              for n, code in NUMBER_FORMATS.items())
    + "</numFmts>"
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    f'<cellXfs count="{2 + len(NUMBER_FORMATS)}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    + "".join(f'<xf numFmtId="{_NUMBER_FORMAT_IDS[n]}" fontId="0" fillId="0" borderId="0" xfId="0" '
              'applyNumberFormat="1"/>' for n in NUMBER_FORMATS)
    + "</cellXfs>"
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)


def column_letters(n: int) -> list[str]:
    """A, B, …, Z, AA, … for the first ``n`` columns."""
    out = []
    for i in range(1, n + 1):
        name = ""
        while i:
            i, rem = divmod(i - 1, 26)
            name = chr(65 + rem) + name
        out.append(name)
    return out


def _text(value: str) -> str:
    return escape(_INVALID_XML.sub("", value))


def _style_attribute(style: str | None) -> str:
    return f' s="{_STYLE_IDS[style]}"' if style else ""


def _scalar_cell(ref: str, value: object, bold: bool, number_format: str | None = None) -> str:
    style = _style_attribute("bold" if bold else None)
    if isinstance(value, np.generic):
        value = value.item()
    if value is None or value is pd.NA or (isinstance(value, float) and not math.isfinite(value)):
        return ""
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"{style}><v>{int(value)}</v></c>'
    if isinstance(value, int | float):
        return f'<c r="{ref}"{_style_attribute(number_format) or style}><v>{value!r}</v></c>'
    return f'<c r="{ref}" t="inlineStr"{style}><is><t xml:space="preserve">{_text(str(value))}</t></is></c>'


def _cells(letter: str, rows: list[str], middle: str, texts: list[str], present: np.ndarray | None) -> list[str]:
    """``<c r="{letter}{row}{middle}{text}…`` per row, '' where not ``present``: one f-string per
    cell, since concatenating pandas object columns piecewise copies every string several times."""
    end = "</t></is></c>" if "inlineStr" in middle else "</v></c>"
    cells = [f'<c r="{letter}{row}{middle}{text}{end}' for row, text in zip(rows, texts)]
    if present is not None and not present.all():
        cells = [cell if keep else "" for cell, keep in zip(cells, present.tolist())]
    return cells


def _column_cells(values: pd.Series, letter: str, rows: list[str], number_format: str | None = None,
                  strings: SharedStrings | None = None) -> list[str]:
    """Cell XML for one column (empty string where the value is NULL)."""
    if pd.api.types.is_bool_dtype(values):
        return _cells(letter, rows, '" t="b"><v>', values.astype(int).astype(str).tolist(), None)
    if pd.api.types.is_numeric_dtype(values):
        middle = '"' + _style_attribute(number_format) + "><v>"
        if pd.api.types.is_integer_dtype(values):
            present = values.notna().to_numpy()
            return _cells(letter, rows, middle, values.astype(str).tolist(), present)
        numbers = values.to_numpy(dtype=float, na_value=np.nan)
        # repr: the shortest text that round-trips a float64
        return _cells(letter, rows, middle, list(map(repr, numbers.tolist())), np.isfinite(numbers))
    present = values.notna()
    if pd.api.types.is_datetime64_any_dtype(values):
        as_text = values.dt.strftime("%Y-%m-%dT%H:%M:%S")
    else:
        as_text = values.astype(object).where(present, "").map(str)
    if _NEEDS_ESCAPE.search("".join(as_text.tolist())):  # one C-level pass; most columns need nothing
        as_text = as_text.str.replace(_INVALID_XML, "", regex=True).str.replace("&", "&amp;", regex=False) \
            .str.replace("<", "&lt;", regex=False).str.replace(">", "&gt;", regex=False)
    if strings is not None:
        return _cells(letter, rows, '" t="s"><v>', strings.ids(as_text.tolist()), present.to_numpy())
    return _cells(letter, rows, '" t="inlineStr"><is><t xml:space="preserve">', as_text.tolist(),
                  present.to_numpy())


class Sheet:
    def __init__(self, title: str, strings: SharedStrings | None = None):
        bad = set('[]:*?/\\') & set(title)
        if bad or not title or len(title) > 31:
            raise ValueError(f"invalid sheet title {title!r}")
        self.title = title
        self._strings = strings  # text of append_frame goes here when given, else inline
        self._parts: list[str] = []
        self.rows = 0
        self.columns = 0                          # the widest row written
        self._frozen: tuple[int, int] = (0, 0)   # rows, columns kept in view
        self._filter: tuple[int, int, int] | None = None  # header row, first and last column (1-based)
        self._widths: dict[int, float] = {}      # column (1-based) -> width in characters

    def freeze(self, rows: int, columns: int = 0) -> None:
        """Keep the top ``rows`` and the left ``columns`` in view while scrolling."""
        self._frozen = (rows, columns)

    def autofilter(self, header_row: int, columns: int) -> None:
        """Filter buttons on ``header_row`` over ``columns`` columns, down to the last row written."""
        self._filter = (header_row, 1, columns)

    def set_widths(self, widths: Sequence[float], first_column: int = 1) -> None:
        for i, width in enumerate(widths):
            self._widths[first_column + i] = float(width)

    def filter_range(self) -> str | None:
        """The autofilter's A1 range (absolute), or None."""
        if self._filter is None:
            return None
        row, first, last = self._filter
        letters = column_letters(last)
        return f"${letters[first - 1]}${row}:${letters[-1]}${max(self.rows, row)}"

    def _check(self, extra: int) -> None:
        if self.rows + extra > _MAX_ROWS:
            raise ValueError(f"sheet {self.title!r} would exceed {_MAX_ROWS} rows")

    def append(self, values: Sequence[object] = (), *, bold: bool = False,
               formats: Sequence[str | None] | None = None) -> None:
        """One row of Python values (None → empty cell); ``formats`` names a NUMBER_FORMATS
        entry per value (None: general)."""
        self._check(1)
        self.rows += 1
        self.columns = max(self.columns, len(values))
        letters = column_letters(len(values))
        formats = list(formats or []) + [None] * (len(values) - len(formats or []))
        cells = "".join(_scalar_cell(f"{letters[i]}{self.rows}", v, bold, formats[i]) for i, v in enumerate(values))
        self._parts.append(f'<row r="{self.rows}">{cells}</row>')

    def append_frame(self, frame: pd.DataFrame, formats: dict[str, str] | None = None) -> None:
        """Every row of ``frame`` (no header), vectorised per column; ``formats`` maps a column
        to a NUMBER_FORMATS entry."""
        formats = formats or {}
        if frame.empty:
            return
        self._check(len(frame))
        self.columns = max(self.columns, frame.shape[1])
        # In slices of FRAME_SLICE_ROWS: a cell is one Python str until its row is joined, and
        # 100,000 deposits x 65 columns at once held about 0.6 GB of them (the run's peak).
        for start in range(0, len(frame), FRAME_SLICE_ROWS):
            self._append_slice(frame.iloc[start:start + FRAME_SLICE_ROWS], formats)

    def _append_slice(self, frame: pd.DataFrame, formats: dict[str, str]) -> None:
        rows = np.arange(self.rows + 1, self.rows + 1 + len(frame)).astype(str).tolist()
        columns = [_column_cells(frame[name], letter, rows, formats.get(name), self._strings)
                   for letter, name in zip(column_letters(frame.shape[1]), frame.columns)]
        # one join over the cells in row order (adding column after column would copy each row every time)
        starts = [f'<row r="{row}">' for row in rows]
        self._parts.append("".join(chain.from_iterable(zip(starts, *columns, repeat("</row>")))))
        self.rows += len(frame)

    def _views(self) -> str:
        rows, columns = self._frozen
        if not rows and not columns:
            return ""
        corner = f"{column_letters(columns + 1)[-1]}{rows + 1}"
        pane = "bottomRight" if rows and columns else ("bottomLeft" if rows else "topRight")
        split = (f' xSplit="{columns}"' if columns else "") + (f' ySplit="{rows}"' if rows else "")
        return (f'<sheetViews><sheetView workbookViewId="0"><pane{split} topLeftCell="{corner}" '
                f'activePane="{pane}" state="frozen"/><selection pane="{pane}" activeCell="{corner}" '
                f'sqref="{corner}"/></sheetView></sheetViews>')

    def _columns(self) -> str:
        if not self._widths:
            return ""
        return "<cols>" + "".join(f'<col min="{c}" max="{c}" width="{w:.1f}" customWidth="1"/>'
                                  for c, w in sorted(self._widths.items())) + "</cols>"

    def _dimension(self) -> str:
        """The used range (§18.3.1.35): readers that stream (openpyxl's read-only mode) would
        otherwise parse the whole sheet once only to learn its size."""
        if not self.rows or not self.columns:
            return '<dimension ref="A1"/>'
        return f'<dimension ref="A1:{column_letters(self.columns)[-1]}{self.rows}"/>'

    def xml(self) -> str:
        return "".join(self.pieces())

    def pieces(self) -> Iterator[str]:
        """The sheet's XML in pieces (the rows as appended), to be written one after another."""
        area = self.filter_range()
        autofilter = f'<autoFilter ref="{area.replace("$", "")}"/>' if area else ""
        yield ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
               f'{self._dimension()}{self._views()}{self._columns()}<sheetData>')
        yield from self._parts
        yield f"</sheetData>{autofilter}</worksheet>"

    def xml_chars(self) -> int:
        """About the length of ``xml()``, without building it."""
        return sum(len(p) for p in self._parts) + 1000


def _defined_names(sheets: Sequence[Sheet]) -> str:
    """Excel keeps each autofilter's range as the hidden name _xlnm._FilterDatabase (§18.2.5)."""
    names = []
    for i, sheet in enumerate(sheets):
        area = sheet.filter_range()
        if area:
            title = sheet.title.replace("'", "''")
            names.append(f'<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">'
                         f"{escape(f'{chr(39)}{title}{chr(39)}!{area}')}</definedName>")
    return f"<definedNames>{''.join(names)}</definedNames>" if names else ""


def text_width(values: Iterable[object], header: str = "", sample: int = 1000, limit: int = 60) -> float:
    """A column width in characters that fits the header and the first ``sample`` values."""
    longest = len(header)
    for i, value in enumerate(values):
        if i >= sample:
            break
        if value is not None and value == value:
            text = f"{value:,.1f}" if isinstance(value, float) else str(value)
            longest = max(longest, len(text))
    return float(min(limit, longest + 2))


class XlsxWorkbook:
    def __init__(self) -> None:
        self.sheets: list[Sheet] = []
        self.strings = SharedStrings()

    def add_sheet(self, title: str) -> Sheet:
        if title in {s.title for s in self.sheets}:
            raise ValueError(f"duplicate sheet title {title!r}")
        self.sheets.append(Sheet(title, self.strings))
        return self.sheets[-1]

    def save(self, path: str | Path) -> None:
        sheets: Iterable[Sheet] = self.sheets or [Sheet("Sheet1")]
        sheets = list(sheets)
        workbook = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
            + "".join(f'<sheet name="{escape(s.title, {chr(34): "&quot;"})}" sheetId="{i}" r:id="rId{i}"/>'
                      for i, s in enumerate(sheets, start=1))
            + "</sheets>" + _defined_names(sheets) + "</workbook>")
        rels = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                      f'relationships/worksheet" Target="worksheets/sheet{i}.xml"/>'
                      for i in range(1, len(sheets) + 1))
            + f'<Relationship Id="rId{len(sheets) + 1}" Type="http://schemas.openxmlformats.org/officeDocument/'
              '2006/relationships/styles" Target="styles.xml"/>'
            + (f'<Relationship Id="rId{len(sheets) + 2}" Type="{sst.RELATIONSHIP_TYPE}" Target="sharedStrings.xml"/>'
               if len(self.strings) else "")
            + "</Relationships>")
        types = _CONTENT_TYPES.format(sheets="".join(_SHEET_TYPE.format(n=i) for i in range(1, len(sheets) + 1))
                                      + (sst.CONTENT_TYPE if len(self.strings) else ""))
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
            archive.writestr("[Content_Types].xml", types)
            archive.writestr("_rels/.rels", _ROOT_RELS)
            archive.writestr("xl/workbook.xml", workbook)
            archive.writestr("xl/_rels/workbook.xml.rels", rels)
            archive.writestr("xl/styles.xml", _STYLES)
            if len(self.strings):
                archive.writestr(sst.PART, self.strings.xml())
            for i, sheet in enumerate(sheets, start=1):
                # Piece by piece into the zip: the whole sheet as one string, then as UTF-8 bytes,
                # would be two more copies of the largest thing the export holds. ZIP64 where a
                # sheet may pass 2 GiB (its size is only known at the end).
                with archive.open(f"xl/worksheets/sheet{i}.xml", "w",
                                  force_zip64=4 * sheet.xml_chars() > 2 ** 31) as member:
                    for piece in sheet.pieces():
                        member.write(piece.encode("utf-8"))
