"""Sentence templates for ``unfc_rationale``, in English and Norwegian Bokmål.

One template per reason code; placeholders are filled column-wise (see rationale.py), so a
million deposits cost a few vectorised string concatenations per reason, not a loop.
"""
from __future__ import annotations

TEMPLATES: dict[str, dict[str, str]] = {
    "en": {
        "headline": "Headline commodity {commodity}: best estimate {tonnes} t, worth {cur} {worth}{unit} at the "
                    "price deck.",
        "no_estimate": "No usable estimate for any commodity (x_method none or incomplete figures): not classified.",
        "other": "{code} is not in the UNFC class table: reported as an other combination.",
        # G
        "g_stats": "{g}: {n} samples, relative 80 % interval ±{hw} % ({g} limit: at least {n_lim} samples and "
                   "±{hw_lim} %).",
        "g_stats_next": "{g}: {n} samples, relative 80 % interval ±{hw} % ({g} limit: at least {n_lim} samples and "
                        "±{hw_lim} %; {g_next} needs {n_next} and ±{hw_next} %).",
        "g_stats_fail": "G4.1-G4.3: {n} samples, relative 80 % interval ±{hw} % fail the G3 limit (at least {n_lim} "
                        "samples and ±{hw_lim} %), so the quantities count as a potential source.",
        "g_capped": "{g}: {method} estimate, at most {g} by the rules ({n} samples, relative 80 % interval ±{hw} %).",
        "g_analogue": "G4.1-G4.3: estimated from analogues only (indirect evidence): a potential source.",
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
        "other": "{code} finnes ikke i UNFCs klassetabell: rapportert som annen kombinasjon.",
        "g_stats": "{g}: {n} prøver, relativt 80 %-intervall ±{hw} % (grense for {g}: minst {n_lim} prøver og "
                   "±{hw_lim} %).",
        "g_stats_next": "{g}: {n} prøver, relativt 80 %-intervall ±{hw} % (grense for {g}: minst {n_lim} prøver og "
                        "±{hw_lim} %; {g_next} krever {n_next} og ±{hw_next} %).",
        "g_stats_fail": "G4.1-G4.3: {n} prøver og relativt 80 %-intervall ±{hw} % oppfyller ikke grensen for G3 "
                        "(minst {n_lim} prøver og ±{hw_lim} %), så mengdene regnes som en potensiell kilde.",
        "g_capped": "{g}: anslag ved {method}, høyst {g} etter reglene ({n} prøver, relativt 80 %-intervall ±{hw} %).",
        "g_analogue": "G4.1-G4.3: anslått bare ut fra analoge forekomster (indirekte holdepunkter): en potensiell "
                      "kilde.",
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
