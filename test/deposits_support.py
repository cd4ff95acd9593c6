"""Test helpers for the deposit import: small layers written with GDAL/OGR, and reading outputs back."""
from __future__ import annotations

from pathlib import Path

from osgeo import gdal, ogr, osr

gdal.UseExceptions()
ogr.UseExceptions()

_OGR_TYPES = {str: ogr.OFTString, int: ogr.OFTInteger64, float: ogr.OFTReal}


def write_layer(path: Path, layer_name: str, rows: list[dict], wkts: list[str | None], *,
                epsg: int | None = 25833, geom_type: int = ogr.wkbPolygon, driver: str = "GPKG") -> str:
    """Write ``rows`` (all with the same keys) with WKT geometries; returns a QGIS source string."""
    ds = ogr.GetDriverByName(driver).CreateDataSource(str(path))
    srs = None
    if epsg is not None:
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(epsg)
    layer = ds.CreateLayer(layer_name, srs, geom_type)
    for name, value in rows[0].items():
        layer.CreateField(ogr.FieldDefn(name, _OGR_TYPES[type(value)] if value is not None else ogr.OFTString))
    defn = layer.GetLayerDefn()
    for row, wkt in zip(rows, wkts):
        feature = ogr.Feature(defn)
        for name, value in row.items():
            if value is None:
                feature.SetFieldNull(name)
            else:
                feature.SetField(name, value)
        if wkt is not None:
            feature.SetGeometryDirectly(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    ds = None
    return f"{path}|layername={layer_name}" if driver == "GPKG" else str(path)


def translate(src: Path, dst: Path, layer: str, *, fmt: str, epsg: int | None = None) -> Path:
    """Copy one layer to another format / CRS with GDAL (as a user's export would)."""
    # Shapefiles declare their encoding in a .cpg file, as QGIS and ArcGIS write them.
    creation = ["ENCODING=UTF-8"] if fmt == "ESRI Shapefile" else None
    options = gdal.VectorTranslateOptions(format=fmt, layers=[layer], layerCreationOptions=creation,
                                          dstSRS=f"EPSG:{epsg}" if epsg else None, layerName=layer)
    gdal.VectorTranslate(str(dst), str(src), options=options)
    return dst


def read_rows(source: str) -> list[dict]:
    """Attributes (plus 'wkt') of every feature of an OGR source ``path[|layername=x]``."""
    path, _, layer_part = source.partition("|layername=")
    ds = ogr.Open(path)
    layer = ds.GetLayerByName(layer_part) if layer_part else ds.GetLayer(0)
    defn = layer.GetLayerDefn()
    names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    rows = []
    for feature in layer:
        geom = feature.GetGeometryRef()
        rows.append({**{n: feature.GetField(n) for n in names}, "wkt": geom.ExportToWkt() if geom else None,
                     "fid": feature.GetFID()})
    return rows


def free_port() -> int:
    """A TCP port nobody listens on right now (bound once by the OS, then released)."""
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def write_wfs_project(path: Path, layers: dict[str, str]) -> None:
    """A QGIS project publishing ``layers`` (name → OGR source) as WFS feature types."""
    from qgis.core import QgsProject, QgsVectorLayer

    project = QgsProject()
    ids = []
    for name, source in layers.items():
        layer = QgsVectorLayer(source, name, "ogr")
        assert layer.isValid(), source
        project.addMapLayer(layer)
        ids.append(layer.id())
        # Full coordinate precision in the GML (the default rounds projected coordinates).
        project.writeEntry("WFSLayersPrecision", "/" + layer.id(), 8)
    project.setCrs(project.mapLayers()[ids[0]].crs())
    project.writeEntry("WFSLayers", "/", ids)
    project.writeEntry("WMSServiceTitle", "/", "Tailings UNFC test WFS")
    assert project.write(str(path)), f"could not write {path}"
