"""Reason codes of the rule branches, and the sentence templates for ``unfc_rationale``.

The axis modules (g_axis, f_axis, e_axis) record, per deposit x commodity, which branch
decided the axis as an index into the reason tables below; rationale.py has one template per
reason code, in English and Norwegian Bokmål. Keeping both here lets the engine and the
rationale share them without importing each other. Placeholders are filled column-wise (see
rationale.py), so a million deposits cost a few vectorised string concatenations per reason.
"""
from __future__ import annotations

# Estimation methods (x_method), in the order of their integer codes.
METHODS: tuple[str, ...] = ("measured", "regression", "analogue", "none")
NONE_METHOD = METHODS.index("none")
# Methods that rest on the deposit's own samples: a known source in UNFC (G1-G3). ``analogue``
# (analogue deposits, mass balance: indirect evidence) is a potential source (G4).
KNOWN_SOURCE_METHODS: tuple[str, ...] = ("measured", "regression")

# Reason codes, one per rule branch (the rationale has one sentence per code).
G_REASONS: tuple[str, ...] = ("g_stats", "g_known_wide", "g_capped", "g_analogue", "g_bridge", "g_override")
F_REASONS: tuple[str, ...] = ("f_status", "f_no_project", "f_no_status", "f_tech_block", "f_potential", "f_bridge",
                              "f_bridge_open", "f_override")
E_REASONS: tuple[str, ...] = ("e_constraint_hard", "e_permit_refused", "e_no_grade", "e_no_setting", "e_low",
                              "e_marginal", "e_constraint_soft", "e_e1", "e_e2_no_permit", "e_e2", "e_no_project",
                              "e_potential", "e_bridge", "e_override")

