"""The assay import: file → samples, QA/QC rows, rejected rows and cell problems.

Accounting (logged and checked): every non-blank row below the header is exactly one of
a sample, a QA/QC row or a rejected row. A bad cell in an otherwise good row does not
reject the row: its value becomes NaN with flag ``invalid`` (or ``sentinel``) and the cell
is listed in ``cell_issues`` (file, sheet, row, column, value, reason), so no cell problem
is lost and the row count stays exact.
"""
from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import TailingsInputError
from ..file_hash import file_sha256
from ..message import Message
from ..schema import DEFAULT_CRS, REE_ELEMENTS
from .header import Column, HeaderLayout, clean_header, find_header, header_score, seen_and_closest, snake
from .limits import (
    DEFAULT_MAX_COMPRESSION_RATIO,
    DEFAULT_MAX_ROWS,
    DEFAULT_MAX_SHEET_MB,
    DEFAULT_TIME_BUDGET_S,
    ReadBudget,
    ReadLimits,
)
from .linkage import LinkageDiagnosis, place_samples
from .location import link_to_deposits
from .merged import fill_merged, merge_notes
from .overrides import Override, parse_assay_field_map
from .qaqc import QaqcSummary, classify_kinds, read_certified_values, summarise
from .sliced_match import contains
from .sources import (
    STREAM_ABOVE_SHEET_XML_BYTES,
    SheetRows,
    Workbook,
    describe_sheet_list,
    detect_format,
    open_text,
)
from .textcells import text_values
from .values import (
    CENSORED,
    EMPTY,
    NUMBER,
    OVER_RANGE,
    SENTINEL_CANDIDATE,
    ParsedCells,
    finalise,
    parse_cells,
    parse_plain_numbers,
)
from .vocabulary import closest_cells, fold, non_sample_labels

KEY_ROLES = ("sample_id", "deposit", "sample_type", "hole_id")
COORDINATE_ROLES = ("easting", "northing", "latitude", "longitude")
DEPTH_ROLES = ("depth_from", "depth_to")
NUMERIC_ROLES = (*COORDINATE_ROLES, *DEPTH_ROLES)
CELL_ISSUE_COLUMNS = ["src_file", "src_sheet", "src_row", "sample_id", "column", "value", "reject_reason",
                      "action"]
REJECT_COLUMNS = ["src_file", "src_sheet", "src_row", "sample_id", "column", "value", "reject_reason",
                  "raw_values"]


@dataclass
class ImportOptions:
    sheet: str | None = None
    censored_substitution: str = "half_dl"
    source_crs: str | None = None             # SOURCE_CRS / the pipeline's ASSAY_CRS
    target_crs: str = DEFAULT_CRS
    field_map: str | None = None              # FIELD_MAP / the pipeline's ASSAY_FIELD_MAP (core.assays.overrides)
    deposits: pd.DataFrame | None = None     # deposit_id (+ geometry WKB in target CRS)
    engine: str = "auto"                     # auto, calamine, openpyxl
    stream_above_sheet_xml_bytes: int = STREAM_ABOVE_SHEET_XML_BYTES  # auto: stream larger workbooks
    chunk_rows: int = 32_768  # progress and cancel checks at least this often (well under 1 s a chunk)
    max_rows: int = DEFAULT_MAX_ROWS                        # MAX_ROWS (core.assays.limits)
    max_sheet_mb: float = DEFAULT_MAX_SHEET_MB              # MAX_SHEET_MB: uncompressed size of a zip member
    max_compression_ratio: float = DEFAULT_MAX_COMPRESSION_RATIO  # MAX_COMPRESSION_RATIO
    time_budget_s: float = DEFAULT_TIME_BUDGET_S            # TIME_BUDGET_S: wall clock for reading the rows
    cancel: Callable[[], None] | None = None
    progress: Callable[[float], None] | None = None   # the source row reached, while reading
    assembly_progress: Callable[[float], None] | None = None  # share (0-1) of the assembly after the read

    @property
    def limits(self) -> ReadLimits:
        return ReadLimits(self.max_rows, self.max_sheet_mb, self.max_compression_ratio, self.time_budget_s)


