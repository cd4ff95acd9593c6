"""Pre-flight of a pipeline run (``tailingsunfc:checkinputs``): what the run would guess and do,
as a report, before anything is written.

Every step is the run's own code: deposits through ``core.deposits.import_deposits``, assay
files through ``core.pipeline.import_assay_file`` (same options: ASSAY_FIELD_MAP, ASSAY_CRS),
the proxy models the run would train (``core.pipeline.planned_models``, fitted in a scratch
folder that is deleted) and the estimator's per-deposit choice of method
(``core.estimation.estimate_deposits`` with few Monte Carlo draws: only the method is read).
"""
from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .atomic_file import write_text
from .deposits import import_deposits, parse_field_map
from .errors import TailingsInputError
from .estimation import EstimateSettings, estimate_deposits
from .message import Message, Translate, joined, translated
from .pipeline import AssayFile, PipelineSettings, import_assay_file, linkage_message, planned_models, stack_frames
from .report_style import untranslated
from .run_summary import listed
from .schema import COMMODITIES, ESTIMATE_METHODS, REJECT_REASON_FIELD

# Monte Carlo draws of the pre-flight estimate: the method per deposit does not depend on them.
PREFLIGHT_ITERATIONS = 100
# Most frequent reject reasons shown per input.
TOP_REASONS = 5


@dataclass
class DepositLayer:
    name: str
    frame: pd.DataFrame          # source attributes, _fid and WKB geometry in the run's CRS


@dataclass
class PreflightReport:
    sections: list[tuple[str, list[str]]] = field(default_factory=list)
    plan: pd.DataFrame = field(default_factory=pd.DataFrame)   # deposit_id, <c>_method, n_samples

    def add(self, title: str, lines: list[str]) -> None:
        self.sections.append((title, lines))

    def text(self, tr: Translate = untranslated) -> str:
        """The report in the language of ``tr`` (its lines are Messages; data lines stay as they are)."""
        out = [tr("Tailings UNFC pre-flight (checkinputs): nothing was written but this report."), ""]
        for title, lines in self.sections:
            shown = translated(title, tr)
            out += [shown, "=" * len(shown), *(translated(line, tr) for line in lines), ""]
        return "\n".join(out) + "\n"

    def write(self, path: str | Path, tr: Translate = untranslated) -> Path:
        """Text, or HTML when the name ends in .html/.htm; written atomically."""
        target = Path(path)
        text = self.text(tr)
        if target.suffix.lower() in (".html", ".htm"):
            title = html.escape(tr("Tailings UNFC pre-flight"))
            text = (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head>"
                    f"<body><pre>{html.escape(text)}</pre></body></html>\n")
        return write_text(target, text)


def _reason_counts(rejects: pd.DataFrame, column: str = REJECT_REASON_FIELD.name) -> list[str]:
    if rejects.empty or column not in rejects.columns:
        return []
    counts = rejects[column].astype(str).value_counts().head(TOP_REASONS)
    return [f"    {n} × {reason}" for reason, n in counts.items()]  # reasons are data (the REJECTS field)


def _deposit_section(layer: DepositLayer, field_map: dict[str, str]) -> tuple[pd.DataFrame, list[str]]:
    result = import_deposits(layer.frame, field_map=field_map, source_name=layer.name)
    mapping = result.mapping
    lines = [Message("{0}: {1} features read = {2} accepted + {3} rejected", layer.name, len(layer.frame),
                     len(result.deposits), len(result.rejects)),
             Message("  deposit_id from {0}", result.id_description), Message("  field mapping:")]
    lines += [Message("    {0}", line) for line in mapping.describe()]
    for canonical, alternatives in mapping.alternatives.items():
        lines.append(Message("  alternatives for {0}: {1}", canonical, joined(alternatives, "; ")))
    for source, options in mapping.ambiguous.items():
        lines.append(Message("  ambiguous (not mapped): {0} could be {1}", source, ", ".join(options)))
    unmapped = [s for s in mapping.source_fields if s not in mapping.mapped_sources]
    if unmapped:
        lines.append(Message("  carried unchanged: {0}", listed(unmapped)))
    lines += [Message("  warning: {0}", w) for w in result.warnings]
    if len(result.rejects):
        lines += [Message("  reject reasons:"), *_reason_counts(result.rejects)]
    return result.deposits, lines


def _assay_section(done: AssayFile) -> list[str]:
    result, samples = done.result, done.samples
    name = Path(result.file).name
    read = Message("{0} (sheet {1!r}, header row {2}): {3} rows read = {4} samples + {5} QA/QC rows + {6} rejected",
                   name, result.sheet, result.header_row, result.rows_read, len(result.samples), len(result.qaqc),
                   len(result.rejects))
    lines = [Message("{0} (proxy-only: Co and REE readings not used)", read) if done.proxy_only else read]
    lines += [Message("  column mapping chosen, with the unit of each element and where it was read (and the "
                      "sample-id alternatives):"), *[Message("    {0}", m) for m in result.mapping_lines()]]
    lines += [Message("  import notes:"), *[Message("    {0}", n) for n in result.notes]]
    lines += [Message("  warning: {0}", w) for w in result.warnings]
    lines.append(_linkage_line(done))
    diagnosis = linkage_message(result)
    if diagnosis:
        lines.append(Message("  linkage: {0}", diagnosis))
    flags = [c for c in samples.columns if c.endswith("_flag")]
    counts = [f"{c.removesuffix('_flag')}: " + ", ".join(f"{k} {v}" for k, v in samples[c].value_counts().items())
              for c in flags if samples[c].notna().any()]  # element and flag names: data
    lines += [Message("  flagged values (censored, over_range, sentinel, invalid):"),
              *[Message("    {0}", c) for c in counts or [Message("none")]]]
    issues = result.cell_issues
    if len(issues) and "column" in issues.columns:
        lines += [Message("  problem cells per column:"),
                  *[f"    {col}: {n}" for col, n in issues["column"].astype(str).value_counts().items()]]
    kinds = ", ".join(f"{v} {k}" for k, v in result.qaqc_summary.counts.items())
    lines.append(Message("  QA/QC rows: {0}", kinds or Message("none")))
    if len(result.rejects):
        lines += [Message("  reject reasons:"), *_reason_counts(result.rejects)]
    return lines


