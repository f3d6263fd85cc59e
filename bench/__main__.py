"""Run every benchmark in turn: ``python -m bench`` (``make bench``)."""
from __future__ import annotations

import importlib
import pkgutil

import bench


def main() -> None:
    names = sorted(info.name for info in pkgutil.iter_modules(bench.__path__) if info.name.startswith("bench_"))
    for name in names:
        print(f"== {name}", flush=True)
        importlib.import_module(f"bench.{name}").main()


if __name__ == "__main__":
    main()