@dataclass
class AssayImport:
    samples: pd.DataFrame
    qaqc: pd.DataFrame
    rejects: pd.DataFrame          # one row per rejected source row
    cell_issues: pd.DataFrame      # one row per problem cell in kept (or rejected) rows
    file: str
    sheet: str
    sheets: list[str]
    engine: str
    header_row: int
    rows_read: int
    blank_rows: int
    elements: list[str]
    tree_elements: list[str]
    located: bool
    source_crs: str | None
    qaqc_summary: QaqcSummary
    notes: list[str] = field(default_factory=list)
    file_hash: str = ""            # sha256 of the file, as in every sample's src_hash
    warnings: list[str] = field(default_factory=list)  # what needs the user's attention (guesses, CRS)
    linkage: LinkageDiagnosis | None = None  # with DEPOSITS: how many samples link, in which CRS
    columns: list[Column] = field(default_factory=list)  # what each source column was read as

    def mapping_lines(self) -> list[str]:
        """One line per read column: header → role (and unit, and how it was decided)."""
        lines = []
        for c in self.columns:
            if c.role in ("other", "empty"):
                continue
            what = (f"{c.name or c.element.lower()} in {c.unit} ({c.unit_source or 'header'})"
                    if c.role in ("element", "oxide") else c.role)
            how = "FIELD_MAP" if c.overridden else "recognised"
            lines.append(f"{c.header or '#' + str(c.index + 1)} → {what}, {how}")
        # Alternatives for the sample id: the text columns closest to the vocabulary.
        texts = [c.header for c in self.columns if c.role == "other" and c.header]
        close = closest_cells(texts, "sample_id")
        if close:
            lines.append(Message("other columns that could be the sample id (FIELD_MAP sample_id=<column>): {0}",
                                 ", ".join(map(repr, close))))
        return lines

    @property
    def counts_add_up(self) -> bool:
        return self.rows_read == len(self.samples) + len(self.qaqc) + len(self.rejects)

    def rejects_table(self) -> pd.DataFrame:
        """Rejected rows and problem cells in one table (``reject_level`` row / cell)."""
        rows = self.rejects.assign(reject_level="row")
        cells = self.cell_issues.assign(reject_level="cell", raw_values=None)
        cells["reject_reason"] = cells["reject_reason"] + " (" + cells["action"] + ")"
        out = pd.concat([rows[[*REJECT_COLUMNS, "reject_level"]], cells[[*REJECT_COLUMNS, "reject_level"]]],
                        ignore_index=True)
        return out.sort_values(["src_row", "reject_level"], ascending=[True, False], kind="stable") \
            .reset_index(drop=True)


def list_sheets(path: str | Path, engine: str = "auto") -> list[str]:
    path = Path(path)
    kind = detect_format(path)
    if kind == "text":
        return [path.stem]
    book = Workbook(path, kind, engine)
    try:
        return list(book.sheet_names)
    finally:
        book.close()


def import_assays(path: str | Path, options: ImportOptions | None = None) -> AssayImport:
    """Read one assay file (xlsx/xlsm/ods/xls/csv/txt) into canonical samples."""
    options = options or ImportOptions()
    path = Path(path)
    try:
        overrides = parse_assay_field_map(options.field_map)
    except TailingsInputError as err:
        raise _with_place(err, file=path.name) from None
    kind = detect_format(path)
    notes: list[str] = []
    certified = None
    book = None
    if kind == "text":
        source = open_text(path, options.chunk_rows)
        sheets = [source.name]
        engine = source.engine
    else:
        book = Workbook(path, kind, options.engine, options.stream_above_sheet_xml_bytes, options.limits)
        sheets = list(book.sheet_names)
        engine = book.engine
        if book.engine_note:
            notes.append(book.engine_note)
        notes.append(Message("sheets in the workbook: {0}", describe_sheet_list(sheets)))
        name = _choose_sheet(book, options.sheet, path, overrides, notes)
        notes.append(Message("reading sheet {0!r}", name) if options.sheet
                     else Message("reading sheet {0!r} (the one that looks like assay data)", name))
        certified = _find_certified(book, name, notes)
        source = SheetRows(name, book.chunks(name, options.chunk_rows), engine, merges=book.merges(name))
        notes.extend(book.notes)
    notes.extend(source.notes)
    try:
        with _gc_paused():
            result = _read(path, source, options, overrides, notes, certified, sheets, engine)
    finally:
        if book is not None:
            book.close()
    return result


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while millions of cell objects come and go.

    The reader makes no reference cycles; without the pause, the collector's full passes
    over the growing heap cost a large share of the import time on big sheets.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _readable_head(book: Workbook, name: str, n: int, notes: list[str], damaged: list[TailingsInputError]
                   ) -> pd.DataFrame:
    """The sheet's first rows, or empty when it cannot be read (noted: another sheet may hold the data)."""
    try:
        return book.head(name, n)
    except TailingsInputError as err:
        damaged.append(err)
        note = f"sheet {name!r} skipped: {err}"
        if note not in notes:
            notes.append(note)
        return pd.DataFrame()


def _choose_sheet(book: Workbook, wanted: str | None, path: Path, overrides: list[Override],
                  notes: list[str]) -> str:
    if wanted:
        for name in book.sheet_names:
            if name == wanted or name.casefold() == wanted.strip().casefold():
                return name
        raise TailingsInputError("No sheet named {0!r}; the workbook has {1}", wanted,
                                 describe_sheet_list(book.sheet_names), file=path.name, sheet=wanted)
    best, best_score = None, 0
    named = frozenset(o.column.casefold() for o in overrides if o.column)
    damaged: list[TailingsInputError] = []
    for name in book.sheet_names:
        head = _readable_head(book, name, 60, notes, damaged)
        if head.empty:
            continue
        score = max(header_score(row, named) for row in head.astype(object).where(head.notna(), None).values.tolist())
        if score > best_score:
            best, best_score = name, score
    if best is None and damaged:
        raise damaged[0]
    if best is None:
        heads = (book.head(name, 60) for name in book.sheet_names)
        first = next((h for h in heads if not h.empty), None)
        sheets = describe_sheet_list(book.sheet_names)
        if first is None:
            raise TailingsInputError("No sheet has element or oxide columns (e.g. Co_ppm, Cu %, Fe2O3); sheets: {0}",
                                     sheets, file=path.name)
        raise TailingsInputError("No sheet has element or oxide columns (e.g. Co_ppm, Cu %, Fe2O3); sheets: {0} {1}",
                                 sheets, _field_map_hint(first, np.arange(1, len(first) + 1)), file=path.name)
    return best


