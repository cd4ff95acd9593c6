"""A small, fast xlsx (SpreadsheetML, ECMA-376) writer for large numeric tables.

openpyxl builds one Python object per cell, which takes about a minute for the 400,000
deposit rows of a national summary. Here a whole DataFrame column becomes cell XML at once
with pandas string operations, and rows are joined the same way; the result is an ordinary
.xlsx (inline strings, one bold style) that Excel, LibreOffice, openpyxl and calamine read.
Numbers stay numbers; NULL/NaN cells are left out.
"""
from __future__ import annotations

import math
import re
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

import numpy as np
import pandas as pd

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_NEEDS_ESCAPE = re.compile("[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_MAX_ROWS = 1_048_576

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
_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
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


def _scalar_cell(ref: str, value: object, bold: bool) -> str:
    style = ' s="1"' if bold else ""
    if isinstance(value, np.generic):
        value = value.item()
    if value is None or value is pd.NA or (isinstance(value, float) and not math.isfinite(value)):
        return ""
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"{style}><v>{int(value)}</v></c>'
    if isinstance(value, int | float):
        return f'<c r="{ref}"{style}><v>{value!r}</v></c>'
    return f'<c r="{ref}" t="inlineStr"{style}><is><t xml:space="preserve">{_text(str(value))}</t></is></c>'


def _column_cells(values: pd.Series, letter: str, row_numbers: pd.Series) -> pd.Series:
    """Cell XML for one column (empty string where the value is NULL)."""
    refs = f'<c r="{letter}' + row_numbers
    if pd.api.types.is_bool_dtype(values):
        return refs + '" t="b"><v>' + values.astype(int).astype(str) + "</v></c>"
    if pd.api.types.is_numeric_dtype(values):
        if pd.api.types.is_integer_dtype(values):
            return refs + '"><v>' + values.astype(str) + "</v></c>"
        numbers = values.astype(float)
        finite = np.isfinite(numbers.to_numpy())
        text = numbers.map(repr)  # the shortest text that round-trips a float64
        return (refs + '"><v>' + text + "</v></c>").where(finite, "")
    present = values.notna()
    if pd.api.types.is_datetime64_any_dtype(values):
        as_text = values.dt.strftime("%Y-%m-%dT%H:%M:%S")
    else:
        as_text = values.astype(object).where(present, "").map(str)
    escaped = as_text
    if as_text.str.contains(_NEEDS_ESCAPE, regex=True).any():  # one pass; most columns need nothing
        escaped = as_text.str.replace(_INVALID_XML, "", regex=True).str.replace("&", "&amp;", regex=False) \
            .str.replace("<", "&lt;", regex=False).str.replace(">", "&gt;", regex=False)
    return (refs + '" t="inlineStr"><is><t xml:space="preserve">' + escaped + "</t></is></c>").where(present, "")


class Sheet:
    def __init__(self, title: str):
        bad = set('[]:*?/\\') & set(title)
        if bad or not title or len(title) > 31:
            raise ValueError(f"invalid sheet title {title!r}")
        self.title = title
        self._parts: list[str] = []
        self.rows = 0

    def _check(self, extra: int) -> None:
        if self.rows + extra > _MAX_ROWS:
            raise ValueError(f"sheet {self.title!r} would exceed {_MAX_ROWS} rows")

    def append(self, values: Sequence[object] = (), *, bold: bool = False) -> None:
        """One row of Python values (None → empty cell)."""
        self._check(1)
        self.rows += 1
        letters = column_letters(len(values))
        cells = "".join(_scalar_cell(f"{letters[i]}{self.rows}", v, bold) for i, v in enumerate(values))
        self._parts.append(f'<row r="{self.rows}">{cells}</row>')

    def append_frame(self, frame: pd.DataFrame) -> None:
        """Every row of ``frame`` (no header), vectorised per column."""
        if frame.empty:
            return
        self._check(len(frame))
        numbers = pd.Series(np.arange(self.rows + 1, self.rows + 1 + len(frame)), index=frame.index).astype(str)
        xml = '<row r="' + numbers + '">'
        for letter, name in zip(column_letters(frame.shape[1]), frame.columns):
            xml = xml + _column_cells(frame[name], letter, numbers)
        xml = xml + "</row>"
        self._parts.append("".join(xml.tolist()))
        self.rows += len(frame)

    def xml(self) -> str:
        return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                f'<sheetData>{"".join(self._parts)}</sheetData></worksheet>')


class XlsxWorkbook:
    def __init__(self) -> None:
        self.sheets: list[Sheet] = []

    def add_sheet(self, title: str) -> Sheet:
        if title in {s.title for s in self.sheets}:
            raise ValueError(f"duplicate sheet title {title!r}")
        self.sheets.append(Sheet(title))
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
            + "</sheets></workbook>")
        rels = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                      f'relationships/worksheet" Target="worksheets/sheet{i}.xml"/>'
                      for i in range(1, len(sheets) + 1))
            + f'<Relationship Id="rId{len(sheets) + 1}" Type="http://schemas.openxmlformats.org/officeDocument/'
              '2006/relationships/styles" Target="styles.xml"/></Relationships>')
        types = _CONTENT_TYPES.format(sheets="".join(_SHEET_TYPE.format(n=i) for i in range(1, len(sheets) + 1)))
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
            archive.writestr("[Content_Types].xml", types)
            archive.writestr("_rels/.rels", _ROOT_RELS)
            archive.writestr("xl/workbook.xml", workbook)
            archive.writestr("xl/_rels/workbook.xml.rels", rels)
            archive.writestr("xl/styles.xml", _STYLES)
            for i, sheet in enumerate(sheets, start=1):
                archive.writestr(f"xl/worksheets/sheet{i}.xml", sheet.xml())
