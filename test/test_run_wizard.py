"""The run wizard on the shipped sample data, in a real offscreen QGIS: pages filled as a user
would, checkinputs' report shown, the pipeline run as a background task into the default
run folder (no file dialog), its results on the map in a group named after the run, styled,
and the results panel on the classified deposits; a cancelled run; the panel's factsheets
for two selected deposits. The pages are grabbed to PNG and checked for content; with
UPDATE_SCREENSHOTS=1 they are copied to docs/images/ for the user guide."""
from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication, QEvent
from render_support import distinct_colours, keep_screenshot

SAMPLE = Path(__file__).resolve().parent.parent / "resources" / "sample_data"
DEPOSITS = SAMPLE / "old_tailings.gpkg"
RUN_TIMEOUT_S = 600


def wait_until(predicate, timeout: float) -> float:
    """Spin the event loop (task results arrive through it) until ``predicate()``; seconds taken."""
    start = time.monotonic()
    while not predicate():
        if time.monotonic() - start > timeout:
            raise AssertionError(f"not done within {timeout} s")
        QCoreApplication.processEvents()
        time.sleep(0.02)
    return time.monotonic() - start


def grab(widget, name: str, folder: Path):
    widget.show()
    QCoreApplication.processEvents()
    return keep_screenshot(widget.grab().toImage(), name, folder)


def fill(wizard, folder: Path, deposits_from_file: bool = True) -> None:
    """Deposits from the sample GeoPackage (else the project's layer, ticked as the only one), lab
    and field assays under upper-case names (.XLSX, .CSV)."""
    if deposits_from_file:
        wizard.deposits_page.add_files([str(DEPOSITS)])
    lab, field = folder / "ASSAYS_LAB.XLSX", folder / "PXRF_FIELD.CSV"
    shutil.copyfile(SAMPLE / "assays_lab.xlsx", lab)
    shutil.copyfile(SAMPLE / "pxrf_field.csv", field)
    wizard.assays_page.set_files([str(lab)], [str(field)])


_WIZARDS: list = []


@pytest.fixture
def project(tmp_path):
    project = QgsProject()
    project.setPresetHomePath(str(tmp_path / "home"))  # the default run folder goes under it
    yield project
    # Wizards are children of the session's parent widget: delete them, with their runs and the
    # layers they made, while this project and QGIS still exist (not at interpreter exit).
    while _WIZARDS:
        wizard = _WIZARDS.pop()
        wizard.close()
        wizard.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)  # deleteLater outside an event loop
    QCoreApplication.processEvents()
    project.clear()


@pytest.fixture
def plugin(qgis_iface):
    """The plugin object (no initGui: the session's provider stays as it is), for its wizard and panel."""
    from tailings_unfc import classFactory

    made = classFactory(qgis_iface)
    yield made
    made.unload()


def make_wizard(plugin, project, qgis_parent):
    from tailings_unfc.ui.run_wizard import RunWizard

    wizard = RunWizard(qgis_parent, project=project, show_results=plugin.show_results)
    _WIZARDS.append(wizard)
    return wizard


def test_pages_give_the_pipeline_its_parameters(tailings_provider, project, tmp_path, plugin, qgis_parent):
    loaded = QgsVectorLayer(f"{DEPOSITS}|layername=avgangsdeponi", "loaded deposits", "ogr")
    assert loaded.isValid()
    project.addMapLayer(loaded)
    project.addMapLayer(QgsVectorLayer("None?field=a:string", "no geometry", "memory"))
    wizard = make_wizard(plugin, project, qgis_parent)
    page = wizard.deposits_page
    assert page.layer_list.count() == 1  # only layers with a geometry
    assert page.deposits() == [loaded.id()]  # the only one: ticked
    page.add_files([str(DEPOSITS)])
    assert len(page.deposits()) == 2 and "layername=avgangsdeponi" in page.deposits()[1]

    assays = wizard.assays_page
    assert not assays.isComplete()  # no assay file yet
    fill(wizard, tmp_path)
    assert assays.isComplete(), assays.note.text()
    wrong = tmp_path / "notes.docx"
    wrong.write_text("x")
    assays.set_files([str(wrong)])
    assert not assays.isComplete() and "notes.docx" in assays.note.text()

    pipeline = QgsApplication.processingRegistry().algorithmById("tailingsunfc:pipeline")
    inputs = wizard.run_inputs()
    assert all(pipeline.parameterDefinition(name) is not None for name in inputs)
    assert inputs["SEED"] == 42 and inputs["RULES"] is None and inputs["TARGET_CRS"] == "EPSG:25833"
    assert inputs["ASSAY_CRS"] is None  # from the file, else guessed
    project.removeMapLayer(loaded.id())
    page.initializePage()  # the list follows the project
    assert len(page.deposits()) == 1 and "layername=avgangsdeponi" in page.deposits()[0]
    wizard.options_page.own_rules.setChecked(True)
    assert not wizard.options_page.isComplete()  # a rules file is asked for
    wizard.options_page.rules_widget.setFilePath(str(SAMPLE.parent / "rules" / "default_rules.toml"))
    assert wizard.options_page.isComplete() and wizard.run_inputs()["RULES"].endswith("default_rules.toml")