def _find_certified(book: Workbook, data_sheet: str, notes: list[str]) -> pd.DataFrame | None:
    for name in book.sheet_names:
        if name == data_sheet:
            continue
        head = _readable_head(book, name, 5000, notes, [])
        if head.empty:
            continue
        table = read_certified_values(head)
        if table is not None and len(table):
            notes.append(Message("certified CRM values read from sheet {0!r}: {1} value(s) for {2} CRM(s)", name,
                                 len(table), table["crm"].nunique()))
            return table
    return None


@dataclass
class _Accumulator:
    row_numbers: list[np.ndarray] = field(default_factory=list)
    text: dict[int, list[np.ndarray]] = field(default_factory=dict)
    coords: dict[int, list[tuple[np.ndarray, np.ndarray, np.ndarray]]] = field(default_factory=dict)
    analytes: dict[int, list[ParsedCells]] = field(default_factory=dict)
    suspect_rows: list[np.ndarray] = field(default_factory=list)
    suspect_text: list[np.ndarray] = field(default_factory=list)
    blank_row_numbers: list[np.ndarray] = field(default_factory=list)
    merge_notes: dict[tuple[int, int], tuple[int, object]] = field(default_factory=dict)  # merged ranges filled
    row_problems: dict[int, str] = field(default_factory=dict)  # source row → why it is rejected


def _read(path: Path, source: SheetRows, options: ImportOptions, overrides: list[Override], notes: list[str],
          certified: pd.DataFrame | None, sheets: list[str], engine: str) -> AssayImport:
    layout: HeaderLayout | None = None
    acc = _Accumulator()
    budget = ReadBudget(options.limits, path.name, source.name)
    carried: dict[tuple[int, int], object] = {}  # merged ranges' top-left values, across chunks
    for start, frame in source.chunks:
        if options.cancel is not None:
            options.cancel()
        budget.charge(len(frame))
        row_numbers = start + np.arange(len(frame))
        if layout is None:
            try:
                layout = find_header(frame, overrides, int(row_numbers[0]) if len(row_numbers) else 1)
            except TailingsInputError as err:
                raise _with_place(err, file=path.name, sheet=source.name) from None
            if layout is None:
                if frame.empty:
                    raise TailingsInputError("The sheet is empty", file=path.name, sheet=source.name)
                raise _no_analytes(frame, row_numbers, path, source.name)
            _check_layout(layout, path, source.name, row_numbers)
            notes.extend(layout.notes)
            skip = (layout.units_offset if layout.units_offset is not None else layout.header_offset) + 1
            frame, row_numbers = frame.iloc[skip:].reset_index(drop=True), row_numbers[skip:]
            header_row = int(start + layout.header_offset)
        if source.merges:
            frame = fill_merged(frame, row_numbers, source.merges, _id_columns(layout), carried, acc.merge_notes)
        _read_chunk(frame, row_numbers, layout, source.decimal_comma, acc)
        if options.progress is not None:
            options.progress(float(row_numbers[-1]) if len(row_numbers) else 0.0)
    if layout is None:
        raise TailingsInputError("The sheet is empty", file=path.name, sheet=source.name)
    notes.extend(merge_notes(acc.merge_notes, _id_columns(layout)))
    acc.row_problems = source.row_problems
    return _assemble(path, source.name, sheets, engine, header_row, layout, acc, options, notes, certified)


def _id_columns(layout: HeaderLayout) -> dict[int, str]:
    """Columns where a merged cell means "the same for every row": ids and labels, never grades."""
    return {c.index: c.header for c in layout.columns if c.role in KEY_ROLES}


