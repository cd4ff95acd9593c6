"""Norwegian Bokmål translation and bilingual field aliases.

The catalogue (i18n/tailings_unfc_nb.ts) must hold every translatable text of the source, as the
extractor finds it, each one finished, non-empty and with the same placeholders and HTML as its
English source. At run time, the compiled catalogue turns the plugin's own texts (algorithm names,
parameter labels, enum options, help, plot sentences, legend labels) Norwegian; without it they
stay English. Field aliases follow the QGIS locale.
"""
from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "i18n" / "tailings_unfc_nb.ts"
QM = ROOT / "i18n" / "tailings_unfc_nb.qm"
# {name}, {0}, {0:.1f}; %1, %s, %d; HTML tags; entities such as &lt;
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\d|%[sd]|</?[a-zA-Z][^<>]*>|&[a-zA-Z]+;|&#\d+;")
HTML_TAGS_IN_HELP = {"b", "i", "br", "p", "a", "code", "ul", "li"}


def _messages() -> list[tuple[str, ET.Element | None]]:
    root = ET.parse(TS).getroot()
    assert [c.findtext("name") for c in root.iter("context")] == ["TailingsUnfc"]
    return [(m.findtext("source") or "", m.find("translation")) for m in root.iter("message")]


def _translations() -> dict[str, str]:
    return {source: t.text for source, t in _messages() if t is not None and t.text}


def test_catalogue_is_what_the_extractor_finds():
    """Fails when a tr() text of the source is missing from the .ts, or the .ts keeps one that is gone."""
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "update_translations.py"), "--check"],
                         capture_output=True, text=True, check=False, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    assert "0 unresolved" in run.stderr, run.stderr  # every tr() argument is a text the extractor can read
    # an f-string given to Message/TailingsInputError would reach the user in English
    assert "0 f-string templates left in English" in run.stderr, run.stderr


def test_no_english_text_reaches_the_user_untranslated():
    """Every text handed to a log, warning, note list or exception is a tr() call or a Message template."""
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_log_texts.py")],
                         capture_output=True, text=True, check=False, cwd=ROOT)
    assert run.returncode == 0, run.stdout


def test_every_message_is_translated():
    bad = [source[:80] for source, t in _messages()
           if t is None or t.get("type") in ("unfinished", "obsolete", "vanished") or not (t.text or "").strip()]
    assert bad == []
    sources = [source for source, _t in _messages()]
    assert len(sources) == len(set(sources)) > 300


def test_placeholders_and_html_survive_translation():
    mismatched = [(source[:60], sorted(Counter(PLACEHOLDER.findall(source)).elements()),
                   sorted(Counter(PLACEHOLDER.findall(text)).elements()))
                  for source, text in _translations().items()
                  if Counter(PLACEHOLDER.findall(source)) != Counter(PLACEHOLDER.findall(text))]
    assert mismatched == []
    # line breaks matter in help texts (paragraphs) and plot labels (two-line axis title)
    assert [s[:60] for s, t in _translations().items() if s.count("\n") != t.count("\n")] == []
    # a text glued to another ("Warning: " + message) keeps its trailing space
    assert [s for s, t in _translations().items() if s.endswith(" ") != t.endswith(" ")] == []


def test_the_extractor_sees_every_text_the_algorithms_show(tailings_provider):
    """Independent of the AST: what the algorithms really show (no translator installed) is in the .ts."""
    wanted = {"Tailings UNFC"}
    for alg in tailings_provider.algorithms():
        wanted |= {alg.displayName(), alg.group(), type(alg).HELP}
        for parameter in alg.parameterDefinitions():
            wanted.add(parameter.description())
            wanted.update(getattr(parameter, "options", list)())
        wanted |= {output.description() for output in alg.outputDefinitions()}
    from tailings_unfc.plugin import MENU_ALGORITHMS

    wanted |= {label for _id, label in MENU_ALGORITHMS}
    assert sorted(wanted - set(_translations())) == []


