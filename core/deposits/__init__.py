"""Import of deposit layers (NGU registry points, old-tailings polygons) into the canonical schema."""
from .field_mapping import FieldMapping, FieldMatch, match_fields, normalise_name, parse_field_map
from .geometry import check_geometries, polygon_areas
from .importer import DepositImport, import_deposits
from .tonnage import DEFAULT_DRY_DENSITY_T_M3, derive_tonnage
from .values import KIND_WORDS, SETTING_WORDS, normalise_vocabulary, parse_numbers

__all__ = [
    "DEFAULT_DRY_DENSITY_T_M3", "KIND_WORDS", "SETTING_WORDS", "DepositImport", "FieldMapping", "FieldMatch",
    "check_geometries", "derive_tonnage", "import_deposits", "match_fields", "normalise_name",
    "normalise_vocabulary", "parse_field_map", "parse_numbers", "polygon_areas",
]
