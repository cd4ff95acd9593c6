"""The HTML report of one fit: plots (matplotlib, Agg, embedded as base64 PNG) and tables.

Uses ``matplotlib.figure.Figure`` with the Agg canvas directly, never pyplot, so no GUI
backend or global state is touched inside QGIS.
"""
from __future__ import annotations

import base64
import html
import io
from pathlib import Path

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from ..atomic_file import write_text
from ..message import translated
from ..report_style import Translate, fixed, page, table, untranslated
from .fitting import TrainedModel
from .methods import METHOD_LABELS


def _png(fig: Figure) -> str:
    FigureCanvasAgg(fig)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=96, bbox_inches="tight")
    return base64.b64encode(buffer.getvalue()).decode("ascii")


# Points drawn in a scatter plot: 300,000 training samples take seconds to draw and show
# no more than a seeded sample of this many (the statistics use every point).
MAX_PLOTTED_POINTS = 20_000


def plotted_rows(n: int, seed: int = 0) -> np.ndarray:
    if n <= MAX_PLOTTED_POINTS:
        return np.arange(n)
    return np.sort(np.random.default_rng(seed).choice(n, MAX_PLOTTED_POINTS, replace=False))


def _sample_note(n: int, tr: Translate) -> str:
    return "" if n <= MAX_PLOTTED_POINTS else tr(" ({0:,} of {1:,} points drawn)").format(MAX_PLOTTED_POINTS, n)


def _sample_paragraph(n: int, tr: Translate) -> str:
    if n <= MAX_PLOTTED_POINTS:
        return ""
    return "<p>" + tr("The scatter plots draw a seeded sample{0}; every figure and table uses all the points.").format(
        _sample_note(n, tr)) + "</p>"


def _observed_vs_predicted(model: TrainedModel, tr: Translate) -> str:
    rows = plotted_rows(len(model.training.y))
    y, p = model.training.y[rows], model.oof_pred[rows]
    lo, hi = model.metadata["interval"]["residual_lo"], model.metadata["interval"]["residual_hi"]
    target = model.training.target_column
    fig = Figure(figsize=(5.5, 5))
    ax = fig.add_subplot()
    edges = np.sort(p)[[0, -1]]  # the interval band is two parallel lines: its ends suffice
    ax.fill_between(edges, edges + lo, edges + hi, color="tab:blue", alpha=0.15,
                    label=tr("{0:.0%} interval").format(model.metadata["interval"]["level"]))
    ax.scatter(p, y, s=8, c=np.asarray(model.fold_of)[rows], cmap="tab10", alpha=0.7)
    edge = [min(y.min(), p.min()), max(y.max(), p.max())]
    ax.plot(edge, edge, "k--", lw=1, label="1:1")
    ax.set_xlabel(tr("predicted ln {0} (held-out fold)").format(target))
    ax.set_ylabel(tr("observed ln {0}").format(target))
    ax.set_title(tr("Observed vs predicted, grouped CV (colour = fold)") + _sample_note(len(model.training.y), tr))
    ax.legend(loc="upper left")
    return _png(fig)


def _residuals(model: TrainedModel, tr: Translate) -> str:
    r = model.training.y - model.oof_pred
    rows = plotted_rows(len(r))
    fig = Figure(figsize=(9, 3.8))
    ax1, ax2 = fig.subplots(1, 2)
    ax1.scatter(model.oof_pred[rows], r[rows], s=8, alpha=0.6)
    ax1.axhline(0, color="k", lw=1)
    ax1.set_xlabel(tr("predicted (ln)"))
    ax1.set_ylabel(tr("residual (ln)"))
    ax1.set_title(tr("Residuals vs predicted") + _sample_note(len(r), tr))
    ax2.hist(r, bins=40, color="tab:gray")
    for q in (model.metadata["interval"]["residual_lo"], model.metadata["interval"]["residual_hi"]):
        ax2.axvline(q, color="tab:red", lw=1)
    ax2.set_xlabel(tr("residual (ln); red = interval bounds"))
    ax2.set_title(tr("Residual distribution"))
    return _png(fig)


def _importance(model: TrainedModel, tr: Translate) -> str:
    names = list(model.metadata["feature_importance"])
    values = np.array([model.metadata["feature_importance"][n] for n in names])
    errors = np.array([model.metadata["feature_importance_sd"][n] for n in names])
    fig = Figure(figsize=(6, 0.5 + 0.4 * len(names)))
    ax = fig.add_subplot()
    order = np.argsort(values)
    ax.barh(np.array(names)[order], values[order], xerr=errors[order], color="tab:green")
    ax.set_xlabel(tr("permutation importance (drop in R², training data)"))
    return _png(fig)


