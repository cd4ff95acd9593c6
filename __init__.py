"""QGIS plugin entry point (the folder is installed as ``tailings_unfc``)."""


def classFactory(iface):
    from .plugin import TailingsUnfcPlugin

    return TailingsUnfcPlugin(iface)
