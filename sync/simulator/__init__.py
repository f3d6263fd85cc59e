"""A stand-in for the national portal's one-stop integration, for tests and staff training.

It runs as its own process (``python -m sync.simulator`` or ``counter-app portal-sim``), speaks
the contract in ``sync/contract.md`` from the same schemas, keeps its own SQLite and injects the
faults rural connections bring: 500s, dropped connections, latency, expired sessions.
"""
from .cli import main

__all__ = ["main"]
