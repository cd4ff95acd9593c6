"""Elements, oxides and units: what a column header can name and how to reach ppm.

Atomic weights are the IUPAC 2021 standard atomic weights (abridged to 5 significant
figures, CIAAW, https://ciaaw.org/atomic-weights.htm). Oxide → element factors are derived
from them (mass of the cation / mass of the oxide); they reproduce the factors listed in
DOMAIN.md §2 (e.g. Fe2O3 → Fe 0.6994, La2O3 ← La 1.1728) to four decimals.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

ATOMIC_WEIGHTS: dict[str, float] = {
    "Li": 6.94, "Be": 9.0122, "B": 10.81, "C": 12.011, "F": 18.998, "Na": 22.990, "Mg": 24.305,
    "Al": 26.982, "Si": 28.085, "P": 30.974, "S": 32.06, "Cl": 35.45, "K": 39.098, "Ca": 40.078,
    "Sc": 44.956, "Ti": 47.867, "V": 50.942, "Cr": 51.996, "Mn": 54.938, "Fe": 55.845, "Co": 58.933,
    "Ni": 58.693, "Cu": 63.546, "Zn": 65.38, "Ga": 69.723, "Ge": 72.630, "As": 74.922, "Se": 78.971,
    "Br": 79.904, "Rb": 85.468, "Sr": 87.62, "Y": 88.906, "Zr": 91.224, "Nb": 92.906, "Mo": 95.95,
    "Ru": 101.07, "Rh": 102.91, "Pd": 106.42, "Ag": 107.87, "Cd": 112.41, "In": 114.82, "Sn": 118.71,
    "Sb": 121.76, "Te": 127.60, "Cs": 132.91, "Ba": 137.33, "La": 138.91, "Ce": 140.12, "Pr": 140.91,
    "Nd": 144.24, "Sm": 150.36, "Eu": 151.96, "Gd": 157.25, "Tb": 158.93, "Dy": 162.50, "Ho": 164.93,
    "Er": 167.26, "Tm": 168.93, "Yb": 173.05, "Lu": 174.97, "Hf": 178.49, "Ta": 180.95, "W": 183.84,
    "Re": 186.21, "Os": 190.23, "Ir": 192.22, "Pt": 195.08, "Au": 196.97, "Hg": 200.59, "Tl": 204.38,
    "Pb": 207.2, "Bi": 208.98, "Th": 232.04, "U": 238.03,
}
OXYGEN = 15.999

# Header symbols matched case-insensitively; the key is the lower-case spelling.
ELEMENT_BY_LOWER: dict[str, str] = {symbol.lower(): symbol for symbol in ATOMIC_WEIGHTS}

# Concentration units → factor to ppm (mass fraction; 1 % = 10 000 ppm, 1 ppm = 1 g/t = 1000 ppb).
UNIT_TO_PPM: dict[str, float] = {
    "ppm": 1.0, "g/t": 1.0, "mg/kg": 1.0, "ug/g": 1.0, "µg/g": 1.0,
    "ppb": 1e-3, "ng/g": 1e-3, "mg/t": 1e-3,
    "%": 1e4, "pct": 1e4, "wt%": 1e4, "wt.%": 1e4, "percent": 1e4, "prosent": 1e4,
}
UNIT_ALTERNATION = "|".join(
    re.escape(u) for u in sorted(UNIT_TO_PPM, key=len, reverse=True)
)


def canonical_unit(text: str) -> str | None:
    """The canonical spelling of a concentration unit, or None if ``text`` is not one."""
    key = re.sub(r"\s+", "", str(text).strip().lower())
    if key in UNIT_TO_PPM:
        return "%" if UNIT_TO_PPM[key] == 1e4 else ("ppb" if UNIT_TO_PPM[key] == 1e-3 else "ppm")
    return None


@dataclass(frozen=True)
class Oxide:
    formula: str        # e.g. "Fe2O3"
    element: str        # e.g. "Fe"
    cations: int        # atoms of the element per formula unit
    oxygens: int

    @property
    def element_fraction(self) -> float:
        """Mass fraction of the element in the oxide (oxide wt % × this = element wt %)."""
        metal = self.cations * ATOMIC_WEIGHTS[self.element]
        return metal / (metal + self.oxygens * OXYGEN)


_OXIDE_PATTERN = re.compile(r"^([A-Za-z]{1,2}?)(\d*)[Oo](\d*)$")


def parse_oxide(token: str) -> Oxide | None:
    """``Fe2O3`` → Oxide(Fe, 2, 3); case-insensitive (``FE2O3``); None when not an oxide."""
    match = _OXIDE_PATTERN.match(token)
    if not match:
        return None
    symbol = ELEMENT_BY_LOWER.get(match.group(1).lower())
    if symbol is None:
        return None
    cations = int(match.group(2) or 1)
    oxygens = int(match.group(3) or 1)
    # "CO" or "NO" without digits would read as oxides of C or N: only accept digit-less
    # oxides of two-letter elements spelled in proper case (CaO, MgO, MnO, ZnO, CuO, CoO, NiO).
    if not match.group(2) and not match.group(3) and (len(symbol) == 1 or token != f"{symbol}O"):
        return None
    return Oxide(f"{symbol}{match.group(2)}O{match.group(3)}", symbol, cations, oxygens)
