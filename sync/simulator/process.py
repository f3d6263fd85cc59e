"""Run the simulator in a child process, for tests, benchmarks and the training set-up."""
from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import requests

START_TIMEOUT_S = 20.0


class SimulatorHandle:
    """A simulator subprocess on loopback; ``stop``/``start`` keep its database and port."""

    def __init__(self, directory: Path, account: tuple[str, str], options: dict[str, Any]) -> None:
        self.db = Path(directory) / "portal-sim.sqlite3"
        self.account = account
        self.options = options
        self.port = 0
        self.process: subprocess.Popen[str] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _argv(self) -> list[str]:
        argv = [sys.executable, "-m", "sync.simulator", "--port", str(self.port), "--db", str(self.db),
                "--account", f"{self.account[0]}:{self.account[1]}"]
        for name, value in self.options.items():
            if value is not None:
                argv += [f"--{name.replace('_', '-')}", str(value)]
        return argv

    def start(self) -> SimulatorHandle:
        root = Path(__file__).resolve().parents[2]
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(root), os.environ.get("PYTHONPATH")]))}
        self.process = subprocess.Popen(self._argv(), stdout=subprocess.PIPE, text=True, env=env)
        line: list[str] = []
        reader = threading.Thread(target=lambda: line.append(self.process.stdout.readline()), daemon=True)
        reader.start()
        reader.join(START_TIMEOUT_S)
        if not line or not line[0].startswith("listening on "):
            self.stop()
            raise RuntimeError("the portal simulator did not start")
        self.port = int(line[0].strip().rsplit(":", 1)[-1])
        return self

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process is not None and self.process.stdout:
            self.process.stdout.close()
        self.process = None

    def _admin(self, what: str) -> list[dict[str, Any]]:
        answer = requests.get(f"{self.url}/__admin/{what}", timeout=30)
        answer.raise_for_status()
        return answer.json()

    def admin_dossiers(self) -> list[dict[str, Any]]:
        return self._admin("dossiers")

    def admin_anchors(self) -> list[dict[str, Any]]:
        """The audit-chain heads counters left with the portal."""
        return self._admin("anchors")

    def admin_files(self) -> list[dict[str, Any]]:
        """Each file the portal holds: size, bytes held, whole or not, the hash of what it stores, bytes ever written."""
        return self._admin("files")

    def lose_file(self, sha256: str) -> None:
        """Make the portal forget a file it held (the trainers' DELETE /__admin/files/<sha256>)."""
        requests.delete(f"{self.url}/__admin/files/{sha256}", timeout=10).raise_for_status()

    def put_procedure(self, procedure: dict[str, Any]) -> dict[str, Any]:
        answer = requests.put(f"{self.url}/__admin/procedures/{procedure['MATTHC']}", json=procedure, timeout=10)
        answer.raise_for_status()
        return answer.json()

    def __enter__(self) -> SimulatorHandle:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()


def running_simulator(directory: Path, *, account: tuple[str, str] = ("agent", "pw"), **options: Any) -> SimulatorHandle:
    """Start a simulator (port 0: a free one) and return its handle; use it as a context manager."""
    return SimulatorHandle(directory, account, options).start()
