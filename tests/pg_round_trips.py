"""Round trips and statements a store sends to PostgreSQL, read from libpq's protocol trace.

A round trip is a point where the client stops and waits for the server: a simple query, a
Sync, or a Flush after new statements (how psycopg reads an answer in pipeline mode). Used by
the tests that keep a receive's round trips bounded and by ``bench/bench_office.py``.
"""
from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from psycopg import pq

_MESSAGE = re.compile(r'^F\t\d+\t(?P<kind>\w+)\t?(?P<rest>.*)$')
_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')
_SENDS = {"Parse", "Bind", "Describe", "Execute"}


@dataclass
class Exchange:
    """The statements sent, then one wait for the server."""

    statements: list[str] = field(default_factory=list)


@dataclass
class Trace:
    exchanges: list[Exchange] = field(default_factory=list)

    @property
    def round_trips(self) -> int:
        return len(self.exchanges)

    @property
    def statements(self) -> list[str]:
        return [s for e in self.exchanges for s in e.statements]

    def held(self, begin: str, end: str) -> list[Exchange]:
        """The exchanges from the one sending a statement containing ``begin`` to the first after it sending ``end``."""
        first = next(i for i, e in enumerate(self.exchanges) if any(begin in s for s in e.statements))
        last = next(i for i, e in enumerate(self.exchanges[first:], first) if any(end in s for s in e.statements))
        return self.exchanges[first:last + 1]


class Tracer:
    """Traces one psycopg connection, block by block, from its first statement.

    psycopg prepares a statement after a few runs and then sends only its name: the tracer
    must have seen the Parse that named it, so it starts on a connection nothing has used yet.
    """

    def __init__(self, raw_connection: object) -> None:
        self._pgconn = raw_connection.pgconn  # type: ignore[attr-defined]
        self._prepared: dict[str, str] = {}

    @contextmanager
    def trace(self) -> Iterator[Trace]:
        """The :class:`Trace` of the block, filled in at its end."""
        result = Trace()
        with tempfile.TemporaryFile("w+") as log:
            self._pgconn.trace(log.fileno())
            self._pgconn.set_trace_flags(pq.Trace.SUPPRESS_TIMESTAMPS | pq.Trace.REGRESS_MODE)
            try:
                yield result
            finally:
                self._pgconn.untrace()
                log.seek(0)
                result.exchanges = self._parse(log.read().splitlines())

    def _parse(self, lines: list[str]) -> list[Exchange]:
        """The client's side of a trace, cut into exchanges."""
        exchanges = []
        current = Exchange()
        parsed = ""  # the SQL of the last Parse, which an unnamed Bind runs
        sent = False  # statements sent since the last wait
        for line in lines:
            match = _MESSAGE.match(line)
            if not match:
                continue
            kind, quoted = match["kind"], _QUOTED.findall(match["rest"])
            if kind == "Parse":
                name, parsed = quoted[0], quoted[1]
                if name:
                    self._prepared[name] = parsed
            elif kind == "Bind":
                current.statements.append(self._prepared[quoted[1]] if quoted[1] else parsed)
            elif kind == "Query":
                current.statements.append(quoted[0])
            if kind in _SENDS:
                sent = True
            elif kind in ("Query", "Sync") or (kind == "Flush" and sent):
                exchanges.append(current)
                current = Exchange()
                sent = False
        return exchanges
