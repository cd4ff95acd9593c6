"""Stratified (Latin hypercube) draws for the Monte Carlo's shared random numbers.

Each shared vector of m uniforms takes exactly one value in each of the m strata
[k/m, (k+1)/m), in random order (McKay, Beckman & Conover 1979); every vector has its own
order, so two vectors are paired at random. A percentile of a monotone function of one such
vector is then nearly exact, and of a function of two or three (tonnage × grade) far more
precise than from plain draws of the same size: bench/bench_mc_precision.py measures it.
Each draw still has exactly its distribution (a stratified uniform is uniform), so the
draws are unbiased. The inverse CDFs are scipy's (``scipy.special``), vectorised.
"""
from __future__ import annotations

import numpy as np
from scipy import special


def uniforms(rng: np.random.Generator, iterations: int, rows: int = 1) -> np.ndarray:
    """(rows × iterations) stratified uniforms in (0, 1), each row its own permutation."""
    order = rng.permuted(np.tile(np.arange(iterations), (rows, 1)), axis=1)
    return (order + rng.random((rows, iterations))) / iterations


def normals(rng: np.random.Generator, iterations: int) -> np.ndarray:
    return special.ndtri(uniforms(rng, iterations)[0])


def chi_squares(rng: np.random.Generator, dof: np.ndarray, iterations: int) -> np.ndarray:
    """(len(dof) × iterations) χ²_ν draws, a stratified row per ν."""
    return special.chdtri(np.asarray(dof, float)[:, None], 1.0 - uniforms(rng, iterations, len(dof)))
