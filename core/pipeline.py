"""The one-shot run: assays → proxy models → estimates → UNFC → export, all on frames.

The Processing algorithm ``pipeline`` imports the deposit layers through
``importdeposits`` (QGIS does the reading, CRS checks and repair) and hands the canonical
deposit frame to :func:`run_pipeline`. Everything after that stays in pandas/numpy and is
written once at the end, which is what makes a national-scale run fast: no intermediate
layer is written and read back through QGIS features.
"""
from __future__ import annotations

import importlib
import sys
import tempfile
import threading
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .assays import AssayImport, ImportOptions, import_assays, write_qaqc_report
from .assays.limits import ReadLimits
from .assays.row_count import expected_rows
from .errors import TailingsInputError
from .estimation import (
    EstimateSettings,
    LoadedModel,
    ModelSpec,
    estimate_deposits,
    load_model,
    sample_columns_used,
    save_model,
)
from .estimation import train_model as fit_model
from .estimation import write_report as write_fit_report
from .estimation.training_data import element_of
from .export.run import export_run
from .file_hash import source_sha256
from .memory import release_freed_memory
from .message import Message, joined
from .monitored import MonitorStats, run_monitored
from .proxy_plan import DEFAULT_TARGETS, plan_proxy_models
from .report_style import untranslated
from .run_summary import RunSummary, listed
from .schema import COMMODITIES, INTERVAL_DESCRIPTION
from .unfc import DEFAULT_RULES_PATH, ConstraintHits, classify_estimates, load_rules

GEOPACKAGE_NAME = "tailings_unfc.gpkg"
SUMMARY_NAME = "tailings_unfc_summary.xlsx"


@dataclass
class PipelineSettings:
    assay_files: Sequence[str] = ()
    proxy_files: Sequence[str] = ()        # field/pXRF: proxies only; Co and REE are predicted
    model_files: Sequence[str] = ()
    rules_path: str | None = None
    train_models: bool = True
    seed: int = 42
    language: str = "en"
    crs: str = "EPSG:25833"
    sheet: str | None = None
    assay_field_map: str | None = None     # ASSAY_FIELD_MAP text, for every assay file
    assay_crs: str | None = None           # ASSAY_CRS: CRS of the assay coordinates (else read/guessed)
    read_limits: ReadLimits = field(default_factory=ReadLimits)  # MAX_ROWS, MAX_SHEET_MB, ... per assay file
    # Report headings in the run's language: the algorithm passes Qt's translator (core has no Qt).
    translate: Callable[[str], str] = untranslated


@dataclass
class PipelineResult:
    geopackage: Path
    summary: Path
    model_files: list[str] = field(default_factory=list)
    reports: list[str] = field(default_factory=list)
    rejects: list[str] = field(default_factory=list)
    class_counts: dict[str, int] = field(default_factory=dict)
    deposit_count: int = 0                 # deposits actually classified (a UNFC class)
    sample_count: int = 0
    linked_count: int = 0                  # samples linked to a deposit of the run
    summary_path: Path | None = None


def load_models_by_commodity(paths: Sequence[str], log: Callable[[str], None]) -> dict[str, LoadedModel]:
    """Saved model files keyed by the commodity they predict (one per commodity)."""
    models: dict[str, LoadedModel] = {}
    for path in paths:
        pipeline, metadata = load_model(path)
        commodity = element_of(metadata["target_column"]).lower()
        if commodity not in COMMODITIES:
            log(Message("{0}: model for {1} is not for co, cu, zn or tree; not used", path, metadata["target_column"]))
            continue
        if commodity in models:
            raise TailingsInputError("Two model files for {0}: {1} and {2}", commodity, models[commodity].source, path,
                                     file=path)
        models[commodity] = LoadedModel(pipeline, metadata, str(path))
        log(Message("{0}: {1} model for {2} from {3} (grouped CV R² {4:.3f})", path, metadata["method"], commodity,
                    ", ".join(metadata["predictors"]), metadata["cv"]["grouped"]["r2_log"]))
    return models


class _Steps:
    """Progress over the run's steps, and the cancel check between them."""

    def __init__(self, total: int, progress: Callable[[float], None] | None,
                 cancel: Callable[[], None] | None):
        self.total, self.done = max(total, 1), 0
        self._progress, self._cancel = progress, cancel

    def inner(self, fraction: float) -> None:
        if self._progress is not None:
            self._progress(100.0 * (self.done + min(max(fraction, 0.0), 1.0)) / self.total)

    def next(self) -> None:
        if self._cancel is not None:
            self._cancel()
        self.done += 1
        self.inner(0.0)