def test_help_texts_show_every_placeholder(tailings_provider):
    """The help panel renders HTML: a literal <element> must be written &lt;element&gt;."""
    texts = [type(alg).HELP for alg in tailings_provider.algorithms()]
    texts += [_translations()[text] for text in texts]
    tags = {tag.lower() for text in texts for tag in re.findall(r"</?\s*([a-zA-Z][\w-]*)", text)}
    assert tags <= HTML_TAGS_IN_HELP
    assert any("&lt;element&gt;_ppm" in text for text in texts)


def _fresh(provider, alg_id: str):
    alg = provider.algorithm(alg_id).createInstance()
    alg.initAlgorithm({})
    return alg


def test_plugin_texts_are_norwegian_with_the_catalogue_and_english_without(tailings_provider, norwegian):
    from tailings_unfc.algorithms.legend_labels import class_legend_labels
    from tailings_unfc.core.plots.deposit_intervals import nothing_to_plot
    from tailings_unfc.ui.plot_view import tr as plot_tr

    def shown() -> dict[str, str]:
        classify = _fresh(tailings_provider, "classify")
        assays = _fresh(tailings_provider, "importassays")
        return {"name": classify.displayName(), "label": classify.parameterDefinition("LANGUAGE").description(),
                "option": assays.parameterDefinition("CENSORED_SUBSTITUTION").options()[0],
                "output": classify.outputDefinition("N_DEPOSITS").description(),
                "help": classify.shortHelpString(), "plot": nothing_to_plot({"tonnage_t": None}, plot_tr),
                "legend": class_legend_labels()["Viable projects (E1 F1)"]}

    english = shown()
    assert english["name"] == "Classify deposits under UNFC"
    assert english["label"] == "Language of the rationale" and english["option"] == "Half the detection limit"
    assert english["help"].startswith("Classifies every deposit") and "Documentation:" in english["help"]
    QCoreApplication.installTranslator(norwegian)
    try:
        bokmal = shown()
    finally:
        QCoreApplication.removeTranslator(norwegian)
    assert bokmal["name"] == "Klassifiser forekomster etter UNFC"
    assert bokmal["label"] == "Språk i begrunnelsen"
    assert bokmal["option"] == "Halve deteksjonsgrensen"
    assert bokmal["output"] == "Klassifiserte forekomster (antall)"
    assert bokmal["help"].startswith("Klassifiserer hver forekomst") and "Dokumentasjon:" in bokmal["help"]
    assert bokmal["plot"].startswith("Tonnasjen for denne forekomsten er ukjent")
    assert bokmal["legend"] == "Levedyktige prosjekter (E1 F1)"
    assert shown() == english  # the translator removed, English again


# -- field aliases ---------------------------------------------------------------------------

def _all_specs():
    from tailings_unfc.core import schema

    groups = [v for k, v in vars(schema).items() if k.endswith("_FIELDS") and isinstance(v, tuple)]
    return [s for group in groups for s in group if isinstance(s, schema.FieldSpec)] + [schema.REJECT_REASON_FIELD]


def test_every_field_has_a_well_formed_alias_in_both_languages():
    specs = _all_specs()
    assert len(specs) > 100
    assert [s.name for s in specs if not s.alias_nb.strip() or not s.alias_en.strip()] == []
    # "Co-gehalt (ppm)", never "co gehalt (ppm)": element symbols as written, joined by a hyphen
    lower_symbol = re.compile(r"^(co|cu|zn|tree)[ -]")
    assert [s.alias_nb for s in specs if lower_symbol.match(s.alias_nb) or lower_symbol.match(s.alias_en)] == []
    by_name = {s.name: s for s in specs}
    assert (by_name["co_ppm"].alias("nb"), by_name["co_ppm"].alias("en")) == ("Co-gehalt (ppm)", "Co grade (ppm)")
    assert by_name["tree_ppm"].alias("nb") == "TREE-gehalt (ppm)"
    assert by_name["tree_t_hi"].alias("nb") == "TREE-innhold høy (t)"
    # Aliases start with a capital (or a symbol/abbreviation), in both languages.
    assert [s.alias_nb for s in specs if s.alias_nb[0].islower() and s.alias_nb not in ("x", "y")] == []


