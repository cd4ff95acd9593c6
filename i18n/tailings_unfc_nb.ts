<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO" sourcelanguage="en">
<context>
    <name>TailingsUnfc</name>
    <message><source>Tailings UNFC cannot load its algorithms.</source><translation>Tailings UNFC kan ikke laste inn algoritmene sine.</translation></message>
    <message><source>Tailings UNFC</source><translation>Tailings UNFC</translation></message>
    <message><source>Run wizard…</source><translation>Kjøreveiviser…</translation></message>
    <message><source>Check inputs before a run…</source><translation>Kontroller inndata før en kjøring…</translation></message>
    <message><source>Classify under UNFC…</source><translation>Klassifiser etter UNFC…</translation></message>
    <message><source>Deposit factsheets (PDF/PNG)…</source><translation>Faktaark per forekomst (PDF/PNG)…</translation></message>
    <message><source>Estimate deposit grades and tonnages…</source><translation>Estimer gehalter og tonnasjer per forekomst…</translation></message>
    <message><source>Export to national database…</source><translation>Eksporter til nasjonal database…</translation></message>
    <message><source>Import assay spreadsheet…</source><translation>Importer analyseregneark…</translation></message>
    <message><source>Import deposit layer…</source><translation>Importer forekomstlag…</translation></message>
    <message><source>Run the whole pipeline…</source><translation>Kjør hele arbeidsflyten…</translation></message>
    <message><source>Train proxy regression model…</source><translation>Tren proxy-regresjonsmodell…</translation></message>
    <message><source>Show results panel</source><translation>Vis resultatpanel</translation></message>
    <message><source>column</source><translation>kolonne</translation></message>
    <message><source>file</source><translation>fil</translation></message>
    <message><source>row</source><translation>rad</translation></message>
    <message><source>sheet</source><translation>ark</translation></message>
    <message><source>value</source><translation>verdi</translation></message>
    <message><source>Documentation</source><translation>Dokumentasjon</translation></message>
    <message><source>Cancelled by the user; no output was written.</source><translation>Avbrutt av brukeren; ingen utdata ble skrevet.</translation></message>
    <message><source>Out of memory: the input is too large for this machine.</source><translation>Tom for minne: inndataene er for store for denne maskinen.</translation></message>
    <message><source>{0}: {1} read = {2} accepted{3} + {4} rejected</source><translation>{0}: {1} lest = {2} godtatt{3} + {4} avvist</translation></message>
    <message><source>Internal accounting error in {0}: {1} read but {2} accounted for. Please report this.</source><translation>Intern tellefeil i {0}: {1} lest, men {2} gjort rede for. Meld gjerne fra om dette.</translation></message>
    <message><source>Check inputs before a run (pre-flight)</source><translation>Kontroller inndata før en kjøring (forhåndssjekk)</translation></message>
    <message><source>Runs the pipeline's own import and planning steps on the given deposit layers and assay files and writes what they find into one report (text, or HTML when the name ends in .html), and nothing else: the field mapping chosen for each deposit layer and the alternatives it saw; where deposit_id comes from (FALLBACK when it is the name); for each assay file the column mapping, the CRS of its coordinates and how many samples that links to a deposit (and what other CRSs would give), units, flagged (censored, over-range, sentinel, invalid) and problem cells, QA/QC rows and rejected rows; finally, per deposit and commodity, the method the run would use (measured, regression, analogue, none). The proxy models the run would train are fitted in a scratch folder and deleted.

DEPOSIT_FIELD_MAP, ASSAY_FIELD_MAP and ASSAY_CRS mean what they mean for the pipeline, so a fix found here can be copied into the real run.</source><translation>Kjører arbeidsflytens egne import- og planleggingstrinn på de gitte forekomstlagene og analysefilene og skriver det de finner i én rapport (tekst, eller HTML når navnet slutter på .html), og ingenting annet: feltkoblingen som ble valgt for hvert forekomstlag og alternativene den så; hvor deposit_id kommer fra (FALLBACK når det er navnet); for hver analysefil kolonnekoblingen, koordinatsystemet for koordinatene og hvor mange prøver det kobler til en forekomst (og hva andre koordinatsystemer ville gitt), enheter, flaggede (sensurerte, over måleområdet, sentinelverdier, ugyldige) og problematiske celler, QA/QC-rader og avviste rader; til slutt, per forekomst og råstoff, metoden kjøringen ville brukt (målt, regresjon, analog, ingen). Proxy-modellene kjøringen ville trent, tilpasses i en midlertidig mappe og slettes.

DEPOSIT_FIELD_MAP, ASSAY_FIELD_MAP og ASSAY_CRS betyr det samme som for arbeidsflyten, så en rettelse funnet her kan kopieres inn i den virkelige kjøringen.</translation></message>
    <message><source>Target CRS</source><translation>Mål-koordinatsystem</translation></message>
    <message><source>Pre-flight report</source><translation>Forhåndssjekkrapport</translation></message>
    <message><source>Samples linked to a deposit</source><translation>Prøver koblet til en forekomst</translation></message>
    <message><source>Deposits the run would estimate</source><translation>Forekomster kjøringen ville estimere</translation></message>
    <message><source>No deposit layer given (DEPOSITS)</source><translation>Ingen forekomstlag angitt (DEPOSITS)</translation></message>
    <message><source>Pre-flight report: {0}</source><translation>Forhåndskontroll: {0}</translation></message>
    <message><source>Classify deposits under UNFC</source><translation>Klassifiser forekomster etter UNFC</translation></message>
    <message><source>Classifies every deposit and commodity (co, cu, zn, tree) of an estimate layer under UNFC 2019: E (environmental-socio-economic viability) from a value screening, permits and constraint layers; F (technical feasibility) from project status, technology maturity and setting; G (confidence) from sample counts and interval widths. Expert overrides (unfc_e_override, unfc_f_override, unfc_g_override) and CRIRSCO/PERC categories (resource_category) are honoured.

OUTPUT: the deposits with unfc_e, unfc_f, unfc_g, unfc_code, unfc_class, unfc_subclass and unfc_rationale for the headline commodity (most valuable best estimate). OUTPUT_QUANTITIES: one row per deposit, commodity and G increment (G1 = low, G2 = best - low, G3 = high - best; G4.1-G4.3 for potential sources); per deposit and commodity they add up to the high estimate.

RULES: a TOML rules file (default: the shipped rules); the documentation (linked below) lists every key.</source><translation>Klassifiserer hver forekomst og hvert råstoff (co, cu, zn, tree) i et estimatlag etter UNFC 2019: E (miljømessig-sosioøkonomisk levedyktighet) fra en verdivurdering, tillatelser og restriksjonslag; F (teknisk gjennomførbarhet) fra prosjektstatus, teknologisk modenhet og plassering; G (sikkerhet) fra antall prøver og intervallbredder. Ekspertoverstyringer (unfc_e_override, unfc_f_override, unfc_g_override) og CRIRSCO/PERC-kategorier (resource_category) respekteres.

OUTPUT: forekomstene med unfc_e, unfc_f, unfc_g, unfc_code, unfc_class, unfc_subclass og unfc_rationale for hovedråstoffet (det mest verdifulle beste estimatet). OUTPUT_QUANTITIES: én rad per forekomst, råstoff og G-inkrement (G1 = lav, G2 = beste - lav, G3 = høy - beste; G4.1-G4.3 for potensielle kilder); per forekomst og råstoff summerer de seg til det høye estimatet.

RULES: en TOML-regelfil (standard: de medfølgende reglene); dokumentasjonen (lenke nedenfor) lister hver nøkkel.</translation></message>
    <message><source>Deposit estimates (output of Estimate)</source><translation>Forekomstestimater (utdata fra Estimer)</translation></message>
    <message><source>Rules file (TOML; empty = shipped default rules)</source><translation>Regelfil (TOML; tom = medfølgende standardregler)</translation></message>
    <message><source>Constraint layers (protected areas, reindeer herding, drinking water...)</source><translation>Restriksjonslag (verneområder, reindrift, drikkevann...)</translation></message>
    <message><source>Language of the rationale</source><translation>Språk i begrunnelsen</translation></message>
    <message><source>English</source><translation>Engelsk</translation></message>
    <message><source>From the QGIS locale</source><translation>Fra QGIS-språkinnstillingen</translation></message>
    <message><source>Norsk bokmål</source><translation>Norsk bokmål</translation></message>
    <message><source>Classified deposits</source><translation>Klassifiserte forekomster</translation></message>
    <message><source>UNFC quantities (deposit x commodity x G increment)</source><translation>UNFC-mengder (forekomst x råstoff x G-inkrement)</translation></message>
    <message><source>Deposits per UNFC class (JSON)</source><translation>Forekomster per UNFC-klasse (JSON)</translation></message>
    <message><source>Deposits classified</source><translation>Klassifiserte forekomster (antall)</translation></message>
    <message><source>Rows in the quantities table</source><translation>Rader i mengdetabellen</translation></message>
    <message><source>The input layer could not be opened</source><translation>Inndatalaget kunne ikke åpnes</translation></message>
    <message><source>Rules: {0} (version {1})</source><translation>Regler: {0} (versjon {1})</translation></message>
    <message><source>Reading deposits</source><translation>Leser forekomster</translation></message>
    <message><source>Classifying</source><translation>Klassifiserer</translation></message>
    <message><source>Writing outputs</source><translation>Skriver utdata</translation></message>
    <message><source>Deposits</source><translation>Forekomster</translation></message>
    <message><source>Deposit x commodity pairs: {0} = {1} classified + {2} without estimate (x_method none: no quantity rows) + {3} incomplete; {4} quantity rows written</source><translation>Par av forekomst x råstoff: {0} = {1} klassifisert + {2} uten estimat (x_method none: ingen mengderader) + {3} ufullstendige; {4} mengderader skrevet</translation></message>
    <message><source>Deposits per UNFC class (headline commodity):</source><translation>Forekomster per UNFC-klasse (hovedråstoff):</translation></message>
    <message><source>Constraint layer '{0}': {1} deposit(s) intersect it</source><translation>Restriksjonslag '{0}': {1} forekomst(er) overlapper det</translation></message>
    <message><source>Estimate grade, tonnage and contained metal</source><translation>Estimer gehalt, tonnasje og metallinnhold</translation></message>
    <message><source>For each deposit and each of co, cu, zn and tree: mean grade from measured samples (log-normal mean with a generalized-pivotal interval), from model-predicted samples where the element is missing (MODELS: .skops files from Train grade model), or from analogues (mill mass balance, or sampled deposits of the same ore type / source commodity / era). Tonnage range from tonnage_source; contained metal = tonnage × grade by Monte Carlo (ITERATIONS draws, SEED). x_lo = P90 (10th percentile), x = P50 (median, best estimate), x_hi = P10 (90th percentile): an 80 % central interval. Deposits with fewer than MIN_SAMPLES samples are flagged in estimate_warning. The documentation (linked below) explains the methods.</source><translation>For hver forekomst og hvert av co, cu, zn og tree: middelgehalt fra målte prøver (log-normalt middel med et generalisert pivotalt intervall), fra modellpredikerte prøver der grunnstoffet mangler (MODELS: .skops-filer fra Tren gehaltsmodell), eller fra analoger (massebalanse for oppredningsverket, eller prøvetatte forekomster med samme malmtype / kilderåstoff / periode). Tonnasjeintervall fra tonnage_source; metallinnhold = tonnasje × gehalt ved Monte Carlo (ITERATIONS trekninger, SEED). x_lo = P90 (10. persentil), x = P50 (median, beste estimat), x_hi = P10 (90. persentil): et sentralt 80 %-intervall. Forekomster med færre enn MIN_SAMPLES prøver flagges i estimate_warning. Dokumentasjonen (lenke nedenfor) forklarer metodene.</translation></message>
    <message><source>Deposits (canonical deposit layer)</source><translation>Forekomster (kanonisk forekomstlag)</translation></message>
    <message><source>Samples (canonical sample table or point layer)</source><translation>Prøver (kanonisk prøvetabell eller punktlag)</translation></message>
    <message><source>Model files (.skops, from Train grade model)</source><translation>Modellfiler (.skops, fra Tren gehaltsmodell)</translation></message>
    <message><source>Minimum samples per deposit</source><translation>Minste antall prøver per forekomst</translation></message>
    <message><source>Random seed</source><translation>Startverdi for tilfeldige tall (seed)</translation></message>
    <message><source>Monte Carlo iterations</source><translation>Monte Carlo-iterasjoner</translation></message>
    <message><source>Proxy source files whose grades are not used as measured (src_file names, ';'-separated, e.g. pxrf_field.csv)</source><translation>Proxy-kildefiler der gehaltene ikke brukes som målte (src_file-navn, skilt med ';', f.eks. pxrf_field.csv)</translation></message>
    <message><source>Deposit estimates</source><translation>Forekomstestimater</translation></message>
    <message><source>The deposit or sample layer cannot be read</source><translation>Forekomst- eller prøvelaget kan ikke leses</translation></message>
    <message><source>x_lo = P90 (10th percentile), x = P50 (median, best estimate), x_hi = P10 (90th percentile): an 80 % central interval</source><translation>x_lo = P90 (10. persentil), x = P50 (median, beste estimat), x_hi = P10 (90. persentil): et sentralt 80 %-intervall</translation></message>
    <message><source>Cannot create the output layer</source><translation>Kan ikke opprette utdatalaget</translation></message>
    <message><source>deposits</source><translation>forekomster</translation></message>
    <message><source>The QGIS authentication config {0!r} does not exist in this profile (Settings ▸ Options ▸ Authentication)</source><translation>QGIS-autentiseringsoppsettet {0!r} finnes ikke i denne profilen (Innstillinger ▸ Alternativer ▸ Autentisering)</translation></message>
    <message><source>The QGIS authentication config {0!r} could not be read (is the master password set?)</source><translation>QGIS-autentiseringsoppsettet {0!r} kunne ikke leses (er hovedpassordet satt?)</translation></message>
    <message><source>Export to national database (GeoPackage / PostGIS)</source><translation>Eksporter til nasjonal database (GeoPackage / PostGIS)</translation></message>
    <message><source>Writes the product of a run: the classified deposits layer, the UNFC quantities table, a run metadata table, a field dictionary (units, Norwegian aliases), optionally an ERML-Lite MiningWasteView layer with classificationMethodUsed = UNFCCode, and the UNFC class style.