def assay_options(settings: PipelineSettings, link: pd.DataFrame | None, cancel: Callable[[], None] | None,
                  progress: Callable[[float], None] | None,
                  assembly_progress: Callable[[float], None] | None = None) -> ImportOptions:
    """The assay importer's options for one file of the run (shared with checkinputs)."""
    return ImportOptions(sheet=settings.sheet, target_crs=settings.crs, deposits=link, cancel=cancel,
                         progress=progress, assembly_progress=assembly_progress,
                         source_crs=settings.assay_crs or None,
                         field_map=settings.assay_field_map or None, **asdict(settings.read_limits))


def _row_progress(path: str, progress: Callable[[float], None] | None) -> Callable[[float], None] | None:
    """The importer reports the row it has reached; the run's progress wants the share of the
    file, from the file's expected row count (the last 10 % is left for the assembly)."""
    total = expected_rows(path) if progress is not None else None
    if progress is None or not total:
        return None
    return lambda row: progress(0.9 * min(row / total, 1.0))


def linkage_message(result: AssayImport) -> str | None:
    """The assay importer's linkage diagnosis (CRS tried, samples inside deposits), when it gives one."""
    return result.linkage.message() if result.linkage is not None else None


def _note_assay_file(result: AssayImport, settings: PipelineSettings, linked: int, summary: RunSummary) -> None:
    name = Path(result.file).name
    summary.other += [Message("{0}: {1}", name, w) for w in result.warnings]
    if len(result.rejects):
        summary.rejected.append(Message("{0}: {1} of {2} rows rejected", name, len(result.rejects), result.rows_read))
    unlinked = len(result.samples) - linked
    if unlinked:
        summary.unlinked.append(Message("{0}: {1} of {2} samples", name, unlinked, len(result.samples)))
    if result.located and not settings.assay_crs:
        why = result.linkage.crs_reason if result.linkage is not None and result.linkage.crs_reason else \
            Message("ASSAY_CRS not given")
        switched = result.linkage.switched_from if result.linkage is not None else None
        read_as = Message("{0} ({1}), NOT {2} as first assumed", result.source_crs, why, switched) if switched \
            else Message("{0} ({1})", result.source_crs, why)
        summary.assumed_crs.append(Message("{0}: coordinates read as {1}; {2} of {3} samples linked (the log has the "
                                           "CRSs tried); set ASSAY_CRS to confirm", name, read_as, linked,
                                           len(result.samples)))


@dataclass
class AssayFile:
    """One imported assay file of a run: the importer's result and the samples the run uses."""
    result: AssayImport
    samples: pd.DataFrame        # proxy-only files: without their Co and REE readings
    linked: int                  # samples linked to a deposit of the run
    proxy_only: bool


def import_assay_file(path: str, proxy_only: bool, settings: PipelineSettings, deposits: pd.DataFrame,
                      log: Callable[[str], None], cancel: Callable[[], None] | None,
                      progress: Callable[[float], None] | None) -> AssayFile:
    """Import one assay file as the run does (shared by the pipeline and checkinputs)."""
    link = deposits[["deposit_id", "geometry"]] if "geometry" in deposits.columns else deposits[["deposit_id"]]
    # The read takes the file's first 90 %, the assembly after it (QA/QC, location, linkage) the rest.
    assembled = (lambda share: progress(0.9 + 0.1 * share)) if progress is not None else None
    result = import_assays(path, assay_options(settings, link, cancel, _row_progress(path, progress), assembled))
    for note in result.notes:
        log(note)
    kinds = ", ".join(f"{v} {k}" for k, v in result.qaqc_summary.counts.items())
    log(Message("{0}: {1} read = {2} samples + {3} QA/QC rows ({4}) + {5} rejected; {6} problem cells kept as NULL",
                Path(path).name, result.rows_read, len(result.samples), len(result.qaqc), kinds or Message("none"),
                len(result.rejects), len(result.cell_issues)))
    if result.rows_read != len(result.samples) + len(result.qaqc) + len(result.rejects):
        raise RuntimeError(f"{path}: row accounting does not add up; please report this")
    samples = result.samples
    if proxy_only:
        # pXRF reads Co poorly (Co Kα overlaps Fe Kβ) and REE not at all at these levels
        # (DOMAIN.md §4): such readings neither train a model nor count as measurements.
        for target in DEFAULT_TARGETS:
            column = f"{target}_ppm"
            if column in samples.columns:
                dropped = int(samples[column].notna().sum())
                samples = samples.assign(**{column: float("nan")})
                log(Message("{0}: {1} {2} readings not used (field/pXRF file; {3} is predicted from the proxies "
                            "instead)", Path(path).name, dropped, column, target))
    known_ids = set(deposits["deposit_id"].astype(str))
    linked = int(samples["deposit_id"].astype("string").isin(known_ids).sum()) if len(samples) else 0
    diagnosis = linkage_message(result)
    if diagnosis:
        log(Message("{0}: {1}", Path(path).name, diagnosis))
    return AssayFile(result, samples, linked, proxy_only)