def _linkage_line(done: AssayFile) -> Message:
    result, total = done.result, len(done.samples)
    crs = result.source_crs if result.located else Message("no coordinates")
    if not total:
        return Message("  CRS of the coordinates: {0}; linked: {1} of {2} samples", crs, done.linked, total)
    return Message("  CRS of the coordinates: {0}; linked: {1} of {2} samples ({3:.0%})", crs, done.linked, total,
                   done.linked / total)


def _plan(deposits: pd.DataFrame, samples: pd.DataFrame, settings: PipelineSettings,
          log: Callable[[str], None], cancel: Callable[[], None] | None) -> tuple[pd.DataFrame, list[str]]:
    """Per deposit and commodity, the method the run's estimator would choose."""
    models = planned_models(samples, settings, log, cancel) if settings.train_models else {}
    estimate = estimate_deposits(deposits, samples, models,
                                 EstimateSettings(seed=settings.seed, iterations=PREFLIGHT_ITERATIONS), cancel=cancel)
    frame = estimate.frame
    linked = samples["deposit_id"].astype("string").value_counts() if len(samples) else pd.Series(dtype=int)
    plan = pd.DataFrame({"deposit_id": frame["deposit_id"].astype(str).to_numpy()})
    for c in COMMODITIES:
        plan[f"{c}_method"] = frame[f"{c}_method"].fillna("none").to_numpy()
    plan["n_samples"] = plan["deposit_id"].map(linked).fillna(0).astype(int).to_numpy()
    trained = [Message("{0} from {1}", c, ", ".join(m.metadata["predictors"])) for c, m in models.items()]
    lines = [Message("proxy models the run would train: {0}", _joined(trained) if trained else Message("none"))]
    for c in COMMODITIES:
        counts = plan[f"{c}_method"].value_counts()
        lines.append(f"{c}: " + ", ".join(f"{m} {int(counts.get(m, 0))}" for m in ESTIMATE_METHODS))  # method ids
    estimated = (plan[[f"{c}_method" for c in COMMODITIES]] != "none").any(axis=1)
    lines.append(Message("deposits with an estimate for at least one commodity: {0} of {1}", int(estimated.sum()),
                         len(plan)))
    lines += ["", Message("deposit_id | {0} | linked samples", " | ".join(COMMODITIES))]
    lines += [" | ".join([row.deposit_id, *(getattr(row, f"{c}_method") for c in COMMODITIES), str(row.n_samples)])
              for row in plan.itertuples(index=False)]
    return plan, lines


def check_inputs(layers: Sequence[DepositLayer], settings: PipelineSettings, deposit_field_map: str | None = None,
                 *, log: Callable[[str], None] = print,
                 cancel: Callable[[], None] | None = None) -> PreflightReport:
    """The pre-flight report for the run's inputs; raises TailingsInputError where the run would."""
    if not settings.assay_files and not settings.proxy_files:
        raise TailingsInputError("No assay file given (ASSAYS or PROXY_ASSAYS)")
    for path in (*settings.assay_files, *settings.proxy_files):
        if not Path(path).is_file():
            raise TailingsInputError("The file does not exist", file=str(path))
    report = PreflightReport()
    field_map = parse_field_map(deposit_field_map)
    frames, lines = [], []
    for layer in layers:
        accepted, layer_lines = _deposit_section(layer, field_map)
        frames.append(accepted)
        lines += layer_lines
    deposits = pd.concat(frames, ignore_index=True, sort=False) if len(frames) > 1 else frames[0]
    repeated = deposits["deposit_id"][deposits["deposit_id"].duplicated()]
    if len(repeated):
        lines.append(Message("ERROR: {0} deposit id(s) occur in more than one layer, e.g. {1!r}; the run would stop",
                             len(repeated), repeated.iloc[0]))
    report.add(Message("Deposits"), lines)

    jobs = [(p, False) for p in settings.assay_files] + [(p, True) for p in settings.proxy_files]
    files, lines = [], []
    for path, proxy_only in jobs:
        done = import_assay_file(path, proxy_only, settings, deposits, log, cancel, None)
        files.append(done)
        lines += [*_assay_section(done), ""]
    report.add(Message("Assay files"), lines)
    samples = stack_frames([f.samples for f in files])
    linked = sum(f.linked for f in files)
    if linked == 0 or len(repeated):
        why = (Message("no sample links to any deposit: the run would fail (see the linkage lines above)")
               if linked == 0 else Message("deposit ids repeat across layers: the run would fail"))
        report.add(Message("What the run would do"), [why])
        return report
    report.plan, lines = _plan(deposits.drop_duplicates("deposit_id"), samples, settings, log, cancel)
    report.add(Message("What the run would do (per deposit: measured / regression / analogue / none)"), lines)
    return report


def _joined(items: list[Message]) -> Message:
    """``a, b, c`` of Messages, kept translatable (each one is a parameter)."""
    template = ", ".join(f"{{{i}}}" for i in range(len(items)))
    return Message(template, *items)  # i18n: texts extracted from the items (the template has no words)
