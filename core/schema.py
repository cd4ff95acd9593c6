"""Canonical field names and types shared by every step (the public contract of DESIGN.md).

Types are plain strings ("string", "int", "double", "datetime") so both core (pandas) and the
QGIS adapters (QgsField) can map them. Each field has an English and a Norwegian (Bokmål)
alias; ``FieldSpec.alias(language)`` picks one (``alias_language`` maps a QGIS locale to a
language) for the layers' alias table, and the export's field dictionary keeps both.
"""
from __future__ import annotations

from dataclasses import dataclass

COMMODITIES: tuple[str, ...] = ("co", "cu", "zn", "tree")
COMMODITY_NAMES = {"co": "cobalt", "cu": "copper", "zn": "zinc", "tree": "total rare-earth elements"}
COMMODITY_SYMBOLS = {"co": "Co", "cu": "Cu", "zn": "Zn", "tree": "TREE"}  # the prefix of their aliases
REE_ELEMENTS: tuple[str, ...] = (
    "la", "ce", "pr", "nd", "sm", "eu", "gd", "tb", "dy", "ho", "er", "tm", "yb", "lu", "y",
)
DEFAULT_CRS = "EPSG:25833"
DEPOSIT_KINDS = ("tailings", "waste_rock", "slag", "other")
SETTINGS = ("land", "lake", "sea")
ESTIMATE_METHODS = ("measured", "regression", "analogue", "none")
# x_estimator: how the mean grade was computed (docs/estimation.md, "Choice of estimator").
ESTIMATORS = ("lognormal", "arithmetic", "robust_mle", "ros", "substitution", "log_regression", "mass_balance",
              "analogue")
TONNAGE_SOURCES = ("recorded", "volume_x_density", "volume_x_default_density", "none")

# Interval convention, used by estimate, classify and export alike: `_lo` is P90 (10th
# percentile, low estimate), the best value is P50, `_hi` is P10 (90th percentile, high
# estimate): an 80 % central interval, which maps directly onto UNFC's low/best/high
# estimates (ECE Energy Series 61, Part I, §V).
INTERVAL_LEVEL = 0.80
INTERVAL_DESCRIPTION = (
    "x_lo = P90 (10th percentile), x = P50 (median, best estimate), x_hi = P10 (90th "
    "percentile): an 80 % central interval"
)


@dataclass(frozen=True)
class FieldSpec:
    name: str
    type: str  # "string" | "int" | "double" | "datetime"
    alias_nb: str
    description: str
    unit: str = ""
    alias_en: str = ""

    def alias(self, language: str) -> str:
        """The alias in ``language``: "nb" for Bokmål, anything else English."""
        return self.alias_nb if language == "nb" else (self.alias_en or self.alias_nb)


def alias_language(locale: str) -> str:
    """"nb" for a Norwegian locale (nb, no, nn, with or without region), else "en"."""
    return "nb" if str(locale or "").lower().startswith(("nb", "no", "nn")) else "en"


DEPOSIT_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("deposit_id", "string", "Forekomst-id", "Stable deposit identifier", alias_en="Deposit id"),
    FieldSpec("name", "string", "Navn", "Deposit name", alias_en="Name"),
    FieldSpec("municipality", "string", "Kommune", "Municipality", alias_en="Municipality"),
    FieldSpec("deposit_kind", "string", "Deponitype", "tailings, waste_rock, slag or other", alias_en="Deposit kind"),
    FieldSpec("setting", "string", "Plassering", "land, lake or sea", alias_en="Setting"),
    FieldSpec("source_mine", "string", "Kildegruve", "Mine the material came from", alias_en="Source mine"),
    FieldSpec("source_commodity", "string", "Kilderåstoff", "Commodity of the source mine",
              alias_en="Source commodity"),
    FieldSpec("status", "string", "Status", "Status of the deposit or mine", alias_en="Status"),
    FieldSpec("area_m2", "double", "Areal (m²)", "Footprint area", "m2", alias_en="Area (m²)"),
    FieldSpec("volume_m3", "double", "Volum (m³)", "Volume", "m3", alias_en="Volume (m³)"),
    FieldSpec("density_t_m3", "double", "Tetthet (t/m³)", "Dry bulk density", "t/m3", alias_en="Density (t/m³)"),
    FieldSpec("tonnage_t", "double", "Tonnasje (t)", "Dry tonnage", "t", alias_en="Tonnage (t)"),
    FieldSpec("tonnage_source", "string", "Tonnasjekilde", "recorded, volume_x_density, ...",
              alias_en="Tonnage source"),
)