def _import_samples(deposits: pd.DataFrame, settings: PipelineSettings, out_dir: Path, steps: _Steps,
                    log: Callable[[str], None], warn: Callable[[str], None], summary: RunSummary,
                    cancel: Callable[[], None] | None) -> tuple[pd.DataFrame, list[str], dict[str, str], list[str]]:
    frames, rejects, hashes, diagnoses = [], [], {}, []
    result = samples = done = None
    jobs = [(p, False) for p in settings.assay_files] + [(p, True) for p in settings.proxy_files]
    for i, (path, proxy_only) in enumerate(jobs, start=1):
        done = import_assay_file(path, proxy_only, settings, deposits, log, cancel, steps.inner)
        result, samples = done.result, done.samples
        hashes[path] = result.file_hash  # hashed once, by the importer
        reject_path = out_dir / "rejects" / f"assays_{i}_{Path(path).stem}.csv"
        result.rejects_table().to_csv(reject_path, index=False)
        rejects.append(str(reject_path))
        if len(result.qaqc):
            write_qaqc_report(result, out_dir / "qaqc" / f"qaqc_{i}_{Path(path).stem}.html", settings.translate)
        if done.linked < len(samples):
            warn(Message("{0}: {1} of {2} sample(s) are not linked to any deposit and are not used", Path(path).name,
                         len(samples) - done.linked, len(samples)))
        diagnosis = linkage_message(result)
        if diagnosis:
            diagnoses.append(Message("{0}: {1}", Path(path).name, diagnosis))
        _note_assay_file(result, settings, done.linked, summary)
        frames.append(samples)
        steps.next()
    del result, samples, done  # the last file's tables: stacking consumes them column by column
    return stack_frames(frames, consume=True), rejects, hashes, diagnoses


def stack_frames(frames: Sequence[pd.DataFrame], consume: bool = False) -> pd.DataFrame:
    """Rows of all frames, columns the union in first-seen order, missing values NaN/None.
    ``consume``: each column is deleted from the given frames once stacked, so that the
    per-file tables and the stacked one are not both held whole (0.4 GB at national scale).

    Equivalent to ``pd.concat(frames, ignore_index=True)``, but column by column: pandas'
    concat checks every value of a column that one frame lacks, which took 9 s for the
    1.3 million samples of a national run.
    """
    frames = [f for f in frames if len(f.columns)]
    if not frames:
        return pd.DataFrame()
    if len(frames) == 1:
        return frames[0].reset_index(drop=True)
    names = list(dict.fromkeys(c for f in frames for c in f.columns))
    columns = {}
    for name in names:
        parts = [f[name] if name in f.columns else None for f in frames]
        present = [p for p in parts if p is not None]
        dtypes = {p.dtype for p in present}
        if len(present) == len(parts) and len(dtypes) == 1 and next(iter(dtypes)).kind in "iufb":
            columns[name] = np.concatenate([p.to_numpy() for p in present])
        elif all(p.dtype.kind in "iuf" for p in present):
            columns[name] = np.concatenate([np.full(len(f), np.nan) if p is None else p.to_numpy(dtype=float)
                                            for p, f in zip(parts, frames)])
        else:
            columns[name] = np.concatenate([np.full(len(f), None, dtype=object) if p is None
                                            else p.astype(object).where(p.notna(), None).to_numpy(dtype=object)
                                            for p, f in zip(parts, frames)])
        del parts, present
        if consume:
            for frame in frames:
                if name in frame.columns:
                    del frame[name]
    # copy=False: pandas then keeps one block per column instead of consolidating them into one 2-D
    # block per dtype, which copied all 1.3 million rows again (3.9 s and +0.4 GB at national scale)
    return pd.DataFrame(columns, copy=False)


