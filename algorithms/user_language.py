"""The user's language for field aliases and texts that core writes: "nb" or "en"."""
from __future__ import annotations

from qgis.core import QgsApplication, QgsSettings

from ..core.schema import alias_language


def user_language() -> str:
    """From the QGIS user locale (Settings ▸ Options ▸ General), as the plugin's translator
    is chosen; else the application's locale. English unless it is nb, no or nn."""
    locale = str(QgsSettings().value("locale/userLocale", "") or "") or QgsApplication.locale()
    return alias_language(locale)
