"""Helpers shared by the CLI command modules."""
from __future__ import annotations

import argparse
import getpass
import json
import sys
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Any

from counter_app.db.keys import KeyChoice
from counter_app.paths import default_db_path, open_store
from counter_app.store import Store


def store_from(args: argparse.Namespace) -> Store:
    """The store ``--db`` names; a new SQLite file is encrypted as ``init --key-store`` chose (default: auto)."""
    return open_store(args.db, key_choice=KeyChoice(getattr(args, "key_store", KeyChoice.AUTO)))


def db_file(args: argparse.Namespace) -> Path:
    """The SQLite file ``--db`` names, or the default one in the user data folder."""
    return Path(args.db) if args.db else default_db_path()


def read_secret(args: argparse.Namespace, prompt: str) -> str:
    """The next line of stdin with ``--password-stdin`` (automation), else a prompt that does not echo."""
    if not getattr(args, "password_stdin", False):
        return getpass.getpass(prompt)
    line = sys.stdin.readline()
    if not line:
        raise ValueError(f"--password-stdin: stdin ended before the line for: {prompt.rstrip(': ')}")
    return line.rstrip("\r\n")


def read_password(args: argparse.Namespace, prompt: str = "Password: ") -> str:
    """A new password: :func:`read_secret`, asked twice when it is typed at a prompt."""
    first = read_secret(args, prompt)
    if not getattr(args, "password_stdin", False) and getpass.getpass("Repeat: ") != first:
        raise ValueError("the two passwords differ")
    return first


def _plain(value: Any) -> Any:
    if is_dataclass(value):
        return {k: _plain(v) for k, v in asdict(value).items()}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def print_json(value: Any) -> None:
    json.dump(_plain(value), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (YYYY-MM-DD)") from None


def parse_datetime(text: str) -> datetime:
    try:
        return datetime.strptime(text.strip(), "%Y-%m-%d %H:%M")
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a time (\"YYYY-MM-DD HH:MM\")") from None