@pytest.mark.parametrize(("locale", "language"), [("nb_NO", "nb"), ("no", "nb"), ("nn_NO", "nb"), ("en_GB", "en"),
                                                   ("de", "en"), ("", "en")])
def test_alias_language_from_locale(locale, language):
    from tailings_unfc.core.schema import alias_language

    assert alias_language(locale) == language


def test_layer_fields_get_the_alias_of_the_qgis_locale(qgis_app):
    from tailings_unfc.algorithms.layer_frames import qgs_field
    from tailings_unfc.core.schema import all_known_specs

    spec = all_known_specs()["co_ppm"]
    settings = QgsSettings()
    before = settings.value("locale/userLocale", None)
    try:
        settings.setValue("locale/userLocale", "nb_NO")
        assert qgs_field(spec).alias() == "Co-gehalt (ppm)"
        settings.setValue("locale/userLocale", "en_US")
        assert qgs_field(spec).alias() == "Co grade (ppm)"
    finally:
        if before is None:
            settings.remove("locale/userLocale")
        else:
            settings.setValue("locale/userLocale", before)


def test_input_errors_reach_the_user_translated(tailings_provider, norwegian):
    from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback

    def error() -> str:
        with pytest.raises(QgsProcessingException) as raised:
            _fresh(tailings_provider, "checkinputs").processAlgorithm({}, QgsProcessingContext(),
                                                                       QgsProcessingFeedback())
        return str(raised.value)

    assert error() == "No deposit layer given (DEPOSITS)"
    QCoreApplication.installTranslator(norwegian)
    try:
        assert error() == "Ingen forekomstlag angitt (DEPOSITS)"
    finally:
        QCoreApplication.removeTranslator(norwegian)


def test_plugin_installs_the_catalogue_for_a_norwegian_locale_only(qgis_app, norwegian):
    from tailings_unfc.plugin import TailingsUnfcPlugin

    settings = QgsSettings()
    before = settings.value("locale/userLocale", None)
    try:
        for locale, expected in (("nb_NO", "Vis resultatpanel"), ("en_GB", "Show results panel")):
            settings.setValue("locale/userLocale", locale)
            plugin = TailingsUnfcPlugin(None)
            try:
                assert QCoreApplication.translate("TailingsUnfc", "Show results panel") == expected
            finally:
                plugin.unload()
            assert QCoreApplication.translate("TailingsUnfc", "Show results panel") == "Show results panel"
    finally:
        if before is None:
            settings.remove("locale/userLocale")
        else:
            settings.setValue("locale/userLocale", before)


# -- the extractor itself, on a small plugin tree ---------------------------------------------

EXTRACTOR_FIXTURE = {
    "core/__init__.py": "",
    "core/names.py": '''
LIMIT = 15
KINDS = ("tailings", "slag")
LABELS = {"co": "cobalt", "cu": "copper"}
HELP_PART = "Shared " + "sentence."


def plot_label(translate):
    return translate("contained metal (t)")
''',
    "core/notes.py": '''
from .message import Message
from .errors import TailingsInputError


def fail(message, count):
    raise TailingsInputError(message, count, file="a.csv")


def notes(n, name):
    fail("Too few rows: {0}", n)
    return [Message("{0} rows read", n), Message("{0}: {1}", name, n), Message(f"{name} is not constant")]
''',
    "algorithms/__init__.py": "",
    "algorithms/alg.py": '''
from qgis.PyQt.QtCore import QCoreApplication
from ..core.names import HELP_PART, KINDS, LABELS, LIMIT

MENU = (("a", "Open A…"), ("b", "Open B…"))


def tr(text):
    return QCoreApplication.translate("TailingsUnfc", text)


def log(feedback, what, count):
    feedback.pushInfo(tr("{0}: {1}").format(tr(what), count))


class Alg:
    HELP = f"Waits {LIMIT:g} s. " + HELP_PART
    DISPLAY_NAME = "An algorithm"

    def shortHelpString(self):
        return tr(self.HELP)

    def init(self, feedback):
        for _id, label in MENU:
            tr(label)
        options = [tr(k) for k in KINDS]
        Param("P", "A parameter", options=["first", "second"])
        tr(LABELS.get("zn", "headline"))
        log(feedback, "Deposits", 3)
        "abc".translate({})
        tr(f"not constant {options}")
        QCoreApplication.translate("OtherContext", "not ours")
''',
}


