"""Canonical field names and types shared by every step (the public contract of DESIGN.md).

Types are plain strings ("string", "int", "double", "datetime") so both core (pandas) and the
QGIS adapters (QgsField) can map them. Norwegian (Bokmål) aliases go into the layers' alias
table and into the export's field dictionary.
"""
from __future__ import annotations

from dataclasses import dataclass

COMMODITIES: tuple[str, ...] = ("co", "cu", "zn", "tree")
COMMODITY_NAMES = {"co": "cobalt", "cu": "copper", "zn": "zinc", "tree": "total rare-earth elements"}
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


DEPOSIT_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("deposit_id", "string", "forekomst-id", "Stable deposit identifier"),
    FieldSpec("name", "string", "navn", "Deposit name"),
    FieldSpec("municipality", "string", "kommune", "Municipality"),
    FieldSpec("deposit_kind", "string", "deponitype", "tailings, waste_rock, slag or other"),
    FieldSpec("setting", "string", "plassering", "land, lake or sea"),
    FieldSpec("source_mine", "string", "kildegruve", "Mine the material came from"),
    FieldSpec("source_commodity", "string", "kilderåstoff", "Commodity of the source mine"),
    FieldSpec("status", "string", "status", "Status of the deposit or mine"),
    FieldSpec("area_m2", "double", "areal (m²)", "Footprint area", "m2"),
    FieldSpec("volume_m3", "double", "volum (m³)", "Volume", "m3"),
    FieldSpec("density_t_m3", "double", "tetthet (t/m³)", "Dry bulk density", "t/m3"),
    FieldSpec("tonnage_t", "double", "tonnasje (t)", "Dry tonnage", "t"),
    FieldSpec("tonnage_source", "string", "tonnasjekilde", "recorded, volume_x_density, ..."),
)

# Optional attributes that importdeposits carries through when a source has them; the
# estimation (analogue model) and classification (F and E axes) read them.
_PROJECT_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("importance", "string", "råstoffbetydning", "NGU RåstoffBetydning"),
    FieldSpec("ore_type", "string", "malmtype", "Ore type of the source mine"),
    FieldSpec("mining_start", "int", "drift start", "First year of mining", "year"),
    FieldSpec("mining_end", "int", "drift slutt", "Last year of mining", "year"),
    FieldSpec("mill_process", "string", "oppredningsprosess", "Mill process"),
    FieldSpec("project_status", "string", "prosjektstatus", "Reprocessing project status"),
    FieldSpec("permit_status", "string", "tillatelse", "Permit or impact-assessment status"),
    FieldSpec("resource_category", "string", "ressurskategori", "CRIRSCO/PERC/JORC category"),
    FieldSpec("unfc_e_override", "string", "UNFC E (overstyrt)", "Expert override of E"),
    FieldSpec("unfc_f_override", "string", "UNFC F (overstyrt)", "Expert override of F"),
    FieldSpec("unfc_g_override", "string", "UNFC G (overstyrt)", "Expert override of G"),
)
_MILL_FIELDS: tuple[FieldSpec, ...] = tuple(
    spec
    for c in COMMODITIES
    for spec in (
        FieldSpec(f"{c}_head_ppm", "double", f"{c} hodegehalt (ppm)", f"{c} head grade of the mill feed", "ppm"),
        FieldSpec(f"{c}_recovery", "double", f"{c} utbytte", f"{c} mill recovery, fraction 0-1", "fraction"),
        FieldSpec(f"{c}_conc_ppm", "double", f"{c} konsentratgehalt (ppm)", f"{c} concentrate grade", "ppm"),
    )
)
OPTIONAL_DEPOSIT_FIELDS: tuple[FieldSpec, ...] = (*_PROJECT_FIELDS, *_MILL_FIELDS)


def commodity_fields(c: str) -> tuple[FieldSpec, ...]:
    name = COMMODITY_NAMES[c]
    return (
        FieldSpec(f"{c}_ppm", "double", f"{c} gehalt (ppm)", f"Best estimate (P50) of mean {name} grade", "ppm"),
        FieldSpec(f"{c}_ppm_lo", "double", f"{c} gehalt lav (ppm)", f"Low (P90) mean {name} grade", "ppm"),
        FieldSpec(f"{c}_ppm_hi", "double", f"{c} gehalt høy (ppm)", f"High (P10) mean {name} grade", "ppm"),
        FieldSpec(f"{c}_t", "double", f"{c} innhold (t)", f"Best estimate of contained {name}", "t"),
        FieldSpec(f"{c}_t_lo", "double", f"{c} innhold lav (t)", f"Low (P90) contained {name}", "t"),
        FieldSpec(f"{c}_t_hi", "double", f"{c} innhold høy (t)", f"High (P10) contained {name}", "t"),
        FieldSpec(f"{c}_n", "int", f"{c} antall prøver", f"Samples used for {name}"),
        FieldSpec(f"{c}_method", "string", f"{c} metode", "measured, regression, analogue or none"),
        FieldSpec(f"{c}_estimator", "string", f"{c} estimator",
                  f"Estimator of the mean {name} grade: " + ", ".join(ESTIMATORS) + " (why: estimate_basis)"),
        FieldSpec(f"{c}_n_censored", "int", f"{c} antall under deteksjonsgrensen",
                  f"Censored (<DL) samples among those used for {name}"),
    )


