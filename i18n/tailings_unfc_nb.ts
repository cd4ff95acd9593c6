<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO" sourcelanguage="en">
<context>
    <name>TailingsUnfc</name>
    <message><source>Tailings UNFC</source><translation>Tailings UNFC</translation></message>
    <message><source>Run wizard…</source><translation type="unfinished"></translation></message>
    <message><source>Show results panel</source><translation>Vis resultatpanel</translation></message>
    <message><source>Tailings UNFC cannot load its algorithms.</source><translation>Tailings UNFC kan ikke laste inn algoritmene sine.</translation></message>
    <message><source>Import deposit layer…</source><translation>Importer forekomstlag…</translation></message>
    <message><source>Import assay spreadsheet…</source><translation>Importer analyseregneark…</translation></message>
    <message><source>Train proxy regression model…</source><translation>Tren proxy-regresjonsmodell…</translation></message>
    <message><source>Estimate deposit grades and tonnages…</source><translation>Estimer gehalter og tonnasjer per deponi…</translation></message>
    <message><source>Classify under UNFC…</source><translation>Klassifiser etter UNFC…</translation></message>
    <message><source>Export to national database…</source><translation>Eksporter til nasjonal database…</translation></message>
    <message><source>Check inputs before a run…</source><translation>Kontroller inndata før en kjøring…</translation></message>
    <message><source>Run the whole pipeline…</source><translation>Kjør hele arbeidsflyten…</translation></message>
    <message><source>Deposit factsheets (PDF/PNG)…</source><translation>Faktaark per forekomst (PDF/PNG)…</translation></message>
    <message><source>Cancelled by the user; no output was written.</source><translation>Avbrutt av brukeren; ingen utdata ble skrevet.</translation></message>
    <message><source>Out of memory: the input is too large for this machine.</source><translation>Tom for minne: inndataene er for store for denne maskinen.</translation></message>
    <message><source>Documentation</source><translation type="unfinished"></translation></message>
    <message><source>Target CRS</source><translation type="unfinished"></translation></message>
    <message><source>Pre-flight report</source><translation type="unfinished"></translation></message>
    <message><source>Samples linked to a deposit</source><translation type="unfinished"></translation></message>
    <message><source>Deposits the run would estimate</source><translation type="unfinished"></translation></message>
    <message><source>Deposit estimates (output of Estimate)</source><translation type="unfinished"></translation></message>
    <message><source>Rules file (TOML; empty = shipped default rules)</source><translation type="unfinished"></translation></message>
    <message><source>Constraint layers (protected areas, reindeer herding, drinking water...)</source><translation type="unfinished"></translation></message>
    <message><source>Language of the rationale</source><translation type="unfinished"></translation></message>
    <message><source>Classified deposits</source><translation type="unfinished"></translation></message>
    <message><source>UNFC quantities (deposit x commodity x G increment)</source><translation type="unfinished"></translation></message>
    <message><source>Deposits per UNFC class (JSON)</source><translation type="unfinished"></translation></message>
    <message><source>Deposits classified</source><translation type="unfinished"></translation></message>
    <message><source>Rows in the quantities table</source><translation type="unfinished"></translation></message>
    <message><source>Reading deposits</source><translation type="unfinished"></translation></message>
    <message><source>Classifying</source><translation type="unfinished"></translation></message>
    <message><source>Writing outputs</source><translation type="unfinished"></translation></message>
    <message><source>From the QGIS locale</source><translation type="unfinished"></translation></message>
    <message><source>English</source><translation type="unfinished"></translation></message>
    <message><source>Norsk bokmål</source><translation type="unfinished"></translation></message>
    <message><source>Deposits (canonical deposit layer)</source><translation type="unfinished"></translation></message>
    <message><source>Samples (canonical sample table or point layer)</source><translation type="unfinished"></translation></message>
    <message><source>Model files (.skops, from Train grade model)</source><translation type="unfinished"></translation></message>
    <message><source>Minimum samples per deposit</source><translation type="unfinished"></translation></message>
    <message><source>Random seed</source><translation type="unfinished"></translation></message>
    <message><source>Monte Carlo iterations</source><translation type="unfinished"></translation></message>
    <message><source>Proxy source files whose grades are not used as measured (src_file names, ';'-separated, e.g. pxrf_field.csv)</source><translation type="unfinished"></translation></message>
    <message><source>Deposit estimates</source><translation type="unfinished"></translation></message>
    <message><source>UNFC quantities table</source><translation type="unfinished"></translation></message>
    <message><source>Destination (GeoPackage file, or PostGIS: postgres://?authcfg=…)</source><translation type="unfinished"></translation></message>
    <message><source>Summary workbook</source><translation type="unfinished"></translation></message>
    <message><source>Also write the ERML-Lite MiningWasteView layer</source><translation type="unfinished"></translation></message>
    <message><source>Run metadata (JSON object or .json file; filled by the pipeline)</source><translation type="unfinished"></translation></message>
    <message><source>Table name prefix</source><translation type="unfinished"></translation></message>
    <message><source>PostGIS schema (when the destination does not name one)</source><translation type="unfinished"></translation></message>
    <message><source>Run id</source><translation type="unfinished"></translation></message>
    <message><source>Deposits written</source><translation type="unfinished"></translation></message>
    <message><source>Quantity rows written</source><translation type="unfinished"></translation></message>
    <message><source>Reading the classified deposits …</source><translation type="unfinished"></translation></message>
    <message><source>GeoPackage (*.gpkg)</source><translation type="unfinished"></translation></message>
    <message><source>Excel workbook (*.xlsx)</source><translation type="unfinished"></translation></message>
    <message><source>UNFC class</source><translation>UNFC-klasse</translation></message>
    <message><source>This deposit</source><translation type="unfinished"></translation></message>
    <message><source>Choose at least one output: PDF, PNG or a combined PDF</source><translation type="unfinished"></translation></message>
    <message><source>The deposit layer could not be opened</source><translation type="unfinished"></translation></message>
    <message><source>The layer has no deposit_id field: run Classify (or the pipeline) first</source><translation type="unfinished"></translation></message>
    <message><source>Factsheets need a polygon or point layer of deposits</source><translation type="unfinished"></translation></message>
    <message><source>The factsheet atlas could not start</source><translation type="unfinished"></translation></message>
    <message><source>A folder is in the way of a factsheet</source><translation type="unfinished"></translation></message>
    <message><source>The UNFC class style could not be read: </source><translation type="unfinished"></translation></message>
    <message><source>export failed</source><translation type="unfinished"></translation></message>
    <message><source>The filter expression is not valid: </source><translation type="unfinished"></translation></message>
    <message><source>Grades and contained metal: best estimate P50 with the 80 % interval P90 – P10 (UNFC low and high estimates). &lt;DL: samples below the detection limit.</source><translation type="unfinished"></translation></message>
    <message><source>Tailings UNFC factsheet</source><translation type="unfinished"></translation></message>
    <message><source>Waste facility (CRMA Art. 27)</source><translation type="unfinished"></translation></message>
    <message><source>Concentrations and quantities of raw materials</source><translation type="unfinished"></translation></message>
    <message><source>UNFC-2019 classification (headline commodity)</source><translation type="unfinished"></translation></message>
    <message><source>Method of estimation</source><translation type="unfinished"></translation></message>
    <message><source>Tailings deposit factsheet · UNFC-2019 and EU CRMA Art. 27</source><translation type="unfinished"></translation></message>
    <message><source>Rationale</source><translation type="unfinished"></translation></message>
    <message><source>measured</source><translation type="unfinished"></translation></message>
    <message><source>regression</source><translation type="unfinished"></translation></message>
    <message><source>analogue</source><translation type="unfinished"></translation></message>
    <message><source>no estimate</source><translation type="unfinished"></translation></message>
    <message><source>Cobalt (Co)</source><translation type="unfinished"></translation></message>
    <message><source>Copper (Cu)</source><translation type="unfinished"></translation></message>
    <message><source>Zinc (Zn)</source><translation type="unfinished"></translation></message>
    <message><source>Rare earths (TREE)</source><translation type="unfinished"></translation></message>
    <message><source>critical, strategic</source><translation type="unfinished"></translation></message>
    <message><source>strategic, not critical</source><translation type="unfinished"></translation></message>
    <message><source>critical (LREE, HREE)</source><translation type="unfinished"></translation></message>
    <message><source>not listed (national)</source><translation type="unfinished"></translation></message>
    <message><source>Commodity</source><translation type="unfinished"></translation></message>
    <message><source>EU CRMA status</source><translation type="unfinished"></translation></message>
    <message><source>Grade (ppm)</source><translation type="unfinished"></translation></message>
    <message><source>80 % interval</source><translation type="unfinished"></translation></message>
    <message><source>Contained (t)</source><translation type="unfinished"></translation></message>
    <message><source>Samples</source><translation type="unfinished"></translation></message>
    <message><source>Method, estimator</source><translation type="unfinished"></translation></message>
    <message><source>recorded</source><translation type="unfinished"></translation></message>
    <message><source>volume × density</source><translation type="unfinished"></translation></message>
    <message><source>volume × default density</source><translation type="unfinished"></translation></message>
    <message><source>unknown</source><translation type="unfinished"></translation></message>
    <message><source>UNFC code</source><translation>UNFC-kode</translation></message>
    <message><source>Class</source><translation type="unfinished"></translation></message>
    <message><source>Sub-class</source><translation type="unfinished"></translation></message>
    <message><source>E / F / G</source><translation type="unfinished"></translation></message>
    <message><source>Location</source><translation type="unfinished"></translation></message>
    <message><source>Footprint (m²)</source><translation type="unfinished"></translation></message>
    <message><source>Volume (m³)</source><translation type="unfinished"></translation></message>
    <message><source>Dry tonnage (t)</source><translation type="unfinished"></translation></message>
    <message><source>Tonnage from</source><translation type="unfinished"></translation></message>
    <message><source>Deposit kind, setting</source><translation type="unfinished"></translation></message>
    <message><source>Source mine</source><translation type="unfinished"></translation></message>
    <message><source>Mined for</source><translation type="unfinished"></translation></message>
    <message><source>Status</source><translation type="unfinished"></translation></message>
    <message><source>Assessed</source><translation type="unfinished"></translation></message>
    <message><source>Rules</source><translation type="unfinished"></translation></message>
    <message><source>classified</source><translation type="unfinished"></translation></message>
    <message><source>source</source><translation type="unfinished"></translation></message>
    <message><source>run</source><translation type="unfinished"></translation></message>
    <message><source>Not classified</source><translation type="unfinished"></translation></message>
    <message><source>Warning: </source><translation type="unfinished"></translation></message>
    <message><source>Classified deposits (pipeline GeoPackage's deposits, or Classify's output)</source><translation type="unfinished"></translation></message>
    <message><source>Files per deposit</source><translation type="unfinished"></translation></message>
    <message><source>Only the deposits where (expression; empty = all)</source><translation type="unfinished"></translation></message>
    <message><source>Resolution of the PNG files (dpi)</source><translation type="unfinished"></translation></message>
    <message><source>Also one combined PDF of all factsheets</source><translation type="unfinished"></translation></message>
    <message><source>Output folder</source><translation type="unfinished"></translation></message>
    <message><source>Deposits with a factsheet</source><translation type="unfinished"></translation></message>
    <message><source>Files written (one per line)</source><translation type="unfinished"></translation></message>
    <message><source>Writing factsheets</source><translation type="unfinished"></translation></message>
    <message><source>No deposit in the layer (or none matches the filter): no factsheet written.</source><translation type="unfinished"></translation></message>
    <message><source>PDF and PNG</source><translation type="unfinished"></translation></message>
    <message><source>PDF</source><translation type="unfinished"></translation></message>
    <message><source>PNG</source><translation type="unfinished"></translation></message>
    <message><source>Assay file</source><translation type="unfinished"></translation></message>
    <message><source>Sheet (empty: the one that looks like assay data)</source><translation type="unfinished"></translation></message>
    <message><source>Deposits for linking (with deposit_id)</source><translation type="unfinished"></translation></message>
    <message><source>Output CRS</source><translation type="unfinished"></translation></message>
    <message><source>Column map override (target=column;..., e.g. sample_id=Smp_No; co=Co_ICP:ppm; x=Øst; y=Nord)</source><translation type="unfinished"></translation></message>
    <message><source>CRS of the file's coordinates (empty: from the header or assumed)</source><translation type="unfinished"></translation></message>
    <message><source>Value used for censored (&lt;DL) results</source><translation type="unfinished"></translation></message>
    <message><source>Rejected rows and cells</source><translation type="unfinished"></translation></message>
    <message><source>QA/QC report</source><translation type="unfinished"></translation></message>
    <message><source>Reading the assay file</source><translation type="unfinished"></translation></message>
    <message><source>HTML (*.html);;CSV (*.csv)</source><translation type="unfinished"></translation></message>
    <message><source>Rows read</source><translation type="unfinished"></translation></message>
    <message><source>QA/QC rows</source><translation type="unfinished"></translation></message>
    <message><source>Rejected rows</source><translation type="unfinished"></translation></message>
    <message><source>Problem cells</source><translation type="unfinished"></translation></message>
    <message><source>Half the detection limit</source><translation type="unfinished"></translation></message>
    <message><source>The detection limit</source><translation type="unfinished"></translation></message>
    <message><source>Zero</source><translation type="unfinished"></translation></message>
    <message><source>NULL (no value)</source><translation type="unfinished"></translation></message>
    <message><source>Spreadsheets and text tables</source><translation type="unfinished"></translation></message>
    <message><source>All files</source><translation type="unfinished"></translation></message>
    <message><source>Deposit layer (file, database or WFS)</source><translation type="unfinished"></translation></message>
    <message><source>Field map override (canonical=source;... or JSON)</source><translation type="unfinished"></translation></message>
    <message><source>Network timeout for a WFS (seconds)</source><translation type="unfinished"></translation></message>
    <message><source>Deposits</source><translation type="unfinished"></translation></message>
    <message><source>Rejected features</source><translation type="unfinished"></translation></message>
    <message><source>Where deposit_id came from</source><translation type="unfinished"></translation></message>
    <message><source>Warnings of the import (JSON list)</source><translation type="unfinished"></translation></message>
    <message><source>Features read</source><translation type="unfinished"></translation></message>
    <message><source>Features rejected</source><translation type="unfinished"></translation></message>
    <message><source>1 when deposit_id is the name (no id field), else 0</source><translation type="unfinished"></translation></message>
    <message><source>The input layer has no features.</source><translation type="unfinished"></translation></message>
    <message><source>Viable projects (E1 F1)</source><translation type="unfinished"></translation></message>
    <message><source>Potentially viable projects (E2 F2.1/F2.2)</source><translation type="unfinished"></translation></message>
    <message><source>Non-viable projects (E3 F2.2/F2.3)</source><translation type="unfinished"></translation></message>
    <message><source>Remaining products not developed, identified (E3.3 F4 G1-G3)</source><translation type="unfinished"></translation></message>
    <message><source>Prospective projects (E3.2 F3 G4)</source><translation type="unfinished"></translation></message>
    <message><source>Remaining products not developed, prospective (E3.3 F4 G4)</source><translation type="unfinished"></translation></message>
    <message><source>Other combinations (reported, not forced into a class)</source><translation type="unfinished"></translation></message>
    <message><source>Tailings UNFC run {0}</source><translation type="unfinished"></translation></message>
    <message><source>UNFC quantities</source><translation type="unfinished"></translation></message>
    <message><source>UNFC deposits</source><translation type="unfinished"></translation></message>
    <message><source>No UNFC style stored with {0}</source><translation type="unfinished"></translation></message>
    <message><source>UNFC rules file (TOML; default: the shipped rules)</source><translation type="unfinished"></translation></message>
    <message><source>Saved models to apply (skops)</source><translation type="unfinished"></translation></message>
    <message><source>Train proxy models for lab elements missing on field samples</source><translation type="unfinished"></translation></message>
    <message><source>Constraint layers (protected areas, reindeer herding, water…)</source><translation type="unfinished"></translation></message>
    <message><source>Language of the UNFC rationale</source><translation type="unfinished"></translation></message>
    <message><source>QGIS locale</source><translation type="unfinished"></translation></message>
    <message><source>GeoPackage</source><translation type="unfinished"></translation></message>
    <message><source>Model fit reports</source><translation type="unfinished"></translation></message>
    <message><source>Run summary (what needs attention)</source><translation type="unfinished"></translation></message>
    <message><source>Maximum rows read from the sheet</source><translation type="unfinished"></translation></message>
    <message><source>Maximum uncompressed size of a workbook part, MB</source><translation type="unfinished"></translation></message>
    <message><source>Maximum compression ratio of a workbook part</source><translation type="unfinished"></translation></message>
    <message><source>Time budget for reading the rows, s</source><translation type="unfinished"></translation></message>
    <message><source>Deposit / tailings layer(s)</source><translation type="unfinished"></translation></message>
    <message><source>Lab assay file(s) (xlsx, xlsm, ods, csv)</source><translation type="unfinished"></translation></message>
    <message><source>Field / pXRF assay file(s): proxies only, their Co and REE are predicted</source><translation type="unfinished"></translation></message>
    <message><source>Deposit field map (as importdeposits' FIELD_MAP)</source><translation type="unfinished"></translation></message>
    <message><source>Assay column map (as importassays' FIELD_MAP)</source><translation type="unfinished"></translation></message>
    <message><source>CRS of the assay coordinates (default: from the file, else guessed)</source><translation type="unfinished"></translation></message>
    <message><source>Target element (co, cu, zn, tree, or a field such as co_ppm)</source><translation type="unfinished"></translation></message>
    <message><source>Predictor fields</source><translation type="unfinished"></translation></message>
    <message><source>Method</source><translation type="unfinished"></translation></message>
    <message><source>ols</source><translation type="unfinished"></translation></message>
    <message><source>ridge</source><translation type="unfinished"></translation></message>
    <message><source>random_forest</source><translation type="unfinished"></translation></message>
    <message><source>gradient_boosting</source><translation type="unfinished"></translation></message>
    <message><source>gaussian_process</source><translation type="unfinished"></translation></message>
    <message><source>auto</source><translation type="unfinished"></translation></message>
    <message><source>Group field for cross-validation (empty: deposit_id, else spatial blocks)</source><translation type="unfinished"></translation></message>
    <message><source>Predictor transform</source><translation type="unfinished"></translation></message>
    <message><source>log</source><translation type="unfinished"></translation></message>
    <message><source>alr</source><translation type="unfinished"></translation></message>
    <message><source>clr</source><translation type="unfinished"></translation></message>
    <message><source>Censored target values</source><translation type="unfinished"></translation></message>
    <message><source>substituted</source><translation type="unfinished"></translation></message>
    <message><source>exclude</source><translation type="unfinished"></translation></message>
    <message><source>Cross-validation folds</source><translation type="unfinished"></translation></message>
    <message><source>Model file</source><translation type="unfinished"></translation></message>
    <message><source>HTML report</source><translation type="unfinished"></translation></message>
    <message><source>Model files (*.skops)</source><translation type="unfinished"></translation></message>
    <message><source>HTML files (*.html)</source><translation type="unfinished"></translation></message>
    <message><source>Grouped CV R² (ln space), pooled out-of-fold</source><translation type="unfinished"></translation></message>
    <message><source>Grouped CV R² (ln space), mean over folds</source><translation type="unfinished"></translation></message>
    <message><source>Grouped CV R² (ln space), SD over folds</source><translation type="unfinished"></translation></message>
    <message><source>Grouped CV RMSE (ln space)</source><translation type="unfinished"></translation></message>
    <message><source>Empirical interval coverage on held-out folds</source><translation type="unfinished"></translation></message>
    <message><source>Training samples</source><translation type="unfinished"></translation></message>
    <message><source>Tailings UNFC factsheets</source><translation type="unfinished"></translation></message>
    <message><source>Deposit id</source><translation>Forekomst-id</translation></message>
    <message><source>Name</source><translation>Navn</translation></message>
    <message><source>Tonnage (t)</source><translation type="unfinished"></translation></message>
    <message><source>Tailings UNFC results</source><translation>Tailings UNFC – resultater</translation></message>
    <message><source>UNFC matrix</source><translation type="unfinished"></translation></message>
    <message><source>Contained metal</source><translation type="unfinished"></translation></message>
    <message><source>Zoom to selection</source><translation type="unfinished"></translation></message>
    <message><source>deposits</source><translation>deponier</translation></message>
    <message><source>tonnes</source><translation type="unfinished"></translation></message>
    <message><source>Select a deposit to see its contained metal.</source><translation type="unfinished"></translation></message>
    <message><source>contained tonnes</source><translation type="unfinished"></translation></message>
    <message><source>G1–G3 known</source><translation type="unfinished"></translation></message>
    <message><source>G4 potential</source><translation type="unfinished"></translation></message>
    <message><source>cobalt</source><translation type="unfinished"></translation></message>
    <message><source>copper</source><translation type="unfinished"></translation></message>
    <message><source>zinc</source><translation type="unfinished"></translation></message>
    <message><source>total rare-earth elements</source><translation type="unfinished"></translation></message>
    <message><source>Select a layer produced by Tailings UNFC (estimate, classify or export).</source><translation>Velg et lag laget av Tailings UNFC (estimering, klassifisering eller eksport).</translation></message>
    <message><source>headline commodity</source><translation type="unfinished"></translation></message>
    <message><source>No UNFC quantities in this layer.</source><translation type="unfinished"></translation></message>
    <message><source>E (rows) × F (columns), {0}, {1}. Click a cell to select its deposits.</source><translation type="unfinished"></translation></message>
    <message><source>No quantities table beside this layer: headline commodity only, counts only.</source><translation type="unfinished"></translation></message>
    <message><source>Contained metal by class needs the quantities table that the export writes beside the deposits (open the run's GeoPackage).</source><translation type="unfinished"></translation></message>
    <message><source>Contained metal per UNFC class: known is G1+G2+G3 (the high, P10, estimate), potential is G4; the two are never added.</source><translation type="unfinished"></translation></message>
    <message><source>{0} P50 (t)</source><translation type="unfinished"></translation></message>
    <message><source>{0}: {1} deposits</source><translation type="unfinished"></translation></message>
    <message><source>not classified</source><translation type="unfinished"></translation></message>
    <message><source>Not classified.</source><translation type="unfinished"></translation></message>
    <message><source>{0} deposits selected; select one to see its intervals.</source><translation type="unfinished"></translation></message>
    <message><source>{0}, {1} (t)</source><translation type="unfinished"></translation></message>
    <message><source>Tailings UNFC run wizard</source><translation type="unfinished"></translation></message>
    <message><source>Assay files</source><translation type="unfinished"></translation></message>
    <message><source>Deposit layers</source><translation type="unfinished"></translation></message>
    <message><source>Tick the layers of tailings deposits to run: layers loaded in the project, or layers from files.</source><translation type="unfinished"></translation></message>
    <message><source>Deposit layer files</source><translation type="unfinished"></translation></message>
    <message><source>Lab files: all their values are used. Field / pXRF files: their Co and REE readings are replaced by model predictions.</source><translation type="unfinished"></translation></message>
    <message><source>Lab assay files</source><translation type="unfinished"></translation></message>
    <message><source>Field / pXRF assay files</source><translation type="unfinished"></translation></message>
    <message><source>Rules and options</source><translation type="unfinished"></translation></message>
    <message><source>The UNFC rules to classify with, and how the run estimates.</source><translation type="unfinished"></translation></message>
    <message><source>Rules file:</source><translation type="unfinished"></translation></message>
    <message><source>Deposit field map (optional)</source><translation type="unfinished"></translation></message>
    <message><source>Assay column map (optional)</source><translation type="unfinished"></translation></message>
    <message><source>Add layers from files:</source><translation type="unfinished"></translation></message>
    <message><source>Choose at least one assay file.</source><translation type="unfinished"></translation></message>
    <message><source>UNFC rules</source><translation type="unfinished"></translation></message>
    <message><source>Shipped rules ({0})</source><translation type="unfinished"></translation></message>
    <message><source>No vector layer found in: {0}</source><translation type="unfinished"></translation></message>
    <message><source>Not found: {0}</source><translation type="unfinished"></translation></message>
    <message><source>Not an assay file (xlsx, xlsm, xls, ods, csv, tsv, txt): {0}</source><translation type="unfinished"></translation></message>
    <message><source>Check the inputs</source><translation type="unfinished"></translation></message>
    <message><source>What the run will find in the inputs (field mapping, CRS, linked samples, method per deposit), before it runs. You can go on whatever it says.</source><translation type="unfinished"></translation></message>
    <message><source>Check again</source><translation type="unfinished"></translation></message>
    <message><source>Checking the inputs…</source><translation type="unfinished"></translation></message>
    <message><source>Run</source><translation type="unfinished"></translation></message>
    <message><source>The run writes into the folder below (a new one per run; change it if you like). When it ends, its deposits are on the map and in the results panel.</source><translation type="unfinished"></translation></message>
    <message><source>Cancel run</source><translation type="unfinished"></translation></message>
    <message><source>Running…</source><translation type="unfinished"></translation></message>
    <message><source>The pre-flight check (checkinputs) is not available; the run checks its inputs itself.</source><translation type="unfinished"></translation></message>
    <message><source>The check stopped with an error (below); the run would stop there too.</source><translation type="unfinished"></translation></message>
    <message><source>Cancelling…</source><translation type="unfinished"></translation></message>
    <message><source>Error: </source><translation type="unfinished"></translation></message>
    <message><source>Finished in {0:.0f} s: {1} deposits classified. On the map in the group “{2}”; files in {3}.</source><translation type="unfinished"></translation></message>
    <message><source>Samples linked to a deposit: {0}. Deposits the run would estimate: {1}.</source><translation type="unfinished"></translation></message>
    <message><source>Run cancelled after {0:.1f} s; no GeoPackage or workbook was written.</source><translation type="unfinished"></translation></message>
    <message><source>The run stopped with an error: see the log below and run_summary.txt in {0}.</source><translation type="unfinished"></translation></message>
    <message><source>item</source><translation type="unfinished"></translation></message>
    <message><source>value</source><translation type="unfinished"></translation></message>
    <message><source>CRM</source><translation type="unfinished"></translation></message>
    <message><source>analyte</source><translation type="unfinished"></translation></message>
    <message><source>n</source><translation type="unfinished"></translation></message>
    <message><source>n &lt; DL</source><translation type="unfinished"></translation></message>
    <message><source>mean (measured)</source><translation type="unfinished"></translation></message>
    <message><source>SD</source><translation type="unfinished"></translation></message>
    <message><source>certified</source><translation type="unfinished"></translation></message>
    <message><source>unit</source><translation type="unfinished"></translation></message>
    <message><source>bias (%)</source><translation type="unfinished"></translation></message>
    <message><source>element</source><translation type="unfinished"></translation></message>
    <message><source>n detected</source><translation type="unfinished"></translation></message>
    <message><source>highest result</source><translation type="unfinished"></translation></message>
    <message><source>pairs compared</source><translation type="unfinished"></translation></message>
    <message><source>pairs with a &lt;DL result (not compared)</source><translation type="unfinished"></translation></message>
    <message><source>median RPD (%)</source><translation type="unfinished"></translation></message>
    <message><source>sample id</source><translation type="unfinished"></translation></message>
    <message><source>kind</source><translation type="unfinished"></translation></message>
    <message><source>row</source><translation type="unfinished"></translation></message>
    <message><source>Only the first rows are shown; the CSV report lists all.</source><translation type="unfinished"></translation></message>
    <message><source>sheet</source><translation type="unfinished"></translation></message>
    <message><source>file</source><translation type="unfinished"></translation></message>
    <message><source>sha256</source><translation type="unfinished"></translation></message>
    <message><source>rows read</source><translation type="unfinished"></translation></message>
    <message><source>samples</source><translation type="unfinished"></translation></message>
    <message><source>rejected rows</source><translation type="unfinished"></translation></message>
    <message><source>blank rows ignored</source><translation type="unfinished"></translation></message>
    <message><source>cell problems</source><translation type="unfinished"></translation></message>
    <message><source>samples not linked to a deposit</source><translation type="unfinished"></translation></message>
    <message><source>CRM rows</source><translation type="unfinished"></translation></message>
    <message><source>blank rows</source><translation type="unfinished"></translation></message>
    <message><source>duplicate rows</source><translation type="unfinished"></translation></message>
    <message><source>duplicates without their original</source><translation type="unfinished"></translation></message>
    <message><source>elements</source><translation type="unfinished"></translation></message>
    <message><source>tree_ppm from</source><translation type="unfinished"></translation></message>
    <message><source>none</source><translation type="unfinished"></translation></message>
    <message><source>Notes</source><translation type="unfinished"></translation></message>
    <message><source>Accounting</source><translation type="unfinished"></translation></message>
    <message><source>CRM bias against certified values</source><translation type="unfinished"></translation></message>
    <message><source>Blanks (ppm)</source><translation type="unfinished"></translation></message>
    <message><source>Duplicate pairs: median relative percent difference</source><translation type="unfinished"></translation></message>
    <message><source>QA/QC results as reported (ppm, oxides in %)</source><translation type="unfinished"></translation></message>
    <message><source>Bias = 100 × (mean − certified) / certified. The mean is of measured results only; results below the detection limit are counted in n &lt; DL, not averaged.</source><translation type="unfinished"></translation></message>
    <message><source>Results below the detection limit are shown as the lab reported them (&lt;DL), never as a substituted value. The highest result is the highest measured value, else the highest limit.</source><translation type="unfinished"></translation></message>
    <message><source>RPD = 100 × |a − b| / ((a + b) / 2) over pairs where both results are measured; a pair with a result below the detection limit is counted but not compared.</source><translation type="unfinished"></translation></message>
    <message><source>No grade estimate for this deposit (no samples and no analogue), so no contained metal to show.</source><translation type="unfinished"></translation></message>
    <message><source>No tonnage is known for this deposit, so there is no contained metal to show.</source><translation type="unfinished"></translation></message>
    <message><source>This deposit is not classified and has no contained-metal estimate.</source><translation type="unfinished"></translation></message>
    <message><source>contained metal (t)
bar P90–P10, dot P50</source><translation type="unfinished"></translation></message>
    <message><source>Check inputs before a run (pre-flight)</source><translation>Kontroller inndata før en kjøring (forhåndssjekk)</translation></message>
    <message><source>Runs the pipeline's own import and planning steps on the given deposit layers and assay files and writes what they find into one report (text, or HTML when the name ends in .html), and nothing else: the field mapping chosen for each deposit layer and the alternatives it saw; where deposit_id comes from (FALLBACK when it is the name); for each assay file the column mapping, the CRS of its coordinates and how many samples that links to a deposit (and what other CRSs would give), units, flagged (censored, over-range, sentinel, invalid) and problem cells, QA/QC rows and rejected rows; finally, per deposit and commodity, the method the run would use (measured, regression, analogue, none). The proxy models the run would train are fitted in a scratch folder and deleted.

DEPOSIT_FIELD_MAP, ASSAY_FIELD_MAP and ASSAY_CRS mean what they mean for the pipeline, so a fix found here can be copied into the real run.</source><translation type="unfinished"></translation></message>
    <message><source>Classify deposits under UNFC</source><translation>Klassifiser deponier etter UNFC</translation></message>
    <message><source>Classifies every deposit and commodity (co, cu, zn, tree) of an estimate layer under UNFC 2019: E (environmental-socio-economic viability) from a value screening, permits and constraint layers; F (technical feasibility) from project status, technology maturity and setting; G (confidence) from sample counts and interval widths. Expert overrides (unfc_e_override, unfc_f_override, unfc_g_override) and CRIRSCO/PERC categories (resource_category) are honoured.

OUTPUT: the deposits with unfc_e, unfc_f, unfc_g, unfc_code, unfc_class, unfc_subclass and unfc_rationale for the headline commodity (most valuable best estimate). OUTPUT_QUANTITIES: one row per deposit, commodity and G increment (G1 = low, G2 = best - low, G3 = high - best; G4.1-G4.3 for potential sources); per deposit and commodity they add up to the high estimate.

RULES: a TOML rules file (default: the shipped rules); the documentation (linked below) lists every key.</source><translation type="unfinished"></translation></message>
    <message><source>Estimate grade, tonnage and contained metal</source><translation>Estimer gehalt, tonnasje og metallinnhold</translation></message>
    <message><source>For each deposit and each of co, cu, zn and tree: mean grade from measured samples (log-normal mean with a generalized-pivotal interval), from model-predicted samples where the element is missing (MODELS: .skops files from Train grade model), or from analogues (mill mass balance, or sampled deposits of the same ore type / source commodity / era). Tonnage range from tonnage_source; contained metal = tonnage × grade by Monte Carlo (ITERATIONS draws, SEED). x_lo = P90 (10th percentile), x = P50 (median, best estimate), x_hi = P10 (90th percentile): an 80 % central interval. Deposits with fewer than MIN_SAMPLES samples are flagged in estimate_warning. The documentation (linked below) explains the methods.</source><translation type="unfinished"></translation></message>
    <message><source>Export to national database (GeoPackage / PostGIS)</source><translation>Eksporter til nasjonal database (GeoPackage / PostGIS)</translation></message>
    <message><source>Writes the product of a run: the classified deposits layer, the UNFC quantities table, a run metadata table, a field dictionary (units, Norwegian aliases), optionally an ERML-Lite MiningWasteView layer with classificationMethodUsed = UNFCCode, and the UNFC class style.
DESTINATION is a GeoPackage file (.gpkg), written atomically and upserted by deposit_id, or a PostGIS connection: postgres://?authcfg=ID&amp;service=NAME&amp;schema=tailings or the QGIS form authcfg=ID host=… port=… dbname=… schema=…. Passwords are refused: store them in a QGIS authentication config.
OUTPUT_REPORT is an xlsx summary: one sheet per commodity with quantities by UNFC class and the deposits, plus the run metadata.</source><translation type="unfinished"></translation></message>
    <message><source>Deposit factsheets (PDF/PNG)</source><translation>Faktaark per forekomst (PDF/PNG)</translation></message>
    <message><source>Writes one factsheet per deposit, as NGU publishes them: a map of the deposit among its neighbours in the UNFC class style, with legend, scale bar and north arrow; the grades of co, cu, zn and tree with their 80 % intervals (P90 - P10), contained metal, samples, method and estimator; the UNFC code, class, sub-class and rationale; the EU Critical Raw Materials Act Art. 27 figures (location, extent, volume, tonnage, concentrations and quantities, the method of estimation and the date of the assessment) and the provenance (rules version, plugin version, time of classification, source layer and run).

INPUT: the classified deposits (the deposits layer of the pipeline's GeoPackage, or the OUTPUT of Classify). OUTPUT: a folder; files are named by the deposit_id (characters that are unsafe in a file name are replaced by _). FILTER: an expression that selects the deposits (empty = all). COMBINED_PDF: also one PDF with every factsheet (factsheets_all.pdf).

The pages come from a QGIS print layout with an atlas over the deposits. Files are written to a temporary folder first and moved into place at the end: a cancelled or failed run leaves the output folder as it was.</source><translation type="unfinished"></translation></message>
    <message><source>Import assay spreadsheet</source><translation>Importer analyseregneark</translation></message>
    <message><source>Reads a lab certificate or field export (xlsx, xlsm, xls, ods, csv, tsv, txt, in any case) into the canonical sample table: one row per sample, grades as &amp;lt;element&amp;gt;_ppm with per-value flags (censored, over_range, sentinel, invalid) and detection limits, oxides as &amp;lt;oxide&amp;gt;_pct, tree_ppm from the REE present, and provenance (file, sheet, row, sha256). CRMs, blanks and duplicates are kept out of the samples and summarised in the QA/QC report (CRM bias against a certified-values sheet). Rows without a sample id or without any usable value go to REJECTS; a bad cell in a good row is listed in REJECTS as a cell-level entry and its value is NULL. With coordinates the output is a point layer in TARGET_CRS (rows without coordinates get NULL geometry); without, a table. DEPOSITS (optional) links samples to deposit_id by id, else by the polygon that contains them. FIELD_MAP names columns the importer does not recognise (target=column; targets sample_id, deposit_id, sample_type, x, y, lon, lat, hole_id, from, to, or an element with its unit such as co:ppm); target= switches a match off. The coordinates' CRS comes from SOURCE_CRS, else from hints in the sheet (EPSG:25832, UTM sone 33, WGS84), and is checked against the data: when few samples fall in a deposit the other Norwegian zones and a lat/lon swap are tried and reported. Advanced limits refuse hostile files with a clear message: MAX_SHEET_MB (uncompressed size of a workbook part), MAX_COMPRESSION_RATIO (zip bombs), MAX_ROWS and TIME_BUDGET_S (wall clock for reading).</source><translation type="unfinished"></translation></message>
    <message><source>Import deposit layer</source><translation>Importer forekomstlag</translation></message>
    <message><source>Reads an NGU deposit registry (points) or an old-tailings layer (polygons) from any OGR source (GeoPackage, shapefile, GeoJSON, GML) or a WFS, and writes it in the canonical deposit schema (deposit_id, name, municipality, deposit_kind, setting, source_mine, source_commodity, status, area_m2, volume_m3, density_t_m3, tonnage_t, tonnage_source), then the optional fields found (importance, ore_type, mining years, mill process, project status, head grades in ppm, recoveries as fractions, ...), then the source's other fields.

Fields are matched by name (Norwegian, English, shapefile-truncated); FIELD_MAP overrides, e.g. 'deposit_id=OBJ_ID;name=NAVN' or JSON {"deposit_id": "OBJ_ID"}; 'tonnage_t=' switches a match off.

Tonnage: a recorded tonnage wins; else volume × density; else, for tailings (or unknown kind), volume × 1.6 t/m³; else none. tonnage_source says which.

Every feature ends in OUTPUT or in REJECTS with reject_reason: missing or duplicate ids, values that are not numbers, negative quantities, empty geometries, invalid geometries that cannot be repaired safely. A layer without a CRS is refused.

WFS: INPUT takes 'wfs://url=https://host/ows typename=ns:layer', the bare provider form 'url=... typename=...', or a URL with TYPENAME in its query. TIMEOUT (seconds, default 15) bounds each request to the server, instead of QGIS's 60 s.</source><translation type="unfinished"></translation></message>
    <message><source>Run the whole pipeline</source><translation>Kjør hele arbeidsflyten</translation></message>
    <message><source>Imports the deposit layer(s) and assay file(s), trains proxy models where lab elements are missing on field samples (Co, REE), estimates grade, tonnage and contained metal per deposit with P90/P50/P10 intervals, classifies every deposit and commodity under UNFC and writes the GeoPackage (deposits, quantities, metadata, styles), the summary workbook, the model files and fit reports, the QA/QC reports and the rejected rows with reasons into one output folder.

ASSAYS are lab files whose values are all used. PROXY_ASSAYS are field/pXRF files: their Fe, S, Ca, P, Mn, Cu and Zn are used, but their Co and REE readings are replaced by model predictions (pXRF reads Co poorly because Co Kα overlaps Fe Kβ).

DEPOSIT_FIELD_MAP is importdeposits' FIELD_MAP for every deposit layer; ASSAY_FIELD_MAP is importassays' FIELD_MAP for every assay file; ASSAY_CRS is the CRS of the assay coordinates (else read from the file's header or guessed, and said so).

The run fails when no sample links to any deposit, or when no deposit gets an estimate. Every run ends with run_summary.txt in the output folder: unlinked samples, deposits without an estimate, fallback ids, assumed CRSs and rejected rows. N_DEPOSITS counts the deposits classified under UNFC.</source><translation type="unfinished"></translation></message>
    <message><source>Train grade model (proxy regression)</source><translation>Tren gehaltsmodell (proxy-regresjon)</translation></message>
    <message><source>Fits a model of ln(target grade) from proxy elements (e.g. pXRF Fe, S, Mn) on the samples that have the target, cross-validated by deposit (GROUP_FIELD, default deposit_id) or by automatic spatial blocks; random K-fold is reported beside it for comparison only. Every prediction carries an 80 % interval (P90-P10) calibrated on held-out residuals. METHOD auto (the default) compares OLS, ridge, gradient boosting, random forest and, up to 800 rows, a Gaussian process on the same grouped folds and keeps the best (the cheapest within 0.005 R²); the report lists every candidate's score. CV_R2 is the pooled out-of-fold R² (ln); CV_R2_FOLD_MEAN and CV_R2_FOLD_SD are the mean and SD of the per-fold R². Saves a .skops model file (loaded later by Estimate) and an HTML report with a log beside it. Censored target values: 'substituted' uses the importer's half-detection-limit value, 'exclude' drops them. The documentation (linked below) explains the options.</source><translation type="unfinished"></translation></message>
</context>
</TS>
