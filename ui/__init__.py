"""Dock widgets and dialogs of the plugin (Qt through qgis.PyQt only)."""
