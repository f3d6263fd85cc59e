"""``make office-demo``: a throwaway PostgreSQL cluster and two counters working on it.

Starts a local cluster (as tests/pg_cluster.py does), creates the office database with the
CLI (``init``, ``office grant-app-role``, a staff account, three received dossiers), then opens
two counter windows connected as the application role. Log in as ``canbo`` / ``matkhau-demo-1``
in both; a dossier received at one counter is in the other's list. Closing both windows (or
Ctrl+C) stops the cluster and deletes it. ``--seconds N`` closes the counters after N seconds.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
import pg_cluster  # noqa: E402

from counter_cli.main import main as counter_app  # noqa: E402

PASSWORD = "matkhau-demo-1"
DOSSIERS = [{"procedure_code": "1.004194",
             "applicant": {"full_name": name, "address": "Xóm 3, thôn Đông, xã Tân Hòa", "phone": "0912345678"},
             "papers": ["Tờ khai thay đổi thông tin cư trú (Mẫu CT01)",
                        "Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp"]}
            for name in ("Lê Thị Hồng Đào", "Nguyễn Văn Đức", "Trần Thị Hoà")]


def _cli(*argv: str, stdin: str = "") -> None:
    old = sys.stdin
    sys.stdin = __import__("io").StringIO(stdin)
    try:
        if counter_app(list(argv)) != 0:
            raise SystemExit(f"counter-app {' '.join(argv[2:4])} failed")
    finally:
        sys.stdin = old


def prepare(cluster: pg_cluster.Cluster) -> str:
    """The office database, set up by its owner; returns the counters' URL (the application role)."""
    cluster.psql("CREATE DATABASE office")
    cluster.psql("CREATE ROLE counter_app LOGIN")
    owner = cluster.url("office")
    _cli("--db", owner, "init", "--agency-code", "H15.50.05.13", "--agency-name",
         "Trung tâm Phục vụ hành chính công xã Tân Hòa", "--parent-name", "UBND xã Tân Hòa", "--admin", "quantri",
         "--admin-name", "Nguyễn Văn Quản", "--password-stdin", stdin=PASSWORD + "\n")
    _cli("--db", owner, "office", "grant-app-role", "counter_app")
    counters = cluster.url("office", user="counter_app")
    _cli("--db", counters, "user", "add", "canbo", "--full-name", "Lê Văn Cán", "--admin", "quantri",
         "--password-stdin", stdin=PASSWORD + "\n" + PASSWORD + "\n")
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as file:
        json.dump(DOSSIERS, file, ensure_ascii=False)
    _cli("--db", counters, "dossier", "receive", "--from-json", file.name, "--as", "canbo", "--password-stdin",
         stdin=PASSWORD + "\n")
    os.unlink(file.name)
    return counters


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, help="close the counters after this many seconds")
    args = parser.parse_args()
    cluster = pg_cluster.start_cluster()
    try:
        url = prepare(cluster)
        print(f"office database: {url}\nlog in at both counters as canbo / {PASSWORD}", flush=True)
        gui = [sys.executable, "-m", "counter_cli.main", "--db", url]
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
                or os.environ.get("QT_QPA_PLATFORM") == "offscreen"):
            gui = ["xvfb-run", "-a", *gui]
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        counters = [subprocess.Popen(gui, env=env) for _ in range(2)]
        try:
            for counter in counters:
                counter.wait(timeout=args.seconds)
        except subprocess.TimeoutExpired:
            alive = sum(counter.poll() is None for counter in counters)
            print(f"{alive} counters were running after {args.seconds:g} s; closing them")
            for counter in counters:
                counter.terminate()
                counter.wait()
            return 0 if alive == 2 else 1
        except KeyboardInterrupt:
            for counter in counters:
                counter.terminate()
        return 0
    finally:
        cluster.stop()
        pg_cluster.remove(cluster)


if __name__ == "__main__":
    sys.exit(main())
