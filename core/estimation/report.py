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


def _sample_note(n: int) -> str:
    return "" if n <= MAX_PLOTTED_POINTS else f" ({MAX_PLOTTED_POINTS:,} of {n:,} points drawn)"


def _sample_paragraph(n: int) -> str:
    if n <= MAX_PLOTTED_POINTS:
        return ""
    return (f"<p>The scatter plots draw a seeded sample{_sample_note(n)}; every figure and table uses all "
            "the points.</p>")


def _observed_vs_predicted(model: TrainedModel) -> str:
    rows = plotted_rows(len(model.training.y))
    y, p = model.training.y[rows], model.oof_pred[rows]
    lo, hi = model.metadata["interval"]["residual_lo"], model.metadata["interval"]["residual_hi"]
    fig = Figure(figsize=(5.5, 5))
    ax = fig.add_subplot()
    edges = np.sort(p)[[0, -1]]  # the interval band is two parallel lines: its ends suffice
    ax.fill_between(edges, edges + lo, edges + hi, color="tab:blue", alpha=0.15,
                    label=f"{model.metadata['interval']['level']:.0%} interval")
    ax.scatter(p, y, s=8, c=np.asarray(model.fold_of)[rows], cmap="tab10", alpha=0.7)
    edge = [min(y.min(), p.min()), max(y.max(), p.max())]
    ax.plot(edge, edge, "k--", lw=1, label="1:1")
    ax.set_xlabel(f"predicted ln {model.training.target_column} (held-out fold)")
    ax.set_ylabel(f"observed ln {model.training.target_column}")
    ax.set_title("Observed vs predicted, grouped CV (colour = fold)" + _sample_note(len(model.training.y)))
    ax.legend(loc="upper left")
    return _png(fig)


def _residuals(model: TrainedModel) -> str:
    r = model.training.y - model.oof_pred
    rows = plotted_rows(len(r))
    fig = Figure(figsize=(9, 3.8))
    ax1, ax2 = fig.subplots(1, 2)
    ax1.scatter(model.oof_pred[rows], r[rows], s=8, alpha=0.6)
    ax1.axhline(0, color="k", lw=1)
    ax1.set_xlabel("predicted (ln)")
    ax1.set_ylabel("residual (ln)")
    ax1.set_title("Residuals vs predicted" + _sample_note(len(r)))
    ax2.hist(r, bins=40, color="tab:gray")
    for q in (model.metadata["interval"]["residual_lo"], model.metadata["interval"]["residual_hi"]):
        ax2.axvline(q, color="tab:red", lw=1)
    ax2.set_xlabel("residual (ln); red = interval bounds")
    ax2.set_title("Residual distribution")
    return _png(fig)


def _importance(model: TrainedModel) -> str:
    names = list(model.metadata["feature_importance"])
    values = np.array([model.metadata["feature_importance"][n] for n in names])
    errors = np.array([model.metadata["feature_importance_sd"][n] for n in names])
    fig = Figure(figsize=(6, 0.5 + 0.4 * len(names)))
    ax = fig.add_subplot()
    order = np.argsort(values)
    ax.barh(np.array(names)[order], values[order], xerr=errors[order], color="tab:green")
    ax.set_xlabel("permutation importance (drop in R², training data)")
    return _png(fig)


def _coverage(model: TrainedModel) -> str:
    per_fold = model.metadata["cv"]["coverage_per_fold"]
    level = model.metadata["interval"]["level"]
    fig = Figure(figsize=(6, 3.5))
    ax = fig.add_subplot()
    ax.bar(np.arange(1, len(per_fold) + 1), per_fold, color="tab:blue")
    ax.axhline(level, color="tab:red", lw=1.5, label=f"nominal {level:.0%}")
    ax.axhline(model.coverage, color="k", ls="--", lw=1, label=f"overall {model.coverage:.1%}")
    ax.set_ylim(0, 1)
    ax.set_xlabel("held-out fold")
    ax.set_ylabel("share of samples inside interval")
    ax.legend(loc="lower right")
    return _png(fig)


def _table(rows: list[dict], columns: list[str]) -> str:
    return table(rows, columns, number=fixed(3))