TEMPLATES: dict[str, dict[str, str]] = {
    "en": {
        "headline": "Headline commodity {commodity}: best estimate {tonnes} t, worth {cur} {worth}{unit} at the "
                    "price deck.",
        "no_estimate": "No usable estimate for any commodity (x_method none or incomplete figures): not classified.",
        "other": "{code} fits no row of the UNFC class table at the level of detail given: reported as an other "
                 "combination.",
        # G
        "g_stats": "{g}: {n} samples, relative 80 % interval ±{hw} % ({g} limit: at least {n_lim} samples and "
                   "±{hw_lim} %).",
        "g_stats_next": "{g}: {n} samples, relative 80 % interval ±{hw} % ({g} limit: at least {n_lim} samples and "
                        "±{hw_lim} %; {g_next} needs {n_next} and ±{hw_next} %).",
        "g_known_wide": "{g}: {n} samples, relative 80 % interval ±{hw} %, below the G3 limits (at least {n_lim} "
                        "samples and ±{hw_lim} %); a {method} estimate from the deposit's own samples is a known "
                        "source, so low confidence (G3), not a potential source (G4).",
        "g_capped": "{g}: {method} estimate, at most {g} by the rules ({n} samples, relative 80 % interval ±{hw} %).",
        "g_analogue": "G4.1-G4.3: no samples of its own, estimated from indirect evidence only (analogue deposits or "
                      "a mass balance of the source mine): a potential source.",
        "g_bridge": "{g}: from the CRIRSCO/PERC category '{category}' (bridge {bridge}).",
        "g_override": "{g}: expert override (unfc_g_override = '{value}').",
        # F
        "f_status": "{f}: project status '{status}'.",
        "f_no_project": "{f}: no development project (project status '{status}'); recovery technology for "
                        "{commodity} is at {tech}{steps}.",
        "f_no_status": "{f}: no project status recorded, so no development project is identified; recovery "
                       "technology for {commodity} is at {tech}{steps}.",
        "f_tech_block": "{f}: project status '{status}', but recovery technology for {commodity} is only at "
                        "{tech}{steps} (a project needs {tech_min}).",
        "f_potential": "{f}: potential source (G4) with project status '{status}': site-specific studies.",
        "f_bridge": "{f}: {bridge_f} from the CRIRSCO/PERC category '{category}', sub-category from project status "
                    "'{status}'.",
        "f_bridge_open": "{f}: from the CRIRSCO/PERC category '{category}'; project status '{status}' gives no "
                         "{f} sub-category.",
        "f_override": "{f}: expert override (unfc_f_override = '{value}').",
        "steps": ", lowered {n} step(s) for a {setting} deposit",
        # E
        "e_constraint_hard": "{e}: the deposit intersects {label} (constraint layer '{layer}'), which rules out "
                             "viability.",
        "e_permit_refused": "{e}: permit refused (permit_status '{permit}').",
        "e_no_grade": "{e}: no grade estimate for any commodity, so the value cannot be screened.",
        "e_no_setting": "{e}: setting unknown, so the value limits cannot be chosen (in-situ value {cur} {value}/t).",
        "e_low": "{e}: in-situ value {cur} {value}/t is below the E3.3 limit of {cur} {limit}/t for a {setting} "
                 "deposit.",
        "e_marginal": "{e}: in-situ value {cur} {value}/t lies between the E3.3 limit {cur} {limit_lo}/t and the E2 "
                      "limit {cur} {limit}/t for a {setting} deposit.",
        "e_constraint_soft": "{e}: in-situ value {cur} {value}/t, but the deposit intersects {label} (constraint "
                             "layer '{layer}'), which must be assessed first.",
        "e_e1": "{e}: in-situ value {cur} {value}/t reaches the E1 limit {cur} {limit}/t for a {setting} deposit and "
                "the permit is granted.",
        "e_e2_no_permit": "{e}: in-situ value {cur} {value}/t reaches the E1 limit {cur} {limit}/t for a {setting} "
                          "deposit, but no permit is granted yet.",
        "e_e2": "{e}: in-situ value {cur} {value}/t reaches the E2 limit {cur} {limit}/t for a {setting} deposit.",
        "e_no_project": "{e}: no development project (F4), so the quantities are remaining products not developed; "
                        "the value screening alone would give {screen} ({cur} {value}/t).",
        "e_potential": "{e}: potential source (G4) at the stage of studies (F3): viability cannot yet be determined.",
        "e_bridge": "{e}: from the CRIRSCO/PERC category '{category}' (bridge {bridge}).",
        "e_override": "{e}: expert override (unfc_e_override = '{value}').",
        "unknown": "unknown",
        "setting_unknown": "unknown",
        "none": "none",
    },
    "nb": {
        "headline": "Hovedråstoff {commodity}: beste anslag {tonnes} t, verdt {cur} {worth}{unit} etter "
                    "prisforutsetningene.",
        "no_estimate": "Ingen brukbare anslag for noe råstoff (x_method none eller ufullstendige tall): ikke "
                       "klassifisert.",
        "other": "{code} passer ikke i noen rad i UNFCs klassetabell på det detaljnivået som er gitt: rapportert "
                 "som annen kombinasjon.",
        "g_stats": "{g}: {n} prøver, relativt 80 %-intervall ±{hw} % (grense for {g}: minst {n_lim} prøver og "
                   "±{hw_lim} %).",
        "g_stats_next": "{g}: {n} prøver, relativt 80 %-intervall ±{hw} % (grense for {g}: minst {n_lim} prøver og "
                        "±{hw_lim} %; {g_next} krever {n_next} og ±{hw_next} %).",
        "g_known_wide": "{g}: {n} prøver, relativt 80 %-intervall ±{hw} %, under grensene for G3 (minst {n_lim} "
                        "prøver og ±{hw_lim} %); et anslag ved {method} på forekomstens egne prøver er en kjent "
                        "kilde, så lav sikkerhet (G3), ikke en potensiell kilde (G4).",
        "g_capped": "{g}: anslag ved {method}, høyst {g} etter reglene ({n} prøver, relativt 80 %-intervall ±{hw} %).",
        "g_analogue": "G4.1-G4.3: ingen egne prøver, anslått bare ut fra indirekte holdepunkter (analoge forekomster "
                      "eller massebalanse for gruva): en potensiell kilde.",
        "g_bridge": "{g}: fra CRIRSCO/PERC-kategorien '{category}' (omregning {bridge}).",
        "g_override": "{g}: overstyrt av fagperson (unfc_g_override = '{value}').",
        "f_status": "{f}: prosjektstatus '{status}'.",
        "f_no_project": "{f}: intet utbyggingsprosjekt (prosjektstatus '{status}'); utvinningsteknologien for "
                        "{commodity} er på {tech}{steps}.",
        "f_no_status": "{f}: ingen prosjektstatus registrert, så intet utbyggingsprosjekt er identifisert; "
                       "utvinningsteknologien for {commodity} er på {tech}{steps}.",
        "f_tech_block": "{f}: prosjektstatus '{status}', men utvinningsteknologien for {commodity} er bare på "
                        "{tech}{steps} (et prosjekt krever {tech_min}).",
        "f_potential": "{f}: potensiell kilde (G4) med prosjektstatus '{status}': stedsspesifikke undersøkelser.",
        "f_bridge": "{f}: {bridge_f} fra CRIRSCO/PERC-kategorien '{category}', underkategori fra prosjektstatus "
                    "'{status}'.",
        "f_bridge_open": "{f}: fra CRIRSCO/PERC-kategorien '{category}'; prosjektstatus '{status}' gir ingen "
                         "underkategori av {f}.",
        "f_override": "{f}: overstyrt av fagperson (unfc_f_override = '{value}').",
        "steps": ", senket {n} trinn for en forekomst i {setting}",
        "e_constraint_hard": "{e}: forekomsten berører {label} (begrensningslag '{layer}'), som utelukker "
                             "levedyktighet.",
        "e_permit_refused": "{e}: tillatelse avslått (permit_status '{permit}').",
        "e_no_grade": "{e}: ingen gehaltsanslag for noe råstoff, så verdien kan ikke vurderes.",
        "e_no_setting": "{e}: plassering ukjent, så verdigrensene kan ikke velges (verdi in situ {cur} {value}/t).",
        "e_low": "{e}: verdi in situ {cur} {value}/t er under E3.3-grensen på {cur} {limit}/t for en forekomst i "
                 "{setting}.",
        "e_marginal": "{e}: verdi in situ {cur} {value}/t ligger mellom E3.3-grensen {cur} {limit_lo}/t og "
                      "E2-grensen {cur} {limit}/t for en forekomst i {setting}.",
        "e_constraint_soft": "{e}: verdi in situ {cur} {value}/t, men forekomsten berører {label} (begrensningslag "
                             "'{layer}'), som må vurderes først.",
        "e_e1": "{e}: verdi in situ {cur} {value}/t når E1-grensen {cur} {limit}/t for en forekomst i {setting}, og "
                "tillatelse er gitt.",
        "e_e2_no_permit": "{e}: verdi in situ {cur} {value}/t når E1-grensen {cur} {limit}/t for en forekomst i "
                          "{setting}, men tillatelse er ennå ikke gitt.",
        "e_e2": "{e}: verdi in situ {cur} {value}/t når E2-grensen {cur} {limit}/t for en forekomst i {setting}.",
        "e_no_project": "{e}: intet utbyggingsprosjekt (F4), så mengdene er gjenværende produkter som ikke "
                        "utvinnes; verdivurderingen alene ville gitt {screen} ({cur} {value}/t).",
        "e_potential": "{e}: potensiell kilde (G4) på undersøkelsesstadiet (F3): levedyktigheten kan ennå ikke "
                       "avgjøres.",
        "e_bridge": "{e}: fra CRIRSCO/PERC-kategorien '{category}' (omregning {bridge}).",
        "e_override": "{e}: overstyrt av fagperson (unfc_e_override = '{value}').",
        "unknown": "ukjent",
        "setting_unknown": "ukjent plassering",
        "none": "ingen",
    },
}

# How settings and methods read inside a sentence.
SETTING_WORDS = {
    "en": {"land": "land", "lake": "lake", "sea": "sea"},
    "nb": {"land": "land", "lake": "innsjø", "sea": "sjø"},
}
METHOD_WORDS = {
    "en": {"measured": "measured", "regression": "regression", "analogue": "analogue"},
    "nb": {"measured": "måling", "regression": "regresjon", "analogue": "analogi"},
}