def _check_layout(layout: HeaderLayout, path: Path, sheet: str, row_numbers: np.ndarray) -> None:
    header_row = int(row_numbers[layout.header_offset])
    roles = [c.role for c in layout.columns]
    if "sample_id" not in roles and not all(r in roles for r in ("hole_id", *DEPTH_ROLES)):
        cells = [c.header for c in layout.columns]
        candidates = [c.header for c in layout.columns if c.role == "other"]
        example = next(iter(closest_cells(candidates, "sample_id")), candidates[0] if candidates else "<column>")
        raise TailingsInputError(
            "No sample id column in the header (expected e.g. 'Sample ID', 'Prøve-ID', 'Smp_No', or HoleID + "
            'From + To). {0}. Name the column with FIELD_MAP, e.g. FIELD_MAP="sample_id={1}"',
            seen_and_closest(cells, "sample_id"), example, file=path.name, sheet=sheet, row=header_row)
    if "sample_id" not in roles:
        layout.notes.append(Message("no sample id column: each sample's id is its drill-hole interval "
                                    "(<hole>_<from>-<to>, e.g. DH01_12.0-13.5)"))
    if roles.count("sample_id") > 1:
        extra = [c for c in layout.columns if c.role == "sample_id"][1:]
        for column in extra:
            column.role = "other"
            layout.notes.append(Message("column {0!r} also looks like a sample id; the first one is used",
                                        column.header))
    for role in ("deposit", "sample_type", "hole_id", *NUMERIC_ROLES):
        same = [c for c in layout.columns if c.role == role]
        for column in same[1:]:
            column.role = "other"
            layout.notes.append(Message("column {0!r}: second {1} column, carried as text", column.header, role))
    # Output names: first column of an element gets <el>, later ones <el>..._2, _3 (duplicate
    # or method-variant columns; logged).
    seen: dict[str, int] = {}
    used_names: set[str] = set()
    for column in layout.columns:
        if column.role == "element":
            base = column.element.lower()
        elif column.role == "oxide":
            base = column.oxide.formula.lower()
        else:
            continue
        seen[base] = seen.get(base, 0) + 1
        column.name = base if seen[base] == 1 else f"{base}#{seen[base]}"
        if seen[base] > 1:
            layout.notes.append(Message("column {0!r} repeats {1}; its fields get the suffix _{2}", column.header,
                                        base, seen[base]))
        used_names.add(column.name)
    for column in layout.columns:
        if column.role in ("other", "hole_id", *DEPTH_ROLES):
            name = snake(column.header)
            while name in used_names or name.endswith(("_ppm", "_pct", "_flag", "_dl")) or name in (
                    "sample_id", "deposit_id", "sample_kind", "x", "y", "src_file", "src_sheet", "src_row",
                    "src_hash", "tree_ppm", "link_method", "src_deposit", "sample_warning"):
                name = f"{name}_src"
            column.name = name
            used_names.add(name)


def _read_chunk(frame: pd.DataFrame, row_numbers: np.ndarray, layout: HeaderLayout, decimal_comma: bool,
                acc: _Accumulator) -> None:
    if frame.empty:
        return
    width = len(layout.columns)
    if frame.shape[1] < width:
        frame = frame.reindex(columns=range(width))
    # Parse every column of the chunk first; a row is blank when no column found anything.
    n = len(frame)
    non_blank = np.zeros(n, dtype=bool)
    usable_any = np.zeros(n, dtype=bool)
    no_id = np.zeros(n, dtype=bool)
    analytes: dict[int, ParsedCells] = {}
    coords: dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
    texts: dict[int, np.ndarray] = {}
    for column in layout.columns:
        cells = frame[column.index]
        if column.role in ("element", "oxide"):
            out_per_ppm = 1.0 if column.role == "element" else 1e-4
            parsed = parse_cells(cells, out_per_ppm, column.unit or "ppm", decimal_comma)
            analytes[column.index] = parsed
            non_blank |= parsed.code != EMPTY
            usable_any |= np.isin(parsed.code, (NUMBER, CENSORED, OVER_RANGE, SENTINEL_CANDIDATE))
        elif column.role in NUMERIC_ROLES:
            values, bad, raw = parse_plain_numbers(cells, decimal_comma)
            coords[column.index] = (values, bad, raw)
            non_blank |= np.isfinite(values) | bad
        elif column.role in (*KEY_ROLES, "other"):
            values = text_values(cells)
            texts[column.index] = values
            filled = pd.notna(values)
            non_blank |= filled
            if column.role == "sample_id":
                no_id = ~filled
        else:  # a column without a header: its cells only make a row non-blank
            non_blank |= (cells.notna() & cells.ne("")).to_numpy(dtype=bool)
    acc.blank_row_numbers.append(row_numbers[~non_blank])
    if not non_blank.any():
        return
    keep = None if non_blank.all() else non_blank
    if keep is not None:
        # A bad coordinate cell makes its row non-blank, so the raw texts of bad cells all stay.
        coords = {i: (v[keep], b[keep], r) for i, (v, b, r) in coords.items()}
        analytes = {i: p.take(keep) for i, p in analytes.items()}
        texts = {i: t[keep] for i, t in texts.items()}
        usable_any, no_id = usable_any[keep], no_id[keep]
        frame, row_numbers = frame[keep].reset_index(drop=True), row_numbers[keep]
    acc.row_numbers.append(row_numbers)
    for i, parsed in analytes.items():
        acc.analytes.setdefault(i, []).append(parsed)
    for i, triple in coords.items():
        acc.coords.setdefault(i, []).append(triple)
    for i, values in texts.items():
        acc.text.setdefault(i, []).append(values)
    may_be_rejected = no_id | ~usable_any
    if may_be_rejected.any():
        # The raw row of a likely reject, for the REJECTS output ("Header=value; ...").
        headers = [c.header or f"column {c.index + 1}" for c in layout.columns]
        rows = frame.loc[may_be_rejected, [c.index for c in layout.columns]]
        lines = ["; ".join(f"{h}={_cell_text(v)}" for h, v in zip(headers, row)
                           if v is not None and not (isinstance(v, float) and np.isnan(v)) and v != "")
                 for row in rows.itertuples(index=False, name=None)]
        acc.suspect_rows.append(row_numbers[may_be_rejected])
        acc.suspect_text.append(np.array(lines, dtype=object))