# Optional attributes that importdeposits carries through when a source has them; the
# estimation (analogue model) and classification (F and E axes) read them.
_PROJECT_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("importance", "string", "Råstoffbetydning", "NGU RåstoffBetydning", alias_en="Resource importance"),
    FieldSpec("ore_type", "string", "Malmtype", "Ore type of the source mine", alias_en="Ore type"),
    FieldSpec("mining_start", "int", "Driftsstart (år)", "First year of mining", "year",
              alias_en="Mining start (year)"),
    FieldSpec("mining_end", "int", "Driftsslutt (år)", "Last year of mining", "year", alias_en="Mining end (year)"),
    FieldSpec("mill_process", "string", "Oppredningsprosess", "Mill process", alias_en="Mill process"),
    FieldSpec("project_status", "string", "Prosjektstatus", "Reprocessing project status", alias_en="Project status"),
    FieldSpec("permit_status", "string", "Tillatelse", "Permit or impact-assessment status", alias_en="Permit status"),
    FieldSpec("resource_category", "string", "Ressurskategori", "CRIRSCO/PERC/JORC category",
              alias_en="Resource category"),
    FieldSpec("unfc_e_override", "string", "UNFC E (overstyrt)", "Expert override of E", alias_en="UNFC E (override)"),
    FieldSpec("unfc_f_override", "string", "UNFC F (overstyrt)", "Expert override of F", alias_en="UNFC F (override)"),
    FieldSpec("unfc_g_override", "string", "UNFC G (overstyrt)", "Expert override of G", alias_en="UNFC G (override)"),
)
_MILL_FIELDS: tuple[FieldSpec, ...] = tuple(
    spec
    for c, s in COMMODITY_SYMBOLS.items()
    for spec in (
        FieldSpec(f"{c}_head_ppm", "double", f"{s}-hodegehalt (ppm)", f"{c} head grade of the mill feed", "ppm",
                  alias_en=f"{s} head grade (ppm)"),
        FieldSpec(f"{c}_recovery", "double", f"{s}-utbytte", f"{c} mill recovery, fraction 0-1", "fraction",
                  alias_en=f"{s} recovery"),
        FieldSpec(f"{c}_conc_ppm", "double", f"{s}-konsentratgehalt (ppm)", f"{c} concentrate grade", "ppm",
                  alias_en=f"{s} concentrate grade (ppm)"),
    )
)
OPTIONAL_DEPOSIT_FIELDS: tuple[FieldSpec, ...] = (*_PROJECT_FIELDS, *_MILL_FIELDS)


def commodity_fields(c: str) -> tuple[FieldSpec, ...]:
    name, s = COMMODITY_NAMES[c], COMMODITY_SYMBOLS[c]
    return (
        FieldSpec(f"{c}_ppm", "double", f"{s}-gehalt (ppm)", f"Best estimate (P50) of mean {name} grade", "ppm",
                  alias_en=f"{s} grade (ppm)"),
        FieldSpec(f"{c}_ppm_lo", "double", f"{s}-gehalt lav (ppm)", f"Low (P90) mean {name} grade", "ppm",
                  alias_en=f"{s} grade low (ppm)"),
        FieldSpec(f"{c}_ppm_hi", "double", f"{s}-gehalt høy (ppm)", f"High (P10) mean {name} grade", "ppm",
                  alias_en=f"{s} grade high (ppm)"),
        FieldSpec(f"{c}_t", "double", f"{s}-innhold (t)", f"Best estimate of contained {name}", "t",
                  alias_en=f"{s} contained (t)"),
        FieldSpec(f"{c}_t_lo", "double", f"{s}-innhold lav (t)", f"Low (P90) contained {name}", "t",
                  alias_en=f"{s} contained low (t)"),
        FieldSpec(f"{c}_t_hi", "double", f"{s}-innhold høy (t)", f"High (P10) contained {name}", "t",
                  alias_en=f"{s} contained high (t)"),
        FieldSpec(f"{c}_n", "int", f"Antall {s}-prøver", f"Samples used for {name}", alias_en=f"{s} samples"),
        FieldSpec(f"{c}_method", "string", f"{s}-metode", "measured, regression, analogue or none",
                  alias_en=f"{s} method"),
        FieldSpec(f"{c}_estimator", "string", f"{s}-estimator",
                  f"Estimator of the mean {name} grade: " + ", ".join(ESTIMATORS) + " (why: estimate_basis)",
                  alias_en=f"{s} estimator"),
        FieldSpec(f"{c}_n_censored", "int", f"{s}-prøver under deteksjonsgrensen",
                  f"Censored (<DL) samples among those used for {name}", alias_en=f"{s} samples below the DL"),
    )


