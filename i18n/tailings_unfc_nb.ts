<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO" sourcelanguage="en">
<context>
    <name>TailingsUnfc</name>
    <message><source>Tailings UNFC</source><translation>Tailings UNFC</translation></message>
    <message><source>Tailings UNFC cannot load its algorithms.</source><translation>Tailings UNFC kan ikke laste inn algoritmene sine.</translation></message>
    <message><source>Cancelled by the user; no output was written.</source><translation>Avbrutt av brukeren; ingen utdata ble skrevet.</translation></message>
    <message><source>Out of memory: the input is too large for this machine.</source><translation>Tom for minne: inndataene er for store for denne maskinen.</translation></message>
    <message><source>Import deposit layer…</source><translation>Importer forekomstlag…</translation></message>
    <message><source>Import assay spreadsheet…</source><translation>Importer analyseregneark…</translation></message>
    <message><source>Train proxy regression model…</source><translation>Tren proxy-regresjonsmodell…</translation></message>
    <message><source>Estimate deposit grades and tonnages…</source><translation>Estimer gehalter og tonnasjer per deponi…</translation></message>
    <message><source>Classify under UNFC…</source><translation>Klassifiser etter UNFC…</translation></message>
    <message><source>Export to national database…</source><translation>Eksporter til nasjonal database…</translation></message>
    <message><source>Check inputs before a run…</source><translation>Kontroller inndata før en kjøring…</translation></message>
    <message><source>Run the whole pipeline…</source><translation>Kjør hele arbeidsflyten…</translation></message>
    <message><source>Deposit factsheets (PDF/PNG)…</source><translation>Faktaark per forekomst (PDF/PNG)…</translation></message>
    <message><source>Show results panel</source><translation>Vis resultatpanel</translation></message>
    <message><source>Tailings UNFC results</source><translation>Tailings UNFC – resultater</translation></message>
    <message><source>Select a layer produced by Tailings UNFC (estimate, classify or export).</source><translation>Velg et lag laget av Tailings UNFC (estimering, klassifisering eller eksport).</translation></message>
    <message><source>Deposit id</source><translation>Forekomst-id</translation></message>
    <message><source>Name</source><translation>Navn</translation></message>
    <message><source>UNFC code</source><translation>UNFC-kode</translation></message>
    <message><source>UNFC class</source><translation>UNFC-klasse</translation></message>
    <message><source>deposits</source><translation>deponier</translation></message>
    <message><source>Classify deposits under UNFC</source><translation>Klassifiser deponier etter UNFC</translation></message>
    <message><source>Estimate grade, tonnage and contained metal</source><translation>Estimer gehalt, tonnasje og metallinnhold</translation></message>
    <message><source>Export to national database (GeoPackage / PostGIS)</source><translation>Eksporter til nasjonal database (GeoPackage / PostGIS)</translation></message>
    <message><source>Import assay spreadsheet</source><translation>Importer analyseregneark</translation></message>
    <message><source>Import deposit layer</source><translation>Importer forekomstlag</translation></message>
    <message><source>Check inputs before a run (pre-flight)</source><translation>Kontroller inndata før en kjøring (forhåndssjekk)</translation></message>
    <message><source>Run the whole pipeline</source><translation>Kjør hele arbeidsflyten</translation></message>
    <message><source>Deposit factsheets (PDF/PNG)</source><translation>Faktaark per forekomst (PDF/PNG)</translation></message>
    <message><source>Train grade model (proxy regression)</source><translation>Tren gehaltsmodell (proxy-regresjon)</translation></message>
</context>
</TS>
