"""Which third-party Python packages the plugin needs, which are missing here, and how to
install them: the same commands for the message bar and for metadata.txt's ``about``.

The version ranges are those of requirements.in (test_packaging checks that they agree).
"""
from __future__ import annotations

import importlib.util

from .message import Message, joined

# (import name, pip requirement as in requirements.in, required?) — optional ones only
# degrade a feature (fast xlsx reading, safe XML, .ods files, writing rules files).
PACKAGES: tuple[tuple[str, str, bool], ...] = (
    ("numpy", "numpy<2", True),
    ("pandas", "pandas>=2.0,<3", True),
    ("sklearn", "scikit-learn>=1.3,<1.7", True),
    ("scipy", "scipy<1.15", True),
    ("statsmodels", "statsmodels>=0.14,<0.15", True),
    ("openpyxl", "openpyxl>=3.1", True),
    ("skops", "skops>=0.9,<0.12", True),
    ("shapely", "shapely>=2.0.6,<2.1", True),
    ("matplotlib", "matplotlib>=3.6,<3.10", True),
    ("python_calamine", "python-calamine>=0.2", False),
    ("defusedxml", "defusedxml>=0.7", False),
    ("odf", "odfpy>=1.4", False),
    ("tomli_w", "tomli-w>=1.0", False),
)
VENV = "~/.local/share/tailings-unfc/venv"


def missing_packages(required_only: bool = True) -> list[str]:
    """pip requirements of packages that cannot be imported."""
    return [pip for mod, pip, req in PACKAGES
            if (req or not required_only) and importlib.util.find_spec(mod) is None]


def pip_arguments() -> str:
    """Every package with its range, quoted for both sh and cmd.exe."""
    return " ".join(f'"{pip}"' for _mod, pip, _req in PACKAGES)


def install_instructions() -> list[str]:
    """The install commands, one paragraph a line (metadata.txt ``about`` holds the same lines, in
    English; the message bar shows the sentences translated, the commands as they are)."""
    packages = pip_arguments()
    return [
        Message("Linux (Debian, Ubuntu; QGIS from the distribution): Debian's Python refuses a system-wide pip "
                "(PEP 668), so install into a virtual environment that sees the system packages, then start "
                "QGIS with it on PYTHONPATH:"),
        f"python3 -m venv --system-site-packages {VENV} && {VENV}/bin/python -m pip install {packages}",
        f'PYTHONPATH="$({VENV}/bin/python -c \'import sysconfig; print(sysconfig.get_path("purelib"))\')" qgis',
        Message("(or set PYTHONPATH to that folder once under Settings > Options > System > Environment). "
                "Simpler but less clean: python3 -m pip install --user --break-system-packages {0} installs for "
                "your user only; the flag overrides Debian's guard, and these versions then shadow the python3-* "
                "packages for every Python program you run.", packages),
        Message("Windows (OSGeo4W or the QGIS installer): open the OSGeo4W Shell (as administrator if QGIS was "
                "installed for all users) and run: python -m pip install {0}", packages),
        Message("Then restart QGIS."),
    ]


def install_hint(missing: list[str]) -> str:
    return Message("Missing Python packages: {0}. {1}", ", ".join(missing), joined(install_instructions(), " "))
