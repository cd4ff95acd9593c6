"""Which third-party Python packages the plugin needs, and which are missing here."""
from __future__ import annotations

import importlib.util

# (import name, pip name, required?) — optional ones only degrade a feature.
PACKAGES: tuple[tuple[str, str, bool], ...] = (
    ("numpy", "numpy<2", True),
    ("pandas", "pandas", True),
    ("sklearn", "scikit-learn", True),
    ("scipy", "scipy", True),
    ("openpyxl", "openpyxl", True),
    ("skops", "skops", True),
    ("shapely", "shapely", True),
    ("matplotlib", "matplotlib", True),
    ("python_calamine", "python-calamine", False),
    ("defusedxml", "defusedxml", False),
    ("odf", "odfpy", False),
    ("tomli_w", "tomli-w", False),
)


def missing_packages(required_only: bool = True) -> list[str]:
    """pip names of packages that cannot be imported."""
    return [pip for mod, pip, req in PACKAGES
            if (req or not required_only) and importlib.util.find_spec(mod) is None]


def install_hint(missing: list[str]) -> str:
    quoted = " ".join(f'"{m}"' if "<" in m else m for m in missing)
    return (
        f"Missing Python packages: {', '.join(missing)}. "
        f"Linux: python3 -m pip install --user {quoted} (or run scripts/setup.sh). "
        f"Windows/OSGeo4W: in the OSGeo4W Shell run python -m pip install {quoted}, then restart QGIS."
    )
