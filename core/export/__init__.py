"""Export of a classified run: GeoPackage or PostGIS, ERML-Lite view, xlsx summary.

Pure Python (GDAL/OGR, sqlite3, psycopg2, openpyxl); the Processing algorithm
``algorithms/export.py`` is a thin adapter over these modules.
"""
