"""Pure-Python domain library of the Tailings UNFC plugin.

Nothing in this package imports ``qgis`` or Qt (a test enforces it), so the science can be
used and tested in a notebook, a server or a benchmark without QGIS. Modules import each
other relatively, so the package works both as ``core`` (repository root on ``sys.path``)
and as ``tailings_unfc.core`` (installed plugin).
"""