def _coverage(model: TrainedModel, tr: Translate) -> str:
    per_fold = model.metadata["cv"]["coverage_per_fold"]
    level = model.metadata["interval"]["level"]
    fig = Figure(figsize=(6, 3.5))
    ax = fig.add_subplot()
    ax.bar(np.arange(1, len(per_fold) + 1), per_fold, color="tab:blue")
    ax.axhline(level, color="tab:red", lw=1.5, label=tr("nominal {0:.0%}").format(level))
    ax.axhline(model.coverage, color="k", ls="--", lw=1, label=tr("overall {0:.1%}").format(model.coverage))
    ax.set_ylim(0, 1)
    ax.set_xlabel(tr("held-out fold"))
    ax.set_ylabel(tr("share of samples inside interval"))
    ax.legend(loc="lower right")
    return _png(fig)


def _table(rows: list[dict], columns: list[str], tr: Translate) -> str:
    """Metric columns keep their names (r2_log, as in CV_R2's documentation); word columns are translated."""
    headers = {"cv": tr("cross-validation"), "fold": tr("fold"), "groups": tr("groups"), "coverage": tr("coverage"),
               "method": tr("method"), "status": tr("status"), "predictor": tr("predictor"), "rows": tr("rows"),
               "count": tr("count")}
    return table(rows, columns, headers, number=fixed(3))


def _selection_html(md: dict, tr: Translate) -> str:
    """The candidates ``auto`` compared, each with its score on the same grouped folds."""
    sel = md.get("selection")
    if not sel:
        return ""
    rows = [{**c, "method": tr(METHOD_LABELS[c["method"]]) if c["method"] in METHOD_LABELS else c["method"],
             "status": translated(c["status"], tr)} for c in sel["candidates"]]
    sample = (tr("a seeded sample of {0} of the {1} usable rows").format(sel["n_rows"], sel["n_available"])
              if sel["subsampled"] else tr("all {0} usable rows").format(sel["n_rows"]))
    intro = tr("Every candidate was cross-validated on the same {0} grouped folds of {1}. Score: {2}; of the "
               "candidates within {3} of the best, the cheapest to apply (the first in this table) is selected. "
               "The selected method was then cross-validated afresh on the rows it was fitted on: those are the "
               "figures of the Cross-validation section.").format(
        sel["n_folds"], sample, html.escape(translated(sel["score"], tr)), sel["tolerance"])
    legend = tr("r2_log is the pooled out-of-fold R²; fold_r2_mean and fold_r2_sd are the mean and SD of the "
                "per-fold R².")
    return f"""<h2>{tr("Method selection (METHOD=auto)")}</h2>
<p>{intro}</p>
{_table(rows, ['method', 'status', 'r2_log', 'fold_r2_mean', 'fold_r2_sd', 'rmse_log'], tr)}
<p>{legend}</p>"""


def _intro_html(md: dict, tr: Translate) -> str:
    """What was fitted, on what, reproducibly."""
    return tr("Predictors: {0}; transform <b>{1}</b>, target ln(ppm); censored target values: {2}; seed {3}; {4} "
              "training samples; training data sha256 <code>{5}</code>.").format(
        html.escape(", ".join(md["predictors"])), html.escape(md["transform"]), html.escape(md["censored_policy"]),
        md["seed"], md["n_samples"], md["training_sha256"])


def _cv_html(md: dict, tr: Translate) -> str:
    """The grouped-CV figures in words: which R² is which, and the interval's coverage."""
    cv, level = md["cv"], md["interval"]["level"]
    return tr("CV R² (grouped, ln space): pooled out-of-fold = <b>{0:.3f}</b> (CV_R2: one R² over all held-out "
              "predictions together); per fold = <b>{1:.3f} ± {2:.3f}</b> (CV_R2_FOLD_MEAN ± CV_R2_FOLD_SD: each "
              "fold's R² about its own mean, then their mean and SD; usually lower than the pooled figure because "
              "it does not credit the differences between folds). Empirical coverage of the {3:.0%} interval on "
              "held-out folds = <b>{4:.1%}</b> (nominal {3:.0%}, {5}). ppm figures back-transform with exp(), the "
              "conditional median, so a negative ppm bias is expected.").format(
        cv["grouped"]["r2_log"], cv["fold_r2_mean"], cv["fold_r2_sd"], level, cv["coverage"],
        html.escape(translated(md["interval"]["method"], tr)))