def test_extractor_follows_constants_loops_wrappers_and_class_attributes(tmp_path, monkeypatch):
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import update_translations as extractor
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    for name, text in EXTRACTOR_FIXTURE.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.setattr(extractor, "SCANNED", ("algorithms", "core"))
    found = extractor.extract(tmp_path)
    messages = set(found.messages)
    assert {"Open A…", "Open B…", "tailings", "slag", "cobalt", "copper", "headline", "Deposits",
            "Waits 15 s. Shared sentence.", "contained metal (t)", "{0} rows read", "Too few rows: {0}"} <= messages
    # not translated by this code; "{0}: {1}" has no words to translate
    assert not messages & {"An algorithm", "abc", "not ours", "first", "{0}: {1}"}
    assert [line.split(": ", 1)[1] for line in found.unresolved] == ["f'not constant {options}'"]
    assert [line.split(": ", 1)[1] for line in found.english] == ["f'{name} is not constant'"]
    assert list(found.messages) == sorted(found.messages, key=lambda m: found.places[m][:2])  # source order


def test_log_text_checker_finds_literals_and_accepts_templates(tmp_path, monkeypatch):
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import check_log_texts as checker
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    (tmp_path / "core").mkdir()
    (tmp_path / "core" / "m.py").write_text('''
def run(log, warn, feedback, name, notes):
    log(f"Reading {name}")
    warn("No rows")
    notes.append(f"{name}: skipped")
    feedback.pushInfo(tr("Reading {0}").format(name))
    log(Message("{0} rows", 3))
    log(f"  {name}")
    log("debug only")  # i18n: not user text
''', encoding="utf-8")
    monkeypatch.setattr(checker, "SCANNED", ("core",))
    assert [line.split(": ", 1)[0] for line in checker.findings(tmp_path)] == [
        "core/m.py:3", "core/m.py:4", "core/m.py:5"]


def test_messages_are_english_text_that_keeps_its_template():
    from tailings_unfc.core.errors import TailingsInputError
    from tailings_unfc.core.message import Message

    inner = Message("{0} rows read", 3)
    outer = Message("{0}: {1}", "a.xlsx", inner)
    assert outer == "a.xlsx: 3 rows read" and isinstance(outer, str)
    norsk = {"{0} rows read": "{0} rader lest", "Unknown method {0!r}": "Ukjent metode {0!r}", "row": "rad"}
    assert outer.translated(lambda t: norsk.get(t, t)) == "a.xlsx: 3 rader lest"  # nested Messages too
    assert Message("Broken {0}", 1).translated(lambda t: "Ødelagt {1}") == "Broken 1"  # English, not a crash
    assert Message("JSON {\"a\": 1}") == "JSON {\"a\": 1}"  # no params: braces are literal
    err = TailingsInputError("Unknown method {0!r}", "gp2", row=4)
    assert str(err) == "Unknown method 'gp2' (row 4)"
    assert err.translated(lambda t: norsk.get(t, t), {"row": "rad"}) == "Ukjent metode 'gp2' (rad 4)"


class _Log:
    """A feedback that keeps what an algorithm logs."""

    def __init__(self):
        from qgis.core import QgsProcessingFeedback

        class Feedback(QgsProcessingFeedback):
            def pushInfo(inner, text):  # inner: the feedback; self: the _Log
                self.lines.append(text)

            def pushWarning(inner, text):
                self.lines.append(text)

        self.lines: list[str] = []
        self.feedback = Feedback()