ESTIMATE_FIELDS: tuple[FieldSpec, ...] = tuple(s for c in COMMODITIES for s in commodity_fields(c))

# Deposit-level fields the estimate step adds beside the per-commodity ones, in this order
# (core.estimation.deposit_estimates takes its column names from here: 3 tonnages, warning, basis).
ESTIMATE_EXTRA_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("tonnage_t_lo", "double", "tonnasje lav (t)",
              "Low (P90) dry tonnage used for the contained-metal range", "t"),
    FieldSpec("tonnage_t_p50", "double", "tonnasje beste (t)",
              "Best (P50) dry tonnage used for the contained-metal range", "t"),
    FieldSpec("tonnage_t_hi", "double", "tonnasje høy (t)",
              "High (P10) dry tonnage used for the contained-metal range", "t"),
    FieldSpec("estimate_warning", "string", "estimatvarsel",
              "Why an estimate of this deposit is unreliable (few samples, analogue only, ...); NULL when none"),
    FieldSpec("estimate_basis", "string", "estimatgrunnlag",
              "How each commodity was estimated (method, estimator and samples per commodity)"),
)

UNFC_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("unfc_e", "string", "UNFC E", "E category of the headline commodity"),
    FieldSpec("unfc_f", "string", "UNFC F", "F category of the headline commodity"),
    FieldSpec("unfc_g", "string", "UNFC G", "G category (highest-confidence increment present)"),
    FieldSpec("unfc_code", "string", "UNFC-kode", "Code of the headline commodity, e.g. E3.2F4G2"),
    FieldSpec("unfc_class", "string", "UNFC-klasse", "UNFC class"),
    FieldSpec("unfc_subclass", "string", "UNFC-underklasse", "UNFC sub-class"),
    FieldSpec("unfc_rationale", "string", "UNFC-begrunnelse", "Why: facts and thresholds per axis"),
    FieldSpec("rules_version", "string", "regelversjon", "Version of the rules file"),
    FieldSpec("classified_at", "datetime", "klassifisert", "Time of classification (UTC)"),
    FieldSpec("plugin_version", "string", "programversjon", "Tailings UNFC version"),
)

# Fields that record when a run happened, not what it found: the export's content hash leaves
# them out, so the same inputs give the same hash (the time is recorded beside it).
RUN_TIME_FIELDS: tuple[str, ...] = ("classified_at",)

QUANTITY_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("deposit_id", "string", "forekomst-id", "Deposit identifier"),
    FieldSpec("commodity", "string", "råstoff", "co, cu, zn or tree"),
    FieldSpec("quantity_t", "double", "mengde (t)", "Contained quantity in this increment", "t"),
    FieldSpec("unfc_e", "string", "UNFC E", "E category"),
    FieldSpec("unfc_f", "string", "UNFC F", "F category"),
    FieldSpec("unfc_g", "string", "UNFC G", "G increment (G1, G2, G3, G4.1, G4.2, G4.3)"),
    FieldSpec("unfc_code", "string", "UNFC-kode", "Full code"),
    FieldSpec("unfc_class", "string", "UNFC-klasse", "UNFC class"),
)

SAMPLE_KINDS = ("sample", "crm", "blank", "duplicate")
SAMPLE_FLAGS = ("censored", "over_range", "sentinel", "invalid")
SAMPLE_BASE_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("sample_id", "string", "prøve-id", "Sample identifier"),
    FieldSpec("deposit_id", "string", "forekomst-id", "Linked deposit (NULL when unlinked)"),
    FieldSpec("sample_kind", "string", "prøvetype", "sample, crm, blank or duplicate"),
    FieldSpec("src_file", "string", "kildefil", "Source file name"),
    FieldSpec("src_sheet", "string", "kildeark", "Source sheet"),
    FieldSpec("src_row", "int", "kilderad", "1-based row number in the source sheet"),
)
# Further columns of importassays' samples and rejects (DEVELOPING.md, hand-over formats).
SAMPLE_EXTRA_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("src_hash", "string", "kildefil sha256", "sha256 of the source file"),
    FieldSpec("src_deposit", "string", "forekomst i kilden", "Deposit as written in the source"),
    FieldSpec("link_method", "string", "koblingsmetode", "id, location or sheet"),
    FieldSpec("sample_warning", "string", "prøvemerknad", "e.g. duplicate sample_id"),
    FieldSpec("x", "double", "x", "Easting in the output CRS", "m"),
    FieldSpec("y", "double", "y", "Northing in the output CRS", "m"),
    FieldSpec("tree_ppm", "double", "TREE (ppm)", "Sum of the REE present (La-Lu, Y)", "ppm"),
)
SAMPLE_REJECT_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("column", "string", "kolonne", "Source column of a rejected cell"),
    FieldSpec("value", "string", "verdi", "Rejected cell as written"),
    FieldSpec("raw_values", "string", "råverdier", "The rejected row's non-empty cells"),
    FieldSpec("reject_level", "string", "avvisningsnivå", "row (row rejected) or cell (row kept)"),
)
REJECT_REASON_FIELD = FieldSpec("reject_reason", "string", "avvisningsgrunn", "Why the row was rejected")


