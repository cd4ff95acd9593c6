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
from .pipeline import AssayFile, PipelineSettings, import_assay_file, linkage_message, planned_models, stack_frames
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

    def text(self) -> str:
        out = ["Tailings UNFC pre-flight (checkinputs): nothing was written but this report.", ""]
        for title, lines in self.sections:
            out += [title, "=" * len(title), *lines, ""]
        return "\n".join(out) + "\n"

    def write(self, path: str | Path) -> Path:
        """Text, or HTML when the name ends in .html/.htm; written atomically."""
        target = Path(path)
        text = self.text()
        if target.suffix.lower() in (".html", ".htm"):
            text = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>Tailings UNFC pre-flight</title>"
                    f"</head><body><pre>{html.escape(text)}</pre></body></html>\n")
        return write_text(target, text)


def _reason_counts(rejects: pd.DataFrame, column: str = REJECT_REASON_FIELD.name) -> list[str]:
    if rejects.empty or column not in rejects.columns:
        return []
    counts = rejects[column].astype(str).value_counts().head(TOP_REASONS)
    return [f"    {n} × {reason}" for reason, n in counts.items()]


def _deposit_section(layer: DepositLayer, field_map: dict[str, str]) -> tuple[pd.DataFrame, list[str]]:
    result = import_deposits(layer.frame, field_map=field_map, source_name=layer.name)
    mapping = result.mapping
    lines = [f"{layer.name}: {len(layer.frame)} features read = {len(result.deposits)} accepted + "
             f"{len(result.rejects)} rejected", f"  deposit_id from {result.id_description}", "  field mapping:"]
    lines += [f"    {line}" for line in mapping.describe()]
    for canonical, alternatives in mapping.alternatives.items():
        lines.append(f"  alternatives for {canonical}: {'; '.join(alternatives)}")
    for source, options in mapping.ambiguous.items():
        lines.append(f"  ambiguous (not mapped): {source} could be {', '.join(options)}")
    unmapped = [s for s in mapping.source_fields if s not in mapping.mapped_sources]
    if unmapped:
        lines.append(f"  carried unchanged: {listed(unmapped)}")
    lines += [f"  warning: {w}" for w in result.warnings]
    if len(result.rejects):
        lines += ["  reject reasons:", *_reason_counts(result.rejects)]
    return result.deposits, lines


def _assay_section(done: AssayFile) -> list[str]:
    result, samples = done.result, done.samples
    name = Path(result.file).name
    lines = [f"{name} (sheet {result.sheet!r}, header row {result.header_row}): {result.rows_read} rows read = "
             f"{len(result.samples)} samples + {len(result.qaqc)} QA/QC rows + {len(result.rejects)} rejected"
             + (" (proxy-only: Co and REE readings not used)" if done.proxy_only else "")]
    lines += ["  column mapping chosen, with the unit of each element and where it was read (and the "
              "sample-id alternatives):", *[f"    {m}" for m in result.mapping_lines()]]
    lines += ["  import notes:", *[f"    {n}" for n in result.notes]]
    lines += [f"  warning: {w}" for w in result.warnings]
    crs = result.source_crs if result.located else "no coordinates"
    lines.append(f"  CRS of the coordinates: {crs}; linked: {done.linked} of {len(samples)} samples"
                 + (f" ({done.linked / len(samples):.0%})" if len(samples) else ""))
    diagnosis = linkage_message(result)
    if diagnosis:
        lines.append(f"  linkage: {diagnosis}")
    flags = [c for c in samples.columns if c.endswith("_flag")]
    counts = [f"{c.removesuffix('_flag')}: " + ", ".join(f"{k} {v}" for k, v in samples[c].value_counts().items())
              for c in flags if samples[c].notna().any()]
    lines += ["  flagged values (censored, over_range, sentinel, invalid):", *[f"    {c}" for c in counts or ["none"]]]
    issues = result.cell_issues
    if len(issues) and "column" in issues.columns:
        lines += ["  problem cells per column:",
                  *[f"    {col}: {n}" for col, n in issues["column"].astype(str).value_counts().items()]]
    kinds = ", ".join(f"{v} {k}" for k, v in result.qaqc_summary.counts.items())
    lines.append(f"  QA/QC rows: {kinds or 'none'}")
    if len(result.rejects):
        lines += ["  reject reasons:", *_reason_counts(result.rejects)]
    return lines


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
    lines = ["proxy models the run would train: "
             + (", ".join(f"{c} from {', '.join(m.metadata['predictors'])}" for c, m in models.items()) or "none")]
    for c in COMMODITIES:
        counts = plan[f"{c}_method"].value_counts()
        lines.append(f"{c}: " + ", ".join(f"{m} {int(counts.get(m, 0))}" for m in ESTIMATE_METHODS))
    estimated = (plan[[f"{c}_method" for c in COMMODITIES]] != "none").any(axis=1)
    lines.append(f"deposits with an estimate for at least one commodity: {int(estimated.sum())} of {len(plan)}")
    lines += ["", "deposit_id | " + " | ".join(COMMODITIES) + " | linked samples"]
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
        lines.append(f"ERROR: {len(repeated)} deposit id(s) occur in more than one layer, e.g. {repeated.iloc[0]!r}; "
                     "the run would stop")
    report.add("Deposits", lines)

    jobs = [(p, False) for p in settings.assay_files] + [(p, True) for p in settings.proxy_files]
    files, lines = [], []
    for path, proxy_only in jobs:
        done = import_assay_file(path, proxy_only, settings, deposits, log, cancel, None)
        files.append(done)
        lines += [*_assay_section(done), ""]
    report.add("Assay files", lines)
    samples = stack_frames([f.samples for f in files])
    linked = sum(f.linked for f in files)
    if linked == 0 or len(repeated):
        why = ("no sample links to any deposit: the run would fail (see the linkage lines above)" if linked == 0
               else "deposit ids repeat across layers: the run would fail")
        report.add("What the run would do", [why])
        return report
    report.plan, lines = _plan(deposits.drop_duplicates("deposit_id"), samples, settings, log, cancel)
    report.add("What the run would do (per deposit: measured / regression / analogue / none)", lines)
    return report
