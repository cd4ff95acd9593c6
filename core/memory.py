"""Giving freed memory back to the operating system between the steps of a long run.

glibc's malloc keeps the memory a step frees (the assay import's per-file tables and
parsing buffers, the samples after the estimates) in its heaps for reuse, so the process's
resident size stays at the step's high-water mark, and the next step's large numpy arrays
land beside it. ``malloc_trim(0)`` (glibc ≥ 2.8, see malloc_trim(3)) returns the free pages
at the top and inside the heaps. Elsewhere (musl, macOS, Windows) it does nothing.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import gc
from functools import cache


@cache
def _trim():
    name = ctypes.util.find_library("c")
    try:
        function = ctypes.CDLL(name).malloc_trim if name else None
    except (OSError, AttributeError):  # not glibc
        return None
    if function is not None:
        function.argtypes, function.restype = [ctypes.c_size_t], ctypes.c_int
    return function


def release_freed_memory() -> bool:
    """Collect garbage, then give free heap pages back; True if the C library could."""
    gc.collect()
    trim = _trim()
    return bool(trim(0)) if trim is not None else False