def _train(samples: pd.DataFrame, settings: PipelineSettings, out_dir: Path, steps: _Steps,
           log: Callable[[str], None], cancel: Callable[[], None] | None,
           method: str = "auto") -> tuple[dict[str, LoadedModel], list[str], list[str]]:
    models = load_models_by_commodity(settings.model_files, log)
    model_files, reports = list(settings.model_files), []
    if not settings.train_models:
        return models, model_files, reports
    plans, skipped = plan_proxy_models(samples)
    for reason in skipped:
        log(Message("No model for {0}", reason))
    for plan in plans:
        if plan.target in models:
            log(Message("{0}: a given model file is used; not training another", plan.target))
            continue
        log(Message("Training {0} from {1}: {2} training samples, {3} to predict", plan.target,
                    ", ".join(plan.predictors), plan.n_training, plan.n_to_predict))
        model = fit_model(samples, ModelSpec(target=plan.target, predictors=plan.predictors, method=method,
                                             group_field="deposit_id", seed=settings.seed),
                          cancel=cancel, progress=steps.inner)
        md = model.metadata
        log(Message("{0} for {1}: grouped CV ({2}) R² = {3:.3f} (ln), RMSE = {4:.3f}; random K-fold R² = {5:.3f} "
                    "(comparison only); coverage of the {6:.0%} interval = {7:.1%}", md["method_label"], plan.target,
                    md["cv"]["grouping_description"], model.cv_r2, model.cv_rmse, md["cv"]["random_kfold"]["r2_log"],
                    md["interval"]["level"], model.coverage))
        path = out_dir / "models" / f"model_{plan.target}.skops"
        save_model(model, path)
        html, _log = write_fit_report(model, out_dir / "models" / f"model_{plan.target}.html", settings.translate)
        models[plan.target] = LoadedModel(model.pipeline, md, str(path))
        model_files.append(str(path))
        reports.append(str(html))
    return models, model_files, reports


def planned_models(samples: pd.DataFrame, settings: PipelineSettings, log: Callable[[str], None],
                   cancel: Callable[[], None] | None) -> dict[str, LoadedModel]:
    """The models a run would train, for the same targets and predictors, in a scratch folder that
    is deleted again (checkinputs writes nothing but its report). They are plain OLS fits: which
    deposits get a regression estimate depends on the targets and predictors, not on the fitted
    method, and OLS spares the pre-flight the run's comparison of candidate methods."""
    with tempfile.TemporaryDirectory(prefix="tailings_unfc_preflight_") as scratch:
        (Path(scratch) / "models").mkdir()
        models, _files, _reports = _train(samples, settings, Path(scratch), _Steps(1, None, cancel), log, cancel,
                                          method="ols")
    return models


def run_pipeline(deposits: pd.DataFrame, settings: PipelineSettings, out_dir: str | Path, *,
                 constraints: Sequence[ConstraintHits] = (), deposit_sources: Sequence[dict[str, Any]] = (),
                 log: Callable[[str], None] = print, warn: Callable[[str], None] = print,
                 progress: Callable[[float], None] | None = None,
                 cancel: Callable[[], None] | None = None, summary: RunSummary | None = None) -> PipelineResult:
    """Run every step after the deposit import; ``deposits`` is importdeposits' canonical frame.

    ``summary`` may already hold the deposit import's attention items; the run adds its own and
    writes it (``run_summary.txt``) into ``out_dir`` at the end, also when the run fails: a run
    whose samples link to no deposit, or that estimates no deposit, raises TailingsInputError.
    """
    summary = summary if summary is not None else RunSummary()
    summary.translate = settings.translate
    out = Path(out_dir)
    if settings.train_models or settings.model_files:
        _import_in_background("skops.io")
    stats = MonitorStats()
    try:
        result = run_monitored(_run, deposits=deposits, settings=settings, out=out, summary=summary,
                               constraints=constraints, deposit_sources=deposit_sources,
                               log=log, warn=warn, progress=progress, cancel=cancel, stats=stats)
    except TailingsInputError as err:
        summary.failure = Message("{0}{1}", err.text, err.where)
        report_summary(summary, out, log, warn)
        raise
    log(Message("Progress: the longest stretch without a report of the run's own was {0:.1f} s, from {1:.0f} s "
                "into the run (the bar moved on in between)", stats.longest_silence, stats.silence_from))
    result.summary_path = report_summary(summary, out, log, warn)
    return result