def _shared_text(values: np.ndarray) -> np.ndarray:
    """The same texts with one str object per distinct value: a parser makes a new str for every
    cell, so a deposit id repeated on 10 rows was held 10 times (50 MB per million rows)."""
    if values.dtype != object or not len(values):
        return values
    codes, uniques = pd.factorize(values)
    shared = np.empty(len(uniques) + 1, dtype=object)  # the last entry (None) is for code −1 (NULL)
    shared[:-1] = uniques
    return shared[codes]


def _assemble(path: Path, sheet: str, sheets: list[str], engine: str, header_row: int, layout: HeaderLayout,
              acc: _Accumulator, options: ImportOptions, notes: list[str],
              certified: pd.DataFrame | None) -> AssayImport:
    file_name = path.name
    src_hash = file_sha256(path)
    warnings = [w for w in (layout.assumed_units(),) if w]
    rows = np.concatenate(acc.row_numbers) if acc.row_numbers else np.array([], dtype=np.int64)
    n = len(rows)
    # Blank rows between data rows are counted; trailing ones are not (engines differ on
    # whether a row without cells after the data exists at all).
    blank = np.concatenate(acc.blank_row_numbers) if acc.blank_row_numbers else np.array([], dtype=np.int64)
    blank_rows = int((blank < rows.max()).sum()) if n else 0
    by_role = {c.role: c for c in layout.columns if c.role in (*KEY_ROLES, *NUMERIC_ROLES)}

    def text_of(column: Column | None) -> np.ndarray:
        if column is None:
            return np.full(n, None, dtype=object)
        parts = acc.text.get(column.index, [])
        return np.concatenate(parts) if parts else np.full(n, None, dtype=object)

    issues: list[pd.DataFrame] = []
    if "sample_id" in by_role:
        sample_id = text_of(by_role.get("sample_id"))
    else:
        sample_id = _interval_ids(text_of(by_role["hole_id"]), *(by_role[r] for r in DEPTH_ROLES), acc)
    action = "depth set to NULL" if "sample_id" in by_role else "no interval id: row rejected"
    for column in (by_role[r] for r in DEPTH_ROLES if r in by_role):
        bad, raw = (np.concatenate([p[i] for p in acc.coords[column.index]]) for i in (1, 2))
        issues.append(_cells_frame(file_name, sheet, rows, sample_id, column.header, bad, raw, "not a depth", action))
    sheet_deposit = text_of(by_role.get("deposit"))
    sample_type = text_of(by_role.get("sample_type"))

    usable_any = np.zeros(n, dtype=bool)
    analyte_blocks: dict[str, np.ndarray] = {}
    elements_present: list[str] = []
    derived_from_oxide: list[tuple[Column, object]] = []
    analyte_columns = [c for c in layout.columns if c.role in ("element", "oxide")]
    for done_columns, column in enumerate(analyte_columns, start=1):
        parsed = ParsedCells.concat(acc.analytes.get(column.index, []))
        max_value = 1e6 if column.role == "element" else 100.0
        done = finalise(parsed, options.censored_substitution, max_value)
        notes.extend(Message("column {0!r}: {1}", column.header, note) for note in done.notes)
        usable_any |= done.usable
        _assembled(options, 0.4 * done_columns / len(analyte_columns))
        issues.append(_issue_frame(file_name, sheet, rows, sample_id, column.header, done))
        base, _, repeat = column.name.partition("#")
        suffix = f"_{repeat}" if repeat else ""
        if column.role == "element":
            analyte_blocks[f"{base}_ppm{suffix}"] = done.value
            analyte_blocks[f"{base}_flag{suffix}"] = done.flag
            analyte_blocks[f"{base}_dl{suffix}"] = done.dl
            if not repeat:
                elements_present.append(base)
        else:
            analyte_blocks[f"{base}_pct{suffix}"] = done.value
            analyte_blocks[f"{base}_flag{suffix}"] = done.flag
            if not repeat:
                derived_from_oxide.append((column, done))
    direct = {c.element.lower() for c in analyte_columns if c.role == "element"}
    for column, done in derived_from_oxide:
        element = column.element.lower()
        if element in direct or element in elements_present:
            continue
        factor = 1e4 * column.oxide.element_fraction  # wt % oxide → ppm element
        analyte_blocks[f"{element}_ppm"] = done.value * factor
        analyte_blocks[f"{element}_flag"] = done.flag
        analyte_blocks[f"{element}_dl"] = done.dl * factor
        elements_present.append(element)
        notes.append(Message("{0}_ppm computed from {1!r} ({2} × {3:.4f} × 10 000)", element, column.header,
                             column.oxide.formula, column.oxide.element_fraction))
    tree_elements = [e for e in REE_ELEMENTS if e in elements_present]
    if tree_elements:
        ree_values = np.column_stack([analyte_blocks[f"{e}_ppm"] for e in tree_elements])
        ree_flags = np.column_stack([analyte_blocks[f"{e}_flag"] for e in tree_elements])
        # Total REE only where every REE column present has a value: a sum with holes
        # would understate the total. Censored parts enter with their substituted value.
        incomplete = ~np.isfinite(ree_values).all(axis=1)
        analyte_blocks["tree_ppm"] = np.where(incomplete, np.nan, np.nansum(ree_values, axis=1))
        tree_flag = np.full(n, None, dtype=object)
        tree_flag[(ree_flags == "censored").any(axis=1)] = "censored"
        tree_flag[incomplete] = "invalid"
        analyte_blocks["tree_flag"] = tree_flag
        notes.append(Message("tree_ppm = sum of {0} ({1} of 15 REE present)",
                             ", ".join(e.capitalize() for e in tree_elements), len(tree_elements)))

    # Row decisions.
    no_id = pd.isna(sample_id)
    kinds = classify_kinds(pd.Series(sample_id, dtype=object),
                           pd.Series(sample_type, dtype=object) if "sample_type" in by_role else None)
    reason = np.full(n, None, dtype=object)
    reason[~usable_any] = "no usable assay value (cells empty, text or no-data codes)"
    reason[no_id] = "no sample id"
    label_row = _label_rows(sample_id, non_sample_labels())
    reason[label_row] = "a detection-limit, units or method row, not a sample"
    _assembled(options, 0.5)
    if acc.row_problems:
        problem = pd.Series(rows).map(acc.row_problems).to_numpy(dtype=object)
        reason = np.where(pd.notna(problem), problem, reason)
    rejected = pd.notna(reason)

    # Location, and the CRS checked against the data (core.assays.linkage).
    is_sample = ~rejected & (kinds == "sample")
    x, y, source_crs_text, located, link, linkage = _locate(file_name, sheet, rows, sample_id, sheet_deposit,
                                                            by_role, layout, acc, options, is_sample, issues,
                                                            notes, warnings)
    _assembled(options, 0.8)

    # Build the frame in one go (assigning column by column would re-consolidate blocks).
    columns: dict[str, object] = {"sample_id": sample_id, "deposit_id": link.deposit_id, "sample_kind": kinds,
                                  "link_method": link.method, "src_deposit": _shared_text(sheet_deposit)}
    columns.update(analyte_blocks)
    for column in layout.columns:
        if column.role in ("other", "hole_id") and column.header:
            columns[column.name] = text_of(column)
        elif column.role in DEPTH_ROLES:  # drill-hole depths kept as numbers, under their own names
            columns[column.name] = np.concatenate([p[0] for p in acc.coords[column.index]])
    columns.update({"sample_warning": np.full(n, None, dtype=object), "src_file": file_name, "src_sheet": sheet,
                    "src_row": rows.astype(np.int64), "src_hash": src_hash, "x": x, "y": y})
    frame = pd.DataFrame(columns, copy=False)

    # Duplicate sample ids among accepted samples: kept, flagged, and listed.
    accepted_sample = ~rejected & (kinds == "sample")
    ids = frame["sample_id"].where(accepted_sample)
    repeated = ids.notna() & ids.duplicated(keep=False)
    if repeated.any():
        # At most a few row numbers per id: one id repeated on every row must not make a
        # warning of every row number on every row (quadratic memory).
        rows_by_id = frame.loc[repeated].groupby("sample_id")["src_row"].agg(
            lambda r: ", ".join(map(str, r.iloc[:5])) + (f", ... {len(r):,} rows in all" if len(r) > 5 else ""))
        warning = "duplicate sample_id (rows " + frame.loc[repeated, "sample_id"].map(rows_by_id) + ")"
        frame.loc[repeated, "sample_warning"] = warning
        issues.append(pd.DataFrame({
            "src_file": file_name, "src_sheet": sheet, "src_row": frame.loc[repeated, "src_row"].to_numpy(),
            "sample_id": frame.loc[repeated, "sample_id"].to_numpy(), "column": by_role["sample_id"].header,
            "value": frame.loc[repeated, "sample_id"].to_numpy(), "reject_reason": warning.to_numpy(),
            "action": "row kept, flagged in sample_warning"}))
        notes.append(Message("{0} samples share a sample_id with another row (kept, flagged)", int(repeated.sum())))

    _assembled(options, 0.9)
    suspect_rows = np.concatenate(acc.suspect_rows) if acc.suspect_rows else np.array([], dtype=np.int64)
    suspect_text = np.concatenate(acc.suspect_text) if acc.suspect_text else np.array([], dtype=object)
    raw_by_row = pd.Series(suspect_text, index=suspect_rows, dtype=object)
    raw_by_row = raw_by_row[~raw_by_row.index.duplicated()]
    rejects = pd.DataFrame({
        "src_file": file_name, "src_sheet": sheet, "src_row": rows[rejected].astype(np.int64),
        "sample_id": sample_id[rejected], "column": None, "value": None, "reject_reason": reason[rejected],
        "raw_values": raw_by_row.reindex(rows[rejected]).to_numpy(dtype=object),
    }, columns=REJECT_COLUMNS)
    is_sample = ~rejected & (kinds == "sample")
    is_qaqc = ~rejected & (kinds != "sample")
    # Usually (almost) every row is a sample: avoid copying the whole frame for nothing.
    samples = frame if is_sample.all() else frame[is_sample].reset_index(drop=True)
    qaqc = frame.iloc[:0] if not is_qaqc.any() else frame[is_qaqc].reset_index(drop=True)
    cell_issues = pd.concat([i for i in issues if len(i)], ignore_index=True) if any(len(i) for i in issues) \
        else pd.DataFrame(columns=CELL_ISSUE_COLUMNS)
    cell_issues = cell_issues[CELL_ISSUE_COLUMNS].sort_values("src_row", kind="stable").reset_index(drop=True)
    summary = summarise(qaqc, samples, elements_present, certified)
    unlinked = int(samples["deposit_id"].isna().sum())
    notes.append(Message("{0} samples, {1} not linked to a deposit", len(samples), unlinked))
    if len(qaqc):
        notes.append(Message("QA/QC rows: {0}", ", ".join(f"{k} {v}" for k, v in summary.counts.items())))
    result = AssayImport(samples, qaqc, rejects, cell_issues, file_name, sheet, sheets, engine, header_row, n,
                         blank_rows, elements_present, tree_elements, located, source_crs_text, summary, notes,
                         src_hash, warnings, linkage, layout.columns)
    if not result.counts_add_up:  # an internal error, never a user's
        raise AssertionError(f"row accounting failed: {n} != {len(samples)} + {len(qaqc)} + {len(rejects)}")
    return result


