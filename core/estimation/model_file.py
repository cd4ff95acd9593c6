"""Model files: skops, loaded only with an explicit list of trusted types; never pickle.

The file is a skops archive of ``{"format_version": int, "metadata_json": str,
"pipeline": sklearn.Pipeline}``. Loading first reads the archive's type schema (JSON, no
object is built), refuses any type outside :data:`TRUSTED_TYPES`, refuses a newer format
version, and only then builds the objects.
"""
from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

from ..atomic_file import atomic_path
from ..errors import TailingsInputError
from .fitting import FORMAT_VERSION, TrainedModel

# Types skops does not trust by default but our pipelines legitimately contain (found by
# ``skops.io.get_untrusted_types`` on each method's pipeline). Anything else is refused.
TRUSTED_TYPES: tuple[str, ...] = (
    "sklearn._loss.link.IdentityLink",
    "sklearn._loss.link.Interval",
    "sklearn._loss.loss.HalfSquaredError",
    "sklearn.gaussian_process.kernels.ConstantKernel",
    "sklearn.gaussian_process.kernels.Product",
    "sklearn.gaussian_process.kernels.RBF",
    "sklearn.gaussian_process.kernels.Sum",
    "sklearn.gaussian_process.kernels.WhiteKernel",
)
MODEL_SUFFIX = ".skops"


def save_model(model: TrainedModel, path: str | Path) -> Path:
    """Write atomically (temp file in the same folder + os.replace)."""
    import skops.io as sio

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {"format_version": FORMAT_VERSION,
               "metadata_json": json.dumps(model.metadata, sort_keys=True, allow_nan=True),
               "pipeline": model.pipeline}
    with atomic_path(path) as temp:  # mode from the umask (0644), not mkstemp's 0600
        sio.dump(payload, temp)
    return path


def _schema(path: Path) -> dict[str, Any]:
    try:
        with zipfile.ZipFile(path) as archive:
            bad = archive.testzip()  # CRC check of every member
            if bad is not None:
                raise TailingsInputError("Model file is corrupted (member {0} fails its checksum)", bad,
                                         file=str(path))
            return json.loads(archive.read("schema.json"))
    except (zipfile.BadZipFile, KeyError, json.JSONDecodeError, EOFError) as err:
        raise TailingsInputError("Not a readable Tailings UNFC model file (corrupted or not skops: {0})", err,
                                 file=str(path)) from None


def _format_version(schema: dict[str, Any], path: Path) -> int:
    try:
        return int(schema["content"]["format_version"]["content"])
    except (KeyError, TypeError, ValueError):
        raise TailingsInputError("Not a Tailings UNFC model file (no format_version)", file=str(path)) from None


def load_model(path: str | Path) -> tuple[Any, dict[str, Any]]:
    """(pipeline, metadata) from ``path``; TailingsInputError with the reason if refused."""
    import skops.io as sio

    path = Path(path)
    if not path.is_file():
        raise TailingsInputError("Model file not found", file=str(path))
    schema = _schema(path)
    version = _format_version(schema, path)
    if version > FORMAT_VERSION:
        raise TailingsInputError("Model file format version {0} is newer than this plugin understands ({1}); update "
                                 "Tailings UNFC", version, FORMAT_VERSION, file=str(path), value=version)
    try:
        untrusted = sio.get_untrusted_types(file=path)
    except Exception as err:  # any parse failure means a bad file
        raise TailingsInputError("Model file cannot be inspected: {0}", err, file=str(path)) from None
    refused = sorted(set(untrusted) - set(TRUSTED_TYPES))
    if refused:
        raise TailingsInputError(
            "Model file refused: it contains types that are not on the trusted list and "
            "could run code when loaded: {0}", ", ".join(refused), file=str(path))
    try:
        payload = sio.load(path, trusted=list(untrusted))
        metadata = json.loads(payload["metadata_json"])
        pipeline = payload["pipeline"]
    except TailingsInputError:
        raise
    except Exception as err:  # skops/zip/json errors all mean "corrupted"
        raise TailingsInputError("Model file is corrupted: {0}: {1}", type(err).__name__, err,
                                 file=str(path)) from None
    if not hasattr(pipeline, "predict"):
        raise TailingsInputError("Model file holds no fitted model", file=str(path))
    for key in ("target_column", "predictors", "transform", "interval", "training_range"):
        if key not in metadata:
            raise TailingsInputError("Model file lacks metadata {0!r}", key, file=str(path))
    return pipeline, metadata
