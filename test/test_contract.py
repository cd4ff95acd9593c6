"""The public contract of DESIGN.md: provider, algorithm ids, parameter and output names."""
from __future__ import annotations

import json

import pytest
from qgis_process_runner import run_qgis_process

CONTRACT = {
    "importdeposits": ("INPUT FIELD_MAP TARGET_CRS OUTPUT REJECTS", ""),
    "importassays": ("INPUT SHEET DEPOSITS OUTPUT REJECTS", ""),
    "trainmodel": ("INPUT TARGET PREDICTORS METHOD GROUP_FIELD OUTPUT_MODEL OUTPUT_REPORT",
                   "CV_R2 CV_R2_FOLD_MEAN CV_R2_FOLD_SD CV_RMSE COVERAGE N_SAMPLES"),
    "estimate": ("DEPOSITS ASSAYS MODELS OUTPUT", ""),
    "classify": ("INPUT RULES OUTPUT OUTPUT_QUANTITIES", ""),
    "export": ("INPUT QUANTITIES DESTINATION OUTPUT_REPORT", ""),
    "checkinputs": ("DEPOSITS ASSAYS PROXY_ASSAYS DEPOSIT_FIELD_MAP ASSAY_FIELD_MAP ASSAY_CRS OUTPUT_REPORT", ""),
    "pipeline": ("DEPOSITS ASSAYS PROXY_ASSAYS DEPOSIT_FIELD_MAP ASSAY_FIELD_MAP ASSAY_CRS RULES OUTPUT",
                 "N_DEPOSITS RUN_SUMMARY"),
    "factsheets": ("INPUT OUTPUT FORMAT FILTER DPI COMBINED_PDF", "N_FACTSHEETS FILES"),
}


@pytest.mark.parametrize("alg_id", sorted(CONTRACT))
def test_algorithm_has_contract_parameters(tailings_provider, alg_id):
    alg = tailings_provider.algorithm(alg_id)
    assert alg is not None, f"tailingsunfc:{alg_id} is not registered"
    params, outputs = CONTRACT[alg_id]
    names = {p.name() for p in alg.parameterDefinitions()}
    assert set(params.split()) <= names
    assert set(outputs.split()) <= {o.name() for o in alg.outputDefinitions()}
    # Batch mode and the modeler need every algorithm to be instantiable and described.
    assert alg.createInstance() is not None
    assert alg.shortHelpString()
    assert all(p.name() == p.name().upper() for p in alg.parameterDefinitions())


def test_provider_and_algorithms_visible_to_qgis_process():
    proc = run_qgis_process("--json", "list")
    assert proc.returncode == 0, proc.stderr
    providers = json.loads(proc.stdout)["providers"]
    assert providers["tailingsunfc"]["name"] == "Tailings UNFC"
    ids = set(providers["tailingsunfc"]["algorithms"])
    assert {f"tailingsunfc:{a}" for a in CONTRACT} <= ids
