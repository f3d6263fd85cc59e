"""Benchmarks that print their figures (median of several runs, ratio to a baseline from the same run)."""