def _assembled(options: ImportOptions, share: float) -> None:
    """The assembly's seams: a cancel check and its progress (the read reports rows, this the rest)."""
    if options.cancel is not None:
        options.cancel()
    if options.assembly_progress is not None:
        options.assembly_progress(share)


def _label_rows(sample_id: np.ndarray, labels: frozenset[str] | set[str]) -> np.ndarray:
    """Rows whose id cell is a label ("Detection limit", "Units", …), not a sample id.

    Folding keeps digits, so while no label has a digit, an id with a digit (nearly every
    real one) cannot be a label: only the rest is folded, which keeps a million-row file
    from paying a Python call per row.
    """
    ids = pd.Series(sample_id, dtype=object)
    candidates = ids.notna().to_numpy(bool)
    if not any(ch.isdigit() for label in labels for ch in label):
        candidates &= ~contains(ids.astype(str), r"\d")
    out = np.zeros(len(ids), dtype=bool)
    out[candidates] = ids[candidates].map(lambda v: fold(v) in labels).to_numpy(bool)
    return out


def _interval_ids(holes: np.ndarray, start: Column, end: Column, acc: _Accumulator) -> np.ndarray:
    """``DH01_12.0-13.5``: one id per drill-hole interval (None where hole or depth is missing)."""
    depth_from, depth_to = (np.concatenate([p[0] for p in acc.coords[c.index]]) for c in (start, end))
    ok = pd.notna(holes) & np.isfinite(depth_from) & np.isfinite(depth_to)
    out = np.full(len(holes), None, dtype=object)
    if ok.any():
        # One decimal at least (12.0), more where the depth has them (12.25).
        text = [pd.Series(d[ok]).map(lambda v: f"{v:.1f}" if round(v, 1) == v else f"{v:g}") for d in
                (depth_from, depth_to)]
        out[ok] = (pd.Series(holes[ok], dtype=object).astype(str) + "_" + text[0].to_numpy(dtype=object)
                   + "-" + text[1].to_numpy(dtype=object)).to_numpy(dtype=object)
    return out


