"""Run an inventory as regional ``qgis_process`` runs into one PostGIS schema, and check the
merged result equals one run over the whole area (docs/scaling.md; issue 12, point 5).

    source scripts/env.sh
    python scripts/run_regions.py --deposits 'tailings.gpkg|layername=avgangsdeponi' \\
        --region-field kommune --regions 2 --assays lab.xlsx --proxy-assays pxrf.csv \\
        --service tailings --schema tailings --work runs/

Steps:
1. a reference run over the whole layer (it also trains the proxy models once);
2. one pipeline run per region (the layer filtered by a subset string on REGION_FIELD), in
   parallel (``--jobs``), applying the reference run's models (TRAIN_MODELS=false);
3. every region exported into ``--schema`` by ``tailingsunfc:export`` (idempotent upsert by
   deposit_id; concurrent exports serialise on an advisory lock), also in parallel, and the
   reference run into ``<schema>_single``; then one region is exported again (idempotency);
4. both schemas are read back and compared (core/export/run_comparison.py).

The database is named by a libpq service (``pg_service.conf`` + ``.pgpass``, or
``PGSERVICEFILE``/``PGPASSFILE``): no password goes on a command line or into a log.
Exit status: 0 when the merged regions equal the single run, 1 when they differ, 2 on errors.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pandas as pd
import psycopg2
from psycopg2 import sql

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from core.export.run_comparison import compare_quantities, compare_runs, pool_dependent_pairs


def _args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--deposits", required=True, help="deposit layer URI (path|layername=…)")
    parser.add_argument("--region-field", required=True, help="field whose values name the regions")
    parser.add_argument("--regions", type=int, default=2, help="number of regions to split the values into")
    parser.add_argument("--assays", action="append", default=[], help="lab assay file (repeatable)")
    parser.add_argument("--proxy-assays", action="append", default=[], help="pXRF/field file (repeatable)")
    parser.add_argument("--service", required=True, help="libpq service name of the PostGIS database")
    parser.add_argument("--schema", default="tailings_regions", help="schema the regions are merged into")
    parser.add_argument("--work", required=True, type=Path, help="folder for the runs' outputs")
    parser.add_argument("--jobs", type=int, default=2, help="regional runs at once (one per core)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--report", type=Path, help="write the comparison as JSON here")
    return parser.parse_args(argv)


def region_groups(layer_uri: str, field: str, n_groups: int) -> list[list[str]]:
    """Split the field's distinct values into n groups of about equal deposit counts
    (largest first into the smallest group), so the parallel runs take similar time."""
    from osgeo import ogr  # GDAL's own reader: the values are needed before QGIS runs

    path, _, rest = layer_uri.partition("|")
    layer_name = rest.removeprefix("layername=") if rest.startswith("layername=") else None
    source = ogr.Open(path)
    if source is None:
        raise SystemExit(f"run_regions: cannot open {path}")
    layer = source.GetLayerByName(layer_name) if layer_name else source.GetLayer(0)
    if layer is None or layer.GetLayerDefn().GetFieldIndex(field) < 0:
        raise SystemExit(f"run_regions: no field {field!r} in {layer_uri}")
    counts: dict[str, int] = {}
    for feature in layer:
        value = feature.GetField(field)
        if value is None:
            raise SystemExit(f"run_regions: feature {feature.GetFID()} has no {field}; every deposit "
                             "must belong to a region, or the merged result cannot equal a single run")
        counts[str(value)] = counts.get(str(value), 0) + 1
    if len(counts) < n_groups:
        raise SystemExit(f"run_regions: {field} has {len(counts)} values, fewer than {n_groups} regions")
    groups: list[list[str]] = [[] for _ in range(n_groups)]
    sizes = [0] * n_groups
    for value, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        smallest = sizes.index(min(sizes))
        groups[smallest].append(value)
        sizes[smallest] += count
    return groups


def subset_uri(layer_uri: str, field: str, values: list[str]) -> str:
    """The layer filtered to the region: OGR SQL with the identifier and values quoted."""
    ident = '"' + field.replace('"', '""') + '"'
    quoted = ", ".join("'" + v.replace("'", "''") + "'" for v in values)
    return f"{layer_uri}|subset={ident} IN ({quoted})"


def qgis_process(algorithm: str, params: list[tuple[str, str]], log: Path) -> None:
    command = ["qgis_process", "run", f"tailingsunfc:{algorithm}", "--"]
    command += [f"{key}={value}" for key, value in params]
    with log.open("w") as handle:
        done = subprocess.run(command, stdout=handle, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                              check=False)
    if done.returncode != 0:
        tail = "\n".join(log.read_text(errors="replace").splitlines()[-20:])
        raise RuntimeError(f"{algorithm} failed (exit {done.returncode}; log {log}):\n{tail}")


def run_pipeline(deposits: str, args: argparse.Namespace, out: Path, models: list[Path]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    params = [("DEPOSITS", deposits), ("SEED", str(args.seed)), ("OUTPUT", str(out))]
    params += [("ASSAYS", a) for a in args.assays] + [("PROXY_ASSAYS", p) for p in args.proxy_assays]
    if models:
        params += [("MODELS", str(m)) for m in models] + [("TRAIN_MODELS", "false")]
    qgis_process("pipeline", params, out.parent / f"{out.name}.log")


def export_run(run: Path, service: str, schema: str, log: Path) -> None:
    gpkg = run / "tailings_unfc.gpkg"
    qgis_process("export", [("INPUT", f"{gpkg}|layername=deposits"),
                            ("QUANTITIES", f"{gpkg}|layername=quantities"),
                            ("DESTINATION", f"postgres://?service={service}&schema={schema}")], log)


def read_tables(service: str, schema: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Deposits (geometry as an md5 of its WKB, compared exactly) and quantities."""
    with psycopg2.connect(service=service) as connection, connection.cursor() as cursor:
        cursor.execute("SELECT column_name FROM information_schema.columns WHERE table_schema = %s "
                       "AND table_name = 'deposits' AND udt_name <> 'geometry' ORDER BY ordinal_position",
                       (schema,))
        columns = [row[0] for row in cursor.fetchall()]
        if not columns:
            raise SystemExit(f"run_regions: no deposits table in schema {schema!r}")
        deposits_sql = sql.SQL("SELECT {}, md5(ST_AsBinary(geom)) AS geom_md5 FROM {}").format(
            sql.SQL(", ").join(map(sql.Identifier, columns)), sql.Identifier(schema, "deposits"))
        quantities_sql = sql.SQL("SELECT * FROM {}").format(sql.Identifier(schema, "quantities"))
        deposits = _frame(cursor, deposits_sql)
        quantities = _frame(cursor, quantities_sql)
    return deposits, quantities