def render_html(model: TrainedModel, tr: Translate = untranslated) -> str:
    """The report; ``tr`` translates its texts (the algorithms pass Qt's translator)."""
    md = model.metadata
    cv = md["cv"]
    metric_cols = ["r2_log", "rmse_log", "bias_log", "r2_ppm", "rmse_ppm", "bias_ppm"]
    summary_rows = [dict(cv=tr("grouped ({0}, {1} folds)").format(translated(cv["grouping_description"], tr),
                                                                  cv["n_folds"]), **cv["grouped"]),
                    dict(cv=tr("random K-fold (comparison only: overstates skill)"), **cv["random_kfold"])]
    fold_rows = [{**f, "fold": int(f["fold"]), "n": int(f["n"])} for f in cv["folds"]]
    counts = [{"rows": translated(k, tr), "count": v} for k, v in md["data_counts"].items()]
    ranges = [{"predictor": p, "min": r[0], "max": r[1]} for p, r in md["training_range"].items()]
    notes = "".join(f"<li>{html.escape(translated(n, tr))}</li>" for n in md["notes"]) \
        or f"<li>{html.escape(tr('none'))}</li>"
    title = tr("Model for {0}: {1}").format(html.escape(md["target_column"]),
                                            html.escape(translated(md["method_label"], tr)))
    auto = tr(" (selected by METHOD=auto)") if md.get('method_requested') == 'auto' else ''
    n = len(model.training.y)
    importance, coverage = _importance(model, tr), _coverage(model, tr)
    created = tr("Created {0}.").format(md["created_utc"])
    body = f"""<h1>{title}{auto}</h1>
<p>{_intro_html(md, tr)}</p>
<h2>{tr("Cross-validation")}</h2>
{_table(summary_rows, ['cv', *metric_cols], tr)}
<p>{_cv_html(md, tr)}</p>
<h3>{tr("Per fold")}</h3>
{_table(fold_rows, ['fold', 'n', 'groups', *metric_cols, 'coverage'], tr)}
{_selection_html(md, tr)}
<h2>{tr("Observed vs predicted (held-out)")}</h2>{_sample_paragraph(n, tr)}
<img alt="observed vs predicted" src="data:image/png;base64,{_observed_vs_predicted(model, tr)}">
<h2>{tr("Residuals")}</h2><img alt="residuals" src="data:image/png;base64,{_residuals(model, tr)}">
<h2>{tr("Feature importance")}</h2><img alt="feature importance" src="data:image/png;base64,{importance}">
<h2>{tr("Interval coverage per held-out fold")}</h2><img alt="coverage" src="data:image/png;base64,{coverage}">
<h2>{tr("Data summary")}</h2>
{_table(counts, ['rows', 'count'], tr)}
<p>{tr("Training range of the predictors (predictions outside are flagged as extrapolation):")}</p>
{_table(ranges, ['predictor', 'min', 'max'], tr)}
<h2>{tr("Notes")}</h2><ul>{notes}</ul>
<h2>{tr("Reproducibility")}</h2><p>{tr("Hyper-parameters:")} <code>{html.escape(str(md['hyperparameters']))}</code><br>
{tr("Packages:")} <code>{html.escape(str(md['package_versions']))}</code><br>{created}</p>"""
    return page(tr("Tailings UNFC model report: {0}").format(md['target_column']), body)


def render_log(model: TrainedModel) -> str:
    md, cv = model.metadata, model.metadata["cv"]
    lines = [f"target={md['target_column']} method={md['method']} transform={md['transform']} "
             f"seed={md['seed']} n={md['n_samples']} sha256={md['training_sha256']}",
             f"grouping={cv['grouping_description']} folds={cv['n_folds']} groups={cv['n_groups']}",
             "grouped: " + " ".join(f"{k}={v:.4f}" for k, v in cv["grouped"].items()),
             "random_kfold: " + " ".join(f"{k}={v:.4f}" for k, v in cv["random_kfold"].items()),
             f"fold_r2_mean={cv['fold_r2_mean']:.4f} fold_r2_sd={cv['fold_r2_sd']:.4f}",
             f"coverage={cv['coverage']:.4f} nominal={md['interval']['level']}"]
    lines += [f"fold {int(f['fold'])}: " + " ".join(f"{k}={v:.4f}" for k, v in f.items() if k != "fold")
              for f in cv["folds"]]
    for c in md.get("selection", {}).get("candidates", []):
        scores = " ".join(f"{k}={c[k]:.4f}" for k in ("r2_log", "fold_r2_mean", "fold_r2_sd", "rmse_log") if k in c)
        lines.append(f"auto candidate {c['method']}: {c['status']} {scores}".rstrip())
    lines += [f"count {k}: {v}" for k, v in md["data_counts"].items()]
    lines += [f"note: {n}" for n in md["notes"]]
    return "\n".join(lines) + "\n"


def _atomic_write(path: Path, text: str) -> None:
    write_text(path, text)  # mode from the umask (0644), not mkstemp's 0600


def write_report(model: TrainedModel, html_path: str | Path, tr: Translate = untranslated) -> tuple[Path, Path]:
    """Write the HTML report and a plain-text log beside it (``<name>.log``)."""
    html_path = Path(html_path)
    log_path = html_path.with_suffix(".log")
    _atomic_write(html_path, render_html(model, tr))
    _atomic_write(log_path, render_log(model))
    return html_path, log_path