def _locate(file_name: str, sheet: str, rows: np.ndarray, sample_id: np.ndarray, sheet_deposit: np.ndarray,
            by_role: dict[str, Column], layout: HeaderLayout, acc: _Accumulator, options: ImportOptions,
            is_sample: np.ndarray, issues: list[pd.DataFrame], notes: list[str], warnings: list[str]):
    """(x, y, source CRS, located, link, linkage) of the samples; bad coordinates go to ``issues``."""
    n = len(rows)
    deposits_ids = pd.Series(sheet_deposit, dtype=object)
    if "latitude" in by_role and "longitude" in by_role:
        kind, x_col, y_col = "latlon", by_role["longitude"], by_role["latitude"]
    elif "easting" in by_role and "northing" in by_role:
        kind, x_col, y_col = "utm", by_role["easting"], by_role["northing"]
    else:
        link = link_to_deposits(deposits_ids, np.full(n, np.nan), np.full(n, np.nan), options.deposits)
        notes.extend(link.notes)
        linkage = None
        if options.deposits is not None:
            linked = int((pd.notna(link.deposit_id) & is_sample).sum())
            linkage = LinkageDiagnosis(linked, int(is_sample.sum()), None, by_id=linked)
        return np.full(n, np.nan), np.full(n, np.nan), None, False, link, linkage
    sx, sy = (np.concatenate([p[0] for p in acc.coords[c.index]]) for c in (x_col, y_col))
    for col in (x_col, y_col):
        bad, raw = (np.concatenate([p[i] for p in acc.coords[col.index]]) for i in (1, 2))
        issues.append(_cells_frame(file_name, sheet, rows, sample_id, col.header, bad, raw,
                                   "not a coordinate", "location set to NULL"))
    pair = f"{x_col.header}/{y_col.header}"
    missing_half = np.isfinite(sx) ^ np.isfinite(sy)
    if missing_half.any():
        issues.append(_cells_frame(file_name, sheet, rows, sample_id, pair, missing_half, _pairs(sx, sy, missing_half),
                                   "only one of the two coordinates given", "location set to NULL"))
        sx[missing_half], sy[missing_half] = np.nan, np.nan
    try:
        placed = place_samples(kind, sx, sy, [*x_col.crs_hints, *y_col.crs_hints], layout.sheet_hints,
                               options.source_crs, options.target_crs, deposits_ids, options.deposits, is_sample)
    except TailingsInputError as err:
        raise _with_place(err, file=file_name, sheet=sheet) from None
    notes.append(Message("coordinates: {0!r}/{1!r} in {2} ({3}), reprojected to {4}", x_col.header, y_col.header,
                         placed.source_crs, placed.reason, options.target_crs))
    notes.extend(placed.notes)
    notes.extend(placed.link.notes)
    warnings.extend(placed.warnings)
    if placed.outside.any():
        issues.append(_cells_frame(file_name, sheet, rows, sample_id, pair, placed.outside,
                                   _pairs(sx, sy, placed.outside),
                                   f"coordinates outside the area of use of {placed.source_crs}",
                                   "location set to NULL"))
    return placed.x, placed.y, placed.source_crs, True, placed.link, placed.diagnosis


