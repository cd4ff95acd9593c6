"""Plots rendered with matplotlib's Agg backend to PNG bytes (no GUI toolkit involved)."""