ESTIMATE_FIELDS: tuple[FieldSpec, ...] = tuple(s for c in COMMODITIES for s in commodity_fields(c))

# Deposit-level fields the estimate step adds beside the per-commodity ones, in this order
# (core.estimation.deposit_estimates takes its column names from here: 3 tonnages, warning, basis).
ESTIMATE_EXTRA_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("tonnage_t_lo", "double", "Tonnasje lav (t)",
              "Low (P90) dry tonnage used for the contained-metal range", "t", alias_en="Tonnage low (t)"),
    FieldSpec("tonnage_t_p50", "double", "Tonnasje beste (t)",
              "Best (P50) dry tonnage used for the contained-metal range", "t", alias_en="Tonnage best (t)"),
    FieldSpec("tonnage_t_hi", "double", "Tonnasje høy (t)",
              "High (P10) dry tonnage used for the contained-metal range", "t", alias_en="Tonnage high (t)"),
    FieldSpec("estimate_warning", "string", "Estimatvarsel",
              "Why an estimate of this deposit is unreliable (few samples, analogue only, ...); NULL when none",
              alias_en="Estimate warning"),
    FieldSpec("estimate_basis", "string", "Estimatgrunnlag",
              "How each commodity was estimated (method, estimator and samples per commodity)",
              alias_en="Estimate basis"),
)

UNFC_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("unfc_e", "string", "UNFC E", "E category of the headline commodity", alias_en="UNFC E"),
    FieldSpec("unfc_f", "string", "UNFC F", "F category of the headline commodity", alias_en="UNFC F"),
    FieldSpec("unfc_g", "string", "UNFC G", "G category (highest-confidence increment present)", alias_en="UNFC G"),
    FieldSpec("unfc_code", "string", "UNFC-kode", "Code of the headline commodity, e.g. E3.2F4G2",
              alias_en="UNFC code"),
    FieldSpec("unfc_class", "string", "UNFC-klasse", "UNFC class", alias_en="UNFC class"),
    FieldSpec("unfc_subclass", "string", "UNFC-underklasse", "UNFC sub-class", alias_en="UNFC sub-class"),
    FieldSpec("unfc_rationale", "string", "UNFC-begrunnelse", "Why: facts and thresholds per axis",
              alias_en="UNFC rationale"),
    FieldSpec("rules_version", "string", "Regelversjon", "Version of the rules file", alias_en="Rules version"),
    FieldSpec("classified_at", "datetime", "Klassifisert", "Time of classification (UTC)", alias_en="Classified at"),
    FieldSpec("plugin_version", "string", "Programversjon", "Tailings UNFC version", alias_en="Plugin version"),
)

# Fields that record when a run happened, not what it found: the export's content hash leaves
# them out, so the same inputs give the same hash (the time is recorded beside it).
RUN_TIME_FIELDS: tuple[str, ...] = ("classified_at",)

QUANTITY_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("deposit_id", "string", "Forekomst-id", "Deposit identifier", alias_en="Deposit id"),
    FieldSpec("commodity", "string", "Råstoff", "co, cu, zn or tree", alias_en="Commodity"),
    FieldSpec("quantity_t", "double", "Mengde (t)", "Contained quantity in this increment", "t",
              alias_en="Quantity (t)"),
    FieldSpec("unfc_e", "string", "UNFC E", "E category", alias_en="UNFC E"),
    FieldSpec("unfc_f", "string", "UNFC F", "F category", alias_en="UNFC F"),
    FieldSpec("unfc_g", "string", "UNFC G", "G increment (G1, G2, G3, G4.1, G4.2, G4.3)", alias_en="UNFC G"),
    FieldSpec("unfc_code", "string", "UNFC-kode", "Full code", alias_en="UNFC code"),
    FieldSpec("unfc_class", "string", "UNFC-klasse", "UNFC class", alias_en="UNFC class"),
)