DESTINATION is a GeoPackage file (.gpkg), written atomically and upserted by deposit_id, or a PostGIS connection: postgres://?authcfg=ID&amp;service=NAME&amp;schema=tailings or the QGIS form authcfg=ID host=… port=… dbname=… schema=…. Passwords are refused: store them in a QGIS authentication config.
OUTPUT_REPORT is an xlsx summary: one sheet per commodity with quantities by UNFC class and the deposits, plus the run metadata.</source><translation>Skriver produktet av en kjøring: laget med klassifiserte forekomster, UNFC-mengdetabellen, en tabell med kjøringsmetadata, en feltordbok (enheter, norske aliaser), eventuelt et ERML-Lite MiningWasteView-lag med classificationMethodUsed = UNFCCode, og UNFC-klassestilen.
DESTINATION er en GeoPackage-fil (.gpkg), skrevet atomisk og oppdatert (upsert) etter deposit_id, eller en PostGIS-tilkobling: postgres://?authcfg=ID&amp;service=NAME&amp;schema=tailings eller QGIS-formen authcfg=ID host=… port=… dbname=… schema=…. Passord avvises: lagre dem i en QGIS-autentiseringskonfigurasjon.
OUTPUT_REPORT er et xlsx-sammendrag: ett ark per råstoff med mengder per UNFC-klasse og forekomstene, pluss kjøringsmetadataene.</translation></message>
    <message><source>UNFC quantities table</source><translation>UNFC-mengdetabell</translation></message>
    <message><source>Destination (GeoPackage file, or PostGIS: postgres://?authcfg=…)</source><translation>Mål (GeoPackage-fil, eller PostGIS: postgres://?authcfg=…)</translation></message>
    <message><source>GeoPackage (*.gpkg)</source><translation>GeoPackage (*.gpkg)</translation></message>
    <message><source>Summary workbook</source><translation>Sammendragsarbeidsbok</translation></message>
    <message><source>Excel workbook (*.xlsx)</source><translation>Excel-arbeidsbok (*.xlsx)</translation></message>
    <message><source>Also write the ERML-Lite MiningWasteView layer</source><translation>Skriv også ERML-Lite-laget MiningWasteView</translation></message>
    <message><source>Run metadata (JSON object or .json file; filled by the pipeline)</source><translation>Kjøringsmetadata (JSON-objekt eller .json-fil; fylles ut av arbeidsflyten)</translation></message>
    <message><source>Table name prefix</source><translation>Prefiks for tabellnavn</translation></message>
    <message><source>PostGIS schema (when the destination does not name one)</source><translation>PostGIS-skjema (når målet ikke angir et)</translation></message>
    <message><source>Run id</source><translation>Kjørings-id</translation></message>
    <message><source>Deposits written</source><translation>Forekomster skrevet</translation></message>
    <message><source>Quantity rows written</source><translation>Mengderader skrevet</translation></message>
    <message><source>INPUT and QUANTITIES must both be given</source><translation>Både INPUT og QUANTITIES må angis</translation></message>
    <message><source>Reading the classified deposits …</source><translation>Leser de klassifiserte forekomstene …</translation></message>
    <message><source>INPUT has no geometry</source><translation>INPUT har ingen geometri</translation></message>
    <message><source>quantity rows</source><translation>mengderader</translation></message>
    <message><source>Choose at least one output: PDF, PNG or a combined PDF</source><translation>Velg minst ett utdataformat: PDF, PNG eller en samlet PDF</translation></message>
    <message><source>The deposit layer could not be opened</source><translation>Forekomstlaget kunne ikke åpnes</translation></message>
    <message><source>The layer has no deposit_id field: run Classify (or the pipeline) first</source><translation>Laget har ikke noe deposit_id-felt: kjør Klassifiser (eller arbeidsflyten) først</translation></message>
    <message><source>Factsheets need a polygon or point layer of deposits</source><translation>Faktaark krever et polygon- eller punktlag med forekomster</translation></message>
    <message><source>The filter expression is not valid: {0}</source><translation>Filteruttrykket er ikke gyldig: {0}</translation></message>
    <message><source>UNFC class</source><translation>UNFC-klasse</translation></message>
    <message><source>The UNFC class style could not be read: {0}</source><translation>Stilen for UNFC-klassene kunne ikke leses: {0}</translation></message>
    <message><source>This deposit</source><translation>Denne forekomsten</translation></message>
    <message><source>The factsheet atlas could not start</source><translation>Faktaarkatlaset kunne ikke starte</translation></message>
    <message><source>export failed</source><translation>eksporten mislyktes</translation></message>
    <message><source>A folder is in the way of a factsheet</source><translation>En mappe står i veien for et faktaark</translation></message>
    <message><source>Tailings deposit factsheet · UNFC-2019 and EU CRMA Art. 27</source><translation>Faktaark for avgangsdeponi · UNFC-2019 og EUs CRMA art. 27</translation></message>
    <message><source>Grades and contained metal: best estimate P50 with the 80 % interval P90 – P10 (UNFC low and high estimates). &lt;DL: samples below the detection limit.</source><translation>Gehalter og metallinnhold: beste estimat P50 med 80 %-intervallet P90 – P10 (UNFCs lave og høye estimat). &lt;DL: prøver under deteksjonsgrensen.</translation></message>
    <message><source>Tailings UNFC factsheet</source><translation>Tailings UNFC – faktaark</translation></message>
    <message><source>Waste facility (CRMA Art. 27)</source><translation>Avfallsanlegg (CRMA art. 27)</translation></message>
    <message><source>Concentrations and quantities of raw materials</source><translation>Konsentrasjoner og mengder av råstoffer</translation></message>
    <message><source>UNFC-2019 classification (headline commodity)</source><translation>UNFC-2019-klassifisering (hovedråstoff)</translation></message>
    <message><source>Rationale</source><translation>Begrunnelse</translation></message>
    <message><source>Method of estimation</source><translation>Estimeringsmetode</translation></message>
    <message><source>analogue</source><translation>analog</translation></message>
    <message><source>measured</source><translation>målt</translation></message>
    <message><source>regression</source><translation>regresjon</translation></message>
    <message><source>no estimate</source><translation>ikke estimert</translation></message>
    <message><source>Cobalt (Co)</source><translation>Kobolt (Co)</translation></message>
    <message><source>Copper (Cu)</source><translation>Kobber (Cu)</translation></message>
    <message><source>Zinc (Zn)</source><translation>Sink (Zn)</translation></message>
    <message><source>Rare earths (TREE)</source><translation>Sjeldne jordarter (TREE)</translation></message>
    <message><source>critical, strategic</source><translation>kritisk, strategisk</translation></message>
    <message><source>strategic, not critical</source><translation>strategisk, ikke kritisk</translation></message>
    <message><source>critical (LREE, HREE)</source><translation>kritisk (LREE, HREE)</translation></message>
    <message><source>not listed (national)</source><translation>ikke oppført (nasjonalt)</translation></message>
    <message><source>80 % interval</source><translation>80 %-intervall</translation></message>
    <message><source>Commodity</source><translation>Råstoff</translation></message>
    <message><source>EU CRMA status</source><translation>Status i EUs CRMA</translation></message>
    <message><source>Grade (ppm)</source><translation>Gehalt (ppm)</translation></message>
    <message><source>Contained (t)</source><translation>Innhold (t)</translation></message>
    <message><source>Method, estimator</source><translation>Metode, estimator</translation></message>
    <message><source>Samples</source><translation>Prøver</translation></message>
    <message><source>Class</source><translation>Klasse</translation></message>
    <message><source>UNFC code</source><translation>UNFC-kode</translation></message>
    <message><source>Sub-class</source><translation>Underklasse</translation></message>
    <message><source>recorded</source><translation>registrert</translation></message>
    <message><source>volume × density</source><translation>volum × tetthet</translation></message>
    <message><source>unknown</source><translation>ukjent</translation></message>
    <message><source>volume × default density</source><translation>volum × standardtetthet</translation></message>
    <message><source>Footprint (m²)</source><translation>Areal (m²)</translation></message>
    <message><source>Location</source><translation>Beliggenhet</translation></message>
    <message><source>Dry tonnage (t)</source><translation>Tørr tonnasje (t)</translation></message>
    <message><source>Volume (m³)</source><translation>Volum (m³)</translation></message>
    <message><source>Tonnage from</source><translation>Tonnasje fra</translation></message>
    <message><source>Deposit kind, setting</source><translation>Deponitype, plassering</translation></message>
    <message><source>Source mine</source><translation>Kildegruve</translation></message>
    <message><source>Mined for</source><translation>Utvunnet for</translation></message>
    <message><source>Status</source><translation>Status</translation></message>
    <message><source>Assessed</source><translation>Vurdert</translation></message>
    <message><source>Rules</source><translation>Regler</translation></message>
    <message><source>classified</source><translation>klassifisert</translation></message>
    <message><source>run</source><translation>kjøring</translation></message>
    <message><source>source</source><translation>kilde</translation></message>
    <message><source>Not classified</source><translation>Ikke klassifisert</translation></message>
    <message><source>Warning: </source><translation>Advarsel: </translation></message>
    <message><source>Deposit factsheets (PDF/PNG)</source><translation>Faktaark per forekomst (PDF/PNG)</translation></message>
    <message><source>Writes one factsheet per deposit, as NGU publishes them: a map of the deposit among its neighbours in the UNFC class style, with legend, scale bar and north arrow; the grades of co, cu, zn and tree with their 80 % intervals (P90 - P10), contained metal, samples, method and estimator; the UNFC code, class, sub-class and rationale; the EU Critical Raw Materials Act Art. 27 figures (location, extent, volume, tonnage, concentrations and quantities, the method of estimation and the date of the assessment) and the provenance (rules version, plugin version, time of classification, source layer and run).

INPUT: the classified deposits (the deposits layer of the pipeline's GeoPackage, or the OUTPUT of Classify). OUTPUT: a folder; files are named by the deposit_id (characters that are unsafe in a file name are replaced by _). FILTER: an expression that selects the deposits (empty = all). COMBINED_PDF: also one PDF with every factsheet (factsheets_all.pdf).

The pages come from a QGIS print layout with an atlas over the deposits. Files are written to a temporary folder first and moved into place at the end: a cancelled or failed run leaves the output folder as it was.</source><translation>Skriver ett faktaark per forekomst, slik NGU publiserer dem: et kart over forekomsten blant naboene i UNFC-klassestilen, med tegnforklaring, målestokk og nordpil; gehaltene av co, cu, zn og tree med 80 %-intervallene (P90 - P10), metallinnhold, prøver, metode og estimator; UNFC-kode, klasse, underklasse og begrunnelse; tallene etter EUs forordning om kritiske råstoffer (CRMA) art. 27 (beliggenhet, utstrekning, volum, tonnasje, konsentrasjoner og mengder, estimeringsmetoden og datoen for vurderingen) og opphavet (regelversjon, programversjon, tidspunkt for klassifiseringen, kildelag og kjøring).

INPUT: de klassifiserte forekomstene (forekomstlaget i arbeidsflytens GeoPackage, eller OUTPUT fra Klassifiser). OUTPUT: en mappe; filene navngis etter deposit_id (tegn som er utrygge i et filnavn erstattes med _). FILTER: et uttrykk som velger forekomstene (tomt = alle). COMBINED_PDF: også én PDF med alle faktaarkene (factsheets_all.pdf).

Sidene kommer fra en QGIS-utskriftsmal med et atlas over forekomstene. Filene skrives først til en midlertidig mappe og flyttes på plass til slutt: en avbrutt eller mislykket kjøring etterlater utdatamappen slik den var.</translation></message>
    <message><source>Classified deposits (pipeline GeoPackage's deposits, or Classify's output)</source><translation>Klassifiserte forekomster (forekomstene i arbeidsflytens GeoPackage, eller utdata fra Klassifiser)</translation></message>
    <message><source>Files per deposit</source><translation>Filer per forekomst</translation></message>
    <message><source>PDF</source><translation>PDF</translation></message>
    <message><source>PDF and PNG</source><translation>PDF og PNG</translation></message>
    <message><source>PNG</source><translation>PNG</translation></message>
    <message><source>Only the deposits where (expression; empty = all)</source><translation>Bare forekomstene der (uttrykk; tomt = alle)</translation></message>
    <message><source>Resolution of the PNG files (dpi)</source><translation>Oppløsning for PNG-filene (dpi)</translation></message>
    <message><source>Also one combined PDF of all factsheets</source><translation>Også én samlet PDF med alle faktaarkene</translation></message>
    <message><source>Output folder</source><translation>Utdatamappe</translation></message>
    <message><source>Deposits with a factsheet</source><translation>Forekomster med faktaark</translation></message>
    <message><source>Files written (one per line)</source><translation>Filer skrevet (én per linje)</translation></message>
    <message><source>Writing factsheets</source><translation>Skriver faktaark</translation></message>
    <message><source>No deposit in the layer (or none matches the filter): no factsheet written.</source><translation>Ingen forekomst i laget (eller ingen som passer filteret): ingen faktaark skrevet.</translation></message>
    <message><source>Factsheets: {0} deposit(s), {1} file(s) in {2}</source><translation>Faktaark: {0} forekomst(er), {1} fil(er) i {2}</translation></message>
    <message><source>Import assay spreadsheet</source><translation>Importer analyseregneark</translation></message>
    <message><source>Reads a lab certificate or field export (xlsx, xlsm, xls, ods, csv, tsv, txt, in any case) into the canonical sample table: one row per sample, grades as &amp;lt;element&amp;gt;_ppm with per-value flags (censored, over_range, sentinel, invalid) and detection limits, oxides as &amp;lt;oxide&amp;gt;_pct, tree_ppm from the REE present, and provenance (file, sheet, row, sha256). CRMs, blanks and duplicates are kept out of the samples and summarised in the QA/QC report (CRM bias against a certified-values sheet). Rows without a sample id or without any usable value go to REJECTS; a bad cell in a good row is listed in REJECTS as a cell-level entry and its value is NULL. With coordinates the output is a point layer in TARGET_CRS (rows without coordinates get NULL geometry); without, a table. DEPOSITS (optional) links samples to deposit_id by id, else by the polygon that contains them. FIELD_MAP names columns the importer does not recognise (target=column; targets sample_id, deposit_id, sample_type, x, y, lon, lat, hole_id, from, to, or an element with its unit such as co:ppm); target= switches a match off. The coordinates' CRS comes from SOURCE_CRS, else from hints in the sheet (EPSG:25832, UTM sone 33, WGS84), and is checked against the data: when few samples fall in a deposit the other Norwegian zones and a lat/lon swap are tried and reported. Advanced limits refuse hostile files with a clear message: MAX_SHEET_MB (uncompressed size of a workbook part), MAX_COMPRESSION_RATIO (zip bombs), MAX_ROWS and TIME_BUDGET_S (wall clock for reading).</source><translation>Leser et analysesertifikat fra laboratoriet eller en felteksport (xlsx, xlsm, xls, ods, csv, tsv, txt, uansett store eller små bokstaver) inn i den kanoniske prøvetabellen: én rad per prøve, gehalter som &amp;lt;element&amp;gt;_ppm med flagg per verdi (censored, over_range, sentinel, invalid) og deteksjonsgrenser, oksider som &amp;lt;oxide&amp;gt;_pct, tree_ppm fra de REE som finnes, og opphav (fil, ark, rad, sha256). CRM-er, blankprøver og duplikater holdes utenfor prøvene og oppsummeres i QA/QC-rapporten (CRM-skjevhet mot et ark med sertifiserte verdier). Rader uten prøve-id eller uten noen brukbar verdi går til REJECTS; en dårlig celle i en god rad listes i REJECTS som en oppføring på cellenivå, og verdien blir NULL. Med koordinater blir utdataene et punktlag i TARGET_CRS (rader uten koordinater får NULL-geometri); uten, en tabell. DEPOSITS (valgfritt) kobler prøver til deposit_id etter id, ellers etter polygonet som inneholder dem. FIELD_MAP navngir kolonner som importen ikke gjenkjenner (mål=kolonne; mål er sample_id, deposit_id, sample_type, x, y, lon, lat, hole_id, from, to, eller et grunnstoff med enhet, som co:ppm); mål= slår av en kobling. Koordinatsystemet for koordinatene kommer fra SOURCE_CRS, ellers fra hint i arket (EPSG:25832, UTM sone 33, WGS84), og kontrolleres mot dataene: når få prøver faller i en forekomst, prøves de andre norske sonene og ombytting av lat/lon, og det rapporteres. Avanserte grenser avviser fiendtlige filer med en tydelig melding: MAX_SHEET_MB (ukomprimert størrelse på en del av arbeidsboka), MAX_COMPRESSION_RATIO (zip-bomber), MAX_ROWS og TIME_BUDGET_S (veggklokketid for lesingen).</translation></message>
    <message><source>Assay file</source><translation>Analysefil</translation></message>
    <message><source>All files</source><translation>Alle filer</translation></message>
    <message><source>Spreadsheets and text tables</source><translation>Regneark og teksttabeller</translation></message>
    <message><source>Sheet (empty: the one that looks like assay data)</source><translation>Ark (tomt: det som ser ut som analysedata)</translation></message>
    <message><source>Deposits for linking (with deposit_id)</source><translation>Forekomster å koble mot (med deposit_id)</translation></message>
    <message><source>Output CRS</source><translation>Koordinatsystem for utdata</translation></message>
    <message><source>Column map override (target=column;..., e.g. sample_id=Smp_No; co=Co_ICP:ppm; x=Øst; y=Nord)</source><translation>Overstyring av kolonnekobling (mål=kolonne;..., f.eks. sample_id=Smp_No; co=Co_ICP:ppm; x=Øst; y=Nord)</translation></message>
    <message><source>CRS of the file's coordinates (empty: from the header or assumed)</source><translation>Koordinatsystem for filens koordinater (tomt: fra overskriften eller antatt)</translation></message>
    <message><source>Value used for censored (&lt;DL) results</source><translation>Verdi brukt for sensurerte resultater (&lt;DL)</translation></message>
    <message><source>Half the detection limit</source><translation>Halve deteksjonsgrensen</translation></message>
    <message><source>NULL (no value)</source><translation>NULL (ingen verdi)</translation></message>
    <message><source>The detection limit</source><translation>Deteksjonsgrensen</translation></message>
    <message><source>Zero</source><translation>Null (0)</translation></message>
    <message><source>Rejected rows and cells</source><translation>Avviste rader og celler</translation></message>
    <message><source>QA/QC report</source><translation>QA/QC-rapport</translation></message>
    <message><source>HTML (*.html);;CSV (*.csv)</source><translation>HTML (*.html);;CSV (*.csv)</translation></message>
    <message><source>Problem cells</source><translation>Problemceller</translation></message>
    <message><source>QA/QC rows</source><translation>QA/QC-rader</translation></message>
    <message><source>Rejected rows</source><translation>Avviste rader</translation></message>
    <message><source>Rows read</source><translation>Rader lest</translation></message>
    <message><source>No assay file given</source><translation>Ingen analysefil angitt</translation></message>
    <message><source>The DEPOSITS layer has no deposit_id field; run 'Import deposits' first</source><translation>DEPOSITS-laget har ikke noe deposit_id-felt; kjør 'Importer forekomstlag' først</translation></message>
    <message><source>Reading {0}</source><translation>Leser {0}</translation></message>
    <message><source>Reading the assay file</source><translation>Leser analysefilen</translation></message>
    <message><source>Reading the assay file: row {0:,.0f}</source><translation>Leser analysefilen: rad {0:,.0f}</translation></message>
    <message><source>Linkage: {0}</source><translation>Kobling: {0}</translation></message>
    <message><source>{0} of {1} samples have a location (the others have NULL geometry)</source><translation>{0} av {1} prøver har en posisjon (de andre har NULL-geometri)</translation></message>
    <message><source>The file has no coordinate columns: the samples are written as a table</source><translation>Filen har ingen koordinatkolonner: prøvene skrives som en tabell</translation></message>
    <message><source>The samples output cannot be created</source><translation>Utdataene for prøvene kan ikke opprettes</translation></message>
    <message><source>QA/QC report written to {0}</source><translation>QA/QC-rapport skrevet til {0}</translation></message>
    <message><source>Assay rows</source><translation>Analyserader</translation></message>
    <message><source>QA/QC rows ({0})</source><translation>QA/QC-rader ({0})</translation></message>
    <message><source>{0} problem cell(s) in kept rows listed in REJECTS (reject_level = cell); {1} blank row(s) ignored</source><translation>{0} problemcelle(r) i beholdte rader listet i REJECTS (reject_level = cell); {1} tom(me) rad(er) ignorert</translation></message>
    <message><source>{0} sample(s) are not linked to any deposit</source><translation>{0} prøve(r) er ikke koblet til noen forekomst</translation></message>
    <message><source>The WFS URL {0!r} does not say which feature type to read: add TYPENAME=&lt;layer&gt; (see the service's GetCapabilities), or pass "url={1} typename=&lt;layer&gt;".</source><translation>WFS-adressen {0!r} sier ikke hvilken objekttype som skal leses: legg til TYPENAME=&lt;layer&gt; (se tjenestens GetCapabilities), eller oppgi "url={1} typename=&lt;layer&gt;".</translation></message>
    <message><source>Import deposit layer</source><translation>Importer forekomstlag</translation></message>
    <message><source>Reads an NGU deposit registry (points) or an old-tailings layer (polygons) from any OGR source (GeoPackage, shapefile, GeoJSON, GML) or a WFS, and writes it in the canonical deposit schema (deposit_id, name, municipality, deposit_kind, setting, source_mine, source_commodity, status, area_m2, volume_m3, density_t_m3, tonnage_t, tonnage_source), then the optional fields found (importance, ore_type, mining years, mill process, project status, head grades in ppm, recoveries as fractions, ...), then the source's other fields.

Fields are matched by name (Norwegian, English, shapefile-truncated); FIELD_MAP overrides, e.g. 'deposit_id=OBJ_ID;name=NAVN' or JSON {"deposit_id": "OBJ_ID"}; 'tonnage_t=' switches a match off.

Tonnage: a recorded tonnage wins; else volume × density; else, for tailings (or unknown kind), volume × 1.6 t/m³; else none. tonnage_source says which.

Every feature ends in OUTPUT or in REJECTS with reject_reason: missing or duplicate ids, values that are not numbers, negative quantities, empty geometries, invalid geometries that cannot be repaired safely. A layer without a CRS is refused.

WFS: INPUT takes 'wfs://url=https://host/ows typename=ns:layer', the bare provider form 'url=... typename=...', or a URL with TYPENAME in its query. TIMEOUT (seconds, default 15) bounds each request to the server, instead of QGIS's 60 s.</source><translation>Leser et NGU-forekomstregister (punkter) eller et lag med gamle avgangsdeponier (polygoner) fra en hvilken som helst OGR-kilde (GeoPackage, shapefil, GeoJSON, GML) eller en WFS, og skriver det i det kanoniske forekomstskjemaet (deposit_id, name, municipality, deposit_kind, setting, source_mine, source_commodity, status, area_m2, volume_m3, density_t_m3, tonnage_t, tonnage_source), deretter de valgfrie feltene som finnes (importance, ore_type, driftsår, oppredningsprosess, prosjektstatus, hodegehalter i ppm, utbytte som andeler, ...), deretter kildens øvrige felt.

Felt kobles etter navn (norsk, engelsk, avkortet i shapefil); FIELD_MAP overstyrer, f.eks. 'deposit_id=OBJ_ID;name=NAVN' eller JSON {"deposit_id": "OBJ_ID"}; 'tonnage_t=' slår av en kobling.

Tonnasje: en registrert tonnasje går foran; ellers volum × tetthet; ellers, for avgangsmasser (eller ukjent type), volum × 1.6 t/m³; ellers ingen. tonnage_source sier hvilken.

Hvert objekt havner i OUTPUT eller i REJECTS med reject_reason: manglende eller doble id-er, verdier som ikke er tall, negative mengder, tomme geometrier, ugyldige geometrier som ikke kan repareres trygt. Et lag uten koordinatsystem avvises.

WFS: INPUT tar 'wfs://url=https://host/ows typename=ns:layer', den rene providerformen 'url=... typename=...', eller en URL med TYPENAME i spørringen. TIMEOUT (sekunder, standard 15) begrenser hver forespørsel til tjeneren, i stedet for QGIS' 60 s.</translation></message>
    <message><source>Deposit layer (file, database or WFS)</source><translation>Forekomstlag (fil, database eller WFS)</translation></message>
    <message><source>Field map override (canonical=source;... or JSON)</source><translation>Overstyring av feltkobling (kanonisk=kilde;... eller JSON)</translation></message>
    <message><source>Network timeout for a WFS (seconds)</source><translation>Tidsavbrudd for nettverk mot WFS (sekunder)</translation></message>
    <message><source>Rejected features</source><translation>Avviste objekter</translation></message>
    <message><source>1 when deposit_id is the name (no id field), else 0</source><translation>1 når deposit_id er navnet (intet id-felt), ellers 0</translation></message>
    <message><source>Features read</source><translation>Objekter lest</translation></message>
    <message><source>Features rejected</source><translation>Objekter avvist</translation></message>
    <message><source>Where deposit_id came from</source><translation>Hvor deposit_id kom fra</translation></message>
    <message><source>Warnings of the import (JSON list)</source><translation>Advarsler fra importen (JSON-liste)</translation></message>
    <message><source>Could not open {0!r} as a vector layer: GDAL/OGR cannot read it, or the layer name after '|layername=' is wrong.</source><translation>Kunne ikke åpne {0!r} som vektorlag: GDAL/OGR kan ikke lese det, eller lagnavnet etter '|layername=' er feil.</translation></message>
    <message><source>The WFS did not answer within TIMEOUT = {0:g} s, or does not offer the requested feature type ({1}). Check the address, the typename and the network, or give a longer TIMEOUT{2}.</source><translation>WFS-tjenesten svarte ikke innen TIMEOUT = {0:g} s, eller tilbyr ikke den etterspurte objekttypen ({1}). Kontroller adressen, typenavnet og nettverket, eller angi en lengre TIMEOUT{2}.</translation></message>
    <message><source>The input file does not exist</source><translation>Inndatafilen finnes ikke</translation></message>
    <message><source>TARGET_CRS must be a projected CRS in metres (areas and volumes are in m², m³); got {0}. Use e.g. EPSG:25833.</source><translation>TARGET_CRS må være et projisert koordinatsystem i meter (arealer og volumer er i m², m³); fikk {0}. Bruk f.eks. EPSG:25833.</translation></message>
    <message><source>an invalid CRS</source><translation>et ugyldig koordinatsystem</translation></message>
    <message><source>The input is a table without geometry; a deposit layer needs points or polygons (for a spreadsheet of samples use Import assays).</source><translation>Inndataene er en tabell uten geometri; et forekomstlag trenger punkter eller polygoner (for et regneark med prøver, bruk Importer analyseregneark).</translation></message>
    <message><source>The input holds lines; a deposit layer needs polygons (tailings outlines) or points (deposit registry). Convert lines that outline a deposit with native:linestopolygons.</source><translation>Inndataene inneholder linjer; et forekomstlag trenger polygoner (omriss av avgangsdeponier) eller punkter (forekomstregister). Konverter linjer som omslutter en forekomst med native:linestopolygons.</translation></message>
    <message><source>The input layer has no coordinate reference system, so its coordinates cannot be placed. Assign the right one (Layer Properties → Source, or native:assignprojection, or a .prj beside a shapefile) and run again; common Norwegian CRSs are EPSG:25832/25833/25835 and EPSG:4326.</source><translation>Inndatalaget har ikke noe koordinatsystem, så koordinatene kan ikke plasseres. Tilordne det riktige (Lagegenskaper → Kilde, eller native:assignprojection, eller en .prj ved siden av en shapefil) og kjør på nytt; vanlige norske koordinatsystemer er EPSG:25832/25833/25835 og EPSG:4326.</translation></message>
    <message><source>Reading {0} ({1} → {2})</source><translation>Leser {0} ({1} → {2})</translation></message>
    <message><source>The input layer has no features.</source><translation>Inndatalaget har ingen objekter.</translation></message>
    <message><source>Field mapping:</source><translation>Feltkobling:</translation></message>
    <message><source>deposit_id from {0}</source><translation>deposit_id fra {0}</translation></message>
    <message><source>Could not create the output layers (check the output paths).</source><translation>Kunne ikke opprette utdatalagene (kontroller utdatastiene).</translation></message>
    <message><source>Field aliases could not be stored in {0}: {1}</source><translation>Feltaliasene kunne ikke lagres i {0}: {1}</translation></message>
    <message><source>Non-viable projects (E3 F2.2/F2.3)</source><translation>Ikke levedyktige prosjekter (E3 F2.2/F2.3)</translation></message>
    <message><source>Potentially viable projects (E2 F2.1/F2.2)</source><translation>Potensielt levedyktige prosjekter (E2 F2.1/F2.2)</translation></message>
    <message><source>Prospective projects (E3.2 F3 G4)</source><translation>Prospektive prosjekter (E3.2 F3 G4)</translation></message>
    <message><source>Remaining products not developed, identified (E3.3 F4 G1-G3)</source><translation>Gjenværende produkter som ikke utvikles, identifiserte (E3.3 F4 G1-G3)</translation></message>
    <message><source>Remaining products not developed, prospective (E3.3 F4 G4)</source><translation>Gjenværende produkter som ikke utvikles, prospektive (E3.3 F4 G4)</translation></message>
    <message><source>Viable projects (E1 F1)</source><translation>Levedyktige prosjekter (E1 F1)</translation></message>
    <message><source>Other combinations (reported, not forced into a class)</source><translation>Andre kombinasjoner (rapportert, ikke tvunget inn i en klasse)</translation></message>
    <message><source>Non-viable projects</source><translation>Ikke levedyktige prosjekter</translation></message>
    <message><source>Potentially viable projects</source><translation>Potensielt levedyktige prosjekter</translation></message>
    <message><source>Prospective projects</source><translation>Prospektive prosjekter</translation></message>
    <message><source>Remaining products not developed from identified projects</source><translation>Gjenværende produkter som ikke utvikles fra identifiserte prosjekter</translation></message>
    <message><source>Remaining products not developed from prospective projects</source><translation>Gjenværende produkter som ikke utvikles fra prospektive prosjekter</translation></message>
    <message><source>Viable projects</source><translation>Levedyktige prosjekter</translation></message>
    <message><source>Other combinations</source><translation>Andre kombinasjoner</translation></message>
    <message><source>No UNFC style stored with {0}</source><translation>Ingen UNFC-stil lagret med {0}</translation></message>
    <message><source>Tailings UNFC run {0}</source><translation>Tailings UNFC-kjøring {0}</translation></message>
    <message><source>UNFC quantities</source><translation>UNFC-mengder</translation></message>
    <message><source>UNFC deposits</source><translation>UNFC-forekomster</translation></message>
    <message><source>OGR cannot open it</source><translation>OGR kan ikke åpne den</translation></message>
    <message><source>it has no layer</source><translation>den har ikke noe lag</translation></message>
    <message><source>it has no layer {0!r}</source><translation>den har ikke laget {0!r}</translation></message>
    <message><source>its features cannot be counted</source><translation>objektene i den kan ikke telles</translation></message>
    <message><source>The output {0} was written to {1}, but it cannot be read back: {2}. Is the disk full or the folder read-only? Free space or choose another folder and run again.</source><translation>Resultatet {0} ble skrevet til {1}, men kan ikke leses tilbake: {2}. Er disken full eller mappen skrivebeskyttet? Frigjør plass eller velg en annen mappe og kjør på nytt.</translation></message>
    <message><source>Cannot write {0} to {1}: the folder {2} is read-only or not writable. Choose another folder (or ask for write permission) and run again.</source><translation>Kan ikke skrive {0} til {1}: mappen {2} er skrivebeskyttet eller ikke skrivbar. Velg en annen mappe (eller be om skrivetilgang) og kjør på nytt.</translation></message>
    <message><source>Run the whole pipeline</source><translation>Kjør hele arbeidsflyten</translation></message>
    <message><source>Imports the deposit layer(s) and assay file(s), trains proxy models where lab elements are missing on field samples (Co, REE), estimates grade, tonnage and contained metal per deposit with P90/P50/P10 intervals, classifies every deposit and commodity under UNFC and writes the GeoPackage (deposits, quantities, metadata, styles), the summary workbook, the model files and fit reports, the QA/QC reports and the rejected rows with reasons into one output folder.

ASSAYS are lab files whose values are all used. PROXY_ASSAYS are field/pXRF files: their Fe, S, Ca, P, Mn, Cu and Zn are used, but their Co and REE readings are replaced by model predictions (pXRF reads Co poorly because Co Kα overlaps Fe Kβ).

DEPOSIT_FIELD_MAP is importdeposits' FIELD_MAP for every deposit layer; ASSAY_FIELD_MAP is importassays' FIELD_MAP for every assay file; ASSAY_CRS is the CRS of the assay coordinates (else read from the file's header or guessed, and said so).

The run fails when no sample links to any deposit, or when no deposit gets an estimate. Every run ends with run_summary.txt in the output folder: unlinked samples, deposits without an estimate, fallback ids, assumed CRSs and rejected rows. N_DEPOSITS counts the deposits classified under UNFC.</source><translation>Importerer forekomstlag og analysefiler, trener proxy-modeller der laboratorieelementer mangler i feltprøvene (Co, REE), estimerer gehalt, tonnasje og metallinnhold per forekomst med P90/P50/P10-intervaller, klassifiserer hver forekomst og hvert råstoff etter UNFC og skriver GeoPackage (forekomster, mengder, metadata, stiler), sammendragsarbeidsboka, modellfilene og tilpasningsrapportene, QA/QC-rapportene og de avviste radene med begrunnelser til én utdatamappe.

ASSAYS er laboratoriefiler der alle verdiene brukes. PROXY_ASSAYS er felt-/pXRF-filer: Fe, S, Ca, P, Mn, Cu og Zn i dem brukes, men Co- og REE-verdiene erstattes av modellprediksjoner (pXRF måler Co dårlig fordi Co Kα overlapper Fe Kβ).

DEPOSIT_FIELD_MAP er FIELD_MAP fra importdeposits for hvert forekomstlag; ASSAY_FIELD_MAP er FIELD_MAP fra importassays for hver analysefil; ASSAY_CRS er koordinatsystemet for analysekoordinatene (ellers lest fra filens overskrift eller gjettet, og det sies fra).

Kjøringen feiler når ingen prøve kobles til noen forekomst, eller når ingen forekomst får et estimat. Hver kjøring avsluttes med run_summary.txt i utdatamappen: prøver uten kobling, forekomster uten estimat, reserve-id-er, antatte koordinatsystemer og avviste rader. N_DEPOSITS teller forekomstene som er klassifisert etter UNFC.</translation></message>
    <message><source>UNFC rules file (TOML; default: the shipped rules)</source><translation>UNFC-regelfil (TOML; standard: de medfølgende reglene)</translation></message>
    <message><source>Saved models to apply (skops)</source><translation>Lagrede modeller som skal brukes (skops)</translation></message>
    <message><source>Train proxy models for lab elements missing on field samples</source><translation>Tren proxy-modeller for laboratorieelementer som mangler i feltprøvene</translation></message>
    <message><source>Constraint layers (protected areas, reindeer herding, water…)</source><translation>Restriksjonslag (verneområder, reindrift, vann…)</translation></message>
    <message><source>Language of the UNFC rationale</source><translation>Språk i UNFC-begrunnelsen</translation></message>
    <message><source>QGIS locale</source><translation>QGIS-språkinnstilling</translation></message>
    <message><source>GeoPackage</source><translation>GeoPackage</translation></message>
    <message><source>Model fit reports</source><translation>Rapporter om modelltilpasning</translation></message>
    <message><source>Run summary (what needs attention)</source><translation>Kjøringssammendrag (det som trenger oppmerksomhet)</translation></message>
    <message><source>Tailings UNFC pipeline run into {0}</source><translation>Tailings UNFC-kjøring av hele løpet til {0}</translation></message>
    <message><source>GeoPackage: {0}</source><translation>GeoPackage: {0}</translation></message>
    <message><source>Summary workbook: {0}</source><translation>Sammendragsarbeidsbok: {0}</translation></message>
    <message><source>Model report: {0}</source><translation>Modellrapport: {0}</translation></message>
    <message><source>Rejected rows: {0}</source><translation>Avviste rader: {0}</translation></message>
    <message><source>{0}: deposit_id from {1}; set DEPOSIT_FIELD_MAP 'deposit_id=&lt;field&gt;' if the layer has an id field</source><translation>{0}: deposit_id fra {1}; sett DEPOSIT_FIELD_MAP 'deposit_id=&lt;field&gt;' hvis laget har et id-felt</translation></message>
    <message><source>{0}: {1} of {2} features rejected (rejects/deposits_{3}.csv)</source><translation>{0}: {1} av {2} objekter avvist (rejects/deposits_{3}.csv)</translation></message>
    <message><source>{0} deposit id(s) occur in more than one DEPOSITS layer, e.g. {1!r}; ids must be unique across the layers</source><translation>{0} forekomst-id(er) finnes i mer enn ett DEPOSITS-lag, f.eks. {1!r}; id-ene må være unike på tvers av lagene</translation></message>
    <message><source>Deposit layers: {0}, {1} deposits imported</source><translation>Forekomstlag: {0}, {1} forekomster importert</translation></message>
    <message><source>Maximum compression ratio of a workbook part</source><translation>Maksimalt kompresjonsforhold for en del av arbeidsboka</translation></message>
    <message><source>Maximum rows read from the sheet</source><translation>Maksimalt antall rader lest fra arket</translation></message>
    <message><source>Maximum uncompressed size of a workbook part, MB</source><translation>Maksimal ukomprimert størrelse på en del av arbeidsboka, MB</translation></message>
    <message><source>Time budget for reading the rows, s</source><translation>Tidsbudsjett for å lese radene, s</translation></message>
    <message><source>Deposit / tailings layer(s)</source><translation>Forekomst-/avgangslag</translation></message>
    <message><source>Lab assay file(s): spreadsheets or text tables</source><translation>Laboratorieanalysefil(er): regneark eller teksttabeller</translation></message>
    <message><source>Field / pXRF assay file(s): proxies only, their Co and REE are predicted</source><translation>Felt-/pXRF-analysefil(er): bare proxyer, Co og REE i dem predikeres</translation></message>
    <message><source>Deposit field map (as importdeposits' FIELD_MAP)</source><translation>Feltkobling for forekomster (som FIELD_MAP i importdeposits)</translation></message>
    <message><source>Assay column map (as importassays' FIELD_MAP)</source><translation>Kolonnekobling for analyser (som FIELD_MAP i importassays)</translation></message>
    <message><source>CRS of the assay coordinates (default: from the file, else guessed)</source><translation>Koordinatsystem for analysekoordinatene (standard: fra filen, ellers gjettet)</translation></message>
    <message><source>ASSAY_CRS is not a valid CRS</source><translation>ASSAY_CRS er ikke et gyldig koordinatsystem</translation></message>
    <message><source>Train grade model (proxy regression)</source><translation>Tren gehaltsmodell (proxy-regresjon)</translation></message>
    <message><source>Fits a model of ln(target grade) from proxy elements (e.g. pXRF Fe, S, Mn) on the samples that have the target, cross-validated by deposit (GROUP_FIELD, default deposit_id) or by automatic spatial blocks; random K-fold is reported beside it for comparison only. Every prediction carries an 80 % interval (P90-P10) calibrated on held-out residuals. METHOD auto (the default) compares OLS, ridge, gradient boosting, random forest and, up to 800 rows, a Gaussian process on the same grouped folds and keeps the best (the cheapest within 0.005 R²); the report lists every candidate's score. CV_R2 is the pooled out-of-fold R² (ln); CV_R2_FOLD_MEAN and CV_R2_FOLD_SD are the mean and SD of the per-fold R². Saves a .skops model file (loaded later by Estimate) and an HTML report with a log beside it. Censored target values: 'substituted' uses the importer's half-detection-limit value, 'exclude' drops them. The documentation (linked below) explains the options.</source><translation>Tilpasser en modell av ln(målgehalt) fra proxy-elementer (f.eks. pXRF Fe, S, Mn) på prøvene som har målelementet, kryssvalidert per forekomst (GROUP_FIELD, standard deposit_id) eller med automatiske romlige blokker; tilfeldig K-fold rapporteres ved siden av bare til sammenligning. Hver prediksjon har et 80 %-intervall (P90-P10) kalibrert på residualer fra utelatte fold. METHOD auto (standard) sammenligner OLS, ridge, gradientforsterkning, tilfeldig skog og, opptil 800 rader, en gaussisk prosess på de samme grupperte foldene og beholder den beste (den billigste innenfor 0.005 R²); rapporten lister hver kandidats poengsum. CV_R2 er samlet R² utenfor fold (ln); CV_R2_FOLD_MEAN og CV_R2_FOLD_SD er gjennomsnitt og standardavvik av R² per fold. Lagrer en .skops-modellfil (lastes senere av Estimer) og en HTML-rapport med en logg ved siden av. Sensurerte målverdier: 'substituted' bruker importens verdi på halve deteksjonsgrensen, 'exclude' utelater dem. Dokumentasjonen (lenke nedenfor) forklarer valgene.</translation></message>
    <message><source>Target element (co, cu, zn, tree, or a field such as co_ppm)</source><translation>Målelement (co, cu, zn, tree, eller et felt som co_ppm)</translation></message>
    <message><source>Predictor fields</source><translation>Prediktorfelt</translation></message>
    <message><source>Method</source><translation>Metode</translation></message>
    <message><source>auto</source><translation>auto (beste etter kryssvalidering)</translation></message>
    <message><source>gaussian_process</source><translation>gaussian_process (gaussisk prosess)</translation></message>
    <message><source>gradient_boosting</source><translation>gradient_boosting (gradientforsterkning)</translation></message>
    <message><source>ols</source><translation>ols (minste kvadraters metode)</translation></message>
    <message><source>random_forest</source><translation>random_forest (tilfeldig skog)</translation></message>
    <message><source>ridge</source><translation>ridge (ridge-regresjon)</translation></message>
    <message><source>Group field for cross-validation (empty: deposit_id, else spatial blocks)</source><translation>Gruppefelt for kryssvalidering (tomt: deposit_id, ellers romlige blokker)</translation></message>
    <message><source>Predictor transform</source><translation>Transformasjon av prediktorer</translation></message>
    <message><source>alr</source><translation>alr (additiv log-ratio)</translation></message>
    <message><source>clr</source><translation>clr (sentrert log-ratio)</translation></message>
    <message><source>log</source><translation>log (logaritme)</translation></message>
    <message><source>Censored target values</source><translation>Sensurerte målverdier</translation></message>
    <message><source>exclude</source><translation>utelat</translation></message>
    <message><source>substituted</source><translation>erstattet (verdien fra importen)</translation></message>
    <message><source>Cross-validation folds</source><translation>Antall fold i kryssvalideringen</translation></message>
    <message><source>Model file</source><translation>Modellfil</translation></message>
    <message><source>Model files (*.skops)</source><translation>Modellfiler (*.skops)</translation></message>
    <message><source>HTML report</source><translation>HTML-rapport</translation></message>
    <message><source>HTML files (*.html)</source><translation>HTML-filer (*.html)</translation></message>
    <message><source>Empirical interval coverage on held-out folds</source><translation>Empirisk intervalldekning på utelatte fold</translation></message>
    <message><source>Grouped CV RMSE (ln space)</source><translation>Gruppert CV-RMSE (ln-rom)</translation></message>
    <message><source>Grouped CV R² (ln space), SD over folds</source><translation>Gruppert CV-R² (ln-rom), standardavvik over fold</translation></message>
    <message><source>Grouped CV R² (ln space), mean over folds</source><translation>Gruppert CV-R² (ln-rom), gjennomsnitt over fold</translation></message>
    <message><source>Grouped CV R² (ln space), pooled out-of-fold</source><translation>Gruppert CV-R² (ln-rom), samlet utenfor fold</translation></message>
    <message><source>Training samples</source><translation>Treningsprøver</translation></message>
    <message><source>The sample layer cannot be read</source><translation>Prøvelaget kan ikke leses</translation></message>
    <message><source>Reading {0} samples</source><translation>Leser {0} prøver</translation></message>
    <message><source>pooled R² {0:.3f}, per fold {1:.3f} ± {2:.3f}</source><translation>samlet R² {0:.3f}, per fold {1:.3f} ± {2:.3f}</translation></message>
    <message><source>  auto candidate {0}: {1} {2}</source><translation>  auto-kandidat {0}: {1} {2}</translation></message>
    <message><source>{0}: grouped CV ({1}) R² = {2:.3f} pooled, {3:.3f} ± {4:.3f} per fold (ln), RMSE = {5:.3f}; random K-fold R² = {6:.3f} (comparison only); coverage of the {7:.0%} interval = {8:.1%}</source><translation>{0}: gruppert CV ({1}) R² = {2:.3f} samlet, {3:.3f} ± {4:.3f} per fold (ln), RMSE = {5:.3f}; tilfeldig K-fold R² = {6:.3f} (bare til sammenligning); dekning for {7:.0%}-intervallet = {8:.1%}</translation></message>
    <message><source>Model: {0}; report: {1}; log: {2}</source><translation>Modell: {0}; rapport: {1}; logg: {2}</translation></message>
    <message><source>Cancel</source><translation>Avbryt</translation></message>
    <message><source>Writing the factsheets of {0} deposits…</source><translation>Skriver faktaarkene for {0} forekomster…</translation></message>
    <message><source>Tailings UNFC factsheets</source><translation>Tailings UNFC – faktaark</translation></message>
    <message><source>Deposit id</source><translation>Forekomst-id</translation></message>
    <message><source>Name</source><translation>Navn</translation></message>
    <message><source>Tonnage (t)</source><translation>Tonnasje (t)</translation></message>
    <message><source>cobalt</source><translation>kobolt</translation></message>
    <message><source>copper</source><translation>kobber</translation></message>
    <message><source>total rare-earth elements</source><translation>sum sjeldne jordartselementer</translation></message>
    <message><source>zinc</source><translation>sink</translation></message>
    <message><source>Tailings UNFC results</source><translation>Tailings UNFC – resultater</translation></message>
    <message><source>UNFC matrix</source><translation>UNFC-matrise</translation></message>
    <message><source>Contained metal</source><translation>Metallinnhold</translation></message>
    <message><source>Zoom to selection</source><translation>Zoom til utvalget</translation></message>
    <message><source>Factsheets (PDF)…</source><translation>Faktaark (PDF)…</translation></message>
    <message><source>One PDF factsheet per selected deposit (every deposit when none is selected), written into a factsheets folder beside the run's files.</source><translation>Ett PDF-faktaark per valgt forekomst (alle forekomster når ingen er valgt), skrevet til en mappe «factsheets» ved siden av kjøringens filer.</translation></message>
    <message><source>G1–G3 known</source><translation>G1–G3 kjente</translation></message>
    <message><source>G4 potential</source><translation>G4 potensielle</translation></message>
    <message><source>tonnes</source><translation>tonn</translation></message>
    <message><source>Select a layer produced by Tailings UNFC (estimate, classify or export).</source><translation>Velg et lag laget av Tailings UNFC (estimering, klassifisering eller eksport).</translation></message>
    <message><source>{0}: {1} deposits</source><translation>{0}: {1} forekomster</translation></message>
    <message><source>not classified</source><translation>ikke klassifisert</translation></message>
    <message><source>headline commodity</source><translation>hovedråstoff</translation></message>
    <message><source>Select a deposit to see its contained metal.</source><translation>Velg en forekomst for å se metallinnholdet.</translation></message>
    <message><source>{0} deposits selected; select one to see its intervals.</source><translation>{0} forekomster valgt; velg én for å se intervallene.</translation></message>
    <message><source>Not classified.</source><translation>Ikke klassifisert.</translation></message>
    <message><source>Writing the factsheets of {0} deposits into {1}…</source><translation>Skriver faktaarkene for {0} forekomster til {1}…</translation></message>
    <message><source>{0} factsheets written to {1}</source><translation>{0} faktaark skrevet til {1}</translation></message>
    <message><source>Factsheets cancelled; nothing was written.</source><translation>Faktaark avbrutt; ingenting ble skrevet.</translation></message>
    <message><source>No factsheet was written: {0}</source><translation>Ingen faktaark ble skrevet: {0}</translation></message>
    <message><source>no deposit to write</source><translation>ingen forekomst å skrive</translation></message>
    <message><source>Open folder</source><translation>Åpne mappe</translation></message>
    <message><source>No UNFC quantities in this layer.</source><translation>Ingen UNFC-mengder i dette laget.</translation></message>
    <message><source>contained tonnes</source><translation>tonn innhold</translation></message>
    <message><source>E (rows) × F (columns), {0}, {1}. Click a cell to select its deposits.</source><translation>E (rader) × F (kolonner), {0}, {1}. Klikk på en celle for å velge forekomstene i den.</translation></message>
    <message><source>No quantities table beside this layer: headline commodity only, counts only.</source><translation>Ingen mengdetabell ved siden av dette laget: bare hovedråstoffet, bare antall.</translation></message>
    <message><source>Contained metal by class needs the quantities table that the export writes beside the deposits (open the run's GeoPackage).</source><translation>Metallinnhold per klasse krever mengdetabellen som eksporten skriver ved siden av forekomstene (åpne kjøringens GeoPackage).</translation></message>
    <message><source>Contained metal per UNFC class: known is G1+G2+G3 (the high, P10, estimate), potential is G4; the two are never added.</source><translation>Metallinnhold per UNFC-klasse: kjent er G1+G2+G3 (det høye estimatet, P10), potensielt er G4; de to legges aldri sammen.</translation></message>
    <message><source>Tailings UNFC run wizard</source><translation>Tailings UNFC – kjøreveiviser</translation></message>
    <message><source>Assay files</source><translation>Analysefiler</translation></message>
    <message><source>Deposit layers</source><translation>Forekomstlag</translation></message>
    <message><source>Tick the layers of tailings deposits to run: layers loaded in the project, or layers from files.</source><translation>Kryss av for lagene med avgangsdeponier som skal kjøres: lag som er lastet i prosjektet, eller lag fra filer.</translation></message>
    <message><source>Add layers from files:</source><translation>Legg til lag fra filer:</translation></message>
    <message><source>Deposit layer files</source><translation>Forekomstlagfiler</translation></message>
    <message><source>No vector layer found in: {0}</source><translation>Fant ikke noe vektorlag i: {0}</translation></message>
    <message><source>Lab files: all their values are used. Field / pXRF files: their Co and REE readings are replaced by model predictions.</source><translation>Laboratoriefiler: alle verdiene brukes. Felt-/pXRF-filer: Co- og REE-verdiene erstattes av modellprediksjoner.</translation></message>
    <message><source>Lab assay files</source><translation>Laboratorieanalysefiler</translation></message>
    <message><source>Field / pXRF assay files</source><translation>Felt-/pXRF-analysefiler</translation></message>
    <message><source>Not found: {0}</source><translation>Ikke funnet: {0}</translation></message>
    <message><source>Not an assay file ({0}): {1}</source><translation>Ikke en analysefil ({0}): {1}</translation></message>
    <message><source>Choose at least one assay file.</source><translation>Velg minst én analysefil.</translation></message>
    <message><source>Lab</source><translation>Laboratorium</translation></message>
    <message><source>Field / pXRF</source><translation>Felt / pXRF</translation></message>
    <message><source>Rules and options</source><translation>Regler og valg</translation></message>
    <message><source>The UNFC rules to classify with, and how the run estimates.</source><translation>UNFC-reglene det klassifiseres etter, og hvordan kjøringen estimerer.</translation></message>
    <message><source>Shipped rules ({0})</source><translation>Medfølgende regler ({0})</translation></message>
    <message><source>Rules file:</source><translation>Regelfil:</translation></message>
    <message><source>UNFC rules</source><translation>UNFC-regler</translation></message>
    <message><source>From the file, else guessed</source><translation>Fra filen, ellers gjettet</translation></message>
    <message><source>CRS of the assay coordinates</source><translation>Koordinatsystem for analysekoordinatene</translation></message>
    <message><source>Deposit field map (optional)</source><translation>Feltkobling for forekomster (valgfri)</translation></message>
    <message><source>Assay column map (optional)</source><translation>Kolonnekobling for analyser (valgfri)</translation></message>
    <message><source>Check the inputs</source><translation>Kontroller inndataene</translation></message>
    <message><source>What the run will find in the inputs (field mapping, CRS, linked samples, method per deposit), before it runs. You can go on whatever it says.</source><translation>Hva kjøringen vil finne i inndataene (feltkobling, koordinatsystem, koblede prøver, metode per forekomst), før den kjører. Du kan gå videre uansett hva den sier.</translation></message>
    <message><source>Check again</source><translation>Kontroller på nytt</translation></message>
    <message><source>The pre-flight check (checkinputs) is not available; the run checks its inputs itself.</source><translation>Forhåndssjekken (checkinputs) er ikke tilgjengelig; kjøringen kontrollerer inndataene selv.</translation></message>
    <message><source>Checking the inputs…</source><translation>Kontrollerer inndataene…</translation></message>
    <message><source>Samples linked to a deposit: {0}. Deposits the run would estimate: {1}.</source><translation>Prøver koblet til en forekomst: {0}. Forekomster kjøringen ville estimere: {1}.</translation></message>
    <message><source>The check stopped with an error (below); the run would stop there too.</source><translation>Kontrollen stoppet med en feil (nedenfor); kjøringen ville også stoppet der.</translation></message>
    <message><source>Run</source><translation>Kjør</translation></message>
    <message><source>The run writes into the folder below (a new one per run; change it if you like). When it ends, its deposits are on the map and in the results panel.</source><translation>Kjøringen skriver til mappen nedenfor (en ny for hver kjøring; endre den om du vil). Når den er ferdig, ligger forekomstene på kartet og i resultatpanelet.</translation></message>
    <message><source>Cancel run</source><translation>Avbryt kjøringen</translation></message>
    <message><source>Running…</source><translation>Kjører…</translation></message>
    <message><source>Cancelling…</source><translation>Avbryter…</translation></message>
    <message><source>Error: </source><translation>Feil: </translation></message>
    <message><source>Run cancelled after {0:.1f} s; no GeoPackage or workbook was written.</source><translation>Kjøringen ble avbrutt etter {0:.1f} s; ingen GeoPackage eller arbeidsbok ble skrevet.</translation></message>
    <message><source>The run stopped with an error: see the log below and run_summary.txt in {0}.</source><translation>Kjøringen stoppet med en feil: se loggen nedenfor og run_summary.txt i {0}.</translation></message>
    <message><source>Finished in {0:.0f} s: {1} deposits classified. On the map in the group “{2}”; files in {3}.</source><translation>Ferdig på {0:.0f} s: {1} forekomster klassifisert. På kartet i gruppen «{2}»; filer i {3}.</translation></message>
    <message><source>The sheet is empty</source><translation>Arket er tomt</translation></message>
    <message><source>The DEPOSITS layer has no deposit_id field (run importdeposits first)</source><translation>DEPOSITS-laget har ikke noe deposit_id-felt (kjør importdeposits først)</translation></message>
    <message><source>rows read</source><translation>rader lest</translation></message>
    <message><source>samples</source><translation>prøver</translation></message>
    <message><source>blank rows ignored</source><translation>tomme rader ignorert</translation></message>
    <message><source>rejected rows</source><translation>avviste rader</translation></message>
    <message><source>cell problems</source><translation>celleproblemer</translation></message>
    <message><source>samples not linked to a deposit</source><translation>prøver som ikke er koblet til en forekomst</translation></message>
    <message><source>CRM rows</source><translation>CRM-rader</translation></message>
    <message><source>blank rows</source><translation>blankprøverader</translation></message>
    <message><source>duplicate rows</source><translation>duplikatrader</translation></message>
    <message><source>duplicates without their original</source><translation>duplikater uten originalprøve</translation></message>
    <message><source>elements</source><translation>grunnstoffer</translation></message>
    <message><source>tree_ppm from</source><translation>tree_ppm fra</translation></message>
    <message><source>CRM</source><translation>CRM</translation></message>
    <message><source>analyte</source><translation>analytt</translation></message>
    <message><source>item</source><translation>post</translation></message>
    <message><source>SD</source><translation>SD</translation></message>
    <message><source>mean (measured)</source><translation>middel (målte)</translation></message>
    <message><source>n &lt; DL</source><translation>n &lt; DL</translation></message>
    <message><source>bias (%)</source><translation>skjevhet (%)</translation></message>
    <message><source>certified</source><translation>sertifisert</translation></message>
    <message><source>unit</source><translation>enhet</translation></message>
    <message><source>element</source><translation>grunnstoff</translation></message>
    <message><source>highest result</source><translation>høyeste resultat</translation></message>
    <message><source>n detected</source><translation>n påvist</translation></message>
    <message><source>pairs compared</source><translation>par sammenlignet</translation></message>
    <message><source>pairs with a &lt;DL result (not compared)</source><translation>par med et &lt;DL-resultat (ikke sammenlignet)</translation></message>
    <message><source>kind</source><translation>type</translation></message>
    <message><source>median RPD (%)</source><translation>median RPD (%)</translation></message>
    <message><source>sample id</source><translation>prøve-id</translation></message>
    <message><source>Only the first rows are shown; the CSV report lists all.</source><translation>Bare de første radene vises; CSV-rapporten lister alle.</translation></message>
    <message><source>Accounting</source><translation>Radregnskap</translation></message>
    <message><source>Bias = 100 × (mean − certified) / certified. The mean is of measured results only; results below the detection limit are counted in n &lt; DL, not averaged.</source><translation>Skjevhet = 100 × (middel − sertifisert) / sertifisert. Middelet er bare av målte resultater; resultater under deteksjonsgrensen telles i n &lt; DL og inngår ikke i middelet.</translation></message>
    <message><source>CRM bias against certified values</source><translation>CRM-skjevhet mot sertifiserte verdier</translation></message>
    <message><source>Blanks (ppm)</source><translation>Blankprøver (ppm)</translation></message>
    <message><source>Results below the detection limit are shown as the lab reported them (&lt;DL), never as a substituted value. The highest result is the highest measured value, else the highest detection limit.</source><translation>Resultater under deteksjonsgrensen vises slik laboratoriet rapporterte dem (&lt;DL), aldri som en erstatningsverdi. Høyeste resultat er den høyeste målte verdien, ellers den høyeste grensen.</translation></message>
    <message><source>Duplicate pairs: median relative percent difference</source><translation>Duplikatpar: median relativ prosentforskjell</translation></message>
    <message><source>RPD = 100 × |a − b| / ((a + b) / 2) over pairs where both results are measured; a pair with a result below the detection limit is counted but not compared.</source><translation>RPD = 100 × |a − b| / ((a + b) / 2) over par der begge resultatene er målt; et par med et resultat under deteksjonsgrensen telles, men sammenlignes ikke.</translation></message>
    <message><source>QA/QC results as reported (ppm, oxides in %)</source><translation>QA/QC-resultater som rapportert (ppm, oksider i %)</translation></message>
    <message><source>none</source><translation>ingen</translation></message>
    <message><source>Notes</source><translation>Merknader</translation></message>
    <message><source>The file is empty (0 bytes)</source><translation>Filen er tom (0 byte)</translation></message>
    <message><source>The workbook is password-protected (encrypted Office file); open it in Excel, remove the password and save it again as .xlsx</source><translation>Arbeidsboka er passordbeskyttet (kryptert Office-fil); åpne den i Excel, fjern passordet og lagre den på nytt som .xlsx</translation></message>
    <message><source>The file is a ZIP archive but not a spreadsheet (no xl/workbook.xml or ODS content)</source><translation>Filen er et ZIP-arkiv, men ikke et regneark (ingen xl/workbook.xml eller ODS-innhold)</translation></message>
    <message><source>The file is neither a spreadsheet (xlsx, xlsm, ods) nor a text table (csv, txt)</source><translation>Filen er verken et regneark (xlsx, xlsm, ods) eller en teksttabell (csv, txt)</translation></message>
    <message><source>Legacy .xls workbooks need python-calamine; save the file as .xlsx</source><translation>Gamle .xls-arbeidsbøker krever python-calamine; lagre filen som .xlsx</translation></message>
    <message><source>The text file has no table in it (only comments or blank lines)</source><translation>Tekstfilen inneholder ingen tabell (bare kommentarer eller tomme linjer)</translation></message>
    <message><source>The deposit layer has no deposit_id field</source><translation>Forekomstlaget har ikke noe deposit_id-felt</translation></message>
    <message><source>The sample table has no deposit_id field</source><translation>Prøvetabellen har ikke noe deposit_id-felt</translation></message>
    <message><source>MIN_SAMPLES must be ≥ 1 and ITERATIONS ≥ 100</source><translation>MIN_SAMPLES må være ≥ 1 og ITERATIONS ≥ 100</translation></message>
    <message><source>deposit_id must be non-empty and unique in the deposit layer</source><translation>deposit_id må være utfylt og unik i forekomstlaget</translation></message>
    <message><source>No group field and fewer than 2 samples with x/y coordinates: cannot form spatial cross-validation blocks</source><translation>Intet gruppefelt og færre enn 2 prøver med x/y-koordinater: kan ikke danne romlige blokker for kryssvalidering</translation></message>
    <message><source>No group field, no deposit_id and no x/y coordinates: grouped or spatial cross-validation is impossible. Choose GROUP_FIELD.</source><translation>Intet gruppefelt, ingen deposit_id og ingen x/y-koordinater: gruppert eller romlig kryssvalidering er umulig. Velg GROUP_FIELD.</translation></message>
    <message><source>Not a Tailings UNFC model file (no format_version)</source><translation>Ikke en Tailings UNFC-modellfil (ingen format_version)</translation></message>
    <message><source>Model file not found</source><translation>Fant ikke modellfilen</translation></message>
    <message><source>Model file holds no fitted model</source><translation>Modellfilen inneholder ingen tilpasset modell</translation></message>
    <message><source>Method selection (METHOD=auto)</source><translation>Valg av metode (METHOD=auto)</translation></message>
    <message><source>Model for {0}: {1}</source><translation>Modell for {0}: {1}</translation></message>
    <message><source> (selected by METHOD=auto)</source><translation> (valgt av METHOD=auto)</translation></message>
    <message><source>Cross-validation</source><translation>Kryssvalidering</translation></message>
    <message><source>Per fold</source><translation>Per fold</translation></message>
    <message><source>Observed vs predicted (held-out)</source><translation>Målt mot predikert (holdt utenfor)</translation></message>
    <message><source>Residuals</source><translation>Residualer</translation></message>
    <message><source>Feature importance</source><translation>Betydning av prediktorene</translation></message>
    <message><source>Interval coverage per held-out fold</source><translation>Intervallets dekning per utelatt fold</translation></message>
    <message><source>Data summary</source><translation>Datasammendrag</translation></message>
    <message><source>Reproducibility</source><translation>Reproduserbarhet</translation></message>
    <message><source>Tailings UNFC model report: {0}</source><translation>Tailings UNFC modellrapport: {0}</translation></message>
    <message><source>Choose at least one predictor field</source><translation>Velg minst ett prediktorfelt</translation></message>
    <message><source>Unknown coordinate reference system</source><translation>Ukjent koordinatsystem</translation></message>
    <message><source>The destination folder does not exist</source><translation>Målmappen finnes ikke</translation></message>
    <message><source>The destination folder is not a folder</source><translation>Målmappen er ikke en mappe</translation></message>
    <message><source>The destination exists and is not a file</source><translation>Målet finnes og er ikke en fil</translation></message>
    <message><source>The destination exists and is not a GeoPackage; choose another file name (nothing was changed)</source><translation>Målet finnes og er ikke en GeoPackage; velg et annet filnavn (ingenting ble endret)</translation></message>
    <message><source>The destination contains a password. Store credentials in a QGIS authentication configuration and give its id as authcfg=… instead</source><translation>Målet inneholder et passord. Lagre påloggingsopplysningene i en QGIS-autentiseringskonfigurasjon og oppgi id-en som authcfg=… i stedet</translation></message>
    <message><source>The destination URL contains a password (user:password@host). Use a QGIS authentication configuration (authcfg=…) instead</source><translation>Mål-URL-en inneholder et passord (bruker:passord@vert). Bruk en QGIS-autentiseringskonfigurasjon (authcfg=…) i stedet</translation></message>
    <message><source>A PostGIS destination needs a QGIS authentication config (authcfg=…) or a PostgreSQL service name (service=…)</source><translation>Et PostGIS-mål trenger en QGIS-autentiseringskonfigurasjon (authcfg=…) eller et PostgreSQL-tjenestenavn (service=…)</translation></message>
    <message><source>The schema name may hold letters, digits and _ only</source><translation>Skjemanavnet kan bare inneholde bokstaver, sifre og _</translation></message>
    <message><source>PostGIS export needs an EPSG coordinate reference system</source><translation>PostGIS-eksport krever et EPSG-koordinatsystem</translation></message>
    <message><source>RUN_METADATA is neither a JSON object nor an existing .json file</source><translation>RUN_METADATA er verken et JSON-objekt eller en eksisterende .json-fil</translation></message>
    <message><source>RUN_METADATA must be a JSON object</source><translation>RUN_METADATA må være et JSON-objekt</translation></message>
    <message><source>DESTINATION is empty: give a .gpkg file or a PostGIS connection</source><translation>DESTINATION er tom: oppgi en .gpkg-fil eller en PostGIS-tilkobling</translation></message>
    <message><source>The destination file must end in .gpkg (GeoPackage)</source><translation>Målfilen må slutte på .gpkg (GeoPackage)</translation></message>
    <message><source>TABLE_PREFIX may hold letters, digits and _ only, and must not start with a digit</source><translation>TABLE_PREFIX kan bare inneholde bokstaver, sifre og _, og kan ikke begynne med et siffer</translation></message>
    <message><source>The report folder does not exist</source><translation>Rapportmappen finnes ikke</translation></message>
    <message><source>FIELD_MAP entries must look like canonical=source, separated by ';'</source><translation>Oppføringer i FIELD_MAP må se ut som kanonisk=kilde, skilt med ';'</translation></message>
    <message><source>FIELD_MAP entry without a name before '='</source><translation>Oppføring i FIELD_MAP uten navn foran '='</translation></message>
    <message><source>FIELD_MAP JSON must be an object of strings, e.g. {"deposit_id": "OBJ_ID"}</source><translation>FIELD_MAP-JSON må være et objekt med strenger, f.eks. {"deposit_id": "OBJ_ID"}</translation></message>
    <message><source>No assay file given (ASSAYS or PROXY_ASSAYS)</source><translation>Ingen analysefil angitt (ASSAYS eller PROXY_ASSAYS)</translation></message>
    <message><source>The file does not exist</source><translation>Filen finnes ikke</translation></message>
    <message><source>No tonnage is known for this deposit, so there is no contained metal to show.</source><translation>Tonnasjen for denne forekomsten er ukjent, så det er ikke noe metallinnhold å vise.</translation></message>
    <message><source>This deposit is not classified and has no contained-metal estimate.</source><translation>Denne forekomsten er ikke klassifisert og har ikke noe estimat for metallinnhold.</translation></message>
    <message><source>No grade estimate for this deposit (no samples and no analogue), so no contained metal to show.</source><translation>Ingen gehaltsestimat for denne forekomsten (ingen prøver og ingen analog), så det er ikke noe metallinnhold å vise.</translation></message>
    <message><source>contained metal (t)
bar P90–P10, dot P50</source><translation>metallinnhold (t)
søyle P90–P10, punkt P50</translation></message>
    <message><source>Tailings UNFC pre-flight (checkinputs): nothing was written but this report.</source><translation>Tailings UNFC forhåndskontroll (checkinputs): ingenting ble skrevet utenom denne rapporten.</translation></message>
    <message><source>Tailings UNFC pre-flight</source><translation>Tailings UNFC forhåndskontroll</translation></message>
    <message><source>{0}: {1} features read = {2} accepted + {3} rejected</source><translation>{0}: {1} objekter lest = {2} godtatt + {3} avvist</translation></message>
    <message><source>  deposit_id from {0}</source><translation>  deposit_id fra {0}</translation></message>
    <message><source>  field mapping:</source><translation>  felttilordning:</translation></message>
    <message><source>  alternatives for {0}: {1}</source><translation>  alternativer for {0}: {1}</translation></message>
    <message><source>  ambiguous (not mapped): {0} could be {1}</source><translation>  tvetydig (ikke tilordnet): {0} kan være {1}</translation></message>
    <message><source>  carried unchanged: {0}</source><translation>  overført uendret: {0}</translation></message>
    <message><source>  warning: {0}</source><translation>  advarsel: {0}</translation></message>
    <message><source>  reject reasons:</source><translation>  avvisningsgrunner:</translation></message>
    <message><source>{0} (sheet {1!r}, header row {2}): {3} rows read = {4} samples + {5} QA/QC rows + {6} rejected</source><translation>{0} (ark {1!r}, overskriftsrad {2}): {3} rader lest = {4} prøver + {5} QA/QC-rader + {6} avvist</translation></message>
    <message><source>{0} (proxy-only: Co and REE readings not used)</source><translation>{0} (bare proxyer: Co- og REE-målinger brukes ikke)</translation></message>
    <message><source>  column mapping chosen, with the unit of each element and where it was read (and the sample-id alternatives):</source><translation>  valgt kolonnetilordning, med enheten for hvert grunnstoff og hvor den ble lest (og alternativene for prøve-id):</translation></message>
    <message><source>  import notes:</source><translation>  importmerknader:</translation></message>
    <message><source>  linkage: {0}</source><translation>  kobling: {0}</translation></message>
    <message><source>  flagged values (censored, over_range, sentinel, invalid):</source><translation>  flaggede verdier (sensurert, over måleområdet, plassholder, ugyldig):</translation></message>
    <message><source>  problem cells per column:</source><translation>  problemceller per kolonne:</translation></message>
    <message><source>  QA/QC rows: {0}</source><translation>  QA/QC-rader: {0}</translation></message>
    <message><source>no coordinates</source><translation>ingen koordinater</translation></message>
    <message><source>  CRS of the coordinates: {0}; linked: {1} of {2} samples</source><translation>  koordinatsystem for koordinatene: {0}; koblet: {1} av {2} prøver</translation></message>
    <message><source>  CRS of the coordinates: {0}; linked: {1} of {2} samples ({3:.0%})</source><translation>  koordinatsystem for koordinatene: {0}; koblet: {1} av {2} prøver ({3:.0%})</translation></message>
    <message><source>{0} from {1}</source><translation>{0} fra {1}</translation></message>
    <message><source>proxy models the run would train: {0}</source><translation>proxymodeller kjøringen ville trene: {0}</translation></message>
    <message><source>deposits with an estimate for at least one commodity: {0} of {1}</source><translation>forekomster med et estimat for minst én råvare: {0} av {1}</translation></message>
    <message><source>deposit_id | {0} | linked samples</source><translation>deposit_id | {0} | koblede prøver</translation></message>
    <message><source>ERROR: {0} deposit id(s) occur in more than one layer, e.g. {1!r}; the run would stop</source><translation>FEIL: {0} forekomst-id(er) finnes i mer enn ett lag, f.eks. {1!r}; kjøringen ville stoppe</translation></message>
    <message><source>no sample links to any deposit: the run would fail (see the linkage lines above)</source><translation>ingen prøve kobles til noen forekomst: kjøringen ville mislykkes (se koblingslinjene over)</translation></message>
    <message><source>deposit ids repeat across layers: the run would fail</source><translation>forekomst-id-er gjentas på tvers av lag: kjøringen ville mislykkes</translation></message>
    <message><source>What the run would do</source><translation>Hva kjøringen ville gjøre</translation></message>
    <message><source>What the run would do (per deposit: measured / regression / analogue / none)</source><translation>Hva kjøringen ville gjøre (per forekomst: målt / regresjon / analog / ingen)</translation></message>
    <message><source>{0}, … (and {1} more)</source><translation>{0}, … (og {1} til)</translation></message>
    <message><source>Tailings UNFC run</source><translation>Tailings UNFC-kjøring</translation></message>
    <message><source>RUN FAILED: </source><translation>KJØRINGEN MISLYKTES: </translation></message>
    <message><source>Nothing needs your attention.</source><translation>Ingenting trenger din oppmerksomhet.</translation></message>
    <message><source>Needs your attention:</source><translation>Trenger din oppmerksomhet:</translation></message>
    <message><source>Assumed coordinate reference systems</source><translation>Antatte koordinatsystemer</translation></message>
    <message><source>Deposits without an estimate (not classified)</source><translation>Forekomster uten estimat (ikke klassifisert)</translation></message>
    <message><source>FALLBACK IDS (deposit_id taken from the name)</source><translation>RESERVE-ID-ER (deposit_id hentet fra navnet)</translation></message>
    <message><source>Other warnings</source><translation>Andre advarsler</translation></message>
    <message><source>Rejected rows and features (see the rejects folder)</source><translation>Avviste rader og objekter (se mappen rejects)</translation></message>
    <message><source>Samples not linked to any deposit (not used)</source><translation>Prøver som ikke er koblet til noen forekomst (ikke brukt)</translation></message>
    <message><source>The input has no deposit_id field (is it the output of the estimate step?)</source><translation>Inndataene har ikke noe deposit_id-felt (er det utdataene fra estimeringstrinnet?)</translation></message>
    <message><source>Not a number</source><translation>Ikke et tall</translation></message>
    <message><source>The input has no estimate fields (x_method, x_t, x_t_lo, x_t_hi for co, cu, zn, tree): run the estimate step first</source><translation>Inndataene har ingen estimatfelt (x_method, x_t, x_t_lo, x_t_hi for co, cu, zn, tree): kjør estimeringstrinnet først</translation></message>
    <message><source>Rules file not found</source><translation>Fant ikke regelfilen</translation></message>
</context>
</TS>
