"""``python -m sync.simulator`` / ``counter-app portal-sim``: start the simulated portal."""
from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from pathlib import Path
from typing import Any

from counter_app.catalogue import bundled_path

from ..mapping import portal_procedure
from .server import Options, Portal, SimulatorServer
from .storage import PortalStore


def _account(text: str) -> tuple[str, str]:
    user, sep, password = text.partition(":")
    if not sep or not user or not password:
        raise argparse.ArgumentTypeError("expected USER:PASSWORD")
    return user, password


def _rate(text: str) -> float:
    value = float(text)
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError("a rate is between 0 and 1")
    return value


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="portal-sim", description="Simulated national portal (one-stop integration).")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8765, help="0 picks a free port")
    p.add_argument("--db", required=True, help="the simulator's own SQLite file")
    p.add_argument("--account", type=_account, action="append", required=True, metavar="USER:PASSWORD")
    p.add_argument("--dstcode", default="", help="when set, every request must carry this dstcode header")
    p.add_argument("--fail-rate", type=_rate, default=0.0, help="share of requests answered 500/503 before any work")
    p.add_argument("--drop-rate", type=_rate, default=0.0,
                   help="share of requests whose connection drops mid-answer AFTER the work is done")
    p.add_argument("--latency-ms", type=int, default=0)
    p.add_argument("--session-ttl", type=float, default=3600.0, help="seconds a session lives")
    p.add_argument("--process-after", type=float, default=None,
                   help="seconds after which a dossier in processing (4) is processed (9)")
    p.add_argument("--retry-after", type=int, default=1, help="Retry-After seconds of 503 answers")
    p.add_argument("--seed", type=int, default=None, help="seed of the fault dice")
    return p


def bundled_procedures() -> list[dict[str, Any]]:
    """The national procedures of our bundled catalogue, as the portal would serve them."""
    doc = json.loads(bundled_path().read_text(encoding="utf-8"))
    return [portal_procedure(entry, "sim.1") for entry in doc["procedures"] if entry.get("national_code", True)]


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    store = PortalStore(Path(args.db))
    store.seed_procedures(bundled_procedures())
    options = Options(
        accounts=dict(args.account), dstcode=args.dstcode, fail_rate=args.fail_rate, drop_rate=args.drop_rate,
        latency_ms=args.latency_ms, session_ttl=args.session_ttl, process_after=args.process_after,
        retry_after=args.retry_after, seed=args.seed,
    )
    server = SimulatorServer((args.host, args.port), Portal(store, options))
    stop = threading.Event()
    threading.Thread(target=server.run_processing, args=(stop,), daemon=True).start()

    def shut_down(_signum: int, _frame: object) -> None:
        stop.set()
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, shut_down)
    signal.signal(signal.SIGINT, shut_down)
    host, port = server.server_address[:2]
    print(f"listening on http://{host}:{port}", flush=True)
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        stop.set()
        server.server_close()
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