def test_wizard_checks_runs_and_lands_on_the_map_and_panel(tailings_provider, project, tmp_path, plugin,
                                                          qgis_parent):
    """From a deposit layer loaded in the project, as a geologist would start."""
    from tailings_unfc.algorithms.load_results import group_name

    loaded = QgsVectorLayer(f"{DEPOSITS}|layername=avgangsdeponi", "Avgangsdeponi", "ogr")
    project.addMapLayer(loaded)
    wizard = make_wizard(plugin, project, qgis_parent)
    wizard.show()
    fill(wizard, tmp_path, deposits_from_file=False)
    assert wizard.run_inputs()["DEPOSITS"] == [loaded.id()]
    shots = {"wizard_1_deposits": grab(wizard, "wizard_1_deposits", tmp_path)}
    wizard.next()
    shots["wizard_2_assays"] = grab(wizard, "wizard_2_assays", tmp_path)
    wizard.next()
    shots["wizard_3_options"] = grab(wizard, "wizard_3_options", tmp_path)
    wizard.next()  # entering the checks page starts checkinputs in the background
    checks = wizard.checks_page
    assert wizard.currentPage() is checks and checks.run is not None
    wait_until(lambda: not checks.run.running, RUN_TIMEOUT_S)
    assert "linked" in checks.status.text() and checks.report_text  # its report, in the page
    assert "Avgangsdeponi" in checks.report.toPlainText()  # the deposit layer, by its name
    shots["wizard_4_checks"] = grab(wizard, "wizard_4_checks", tmp_path)

    wizard.next()
    run_page = wizard.run_page
    folder = run_page.folder()
    assert folder.parent == tmp_path / "home" / "runs"  # pre-filled, no file dialog
    run_page.start()
    assert run_page.run.running and run_page.cancel_button.isEnabled() and not run_page.isComplete()
    progress = []
    run_page.run.progress.connect(progress.append)
    wait_until(lambda: not run_page.run.running, RUN_TIMEOUT_S)
    assert not run_page.run.cancelled and run_page.run.results, run_page.log.toPlainText()[-2000:]
    assert progress and max(progress) == pytest.approx(100.0) and run_page.progress.value() == 100
    shots["wizard_5_run"] = grab(wizard, "wizard_5_run", tmp_path)
    for name, pixels in shots.items():
        assert distinct_colours(pixels) > 30, name  # drawn, not blank

    geopackage = folder / "tailings_unfc.gpkg"
    assert geopackage.is_file() and Path(run_page.run.results["GEOPACKAGE"]) == geopackage
    group = project.layerTreeRoot().findGroup(group_name(geopackage))
    assert group is not None and run_page.group == group.name()
    layers = {node.layer().name(): node.layer() for node in group.findLayers()}
    assert set(layers) == {"UNFC deposits", "UNFC quantities"}
    deposits = layers["UNFC deposits"]
    assert deposits.featureCount() == loaded.featureCount()
    assert deposits.renderer().type() == "categorizedSymbol" and deposits.renderer().classAttribute() == "unfc_class"
    assert run_page.group in run_page.status.text() and str(folder) in run_page.status.text()
    # the results panel is open on the classified deposits
    assert plugin.dock is not None and plugin.dock.layer is deposits is run_page.deposits_layer
    assert plugin.dock.table.model().rowCount() == deposits.featureCount() > 0
    assert plugin.dock.has_quantities
    wizard.accept()