def report_summary(summary: RunSummary, out: Path, log: Callable[[str], None],
                   warn: Callable[[str], None]) -> Path:
    """Log the summary (as warnings when something needs attention) and write run_summary.txt."""
    path = summary.write(out)
    say = warn if summary.needs_attention else log
    say("\n".join(summary.lines()))
    log(Message("Run summary: {0}", path))
    return path


def _check_linkage(samples: pd.DataFrame, deposits: pd.DataFrame, diagnoses: list[str]) -> int:
    """Samples linked to a deposit of the run; none at all is an error (issue 10, point 4)."""
    if samples.empty or "deposit_id" not in samples.columns:
        linked = 0
    else:
        linked = int(samples["deposit_id"].astype("string").isin(set(deposits["deposit_id"].astype(str))).sum())
    if linked == 0:
        raise TailingsInputError(
            "None of the {0} samples links to any of the {1} deposits, so nothing can be estimated. {2}Check the CRS "
            "of the assay coordinates (ASSAY_CRS, e.g. EPSG:25832), the deposit ids in the assay files "
            "(ASSAY_FIELD_MAP 'deposit_id=<column>') and the deposit layer's ids (DEPOSIT_FIELD_MAP); "
            "tailingsunfc:checkinputs shows the linkage for each CRS.", len(samples), len(deposits),
            joined([*diagnoses, ""], " ") if diagnoses else "")
    return linked


def _check_estimates(frame: pd.DataFrame, summary: RunSummary) -> int:
    """Deposits with an estimate for at least one commodity; none at all is an error."""
    methods = frame[[f"{c}_method" for c in COMMODITIES if f"{c}_method" in frame.columns]]
    estimated = (methods.notna() & (methods != "none")).any(axis=1).to_numpy()
    missing = frame.loc[~estimated, "deposit_id"].astype(str).tolist()
    if missing:
        summary.no_estimate.append(Message("{0} of {1}: {2}", len(missing), len(frame), listed(missing)))
    if not estimated.any():
        raise TailingsInputError(
            "No deposit got an estimate for any of {0} (x_method is 'none' everywhere): the linked samples carry none "
            "of these elements and no analogue applies. Check the element columns of the assay files "
            "(ASSAY_FIELD_MAP) and tailingsunfc:checkinputs.", ", ".join(COMMODITIES))
    return int(estimated.sum())


def _absolute(source: str) -> str:
    """A local file's path made absolute (QGIS options after ``|`` kept); other sources as given."""
    path, bar, options = str(source).partition("|")
    return str(Path(path).resolve()) + bar + options if Path(path).is_file() else str(source)


def run_inputs(deposit_sources: Sequence[dict[str, Any]], settings: PipelineSettings,
               assay_hashes: dict[str, str | None]) -> list[dict[str, Any]]:
    """The run metadata's ``inputs``: role, absolute source and sha256 of every input file, so
    that a record still names the file when read from another working directory."""
    rules_file = settings.rules_path or str(DEFAULT_RULES_PATH)
    entries = [*deposit_sources]
    entries += [{"role": "assays", "source": p, "sha256": assay_hashes.get(p)} for p in settings.assay_files]
    entries += [{"role": "proxy_assays", "source": p, "sha256": assay_hashes.get(p)} for p in settings.proxy_files]
    entries.append({"role": "rules", "source": rules_file})
    return [{**entry, "source": _absolute(entry["source"]),
             "sha256": entry.get("sha256") or source_sha256(entry["source"])} for entry in entries]


def _import_in_background(module: str) -> None:
    """Start importing ``module`` in a thread, so its cost overlaps the assay import.

    skops.io takes 4–5 s to import inside QGIS: at import it names every numpy and scipy
    ufunc by scanning all of QGIS's loaded modules. The model step needs it only after the
    assays are read, and then simply waits on Python's import lock if it is not done. Not a
    daemon thread: the interpreter waits for it at exit instead of cutting an import off, and
    a run cancelled early returns at once, without waiting for it.
    """
    if module not in sys.modules:
        threading.Thread(target=importlib.import_module, args=(module,), name=f"import {module}").start()


