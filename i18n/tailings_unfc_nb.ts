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
    <message><source>Field aliases could not be stored in {0}: {1}</source><translation>Feltaliasene kunne ikke lagres i {0}: {1}</translation></message>
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
    <message><source>The same warnings as [template, values...] (JSON), for translating them</source><translation>De samme advarslene som [mal, verdier...] (JSON), for å oversette dem</translation></message>
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
    <message><source>(not classified)</source><translation>(ikke klassifisert)</translation></message>
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
    <message><source>{0!r} in {1} ({2})</source><translation>{0!r} i {1} ({2})</translation></message>
    <message><source>no extension</source><translation>ingen filendelse</translation></message>
    <message><source>Not an assay file type ({0}): an assay file must end in {1} (in any case)</source><translation>Ikke en analysefiltype ({0}): en analysefil må ha endelsen {1} (store eller små bokstaver)</translation></message>
    <message><source>header</source><translation>overskriften</translation></message>
    <message><source>units row</source><translation>enhetsraden</translation></message>
    <message><source>assumed</source><translation>antatt</translation></message>
    <message><source>rule (oxide)</source><translation>regel (oksid)</translation></message>
    <message><source>the header of column {0!r}</source><translation>overskriften til kolonnen {0!r}</translation></message>
    <message><source>No unit given for {0} element column(s), assumed ppm: {1}. Set the unit with FIELD_MAP if it is another, e.g. {2}:%={3}</source><translation>Ingen enhet oppgitt for {0} elementkolonne(r), ppm antatt: {1}. Angi enheten med FIELD_MAP hvis det er en annen, f.eks. {2}:%={3}</translation></message>
    <message><source>row {0}, above the header</source><translation>rad {0}, over overskriften</translation></message>
    <message><source>column {0}: empty header under a merged cell, taken as {1!r}</source><translation>kolonne {0}: tom overskrift under en flettet celle, tolket som {1!r}</translation></message>
    <message><source>column {0!r}: header says {1}, units row says {2}; the {3} wins</source><translation>kolonne {0!r}: overskriften sier {1}, enhetsraden sier {2}; {3} går foran</translation></message>
    <message><source>FIELD_MAP {0}= : column {1!r} not read as {0}</source><translation>FIELD_MAP {0}= : kolonne {1!r} leses ikke som {0}</translation></message>
    <message><source>FIELD_MAP names column {0!r} (for {1}), which the header does not have. {2}</source><translation>FIELD_MAP angir kolonnen {0!r} (for {1}), som ikke finnes i overskriften. {2}</translation></message>
    <message><source>column {0!r} read as {1} (FIELD_MAP)</source><translation>kolonne {0!r} lest som {1} (FIELD_MAP)</translation></message>
    <message><source>Header cells seen: {0}</source><translation>Overskriftsceller funnet: {0}</translation></message>
    <message><source>Header cells seen: {0}. Closest: {1}</source><translation>Overskriftsceller funnet: {0}. Nærmest: {1}</translation></message>
    <message><source>other columns that could be the sample id (FIELD_MAP sample_id=&lt;column&gt;): {0}</source><translation>andre kolonner som kan være prøve-id-en (FIELD_MAP sample_id=&lt;column&gt;): {0}</translation></message>
    <message><source>sheets in the workbook: {0}</source><translation>ark i arbeidsboka: {0}</translation></message>
    <message><source>reading sheet {0!r}</source><translation>leser arket {0!r}</translation></message>
    <message><source>reading sheet {0!r} (the one that looks like assay data)</source><translation>leser arket {0!r} (det som ser ut som analysedata)</translation></message>
    <message><source>No sheet named {0!r}; the workbook has {1}</source><translation>Ingen ark heter {0!r}; arbeidsboka har {1}</translation></message>
    <message><source>No sheet has element or oxide columns (e.g. Co_ppm, Cu %, Fe2O3); sheets: {0}</source><translation>Ingen ark har element- eller oksidkolonner (f.eks. Co_ppm, Cu %, Fe2O3); ark: {0}</translation></message>
    <message><source>No sheet has element or oxide columns (e.g. Co_ppm, Cu %, Fe2O3); sheets: {0} {1}</source><translation>Ingen ark har element- eller oksidkolonner (f.eks. Co_ppm, Cu %, Fe2O3); ark: {0} {1}</translation></message>
    <message><source>certified CRM values read from sheet {0!r}: {1} value(s) for {2} CRM(s)</source><translation>sertifiserte CRM-verdier lest fra arket {0!r}: {1} verdi(er) for {2} CRM</translation></message>
    <message><source>The sheet is empty</source><translation>Arket er tomt</translation></message>
    <message><source>No sample id column in the header (expected e.g. 'Sample ID', 'Prøve-ID', 'Smp_No', or HoleID + From + To). {0}. Name the column with FIELD_MAP, e.g. FIELD_MAP="sample_id={1}"</source><translation>Ingen prøve-id-kolonne i overskriften (forventet f.eks. 'Sample ID', 'Prøve-ID', 'Smp_No' eller HoleID + From + To). {0}. Angi kolonnen med FIELD_MAP, f.eks. FIELD_MAP="sample_id={1}"</translation></message>
    <message><source>no sample id column: each sample's id is its drill-hole interval (&lt;hole&gt;_&lt;from&gt;-&lt;to&gt;, e.g. DH01_12.0-13.5)</source><translation>ingen prøve-id-kolonne: hver prøves id er borehullsintervallet (&lt;hole&gt;_&lt;from&gt;-&lt;to&gt;, f.eks. DH01_12.0-13.5)</translation></message>
    <message><source>column {0!r} also looks like a sample id; the first one is used</source><translation>kolonne {0!r} ser også ut som en prøve-id; den første brukes</translation></message>
    <message><source>column {0!r}: second {1} column, carried as text</source><translation>kolonne {0!r}: andre {1}-kolonne, beholdt som tekst</translation></message>
    <message><source>column {0!r} repeats {1}; its fields get the suffix _{2}</source><translation>kolonne {0!r} gjentar {1}; feltene får suffikset _{2}</translation></message>
    <message><source>column {0!r}: {1}</source><translation>kolonne {0!r}: {1}</translation></message>
    <message><source>{0}_ppm computed from {1!r} ({2} × {3:.4f} × 10 000)</source><translation>{0}_ppm beregnet fra {1!r} ({2} × {3:.4f} × 10 000)</translation></message>
    <message><source>tree_ppm = sum of {0} ({1} of 15 REE present)</source><translation>tree_ppm = summen av {0} ({1} av 15 REE finnes)</translation></message>
    <message><source>{0} samples share a sample_id with another row (kept, flagged)</source><translation>{0} prøver har samme sample_id som en annen rad (beholdt, flagget)</translation></message>
    <message><source>{0} samples, {1} not linked to a deposit</source><translation>{0} prøver, {1} ikke koblet til en forekomst</translation></message>
    <message><source>QA/QC rows: {0}</source><translation>QA/QC-rader: {0}</translation></message>
    <message><source>coordinates: {0!r}/{1!r} in {2} ({3}), reprojected to {4}</source><translation>koordinater: {0!r}/{1!r} i {2} ({3}), reprojisert til {4}</translation></message>
    <message><source>No element or oxide columns found in the first rows (expected headers such as Co_ppm, Cu %, Fe2O3, or element names with a units row). {0}</source><translation>Fant ingen element- eller oksidkolonner i de første radene (forventet overskrifter som Co_ppm, Cu %, Fe2O3, eller elementnavn med en enhetsrad). {0}</translation></message>
    <message><source>{0} (row {1}). Name the element columns with FIELD_MAP, e.g. FIELD_MAP="co={2}:ppm"</source><translation>{0} (rad {1}). Angi elementkolonnene med FIELD_MAP, f.eks. FIELD_MAP="co={2}:ppm"</translation></message>
    <message><source>The workbook's zip directory is damaged ({0}); open it in Excel or LibreOffice and save it again</source><translation>Zip-katalogen i arbeidsboka er skadet ({0}); åpne den i Excel eller LibreOffice og lagre den på nytt</translation></message>
    <message><source>Refused: the member {0!r} inflates to {1:,.0f} MB, above the limit of {2:,.0f} MB of uncompressed sheet size. If the file is genuine, raise {3} or export the sheet as CSV</source><translation>Avvist: delen {0!r} pakkes ut til {1:,.0f} MB, over grensen på {2:,.0f} MB for ukomprimert arkstørrelse. Hvis filen er ekte, øk {3} eller eksporter arket som CSV</translation></message>
    <message><source>Refused: the member {0!r} has a compression ratio of {1:,.0f}:1 ({2:,.1f} MB → {3:,.0f} MB), above the limit of {4:,.0f}:1; this is how zip bombs look. If the file is genuine, raise {5}</source><translation>Avvist: delen {0!r} har et komprimeringsforhold på {1:,.0f}:1 ({2:,.1f} MB → {3:,.0f} MB), over grensen på {4:,.0f}:1; slik ser zip-bomber ut. Hvis filen er ekte, øk {5}</translation></message>
    <message><source>Refused: the sheet has more than {0:,} rows (the MAX_ROWS limit). If the file is genuine, raise {1}, or split it</source><translation>Avvist: arket har mer enn {0:,} rader (grensen MAX_ROWS). Hvis filen er ekte, øk {1} eller del den opp</translation></message>
    <message><source>Stopped: reading took more than the time budget of {0:g} s ({1:,} rows read in {2:,.1f} s). If the file is genuine, raise {3}, or split it</source><translation>Stoppet: lesingen tok lengre tid enn tidsbudsjettet på {0:g} s ({1:,} rader lest på {2:,.1f} s). Hvis filen er ekte, øk {3} eller del den opp</translation></message>
    <message><source>SOURCE_CRS (importassays) or ASSAY_CRS (pipeline)</source><translation>SOURCE_CRS (importassays) eller ASSAY_CRS (pipeline)</translation></message>
    <message><source>coordinates read as {0} ({1})</source><translation>koordinater lest som {0} ({1})</translation></message>
    <message><source>no coordinates</source><translation>ingen koordinater</translation></message>
    <message><source>{0} of {1} samples link to a deposit ({2} by deposit id, {3} by location; {4} have coordinates, {5}).</source><translation>{0} av {1} prøver er koblet til en forekomst ({2} via forekomst-id, {3} via plassering; {4} har koordinater, {5}).</translation></message>
    <message><source> {0} was tried first.</source><translation> {0} ble prøvd først.</translation></message>
    <message><source>samples fall inside a deposit</source><translation>prøver ligger innenfor en forekomst</translation></message>
    <message><source> CRSs tried: {0}.</source><translation> Prøvde koordinatsystemer: {0}.</translation></message>
    <message><source> If the coordinates are in another CRS, set {0}.</source><translation> Hvis koordinatene er i et annet koordinatsystem, angi {0}.</translation></message>
    <message><source> Without coordinates samples link only by a deposit id column (FIELD_MAP deposit_id=&lt;column&gt;).</source><translation> Uten koordinater kobles prøver bare via en forekomst-id-kolonne (FIELD_MAP deposit_id=&lt;column&gt;).</translation></message>
    <message><source>{0} (x and y swapped)</source><translation>{0} (x og y byttet om)</translation></message>
    <message><source>in {0}, {1} of {2} {3}</source><translation>i {0}, {1} av {2} {3}</translation></message>
    <message><source>0 in {0}</source><translation>0 i {0}</translation></message>
    <message><source>The sheet names conflicting coordinate systems: {0}. Set {1} to the right one</source><translation>Arket oppgir motstridende koordinatsystemer: {0}. Sett {1} til det riktige</translation></message>
    <message><source>The sheet names conflicting coordinate systems ({0}); SOURCE_CRS {1} is used</source><translation>Arket oppgir motstridende koordinatsystemer ({0}); SOURCE_CRS {1} brukes</translation></message>
    <message><source>given as SOURCE_CRS {0}</source><translation>angitt som SOURCE_CRS {0}</translation></message>
    <message><source>named in the sheet: {0}</source><translation>oppgitt i arket: {0}</translation></message>
    <message><source>latitude/longitude columns (WGS84)</source><translation>bredde-/lengdegradskolonner (WGS84)</translation></message>
    <message><source>coordinate values look like degrees: WGS84 assumed</source><translation>koordinatverdiene ser ut som grader: WGS84 antatt</translation></message>
    <message><source>no CRS given: EUREF89 UTM 33 ({0}) assumed, set {1} if the coordinates are in another zone</source><translation>ingen CRS angitt: EUREF89 UTM 33 ({0}) antatt, angi {1} hvis koordinatene er i en annen sone</translation></message>
    <message><source>Coordinates without a stated CRS read as {0}: {1}.</source><translation>Koordinater uten oppgitt koordinatsystem lest som {0}: {1}.</translation></message>
    <message><source>{0} and of every CRS tried</source><translation>{0} og til alle prøvde koordinatsystemer</translation></message>
    <message><source>The coordinates of all {0} located samples are outside the area of use of {1}; their locations are set to NULL. Check the coordinate columns (FIELD_MAP x=, y=, lon=, lat=) or set {2}.</source><translation>Koordinatene til alle {0} stedfestede prøver ligger utenfor bruksområdet til {1}; plasseringene deres settes til NULL. Kontroller koordinatkolonnene (FIELD_MAP x=, y=, lon=, lat=) eller angi {2}.</translation></message>
    <message><source>It looks like latitude and longitude are swapped (the two columns exchanged). </source><translation>Det ser ut som bredde- og lengdegrad er byttet om (de to kolonnene er ombyttet). </translation></message>
    <message><source>It looks like easting and northing (x and y) are swapped. </source><translation>Det ser ut som øst- og nordkoordinat (x og y) er byttet om. </translation></message>
    <message><source>fall inside a deposit</source><translation>ligger innenfor en forekomst</translation></message>
    <message><source>lie in Norway</source><translation>ligger i Norge</translation></message>
    <message><source>located samples {0}</source><translation>stedfestede prøver {0}</translation></message>
    <message><source>{0} of {1} located samples {2} in it, against {3} in {4}</source><translation>{0} av {1} stedfestede prøver {2} i det, mot {3} i {4}</translation></message>
    <message><source>{0}COORDINATES READ AS {1}, not {2} ({3}): in {1}, {4} of {5} located samples {6}, in {2} {7}. Other CRSs tried: {8}. Set {9} to confirm, or to choose another.</source><translation>{0}COORDINATES READ AS {1}, ikke {2} ({3}): i {1}: {4} av {5} stedfestede prøver {6}, i {2}: {7}. Andre prøvde koordinatsystemer: {8}. Angi {9} for å bekrefte, eller for å velge et annet.</translation></message>
    <message><source>{0}Only {1} of {2} located samples {3} with the coordinates read as {4} ({5}). Other CRSs tried: {6}. Set {7} if the coordinates are in another CRS.</source><translation>{0}Bare {1} av {2} stedfestede prøver {3} når koordinatene leses som {4} ({5}). Andre prøvde koordinatsystemer: {6}. Angi {7} hvis koordinatene er i et annet koordinatsystem.</translation></message>
    <message><source>the coordinates lie outside Norway in every CRS tried ({0})</source><translation>koordinatene ligger utenfor Norge i alle prøvde koordinatsystemer ({0})</translation></message>
    <message><source>Unknown coordinate reference system {0!r}</source><translation>Ukjent koordinatsystem {0!r}</translation></message>
    <message><source>The DEPOSITS layer has no deposit_id field (run importdeposits first)</source><translation>DEPOSITS-laget har ikke noe deposit_id-felt (kjør importdeposits først)</translation></message>
    <message><source>{0} sample(s) name a deposit that is not in DEPOSITS: {1}</source><translation>{0} prøve(r) oppgir en forekomst som ikke finnes i DEPOSITS: {1}</translation></message>
    <message><source>{0} point(s) fall in more than one deposit polygon; the first in layer order was used</source><translation>{0} punkt(er) ligger i mer enn ett forekomstpolygon; det første i lagrekkefølgen ble brukt</translation></message>
    <message><source>FIELD_MAP: {0!r} is not a unit (use ppm, ppb, %, g/t, ...)</source><translation>FIELD_MAP: {0!r} er ikke en enhet (bruk ppm, ppb, %, g/t, ...)</translation></message>
    <message><source>FIELD_MAP entry {0}={1}: neither side is a known target ({2})</source><translation>FIELD_MAP-oppføringen {0}={1}: ingen av sidene er en kjent målvariabel ({2})</translation></message>
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
    <message><source>Cannot open the assay file: {0}</source><translation>Kan ikke åpne analysefilen: {0}</translation></message>
    <message><source>The file is empty (0 bytes)</source><translation>Filen er tom (0 byte)</translation></message>
    <message><source>The workbook is password-protected (encrypted Office file); open it in Excel, remove the password and save it again as .xlsx</source><translation>Arbeidsboka er passordbeskyttet (kryptert Office-fil); åpne den i Excel, fjern passordet og lagre den på nytt som .xlsx</translation></message>
    <message><source>The file looks like a ZIP archive but is damaged ({0}); open it in Excel or LibreOffice and save it again</source><translation>Filen ser ut som et ZIP-arkiv, men er skadet ({0}); åpne den i Excel eller LibreOffice og lagre den på nytt</translation></message>
    <message><source>The file is a ZIP archive but not a spreadsheet (no xl/workbook.xml or ODS content)</source><translation>Filen er et ZIP-arkiv, men ikke et regneark (ingen xl/workbook.xml eller ODS-innhold)</translation></message>
    <message><source>The file is neither a spreadsheet (xlsx, xlsm, ods) nor a text table (csv, txt)</source><translation>Filen er verken et regneark (xlsx, xlsm, ods) eller en teksttabell (csv, txt)</translation></message>
    <message><source>large workbook ({0:.0f} MB of sheet XML): streaming it with openpyxl read-only mode so memory stays bounded</source><translation>stor arbeidsbok ({0:.0f} MB ark-XML): leses strømmende med openpyxl i skrivebeskyttet modus slik at minnebruken holdes begrenset</translation></message>
    <message><source>Legacy .xls workbooks need python-calamine; save the file as .xlsx</source><translation>Gamle .xls-arbeidsbøker krever python-calamine; lagre filen som .xlsx</translation></message>
    <message><source>The workbook cannot be read: {0}. Open it in Excel or LibreOffice and save it again (repairing it if asked), or export the sheet as CSV</source><translation>Arbeidsboka kan ikke leses: {0}. Åpne den i Excel eller LibreOffice og lagre den på nytt (reparer den hvis du blir spurt), eller eksporter arket som CSV</translation></message>
    <message><source>sheet {0!r} has Excel error cells (#N/A, #DIV/0!, ...): read with openpyxl so that each is reported</source><translation>arket {0!r} har Excel-feilceller (#N/A, #DIV/0!, ...): leses med openpyxl slik at hver av dem rapporteres</translation></message>
    <message><source>a text encoding error in the sheet ({0})</source><translation>en tegnkodingsfeil i arket ({0})</translation></message>
    <message><source>the compressed sheet data is corrupt ({0})</source><translation>de komprimerte arkdataene er ødelagt ({0})</translation></message>
    <message><source>the sheet is too large for the memory available</source><translation>arket er for stort for tilgjengelig minne</translation></message>
    <message><source>damaged XML or an unreadable part ({0})</source><translation>skadet XML eller en uleselig del ({0})</translation></message>
    <message><source>The sheet cannot be read: {0}. Open the workbook in Excel or LibreOffice and save it again (repairing it if asked), or export the sheet as CSV</source><translation>Arket kan ikke leses: {0}. Åpne arbeidsboka i Excel eller LibreOffice og lagre den på nytt (reparer den hvis du blir spurt), eller eksporter arket som CSV</translation></message>
    <message><source>The text file has no table in it (only comments or blank lines)</source><translation>Tekstfilen inneholder ingen tabell (bare kommentarer eller tomme linjer)</translation></message>
    <message><source>The text table is malformed ({0})</source><translation>Teksttabellen er feilformatert ({0})</translation></message>
    <message><source>The text table is not valid {0} after line {1} ({2}); save it again as UTF-8</source><translation>Teksttabellen er ikke gyldig {0} etter linje {1} ({2}); lagre den på nytt som UTF-8</translation></message>
    <message><source>text table: encoding {0}, separator {1!r}, decimal {2}, {3} comment line(s) skipped</source><translation>teksttabell: tegnkoding {0}, skilletegn {1!r}, desimaltegn {2}, {3} kommentarlinje(r) hoppet over</translation></message>
    <message><source>comma</source><translation>komma</translation></message>
    <message><source>point</source><translation>punktum</translation></message>
    <message><source>{0} line(s) with an unbalanced quote (lines {1}): the file is read line by line and those rows rejected</source><translation>{0} linje(r) med et ubalansert anførselstegn (linje {1}): filen leses linje for linje, og disse radene avvises</translation></message>
    <message><source>The text table cannot be read: {0}. Save it again as UTF-8 CSV</source><translation>Teksttabellen kan ikke leses: {0}. Lagre den på nytt som UTF-8 CSV</translation></message>
    <message><source>{0} censored cell(s) without a stated limit given the column's most common detection limit {1:g}</source><translation>{0} sensurert(e) celle(r) uten oppgitt grense fikk kolonnens vanligste deteksjonsgrense {1:g}</translation></message>
    <message><source>Linux (Debian, Ubuntu; QGIS from the distribution): Debian's Python refuses a system-wide pip (PEP 668), so install into a virtual environment that sees the system packages, then start QGIS with it on PYTHONPATH:</source><translation>Linux (Debian, Ubuntu; QGIS fra distribusjonen): Debians Python tillater ikke pip for hele systemet (PEP 668), så installer i et virtuelt miljø som ser systempakkene, og start QGIS med det på PYTHONPATH:</translation></message>
    <message><source>(or set PYTHONPATH to that folder once under Settings &gt; Options &gt; System &gt; Environment). Simpler but less clean: python3 -m pip install --user --break-system-packages {0} installs for your user only; the flag overrides Debian's guard, and these versions then shadow the python3-* packages for every Python program you run.</source><translation>(eller angi PYTHONPATH til den mappen én gang under Innstillinger &gt; Alternativer &gt; System &gt; Miljø). Enklere, men mindre ryddig: python3 -m pip install --user --break-system-packages {0} installerer bare for din bruker; flagget overstyrer Debians sperre, og disse versjonene skygger da for python3-*-pakkene i alle Python-programmer du kjører.</translation></message>
    <message><source>Windows (OSGeo4W or the QGIS installer): open the OSGeo4W Shell (as administrator if QGIS was installed for all users) and run: python -m pip install {0}</source><translation>Windows (OSGeo4W eller QGIS-installasjonsprogrammet): åpne OSGeo4W Shell (som administrator hvis QGIS ble installert for alle brukere) og kjør: python -m pip install {0}</translation></message>
    <message><source>Then restart QGIS.</source><translation>Start deretter QGIS på nytt.</translation></message>
    <message><source>Missing Python packages: {0}. {1}</source><translation>Python-pakker mangler: {0}. {1}</translation></message>
    <message><source>{0} (same name, {1} values)</source><translation>{0} (samme navn, {1} verdier)</translation></message>
    <message><source>FIELD_MAP maps {0!r} to a field the layer does not have; the layer's fields are: {1}</source><translation>FIELD_MAP kobler {0!r} til et felt som laget ikke har; lagets felt er: {1}</translation></message>
    <message><source>{0} (empty)</source><translation>{0} (tom)</translation></message>
    <message><source>{0} ({1} repeated values, so not an id)</source><translation>{0} ({1} gjentatte verdier, altså ikke en id)</translation></message>
    <message><source>{0} (also id-like, {1} values)</source><translation>{0} (ser også ut som en id, {1} verdier)</translation></message>
    <message><source>the name field {0!r} (no id field found; FALLBACK ids)</source><translation>navnefeltet {0!r} (fant intet id-felt; FALLBACK-id-er)</translation></message>
    <message><source>field {0!r} ({1})</source><translation>feltet {0!r} ({1})</translation></message>
    <message><source>id-like name, values unique</source><translation>id-lignende navn, unike verdier</translation></message>
    <message><source>{0}: no field looks like a deposit id or name. Fields seen: {1}. Name them with FIELD_MAP, e.g. 'deposit_id=OBJ_ID;name=NAVN'.</source><translation>{0}: ingen felt ser ut som en forekomst-id eller et navn. Felt funnet: {1}. Angi dem med FIELD_MAP, f.eks. 'deposit_id=OBJ_ID;name=NAVN'.</translation></message>
    <message><source>(none)</source><translation>(ingen)</translation></message>
    <message><source>field {0!r} is a truncated name that could be any of {1}; it is kept as it is. Map it with FIELD_MAP if it is one of the canonical fields.</source><translation>feltet {0!r} er et avkortet navn som kan være hvilket som helst av {1}; det beholdes som det er. Koble det med FIELD_MAP hvis det er et av de kanoniske feltene.</translation></message>
    <message><source>FALLBACK IDS: no deposit id field; the name field {0!r} is used as deposit_id, so two deposits with the same name cannot both be kept (id-like fields seen: {1}). Name the id field with FIELD_MAP, e.g. 'deposit_id=&lt;field&gt;'.</source><translation>FALLBACK IDS: intet id-felt for forekomster; navnefeltet {0!r} brukes som deposit_id, så to forekomster med samme navn kan ikke begge beholdes (id-lignende felt funnet: {1}). Angi id-feltet med FIELD_MAP, f.eks. 'deposit_id=&lt;field&gt;'.</translation></message>
    <message><source>deposit_kind: values read as 'other': {0}</source><translation>deposit_kind: verdier lest som 'other': {0}</translation></message>
    <message><source>setting: unrecognised values left empty (expected land, lake or sea): {0}</source><translation>setting: ukjente verdier latt stå tomme (forventet land, lake eller sea): {0}</translation></message>
    <message><source>density_t_m3 outside {0}-{1} t/m³ for {2} deposit(s) (unit error?): {3}</source><translation>density_t_m3 utenfor {0}-{1} t/m³ for {2} forekomst(er) (enhetsfeil?): {3}</translation></message>
    <message><source>recorded tonnage differs from volume × density by more than a factor 2 for: {0}</source><translation>registrert tonnasje avviker fra volum × tetthet med mer enn en faktor 2 for: {0}</translation></message>
    <message><source>repaired invalid geometries (make_valid) of: {0}</source><translation>reparerte ugyldige geometrier (make_valid) for: {0}</translation></message>
    <message><source>{0} tonnage(s) use the default dry density {1} t/m³ (tonnage_source = volume_x_default_density)</source><translation>{0} tonnasje(r) bruker standard tørr tetthet {1} t/m³ (tonnage_source = volume_x_default_density)</translation></message>
    <message><source>FALLBACK IDS: {0} feature(s) rejected because their name, used as deposit_id, occurs more than once with different content</source><translation>FALLBACK IDS: {0} objekt(er) avvist fordi navnet, brukt som deposit_id, finnes mer enn én gang med ulikt innhold</translation></message>
    <message><source>{0} &gt; 1 read as a percentage</source><translation>{0} &gt; 1 lest som prosent</translation></message>
    <message><source>{0} outside 0-1 ignored</source><translation>{0} utenfor 0-1 ignorert</translation></message>
    <message><source>The deposit layer has no deposit_id field</source><translation>Forekomstlaget har ikke noe deposit_id-felt</translation></message>
    <message><source>The sample table has no deposit_id field</source><translation>Prøvetabellen har ikke noe deposit_id-felt</translation></message>
    <message><source>MIN_SAMPLES must be ≥ 1 and ITERATIONS ≥ 100</source><translation>MIN_SAMPLES må være ≥ 1 og ITERATIONS ≥ 100</translation></message>
    <message><source>deposit_id must be non-empty and unique in the deposit layer</source><translation>deposit_id må være utfylt og unik i forekomstlaget</translation></message>
    <message><source>samples: {0} read = {1} linked to a deposit + {2} unlinked + {3} with a deposit_id not in the deposit layer (the last two are not used)</source><translation>prøver: {0} lest = {1} koblet til en forekomst + {2} uten kobling + {3} med en deposit_id som ikke finnes i forekomstlaget (de to siste brukes ikke)</translation></message>
    <message><source>samples: none of the grade fields {0} is in the sample table, so no deposit is estimated from its samples (is ASSAYS the output of importassays?)</source><translation>prøver: ingen av gehaltsfeltene {0} finnes i prøvetabellen, så ingen forekomst estimeres fra sine prøver (er ASSAYS resultatet fra importassays?)</translation></message>
    <message><source>The {0} model needs predictor(s) missing in the sample table: {1}</source><translation>{0}-modellen trenger prediktor(er) som mangler i prøvetabellen: {1}</translation></message>
    <message><source>no tonnage: contained metal not estimated</source><translation>ingen tonnasje: inneholdt metall ikke estimert</translation></message>
    <message><source>{0} estimators: {1}</source><translation>{0} estimatorer: {1}</translation></message>
    <message><source>{0}: too few samples anywhere to estimate the spread</source><translation>{0}: for få prøver noe sted til å estimere spredningen</translation></message>
    <message><source>{0}: only {1} samples (&lt; MIN_SAMPLES {2}); spread from pooled deposits</source><translation>{0}: bare {1} prøver (&lt; MIN_SAMPLES {2}); spredning fra sammenslåtte forekomster</translation></message>
    <message><source>{0}: {1} of {2} predicted samples outside the model's training range</source><translation>{0}: {1} av {2} predikerte prøver utenfor modellens treningsområde</translation></message>
    <message><source>{0}: no samples, analogue estimate (low confidence, UNFC G4)</source><translation>{0}: ingen prøver, analogt estimat (lav sikkerhet, UNFC G4)</translation></message>
    <message><source>{0}: no samples and too few analogues (&lt; {1})</source><translation>{0}: ingen prøver og for få analoger (&lt; {1})</translation></message>
    <message><source>Optimiser warning during fitting: {0}.</source><translation>Advarsel fra optimereren under tilpasningen: {0}.</translation></message>
    <message><source>CV_FOLDS must be at least 2, got {0}</source><translation>CV_FOLDS må være minst 2, fikk {0}</translation></message>
    <message><source>Only {0} training samples (fewer than about 30): treat the model as indicative.</source><translation>Bare {0} treningsprøver (færre enn omtrent 30): betrakt modellen som veiledende.</translation></message>
    <message><source>auto: {0} fitted on a seeded sample of {1} of the {2} usable rows; choose METHOD={0} to fit them all.</source><translation>auto: {0} tilpasset på et reproduserbart tilfeldig utvalg på {1} av de {2} brukbare radene; velg METHOD={0} for å tilpasse på alle.</translation></message>
    <message><source>auto: candidates compared on a seeded sample of {0} of the {1} usable rows.</source><translation>auto: kandidatene sammenlignet på et reproduserbart tilfeldig utvalg på {0} av de {1} brukbare radene.</translation></message>
    <message><source>Only {0} groups, so {0} folds instead of {1}.</source><translation>Bare {0} grupper, så {0} fold i stedet for {1}.</translation></message>
    <message><source>Gaussian process (RBF + white noise)</source><translation>gaussisk prosess (RBF + hvit støy)</translation></message>
    <message><source>best of the candidate methods by grouped CV</source><translation>beste av kandidatmetodene etter gruppert kryssvalidering</translation></message>
    <message><source>gradient boosting</source><translation>gradient boosting</translation></message>
    <message><source>ordinary least squares on logs</source><translation>vanlig minste kvadraters metode på logaritmer</translation></message>
    <message><source>random forest</source><translation>random forest</translation></message>
    <message><source>ridge regression on logs</source><translation>ridge-regresjon på logaritmer</translation></message>
    <message><source>cross-conformal on grouped out-of-fold ln residuals</source><translation>kryss-konform på gruppert utelatte ln-residualer</translation></message>
    <message><source>No group field and fewer than 2 samples with x/y coordinates: cannot form spatial cross-validation blocks</source><translation>Intet gruppefelt og færre enn 2 prøver med x/y-koordinater: kan ikke danne romlige blokker for kryssvalidering</translation></message>
    <message><source>Group field {0!r} is not in the sample table</source><translation>Gruppefeltet {0!r} finnes ikke i prøvetabellen</translation></message>
    <message><source>grouped by {0!r}</source><translation>gruppert etter {0!r}</translation></message>
    <message><source>automatic spatial blocks of {0:,.0f} m</source><translation>automatiske romlige blokker på {0:,.0f} m</translation></message>
    <message><source>No group field, no deposit_id and no x/y coordinates: grouped or spatial cross-validation is impossible. Choose GROUP_FIELD.</source><translation>Intet gruppefelt, ingen deposit_id og ingen x/y-koordinater: gruppert eller romlig kryssvalidering er umulig. Velg GROUP_FIELD.</translation></message>
    <message><source>Only {0} cross-validation group: grouped CV needs at least 2 groups (deposits or spatial blocks)</source><translation>Bare {0} kryssvalideringsgruppe: gruppert CV krever minst 2 grupper (forekomster eller romlige blokker)</translation></message>
    <message><source>Mean grade: {0} value(s) are not between {1:g} and {2:g} (zero, negative, missing or infinite grades and detection limits must be left out before estimating)</source><translation>Middelgehalt: {0} verdi(er) ligger ikke mellom {1:g} og {2:g} (null, negative, manglende eller uendelige gehalter og deteksjonsgrenser må utelates før estimering)</translation></message>
    <message><source>Unknown method {0!r}; use one of {1}</source><translation>Ukjent metode {0!r}; bruk en av {1}</translation></message>
    <message><source>{0} samples is too many for a Gaussian process (limit {1}, its cost grows with n³); use random_forest or gradient_boosting</source><translation>{0} prøver er for mange for en gaussisk prosess (grense {1}, kostnaden vokser med n³); bruk random_forest eller gradient_boosting</translation></message>
    <message><source>Model file is corrupted (member {0} fails its checksum)</source><translation>Modellfilen er skadet (arkivdelen {0} har feil kontrollsum)</translation></message>
    <message><source>Not a readable Tailings UNFC model file (corrupted or not skops: {0})</source><translation>Ikke en lesbar Tailings UNFC-modellfil (skadet eller ikke skops: {0})</translation></message>
    <message><source>Not a Tailings UNFC model file (no format_version)</source><translation>Ikke en Tailings UNFC-modellfil (ingen format_version)</translation></message>
    <message><source>Model file not found</source><translation>Fant ikke modellfilen</translation></message>
    <message><source>Model file format version {0} is newer than this plugin understands ({1}); update Tailings UNFC</source><translation>Modellfilen har formatversjon {0}, som er nyere enn dette programtillegget forstår ({1}); oppdater Tailings UNFC</translation></message>
    <message><source>Model file cannot be inspected: {0}</source><translation>Modellfilen kan ikke undersøkes: {0}</translation></message>
    <message><source>Model file refused: it contains types that are not on the trusted list and could run code when loaded: {0}</source><translation>Modellfilen avvist: den inneholder typer som ikke står på listen over godkjente typer og kan kjøre kode når den lastes: {0}</translation></message>
    <message><source>Model file is corrupted: {0}: {1}</source><translation>Modellfilen er skadet: {0}: {1}</translation></message>
    <message><source>Model file holds no fitted model</source><translation>Modellfilen inneholder ingen tilpasset modell</translation></message>
    <message><source>Model file lacks metadata {0!r}</source><translation>Modellfilen mangler metadataene {0!r}</translation></message>
    <message><source> ({0:,} of {1:,} points drawn)</source><translation> ({0:,} av {1:,} punkter tegnet)</translation></message>
    <message><source>The scatter plots draw a seeded sample{0}; every figure and table uses all the points.</source><translation>Spredningsplottene viser et reproduserbart tilfeldig utvalg{0}; alle tallverdier og tabeller bruker alle punktene.</translation></message>
    <message><source>{0:.0%} interval</source><translation>{0:.0%}-intervall</translation></message>
    <message><source>predicted ln {0} (held-out fold)</source><translation>predikert ln {0} (utelatt fold)</translation></message>
    <message><source>observed ln {0}</source><translation>observert ln {0}</translation></message>
    <message><source>Observed vs predicted, grouped CV (colour = fold)</source><translation>Observert mot predikert, gruppert CV (farge = fold)</translation></message>
    <message><source>predicted (ln)</source><translation>predikert (ln)</translation></message>
    <message><source>residual (ln)</source><translation>residual (ln)</translation></message>
    <message><source>Residuals vs predicted</source><translation>Residualer mot predikert</translation></message>
    <message><source>residual (ln); red = interval bounds</source><translation>residual (ln); rødt = intervallgrenser</translation></message>
    <message><source>Residual distribution</source><translation>Fordeling av residualer</translation></message>
    <message><source>permutation importance (drop in R², training data)</source><translation>permutasjonsbetydning (fall i R², treningsdata)</translation></message>
    <message><source>nominal {0:.0%}</source><translation>nominell {0:.0%}</translation></message>
    <message><source>overall {0:.1%}</source><translation>samlet {0:.1%}</translation></message>
    <message><source>held-out fold</source><translation>utelatt fold</translation></message>
    <message><source>share of samples inside interval</source><translation>andel prøver innenfor intervallet</translation></message>
    <message><source>coverage</source><translation>dekning</translation></message>
    <message><source>cross-validation</source><translation>kryssvalidering</translation></message>
    <message><source>fold</source><translation>fold</translation></message>
    <message><source>groups</source><translation>grupper</translation></message>
    <message><source>method</source><translation>metode</translation></message>
    <message><source>predictor</source><translation>prediktor</translation></message>
    <message><source>rows</source><translation>rader</translation></message>
    <message><source>status</source><translation>status</translation></message>
    <message><source>count</source><translation>antall</translation></message>
    <message><source>a seeded sample of {0} of the {1} usable rows</source><translation>et reproduserbart tilfeldig utvalg på {0} av de {1} brukbare radene</translation></message>
    <message><source>all {0} usable rows</source><translation>alle de {0} brukbare radene</translation></message>
    <message><source>Every candidate was cross-validated on the same {0} grouped folds of {1}. Score: {2}; of the candidates within {3} of the best, the cheapest to apply (the first in this table) is selected. The selected method was then cross-validated afresh on the rows it was fitted on: those are the figures of the Cross-validation section.</source><translation>Hver kandidat ble kryssvalidert på de samme {0} grupperte foldene av {1}. Poengsum: {2}; blant kandidatene innenfor {3} fra den beste velges den som er billigst å bruke (den første i denne tabellen). Den valgte metoden ble deretter kryssvalidert på nytt på radene den ble tilpasset på: det er disse tallene som står i avsnittet Kryssvalidering.</translation></message>
    <message><source>r2_log is the pooled out-of-fold R²; fold_r2_mean and fold_r2_sd are the mean and SD of the per-fold R².</source><translation>r2_log er samlet R² utenfor fold; fold_r2_mean og fold_r2_sd er gjennomsnitt og SD av R² per fold.</translation></message>
    <message><source>Method selection (METHOD=auto)</source><translation>Valg av metode (METHOD=auto)</translation></message>
    <message><source>Predictors: {0}; transform &lt;b&gt;{1}&lt;/b&gt;, target ln(ppm); censored target values: {2}; seed {3}; {4} training samples; training data sha256 &lt;code&gt;{5}&lt;/code&gt;.</source><translation>Prediktorer: {0}; transformasjon &lt;b&gt;{1}&lt;/b&gt;, målvariabel ln(ppm); sensurerte målverdier: {2}; seed {3}; {4} treningsprøver; sha256 for treningsdataene &lt;code&gt;{5}&lt;/code&gt;.</translation></message>
    <message><source>CV R² (grouped, ln space): pooled out-of-fold = &lt;b&gt;{0:.3f}&lt;/b&gt; (CV_R2: one R² over all held-out predictions together); per fold = &lt;b&gt;{1:.3f} ± {2:.3f}&lt;/b&gt; (CV_R2_FOLD_MEAN ± CV_R2_FOLD_SD: each fold's R² about its own mean, then their mean and SD; usually lower than the pooled figure because it does not credit the differences between folds). Empirical coverage of the {3:.0%} interval on held-out folds = &lt;b&gt;{4:.1%}&lt;/b&gt; (nominal {3:.0%}, {5}). ppm figures back-transform with exp(), the conditional median, so a negative ppm bias is expected.</source><translation>CV R² (gruppert, ln-rom): samlet utenfor fold = &lt;b&gt;{0:.3f}&lt;/b&gt; (CV_R2: én R² over alle prediksjonene for utelatte fold samlet); per fold = &lt;b&gt;{1:.3f} ± {2:.3f}&lt;/b&gt; (CV_R2_FOLD_MEAN ± CV_R2_FOLD_SD: hver folds R² beregnet mot foldens eget gjennomsnitt, deretter gjennomsnitt og SD av disse; vanligvis lavere enn det samlede tallet fordi forskjellene mellom foldene ikke regnes med). Empirisk dekning for {3:.0%}-intervallet på utelatte fold = &lt;b&gt;{4:.1%}&lt;/b&gt; (nominell {3:.0%}, {5}). ppm-tallene tilbaketransformeres med exp(), den betingede medianen, så en negativ skjevhet i ppm er forventet.</translation></message>
    <message><source>grouped ({0}, {1} folds)</source><translation>gruppert ({0}, {1} fold)</translation></message>
    <message><source>random K-fold (comparison only: overstates skill)</source><translation>tilfeldig K-fold (bare til sammenligning: overvurderer treffsikkerheten)</translation></message>
    <message><source>Model for {0}: {1}</source><translation>Modell for {0}: {1}</translation></message>
    <message><source> (selected by METHOD=auto)</source><translation> (valgt av METHOD=auto)</translation></message>
    <message><source>Created {0}.</source><translation>Opprettet {0}.</translation></message>
    <message><source>Cross-validation</source><translation>Kryssvalidering</translation></message>
    <message><source>Per fold</source><translation>Per fold</translation></message>
    <message><source>Observed vs predicted (held-out)</source><translation>Målt mot predikert (holdt utenfor)</translation></message>
    <message><source>Residuals</source><translation>Residualer</translation></message>
    <message><source>Feature importance</source><translation>Betydning av prediktorene</translation></message>
    <message><source>Interval coverage per held-out fold</source><translation>Intervallets dekning per utelatt fold</translation></message>
    <message><source>Data summary</source><translation>Datasammendrag</translation></message>
    <message><source>Training range of the predictors (predictions outside are flagged as extrapolation):</source><translation>Prediktorenes verdiområde i treningsdataene (prediksjoner utenfor flagges som ekstrapolasjon):</translation></message>
    <message><source>Hyper-parameters:</source><translation>Hyperparametre:</translation></message>
    <message><source>Reproducibility</source><translation>Reproduserbarhet</translation></message>
    <message><source>Packages:</source><translation>Pakker:</translation></message>
    <message><source>Tailings UNFC model report: {0}</source><translation>Tailings UNFC modellrapport: {0}</translation></message>
    <message><source>pooled grouped out-of-fold R² (ln)</source><translation>samlet gruppert R² utenfor fold (ln)</translation></message>
    <message><source>compared</source><translation>sammenlignet</translation></message>
    <message><source>not compared: more than {0} rows (its cost grows with n³)</source><translation>ikke sammenlignet: mer enn {0} rader (kostnaden vokser med n³)</translation></message>
    <message><source>not compared: gradient boosting gained nothing over the linear fits</source><translation>ikke sammenlignet: gradient boosting ga ingen gevinst over de lineære tilpasningene</translation></message>
    <message><source>selected</source><translation>valgt</translation></message>
    <message><source>{0} = {1} is not a positive number (deposit {2}): no tonnage from it</source><translation>{0} = {1} er ikke et positivt tall (forekomst {2}): ingen tonnasje fra den</translation></message>
    <message><source>tonnage_source '{0}' lacks its input values; used '{1}'</source><translation>tonnage_source '{0}' mangler sine inngangsverdier; brukte '{1}'</translation></message>
    <message><source>Target/predictor {0!r} is not a column of the sample table (looked for {1!r} and {2!r})</source><translation>Målvariabelen/prediktoren {0!r} er ikke en kolonne i prøvetabellen (så etter {1!r} og {2!r})</translation></message>
    <message><source>sample {0!r}</source><translation>prøve {0!r}</translation></message>
    <message><source>row {0}</source><translation>rad {0}</translation></message>
    <message><source>Predictor column(s) missing in the sample table: {0}. Available columns: {1}</source><translation>Prediktorkolonne(r) mangler i prøvetabellen: {0}. Tilgjengelige kolonner: {1}</translation></message>
    <message><source>Infinite value in predictor {0!r} at {1}: fix the source (a division by zero in a spreadsheet formula?)</source><translation>Uendelig verdi i prediktoren {0!r} i {1}: rett opp kilden (en divisjon med null i en regnearkformel?)</translation></message>
    <message><source>Unknown transform {0!r}; use one of {1}</source><translation>Ukjent transformasjon {0!r}; bruk en av {1}</translation></message>
    <message><source>Unknown censored-value policy {0!r}; use one of {1}</source><translation>Ukjent regel for sensurerte verdier {0!r}; bruk en av {1}</translation></message>
    <message><source>Choose at least one predictor field</source><translation>Velg minst ett prediktorfelt</translation></message>
    <message><source>The target {0!r} is also listed as a predictor</source><translation>Målvariabelen {0!r} er også oppført som prediktor</translation></message>
    <message><source>Infinite value in target {0!r} at {1}</source><translation>Uendelig verdi i målvariabelen {0!r} i {1}</translation></message>
    <message><source>The target column {0!r} holds no values</source><translation>Målkolonnen {0!r} inneholder ingen verdier</translation></message>
    <message><source>All {0} values of the target {1!r} are censored (below detection): there is nothing to calibrate a model on</source><translation>Alle {0} verdiene av målvariabelen {1!r} er sensurert (under deteksjonsgrensen): det finnes ingenting å kalibrere en modell på</translation></message>
    <message><source>rows in</source><translation>rader inn</translation></message>
    <message><source>no target value (not used for fitting)</source><translation>ingen målverdi (ikke brukt i tilpasningen)</translation></message>
    <message><source>target censored, excluded (policy 'exclude')</source><translation>målverdi sensurert, utelatt (regel 'exclude')</translation></message>
    <message><source>target censored, half-DL substitute used</source><translation>målverdi sensurert, erstatning med halv deteksjonsgrense brukt</translation></message>
    <message><source>target not positive (cannot take log)</source><translation>målverdi ikke positiv (kan ikke ta logaritmen)</translation></message>
    <message><source>a predictor missing (NaN)</source><translation>en prediktor mangler (NaN)</translation></message>
    <message><source>predictor not valid for the {0} transform (≤ 0, or parts sum over 100 %)</source><translation>prediktor ugyldig for {0}-transformasjonen (≤ 0, eller delene summerer til over 100 %)</translation></message>
    <message><source>used for fitting</source><translation>brukt i tilpasningen</translation></message>
    <message><source>Only {0} usable samples for {1} predictor(s): a model needs more samples than predictors + 1 (exclusions: {2})</source><translation>Bare {0} brukbare prøver for {1} prediktor(er): en modell trenger flere prøver enn prediktorer + 1 (utelatelser: {2})</translation></message>
    <message><source>Predictor(s) constant over the {0} usable samples, so they carry no information: {1}</source><translation>Prediktor(er) er konstante over de {0} brukbare prøvene og gir derfor ingen informasjon: {1}</translation></message>
    <message><source>{0} ({1} rows in all)</source><translation>{0} ({1} rader totalt)</translation></message>
    <message><source>{0}: not a number where {1} is expected</source><translation>{0}: ikke et tall der {1} forventes</translation></message>
    <message><source>{0}: infinite value</source><translation>{0}: uendelig verdi</translation></message>
    <message><source>{0}: negative quantity ({1})</source><translation>{0}: negativ mengde ({1})</translation></message>
    <message><source>{0}: not a whole number</source><translation>{0}: ikke et heltall</translation></message>
    <message><source>{0}: not a date/time</source><translation>{0}: ikke en dato/tid</translation></message>
    <message><source>{0}: must be one of {1}</source><translation>{0}: må være en av {1}</translation></message>
    <message><source>{0}: the field deposit_id is missing</source><translation>{0}: feltet deposit_id mangler</translation></message>
    <message><source>{0}: deposit_id is NULL or empty</source><translation>{0}: deposit_id er NULL eller tom</translation></message>
    <message><source>{0}: two fields differ only in letter case: {1!r} and {2!r}</source><translation>{0}: to felt skiller seg bare i store/små bokstaver: {1!r} og {2!r}</translation></message>
    <message><source>{0}: deposit_id occurs more than once</source><translation>{0}: deposit_id finnes mer enn én gang</translation></message>
    <message><source>{0}: required fields missing: {1}</source><translation>{0}: påkrevde felt mangler: {1}</translation></message>
    <message><source>{0}: quantity row for a deposit that is not in the deposits input</source><translation>{0}: mengderad for en forekomst som ikke finnes i forekomstinndataene</translation></message>
    <message><source>{0}: quantity_t is NULL</source><translation>{0}: quantity_t er NULL</translation></message>
    <message><source>{0}: the same deposit, commodity and G increment occurs twice</source><translation>{0}: samme forekomst, råstoff og G-inkrement finnes to ganger</translation></message>
    <message><source>Unknown coordinate reference system</source><translation>Ukjent koordinatsystem</translation></message>
    <message><source>The existing layer {0!r} of the destination is in another coordinate reference system; export to a new file or reproject</source><translation>Det eksisterende laget {0!r} i målet har et annet koordinatsystem; eksporter til en ny fil eller reprojiser</translation></message>
    <message><source>The destination folder does not exist</source><translation>Målmappen finnes ikke</translation></message>
    <message><source>The destination folder is not a folder</source><translation>Målmappen er ikke en mappe</translation></message>
    <message><source>Cannot write in the destination folder: {0}</source><translation>Kan ikke skrive i målmappen: {0}</translation></message>
    <message><source>The destination exists and is not a file</source><translation>Målet finnes og er ikke en fil</translation></message>
    <message><source>The destination exists and is not a GeoPackage; choose another file name (nothing was changed)</source><translation>Målet finnes og er ikke en GeoPackage; velg et annet filnavn (ingenting ble endret)</translation></message>
    <message><source>Writing the GeoPackage failed, the destination is unchanged: {0}{1}</source><translation>Skriving av GeoPackage mislyktes, målet er uendret: {0}{1}</translation></message>
    <message><source>the disk is full (no space left on device)</source><translation>disken er full (ingen ledig plass på enheten)</translation></message>
    <message><source>{0} without a message</source><translation>{0} uten melding</translation></message>
    <message><source>The destination contains a password. Store credentials in a QGIS authentication configuration and give its id as authcfg=… instead</source><translation>Målet inneholder et passord. Lagre påloggingsopplysningene i en QGIS-autentiseringskonfigurasjon og oppgi id-en som authcfg=… i stedet</translation></message>
    <message><source>The destination URL contains a password (user:password@host). Use a QGIS authentication configuration (authcfg=…) instead</source><translation>Mål-URL-en inneholder et passord (bruker:passord@vert). Bruk en QGIS-autentiseringskonfigurasjon (authcfg=…) i stedet</translation></message>
    <message><source>The PostGIS destination cannot be read: {0}</source><translation>PostGIS-målet kan ikke leses: {0}</translation></message>
    <message><source>A PostGIS destination needs a QGIS authentication config (authcfg=…) or a PostgreSQL service name (service=…)</source><translation>Et PostGIS-mål trenger en QGIS-autentiseringskonfigurasjon (authcfg=…) eller et PostgreSQL-tjenestenavn (service=…)</translation></message>
    <message><source>The schema name may hold letters, digits and _ only</source><translation>Skjemanavnet kan bare inneholde bokstaver, sifre og _</translation></message>
    <message><source>{0} in the PostGIS destination must be a number of seconds between 0 and 86400</source><translation>{0} i PostGIS-målet må være et antall sekunder mellom 0 og 86400</translation></message>
    <message><source>Cannot connect to PostgreSQL ({0}): {1}. Nothing was changed</source><translation>Kan ikke koble til PostgreSQL ({0}): {1}. Ingenting ble endret</translation></message>
    <message><source>Another export is writing to {0}.{1} ({2}); waited {3:g} s (lock_timeout). Nothing was changed: run again when it has finished, or give a longer lock_timeout=&lt;seconds&gt; in the destination</source><translation>En annen eksport skriver til {0}.{1} ({2}); ventet {3:g} s (lock_timeout). Ingenting ble endret: kjør på nytt når den er ferdig, eller angi en lengre lock_timeout=&lt;seconds&gt; i målet</translation></message>
    <message><source>Warning: the layer style could not be stored in public.layer_styles ({0}); the data were written. Load resources/styles/unfc_class_{1}.qml by hand.</source><translation>Advarsel: lagstilen kunne ikke lagres i public.layer_styles ({0}); dataene ble skrevet. Last inn resources/styles/unfc_class_{1}.qml manuelt.</translation></message>
    <message><source>PostGIS export needs an EPSG coordinate reference system</source><translation>PostGIS-eksport krever et EPSG-koordinatsystem</translation></message>
    <message><source>The database has no PostGIS extension ({0}). Ask the database administrator to run CREATE EXTENSION postgis; nothing was changed</source><translation>Databasen har ikke PostGIS-utvidelsen ({0}). Be databaseadministratoren kjøre CREATE EXTENSION postgis; ingenting ble endret</translation></message>
    <message><source>PostGIS export failed and was rolled back, nothing was changed ({0}): {1}</source><translation>PostGIS-eksporten mislyktes og ble rullet tilbake, ingenting ble endret ({0}): {1}</translation></message>
    <message><source>RUN_METADATA must not contain secrets (key {0!r} in {1})</source><translation>RUN_METADATA kan ikke inneholde hemmeligheter (nøkkel {0!r} i {1})</translation></message>
    <message><source>RUN_METADATA is neither a JSON object nor an existing .json file</source><translation>RUN_METADATA er verken et JSON-objekt eller en eksisterende .json-fil</translation></message>
    <message><source>RUN_METADATA is not valid JSON: {0} at line {1} column {2}</source><translation>RUN_METADATA er ikke gyldig JSON: {0} på linje {1} kolonne {2}</translation></message>
    <message><source>RUN_METADATA must be a JSON object</source><translation>RUN_METADATA må være et JSON-objekt</translation></message>
    <message><source>DESTINATION is empty: give a .gpkg file or a PostGIS connection</source><translation>DESTINATION er tom: oppgi en .gpkg-fil eller en PostGIS-tilkobling</translation></message>
    <message><source>The destination file must end in .gpkg (GeoPackage)</source><translation>Målfilen må slutte på .gpkg (GeoPackage)</translation></message>
    <message><source>{0}: {1} deposits read, all accepted; {2}: {3} quantity rows read, all accepted</source><translation>{0}: {1} forekomster lest, alle godtatt; {2}: {3} mengderader lest, alle godtatt</translation></message>
    <message><source>Run {0}, content sha256 {1}</source><translation>Kjøring {0}, innholdets sha256 {1}</translation></message>
    <message><source>Wrote {0} deposits and {1} quantity rows to {2}</source><translation>Skrev {0} forekomster og {1} mengderader til {2}</translation></message>
    <message><source>TABLE_PREFIX may hold letters, digits and _ only, and must not start with a digit</source><translation>TABLE_PREFIX kan bare inneholde bokstaver, sifre og _, og kan ikke begynne med et siffer</translation></message>
    <message><source>known G1+G2+G3 (t)</source><translation>kjent G1+G2+G3 (t)</translation></message>
    <message><source>potential G4.1+G4.2+G4.3 (t)</source><translation>potensiell G4.1+G4.2+G4.3 (t)</translation></message>
    <message><source>All classes</source><translation>Alle klasser</translation></message>
    <message><source>UNFC quantities (contained tonnes per G increment), run {0}</source><translation>UNFC-mengder (inneholdte tonn per G-inkrement), kjøring {0}</translation></message>
    <message><source>Intervals: {0}. Known (G1–G3) and potential (G4) are totalled apart: adding them would mix a known source with a potential one.</source><translation>Intervaller: {0}. Kjent (G1–G3) og potensiell (G4) summeres hver for seg: å legge dem sammen ville blande en kjent kilde med en potensiell.</translation></message>
    <message><source>{0} ({1}) per deposit, run {2}. Intervals: {3}.</source><translation>{0} ({1}) per forekomst, kjøring {2}. Intervaller: {3}.</translation></message>
    <message><source>contained P50 (t)</source><translation>inneholdt P50 (t)</translation></message>
    <message><source>contained high P10 (t)</source><translation>inneholdt høy P10 (t)</translation></message>
    <message><source>contained low P90 (t)</source><translation>inneholdt lav P90 (t)</translation></message>
    <message><source>deposit_id</source><translation>deposit_id</translation></message>
    <message><source>grade P50 (ppm)</source><translation>gehalt P50 (ppm)</translation></message>
    <message><source>grade high P10 (ppm)</source><translation>gehalt høy P10 (ppm)</translation></message>
    <message><source>grade low P90 (ppm)</source><translation>gehalt lav P90 (ppm)</translation></message>
    <message><source>municipality</source><translation>kommune</translation></message>
    <message><source>name</source><translation>navn</translation></message>
    <message><source>samples (n)</source><translation>prøver (n)</translation></message>
    <message><source>tonnage (t)</source><translation>tonnasje (t)</translation></message>
    <message><source>The report folder does not exist</source><translation>Rapportmappen finnes ikke</translation></message>
    <message><source>Writing the summary workbook failed: {0}</source><translation>Skriving av sammendragsarbeidsboka mislyktes: {0}</translation></message>
    <message><source>FIELD_MAP entries must look like canonical=source, separated by ';'</source><translation>Oppføringer i FIELD_MAP må se ut som kanonisk=kilde, skilt med ';'</translation></message>
    <message><source>FIELD_MAP entry without a name before '='</source><translation>Oppføring i FIELD_MAP uten navn foran '='</translation></message>
    <message><source>FIELD_MAP is not valid JSON: {0} at character {1}</source><translation>FIELD_MAP er ikke gyldig JSON: {0} ved tegn {1}</translation></message>
    <message><source>FIELD_MAP JSON must be an object of strings, e.g. {"deposit_id": "OBJ_ID"}</source><translation>FIELD_MAP-JSON må være et objekt med strenger, f.eks. {"deposit_id": "OBJ_ID"}</translation></message>
    <message><source>FIELD_MAP names unknown canonical field(s) {0}; known fields: {1}</source><translation>FIELD_MAP angir ukjente kanoniske felt {0}; kjente felt: {1}</translation></message>
    <message><source>{0}: model for {1} is not for co, cu, zn or tree; not used</source><translation>{0}: modellen for {1} gjelder ikke co, cu, zn eller tree; ikke brukt</translation></message>
    <message><source>Two model files for {0}: {1} and {2}</source><translation>To modellfiler for {0}: {1} og {2}</translation></message>
    <message><source>{0}: {1} model for {2} from {3} (grouped CV R² {4:.3f})</source><translation>{0}: {1}-modell for {2} fra {3} (gruppert CV R² {4:.3f})</translation></message>
    <message><source>{0}: {1} of {2} rows rejected</source><translation>{0}: {1} av {2} rader avvist</translation></message>
    <message><source>{0}: {1} of {2} samples</source><translation>{0}: {1} av {2} prøver</translation></message>
    <message><source>ASSAY_CRS not given</source><translation>ASSAY_CRS ikke angitt</translation></message>
    <message><source>{0} ({1}), NOT {2} as first assumed</source><translation>{0} ({1}), IKKE {2} som først antatt</translation></message>
    <message><source>{0}: coordinates read as {1}; {2} of {3} samples linked (the log has the CRSs tried); set ASSAY_CRS to confirm</source><translation>{0}: koordinatene lest som {1}; {2} av {3} prøver koblet (loggen viser koordinatsystemene som ble prøvd); sett ASSAY_CRS for å bekrefte</translation></message>
    <message><source>{0}: {1} read = {2} samples + {3} QA/QC rows ({4}) + {5} rejected; {6} problem cells kept as NULL</source><translation>{0}: {1} lest = {2} prøver + {3} QA/QC-rader ({4}) + {5} avvist; {6} problemceller beholdt som NULL</translation></message>
    <message><source>{0}: {1} {2} readings not used (field/pXRF file; {3} is predicted from the proxies instead)</source><translation>{0}: {1} {2}-målinger ikke brukt (felt-/pXRF-fil; {3} predikeres fra proxyene i stedet)</translation></message>
    <message><source>{0}: {1} of {2} sample(s) are not linked to any deposit and are not used</source><translation>{0}: {1} av {2} prøve(r) er ikke koblet til noen forekomst og brukes ikke</translation></message>
    <message><source>No model for {0}</source><translation>Ingen modell for {0}</translation></message>
    <message><source>{0}: a given model file is used; not training another</source><translation>{0}: en oppgitt modellfil brukes; trener ikke en ny</translation></message>
    <message><source>Training {0} from {1}: {2} training samples, {3} to predict</source><translation>Trener {0} fra {1}: {2} treningsprøver, {3} skal predikeres</translation></message>
    <message><source>{0} for {1}: grouped CV ({2}) R² = {3:.3f} (ln), RMSE = {4:.3f}; random K-fold R² = {5:.3f} (comparison only); coverage of the {6:.0%} interval = {7:.1%}</source><translation>{0} for {1}: gruppert CV ({2}) R² = {3:.3f} (ln), RMSE = {4:.3f}; tilfeldig K-fold R² = {5:.3f} (bare til sammenligning); dekning for {6:.0%}-intervallet = {7:.1%}</translation></message>
    <message><source>Progress: the longest stretch without a report of the run's own was {0:.1f} s, from {1:.0f} s into the run (the bar moved on in between)</source><translation>Fremdrift: den lengste strekningen uten egen fremdriftsmelding fra kjøringen var {0:.1f} s, fra {1:.0f} s ut i kjøringen (linjen ble flyttet videre i mellomtiden)</translation></message>
    <message><source>Run summary: {0}</source><translation>Kjøringssammendrag: {0}</translation></message>
    <message><source>None of the {0} samples links to any of the {1} deposits, so nothing can be estimated. {2}Check the CRS of the assay coordinates (ASSAY_CRS, e.g. EPSG:25832), the deposit ids in the assay files (ASSAY_FIELD_MAP 'deposit_id=&lt;column&gt;') and the deposit layer's ids (DEPOSIT_FIELD_MAP); tailingsunfc:checkinputs shows the linkage for each CRS.</source><translation>Ingen av de {0} prøvene er koblet til noen av de {1} forekomstene, så ingenting kan estimeres. {2}Kontroller koordinatsystemet for analysekoordinatene (ASSAY_CRS, f.eks. EPSG:25832), forekomst-id-ene i analysefilene (ASSAY_FIELD_MAP 'deposit_id=&lt;column&gt;') og id-ene i forekomstlaget (DEPOSIT_FIELD_MAP); tailingsunfc:checkinputs viser koblingen for hvert koordinatsystem.</translation></message>
    <message><source>{0} of {1}: {2}</source><translation>{0} av {1}: {2}</translation></message>
    <message><source>No deposit got an estimate for any of {0} (x_method is 'none' everywhere): the linked samples carry none of these elements and no analogue applies. Check the element columns of the assay files (ASSAY_FIELD_MAP) and tailingsunfc:checkinputs.</source><translation>Ingen forekomst fikk et estimat for noen av {0} (x_method er 'none' overalt): de koblede prøvene inneholder ingen av disse elementene, og ingen analog kan brukes. Kontroller elementkolonnene i analysefilene (ASSAY_FIELD_MAP) og tailingsunfc:checkinputs.</translation></message>
    <message><source>No assay file given (ASSAYS or PROXY_ASSAYS)</source><translation>Ingen analysefil angitt (ASSAYS eller PROXY_ASSAYS)</translation></message>
    <message><source>The file does not exist</source><translation>Filen finnes ikke</translation></message>
    <message><source>Samples: {0} from {1} file(s), {2} linked to a deposit</source><translation>Prøver: {0} fra {1} fil(er), {2} koblet til en forekomst</translation></message>
    <message><source>Deposits: {0} imported, {1} with an estimate, {2} classified under UNFC</source><translation>Forekomster: {0} importert, {1} med estimat, {2} klassifisert etter UNFC</translation></message>
    <message><source>{0} deposit(s) have an estimate but no UNFC class (see unfc_rationale)</source><translation>{0} forekomst(er) har et estimat, men ingen UNFC-klasse (se unfc_rationale)</translation></message>
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
    <message><source>{0}: no {1} column in the samples</source><translation>{0}: ingen {1}-kolonne i prøvene</translation></message>
    <message><source>{0}: no proxy is measured on both the lab and the proxy-only samples</source><translation>{0}: ingen proxy er målt både på laboratorieprøvene og på prøvene som bare har proxyer</translation></message>
    <message><source>{0}: only {1} samples with a usable {2} (need {3})</source><translation>{0}: bare {1} prøver med brukbar {2} (trenger {3})</translation></message>
    <message><source>{0}: every sample has a measured {1}; no model needed</source><translation>{0}: alle prøvene har målt {1}; ingen modell trengs</translation></message>
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
    <message><source>{0} part: {1!r} is a {2} category, not an {0} category</source><translation>{0}-delen: {1!r} er en {2}-kategori, ikke en {0}-kategori</translation></message>
    <message><source>{0} part: unknown UNFC {0} category {1!r} (valid: {2})</source><translation>{0}-delen: ukjent UNFC {0}-kategori {1!r} (gyldige: {2})</translation></message>
    <message><source>add it to [e.permit_status] in the rules file</source><translation>legg den til i [e.permit_status] i regelfilen</translation></message>
    <message><source>The input has no deposit_id field (is it the output of the estimate step?)</source><translation>Inndataene har ikke noe deposit_id-felt (er det utdataene fra estimeringstrinnet?)</translation></message>
    <message><source>{0} deposit x commodity estimate(s) from the deposit's own samples were set to G4 by an expert override or the CRIRSCO/PERC bridge: UNFC counts a sampled deposit as a known source (G1-G3); check those overrides or categories.</source><translation>{0} estimat(er) for forekomst x råstoff fra forekomstens egne prøver ble satt til G4 av en ekspertoverstyring eller CRIRSCO/PERC-broen: UNFC regner en prøvetatt forekomst som en kjent kilde (G1-G3); kontroller disse overstyringene eller kategoriene.</translation></message>
    <message><source>add it to [f.project_status] in the rules file</source><translation>legg den til i [f.project_status] i regelfilen</translation></message>
    <message><source>{0} estimate(s) not ordered x_t_lo &lt;= x_t &lt;= x_t_hi: clamped.</source><translation>{0} estimat(er) er ikke ordnet som x_t_lo &lt;= x_t &lt;= x_t_hi: avkortet.</translation></message>
    <message><source>Unrecognised {0} value for deposit {1!r}; {2}</source><translation>Ukjent {0}-verdi for forekomst {1!r}; {2}</translation></message>
    <message><source>Not a number</source><translation>Ikke et tall</translation></message>
    <message><source>Invalid expert override: {0}</source><translation>Ugyldig ekspertoverstyring: {0}</translation></message>
    <message><source>The input has no estimate fields (x_method, x_t, x_t_lo, x_t_hi for co, cu, zn, tree): run the estimate step first</source><translation>Inndataene har ingen estimatfelt (x_method, x_t, x_t_lo, x_t_hi for co, cu, zn, tree): kjør estimeringstrinnet først</translation></message>
    <message><source>No estimate fields for {0}: treated as x_method none.</source><translation>Ingen estimatfelt for {0}: behandlet som x_method none.</translation></message>
    <message><source>expected measured, regression, analogue or none</source><translation>forventet measured, regression, analogue eller none</translation></message>
    <message><source>{0} deposit x commodity estimate(s) have a method but missing or negative x_t/x_t_lo/x_t_hi: no quantities for them.</source><translation>{0} estimat(er) for forekomst x råstoff har en metode, men manglende eller negative x_t/x_t_lo/x_t_hi: ingen mengder for dem.</translation></message>
    <message><source>use a CRIRSCO/PERC/JORC category ({0}) or leave it empty</source><translation>bruk en CRIRSCO/PERC/JORC-kategori ({0}) eller la den stå tom</translation></message>
    <message><source>expected land, lake or sea, or add it to [setting_names] in the rules file</source><translation>forventet land, lake eller sea, eller legg den til i [setting_names] i regelfilen</translation></message>
    <message><source>{0} (line {1})</source><translation>{0} (linje {1})</translation></message>
    <message><source>Rules file: unknown key '{0}' (allowed here: {1})</source><translation>Regelfil: ukjent nøkkel '{0}' (tillatt her: {1})</translation></message>
    <message><source>Rules file: '{0}' must be a table</source><translation>Regelfil: '{0}' må være en tabell</translation></message>
    <message><source>Rules file: '{0}' must be an array of tables</source><translation>Regelfil: '{0}' må være en liste med tabeller</translation></message>
    <message><source>Rules file: '{0}' must be a number</source><translation>Regelfil: '{0}' må være et tall</translation></message>
    <message><source>Rules file: '{0}' must be a finite number, not {1}</source><translation>Regelfil: '{0}' må være et endelig tall, ikke {1}</translation></message>
    <message><source>Rules file: '{0}' must be a whole number</source><translation>Regelfil: '{0}' må være et heltall</translation></message>
    <message><source>Rules file: '{0}' must be text</source><translation>Regelfil: '{0}' må være tekst</translation></message>
    <message><source>Rules file: missing '{0}'</source><translation>Regelfil: '{0}' mangler</translation></message>
    <message><source>Rules file: {0}</source><translation>Regelfil: {0}</translation></message>
    <message><source>Rules file: '{0}' must be F4.1, F4.2 or F4.3</source><translation>Regelfil: '{0}' må være F4.1, F4.2 eller F4.3</translation></message>
    <message><source>Rules file: TOML syntax error: {0}</source><translation>Regelfil: syntaksfeil i TOML: {0}</translation></message>
    <message><source>Rules file: prices.currency must be USD or NOK, not {0!r}</source><translation>Regelfil: prices.currency må være USD eller NOK, ikke {0!r}</translation></message>
    <message><source>Rules file: prices.usd_nok must be positive</source><translation>Regelfil: prices.usd_nok må være positiv</translation></message>
    <message><source>Rules file: missing price for commodity '{0}' (add 'prices.{0}')</source><translation>Regelfil: pris mangler for råstoffet '{0}' (legg til 'prices.{0}')</translation></message>
    <message><source>Rules file: price of {0} must not be negative</source><translation>Regelfil: prisen på {0} kan ikke være negativ</translation></message>
    <message><source>Rules file: missing recovery factor for commodity '{0}' (add 'recovery.{0}')</source><translation>Regelfil: utbyttefaktor mangler for råstoffet '{0}' (legg til 'recovery.{0}')</translation></message>
    <message><source>Rules file: recovery of {0} must be a fraction between 0 and 1</source><translation>Regelfil: utbyttet for {0} må være en andel mellom 0 og 1</translation></message>
    <message><source>Rules file: thresholds not monotonic: {0} min_samples ({1}) is below {2} min_samples ({3}); {0} must be at least as strict</source><translation>Regelfil: tersklene er ikke monotone: {0} min_samples ({1}) er lavere enn {2} min_samples ({3}); {0} må være minst like streng</translation></message>
    <message><source>Rules file: thresholds not monotonic: {0} max_relative_half_width ({1}) is above {2} ({3}); {0} must be at least as strict</source><translation>Regelfil: tersklene er ikke monotone: {0} max_relative_half_width ({1}) er høyere enn {2} ({3}); {0} må være minst like streng</translation></message>
    <message><source>Rules file: {0} thresholds must not be negative</source><translation>Regelfil: {0}-tersklene kan ikke være negative</translation></message>
    <message><source>Rules file: g.max_confidence.{0} must be G1, G2 or G3: an estimate from the deposit's own samples is a known source in UNFC, and G4 is for potential sources only</source><translation>Regelfil: g.max_confidence.{0} må være G1, G2 eller G3: et estimat fra forekomstens egne prøver er en kjent kilde i UNFC, og G4 gjelder bare potensielle kilder</translation></message>
    <message><source>Rules file: g.max_confidence.analogue must be G4: an analogue or mass-balance estimate rests on indirect evidence, so the deposit is a potential source in UNFC</source><translation>Regelfil: g.max_confidence.analogue må være G4: et analogi- eller massebalanseestimat bygger på indirekte holdepunkter, så forekomsten er en potensiell kilde i UNFC</translation></message>
    <message><source>Rules file: missing technology maturity for commodity '{0}'</source><translation>Regelfil: teknologimodenhet mangler for råstoffet '{0}'</translation></message>
    <message><source>Rules file: setting.{0}: factor must be positive and steps not negative</source><translation>Regelfil: setting.{0}: faktoren må være positiv og trinnene kan ikke være negative</translation></message>
    <message><source>Rules file: setting_names: {0!r} must map to one of {1}</source><translation>Regelfil: setting_names: {0!r} må tilordnes en av {1}</translation></message>
    <message><source>Rules file: e.value_currency must be USD or NOK</source><translation>Regelfil: e.value_currency må være USD eller NOK</translation></message>
    <message><source>Rules file: E thresholds not monotonic: need e1_min_value ({0}) &gt;= e2_min_value ({1}) &gt;= e3_3_max_value ({2}) &gt;= 0</source><translation>Regelfil: E-tersklene er ikke monotone: krever e1_min_value ({0}) &gt;= e2_min_value ({1}) &gt;= e3_3_max_value ({2}) &gt;= 0</translation></message>
    <message><source>Rules file: e.without_project must be an E category or 'screening': {0}</source><translation>Regelfil: e.without_project må være en E-kategori eller 'screening': {0}</translation></message>
    <message><source>Rules file: e.permit_status: {0!r} must map to one of {1}</source><translation>Regelfil: e.permit_status: {0!r} må tilordnes en av {1}</translation></message>
    <message><source>Rules file: constraint effect must be E3.2 or E3.3</source><translation>Regelfil: virkningen av en restriksjon må være E3.2 eller E3.3</translation></message>
    <message><source>Rules file: constraint layer entry needs a non-empty 'match'</source><translation>Regelfil: en oppføring for et restriksjonslag trenger en ikke-tom 'match'</translation></message>
    <message><source>Rules file: e.constraints.default_effect must be E3.2 or E3.3</source><translation>Regelfil: e.constraints.default_effect må være E3.2 eller E3.3</translation></message>
    <message><source>Rules file: version must not be empty</source><translation>Regelfil: versjonen kan ikke være tom</translation></message>
    <message><source>Rules file not found</source><translation>Fant ikke regelfilen</translation></message>
    <message><source>Rules file is not UTF-8 text ({0})</source><translation>Regelfilen er ikke UTF-8-tekst ({0})</translation></message>
</context>
</TS>