def test_cancel_stops_the_run_within_seconds(tailings_provider, project, tmp_path, plugin, qgis_parent):
    wizard = make_wizard(plugin, project, qgis_parent)
    wizard.show()
    fill(wizard, tmp_path)
    for _page in range(4):
        wizard.next()
    wait_until(lambda: wizard.checks_page.isComplete(), RUN_TIMEOUT_S)  # the pre-flight, started on the way
    run_page = wizard.run_page
    assert wizard.currentPage() is run_page
    run_page.start()
    run = run_page.run
    wait_until(lambda: run_page.progress.value() >= 5 or not run.running, RUN_TIMEOUT_S)  # under way
    assert run.running, "the run ended before it could be cancelled"
    run_page.cancel_button.click()
    stopped_in = wait_until(lambda: not run.running, 30)
    print(f"cancel took {stopped_in:.2f} s")
    assert stopped_in < 5.0
    assert run.cancelled and run.results == {}
    assert "cancelled" in run_page.status.text().lower()
    assert not (run_page.folder() / "tailings_unfc.gpkg").exists()
    assert run_page.run_button.isEnabled() and not run_page.cancel_button.isEnabled() and run_page.isComplete()
    assert project.layerTreeRoot().findGroups() == []  # nothing landed on the map


def test_a_failing_run_says_so_and_lands_nothing(tailings_provider, project, tmp_path, plugin, qgis_parent):
    """Samples 50 km away from every deposit: the pre-flight shows none linked, the run fails."""
    from pipeline_support import sample_points, write_assays, write_deposits

    deposits = write_deposits(tmp_path / "deposits.gpkg")
    assays = write_assays(tmp_path / "far_away.csv", sample_points(shift_x=50_000.0))
    wizard = make_wizard(plugin, project, qgis_parent)
    wizard.show()
    wizard.deposits_page.add_files([deposits.split("|")[0]])
    wizard.assays_page.set_files([str(assays)])
    for _page in range(3):
        wizard.next()
    wait_until(wizard.checks_page.isComplete, RUN_TIMEOUT_S)
    assert "Samples linked to a deposit: 0." in wizard.checks_page.status.text()
    wizard.next()
    wizard.run_page.start()
    wait_until(lambda: not wizard.run_page.run.running, RUN_TIMEOUT_S)
    run_page = wizard.run_page
    assert not run_page.run.cancelled and run_page.run.results == {}
    assert "stopped with an error" in run_page.status.text() and "Error: " in run_page.log.toPlainText()
    assert (run_page.folder() / "run_summary.txt").is_file()  # what the status points to
    assert project.layerTreeRoot().findGroups() == [] and plugin.dock is None
    assert run_page.run_button.isEnabled() and run_page.isComplete()


def test_closing_the_wizard_mid_run_cancels_it(tailings_provider, project, tmp_path, plugin, qgis_parent):
    """The task outlives the wizard's widgets: closing must cancel it and nothing may crash."""
    from qgis.PyQt.QtCore import QEvent
    from tailings_unfc.ui.run_wizard import RunWizard

    plugin.wizard = RunWizard(qgis_parent, project=project, show_results=plugin.show_results)
    plugin.wizard.finished.connect(plugin._forget_wizard)  # as open_wizard wires it
    wizard = plugin.wizard
    wizard.show()
    fill(wizard, tmp_path)
    for _page in range(4):
        wizard.next()
    wait_until(lambda: wizard.checks_page.isComplete(), RUN_TIMEOUT_S)
    wizard.run_page.start()
    run = wizard.run_page.run
    wizard.reject()
    assert plugin.wizard is None
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)  # the wizard's widgets are gone
    wait_until(lambda: not run.running, 30)
    assert run.cancelled and plugin.dock is None  # nothing landed, no panel opened


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True,
                          timeout=60).stdout