def _pairs(sx: np.ndarray, sy: np.ndarray, mask: np.ndarray) -> np.ndarray:
    return np.array([f"{a:.15g}/{b:.15g}" for a, b in zip(sx[mask], sy[mask])], dtype=object)


def _issue_frame(file_name: str, sheet: str, rows: np.ndarray, sample_id: np.ndarray, header: str,
                 done) -> pd.DataFrame:
    positions = done.issue_positions
    action = np.where(pd.isna(done.value[positions]), "row kept, value set to NULL", "row kept, value converted")
    return pd.DataFrame({
        "src_file": file_name, "src_sheet": sheet, "src_row": rows[positions].astype(np.int64),
        "sample_id": sample_id[positions], "column": header, "value": done.issue_raw,
        "reject_reason": done.issue_reasons, "action": action}, columns=CELL_ISSUE_COLUMNS)


def _cells_frame(file_name: str, sheet: str, rows: np.ndarray, sample_id: np.ndarray, header: str,
                 mask: np.ndarray, values: np.ndarray, reason: str, action: str) -> pd.DataFrame:
    """Issue rows for the cells in ``mask``; ``values`` holds their raw text, in mask order."""
    return pd.DataFrame({
        "src_file": file_name, "src_sheet": sheet, "src_row": rows[mask].astype(np.int64),
        "sample_id": sample_id[mask], "column": header, "value": values, "reject_reason": reason,
        "action": action}, columns=CELL_ISSUE_COLUMNS)



def _cell_text(value: object) -> str:
    """A raw cell as text, the same for every engine (1001.0 and 1001 → "1001")."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, float):
        return f"{value:.15g}"
    return str(value)


def _with_place(err: TailingsInputError, **where) -> TailingsInputError:
    """The same error (its template extracted where it was raised), also naming the file (and sheet)."""
    return TailingsInputError(err.text, column=err.column, value=err.value, **where)  # i18n: texts extracted


def _no_analytes(frame: pd.DataFrame, row_numbers: np.ndarray, path: Path, sheet: str) -> TailingsInputError:
    return TailingsInputError(
        "No element or oxide columns found in the first rows (expected headers such as Co_ppm, Cu %, Fe2O3, or "
        "element names with a units row). {0}", _field_map_hint(frame, row_numbers), file=path.name, sheet=sheet)


def _field_map_hint(frame: pd.DataFrame, row_numbers: np.ndarray) -> str:
    """The most header-like row's cells, and how to name element columns with FIELD_MAP."""
    rows = frame.head(60).astype(object).where(frame.head(60).notna(), None).values.tolist()
    texts = [sum(isinstance(c, str) and bool(c.strip()) for c in r) for r in rows]
    best = int(np.argmax(texts)) if texts else 0
    cells = [clean_header(c) for c in rows[best]] if rows else []
    example = next((c for c in reversed(cells) if c), "<column>")
    return Message('{0} (row {1}). Name the element columns with FIELD_MAP, e.g. FIELD_MAP="co={2}:ppm"',
                   seen_and_closest(cells, "element"), int(row_numbers[best]), example)