def _selection_html(md: dict, tr: Translate) -> str:
    """The candidates ``auto`` compared, each with its score on the same grouped folds."""
    sel = md.get("selection")
    if not sel:
        return ""
    rows = [{**c, "method": METHOD_LABELS.get(c["method"], c["method"])} for c in sel["candidates"]]
    sample = (f"a seeded sample of {sel['n_rows']} of the {sel['n_available']} usable rows"
              if sel["subsampled"] else f"all {sel['n_rows']} usable rows")
    return f"""<h2>{tr("Method selection (METHOD=auto)")}</h2>
<p>Every candidate was cross-validated on the same {sel['n_folds']} grouped folds of {sample}.
Score: {html.escape(sel['score'])}; of the candidates within {sel['tolerance']} of the best, the
cheapest to apply (the first in this table) is selected. The selected method was then
cross-validated afresh on the rows it was fitted on: those are the figures of the
Cross-validation section.</p>
{_table(rows, ['method', 'status', 'r2_log', 'fold_r2_mean', 'fold_r2_sd', 'rmse_log'])}
<p>r2_log is the pooled out-of-fold R²; fold_r2_mean and fold_r2_sd are the mean and SD of the
per-fold R².</p>"""


def render_html(model: TrainedModel, tr: Translate = untranslated) -> str:
    """The report; ``tr`` translates its headings (the algorithms pass Qt's translator)."""
    md = model.metadata
    cv = md["cv"]
    metric_cols = ["r2_log", "rmse_log", "bias_log", "r2_ppm", "rmse_ppm", "bias_ppm"]
    summary_rows = [dict(cv=f"grouped ({cv['grouping_description']}, {cv['n_folds']} folds)", **cv["grouped"]),
                    dict(cv="random K-fold (comparison only: overstates skill)", **cv["random_kfold"])]
    fold_rows = [{**f, "fold": int(f["fold"]), "n": int(f["n"])} for f in cv["folds"]]
    counts = [{"rows": k, "count": v} for k, v in md["data_counts"].items()]
    ranges = [{"predictor": p, "min": r[0], "max": r[1]} for p, r in md["training_range"].items()]
    notes = "".join(f"<li>{html.escape(n)}</li>" for n in md["notes"]) or "<li>none</li>"
    title = tr("Model for {0}: {1}").format(html.escape(md['target_column']), html.escape(md['method_label']))
    auto = tr(" (selected by METHOD=auto)") if md.get('method_requested') == 'auto' else ''
    body = f"""<h1>{title}{auto}</h1>
<p>Predictors: {html.escape(', '.join(md['predictors']))}; transform <b>{html.escape(md['transform'])}</b>,
target ln(ppm); censored target values: {html.escape(md['censored_policy'])}; seed {md['seed']};
{md['n_samples']} training samples; training data sha256 <code>{md['training_sha256']}</code>.</p>
<h2>{tr("Cross-validation")}</h2>
{_table(summary_rows, ['cv', *metric_cols])}
<p>CV R² (grouped, ln space): pooled out-of-fold = <b>{cv['grouped']['r2_log']:.3f}</b> (CV_R2: one R² over
all held-out predictions together); per fold = <b>{cv['fold_r2_mean']:.3f} ± {cv['fold_r2_sd']:.3f}</b>
(CV_R2_FOLD_MEAN ± CV_R2_FOLD_SD: each fold's R² about its own mean, then their mean and SD;
usually lower than the pooled figure because it does not credit the differences between folds).
Empirical coverage of the
{md['interval']['level']:.0%} interval on held-out folds = <b>{cv['coverage']:.1%}</b>
(nominal {md['interval']['level']:.0%}, {html.escape(md['interval']['method'])}).
ppm figures back-transform with exp(), the conditional median, so a negative ppm bias is expected.</p>
<h3>{tr("Per fold")}</h3>
{_table(fold_rows, ['fold', 'n', 'groups', *metric_cols, 'coverage'])}
{_selection_html(md, tr)}
<h2>{tr("Observed vs predicted (held-out)")}</h2>{_sample_paragraph(len(model.training.y))}
<img alt="observed vs predicted" src="data:image/png;base64,{_observed_vs_predicted(model)}">
<h2>{tr("Residuals")}</h2><img alt="residuals" src="data:image/png;base64,{_residuals(model)}">
<h2>{tr("Feature importance")}</h2><img alt="feature importance" src="data:image/png;base64,{_importance(model)}">
<h2>{tr("Interval coverage per held-out fold")}</h2><img alt="coverage" src="data:image/png;base64,{_coverage(model)}">
<h2>{tr("Data summary")}</h2>
{_table(counts, ['rows', 'count'])}
<p>Training range of the predictors (predictions outside are flagged as extrapolation):</p>
{_table(ranges, ['predictor', 'min', 'max'])}
<h2>{tr("Notes")}</h2><ul>{notes}</ul>
<h2>{tr("Reproducibility")}</h2><p>Hyper-parameters: <code>{html.escape(str(md['hyperparameters']))}</code><br>
Packages: <code>{html.escape(str(md['package_versions']))}</code><br>Created {md['created_utc']}.</p>"""
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