def test_panel_writes_factsheets_of_the_selected_deposits(styled_layer, qgis_iface, qgis_parent, tmp_path):
    from tailings_unfc.ui.results_dock import ResultsDock
    from tailings_unfc.ui.run_folder import factsheet_folder

    dock = ResultsDock(qgis_iface, qgis_parent)
    dock.resize(520, 760)
    dock.set_layer(styled_layer)
    chosen = dock.deposits["_fid"].iloc[[2, 7]].tolist()
    styled_layer.selectByIds(chosen)
    assert distinct_colours(grab(dock, "wizard_6_panel_factsheets", tmp_path)) > 30
    ids = sorted(str(styled_layer.getFeature(f)["deposit_id"]) for f in chosen)
    qgis_iface.messageBar().clear_messages()
    task = dock.export_factsheets()
    assert task is not None and not dock.factsheet_button.isEnabled()
    wait_until(lambda: dock.factsheet_result is task, 300)
    folder = factsheet_folder(styled_layer)
    assert folder == Path(styled_layer.source().split("|")[0]).parent / "factsheets"  # beside the GeoPackage
    pdfs = sorted(Path(p) for p in task.paths)
    assert [p.parent for p in pdfs] == [folder, folder] and all(p.suffix == ".pdf" for p in pdfs)
    for path, deposit_id in zip(pdfs, ids):
        assert path.read_bytes()[:5] == b"%PDF-" and path.stat().st_size > 10_000
        assert deposit_id in _pdf_text(path)
    assert sorted(p.name for p in folder.iterdir()) == [p.name for p in pdfs]  # only those two, no leftovers
    assert dock.factsheet_button.isEnabled()
    item = qgis_iface.messageBar().currentItem()
    assert item is not None and str(folder) in item.text()
    from qgis.PyQt.QtWidgets import QPushButton

    assert any(b.text() == "Open folder" for b in item.findChildren(QPushButton))
    bar = qgis_iface.messageBar()
    assert len(bar.items()) == 1  # the "writing…" message is gone
    bar.resize(1100, bar.sizeHint().height() + 14)
    assert distinct_colours(grab(bar, "wizard_7_factsheets_written", tmp_path)) > 10


def test_panel_factsheets_cancelled_from_the_progress_dialog(styled_layer, qgis_iface, qgis_parent, tmp_path):
    """The export runs in the GUI thread behind a modal progress dialog (layouts belong to the
    GUI thread); its Cancel stops the export after the page being drawn, and nothing is left."""
    from qgis.PyQt.QtCore import QTimer
    from qgis.PyQt.QtWidgets import QPushButton
    from tailings_unfc.ui.results_dock import ResultsDock
    from tailings_unfc.ui.run_folder import factsheet_folder

    dock = ResultsDock(qgis_iface, qgis_parent)
    dock.set_layer(styled_layer)
    styled_layer.removeSelection()  # all deposits: long enough to cancel part way
    folder = factsheet_folder(styled_layer)
    before = sorted(p.name for p in folder.iterdir()) if folder.exists() else []
    qgis_iface.messageBar().clear_messages()
    job = dock.export_factsheets()
    seen = []

    def press_cancel():  # from the event loop the dialog keeps running, as a click would
        if job.dialog is not None and job.dialog.isVisible():
            seen.append(job.dialog.labelText())
            buttons = job.dialog.findChildren(QPushButton)
            assert [b.text() for b in buttons] == ["Cancel"]
            buttons[0].click()
        else:
            QTimer.singleShot(50, press_cancel)

    QTimer.singleShot(50, press_cancel)
    wait_until(lambda: dock.factsheet_result is job, 300)
    assert seen and "factsheets" in seen[0]
    assert job.isCanceled() and job.paths == []
    after = sorted(p.name for p in folder.iterdir()) if folder.exists() else []
    assert after == before  # files move into place only after the last page
    assert "cancelled" in qgis_iface.messageBar().currentItem().text()
    assert dock.factsheet_button.isEnabled()


def test_menu_entry_opens_the_wizard(qgis_iface, qgis_app, qgis_processing, tmp_path):
    """Last in the module: the plugin registers its own provider here (the conftest puts the
    session's back for the next module)."""
    from qgis.PyQt.QtWidgets import QAction, QMenu
    from tailings_unfc import classFactory
    from tailings_unfc.ui.run_wizard import RunWizard

    registry = QgsApplication.processingRegistry()
    if registry.providerById("tailingsunfc") is not None:
        registry.removeProvider(registry.providerById("tailingsunfc"))
    plugin = classFactory(qgis_iface)
    try:
        plugin.initGui()
        menu = next(a.menu() for a in qgis_iface.mainWindow().menuBar().actions()
                    if a.menu() is not None and a.menu().objectName() == "tailingsUnfcMenu")
        assert isinstance(menu, QMenu)
        action = menu.findChild(QAction, "tailingsUnfcRunWizard")
        assert action is not None and action.isEnabled() and menu.actions()[0] is action
        action.trigger()
        assert isinstance(plugin.wizard, RunWizard) and plugin.wizard.isVisible()
        assert plugin.wizard.show_results == plugin.show_results
        plugin.wizard.reject()  # closing forgets it: the next one starts afresh
        assert plugin.wizard is None
    finally:
        plugin.unload()