# The export's own tables: the EarthResourceML-Lite view of the deposits, the run metadata
# table and the field dictionary.
ERML_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("identifier", "string", "identifikator", "Deposit identifier (deposit_id)"),
    FieldSpec("name", "string", "navn", "Deposit name"),
    FieldSpec("wasteType", "string", "avfallstype", "EWC code and label (Decision 2000/532/EC)"),
    FieldSpec("wasteType_ewc", "string", "EAL-kode", "European Waste Catalogue code"),
    FieldSpec("storageType", "string", "lagringstype", "How the waste is stored (from setting)"),
    FieldSpec("mineName", "string", "gruvenavn", "Source mine"),
    FieldSpec("processingType", "string", "prosesstype", "Mill process"),
    FieldSpec("materials", "string", "materialer", "Commodities with an estimate"),
    FieldSpec("density", "double", "tetthet (t/m³)", "Dry bulk density", "t/m3"),
    FieldSpec("grade", "string", "gehalt", "Best-estimate mean grades, ppm"),
    FieldSpec("volume", "double", "volum (m³)", "Volume", "m3"),
    FieldSpec("tonnage", "double", "tonnasje (t)", "Dry tonnage", "t"),
    FieldSpec("observationMethod", "string", "observasjonsmetode", "Tonnage source and estimation methods"),
    FieldSpec("positionalAccuracy", "string", "stedfestingsnøyaktighet", "Positional accuracy (unknown unless given)"),
    FieldSpec("source", "string", "kilde", "Producing software, version and run"),
    FieldSpec("unfcCode", "string", "UNFC-kode", "UNFC code of the headline commodity"),
    FieldSpec("unfcClass", "string", "UNFC-klasse", "UNFC class"),
    FieldSpec("classificationMethodUsed", "string", "klassifikasjonsmetode", "INSPIRE ClassificationMethodUsedValue"),
    FieldSpec("classificationMethodUsed_uri", "string", "klassifikasjonsmetode (URI)", "INSPIRE code list URI"),
)

RUN_METADATA_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("run_id", "string", "kjøring-id", "Run identifier (content hash unless the pipeline gave one)"),
    FieldSpec("exported_at", "string", "eksportert", "Time of this export, ISO 8601 UTC (timestamp)"),
    FieldSpec("plugin_version", "string", "programversjon", "Tailings UNFC version"),
    FieldSpec("rules_version", "string", "regelversjon", "Version of the classification rules"),
    FieldSpec("rules_hash", "string", "regel-hash", "sha256 of the rules file"),
    FieldSpec("crs", "string", "koordinatsystem", "Coordinate reference system of the deposits"),
    FieldSpec("interval_convention", "string", "intervallkonvensjon", "Meaning of _lo/_hi fields"),
    FieldSpec("content_hash", "string", "innholds-hash",
              "sha256 of the exported deposits and quantities (without classified_at; numbers at about "
              "6 significant digits, coordinates at 1 mm), the same on any machine for the same inputs"),
    FieldSpec("deposit_count", "int", "antall forekomster", "Deposits in this export"),
    FieldSpec("quantity_count", "int", "antall mengderader", "Quantity rows in this export"),
    FieldSpec("inputs_json", "string", "inndata", "Input files with sha256 (JSON list)"),
    FieldSpec("models_json", "string", "modeller", "Model files with sha256 (JSON list)"),
    FieldSpec("extra_json", "string", "annet", "Other run metadata given by the pipeline (JSON)"),
)

FIELD_DICTIONARY_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("table_name", "string", "tabell", "Table or layer the field belongs to"),
    FieldSpec("field_name", "string", "felt", "Field name"),
    FieldSpec("field_type", "string", "type", "string, int, double or datetime"),
    FieldSpec("unit", "string", "enhet", "Unit of the values (empty when none)"),
    FieldSpec("alias_nb", "string", "alias (bokmål)", "Norwegian (Bokmål) alias"),
    FieldSpec("description", "string", "beskrivelse", "What the field holds"),
)

# Source fields carried through unchanged get this description in the field dictionary.
SOURCE_FIELD_DESCRIPTION = "Carried unchanged from the source layer's field {name!r} (not interpreted)"


def source_field_spec(name: str, type_: str) -> FieldSpec:
    """Spec of a source field kept beside the canonical ones: its own name as alias."""
    return FieldSpec(name, type_, name, SOURCE_FIELD_DESCRIPTION.format(name=name))


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
