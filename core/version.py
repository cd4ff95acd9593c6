"""The plugin version, read once from ``metadata.txt`` (the single source of truth)."""
from __future__ import annotations

import configparser
from functools import lru_cache
from pathlib import Path

PLUGIN_ROOT = Path(__file__).resolve().parent.parent


@lru_cache(maxsize=1)
def plugin_version() -> str:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(PLUGIN_ROOT / "metadata.txt", encoding="utf-8")
    return parser.get("general", "version", fallback="0.0.0")


@lru_cache(maxsize=1)
def repository_url() -> str:
    """``repository`` of metadata.txt: where a zip user finds the documentation."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(PLUGIN_ROOT / "metadata.txt", encoding="utf-8")
    return parser.get("general", "repository", fallback="").rstrip("/")


def docs_url(page: str) -> str:
    """Web address of ``docs/<page>`` in the repository (the zip carries no docs folder)."""
    return f"{repository_url()}/blob/main/docs/{page}"