SAMPLE_KINDS = ("sample", "crm", "blank", "duplicate")
SAMPLE_FLAGS = ("censored", "over_range", "sentinel", "invalid")
SAMPLE_BASE_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("sample_id", "string", "Prøve-id", "Sample identifier", alias_en="Sample id"),
    FieldSpec("deposit_id", "string", "Forekomst-id", "Linked deposit (NULL when unlinked)", alias_en="Deposit id"),
    FieldSpec("sample_kind", "string", "Prøvetype", "sample, crm, blank or duplicate", alias_en="Sample kind"),
    FieldSpec("src_file", "string", "Kildefil", "Source file name", alias_en="Source file"),
    FieldSpec("src_sheet", "string", "Kildeark", "Source sheet", alias_en="Source sheet"),
    FieldSpec("src_row", "int", "Kilderad", "1-based row number in the source sheet", alias_en="Source row"),
)
# Further columns of importassays' samples and rejects (DEVELOPING.md, hand-over formats).
SAMPLE_EXTRA_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("src_hash", "string", "Kildefil sha256", "sha256 of the source file", alias_en="Source file sha256"),
    FieldSpec("src_deposit", "string", "Forekomst i kilden", "Deposit as written in the source",
              alias_en="Deposit in the source"),
    FieldSpec("link_method", "string", "Koblingsmetode", "id, location or sheet", alias_en="Link method"),
    FieldSpec("sample_warning", "string", "Prøvemerknad", "e.g. duplicate sample_id", alias_en="Sample warning"),
    FieldSpec("x", "double", "x", "Easting in the output CRS", "m", alias_en="x"),
    FieldSpec("y", "double", "y", "Northing in the output CRS", "m", alias_en="y"),
    FieldSpec("tree_ppm", "double", "TREE-gehalt (ppm)", "Sum of the REE present (La-Lu, Y)", "ppm",
              alias_en="TREE grade (ppm)"),
)
SAMPLE_REJECT_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("column", "string", "Kolonne", "Source column of a rejected cell", alias_en="Column"),
    FieldSpec("value", "string", "Verdi", "Rejected cell as written", alias_en="Value"),
    FieldSpec("raw_values", "string", "Råverdier", "The rejected row's non-empty cells", alias_en="Raw values"),
    FieldSpec("reject_level", "string", "Avvisningsnivå", "row (row rejected) or cell (row kept)",
              alias_en="Reject level"),
)
REJECT_REASON_FIELD = FieldSpec("reject_reason", "string", "Avvisningsgrunn", "Why the row was rejected",
                                alias_en="Reject reason")


# The export's own tables: the EarthResourceML-Lite view of the deposits, the run metadata
# table and the field dictionary.
ERML_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("identifier", "string", "Identifikator", "Deposit identifier (deposit_id)", alias_en="Identifier"),
    FieldSpec("name", "string", "Navn", "Deposit name", alias_en="Name"),
    FieldSpec("wasteType", "string", "Avfallstype", "EWC code and label (Decision 2000/532/EC)", alias_en="Waste type"),
    FieldSpec("wasteType_ewc", "string", "EAL-kode", "European Waste Catalogue code", alias_en="EWC code"),
    FieldSpec("storageType", "string", "Lagringstype", "How the waste is stored (from setting)",
              alias_en="Storage type"),
    FieldSpec("mineName", "string", "Gruvenavn", "Source mine", alias_en="Mine name"),
    FieldSpec("processingType", "string", "Prosesstype", "Mill process", alias_en="Processing type"),
    FieldSpec("materials", "string", "Materialer", "Commodities with an estimate", alias_en="Materials"),
    FieldSpec("density", "double", "Tetthet (t/m³)", "Dry bulk density", "t/m3", alias_en="Density (t/m³)"),
    FieldSpec("grade", "string", "Gehalt", "Best-estimate mean grades, ppm", alias_en="Grade"),
    FieldSpec("volume", "double", "Volum (m³)", "Volume", "m3", alias_en="Volume (m³)"),
    FieldSpec("tonnage", "double", "Tonnasje (t)", "Dry tonnage", "t", alias_en="Tonnage (t)"),
    FieldSpec("observationMethod", "string", "Observasjonsmetode", "Tonnage source and estimation methods",
              alias_en="Observation method"),
    FieldSpec("positionalAccuracy", "string", "Stedfestingsnøyaktighet", "Positional accuracy (unknown unless given)",
              alias_en="Positional accuracy"),
    FieldSpec("source", "string", "Kilde", "Producing software, version and run", alias_en="Source"),
    FieldSpec("unfcCode", "string", "UNFC-kode", "UNFC code of the headline commodity", alias_en="UNFC code"),
    FieldSpec("unfcClass", "string", "UNFC-klasse", "UNFC class", alias_en="UNFC class"),
    FieldSpec("classificationMethodUsed", "string", "Klassifikasjonsmetode", "INSPIRE ClassificationMethodUsedValue",
              alias_en="Classification method"),
    FieldSpec("classificationMethodUsed_uri", "string", "Klassifikasjonsmetode (URI)", "INSPIRE code list URI",
              alias_en="Classification method (URI)"),
)