def test_core_messages_and_errors_with_values_reach_the_user_translated(tailings_provider, norwegian, sample_data,
                                                                      tmp_path):
    """importassays in Norwegian: core's notes and counts in the log, an error's template and place words."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingException

    def run(sheet: str | None = None) -> list[str]:
        log = _Log()
        processing.run("tailingsunfc:importassays", {
            "INPUT": str(sample_data / "assays_lab.xlsx"), "SHEET": sheet or "",
            "OUTPUT": str(tmp_path / "samples.gpkg"), "REJECTS": "TEMPORARY_OUTPUT"},
            context=QgsProcessingContext(), feedback=log.feedback)
        return log.lines

    english = run()
    QCoreApplication.installTranslator(norwegian)
    try:
        norsk = run()
        with pytest.raises(QgsProcessingException) as raised:
            run(sheet="Nope")
    finally:
        QCoreApplication.removeTranslator(norwegian)
    assert any(line.startswith("Reading ") for line in english)
    assert any(line.startswith("Leser ") for line in norsk)
    assert any(line.startswith("QA/QC-rapport") or "prøve" in line for line in norsk)
    assert len(norsk) == len(english)
    assert set(norsk) & set(english) == set()  # every line of the log is Norwegian, none left as it was
    # (processing.run's own last line "Results: {...}" is QGIS's text, with our output names)
    assert [line for line in norsk if ENGLISH_WORDS.search(line) and not line.startswith("Results: ")] == []
    message = str(raised.value)
    assert message.startswith("Ingen ark heter 'Nope'") and "No sheet" not in message, message
    assert "Nope" in message and "(fil assays_lab.xlsx" in message, message  # the place words translated


# English words that a Norwegian page must not show (each a whole word, so "intervall" is not "interval").
ENGLISH_WORDS = re.compile(r"\b(the|of|and|with|from|than|which|only|samples|rows|predicted|observed|usable|"
                           r"deposit|quantities|known|potential|grade|contained|run)\b", re.IGNORECASE)


def _catalogue_tr():
    """The Norwegian catalogue as a plain function (core takes any ``tr``; no Qt needed)."""
    translations = _translations()
    return lambda text: translations.get(text, text)


def _shown_words(page: str) -> str:
    """The text a reader sees in an HTML page: no stylesheet, code, image data or tags."""
    import html

    page = re.sub(r"<(style|code|title)>.*?</\1>", " ", page, flags=re.S)
    page = re.sub(r'src="data:[^"]*"', "", page)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def test_model_report_is_norwegian_throughout():
    """Headings, paragraphs, table headers, method labels, notes and data counts of a METHOD=auto fit."""
    from estimation_support import make_samples

    from core.estimation.fitting import ModelSpec, train_model
    from core.estimation.report import render_html

    samples = make_samples(n_deposits=8, per_deposit=3, seed=4).samples  # 24 rows: the "fewer than 30" note
    model = train_model(samples, ModelSpec("co", ["s_ppm", "fe2o3_pct"], method="auto", cv_folds=3))
    assert model.notes, "the fit should carry a note to translate"
    english, norsk = (_shown_words(render_html(model, tr)) for tr in (lambda t: t, _catalogue_tr()))
    assert ENGLISH_WORDS.search(english)  # the check itself finds English
    assert ENGLISH_WORDS.findall(norsk) == [], norsk
    assert "Kryssvalidering" in norsk and "treningsprøver" in norsk


def test_summary_workbook_titles_and_headers_are_norwegian(tmp_path):
    from export_support import classified_frames
    from openpyxl import load_workbook

    from core.export.run import export_run
    from core.export.workbook import CLASS_SHEET

    deposits, quantities = classified_frames(30, seed=5)
    export_run(deposits, quantities, str(tmp_path / "run.gpkg"), crs="EPSG:25833",
               report_path=str(tmp_path / "run.xlsx"), translate=_catalogue_tr())
    book = load_workbook(tmp_path / "run.xlsx", read_only=True)
    shown = []
    for sheet in book.worksheets:
        if sheet.title in ("run", "fields"):  # keys and the field dictionary: machine-readable, both languages
            continue
        rows = list(sheet.iter_rows(values_only=True))
        # the class sheet: its titles and each block's title and header; a deposit sheet: title and header
        kept = rows if sheet.title == CLASS_SHEET else rows[:2]
        shown += [v for row in kept for v in row if isinstance(v, str)]
    text = " | ".join(shown)
    assert "Alle klasser" in text and "kobolt" in text.lower(), text
    # the class names in the class sheet are data (unfc_class as classify wrote it), not headings
    classes = set(quantities["unfc_class"].dropna())
    assert ENGLISH_WORDS.findall(" | ".join(s for s in shown if s not in classes)) == [], text


@pytest.mark.parametrize("name", ["ngu_gjovik_multimedia_first300.csv", "csiro_age_laterites_first300.xlsx"])
def test_importassays_on_real_public_files_logs_in_norwegian(tailings_provider, norwegian, name):
    """Files the team did not write (NGU, CSIRO; test/data/real/SOURCES.md) reach texts the
    sample data never does: CRS hints in a header, assumed units, swapped-axis trials."""
    import processing
    from qgis.core import QgsProcessingContext

    log = _Log()
    QCoreApplication.installTranslator(norwegian)
    try:
        processing.run("tailingsunfc:importassays", {
            "INPUT": str(ROOT / "test" / "data" / "real" / name), "OUTPUT": "TEMPORARY_OUTPUT",
            "REJECTS": "TEMPORARY_OUTPUT"}, context=QgsProcessingContext(), feedback=log.feedback)
    finally:
        QCoreApplication.removeTranslator(norwegian)
    assert any(line.startswith("Leser ") for line in log.lines)
    english = [line for line in log.lines
               if (ENGLISH_WORDS.search(line) or "swapped" in line or " in the header" in line)
               and not line.startswith("Results: ")]
    assert english == []


def test_pipeline_run_summary_in_norwegian(tailings_provider, norwegian, sample_data, tmp_path):
    """LANGUAGE=nb: the run summary, facts and every item, is Norwegian; the items that come from
    importdeposits are rebuilt from its WARNING_MESSAGES, not copied from its English WARNINGS."""
    import processing
    from qgis.core import QgsProcessingContext

    QCoreApplication.installTranslator(norwegian)
    try:
        result = processing.run("tailingsunfc:pipeline", {
            "DEPOSITS": [f"{sample_data / 'old_tailings.gpkg'}|layername=avgangsdeponi"],
            "ASSAYS": [str(sample_data / "assays_lab.xlsx")], "PROXY_ASSAYS": [str(sample_data / "pxrf_field.csv")],
            "LANGUAGE": 2, "SEED": 3, "OUTPUT": str(tmp_path)},
            context=QgsProcessingContext(), feedback=_Log().feedback)
    finally:
        QCoreApplication.removeTranslator(norwegian)
    # (the output folder's name is pytest's, with English words in it)
    lines = Path(result["RUN_SUMMARY"]).read_text(encoding="utf-8").replace(str(tmp_path), "<out>").splitlines()
    assert any("standard tørr tetthet" in line for line in lines), lines  # an importdeposits warning
    assert [line for line in lines if ENGLISH_WORDS.search(line)] == []


def test_per_deposit_estimate_warnings_reach_the_log_translated():
    """The stored estimate_warning stays English; the log gets the same notes in Norwegian."""
    from estimation_support import make_deposits, make_samples

    from core.estimation.deposit_estimates import WARNING_FIELD, EstimateSettings, estimate_deposits

    samples = make_samples(n_deposits=6, per_deposit=3, seed=2).samples  # 3 samples each: no spread
    deposits = make_deposits([*sorted(samples["deposit_id"].unique()), "D-TOM"])
    deposits.loc[deposits["deposit_id"] == "D-TOM", "tonnage_t"] = -5.0  # not a positive number
    result = estimate_deposits(deposits, samples, {}, EstimateSettings(iterations=200))
    stored = result.frame.set_index("deposit_id")[WARNING_FIELD]
    english = result.warning_texts()
    assert english and all(text == stored[dep_id] for dep_id, text in english)  # the same English
    norsk = [text for _dep_id, text in result.warning_texts(_catalogue_tr())]
    assert len(norsk) == len(english)
    assert any("for få prøver noe sted" in text for text in norsk)
    assert any("er ikke et positivt tall" in text for text in norsk), norsk
    assert [text for text in norsk if ENGLISH_WORDS.search(text)] == []