def _frame(cursor, query) -> pd.DataFrame:
    cursor.execute(query)
    names = [d[0] for d in cursor.description]
    return pd.DataFrame(cursor.fetchall(), columns=names).infer_objects()


def _row_counts(service: str, schema: str) -> dict[str, int]:
    with psycopg2.connect(service=service) as connection, connection.cursor() as cursor:
        counts = {}
        for table in ("deposits", "quantities", "export_runs"):
            cursor.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(schema, table)))
            counts[table] = cursor.fetchone()[0]
    return counts


def _timed(label: str, timings: dict[str, float], work, items: list, workers: int) -> None:
    """Run ``work`` on every item, ``workers`` at a time, and record the wall time."""
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        list(pool.map(work, items))
    timings[label] = round(time.perf_counter() - start, 1)
    print(f"run_regions: {label} in {timings[label]} s", flush=True)


def main(argv: list[str] | None = None) -> int:
    args = _args(argv)
    work = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    groups = region_groups(args.deposits, args.region_field, args.regions)
    names = [f"region{i + 1}" for i in range(len(groups))]
    for name, values in zip(names, groups):
        print(f"run_regions: {name} = {args.region_field} in {values}", flush=True)
    timings: dict[str, float] = {}
    single = work / "single"
    _timed("reference run (whole area)", timings, lambda _: run_pipeline(args.deposits, args, single, []), [0], 1)
    models = sorted((single / "models").glob("*.skops"))
    regions = [(work / n, subset_uri(args.deposits, args.region_field, v)) for n, v in zip(names, groups)]
    _timed(f"{len(regions)} regional runs, {args.jobs} at once", timings,
           lambda job: run_pipeline(job[1], args, job[0], models), regions, args.jobs)
    exports = [(work / n, args.schema, work / f"{n}.export.log") for n in names]
    exports.append((single, f"{args.schema}_single", work / "single.export.log"))
    _timed("exports (in parallel, serialised by the advisory lock)", timings,
           lambda job: export_run(job[0], args.service, job[1], job[2]), exports, len(exports))
    before = _row_counts(args.service, args.schema)
    export_run(work / names[0], args.service, args.schema, work / f"{names[0]}.export-again.log")
    after = _row_counts(args.service, args.schema)
    return _report(args, timings, before, after)


def _report(args: argparse.Namespace, timings: dict[str, float], before: dict, after: dict) -> int:
    single_deposits, single_quantities = read_tables(args.service, f"{args.schema}_single")
    merged_deposits, merged_quantities = read_tables(args.service, args.schema)
    result = compare_runs(single_deposits, merged_deposits)
    skip = pool_dependent_pairs(single_deposits) | pool_dependent_pairs(merged_deposits)
    quantity_keys = compare_quantities(single_quantities, merged_quantities, skip)
    idempotent = before == after
    lines = [*result.lines(), f"quantity rows: single {len(single_quantities)}, merged {len(merged_quantities)}; "
                              f"key differences outside pool-dependent pairs: {len(quantity_keys)}",
                              f"re-export of one region: row counts {before} -> {after} "
                              f"({'unchanged' if idempotent else 'CHANGED'})"]
    lines += quantity_keys[:20]
    lines.append("EQUAL means: every estimate made from a deposit's own samples agrees (exactly, or its "
                 "percentiles within the Monte Carlo tolerance); pool-dependent pairs are listed above")
    print("\n".join(lines), flush=True)
    equal = result.equal and not quantity_keys and idempotent
    if args.report:
        args.report.write_text(json.dumps({"equal": equal, "timings_s": timings, "lines": lines,
                                           "max_width_share": result.max_width_share,
                                           "median_width_share": result.median_width_share,
                                           "rows_before": before, "rows_after": after}, indent=2))
    return 0 if equal else 1


if __name__ == "__main__":
    try:
        sys.exit(main())
    except RuntimeError as err:
        print(f"run_regions: {err}", file=sys.stderr)
        sys.exit(2)