RUN_METADATA_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("run_id", "string", "Kjørings-id", "Run identifier (content hash unless the pipeline gave one)",
              alias_en="Run id"),
    FieldSpec("exported_at", "string", "Eksportert", "Time of this export, ISO 8601 UTC (timestamp)",
              alias_en="Exported at"),
    FieldSpec("plugin_version", "string", "Programversjon", "Tailings UNFC version", alias_en="Plugin version"),
    FieldSpec("rules_version", "string", "Regelversjon", "Version of the classification rules",
              alias_en="Rules version"),
    FieldSpec("rules_hash", "string", "Regel-hash", "sha256 of the rules file", alias_en="Rules hash"),
    FieldSpec("crs", "string", "Koordinatsystem", "Coordinate reference system of the deposits", alias_en="CRS"),
    FieldSpec("interval_convention", "string", "Intervallkonvensjon", "Meaning of _lo/_hi fields",
              alias_en="Interval convention"),
    FieldSpec("content_hash", "string", "Innholds-hash",
              "sha256 of the exported deposits and quantities (without classified_at; numbers at about "
              "6 significant digits, coordinates at 1 mm), the same on any machine for the same inputs",
              alias_en="Content hash"),
    FieldSpec("deposit_count", "int", "Antall forekomster", "Deposits in this export", alias_en="Deposit count"),
    FieldSpec("quantity_count", "int", "Antall mengderader", "Quantity rows in this export", alias_en="Quantity rows"),
    FieldSpec("inputs_json", "string", "Inndata", "Input files with sha256 (JSON list)", alias_en="Inputs"),
    FieldSpec("models_json", "string", "Modeller", "Model files with sha256 (JSON list)", alias_en="Models"),
    FieldSpec("extra_json", "string", "Annet", "Other run metadata given by the pipeline (JSON)", alias_en="Other"),
)

FIELD_DICTIONARY_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("table_name", "string", "Tabell", "Table or layer the field belongs to", alias_en="Table"),
    FieldSpec("field_name", "string", "Felt", "Field name", alias_en="Field"),
    FieldSpec("field_type", "string", "Type", "string, int, double or datetime", alias_en="Type"),
    FieldSpec("unit", "string", "Enhet", "Unit of the values (empty when none)", alias_en="Unit"),
    FieldSpec("alias_nb", "string", "Alias (bokmål)", "Norwegian (Bokmål) alias", alias_en="Alias (Bokmål)"),
    FieldSpec("alias_en", "string", "Alias (engelsk)", "English alias", alias_en="Alias (English)"),
    FieldSpec("description", "string", "Beskrivelse", "What the field holds", alias_en="Description"),
)

# Source fields carried through unchanged get this description in the field dictionary.
SOURCE_FIELD_DESCRIPTION = "Carried unchanged from the source layer's field {name!r} (not interpreted)"


def source_field_spec(name: str, type_: str) -> FieldSpec:
    """Spec of a source field kept beside the canonical ones: its own name as alias."""
    return FieldSpec(name, type_, name, SOURCE_FIELD_DESCRIPTION.format(name=name), alias_en=name)


def field_names(specs: tuple[FieldSpec, ...]) -> list[str]:
    return [s.name for s in specs]


def all_known_specs() -> dict[str, FieldSpec]:
    """Every canonical field of deposits and quantities by name (for aliases and the export's field
    dictionary). The sample-only groups stay out: their generic names (x, value, column) would
    mislabel a deposit layer's own fields of the same name."""
    out: dict[str, FieldSpec] = {}
    for group in (DEPOSIT_FIELDS, OPTIONAL_DEPOSIT_FIELDS, ESTIMATE_FIELDS, ESTIMATE_EXTRA_FIELDS, UNFC_FIELDS,
                  QUANTITY_FIELDS, SAMPLE_BASE_FIELDS, (REJECT_REASON_FIELD,)):
        for spec in group:
            out.setdefault(spec.name, spec)
    return out