def _run(deposits: pd.DataFrame, settings: PipelineSettings, out: Path, summary: RunSummary, *,
         constraints: Sequence[ConstraintHits], deposit_sources: Sequence[dict[str, Any]],
         log: Callable[[str], None], warn: Callable[[str], None], progress: Callable[[float], None] | None,
         cancel: Callable[[], None] | None) -> PipelineResult:
    for sub in ("rejects", "models", "qaqc"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    if not settings.assay_files and not settings.proxy_files:
        raise TailingsInputError("No assay file given (ASSAYS or PROXY_ASSAYS)")
    for path in (*settings.assay_files, *settings.proxy_files, *settings.model_files):
        if not Path(path).is_file():
            raise TailingsInputError("The file does not exist", file=str(path))
    steps = _Steps(len(settings.assay_files) + len(settings.proxy_files) + 4, progress, cancel)

    samples, rejects, assay_hashes, diagnoses = _import_samples(deposits, settings, out, steps, log, warn, summary,
                                                                cancel)
    release_freed_memory()  # the import's per-file tables and parsing buffers
    linked = _check_linkage(samples, deposits, diagnoses)
    summary.facts.append(Message("Samples: {0} from {1} file(s), {2} linked to a deposit", len(samples),
                                 len(settings.assay_files) + len(settings.proxy_files), linked))
    models, model_files, reports = _train(samples, settings, out, steps, log, cancel)
    steps.next()

    keep = set(sample_columns_used(models))
    for column in [c for c in samples.columns if c not in keep]:
        del samples[column]  # in place (one block per column, core.pipeline.stack_frames): not needed any more
    release_freed_memory()
    estimate = estimate_deposits(deposits, samples, models, EstimateSettings(seed=settings.seed),
                                 cancel=cancel, progress=steps.inner)
    sample_count = len(samples)
    del samples  # 1.3 million rows at national scale: not needed by the classification and export
    release_freed_memory()
    for message in estimate.messages:
        log(message)
    # (in the run's language, as its reports: the templates are translated once, not per deposit)
    for dep_id, text in estimate.warning_texts(settings.translate):
        warn(f"{dep_id}: {text}")
    log(Message(INTERVAL_DESCRIPTION))
    n_estimated = _check_estimates(estimate.frame, summary)
    steps.next()

    rules = load_rules(settings.rules_path or None)
    log(Message("Rules: {0} (version {1})", rules.source, rules.version))
    classified = classify_estimates(estimate.frame, rules, constraints=constraints, language=settings.language,
                                    cancel=cancel)
    for warning in classified.warnings:
        warn(warning)
    log(Message("Deposits per UNFC class (headline commodity):"))
    for name, count in sorted(classified.class_counts.items(), key=lambda kv: -kv[1]):
        log(Message("  {0:6d}  {1}", count, Message(name)))  # i18n: texts extracted (class names, legend_labels.py)
    is_classified = classified.deposits["unfc_class"].notna().to_numpy()
    n_classified = int(is_classified.sum())
    summary.facts.append(Message("Deposits: {0} imported, {1} with an estimate, {2} classified under UNFC",
                                 len(deposits), n_estimated, n_classified))
    unclassified_estimated = int(n_estimated - n_classified) if n_estimated > n_classified else 0
    if unclassified_estimated:
        summary.other.append(Message("{0} deposit(s) have an estimate but no UNFC class (see unfc_rationale)",
                                     unclassified_estimated))
    steps.next()

    run_metadata = {
        "inputs": run_inputs(deposit_sources, settings, assay_hashes),
        "models": [{"path": _absolute(m), "sha256": source_sha256(m)} for m in model_files],
        "seeds": {"pipeline": settings.seed},
    }
    gpkg, workbook = out / GEOPACKAGE_NAME, out / SUMMARY_NAME
    export_run(classified.deposits, classified.quantities, str(gpkg), crs=settings.crs,
               report_path=str(workbook), run_metadata=run_metadata, progress=steps.inner, cancel=cancel, log=log,
               language=settings.language, translate=settings.translate)
    steps.next()
    return PipelineResult(geopackage=gpkg, summary=workbook, model_files=model_files, reports=reports,
                          rejects=rejects, class_counts=dict(classified.class_counts), deposit_count=n_classified,
                          sample_count=sample_count, linked_count=linked)
